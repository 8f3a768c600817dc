"""The right answers of exercise 05 (and the article's date), computed here from data/ and seeds/, independently of
newscheck.checks: the tests of the checks compare the checks with these (tests/test_exercises.py, tests/exercises/)."""

from __future__ import annotations

import pandas as pd

from newscheck import load_article, load_table

BY_ID = load_table("loss_estimates").set_index("estimate_id")
ARTICLE_DATE = pd.Timestamp(load_article().date)
YEAR_BEFORE = ARTICLE_DATE - pd.DateOffset(years=1)

# Tasks 1 to 3 ask about pairs that lesson 05 does not compute (it computed W-22 -> W-29, W-34 / W-20, UA-4 -> UA-13).
DAYS = (BY_ID.loc["W-19", "date"] - BY_ID.loc["W-12", "date"]).days
RATIO = BY_ID.loc["W-37", "value"] / BY_ID.loc["W-26", "value"]
EARLY, LATE = BY_ID.loc["I-5"], BY_ID.loc["I-10"]
SPAN = (LATE["date"] - EARLY["date"]).days
PER_DAY = (LATE["value"] - EARLY["value"]) / SPAN


def nearest(date: pd.Timestamp, days: int) -> pd.DataFrame:
    """Lesson 05, Step 5: the cumulative estimates (not the article's own) within `days` of `date`, the nearest one of
    each series and metric, with its distance in the column gap."""
    points = BY_ID.reset_index()
    points = points[(points["coverage"] == "cumulative") & points["value"].notna() & (points["series"] != "the article")]
    near = points[(points["date"] - date).abs() <= pd.Timedelta(days=days)]
    return near.assign(gap=(near["date"] - date).abs()).sort_values("gap").groupby(["series", "metric"]).head(1)


def pairs(then_days: int, columns: list[str] | None = None) -> pd.DataFrame:
    """Lesson 05, Step 5 (task 4 with then_days=30): each series and metric with an estimate near the article's date
    (30 days) and one near the date a year before (`then_days`), as one row; all columns, or only `columns`."""
    then, now = nearest(YEAR_BEFORE, then_days), nearest(ARTICLE_DATE, 30)
    if columns is not None:
        then, now = then[columns], now[columns]
    return then.merge(now, on=["series", "metric"], suffixes=("_then", "_now"))
