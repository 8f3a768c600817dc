"""Shared answer handling for the exercise checks: `check(task_id, answer)` prints what is right, what is still
wrong and where to look next. A check never raises and never prints the expected answer.

Expected answers are computed from the course's own data and helpers (never typed in by hand), so a change in
data/ moves the answers with it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pandas as pd

NOT_DONE = "Not done yet: replace the `...` with your answer, then run this cell again."


@dataclass(frozen=True)
class Feedback:
    """The result of a check: ok is True when the answer is right; message says why, in plain language."""

    ok: bool
    message: str

    def __str__(self) -> str:
        return ("✓ Right. " if self.ok else "✗ ") + self.message


_TASKS: dict[str, Callable[[Any], Feedback]] = {}


def task(task_id: str) -> Callable[[Callable[[Any], Feedback]], Callable[[Any], Feedback]]:
    def register(function: Callable[[Any], Feedback]) -> Callable[[Any], Feedback]:
        _TASKS[task_id] = function
        return function

    return register


def numeric_task(task_id: str, what: str) -> Callable[[Callable[[float], Feedback]], Callable[[float], Feedback]]:
    """Register a check whose answer is a number: a non-number gets a friendly message before the check runs."""
    def register(function: Callable[[float], Feedback]) -> Callable[[float], Feedback]:
        def check_number(answer: Any) -> Feedback:
            value = number(answer, what)
            return value if isinstance(value, Feedback) else function(value)

        _TASKS[task_id] = check_number
        return function

    return register


def task_ids() -> list[str]:
    """All task ids that have a check, e.g. '01.1'."""
    return sorted(_TASKS)


def feedback(task_id: str, answer: Any) -> Feedback:
    """Check an answer and return Feedback; never raises."""
    if task_id not in _TASKS:
        return Feedback(False, f"There is no task '{task_id}'. Check the task number in the cell above (e.g. '02.1').")
    if answer is ... or answer is None:
        return Feedback(False, NOT_DONE)
    try:
        return _TASKS[task_id](answer)
    except Exception as error:  # a check must never show a learner a traceback
        return Feedback(False, f"Your answer could not be checked ({type(error).__name__}). Look at its type and shape, "
                               "compare with the example in the task, and try again.")


def check(task_id: str, answer: Any) -> None:
    """Print instant feedback for an exercise answer."""
    print(feedback(task_id, answer))


# --- helpers that turn a wrong type into a friendly message -------------------------------------------------

def kind(answer: Any) -> str:
    """A plain-language name for the type of an answer."""
    names = {bool: "True/False", int: "a whole number", float: "a decimal number", str: "text", list: "a list",
             tuple: "a tuple", dict: "a dictionary", set: "a set"}
    if isinstance(answer, np.bool_):
        return "True/False"
    if isinstance(answer, pd.DataFrame):
        return "a table (DataFrame)"
    if isinstance(answer, pd.Series):
        return "a single column (Series)"
    return names.get(type(answer), f"a value of type {type(answer).__name__}")


def number(answer: Any, what: str) -> float | Feedback:
    if isinstance(answer, bool):
        return Feedback(False, f"You gave True/False; the answer is {what}.")
    if isinstance(answer, str):
        hint = " Remove the quotes." if answer.strip().replace(".", "", 1).replace(",", "").isdigit() else ""
        return Feedback(False, f"You gave text ({answer!r}); the answer is {what}.{hint}")
    if isinstance(answer, (int, float)) and not (isinstance(answer, float) and math.isnan(answer)):
        return float(answer)
    try:
        return float(answer)  # numpy and pandas scalars
    except (TypeError, ValueError):
        return Feedback(False, f"You gave {kind(answer)}; the answer is {what}.")


def ids(answer: Any, what: str, example: str = '["S1", "S2"]') -> set[str] | Feedback:
    """A list (or tuple, set, Series, array) of ids, compared without regard to capitals."""
    if isinstance(answer, str):
        return Feedback(False, f"You gave one piece of text; give a list of {what}, e.g. {example}.")
    if isinstance(answer, pd.DataFrame):
        return Feedback(False, f"You gave a table; give a list of {what}, e.g. {example}. (Take one column with "
                               "`.tolist()`.)")
    if hasattr(answer, "tolist") and not isinstance(answer, (list, tuple, set)):
        answer = answer.tolist()  # a pandas Series or a numpy array
    if not isinstance(answer, (list, tuple, set)):
        return Feedback(False, f"You gave {kind(answer)}; give a list of {what}, e.g. {example}.")
    if not all(isinstance(item, str) for item in answer):
        return Feedback(False, f"Every item should be text in quotes, as in {example}; some of yours are not.")
    return {item.strip().upper() for item in answer}


def frame(answer: Any, columns: list[str], what: str) -> pd.DataFrame | Feedback:
    if isinstance(answer, pd.Series):
        return Feedback(False, f"You gave a single column (a Series); {what} should be a table (a DataFrame). "
                               "Use double brackets, e.g. table[[\"a\", \"b\"]], or filter rows of the whole table.")
    if not isinstance(answer, pd.DataFrame):
        return Feedback(False, f"You gave {kind(answer)}; {what} should be a table (a DataFrame).")
    missing = [column for column in columns if column not in answer.columns]
    if missing:
        return Feedback(False, f"The table lacks the column{'s' if len(missing) > 1 else ''} "
                               f"{', '.join(repr(m) for m in missing)}. Keep the table's original column names.")
    if answer.empty:
        return Feedback(False, "The table is empty: your filter keeps no rows. Print the column you filter on and "
                               "compare its values with what you wrote (spelling, capitals).")
    return answer


def compare_ids(given: set[str], expected: set[str], noun: str, look: str) -> Feedback:
    right = given & expected
    if given == expected:
        return Feedback(True, "Found it." if len(expected) == 1 else f"All {len(expected)} {noun} found.")
    parts = []
    if right:
        parts.append(f"{len(right)} of your {len(given)} {noun} are right")
    if given - expected:
        parts.append(f"{len(given - expected)} should not be there")
    if expected - given:
        parts.append(f"{len(expected - given)} {'is' if len(expected - given) == 1 else 'are'} still missing")
    return Feedback(False, "; ".join(parts).capitalize() + f". {look}")


def table_ids(answer: Any, column: str, expected: set[str], what: str, noun: str, look: str) -> Feedback:
    """Check a filtered table by the ids in one of its columns."""
    given = frame(answer, [column], what)
    if isinstance(given, Feedback):
        return given
    return compare_ids(set(given[column]), expected, noun, look)


def close(value: float, expected: float, tolerance: float, what: str, look: str) -> Feedback:
    if abs(value - expected) <= tolerance:
        return Feedback(True, f"{what} is right.")
    direction = "too large" if value > expected else "too small"
    return Feedback(False, f"{what} is {direction}. {look}")


# --- expected answers, computed from the course's data ---------------------------------------------------

def article():
    from newscheck.loading import load_article

    return load_article()


def table(name: str) -> pd.DataFrame:
    from newscheck.tables import load_table

    return load_table(name)


def markers_in(sentence_id: str) -> set[str]:
    from newscheck.markers import find_markers

    sentences = table("article_sentences")
    return set(find_markers(sentences[sentences["sentence_id"] == sentence_id])["marker_id"])


def estimate(estimate_id: str) -> pd.Series:
    return table("loss_estimates").set_index("estimate_id").loc[estimate_id]
