"""Checks for exercises 05 (exercises/source/05_check_the_arithmetic.ipynb): days, ratios and rates between two
estimates, and the pairs of lesson 05's Step 5 with a narrower window."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from newscheck.checks.answers import (N_, Feedback, _, article, date_text, edition_labels, estimate, frame, judge_number,
                                      ngettext, number_text, numeric_task, right, rounds_to, table, task, wrong)

#: Lesson 05, Step 5: the windows around the article's date and around the date a year earlier.
NOW_WINDOW_DAYS, LESSON_WINDOW_DAYS, NARROW_WINDOW_DAYS = 30, 75, 30


def article_date() -> pd.Timestamp:
    """The article's date, from seeds/article_meta.json."""
    return pd.Timestamp(article().date)


#: The estimates of tasks 1 to 3 (ids in data/loss_estimates.csv): pairs that lesson 05 does not compute.
TASK_1_IDS = ("W-12", "W-19")  # NATO, March and November 2023: days between
TASK_2_IDS = ("W-26", "W-37")  # the UK, September 2024 and January 2025: later / earlier
TASK_3_IDS = ("I-5", "I-10")   # deaths confirmed by name, January and November 2024: increase per day
PICK_ONE = N_("Pick one value, e.g. with by_id.loc[row, column].")


@numeric_task("05.1", N_("a whole number of days"), whole=True, several=PICK_ONE)
def days(value: float) -> Feedback:
    earlier, later = (estimate(estimate_id) for estimate_id in TASK_1_IDS)
    expected = (later["date"] - earlier["date"]).days
    return judge_number(value, expected, whole=True, difference=True, name=N_("The number of days"),
                        look=N_("Subtract the earlier date from the later one and take `.days`."))


@numeric_task("05.2", N_("a number such as 2.5"), several=PICK_ONE)
def uk_ratio(value: float) -> Feedback:
    earlier, later = (estimate(estimate_id) for estimate_id in TASK_2_IDS)
    expected = later["value"] / earlier["value"]
    if rounds_to(value, 1 / expected, 2):
        return wrong(_("Upside down: divide the later estimate by the earlier one."))
    if rounds_to(value, expected * 100, 0):
        return wrong(_("That looks like a percentage. Give the ratio itself: the later estimate divided by the earlier one."))
    if rounds_to(value, expected - 1, 1) or rounds_to(value, (expected - 1) * 100, 0):
        return wrong(_("That is the increase (the ratio minus 1). Give the ratio itself: the later estimate divided by "
                       "the earlier one."))
    ends = [end for end in ("low", "high") if pd.notna(earlier[end])]
    if any(rounds_to(value, later["value"] / earlier[end], 1) for end in ends):
        if round(expected) == value:
            return wrong(_("Not what the point values give: either you used an end of the range (low, high) instead of "
                           "the column 'value', or you rounded too far (keep at least one decimal place)."))
        return wrong(_("Use the point values (column 'value'), not the ends of the range (low, high)."))
    return judge_number(value, expected, min_decimals=1, name=N_("The ratio"),
                        look=N_("Use the point values (column 'value') of W-37 and W-26, later divided by earlier."))


@numeric_task("05.3", N_("a number per day"), several=PICK_ONE)
def per_day(value: float) -> Feedback:
    early, late = (estimate(estimate_id) for estimate_id in TASK_3_IDS)
    span = (late["date"] - early["date"]).days
    expected = (late["value"] - early["value"]) / span
    if rounds_to(value, late["value"] / span):
        return wrong(_("You divided the whole total by the days. Use the increase: later minus earlier."))
    if rounds_to(value, late["value"] - early["value"]):
        return wrong(_("That is the increase over the whole time. Divide it by the number of days between the two dates."))
    if expected >= 1000 and rounds_to(value * 1000, expected):
        return wrong(_("Python reads the point in your number as a decimal point. If you meant a German thousands "
                       "separator, leave it out."))
    return judge_number(value, expected, difference=True, name=N_("The number per day"),
                        look=N_("(later value - earlier value) / days between them."))


def pairs(then_window_days: int) -> pd.DataFrame:
    """Lesson 05, Step 5: one estimate per series near the article's date and one about a year earlier, merged."""
    estimates = table("loss_estimates")
    year_before = article_date() - pd.DateOffset(years=1)
    points = estimates[(estimates["coverage"] == "cumulative") & estimates["value"].notna() & (estimates["series"] != "the article")]

    def nearest(target: pd.Timestamp, window_days: int) -> pd.DataFrame:
        near = points[(points["date"] - target).abs() <= pd.Timedelta(days=window_days)]
        near = near.assign(gap=(near["date"] - target).abs())
        return near.sort_values("gap").groupby(["series", "metric"]).head(1)

    columns = ["series", "metric", "estimate_id", "date", "qualifier", "value", "gap"]
    return nearest(year_before, then_window_days)[columns].merge(nearest(article_date(), NOW_WINDOW_DAYS)[columns],
                                                                 on=["series", "metric"], suffixes=("_then", "_now"))


def _plain(value: Any) -> str:
    """A value as text, numbers written alike whatever their type (600000, 600000.0, np.int64(600000))."""
    try:
        return repr(float(value))
    except (TypeError, ValueError):
        return str(value).strip()


def _sides(given: pd.DataFrame, column: str) -> list[str]:
    """The columns of given that hold one side of a pair for column ('estimate_id' or 'value'): estimate_id_then and
    estimate_id_now, or with other suffixes (merge's default _x and _y)."""
    return [str(c) for c in given.columns if re.fullmatch(re.escape(column) + r"_\w+", str(c))]


@task("05.4")
def narrow_pairs(answer: Any) -> Feedback:
    given = frame(answer, ["series", "metric"], N_("the narrowed pairs"),
                  empty=N_("The table is empty: no pair is left. Narrow only the window around the date a year "
                           "earlier (year_before), and keep the 30-day window around the article's date."))
    if isinstance(given, Feedback):
        return given
    expected, lesson = pairs(NARROW_WINDOW_DAYS), pairs(LESSON_WINDOW_DAYS)
    keys = list(zip(given["series"].astype(str), given["metric"].astype(str)))
    if len(set(keys)) < len(keys):
        return wrong(_("Some series appear more than once. Keep one estimate per series and metric, the nearest: "
                       "sort by `gap`, then `groupby([\"series\", \"metric\"]).head(1)`, before you merge."))
    ids_sides, value_sides = _sides(given, "estimate_id"), _sides(given, "value")
    sides = ids_sides if len(ids_sides) == 2 else value_sides if len(value_sides) == 2 else []
    if not sides and not any(re.match(r"(estimate_id|value|date)", str(c)) for c in given.columns):
        return wrong(_("Your table shows the series only, not the pairs: keep the columns of both sides of each pair, "
                       "e.g. estimate_id_then and estimate_id_now (and merge `then` with `now` on series and metric, if "
                       "you have not yet)."))
    if not sides and (len(ids_sides) == 1 or len(value_sides) == 1):
        return wrong(_("Your table shows one side of each pair only ({column}). Keep the columns of both sides, e.g. "
                       "estimate_id_then and estimate_id_now.").format(column=(ids_sides or value_sides)[0]))
    if not sides:
        return wrong(_("Your table has one row per series, but not both sides of a pair: merge `then` with `now` on "
                       "series and metric, `then[columns].merge(now[columns], on=[\"series\", \"metric\"], "
                       "suffixes=(\"_then\", \"_now\"))`, so that each row holds the estimate of a year earlier and the "
                       "one near the article's date."))
    if given[sides].isna().any().any():
        return wrong(_("Some rows have an empty side (NaN): an outer or left merge keeps series that have no pair. Use "
                       "the default inner merge: leave out `how=...`."))
    wanted = set(zip(expected["series"], expected["metric"]))
    if set(keys) == set(zip(lesson["series"], lesson["metric"])) != wanted:
        return wrong(_("These are the pairs of the lesson's 75-day window. Narrow the window around the date a year "
                       "earlier to 30 days."))
    if set(keys) != wanted:
        extra, missing = len(set(keys) - wanted), len(wanted - set(keys))
        parts = []
        if extra:
            parts.append(ngettext("{count} pair should have dropped out", "{count} pairs should have dropped out", extra).format(count=number_text(extra)))
        if missing:
            parts.append(ngettext("{count} pair is missing", "{count} pairs are missing", missing).format(count=number_text(missing)))
        return wrong(_("Not yet: {parts}. Use a 30-day window around the date a year earlier and keep the 30-day "
                       "window around the article's date.").format(parts="; ".join(parts)))
    column = "estimate_id" if sides is ids_sides else "value"
    chosen = {key: {_plain(a), _plain(b)} for key, a, b in zip(keys, given[sides[0]], given[sides[1]])}
    right_pairs = {(series, metric): {_plain(then), _plain(now)} for series, metric, then, now in
                   zip(expected["series"], expected["metric"], expected[column + "_then"], expected[column + "_now"])}
    if chosen != right_pairs:
        return wrong(_("The series are right, but not every pair holds the estimates nearest to the two dates. Sort by "
                       "`gap` before `groupby(...).head(1)`, on both sides."))
    dropped = lesson[~lesson.set_index(["series", "metric"]).index.isin(list(wanted))]
    closest = dropped.sort_values("gap_then").iloc[0]
    return right(ngettext("{left} pair is left. Among those that dropped out: {series}, whose estimate of a year "
                          "earlier lies {gap} days from {date}. Think: what does that mean for \"doubled\"?",
                          "{left} pairs are left. Among those that dropped out: {series}, whose estimate of a year "
                          "earlier lies {gap} days from {date}. Think: what does that mean for \"doubled\"?",
                          len(wanted)).format(left=number_text(len(wanted)),
                                              series=edition_labels("loss_estimates", "series").get(closest["series"], closest["series"]),
                                              gap=number_text(closest["gap_then"].days),
                                              date=date_text(article_date() - pd.DateOffset(years=1))))
