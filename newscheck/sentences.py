"""Split any German news text into a sentence table (nothing here assumes a particular article).

Sentence boundaries come from SoMaJo's German splitter, which knows ordinals, dates and hundreds of
abbreviations. The text of each sentence is cut from the input, so it is exactly the input's wording.
"""

from __future__ import annotations

import re

import pandas as pd

from newscheck.nlp import spans

# Abbreviations that SoMaJo 2.5 does not know and that are followed by a number (Tab. 2, Abb. 3): no sentence end.
_BEFORE_NUMBER = {"tab", "abb", "bd", "kap", "ziff", "anm", "fig"}
# Words that begin a sentence and never follow a date's ordinal (am 5. Mai) or an abbreviation (1,2 Mio. Euro) inside
# one: a number or 'Mio.' before them ends the sentence (Im Jahr davor waren es 50. Heute sind es 80.), which
# SoMaJo 2.5 reads as an ordinal or an abbreviation.
_SENTENCE_START = ("Der Die Das Den Dem Des Ein Eine Einen Einem Einer Er Sie Es Wir Ich Man Dies Diese Dieser "
                   "Dieses Damit Dabei Dafür Danach Dann Doch Aber Und Auch Heute Gestern Zudem Außerdem Allerdings "
                   "Trotzdem Jedoch Nun So Wie Was Wer Wo Wann Warum Ob Als Wenn Weil Da Laut Seit Bisher Inzwischen").split()
_ENDS_AFTER_NUMBER = re.compile(r"(?<=\s)(?:\d[\d.,]*\.|Mio\.|Mrd\.|Tsd\.|usw\.|etc\.)(?=\s+(?:" + "|".join(_SENTENCE_START) + r")\b)")
_QUOTES = '"“”»«'
# The first quotation mark of a text, and whether a comma follows it: „... Verdächtigen wird gefahndet“, sagte er.
_FIRST_QUOTE = re.compile(rf"^[^{_QUOTES}]*[{_QUOTES}](\s*,)?")


def _open_quotation(text: str) -> bool:
    """True if `text` opens a quotation that it does not close („ without “ or ”; an odd number of " or of « and »)."""
    german = text.count("„") - text.count("“") - text.count("”")
    return german > 0 or text.count('"') % 2 == 1 or (text.count("«") + text.count("»")) % 2 == 1


def _continues(previous: str, following: str) -> bool:
    """True if `following` continues `previous`: a split after 'Tab.' before '2 des Berichts'."""
    last = previous.rsplit(None, 1)[-1].lower() if previous.strip() else ""
    return last.endswith(".") and last[:-1] in _BEFORE_NUMBER and following[:1].isdigit()


def _quoted_with_speaker(pieces: list[str], i: int) -> int:
    """If pieces[i] opens a quotation of several sentences that closes in a later piece and goes on with a comma
    (the speaker's words: „Es gibt einen Verdächtigen. Nach ihm wird gefahndet“, sagte er.), the index of that
    piece: the quotation and its speaker are one sentence of the report. Otherwise i (a quotation that stands on
    its own stays split into its sentences)."""
    if not _open_quotation(pieces[i]):
        return i
    for j in range(i + 1, len(pieces)):
        first = _FIRST_QUOTE.match(pieces[j])
        if first:
            return j if first.group(1) else i
    return i


def _split_after_numbers(paragraph: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split paragraph[start:end] where a sentence ends in a number or 'Mio.' that SoMaJo took for an ordinal."""
    parts = []
    for match in _ENDS_AFTER_NUMBER.finditer(paragraph, start, end):
        following = match.end() + len(paragraph[match.end() : end]) - len(paragraph[match.end() : end].lstrip())
        parts.append((start, match.end()))
        start = following
    return parts + [(start, end)]


def _sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, as substrings of it."""
    bounds: list[tuple[int, int]] = []
    for sentence in spans(paragraph):
        start, end = sentence[0][0], sentence[-1][1]
        if bounds and _continues(paragraph[bounds[-1][0] : bounds[-1][1]], paragraph[start:end]):
            bounds[-1] = (bounds[-1][0], end)
        else:
            bounds.append((start, end))
    bounds = [part for start, end in bounds for part in _split_after_numbers(paragraph, start, end)]
    pieces = [paragraph[start:end] for start, end in bounds]
    merged, i = [], 0
    while i < len(bounds):
        j = _quoted_with_speaker(pieces, i)
        merged.append((bounds[i][0], bounds[j][1]))
        i = j + 1
    return [paragraph[start:end] for start, end in merged]


def split_sentences(text: str) -> pd.DataFrame:
    """One row per sentence: sentence_id (S1, S2, ...), paragraph (blocks separated by blank lines), text."""
    if not isinstance(text, str):
        from newscheck.i18n import _

        raise TypeError(_("split_sentences() needs the article as a string (text), not {kind}.", kind=type(text).__name__))
    rows = []
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]
    for paragraph_number, paragraph in enumerate(paragraphs, start=1):
        rows += [(paragraph_number, sentence) for sentence in _sentences(" ".join(paragraph.split()))]
    return pd.DataFrame(
        {
            "sentence_id": [f"S{i}" for i in range(1, len(rows) + 1)],
            "paragraph": [p for p, _ in rows],
            "text": [s for _, s in rows],
        }
    )
