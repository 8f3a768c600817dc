"""Exercise 06: the practice text; the false alarm is found without the feedback pointing at it (issue #10)."""

import csv
from pathlib import Path

import pytest

from newscheck import data_dir, find_markers, read_text, split_sentences
from newscheck.checks.lesson06 import FALSE_ALARM

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = split_sentences(read_text(data_dir() / "sample_article_de.txt"))
HITS = find_markers(SAMPLE)
HEARSAY = sorted(set(HITS.loc[HITS["category"] == "hearsay", "sentence_id"]))
OTHERS = sorted(set(HITS["sentence_id"]) - set(HEARSAY))


def test_the_false_alarm_is_what_the_hand_annotation_says():
    with open(ROOT / "tests" / "fixtures" / "sample_article_gold_markers.csv", encoding="utf-8") as file:
        gold = {row["sentence_id"] for row in csv.DictReader(file) if row["category"] == "hearsay"}
    assert set(HEARSAY) - gold == {FALSE_ALARM}


CASES = [
    ("06.1", len(SAMPLE), True, "is right"),
    ("06.1", float(len(SAMPLE)), True, "is right"),
    ("06.1", len(SAMPLE) - 1, False, "headline counts as one"),
    ("06.1", len(SAMPLE) + 1, False, "too large"),
    ("06.1", SAMPLE, False, "Count them with len"),
    ("06.1", SAMPLE["sentence_id"].tolist(), False, "Count them with len"),
    ("06.1", str(len(SAMPLE)), False, "Remove the quotes"),
    ("06.1", len(SAMPLE) + 0.5, False, "not a whole number"),
    ("06.2", FALSE_ALARM, True, "order"),
    ("06.2", FALSE_ALARM.lower(), True, "order"),
    ("06.2", " " + FALSE_ALARM + " ", True, "order"),
    ("06.2", FALSE_ALARM[1:], True, "order"),
    ("06.2", FALSE_ALARM[0] + " " + FALSE_ALARM[1:], True, "order"),
    ("06.2", int(FALSE_ALARM[1:]), False, "as text"),
    ("06.2", [FALSE_ALARM], False, "as text"),
    ("06.2", "", False, "empty"),
    ("06.2", "S99", False, "no sentence S99"),
    ("06.2", SAMPLE.set_index("sentence_id").loc[FALSE_ALARM, "text"], False, "not its text"),
    *[("06.2", sentence_id, False, "does not flag") for sentence_id in OTHERS[:3]],
    *[("06.2", sentence_id, False, "do pass on") for sentence_id in HEARSAY if sentence_id != FALSE_ALARM],
]


@pytest.mark.parametrize("task_id, answer, ok, fragment", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_read_through(judge, task_id, answer, ok, fragment):
    result = judge(task_id, answer)
    assert result.ok is ok, result.message
    assert fragment in result.message


def test_an_unknown_id_does_not_give_away_the_number_of_sentences(judge):
    # found in the read-through: "its ids run from S1 to S15" answered task 06.1
    assert str(len(SAMPLE)) not in judge("06.2", "S99").message


@pytest.mark.parametrize("sentence_id", [s for s in HEARSAY if s != FALSE_ALARM])
def test_a_wrong_answer_does_not_point_at_the_false_alarm(judge, sentence_id):
    # issue #10: the feedback said "Look for a 'sollen' that gives an order", which left one candidate
    message = judge("06.2", sentence_id).message
    assert FALSE_ALARM not in message and "order" not in message and "sollen" not in message.replace("'sollen'", "")
