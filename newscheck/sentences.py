"""Split any German news text into a sentence table (nothing here assumes a particular article)."""

from __future__ import annotations

import re

import pandas as pd

# A full stop after these does not end a sentence.
_ABBREVIATIONS = {"z", "b", "dr", "nr", "ca", "u", "a", "bzw", "vgl", "usw", "etc", "s", "st", "prof", "d", "h", "v", "chr", "mio", "mrd", "jh", "okt", "nov", "dez", "jan", "feb", "sept", "aug"}
_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[„\"'(]?[A-ZÄÖÜ0-9])")


def _ends_mid_sentence(piece: str) -> bool:
    """True if a piece ends with an ordinal number ('28.') or an abbreviation ('z. B.'), not a sentence end."""
    last = piece.rstrip().rsplit(None, 1)[-1] if piece.strip() else ""
    if re.fullmatch(r"\d{1,2}\.", last):
        return True
    return last.endswith(".") and last[:-1].lower().strip("(„\"") in _ABBREVIATIONS


def split_sentences(text: str) -> pd.DataFrame:
    """One row per sentence: sentence_id (S1, S2, ...), paragraph (blocks separated by blank lines), text."""
    if not isinstance(text, str):
        raise TypeError(f"split_sentences() needs the article as a string (text), not {type(text).__name__}.")
    rows = []
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]
    for paragraph_number, paragraph in enumerate(paragraphs, start=1):
        pieces = _BOUNDARY.split(" ".join(paragraph.split()))
        merged: list[str] = []
        for piece in pieces:
            if merged and _ends_mid_sentence(merged[-1]):
                merged[-1] = f"{merged[-1]} {piece}"
            else:
                merged.append(piece)
        rows += [(paragraph_number, sentence) for sentence in merged]
    return pd.DataFrame(
        {
            "sentence_id": [f"S{i}" for i in range(1, len(rows) + 1)],
            "paragraph": [p for p, _ in rows],
            "text": [s for _, s in rows],
        }
    )
