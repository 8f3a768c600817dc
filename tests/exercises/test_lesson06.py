"""Exercise 06: the practice text; the sentence whose 'sollen' the finder rightly leaves alone (issue #10, #12)."""

import csv
from pathlib import Path

import pytest

from newscheck import data_dir, find_markers, read_text, split_sentences
from newscheck.checks.lesson06 import sollen_not_hearsay

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = split_sentences(read_text(data_dir() / "sample_article_de.txt"))
HITS = find_markers(SAMPLE)
HEARSAY = sorted(set(HITS.loc[HITS["category"] == "hearsay", "sentence_id"]))
OTHERS = sorted(set(HITS["sentence_id"]) - set(HEARSAY))


WITH_SOLLEN = sorted(set(SAMPLE.loc[SAMPLE["text"].str.contains(r"\bsollen\b", case=False), "sentence_id"]))
(ANSWER,) = sollen_not_hearsay()  # exactly one: the task says so


def test_the_answer_is_what_the_hand_annotation_says():
    with open(ROOT / "data" / "sample_article_markers.csv", encoding="utf-8") as file:
        gold = {row["sentence_id"] for row in csv.DictReader(file) if row["category"] == "hearsay"}
    assert len(WITH_SOLLEN) == 2 and ANSWER in WITH_SOLLEN
    assert ANSWER not in gold and set(WITH_SOLLEN) - {ANSWER} <= gold


CASES = [
    ("06.1", len(SAMPLE), True, "is right"),
    ("06.1", float(len(SAMPLE)), True, "is right"),
    ("06.1", len(SAMPLE) - 1, False, "headline counts as one"),
    ("06.1", len(SAMPLE) + 1, False, "too large"),
    ("06.1", SAMPLE, False, "Count them with len"),
    ("06.1", SAMPLE["sentence_id"].tolist(), False, "Count them with len"),
    ("06.1", str(len(SAMPLE)), False, "Remove the quotes"),
    ("06.1", len(SAMPLE) + 0.5, False, "not a whole number"),
    ("06.2", ANSWER, True, "the finder is right"),
    ("06.2", ANSWER.lower(), True, "the finder is right"),
    ("06.2", " " + ANSWER + " ", True, "the finder is right"),
    ("06.2", ANSWER[1:], True, "the finder is right"),
    ("06.2", ANSWER[0] + " " + ANSWER[1:], True, "the finder is right"),
    ("06.2", int(ANSWER[1:]), False, "as text"),
    ("06.2", [ANSWER], False, "as text"),
    ("06.2", "", False, "empty"),
    ("06.2", "S99", False, "no sentence S99"),
    ("06.2", SAMPLE.set_index("sentence_id").loc[ANSWER, "text"], False, "not its text"),
    *[("06.2", sentence_id, False, "does flag") for sentence_id in WITH_SOLLEN if sentence_id != ANSWER],
    *[("06.2", sentence_id, False, "no 'sollen'") for sentence_id in OTHERS[:3] if sentence_id not in WITH_SOLLEN],
]


@pytest.mark.parametrize("task_id, answer, ok, fragment", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_read_through(judge, task_id, answer, ok, fragment):
    result = judge(task_id, answer)
    assert result.ok is ok, result.message
    assert fragment in result.message


def test_an_unknown_id_does_not_give_away_the_number_of_sentences(judge):
    # found in the read-through: "its ids run from S1 to S15" answered task 06.1
    assert str(len(SAMPLE)) not in judge("06.2", "S99").message


@pytest.mark.parametrize("sentence_id", [s for s in SAMPLE["sentence_id"] if s != ANSWER])
def test_a_wrong_answer_does_not_point_at_the_answer(judge, sentence_id):
    # issue #10: wrong-answer feedback once pointed at the one candidate left
    assert ANSWER not in judge("06.2", sentence_id).message
