"""What the measuring scripts share (finder_eval.py, figures_eval.py, compare_eval.py): a hand-annotated text as a
sentence table, and precision and recall.

An annotated text is already split into sentences by hand (one per line), so it is not split again with
split_sentences: a splitting error would otherwise count as an error of the finder or the comparison.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd


def sentence_table(sentences: list[str], **columns: list) -> pd.DataFrame:
    """Sentences already split, as a sentence table like split_sentences returns: sentence_id (S1, S2, ...), any
    further `columns` (paragraph=[...]), text."""
    return pd.DataFrame({"sentence_id": [f"S{i}" for i in range(1, len(sentences) + 1)], **columns, "text": sentences})


def read_sentences(path: Path) -> pd.DataFrame:
    """The sentence table of an annotated text file with one sentence on each non-blank line."""
    return sentence_table([line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])


def share(part: int, whole: int) -> float:
    """part / whole; NaN when there is no whole (a precision with nothing found, a recall with nothing annotated)."""
    return part / whole if whole else math.nan


def precision_recall(correct: int, found: int, gold: int) -> tuple[float, float]:
    """(precision, recall) from the counts of correct results, all results and annotated (gold) ones."""
    return share(correct, found), share(correct, gold)
