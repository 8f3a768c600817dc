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


def _continues(previous: str, following: str) -> bool:
    """True if `following` continues `previous` (a split after 'Tab.' before '2 des Berichts')."""
    last = previous.rsplit(None, 1)[-1].lower() if previous.strip() else ""
    return last.endswith(".") and last[:-1] in _BEFORE_NUMBER and following[:1].isdigit()


def _sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, as substrings of it."""
    bounds: list[tuple[int, int]] = []
    for sentence in spans(paragraph):
        start, end = sentence[0][0], sentence[-1][1]
        if bounds and _continues(paragraph[bounds[-1][0] : bounds[-1][1]], paragraph[start:end]):
            bounds[-1] = (bounds[-1][0], end)
        else:
            bounds.append((start, end))
    return [paragraph[start:end] for start, end in bounds]


def split_sentences(text: str) -> pd.DataFrame:
    """One row per sentence: sentence_id (S1, S2, ...), paragraph (blocks separated by blank lines), text."""
    if not isinstance(text, str):
        raise TypeError(f"split_sentences() needs the article as a string (text), not {type(text).__name__}.")
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
