"""Checks for exercises 05 (exercises/source/05_check_the_arithmetic.ipynb): days, ratios and rates between two
estimates, and the pairs of lesson 05's Step 5 with a narrower window."""

from __future__ import annotations

from typing import Any

import pandas as pd

from newscheck.checks.answers import (N_, Feedback, _, estimate, frame, ngettext, numeric_task, right, rounds_to,
                                      judge_number, table, task, wrong)

#: Lesson 05, Step 5: the article's date, and the windows around it and around the date a year earlier.
ARTICLE_DATE = pd.Timestamp("2024-10-28")
NOW_WINDOW_DAYS, LESSON_WINDOW_DAYS, NARROW_WINDOW_DAYS = 30, 75, 30


@numeric_task("05.1", N_("a whole number of days"), whole=True)
def days(value: float) -> Feedback:
    expected = (estimate("W-29")["date"] - estimate("W-22")["date"]).days
    return judge_number(value, expected, whole=True, difference=True, name=N_("The number of days"),
                        look=N_("Subtract the earlier date from the later one and take `.days`."))


@numeric_task("05.2", N_("a number such as 1.5"))
def uk_ratio(value: float) -> Feedback:
    later, earlier = estimate("W-34"), estimate("W-20")
    expected = later["value"] / earlier["value"]
    if rounds_to(value, 1 / expected, 2):
        return wrong(_("Upside down: divide the later estimate by the earlier one."))
    if rounds_to(value, expected * 100, 0):
        return wrong(_("That looks like a percentage. Give the ratio itself: the later estimate divided by the earlier one."))
    if rounds_to(value, expected - 1, 1) or rounds_to(value, (expected - 1) * 100, 0):
        return wrong(_("That is the increase (the ratio minus 1). Give the ratio itself: the later estimate divided by "
                       "the earlier one."))
    if any(rounds_to(value, later["value"] / earlier[end], 1) for end in ("low", "high")):
        if round(expected) == value:
            return wrong(_("Not what the point values give: either you used an end of the range (low, high) instead of "
                           "the column 'value', or you rounded too far (keep at least one decimal place)."))
        return wrong(_("Use the point values (column 'value'), not the ends of the range (low, high)."))
    return judge_number(value, expected, min_decimals=1, name=N_("The ratio"),
                        look=N_("Use the point values (column 'value') of W-34 and W-20, later divided by earlier."))


@numeric_task("05.3", N_("a number of soldiers per day"))
def per_day(value: float) -> Feedback:
    early, late = estimate("UA-4"), estimate("UA-13")
    span = (late["date"] - early["date"]).days
    expected = (late["value"] - early["value"]) / span
    if rounds_to(value, late["value"] / span):
        return wrong(_("You divided the whole total by the days. Use the increase: later minus earlier."))
    if rounds_to(value, late["value"] - early["value"]):
        return wrong(_("That is the increase over the whole time. Divide it by the number of days between the two dates."))
    if rounds_to(value * 1000, expected):
        return wrong(_("Python reads the point in your number as a decimal point. If you meant a German thousands "
                       "separator, leave it out."))
    return judge_number(value, expected, difference=True, name=N_("The number per day"),
                        look=N_("(later value - earlier value) / days between them."))


def pairs(then_window_days: int) -> pd.DataFrame:
    """Lesson 05, Step 5: one estimate per series near the article's date and one about a year earlier, merged."""
    estimates = table("loss_estimates")
    year_before = ARTICLE_DATE - pd.DateOffset(years=1)
    points = estimates[(estimates["coverage"] == "cumulative") & estimates["value"].notna() & (estimates["series"] != "the article")]

    def nearest(target: pd.Timestamp, window_days: int) -> pd.DataFrame:
        near = points[(points["date"] - target).abs() <= pd.Timedelta(days=window_days)]
        near = near.assign(gap=(near["date"] - target).abs())
        return near.sort_values("gap").groupby(["series", "metric"]).head(1)

    columns = ["series", "metric", "estimate_id", "date", "qualifier", "value", "gap"]
    return nearest(year_before, then_window_days)[columns].merge(nearest(ARTICLE_DATE, NOW_WINDOW_DAYS)[columns],
                                                                 on=["series", "metric"], suffixes=("_then", "_now"))


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
    wanted = set(zip(expected["series"], expected["metric"]))
    if set(keys) == set(zip(lesson["series"], lesson["metric"])) != wanted:
        return wrong(_("These are the pairs of the lesson's 75-day window. Narrow the window around the date a year "
                       "earlier to 30 days."))
    if "estimate_id_then" in given.columns and set(keys) == wanted:
        chosen = dict(zip(keys, given["estimate_id_then"].astype(str)))
        if any(chosen[(series, metric)] != then for series, metric, then in
               zip(expected["series"], expected["metric"], expected["estimate_id_then"])):
            return wrong(_("The series are right, but not every earlier estimate is the one nearest to the date a year "
                           "before the article. Sort by `gap` before `groupby(...).head(1)`."))
    if set(keys) != wanted:
        extra, missing = len(set(keys) - wanted), len(wanted - set(keys))
        parts = []
        if extra:
            parts.append(ngettext("{count} pair should have dropped out", "{count} pairs should have dropped out", extra).format(count=extra))
        if missing:
            parts.append(ngettext("{count} pair is missing", "{count} pairs are missing", missing).format(count=missing))
        return wrong(_("Not yet: {parts}. Use a 30-day window around the date a year earlier and keep the 30-day "
                       "window around the article's date.").format(parts="; ".join(parts)))
    dropped = lesson[~lesson.set_index(["series", "metric"]).index.isin(list(wanted))]
    closest = dropped.sort_values("gap_then").iloc[0]
    return right(ngettext("{left} pair is left. Among those that dropped out: {series}, whose estimate of a year "
                          "earlier lies {gap} days from {date}. Think: what does that mean for \"doubled\"?",
                          "{left} pairs are left. Among those that dropped out: {series}, whose estimate of a year "
                          "earlier lies {gap} days from {date}. Think: what does that mean for \"doubled\"?",
                          len(wanted)).format(left=len(wanted), series=closest["series"], gap=closest["gap_then"].days,
                              date=(ARTICLE_DATE - pd.DateOffset(years=1)).date().isoformat()))
