"""Exercise 05 (exercises/source/05_check_the_arithmetic.ipynb): days, ratios and rates between two estimates, and the
pairs of lesson 05's Step 5 with a narrower window. The checks, then the answers they are tested with (`cases`) and
what keeps the exercise sound (`problems`)."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from newscheck.article import load_article
from newscheck.checks.cases import Case, accepts, rejects
from newscheck.checks.frames import frame
from newscheck.checks.numbers import decimals_of, judge_number, rounds_to
from newscheck.checks.registry import Feedback, feedback, numeric_task, right, task, wrong
from newscheck.formats import date_text, number_text
from newscheck.i18n import N_, _, ngettext
from newscheck.tables import edition_labels, load_table

#: The exercise notebook these checks belong to.
NOTEBOOK = "exercises/source/05_check_the_arithmetic.ipynb"

#: Lesson 05, Step 5: the windows around the article's date and around the date a year earlier.
NOW_WINDOW_DAYS, LESSON_WINDOW_DAYS, NARROW_WINDOW_DAYS = 30, 75, 30


def article_date() -> pd.Timestamp:
    """The article's date, from seeds/article_meta.json."""
    return pd.Timestamp(load_article().date)


def estimate(estimate_id: str) -> pd.Series:
    """One row of data/loss_estimates.csv."""
    return load_table("loss_estimates").set_index("estimate_id").loc[estimate_id]


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
                        look=N_("Hints 1 and 2 of the task show how to get the days between two dates."))


@numeric_task("05.2", N_("a number such as 2.5"), several=PICK_ONE)
def uk_ratio(value: float) -> Feedback:
    earlier, later = (estimate(estimate_id) for estimate_id in TASK_2_IDS)
    expected = later["value"] / earlier["value"]
    if rounds_to(value, 1 / expected, 2):
        return wrong(_("Upside down: divide the later estimate by the earlier one."))
    if rounds_to(value, expected * 100, 0):
        return wrong(_("That looks like a percentage. Give the ratio itself: the later estimate divided by the earlier one."))
    if rounds_to(value, (expected - 1) * 100, 0) and not rounds_to(value, expected, 1):
        # the learner's review: 29.5 (a percentage) was called "the ratio minus 1"
        return wrong(_("That is a percentage change (the increase times 100). Give the ratio itself: the later estimate "
                       "divided by the earlier one, without minus 1 and without times 100."))
    if rounds_to(value, expected - 1, 1):
        return wrong(_("That is the increase (the ratio minus 1). Give the ratio itself: the later estimate divided by "
                       "the earlier one."))
    if rounds_to(value, later["value"] - earlier["value"], 0) or rounds_to(value, earlier["value"] - later["value"], 0):
        # issue #21: a difference was told to "use the column value"
        return wrong(_("That is a difference (one estimate minus the other). A ratio divides: the later estimate "
                       "divided by the earlier one."))
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
    if value and decimals_of(value) >= 2 and rounds_to(value, expected / 1000):
        # the learner's review: (79.819 - 40.599) / days rounded to 0.12 was only "too small"
        return wrong(_("Your number is a thousand times too small: Python reads the point in a number such as 79.819 as "
                       "a decimal point. If you typed a German thousands separator, leave it out (79819)."))
    for later, earlier, typed in ((late["value"] / 1000, early["value"], late["value"]),
                                  (late["value"], early["value"] / 1000, early["value"])):
        if rounds_to(value, (later - earlier) / span):
            # the learner's review: 79.819 - 40599 (one number typed with the task's German thousands point) was told
            # to subtract the other way round
            return wrong(_("One of the numbers you typed has a German thousands separator: Python reads {typed} as a "
                           "decimal number, about {read}. Leave the point out ({python}).").format(
                               typed="{:,}".format(int(typed)).replace(",", "."), python=int(typed),
                               read=number_text(round(typed / 1000))))
    if rounds_to(value, late["value"] - early["value"] / span) or rounds_to(value, late["value"] / span - early["value"]):
        # the learner's review: later - earlier / days, without brackets, was only "too large"
        return wrong(_("Python divides before it subtracts: in `later - earlier / days` only the earlier value is "
                       "divided. Put the subtraction in brackets."))
    return judge_number(value, expected, difference=True, name=N_("The number per day"),
                        look=N_("Hints 1 and 2 of the task: the increase over the whole time, spread over the days "
                                "between the two dates."))


def pairs(then_window_days: int) -> pd.DataFrame:
    """Lesson 05, Step 5: one estimate per series near the article's date and one about a year earlier, merged."""
    estimates = load_table("loss_estimates")
    year_before = article_date() - pd.DateOffset(years=1)
    points = estimates[(estimates["coverage"] == "cumulative") & estimates["value"].notna() & (estimates["series"] != "the article")]

    def nearest(target: pd.Timestamp, window_days: int) -> pd.DataFrame:
        near = points[(points["date"] - target).abs() <= pd.Timedelta(days=window_days)]
        near = near.assign(gap=(near["date"] - target).abs())
        return near.sort_values("gap").groupby(["series", "metric"]).head(1)

    columns = ["series", "metric", "estimate_id", "date", "qualifier", "value", "gap"]
    return nearest(year_before, then_window_days)[columns].merge(nearest(article_date(), NOW_WINDOW_DAYS)[columns],
                                                                 on=["series", "metric"], suffixes=("_then", "_now"))


def _merged_on_one_key(answer: Any) -> tuple[str, list[str]] | None:
    """(the key merged on, the doubled columns) if a table of pairs was merged on series or metric alone, so that the
    other came back twice with suffixes (metric_then and metric_now, or merge's default _x and _y)."""
    if not isinstance(answer, pd.DataFrame):
        return None
    columns = [str(c) for c in answer.columns]
    for key, other in (("series", "metric"), ("metric", "series")):
        doubled = [c for c in columns if re.fullmatch(re.escape(other) + r"_\w+", c)]
        if key in columns and other not in columns and len(doubled) == 2:
            return key, doubled
    return None


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
    merged_on = _merged_on_one_key(answer)
    if merged_on:  # issue #21: a merge on series only was told to keep the columns
        return wrong(_("Your table has the columns {columns}: the merge paired the rows by {key} only, so an estimate "
                       "of one metric met one of another. Merge on series and metric together.").format(
                           columns=", ".join(merged_on[1]), key=merged_on[0]))
    given = frame(answer, ["series", "metric"], N_("the narrowed pairs"),
                  empty=N_("The table is empty: no pair is left. Narrow only the window around the date a year "
                           "earlier (year_before), and keep the 30-day window around the article's date."))
    if isinstance(given, Feedback):
        return given
    expected, lesson = pairs(NARROW_WINDOW_DAYS), pairs(LESSON_WINDOW_DAYS)
    keys = list(zip(given["series"].astype(str), given["metric"].astype(str)))
    if len(set(keys)) < len(keys):
        return wrong(_("Some series appear more than once. Keep one estimate per series and metric, the nearest, "
                       "before you merge (lesson 05, Step 5 shows how)."))
    ids_sides, value_sides, date_sides = _sides(given, "estimate_id"), _sides(given, "value"), _sides(given, "date")
    # the learner's review: a table that kept the dates of both sides only was told to merge `then` with `now`
    sides = (ids_sides if len(ids_sides) == 2 else value_sides if len(value_sides) == 2
             else date_sides if len(date_sides) == 2 else [])
    if len(value_sides) == 2 and given[value_sides].isna().any().any() and not given[sides].isna().any().any():
        # the learner's review: estimates without a value (a range) kept in `points` were "pairs that should drop out"
        return wrong(_("Some of your pairs hold an estimate without a point value (its column value is empty, e.g. a "
                       "range). Lesson 05, Step 5 keeps only estimates that have one when it makes `points`."))
    if not sides and not any(re.match(r"(estimate_id|value|date)", str(c)) for c in given.columns):
        return wrong(_("Your table shows the series only, not the pairs: keep the columns of both sides of each pair, "
                       "e.g. estimate_id_then and estimate_id_now (and merge `then` with `now` on series and metric, if "
                       "you have not yet)."))
    if not sides and (len(ids_sides) == 1 or len(value_sides) == 1):
        return wrong(_("Your table shows one side of each pair only ({column}). Keep the columns of both sides, e.g. "
                       "estimate_id_then and estimate_id_now.").format(column=(ids_sides or value_sides)[0]))
    if not sides:
        return wrong(_("Your table has one row per series, but not both sides of a pair: merge `then` with `now` on "
                       "series and metric, so that each row holds the estimate of a year earlier and the one near the "
                       "article's date (lesson 05, Step 5)."))
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
    column = "estimate_id" if sides is ids_sides else "value" if sides is value_sides else "date"
    chosen = {key: {_plain(a), _plain(b)} for key, a, b in zip(keys, given[sides[0]], given[sides[1]])}
    right_pairs = {(series, metric): {_plain(then), _plain(now)} for series, metric, then, now in
                   zip(expected["series"], expected["metric"], expected[column + "_then"], expected[column + "_now"])}
    if chosen != right_pairs:
        return wrong(_("The series are right, but not every pair holds the estimates nearest to the two dates: keep the "
                       "nearest estimate on both sides (lesson 05, Step 5)."))
    # issue #21: the message named a series that dropped out, the answer to the task's own question
    return right(ngettext("{left} pair is left. Now compare with the lesson's pairs: which series dropped out, and how "
                          "far from {date} lay their estimates of a year earlier? Think: what does that mean for "
                          "\"doubled\"?",
                          "{left} pairs are left. Now compare with the lesson's pairs: which series dropped out, and how "
                          "far from {date} lay their estimates of a year earlier? Think: what does that mean for "
                          "\"doubled\"?", len(wanted)).format(left=number_text(len(wanted)),
                                                             date=date_text(article_date() - pd.DateOffset(years=1))))


# --- the answers the checks are tested with --------------------------------------------------------------------------

class _Key:
    """The right answers, computed from data/ and seeds/ as the solution does, independently of the checks above."""

    def __init__(self) -> None:
        self.by_id = load_table("loss_estimates").set_index("estimate_id")
        self.article_date = pd.Timestamp(load_article().date)
        self.year_before = self.article_date - pd.DateOffset(years=1)
        by_id = self.by_id
        self.days = (by_id.loc["W-19", "date"] - by_id.loc["W-12", "date"]).days
        self.ratio = by_id.loc["W-37", "value"] / by_id.loc["W-26", "value"]
        self.early, self.late = by_id.loc["I-5"], by_id.loc["I-10"]
        self.span = (self.late["date"] - self.early["date"]).days
        self.per_day = (self.late["value"] - self.early["value"]) / self.span
        # what lesson 05 itself computed (W-22 -> W-29, W-34 / W-20, UA-4 -> UA-13): the tasks ask about other pairs
        self.lesson_days = (by_id.loc["W-29", "date"] - by_id.loc["W-22", "date"]).days
        self.lesson_ratio = by_id.loc["W-34", "value"] / by_id.loc["W-20", "value"]
        self.lesson_per_day = ((by_id.loc["UA-13", "value"] - by_id.loc["UA-4", "value"])
                               / (by_id.loc["UA-13", "date"] - by_id.loc["UA-4", "date"]).days)

    def nearest(self, date: pd.Timestamp, days: int, ranges: bool = False) -> pd.DataFrame:
        """Lesson 05, Step 5: the cumulative estimates (not the article's own) within `days` of `date`, the nearest one
        of each series and metric, with its distance in the column gap. Only estimates with a point value, as the
        lesson keeps them; with `ranges`, those without one (a range) too."""
        points = self.by_id.reset_index()
        points = points[(points["coverage"] == "cumulative") & (ranges | points["value"].notna())
                        & (points["series"] != "the article")]
        near = points[(points["date"] - date).abs() <= pd.Timedelta(days=days)]
        return near.assign(gap=(near["date"] - date).abs()).sort_values("gap").groupby(["series", "metric"]).head(1)

    def pairs(self, then_days: int, columns: list[str] | None = None) -> pd.DataFrame:
        """Lesson 05, Step 5 (task 4 with then_days=30): each series and metric with an estimate near the article's date
        (30 days) and one near the date a year before (`then_days`), as one row."""
        then, now = self.nearest(self.year_before, then_days), self.nearest(self.article_date, 30)
        if columns is not None:
            then, now = then[columns], now[columns]
        return then.merge(now, on=["series", "metric"], suffixes=("_then", "_now"))


def _pairs_with_ranges(key: _Key) -> pd.DataFrame:
    """Task 4 built without `value.notna()`: a range (no point value) can be the nearest estimate of a series."""
    columns = ["series", "metric", "estimate_id", "date", "value"]
    then, now = key.nearest(key.year_before, 30, ranges=True), key.nearest(key.article_date, 30, ranges=True)
    return then[columns].merge(now[columns], on=["series", "metric"], suffixes=("_then", "_now"))


def cases() -> list[Case]:
    """Right answers written the ways learners write them, and wrong ones with the hint each must get."""
    import math

    import numpy as np

    key = _Key()
    by_id, days, ratio, per_day = key.by_id, key.days, key.ratio, key.per_day
    early, late, span = key.early, key.late, key.span
    ratio_2 = round(ratio, 2)
    whole, fraction = str(ratio_2).split(".")
    narrow = key.pairs(30, ["series", "metric", "estimate_id", "date", "value"])
    lesson = key.pairs(75, ["series", "metric", "estimate_id", "date", "value"])
    dropped = sorted(set(lesson["series"]) - set(narrow["series"]))
    then, now = key.nearest(key.year_before, 30), key.nearest(key.article_date, 30)
    outer = then.merge(now, on=["series", "metric"], suffixes=("_then", "_now"), how="outer")
    without_deduplication = (by_id.reset_index().pipe(lambda e: e[(e["coverage"] == "cumulative") & e["value"].notna()])
                             .pipe(lambda p: p[(p["date"] - key.year_before).abs() <= pd.Timedelta(days=30)])
                             .merge(narrow[["series", "metric"]], on=["series", "metric"]))
    return [
        # 05.1: days between W-12 and W-19
        accepts("05.1", days, "is right"),
        accepts("05.1", float(days), "is right"),
        accepts("05.1", np.int64(days), "is right"),
        accepts("05.1", pd.Series([days]), "is right"),
        rejects("05.1", float("nan"), "missing value"),  # issue #10: NaN was "too small"
        rejects("05.1", pd.NaT, "missing value"),
        rejects("05.1", pd.NA, "missing value"),
        rejects("05.1", by_id.loc["W-19", "date"] - by_id.loc["W-12", "date"], ".days"),
        rejects("05.1", np.timedelta64(days, "D"), ".days"),
        rejects("05.1", by_id.loc["W-19", "date"], "a date"),
        rejects("05.1", -days, "negative"),
        rejects("05.1", days + 1, "too large"),
        rejects("05.1", days - 1, "too small"),
        rejects("05.1", days * 1.1 + 1, "not a whole number"),
        rejects("05.1", days / 7, "not a whole number"),
        rejects("05.1", str(days), "not in quotes"),
        rejects("05.1", key.lesson_days, "too large"),  # the lesson's W-22 -> W-29
        rejects("05.1", [days], "without the brackets", never_says=("len(",)),
        rejects("05.1", (days, 0), "not 1,500"),
        rejects("05.1", [days, days], "by_id.loc[row, column]"),
        rejects("05.1", "1 500", says_de="große Zahlen ohne Tausenderpunkt: 1500", only="de"),
        # a German thousands separator typed as a number: Python reads a decimal point
        rejects("05.1", 1.064, "not a whole number", says_de="Sollte der Punkt ein Tausenderpunkt sein?"),
        rejects("05.1", 1.064, says_de="1500, nicht 1.500", only="de"),
        # 05.2: the UK's ratio, W-37 / W-26
        accepts("05.2", ratio, "is right"),
        accepts("05.2", ratio_2, "is right", says_de="Das Verhältnis stimmt."),
        accepts("05.2", round(ratio, 1), "is right"),  # a ratio rounded to one decimal
        accepts("05.2", round(ratio, 3), "is right"),
        accepts("05.2", pd.Series([ratio]), "is right"),
        rejects("05.2", round(ratio_2 - 0.03, 2), "too small"),  # issue #10: a tolerance accepted such a value
        rejects("05.2", ratio * 1.1 + 1, "too large"),
        rejects("05.2", math.floor(ratio * 100) / 100, "not what rounding gives"),  # cut off, not rounded
        rejects("05.2", round(ratio, 1) + 0.1, "too large"),
        rejects("05.2", (int(whole), int(fraction)), "use a point: " + whole + "." + fraction,  # issue #10: (2,19)
                says_de="Meinst du die Kommazahl " + whole + "," + fraction + "?"),
        rejects("05.2", (int(whole), int(fraction)), says_de="mit Punkt: " + whole + "." + fraction, only="de"),
        rejects("05.2", whole + "," + fraction, "not in quotes (an f-string or str() makes text too). Python writes a decimal with a point (2.5) and a large "
                "number without separators (1500).", says_de="Kommazahlen mit Punkt statt Komma: " + str(ratio_2)),
        rejects("05.2", str(ratio_2), "not in quotes"),
        rejects("05.2", "1,2,3", "not in quotes", says_de="(2.5)"),  # only looks like a number: the general advice
        rejects("05.2", 1 / ratio, "Upside down"),
        rejects("05.2", round(1 / ratio, 2), "Upside down"),
        rejects("05.2", ratio * 100, "percentage"),
        rejects("05.2", ratio - 1, "increase"),
        rejects("05.2", round((ratio - 1) * 100, 1), "percentage change", never_says=("ratio minus 1",)),
        rejects("05.2", round(ratio), "too rough"),
        rejects("05.2", round(key.lesson_ratio, 2), "too large"),  # the lesson's W-34 / W-20
        rejects("05.2", float("nan"), "missing value"),
        rejects("05.2", [ratio_2], "without the brackets", never_says=("len(",)),
        # review: NaN from two filtered columns with different row labels got "Pick one value"
        rejects("05.2", by_id.loc[["W-37"], "value"] / by_id.loc[["W-26"], "value"], "only missing values"),
        rejects("05.2", by_id.loc[["W-37", "W-26"], "value"], "Pick one value"),
        # 05.3: I-5 to I-10 per day
        accepts("05.3", per_day, "is right"),
        accepts("05.3", round(per_day), "is right"),
        accepts("05.3", round(per_day, 1), "is right", says_de="Die Zahl pro Tag stimmt."),
        accepts("05.3", round(per_day, 2), "is right"),
        accepts("05.3", float(round(per_day)), "is right"),
        accepts("05.3", np.round(per_day, 1), "is right"),
        rejects("05.3", round(per_day) + 1, "too large"),  # issue #10's rule: a tolerance of 1 accepted this
        rejects("05.3", round(per_day) - 2, "too small"),
        rejects("05.3", per_day * 1.1 + 1, "too large"),
        rejects("05.3", late["value"] / span, "whole total"),
        rejects("05.3", late["value"] - early["value"], "increase over the whole time"),
        rejects("05.3", -per_day, "negative"),
        rejects("05.3", (late["value"] - early["value"]) / (span + 1), "too small"),
        rejects("05.3", (late["value"] - early["value"]) / 365, "too small"),
        rejects("05.3", round(key.lesson_per_day), "too large"),  # the lesson's UA-4 -> UA-13
        rejects("05.3", float("inf"), "infinite"),
        rejects("05.3", (round(per_day), 68), "use a point", says_de="Meinst du die Kommazahl"),
        rejects("05.3", [round(per_day)], "without the brackets", never_says=("len(",)),
        rejects("05.3", "1.064,5", says_de="Kommazahlen mit Punkt statt Komma und große Zahlen ohne Tausenderpunkt: 1064.5",
                only="de"),
        rejects("05.3", "1.064", says_de="Ist der Punkt ein Tausenderpunkt? Dann lass ihn weg: 1064.", only="de"),
        # 05.4 (issue #10): the pairs with a 30-day window a year earlier
        accepts("05.4", narrow, "pairs are left", says_de="vom 28. Oktober 2023", never_says=tuple(dropped)),
        accepts("05.4", narrow, "from 2023-10-28"),
        rejects("05.4", key.nearest(key.year_before, 30).merge(key.nearest(key.article_date, 30), on="series",
                                                                suffixes=("_then", "_now")), "by series only"),  # issue #21
        rejects("05.2", by_id.loc["W-37", "value"] - by_id.loc["W-26", "value"], "a difference",
                never_says=("column value",)),  # issue #21: was "use the column value"
        rejects("05.3", float(int(per_day)), "not what rounding gives"),  # issue #21: int() was "too small"
        rejects("05.3", (late["value"] / 1000 - early["value"] / 1000) / span, "thousand times too small"),  # 79.819
        # the learner's review: the same, rounded to two places, was only "too small"; the missing brackets of
        # later - earlier / days were only "too large"
        rejects("05.3", round((late["value"] / 1000 - early["value"] / 1000) / span, 2), "thousand times too small"),
        rejects("05.3", late["value"] - early["value"] / span, "Put the subtraction in brackets"),
        rejects("05.3", (late["value"] / 1000 - early["value"]) / span, "One of the numbers you typed",
                never_says=("other way round",)),
        rejects("05.3", round((late["value"] - early["value"] / 1000) / span), "One of the numbers you typed"),
        rejects("05.3", round(late["value"] - early["value"] / span), "Put the subtraction in brackets"),
        # `.values` of an Int64 column is a pandas array, not a numpy one: it was "a value of type FloatingArray"
        accepts("05.2", by_id.loc[["W-37"], "value"].array / by_id.loc[["W-26"], "value"].array, "is right"),
        rejects("05.2", by_id.loc[["W-37", "W-26"], "value"].array, "You gave an array", never_says=("type",)),
        accepts("05.4", narrow[["series", "metric", "estimate_id_then", "estimate_id_now"]], "pairs are left"),
        accepts("05.4", narrow[["series", "metric", "value_then", "value_now"]], "pairs are left"),
        accepts("05.4", narrow.rename(columns=lambda c: c.replace("_then", "_x").replace("_now", "_y")), "pairs are left"),
        accepts("05.4", narrow.set_index(["series", "metric"]), "pairs are left"),
        # review: the table of the year-earlier estimates alone was called right; now both sides of each pair are needed
        rejects("05.4", narrow[["series", "metric"]], "the series only"),
        rejects("05.4", then, "merge `then` with `now`"),
        rejects("05.4", narrow[["series", "metric", "estimate_id_then"]], "one side of each pair only"),
        rejects("05.4", outer, "inner merge"),  # review: was "use a 30-day window"
        rejects("05.4", lesson, "75-day window"),
        rejects("05.4", key.pairs(45, ["series", "metric", "estimate_id", "date", "value"]), "should have dropped out"),
        rejects("05.4", key.pairs(7, ["series", "metric", "estimate_id", "date", "value"]), "missing"),
        rejects("05.4", narrow.iloc[0:0], "no pair is left"),
        # the learner's review: the dates of both sides alone were told to merge; estimates without a value (kept when
        # `points` is made without value.notna()) were "pairs that should have dropped out"
        accepts("05.4", narrow[["series", "metric", "date_then", "date_now"]], "pairs are left"),
        rejects("05.4", _pairs_with_ranges(key), "without a point value", never_says=("should have dropped out",)),
        rejects("05.4", pd.concat([narrow, narrow]), "more than once"),
        rejects("05.4", without_deduplication, "more than once"),
        rejects("05.4", narrow.assign(estimate_id_then=narrow["estimate_id_now"]), "nearest"),
        rejects("05.4", narrow["series"].tolist(), "should be a table"),
        rejects("05.4", narrow.drop(columns=["metric"]), "lacks the column 'metric'"),
    ]


def problems() -> list[str]:
    """What is wrong with the exercise's design (empty if nothing): tasks 1 to 3 ask about pairs that lesson 05's table
    does not show, and the narrower window of task 4 drops series (the question the task asks about them)."""
    found = []
    key = _Key()
    narrow, lesson = key.pairs(30), key.pairs(75)
    # review: lesson 05's pairs table showed 302 days, 2.19 and 1,064 a day, the answers of tasks 1 to 3
    shown = set(map(tuple, lesson[["estimate_id_then", "estimate_id_now"]].to_numpy()))
    for pair in [TASK_1_IDS, TASK_2_IDS, TASK_3_IDS]:
        if pair in shown or pair[::-1] in shown:
            found.append("lesson 05's pairs table shows the pair of a task: " + "/".join(pair))
    then = key.nearest(key.year_before, 30)
    if not (0 < len(narrow) < len(lesson) and set(then["series"]) == set(narrow["series"])):
        found.append("the narrower window of task 4 drops no series, or drops one of the year-earlier side")
    return found
