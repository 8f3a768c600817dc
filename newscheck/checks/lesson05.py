"""Checks for exercises 05: exercises/source/05_*.ipynb."""

from __future__ import annotations

from typing import Any

from newscheck.checks.answers import Feedback, close, estimate, numeric_task


@numeric_task("05.1", "a whole number of days")
def _days(value: float) -> Feedback:
    expected = (estimate("W-29")["date"] - estimate("W-22")["date"]).days
    return close(value, expected, 0, "The number of days", "Subtract the earlier date from the later one and take `.days`.")


@numeric_task("05.2", "a number such as 1.5")
def _uk_ratio(value: float) -> Feedback:
    expected = estimate("W-34")["value"] / estimate("W-20")["value"]
    if abs(value - 1 / expected) < 0.01:
        return Feedback(False, "Upside down: divide the later estimate by the earlier one.")
    return close(value, expected, 0.05, "The ratio", "Use the point values (column 'value') of W-34 and W-20.")


@numeric_task("05.3", "a number of soldiers per day")
def _per_day(value: float) -> Feedback:
    early, late = estimate("UA-4"), estimate("UA-13")
    expected = (late["value"] - early["value"]) / (late["date"] - early["date"]).days
    if abs(value - late["value"] / (late["date"] - early["date"]).days) < 1:
        return Feedback(False, "You divided the whole total by the days. Use the increase: later minus earlier.")
    return close(value, expected, 1, "The number per day", "(later value - earlier value) / days between them.")
