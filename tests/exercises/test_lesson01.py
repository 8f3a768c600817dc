"""Exercise 01: right answers in several forms, wrong and malformed ones, and the defects of issue #10."""

import numpy as np
import pandas as pd
import pytest

from newscheck import load_article

ARTICLE = load_article()
LINES = len(ARTICLE.lines)
BODY = " ".join(ARTICLE.lines[4:])
LINE_600 = next(i for i, line in enumerate(ARTICLE.lines, start=1) if "600.000" in line)
RUSS = BODY.lower().count("russ")

CASES = [
    # 01.1: how many lines carry text
    ("01.1", LINES, True, "is right"),
    ("01.1", float(LINES), True, "is right"),
    ("01.1", np.int64(LINES), True, "is right"),
    ("01.1", pd.Series([LINES]), True, "is right"),
    ("01.1", LINES + 0.5, False, "not a whole number"),  # issue #10: 7.5 was "too small"
    ("01.1", LINES - 1, False, "too small"),
    ("01.1", LINES + 1, False, "too large"),
    ("01.1", len(ARTICLE.text.splitlines()), False, "blank lines too"),
    ("01.1", len(ARTICLE.text), False, "too large"),
    ("01.1", ARTICLE.lines, False, "Count its items with len"),
    ("01.1", str(LINES), False, "Remove the quotes"),
    ("01.1", "acht", False, "You gave text"),
    ("01.1", (LINES, 0), False, "tuple"),
    ("01.1", float("nan"), False, "missing value"),
    ("01.1", -LINES, False, "too small"),  # not "subtract the earlier from the later": nothing is subtracted here
    # 01.2: the line of 600.000, counted from 1
    ("01.2", LINE_600, True, "is right"),
    ("01.2", LINE_600 - 1, False, "counts from 0"),
    ("01.2", LINE_600 + 1, False, "too large"),
    ("01.2", LINE_600 + 0.5, False, "not a whole number"),
    ("01.2", ARTICLE.lines[LINE_600 - 1], False, "You gave text"),
    ("01.2", str(LINE_600), False, "Remove the quotes"),
    # 01.3: the letters 'russ' in the body, ignoring capitals
    ("01.3", RUSS, True, "is right"),
    ("01.3", BODY.lower().count("russland"), False, "'Russland' only"),
    ("01.3", BODY.count("Russ"), False, "lower case"),
    ("01.3", BODY.lower().count("russisch"), False, "only some of the forms"),
    ("01.3", RUSS + 1, False, "too large"),
    ("01.3", 0, False, "too small"),
    ("01.3", RUSS + 0.5, False, "not a whole number"),
]


@pytest.mark.parametrize("task_id, answer, ok, fragment", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_read_through(judge, task_id, answer, ok, fragment):
    result = judge(task_id, answer)
    assert result.ok is ok, result.message
    assert fragment in result.message


def test_check_without_an_answer_explains_instead_of_raising(judge, capsys):
    # issue #10: check("01.1") raised a TypeError
    from newscheck import check

    check("01.1")
    assert 'check("01.1", your_answer)' in capsys.readouterr().out
    assert not judge("01.1").ok


def test_a_task_number_without_its_leading_zero_is_understood(judge):
    assert judge("1.1", LINES).ok
    assert judge(1.1, LINES).ok
    assert "There is no task" in judge(["01.1"], LINES).message
