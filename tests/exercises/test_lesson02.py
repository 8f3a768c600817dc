"""Exercise 02: right answers in several forms, wrong and malformed ones, and the defects of issue #10."""

from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from newscheck import find_markers, load_table
from newscheck.checks.lesson02 import TASK_4_SENTENCE

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = load_table("article_sentences")
ALIGNMENT = load_table("agency_alignment")
HITS = find_markers(SENTENCES)
S3 = sorted(HITS.loc[HITS["sentence_id"] == "S3", "marker_id"])  # lesson 02 shows them: the old task 1
S2 = sorted(HITS.loc[HITS["sentence_id"] == "S2", "marker_id"])
DPA = ALIGNMENT.loc[ALIGNMENT["agency_id"] == "C02", "agency_span"].iloc[0]  # task 1: dpa's sentence with the figure
DPA_MARKERS = sorted(find_markers(DPA)["marker_id"])
KOENNTE = SENTENCES["text_de"].str.contains(r"\bkönnte\b")  # lesson 02 shows it: the old task 2
BEREITS = SENTENCES["text_de"].str.contains(r"\bbereits\b")
BODY_HITS = find_markers(SENTENCES[SENTENCES["kind"] == "body"])
PER_CATEGORY = BODY_HITS["category"].value_counts()  # task 3: the body only
ALL_LINES = HITS["category"].value_counts()  # lesson 02 shows these: the old task 3
NEW_HITS = find_markers(TASK_4_SENTENCE)

CASES = [
    # 02.1: the markers of dpa's sentence C02, by hand (was S3, whose markers lesson 02 prints)
    ("02.1", DPA_MARKERS, True, "found"),
    ("02.1", [m.lower() + " " for m in DPA_MARKERS], True, "found"),
    ("02.1", tuple(reversed(DPA_MARKERS)), True, "found"),
    ("02.1", np.array(DPA_MARKERS), True, "found"),
    ("02.1", find_markers(DPA)["marker_id"], True, "found"),
    ("02.1", set(DPA_MARKERS), True, "found"),
    ("02.1", ["M8", "M24"], False, "two digits"),  # issue #10: was "2 should not be there"
    ("02.1", DPA_MARKERS[:1], False, "Your marker id is right, but 1 is still missing."),  # review: was "1 of your 1"
    ("02.1", DPA_MARKERS + ["M03"], False, "should not be there"),
    ("02.1", ["M05", "M10"], False, "should not be there"),  # the task's example, copied
    ("02.1", S3, False, "the article's sentence S3"),  # copied from lesson 02
    ("02.1", S2, False, "the article's sentence S2"),  # the article's version of the same figure
    ("02.1", ["M08", "M99"], False, "'M99' is not one of the marker ids"),
    ("02.1", ["bezifferte", "mehr als"], False, "not among the marker ids"),
    ("02.1", ["attribution", "hedge"], False, "not among the marker ids"),
    ("02.1", "M08", False, "give a list"),
    ("02.1", "M08, M24", False, "one piece of text"),
    ("02.1", [8, 24], False, "text in quotes"),
    ("02.1", [], False, "empty"),
    ("02.1", find_markers(DPA), False, "You gave a table"),
    ("02.1", {"M08": 1}, False, "dictionary"),
    # 02.2: the sentences with 'bereits' (was 'könnte', which lesson 02's finder output shows in S12)
    ("02.2", SENTENCES.loc[BEREITS, "sentence_id"].tolist(), True, "found"),
    ("02.2", [s.lower() for s in SENTENCES.loc[BEREITS, "sentence_id"]], True, "found"),
    ("02.2", SENTENCES.loc[BEREITS, "sentence_id"], True, "found"),
    ("02.2", SENTENCES.loc[BEREITS, "sentence_id"].to_numpy(), True, "found"),
    ("02.2", BEREITS, False, "True/False values"),
    ("02.2", SENTENCES[BEREITS], False, "You gave a table"),
    ("02.2", SENTENCES.loc[BEREITS, "text_de"].tolist(), False, "not among the sentence ids"),
    ("02.2", SENTENCES.loc[BEREITS, "sentence_id"].iloc[0], False, "give a list"),
    ("02.2", SENTENCES.loc[BEREITS, "sentence_id"].tolist()[:1], False, "still missing"),
    ("02.2", ["S5"] + SENTENCES.loc[BEREITS, "sentence_id"].tolist(), False, "should not be there"),
    ("02.2", SENTENCES.loc[KOENNTE, "sentence_id"].tolist(), False, "still missing"),  # the old answer
    ("02.2", [12], False, "text in quotes"),
    ("02.2", SENTENCES.index[BEREITS].tolist(), False, "row numbers"),  # review: was pushed to write ["15"]
    # 02.3: hits per category in the body (was every line, which lesson 02 prints)
    ("02.3", PER_CATEGORY, True, "hits in"),
    ("02.3", BODY_HITS.groupby("category").size(), True, "hits in"),
    ("02.3", PER_CATEGORY.to_frame(), True, "hits in"),
    ("02.3", dict(PER_CATEGORY), True, "hits in"),
    ("02.3", PER_CATEGORY.sort_index(), True, "hits in"),
    ("02.3", PER_CATEGORY.reset_index(), True, "hits in"),  # review: one count per category, as a table
    ("02.3", ALL_LINES, False, "the headlines too"),  # copied from lesson 02
    ("02.3", BODY_HITS["category"].value_counts(normalize=True), False, "shares"),  # issue #10: was "run the finder on every sentence"
    ("02.3", BODY_HITS["category"].value_counts(normalize=True) * 100, False, "shares"),
    ("02.3", PER_CATEGORY.astype(str), False, "holds text, not counts"),  # issue #10: strings
    ("02.3", BODY_HITS["category"], False, "the column of categories itself"),
    ("02.3", BODY_HITS["marker_id"].value_counts(), False, "per marker_id"),
    ("02.3", BODY_HITS.groupby("category")["sentence_id"].nunique(), False, "sentences per category"),
    ("02.3", load_table("markers_de")["category"].value_counts(), False, "the lexicon's entries"),  # review
    ("02.3", find_markers(SENTENCES[SENTENCES["sentence_id"].isin(["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12"])])["category"].value_counts(),
     False, "too small"),
    ("02.3", PER_CATEGORY * 2, False, "too large"),
    ("02.3", pd.Series(dtype=int), False, "empty"),
    ("02.3", PER_CATEGORY.tolist(), False, "one count per category"),
    ("02.3", BODY_HITS, False, "one count per category"),
    ("02.3", PER_CATEGORY.to_frame().T, False, "one count per category"),
    # 02.4: the finder on a sentence of one's own
    ("02.4", NEW_HITS, True, "found"),
    ("02.4", NEW_HITS[["marker_id", "category", "match"]], True, "found"),
    ("02.4", find_markers(""), False, "the finder found no marker"),  # issue #10: was "your filter", but there is none
    ("02.4", TASK_4_SENTENCE, False, "Run the finder"),
    ("02.4", find_markers(TASK_4_SENTENCE.replace("rund ", "")), False, "still missing"),  # issue #19: the finder now reads lower case too
    ("02.4", find_markers("Die Zahl soll gestiegen sein."), False, "still missing"),
    ("02.4", NEW_HITS["marker_id"].tolist(), False, "should be a table"),
    ("02.4", NEW_HITS["marker_id"], False, "Store the finder's result itself"),  # review: was "use double brackets"
    ("02.4", NEW_HITS[["category", "match"]], False, "lacks the column 'marker_id'"),
    ("02.4", load_table("markers_de").loc[lambda m: m["marker_id"].isin(NEW_HITS["marker_id"])], False, "not what the finder returns"),
]


@pytest.mark.parametrize("task_id, answer, ok, fragment", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_read_through(judge, task_id, answer, ok, fragment):
    result = judge(task_id, answer)
    assert result.ok is ok, result.message
    assert fragment in result.message


def test_the_task_example_is_not_part_of_the_answer():
    assert not {"M05", "M10"} & set(DPA_MARKERS)


def test_the_answers_are_not_in_lesson_02s_outputs():
    # review: lesson 02 printed the markers of S3, the sentences with 'könnte' and every line's counts per category
    lesson = nbformat.read(ROOT / "notebooks" / "02_who_says_what.ipynb", as_version=4)
    shown = "\n".join(output.get("text", "") + str(output.get("data", {}).get("text/plain", ""))
                      for cell in lesson.cells if cell.cell_type == "code" for output in cell.outputs)
    assert DPA not in shown and "bezifferte" not in shown
    assert "bereits" not in [line.split(": ")[-1] for line in shown.splitlines() if line.startswith("match:")]
    assert not PER_CATEGORY.equals(ALL_LINES)


def test_the_task_quotes_the_dpa_sentence_of_the_data_exactly():
    source = nbformat.read(ROOT / "exercises" / "source" / "02_who_says_what.ipynb", as_version=4)
    task_1 = next(c for c in source.cells if c.cell_type == "markdown" and c.source.startswith("## Task 1"))
    assert "> " + DPA in task_1.source
