"""Exercise 06: a second short text, which lesson 06 does not show (the review found that lesson 06's outputs answer
tasks on its practice text); its sentences and the *sollen* the finder rightly leaves alone (issue #10, #12)."""

import re
from pathlib import Path

import nbformat
import pytest

from newscheck import data_dir, find_markers, read_text, split_sentences
from newscheck.checks.lesson06 import SECOND_TEXT, sollen_not_hearsay

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "exercises" / "source" / "06_your_own_article.ipynb"
PRACTICE = split_sentences(read_text(data_dir() / "sample_article_de.txt"))  # lesson 06's text
SECOND = split_sentences(SECOND_TEXT)
HITS = find_markers(SECOND)
HEARSAY = sorted(set(HITS.loc[HITS["category"] == "hearsay", "sentence_id"]))
WITH_SOLLEN = sorted(set(SECOND.loc[SECOND["text"].str.contains(r"\bsollen\b", case=False), "sentence_id"]))
CONDITIONAL = sorted(set(HITS.loc[HITS["marker_id"] == "M20", "sentence_id"]))  # "Sollten ..., ..." = if
OTHERS = sorted(set(SECOND["sentence_id"]) - set(WITH_SOLLEN) - set(CONDITIONAL))
(ANSWER,) = sollen_not_hearsay()  # exactly one: the task says so


def test_the_notebook_defines_the_text_the_checks_use():
    setup = next(c for c in nbformat.read(SOURCE, as_version=4).cells if c.cell_type == "code")
    assert re.search(r'second_text = """(.*?)"""', setup.source, flags=re.S).group(1) == SECOND_TEXT


def test_the_text_is_built_as_the_task_says():
    # By hand: S3's sollen + 'beschädigt haben' passes on a claim (hearsay); S5's sollen + 'prüfen', on the city's
    # instruction, is an order; S6's 'Sollten' is the verb-first conditional. The finder agrees.
    assert WITH_SOLLEN == ["S3", "S5"] and HEARSAY == ["S3"] and ANSWER == "S5" and CONDITIONAL == ["S6"]
    assert len(SECOND) != len(PRACTICE)


CASES = [
    ("06.1", len(SECOND), True, "is right"),
    ("06.1", float(len(SECOND)), True, "is right"),
    ("06.1", SECOND.shape[0], True, "is right"),
    ("06.1", len(SECOND) - 1, False, "headline counts as one"),
    ("06.1", len(SECOND) + 1, False, "too large"),
    ("06.1", len(PRACTICE), False, "lesson 06's practice text"),  # lesson 06 shows its 15 sentences
    ("06.1", SECOND["paragraph"].nunique(), False, "number of paragraphs"),
    ("06.1", SECOND, False, "Count them with len"),
    ("06.1", SECOND["sentence_id"].tolist(), False, "Count them with len"),
    ("06.1", SECOND.shape, False, ".shape[0]"),  # review: was the thousands-separator message
    ("06.1", [len(SECOND)], False, "without the brackets"),  # review: was "Count them with len(...)"
    ("06.1", str(len(SECOND)), False, "Remove the quotes"),
    ("06.1", len(SECOND) + 0.5, False, "not a whole number"),
    ("06.2", ANSWER, True, "leaves alone"),
    ("06.2", ANSWER.lower(), True, "leaves alone"),
    ("06.2", " " + ANSWER + " ", True, "leaves alone"),
    ("06.2", ANSWER[1:], True, "leaves alone"),
    ("06.2", ANSWER[0] + " " + ANSWER[1:], True, "leaves alone"),
    ("06.2", ANSWER + ".", True, "leaves alone"),  # review: 'S13.' with a period was called wrong
    ("06.2", int(ANSWER[1:]), False, "as text"),
    ("06.2", [ANSWER], False, "as text"),
    ("06.2", "", False, "empty"),
    ("06.2", "S99", False, "no sentence S99"),
    ("06.2", "S13", False, "no sentence S13"),  # the practice text's answer, which lesson 06 shows
    ("06.2", SECOND.set_index("sentence_id").loc[ANSWER, "text"], False, "not its text"),
    *[("06.2", sentence_id, False, "does flag") for sentence_id in HEARSAY],
    *[("06.2", sentence_id, False, "verb-first conditional") for sentence_id in CONDITIONAL],  # review: S14's Sollten
    *[("06.2", sentence_id, False, "no 'sollen'") for sentence_id in OTHERS],
]


@pytest.mark.parametrize("task_id, answer, ok, fragment", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_read_through(judge, task_id, answer, ok, fragment):
    result = judge(task_id, answer)
    assert result.ok is ok, result.message
    assert fragment in result.message


def test_the_right_answer_does_not_answer_the_follow_up_question(judge):
    # review: the ✓ message said "the finder is right", the answer to the task's own question; the folded model
    # answer of the exercise says it now
    message = judge("06.2", ANSWER).message
    assert "is the finder right?" in message and "finder is right" not in message and "order" not in message
    cells = nbformat.read(SOURCE, as_version=4).cells
    check = next(i for i, c in enumerate(cells) if c.source.startswith('check("06.2"'))
    assert "A model answer" in cells[check + 1].source and "the finder is right" in cells[check + 1].source


def test_the_hint_defines_what_it_uses():
    # review: hint 1 used `sentences` and `hits`, which the notebook never defined
    task = next(c.source for c in nbformat.read(SOURCE, as_version=4).cells if c.source.startswith("## Task 2"))
    assert "sentences = split_sentences(second_text)" in task and "hits = find_markers(sentences)" in task
    assert "the word *sollen* itself" in task


def test_an_unknown_id_does_not_give_away_the_number_of_sentences(judge):
    # found in the read-through: "its ids run from S1 to S15" answered task 06.1
    assert str(len(SECOND)) not in judge("06.2", "S99").message


@pytest.mark.parametrize("sentence_id", [s for s in SECOND["sentence_id"] if s != ANSWER])
def test_a_wrong_answer_does_not_point_at_the_answer(judge, sentence_id):
    # issue #10: wrong-answer feedback once pointed at the one candidate left
    assert ANSWER not in judge("06.2", sentence_id).message
