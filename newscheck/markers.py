"""Find German attribution, hearsay, hedging and speculation markers in any text, from data/markers_de.csv."""

from __future__ import annotations

import re

import pandas as pd

_CLAUSE_END = re.compile(r"[,;:.!?]")
HIT_COLUMNS = ["sentence_id", "marker_id", "marker", "category", "match", "start", "end"]


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause holding text[start:end]: from the punctuation before it to the punctuation after it."""
    before = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    after = _CLAUSE_END.search(text, end)
    return text[before : after.start() if after else len(text)]


def find_markers(sentences: pd.DataFrame | str, lexicon: pd.DataFrame | None = None, text_column: str = "text") -> pd.DataFrame:
    """Return one row per marker hit: sentence_id, marker_id, marker, category, match, start, end.

    `sentences` is a table with a `sentence_id` column and a text column (default 'text'; 'text_de' is used
    if present), or a single string (treated as one sentence, id 'S1'). `lexicon` defaults to data/markers_de.csv.
    Positions are character offsets within the sentence.
    """
    if isinstance(sentences, str):
        sentences = pd.DataFrame({"sentence_id": ["S1"], "text": [sentences]})
    if not isinstance(sentences, pd.DataFrame):
        raise TypeError(f"find_markers() needs a DataFrame of sentences or a string, not {type(sentences).__name__}.")
    if text_column not in sentences.columns and "text_de" in sentences.columns:
        text_column = "text_de"
    missing = [c for c in ("sentence_id", text_column) if c not in sentences.columns]
    if missing:
        raise KeyError(
            f"find_markers(): the sentence table has no column {', '.join(repr(c) for c in missing)}. "
            f"It has {list(sentences.columns)}; make one with split_sentences(text)."
        )
    if lexicon is None:
        from newscheck.tables import load_table

        lexicon = load_table("markers_de")
    compiled = [
        (row, re.compile(row["pattern"], re.IGNORECASE), re.compile(row["not_in_clause"], re.IGNORECASE) if isinstance(row["not_in_clause"], str) and row["not_in_clause"] else None)
        for row in lexicon.to_dict("records")
    ]
    hits = []
    for sentence_id, text in zip(sentences["sentence_id"], sentences[text_column]):
        text = "" if pd.isna(text) else str(text)
        for row, pattern, cancel in compiled:
            for match in pattern.finditer(text):
                start, end = match.span()
                if cancel and cancel.search(_clause_around(text, start, end)):
                    continue
                hits.append((sentence_id, row["marker_id"], row["marker"], row["category"], text[start:end].strip(), start, end))
    # hits in the order of the sentences given, then by position in the sentence
    order = {sentence_id: i for i, sentence_id in enumerate(sentences["sentence_id"])}
    hits.sort(key=lambda hit: (order[hit[0]], hit[5], hit[1]))
    return pd.DataFrame(hits, columns=HIT_COLUMNS)
