"""Exercise 05: days, ratios, rates and the narrowed window; rounding accepted exactly as far as it goes."""

import math

import numpy as np
import pandas as pd
import pytest

from answer_key import ARTICLE_DATE, BY_ID, DAYS, EARLY, LATE, PER_DAY, RATIO, SPAN, YEAR_BEFORE, nearest
from answer_key import pairs as all_pairs

# What lesson 05 itself computed (W-22 -> W-29, W-34 / W-20, UA-4 -> UA-13): the tasks ask about other pairs.
LESSON_DAYS = (BY_ID.loc["W-29", "date"] - BY_ID.loc["W-22", "date"]).days
LESSON_RATIO = BY_ID.loc["W-34", "value"] / BY_ID.loc["W-20", "value"]
LESSON_PER_DAY = (BY_ID.loc["UA-13", "value"] - BY_ID.loc["UA-4", "value"]) / (BY_ID.loc["UA-13", "date"] - BY_ID.loc["UA-4", "date"]).days


def pairs(then_days: int) -> pd.DataFrame:
    """Lesson 05, Step 5, with the year-earlier window given (tests/answer_key.py, independently of the check)."""
    return all_pairs(then_days, ["series", "metric", "estimate_id", "date", "value"])


NARROW, LESSON = pairs(30), pairs(75)
THEN, NOW = nearest(YEAR_BEFORE, 30), nearest(ARTICLE_DATE, 30)
OUTER = THEN.merge(NOW, on=["series", "metric"], suffixes=("_then", "_now"), how="outer")
WITHOUT_DEDUPLICATION = (BY_ID.reset_index().pipe(lambda e: e[(e["coverage"] == "cumulative") & e["value"].notna()])
                         .pipe(lambda p: p[(p["date"] - YEAR_BEFORE).abs() <= pd.Timedelta(days=30)])
                         .merge(NARROW[["series", "metric"]], on=["series", "metric"]))

CASES = [
    # 05.1: days between W-12 and W-19
    ("05.1", DAYS, True, "is right"),
    ("05.1", float(DAYS), True, "is right"),
    ("05.1", np.int64(DAYS), True, "is right"),
    ("05.1", pd.Series([DAYS]), True, "is right"),
    ("05.1", float("nan"), False, "missing value"),  # issue #10: NaN was "too small"
    ("05.1", pd.NaT, False, "missing value"),
    ("05.1", pd.NA, False, "missing value"),
    ("05.1", BY_ID.loc["W-19", "date"] - BY_ID.loc["W-12", "date"], False, ".days"),
    ("05.1", np.timedelta64(DAYS, "D"), False, ".days"),
    ("05.1", BY_ID.loc["W-19", "date"], False, "a date"),
    ("05.1", -DAYS, False, "negative"),
    ("05.1", DAYS + 1, False, "too large"),
    ("05.1", DAYS - 1, False, "too small"),
    ("05.1", DAYS / 7, False, "not a whole number"),
    ("05.1", str(DAYS), False, "Remove the quotes"),
    ("05.1", LESSON_DAYS, False, "too large"),  # the lesson's W-22 -> W-29
    ("05.1", [DAYS], False, "without the brackets"),
    ("05.1", (DAYS, 0), False, "not 1,500"),
    ("05.1", [DAYS, DAYS], False, "by_id.loc[row, column]"),
    # 05.2: the UK's ratio, W-37 / W-26
    ("05.2", RATIO, True, "is right"),
    ("05.2", round(RATIO, 2), True, "is right"),
    ("05.2", round(RATIO, 1), True, "is right"),
    ("05.2", round(RATIO, 3), True, "is right"),
    ("05.2", pd.Series([RATIO]), True, "is right"),
    ("05.2", round(round(RATIO, 2) - 0.03, 2), False, "too small"),  # issue #10: a tolerance accepted such a value
    ("05.2", math.floor(RATIO * 100) / 100, False, "not what rounding gives"),  # cut off, not rounded
    ("05.2", round(RATIO, 1) + 0.1, False, "too large"),
    ("05.2", (int(RATIO), int(round(RATIO, 2) * 100) % 100), False, "use a point"),  # issue #10: (2,19)
    ("05.2", str(round(RATIO, 2)).replace(".", ","), False, "decimal with a point"),
    ("05.2", 1 / RATIO, False, "Upside down"),
    ("05.2", round(1 / RATIO, 2), False, "Upside down"),
    ("05.2", RATIO * 100, False, "percentage"),
    ("05.2", RATIO - 1, False, "increase"),
    ("05.2", round(RATIO), False, "rounded too far"),
    ("05.2", round(LESSON_RATIO, 2), False, "too large"),  # the lesson's W-34 / W-20
    ("05.2", float("nan"), False, "missing value"),
    ("05.2", BY_ID.loc[["W-37"], "value"] / BY_ID.loc[["W-26"], "value"], False, "only missing values"),  # index alignment
    ("05.2", BY_ID.loc[["W-37", "W-26"], "value"], False, "Pick one value"),
    # 05.3: I-5 to I-10 per day
    ("05.3", PER_DAY, True, "is right"),
    ("05.3", round(PER_DAY), True, "is right"),
    ("05.3", round(PER_DAY, 1), True, "is right"),
    ("05.3", round(PER_DAY, 2), True, "is right"),
    ("05.3", float(round(PER_DAY)), True, "is right"),
    ("05.3", np.round(PER_DAY, 1), True, "is right"),
    ("05.3", round(PER_DAY) + 1, False, "too large"),  # issue #10's rule: a tolerance of 1 accepted this
    ("05.3", round(PER_DAY) - 1, False, "too small"),
    ("05.3", LATE["value"] / SPAN, False, "whole total"),
    ("05.3", LATE["value"] - EARLY["value"], False, "increase over the whole time"),
    ("05.3", -PER_DAY, False, "negative"),
    ("05.3", (LATE["value"] - EARLY["value"]) / (SPAN + 1), False, "too small"),
    ("05.3", (LATE["value"] - EARLY["value"]) / 365, False, "too small"),
    ("05.3", round(LESSON_PER_DAY), False, "too large"),  # the lesson's UA-4 -> UA-13
    ("05.3", float("inf"), False, "infinite"),
    ("05.3", (round(PER_DAY), 68), False, "use a point"),
    # 05.4 (new, issue #10): the pairs with a 30-day window a year earlier
    ("05.4", NARROW, True, "pairs are left"),
    ("05.4", NARROW[["series", "metric", "estimate_id_then", "estimate_id_now"]], True, "pairs are left"),
    ("05.4", NARROW[["series", "metric", "value_then", "value_now"]], True, "pairs are left"),
    ("05.4", NARROW.rename(columns=lambda c: c.replace("_then", "_x").replace("_now", "_y")), True, "pairs are left"),
    ("05.4", NARROW.set_index(["series", "metric"]), True, "pairs are left"),
    # review: the table of the year-earlier estimates alone was called right; now both sides of each pair are needed
    ("05.4", NARROW[["series", "metric"]], False, "the series only"),
    ("05.4", THEN, False, "merge `then` with `now`"),
    ("05.4", NARROW[["series", "metric", "estimate_id_then"]], False, "one side of each pair only"),
    ("05.4", OUTER, False, "inner merge"),  # review: was "use a 30-day window"
    ("05.4", LESSON, False, "75-day window"),
    ("05.4", pairs(45), False, "should have dropped out"),
    ("05.4", pairs(7), False, "missing"),
    ("05.4", NARROW.iloc[0:0], False, "no pair is left"),
    ("05.4", pd.concat([NARROW, NARROW]), False, "more than once"),
    ("05.4", WITHOUT_DEDUPLICATION, False, "more than once"),
    ("05.4", NARROW.assign(estimate_id_then=NARROW["estimate_id_now"]), False, "nearest"),
    ("05.4", NARROW["series"].tolist(), False, "should be a table"),
    ("05.4", NARROW.drop(columns=["metric"]), False, "lacks the column 'metric'"),
]


@pytest.mark.parametrize("task_id, answer, ok, fragment", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_read_through(judge, task_id, answer, ok, fragment):
    result = judge(task_id, answer)
    assert result.ok is ok, result.message
    assert fragment in result.message


def test_the_narrow_window_drops_series_and_the_message_names_one():
    from newscheck.checks import feedback

    assert 0 < len(NARROW) < len(LESSON) and set(THEN["series"]) == set(NARROW["series"])  # why THEN alone looked right
    message = feedback("05.4", NARROW).message
    dropped = set(LESSON["series"]) - set(NARROW["series"])
    assert any(series in message for series in dropped)


def test_the_answers_are_not_in_lesson_05s_pairs_table():
    # review: lesson 05's pairs table showed 302 days, 2.19 and 1,064 a day, the answers of tasks 1 to 3
    shown = set(map(tuple, LESSON[["estimate_id_then", "estimate_id_now"]].to_numpy()))
    for pair in [("W-12", "W-19"), ("W-26", "W-37"), ("I-5", "I-10")]:
        assert pair not in shown and pair[::-1] not in shown
