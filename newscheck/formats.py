"""Numbers and dates the way the running edition writes them, through Babel (the CLDR data behind Sphinx and
JupyterLab's server, installed with them): 600.000 and 2,19 and 28. Oktober 2023 in German.

The English edition writes numbers and dates in prose as Python prints them (2.19, 600000, 2023-10-28), so that what
a check's message shows can be typed as it is; `grouped=True` separates thousands in English too (600,000: for axis
labels and printed tables). Code a message asks the learner to type keeps Python's notation and does not use these.

What Babel does not do, and this module adds: choosing the locale from the running edition (newscheck.i18n), keeping
the number of decimals Python's own format gives (Babel's default pattern drops them: 2.00 would become 2), and
telling a learner's typed '1.064' (a thousands point, or Python's decimal point?) apart from '2,19'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from newscheck.i18n import SOURCE_LANGUAGE, current_language

#: Babel's locale for each edition's language.
LOCALES = {"en": "en", "de": "de_DE"}


def _locale() -> str:
    return LOCALES.get(current_language(), current_language())


def number_text(value: Any, spec: str = "", grouped: bool = False) -> str:
    """A number for prose, the edition's way: as Python writes it in English (2.5, 1064; with `grouped`, 600,000), with
    a decimal comma and a thousands point in German (2,5; 1.064; 600.000). `spec` is a format spec such as ".2f" or
    "g": it fixes the digits, Babel writes them."""
    text = format(value, spec)
    english = current_language() == SOURCE_LANGUAGE
    match = re.fullmatch(r"[-+]?\d+(?:\.(\d+))?", text)
    if (english and not grouped) or match is None:  # English as Python writes it; 'inf', '1e+06' as they are
        return text
    from babel.numbers import format_decimal

    decimals = len(match.group(1) or "")
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(Decimal(text), format=pattern, locale=_locale())


def date_text(date: Any) -> str:
    """A date for prose: in English as Python prints it (2023-10-28, as a learner's `year_before` shows it), in German
    in words (28. Oktober 2023)."""
    import pandas as pd

    day = pd.Timestamp(date).date()
    if current_language() == SOURCE_LANGUAGE:
        return day.isoformat()
    from babel.dates import format_date

    return format_date(day, format="long", locale=_locale())


@dataclass(frozen=True)
class TypedNumber:
    """A number typed as text the way the running edition writes numbers (German: '2,19', '600.000')."""

    python: str        # the same number as Python writes it: '2.19', '600000'
    decimal: bool      # it has a decimal comma
    grouped: bool      # it has thousands separators
    ambiguous: bool    # one point and three digits ('1.064'): a thousands separator, or Python's decimal point


def typed_number(text: str) -> TypedNumber | None:
    """How Python writes a number a learner typed as text with the edition's decimal mark or thousands separators
    ('2,19' -> 2.19, '1.064,5' -> 1064.5 in German); None in the English edition, for text that Python writes alike
    ('2.19', '12') and for text that is no such number. Babel reads the number (strictly: '1.06' is no German number);
    a space or an apostrophe between groups of three digits counts as a thousands separator too, as people type them."""
    if current_language() == SOURCE_LANGUAGE:
        return None
    from babel.numbers import NumberFormatError, get_decimal_symbol, get_group_symbol, parse_decimal

    decimal, group = get_decimal_symbol(_locale()), get_group_symbol(_locale())
    body = text.strip()
    sign = body[:1] if body[:1] in "+-" else ""
    body = body[len(sign):].strip()
    whole, mark, fraction = body.partition(decimal)
    if not re.fullmatch(r"\d{1,3}(?:[ ']\d{3})+", whole):  # spaces and apostrophes: Babel knows only the locale's mark
        spaced = False
    else:
        spaced, whole = True, re.sub(r"[ ']", group, whole)
    grouped = group in whole
    if (mark and not fraction.isdigit()) or not (mark or grouped) or not re.fullmatch(r"[\d" + re.escape(group) + "]+", whole):
        return None  # digits only, as Python writes them; a trailing comma; no number at all
    try:
        value = parse_decimal(whole + mark + fraction, locale=_locale(), strict=True)
    except NumberFormatError:
        return None
    python = sign + (format(value, "f") if mark else str(int(value)))
    if mark:
        python = python.rstrip("0").rstrip(".") if "." in python else python
        python += "" if "." in python.lstrip("+-") else ".0"
    ambiguous = grouped and not mark and not spaced and whole.count(group) == 1 and group == "."
    return TypedNumber(python, bool(mark), grouped, ambiguous)
