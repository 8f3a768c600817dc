"""Find the figures stated in any German text: the value, how the text bounds it (qualifier) and what it counts (unit).

The words are data, not code: qualifier words (mehr als, rund, bis zu, zwischen ... und) in
data/figure_qualifiers_de.csv, multipliers, fractions, words like Dutzende and the words that mark a year or a time
of day in data/number_words_de.csv. Digits in German formats (600.000; 1,5; 180 000) are read with Babel's
`parse_decimal`, number words (drei, zwölf, dreihundertzwanzig) with text2num, month names come from Babel's
German locale data, and the counted noun after a figure from the HanTa tagger (newscheck/nlp.py). All of these
are loaded on first use, so `import newscheck` stays fast.

What is not a figure: dates (2. März, Mai 2015), years used as dates (im Jahr 1990, von 2003 bis 2021), times of day
(2:30 Uhr), ordinals (3. Platz), a number inside a hyphenated compound (46-jähriger, Fünf-Prozent-Hürde), and
ein/eine as an article.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

COLUMNS = ["sentence_id", "text", "value", "low", "high", "qualifier", "unit", "start", "end"]
QUALIFIER_FILE = "data/figure_qualifiers_de.csv"
WORDS_FILE = "data/number_words_de.csv"

# Digits in German formats: 600.000 / 180 000 (groups of three after a dot or a space) / 1,5 / 2077. Not inside a
# word or a compound (46-jähriger), not followed by another digit group (12.00 is a time, not a number).
_DIGITS = re.compile(r"(?<![\w.,:/-])(?:\d{1,3}(?:(?:\.|[ \u00a0\u202f])\d{3})+|\d+)(?:,\d+)?(?![\w-]|[.,:]\d)")
_WORD = re.compile(r"(?<![\w-])[^\W\d_]+\.?(?![\w-])")
_SPACE = re.compile(r"\s+")
# Tags of words between a figure and its counted noun: adjectives, possessives, indefinite determiners.
_SKIP_TAGS = ("ADJA", "PPOSAT", "PIAT", "PIDAT", "CARD")
_NOUN_TAGS = ("NN", "NE")
# The unit that is part of the figure as written (48,7 Prozent).
_PERCENT = ("prozent", "prozentpunkte", "prozentpunkten")


@dataclass
class _Rules:
    """The word lists of data/, ready to match."""

    before: list[tuple[str, str]]  # (words, qualifier), longest first
    comparative: set[str]  # words that compare the figure before them when they follow one (mehr als)
    ranges: list[tuple[str, str]]  # (words before the first number, words between the two)
    words: dict[str, dict[str, dict]]  # kind -> {word in lower case: row}
    months: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    from babel.dates import get_month_names

    from newscheck.tables import load_table

    qualifiers = load_table("figure_qualifiers_de")
    before = [(str(r.words).lower(), r.qualifier) for r in qualifiers.itertuples() if r.position == "before"]
    ranges = []
    for row in qualifiers.itertuples():
        if row.position == "range":
            parts = str(row.words).split("…")
            ranges.append((parts[0].strip().lower(), parts[1].strip().lower()))
    words: dict[str, dict[str, dict]] = {}
    for row in load_table("number_words_de").to_dict("records"):
        words.setdefault(row["kind"], {})[str(row["word"]).lower()] = row
    months = sorted({m.lower() for width in ("wide", "abbreviated") for m in get_month_names(width, locale="de").values()}, key=len, reverse=True)
    comparative = {str(r.words).lower() for r in qualifiers.itertuples() if r.comparative}
    return _Rules(sorted(before, key=lambda r: -len(r[0])), comparative, ranges, words, months)


# --- reading numbers ---------------------------------------------------------------------------------------------

def digits_value(text: str) -> float | None:
    """The value of digits in German format (600.000, 180 000, 1,5), read by Babel; None if it is no number."""
    from babel.numbers import NumberFormatError, parse_decimal

    try:
        return float(parse_decimal(_SPACE.sub(".", text) if re.search(r"\d\s\d", text) else text, locale="de", strict=True))
    except (NumberFormatError, ValueError):
        return None


def word_value(word: str) -> float | None:
    """The value of a German number word (drei, zwölf, Tausend, dreihundertzwanzig), read by text2num; else None."""
    from text_to_num import text2num

    try:
        return float(text2num(word.lower(), "de"))
    except ValueError:
        return None


# --- one sentence ------------------------------------------------------------------------------------------------

@dataclass
class _Figure:
    start: int
    end: int
    value: float
    low: float = math.nan
    high: float = math.nan
    qualifier: str = "exact"
    unit: str = ""
    year_like: bool = False  # bare four digits from 1800 to 2100
    multiplied: bool = False
    qualified: bool = False


def _masked(sentence: str, rules: _Rules) -> list[tuple[int, int]]:
    """Spans that hold dates, times of day and ordinals: no figure starts inside them."""
    months = "|".join(re.escape(m) for m in rules.months)
    times = "|".join(re.escape(w) for w in rules.words.get("time_word", {}))
    patterns = [
        rf"(?<![\w.,])\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:{times})\b" if times else None,  # 14 Uhr, 2:30 Uhr, 12.00 Uhr
        r"(?<![\w.,])\d{1,2}\.\d{1,2}\.(?:\d{2,4})?",  # 15.06.2022
        rf"(?<![\w.,])\d{{1,2}}\.\s*(?:{months})\b" if months else None,  # 2. März
        r"(?<![\w.,])\d{1,3}\.(?=\s+\w)",  # 3. Platz (an ordinal)
    ]
    return [m.span() for p in patterns if p for m in re.finditer(p, sentence, re.IGNORECASE)]


def _next_word(sentence: str, position: int) -> re.Match | None:
    """The word right after `position` (spaces allowed between), or None; a full stop after it is not part of it
    unless the word with it is an abbreviation of the lists (Mio., Mrd.)."""
    match = _WORD.search(sentence, position)
    if not match or sentence[position : match.start()].strip():
        return None
    if match.group().endswith(".") and match.group().lower() not in _rules().words.get("multiplier", {}):
        return re.compile(r"[^\W\d_]+").match(sentence, match.start())
    return match


def _previous_word(sentence: str, position: int) -> re.Match | None:
    """The word right before `position` (spaces allowed between), or None."""
    words = [m for m in _WORD.finditer(sentence, 0, position) if not sentence[m.end() : position].strip()]
    return words[-1] if words else None


def _numbers(sentence: str, rules: _Rules) -> list[_Figure]:
    """Every number in the sentence, with multipliers, fractions and multiples joined to it; no bounds yet."""
    masked = _masked(sentence, rules)
    free = lambda a, b: not any(s < b and a < e for s, e in masked)  # noqa: E731
    words = rules.words
    found: list[_Figure] = []
    for match in _DIGITS.finditer(sentence):
        if not free(*match.span()):
            continue
        value = digits_value(match.group())
        if value is not None:
            bare = re.fullmatch(r"\d{4}", match.group()) is not None
            found.append(_Figure(match.start(), match.end(), value, year_like=bare and 1800 <= value <= 2100))
    for match in _WORD.finditer(sentence):
        word = match.group().lower()
        if word.endswith(".") and word not in words.get("multiplier", {}):
            word = word[:-1]
        if any(f.start <= match.start() < f.end for f in found):
            continue
        after_number = _previous_number(found, sentence, match.start()) or _previous_article(sentence, match.start(), rules)
        if word in words.get("fraction", {}) or word == "mal" or (word in words.get("multiplier", {}) and after_number):
            continue  # joined to the number before them, below
        if word in words.get("count_word", {}):
            row = words["count_word"][word]
            found.append(_Figure(match.start(), match.end(), float(row["value"]), qualifier=row["qualifier"], qualified=row["qualifier"] != "exact"))
            continue
        if word in words.get("article", {}):
            following = _next_word(sentence, match.end())
            after = following.group().lower() if following else ""
            if after in words.get("multiplier", {}) or after in words.get("fraction", {}) or _qualifier_before(sentence, match.start(), rules):
                found.append(_Figure(match.start(), match.end(), 1.0))
            continue
        suffix = next(iter(words.get("multiple_suffix", {})), None)
        if suffix and word.endswith(suffix) and len(word) > len(suffix) and (value := word_value(word[: -len(suffix)])) is not None:
            found.append(_Figure(match.start(), match.end(), value, unit="Mal"))
            continue
        value = word_value(word)
        if value is not None and word not in words.get("fraction", {}):
            found.append(_Figure(match.start(), match.end(), value))
    found.sort(key=lambda f: f.start)
    for figure in found:
        _join_following(sentence, figure, rules)
    _join_fractions(sentence, found, rules)
    return found


def _previous_article(sentence: str, position: int, rules: _Rules) -> bool:
    """True if ein/eine stands right before `position` (eine Million: the article and the multiplier are one figure)."""
    previous = _previous_word(sentence, position)
    return previous is not None and previous.group().lower() in rules.words.get("article", {})


def _previous_number(found: list[_Figure], sentence: str, position: int) -> bool:
    """True if a number found so far ends right before `position`."""
    return any(not sentence[f.end : position].strip() for f in found if f.end <= position)


def _join_following(sentence: str, figure: _Figure, rules: _Rules) -> None:
    """Join a multiplier (Millionen, Mrd.) and a multiple (Mal) that follow the number."""
    following = _next_word(sentence, figure.end)
    if following and following.group().lower() in rules.words.get("multiplier", {}):
        figure.value *= float(rules.words["multiplier"][following.group().lower()]["value"])
        figure.end, figure.multiplied, figure.year_like = following.end(), True, False
        following = _next_word(sentence, figure.end)
    if following and following.group().lower() in rules.words.get("multiple", {}) and not figure.unit:
        figure.end, figure.unit, figure.year_like = following.end(), "Mal", False


def _join_fractions(sentence: str, found: list[_Figure], rules: _Rules) -> None:
    """Add the fractions (ein Drittel, zwei Drittel, die Hälfte, halb): the word before gives the numerator."""
    for match in _WORD.finditer(sentence):
        row = rules.words.get("fraction", {}).get(match.group().lower())
        if row is None:
            continue
        numerator = next((f for f in found if f.end <= match.start() and not sentence[f.end : match.start()].strip()), None)
        if numerator is not None:
            found.remove(numerator)
            start, factor = numerator.start, numerator.value
        else:
            previous = _previous_word(sentence, match.start())
            start = previous.start() if previous and previous.group().lower() in {"die", "der", "zur", "ein", "eine", "einem", "einer"} else match.start()
            factor = 1.0
        found.append(_Figure(start, match.end(), factor * float(row["value"])))
    found.sort(key=lambda f: f.start)


def _qualifier_before(sentence: str, position: int, rules: _Rules) -> tuple[str, int, str] | None:
    """(qualifier, start of its words, the words) if qualifier words stand right before `position`."""
    before = sentence[:position].rstrip().lower()
    for words, qualifier in rules.before:
        if before.endswith(words) and (len(before) == len(words) or not before[-len(words) - 1].isalnum()):
            return qualifier, len(before) - len(words), words
    return None


def _join_ranges(sentence: str, found: list[_Figure], rules: _Rules) -> list[_Figure]:
    """Join two numbers into a range when range words join them (50 bis 70, zwischen 670.000 und 690.000)."""
    result: list[_Figure] = []
    index = 0
    while index < len(found):
        figure = found[index]
        if index + 1 < len(found):
            other = found[index + 1]
            between = sentence[figure.end : other.start].strip().lower()
            for first, middle in rules.ranges:
                if between != middle:
                    continue
                opening = _previous_word(sentence, figure.start)
                if first and not (opening and opening.group().lower() == first):
                    continue
                low = figure.value
                if other.multiplied and not figure.multiplied and other.value > 0:
                    low *= other.value / _unmultiplied(sentence, other, rules)
                result.append(_Figure(opening.start() if first else figure.start, other.end, math.nan, low, other.value, "range", other.unit,
                                      year_like=figure.year_like and other.year_like, multiplied=other.multiplied))
                index += 2
                break
            else:
                result.append(figure)
                index += 1
            continue
        result.append(figure)
        index += 1
    return result


def _unmultiplied(sentence: str, figure: _Figure, rules: _Rules) -> float:
    """The number of a multiplied figure before its multiplier (the 2 of '2 Millionen')."""
    following = _WORD.findall(sentence[figure.start : figure.end])
    multiplier = next((w for w in reversed(following) if w.lower() in rules.words.get("multiplier", {})), None)
    return figure.value / float(rules.words["multiplier"][multiplier.lower()]["value"]) if multiplier else figure.value


def _unit(sentence: str, figure: _Figure) -> tuple[str, int]:
    """The counted noun after the figure (skipping adjectives and possessives) and where the figure's text ends."""
    rest = sentence[figure.end :]
    if rest.lstrip().startswith("%"):
        return "%", figure.end + rest.index("%") + 1
    from newscheck.nlp import analyse

    tokens = [t for t in analyse(sentence) if t.start >= figure.end]
    for index, token in enumerate(tokens[:6]):
        tag = token.tag.replace("(", "").replace(")", "")
        if tag.startswith(_NOUN_TAGS):
            end = token.end if token.text.lower() in _PERCENT else figure.end
            return token.text, end
        joins_adjectives = tag == "KON" and index + 1 < len(tokens) and tokens[index + 1].tag.startswith("ADJ")
        if not (tag.startswith(_SKIP_TAGS) or joins_adjectives):
            break
    return "", figure.end


def _comparison(sentence: str, bound: tuple[str, int, str], figure: _Figure, figures: list[_Figure], rules: _Rules) -> bool:
    """True if comparative qualifier words (mehr als) follow another figure (and at most its unit): a comparison such
    as '0,5 Prozent mehr als ein Jahr zuvor', not a bound of what follows. A year before them is no figure, and
    neither is a figure that counts something else than `figure` after the words: in 'in zwei Jahren mehr als 1.200
    Parkplätze' the years are not compared with the parking spaces, so 'mehr als' bounds 1.200. An article after the
    words (ein Jahr) is no figure of its own: it stays a comparison."""
    _, position, words = bound
    if words not in rules.comparative:
        return False
    article = sentence[figure.start : figure.end].lower() in rules.words.get("article", {})
    unit = "" if article else figure.unit or _unit(sentence, figure)[0]  # 'mehr als ein Jahr zuvor' compares
    for before in figures:
        if before.end > position or before.year_like or len(_WORD.findall(sentence[before.end : position])) > 1:
            continue
        if re.search(r"[,;:()–-]", sentence[before.end : position]):
            continue
        before_unit = before.unit or _unit(sentence, before)[0]
        if not unit or unit.lower() == before_unit.lower():
            return True
    return False


def _sentence_figures(sentence: str, rules: _Rules) -> list[_Figure]:
    figures = _join_ranges(sentence, _numbers(sentence, rules), rules)
    result = []
    for figure in figures:
        if figure.qualifier != "range" and not figure.qualified:
            bound = _qualifier_before(sentence, figure.start, rules)
            if bound and _comparison(sentence, bound, figure, figures, rules):
                if sentence[figure.start : figure.end].lower() in rules.words.get("article", {}):
                    continue  # 'mehr als ein Jahr zuvor': an article after a comparison
                bound = None
            if bound:
                figure.qualifier, figure.start, figure.qualified = bound[0], bound[1], True
        figure.unit, figure.end = (figure.unit, figure.end) if figure.unit else _unit(sentence, figure)
        if figure.year_like and not figure.qualified:
            previous = _previous_word(sentence, figure.start)
            after_date_word = previous is not None and (previous.group().lower() in rules.words.get("date_word", {}) or previous.group().lower().rstrip(".") in rules.months)
            if after_date_word or not figure.unit:
                continue  # a year used as a date
        result.append(figure)
    return result


def find_figures(sentences: pd.DataFrame | str, text_column: str = "text") -> pd.DataFrame:
    """One row per figure stated in the text: sentence_id, text, value, low, high, qualifier, unit, start, end.

    `sentences` is a text or a sentence table as `split_sentences` returns it. `text` is the figure as written with
    its qualifier words ("mehr als 600.000", "50 bis 70", "ein Drittel"); `value` the number (empty for a range,
    which has `low` and `high`); `qualifier` one of exact, about, more_than, at_least, as_many_as, approaching,
    less_than, range; `unit` the counted noun or unit that follows ("Soldaten", "Prozent", "Euro"), empty if none.
    """
    if isinstance(sentences, str):
        from newscheck.sentences import split_sentences

        sentences = split_sentences(sentences)
    if not isinstance(sentences, pd.DataFrame) or text_column not in sentences or "sentence_id" not in sentences:
        from newscheck.i18n import _

        raise TypeError(_("find_figures() needs a text, or a sentence table with the columns sentence_id and text (as "
                          "split_sentences returns it)."))
    rules = _rules()
    rows = []
    for sentence_id, text in zip(sentences["sentence_id"], sentences[text_column]):
        text = text if isinstance(text, str) else ""
        for f in _sentence_figures(text, rules):
            rows.append((sentence_id, text[f.start : f.end], f.value, f.low, f.high, f.qualifier, f.unit, f.start, f.end))
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.astype({"value": "float64", "low": "float64", "high": "float64", "start": "int64", "end": "int64"})
