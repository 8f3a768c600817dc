"""Exercise 02: right answers in several forms, wrong and malformed ones, and the defects of issue #10."""

import numpy as np
import pandas as pd
import pytest

from newscheck import find_markers, load_table
from newscheck.checks.lesson02 import TASK_4_SENTENCE

SENTENCES = load_table("article_sentences")
HITS = find_markers(SENTENCES)
S3 = sorted(HITS.loc[HITS["sentence_id"] == "S3", "marker_id"])
KOENNTE = SENTENCES["text_de"].str.contains(r"\bkönnte\b")
PER_CATEGORY = HITS["category"].value_counts()
NEW_HITS = find_markers(TASK_4_SENTENCE)

CASES = [
    # 02.1: the markers of S3, by hand
    ("02.1", S3, True, "found"),
    ("02.1", [m.lower() + " " for m in S3], True, "found"),
    ("02.1", tuple(reversed(S3)), True, "found"),
    ("02.1", np.array(S3), True, "found"),
    ("02.1", HITS.loc[HITS["sentence_id"] == "S3", "marker_id"], True, "found"),
    ("02.1", ["M1", "M8"], False, "two digits"),  # issue #10: was "2 should not be there"
    ("02.1", S3[:2], False, "2 of your 2 marker ids are right"),
    ("02.1", S3 + ["M03"], False, "should not be there"),
    ("02.1", ["M05", "M10"], False, "should not be there"),  # the task's example, copied
    ("02.1", ["M01", "M99"], False, "'M99' is not one of the marker ids"),
    ("02.1", ["sei", "kaum"], False, "not among the marker ids"),
    ("02.1", "M01", False, "give a list"),
    ("02.1", "M01, M08", False, "one piece of text"),
    ("02.1", [1, 8], False, "text in quotes"),
    ("02.1", [], False, "empty"),
    ("02.1", HITS[HITS["sentence_id"] == "S3"], False, "You gave a table"),
    ("02.1", {"M01": 1}, False, "dictionary"),
    # 02.2: the sentences with 'könnte'
    ("02.2", SENTENCES.loc[KOENNTE, "sentence_id"].tolist(), True, "Found it"),
    ("02.2", [s.lower() for s in SENTENCES.loc[KOENNTE, "sentence_id"]], True, "Found it"),
    ("02.2", SENTENCES.loc[KOENNTE, "sentence_id"], True, "Found it"),
    ("02.2", KOENNTE, False, "True/False values"),
    ("02.2", SENTENCES[KOENNTE], False, "You gave a table"),
    ("02.2", SENTENCES.loc[KOENNTE, "text_de"].tolist(), False, "not one of the sentence ids"),
    ("02.2", SENTENCES.loc[KOENNTE, "sentence_id"].iloc[0], False, "give a list"),
    ("02.2", ["S5"] + SENTENCES.loc[KOENNTE, "sentence_id"].tolist(), False, "should not be there"),
    ("02.2", [12], False, "text in quotes"),
    # 02.3: hits per category
    ("02.3", PER_CATEGORY, True, "hits in"),
    ("02.3", HITS.groupby("category").size(), True, "hits in"),
    ("02.3", PER_CATEGORY.to_frame(), True, "hits in"),
    ("02.3", dict(PER_CATEGORY), True, "hits in"),
    ("02.3", HITS["category"].value_counts(normalize=True), False, "shares"),  # issue #10: was "run the finder on every sentence"
    ("02.3", HITS["category"].value_counts(normalize=True) * 100, False, "shares"),
    ("02.3", PER_CATEGORY.astype(str), False, "holds text, not counts"),  # issue #10: strings
    ("02.3", HITS["category"], False, "the column of categories itself"),
    ("02.3", HITS["marker_id"].value_counts(), False, "per marker_id"),
    ("02.3", HITS.groupby("category")["sentence_id"].nunique(), False, "sentences per category"),
    ("02.3", find_markers(SENTENCES[SENTENCES["kind"] == "body"])["category"].value_counts(), False, "every sentence"),
    ("02.3", PER_CATEGORY * 2, False, "too large"),
    ("02.3", pd.Series(dtype=int), False, "empty"),
    ("02.3", PER_CATEGORY.tolist(), False, "one count per category"),
    ("02.3", HITS, False, "one count per category"),
    # 02.4: the finder on a sentence of one's own
    ("02.4", NEW_HITS, True, "found"),
    ("02.4", NEW_HITS[["marker_id", "category", "match"]], True, "found"),
    ("02.4", find_markers(""), False, "the finder found no marker"),  # issue #10: was "your filter", but there is none
    ("02.4", TASK_4_SENTENCE, False, "Run the finder"),
    ("02.4", find_markers(TASK_4_SENTENCE.lower()), False, "still missing"),
    ("02.4", find_markers("Die Zahl soll gestiegen sein."), False, "still missing"),
    ("02.4", NEW_HITS["marker_id"].tolist(), False, "should be a table"),
    ("02.4", NEW_HITS[["category", "match"]], False, "lacks the column 'marker_id'"),
    ("02.4", load_table("markers_de").loc[lambda m: m["marker_id"].isin(NEW_HITS["marker_id"])], False, "not what the finder returns"),
]


@pytest.mark.parametrize("task_id, answer, ok, fragment", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_read_through(judge, task_id, answer, ok, fragment):
    result = judge(task_id, answer)
    assert result.ok is ok, result.message
    assert fragment in result.message


def test_the_task_example_is_not_part_of_the_answer():
    assert not {"M05", "M10"} & set(S3)
