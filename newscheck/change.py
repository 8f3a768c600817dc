"""Check a claimed change between two figures: the ratio, the difference, the change per day and the reader's words.

The words ("doubled", "halved", "rose by a third"; German "verdoppelt", "nahezu halbiert") are rules in
data/change_words.csv: each row gives the range of ratios (later / earlier) its words fit.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import pandas as pd

_BOUNDS = {"more_than", "at_least", "as_many_as", "approaching", "less_than"}


@lru_cache(maxsize=1)
def _words() -> pd.DataFrame:
    from newscheck.tables import load_table

    return load_table("change_words")


def _figure(figure, first: bool) -> tuple[float, float, str]:
    """(low, high, qualifier) of a number, or of a row of find_figures (a range keeps both ends)."""
    from newscheck.i18n import _

    if isinstance(figure, (int, float)) and not isinstance(figure, bool):
        return float(figure), float(figure), "exact"
    if isinstance(figure, (pd.Series, dict)):
        value, low, high = (figure.get(key) for key in ("value", "low", "high"))
        qualifier = figure.get("qualifier") or "exact"
        if value is not None and not pd.isna(value):
            return float(value), float(value), str(qualifier)
        if low is not None and high is not None and not (pd.isna(low) or pd.isna(high)):
            return float(low), float(high), "range"
    if isinstance(figure, str) and (python := _python_form(figure)) is not None:
        raise TypeError(_("describe_change() needs numbers, not text: write {python} instead of \"{text}\" (without quotation "
                          "marks; Python writes numbers with a decimal point and without thousands separators).", python=python, text=figure.strip()))
    if first:
        raise TypeError(_("describe_change() needs the first figure as a number (such as 1200 or 2.5) or as a row of "
                          "find_figures(), not {kind}.", kind=type(figure).__name__))
    raise TypeError(_("describe_change() needs the second figure as a number (such as 1200 or 2.5) or as a row of "
                      "find_figures(), not {kind}.", kind=type(figure).__name__))


def _python_form(text: str) -> str | None:
    """How Python writes a number typed as text, or None if the text is no number. The texts are German in both
    editions, so the German reading comes first ('1.200' -> 1200, '2,1' -> 2.1); the English edition also offers the
    English reading when it differs ('1,200' -> 1.2 or 1200)."""
    from babel.numbers import NumberFormatError, parse_decimal

    body = text.strip()
    forms = []
    for locale in ("de", "en") if not _german() else ("de",):
        try:
            forms.append(format(parse_decimal(body, locale=locale, strict=True).normalize(), "f"))
        except NumberFormatError:
            pass
    if not forms:
        try:
            float(body)
            forms.append(body)
        except ValueError:
            return None
    from newscheck.i18n import _

    forms = list(dict.fromkeys(forms))
    return forms[0] if len(forms) == 1 else _("{first} or {second}", first=forms[0], second=forms[1])


def _german() -> bool:
    from newscheck.i18n import current_language

    return current_language() == "de"


def _unknown_words(wanted: str, table: pd.DataFrame) -> str:
    """What to write when the claimed words are not in data/change_words.csv: the table's words that stand in them
    ('hat sich verdoppelt' holds 'verdoppelt'), else the table's words closest to them."""
    import difflib

    from newscheck.i18n import _

    known = list(table["words_de"]) + list(table["words_en"])
    inside = [w for w in known if re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", wanted)]
    if inside:
        longest = max(inside, key=len)
        return _("these words are not in data/change_words.csv, but '{words}' is: give only the words of the change, "
                 "e.g. claimed=\"{words}\", and check that the text says no more than that (not, nearly)", words=longest)
    lower = {w.lower(): w for w in known}
    close = [lower[w] for w in difflib.get_close_matches(wanted, list(lower), n=4, cutoff=0.5)]
    example = ", ".join(close) if close else ", ".join(table["words_de" if _german() else "words_en"].head(4))
    return _("these words are not in data/change_words.csv: use its words, e.g. {example}", example=example)


def words_for(ratio: float, language: str = "en") -> list[str]:
    """The words of data/change_words.csv whose range of ratios holds `ratio` (language 'en' or 'de')."""
    table = _words()
    fits = table[(table["min_ratio"].isna() | (table["min_ratio"] <= ratio)) & (table["max_ratio"].isna() | (ratio < table["max_ratio"]))]
    return list(fits["words_de" if language == "de" else "words_en"])


def describe_change(before, after, before_date=None, after_date=None, claimed: str | None = None) -> pd.Series:
    """Compare two figures: numbers, or rows of find_figures() (a range gives a range of ratios).

    Returns before, after, days between the dates, difference, ratio (after / before), percent change, change per
    day, the words a reader would use in English and German (`words_en`, `words_de`), and, when `claimed` words are
    given ("verdoppelt", "nearly halved"), whether they fit the numbers (`claimed_fits`) and the ratios they need
    (`claimed_needs`). `note` says when a figure is a bound or a range, so the change is not exact.
    """
    from newscheck.i18n import _

    low0, high0, qualifier0 = _figure(before, first=True)
    low1, high1, qualifier1 = _figure(after, first=False)
    if low0 <= 0 or high0 <= 0:
        raise ValueError(_("describe_change() needs a first figure above zero: a ratio to zero or to a negative number says nothing."))
    middle0, middle1 = (low0 + high0) / 2, (low1 + high1) / 2
    ratio = middle1 / middle0
    ratios = (low1 / high0, high1 / low0)
    days = None
    if before_date is not None and after_date is not None:
        days = (pd.Timestamp(after_date) - pd.Timestamp(before_date)).days
    from newscheck.formats import number_text

    notes = []
    if {qualifier0, qualifier1} & _BOUNDS:
        notes.append(_("a figure is a bound (more than, at least, up to, nearly, less than): the true change may be larger or smaller"))
    if "range" in (qualifier0, qualifier1):
        notes.append(_("a figure is a range: the ratio lies between {low} and {high}", low=number_text(ratios[0], ".2f"), high=number_text(ratios[1], ".2f")))
    result = {
        "before": middle0,
        "after": middle1,
        "days": days,
        "difference": middle1 - middle0,
        "ratio": ratio,
        "ratio_low": ratios[0],
        "ratio_high": ratios[1],
        "percent_change": (ratio - 1) * 100,
        "change_per_day": (middle1 - middle0) / days if days else math.nan,
        "words_en": words_for(ratio, "en"),
        "words_de": words_for(ratio, "de"),
        "note": "; ".join(notes),
    }
    if claimed is not None:
        table = _words()
        wanted = claimed.strip().lower()
        rows = table[(table["words_en"].str.lower() == wanted) | (table["words_de"].str.lower() == wanted)]
        if rows.empty:
            result["claimed_fits"] = None
            result["claimed_needs"] = _unknown_words(wanted, table)
        else:
            row = rows.iloc[0]
            lowest = row["min_ratio"] if not pd.isna(row["min_ratio"]) else 0.0
            highest = row["max_ratio"] if not pd.isna(row["max_ratio"]) else math.inf
            result["claimed_fits"] = bool(lowest <= ratio < highest)
            if math.isinf(highest):
                result["claimed_needs"] = _("a ratio of {low} or more", low=number_text(lowest, "g"))
            elif lowest == 0:
                result["claimed_needs"] = _("a ratio under {high}", high=number_text(highest, "g"))
            else:
                result["claimed_needs"] = _("a ratio from {low} to under {high}", low=number_text(lowest, "g"), high=number_text(highest, "g"))
    return pd.Series(result, dtype=object)
