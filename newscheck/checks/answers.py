"""Shared answer handling for the exercise checks: the task registry, `check` and `feedback`, and the helpers that
turn any answer (a number, a list of ids, a table, a figure, or something malformed) into a friendly message.

A check never raises, never prints the expected answer, and judges the content of an answer against data/: expected
values are computed from the course's data and helpers, never typed in by hand. Numbers are accepted exactly as far
as rounding to the stated precision allows.

Rules for every learner-facing message of a check (tests/exercises/test_messages.py enforces them):
- it is a literal template inside `_()` (or `ngettext()` when it depends on a count), with named placeholders
  filled afterwards: `_("You gave {kind}; the answer is {what}.").format(kind=..., what=...)`;
- never an f-string or a concatenation inside `_()`;
- a phrase defined at import time (e.g. a task's `what`) is marked with `N_()` and translated where it is used;
- a number or a date shown in a message's prose goes through `number_text()` (newscheck.i18n) / `date_text()` (here), which
  write it the way the running edition writes numbers and dates.

`make translations` collects the templates into locale/<lang>/LC_MESSAGES/newscheck.po.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable

import numpy as np
import pandas as pd

from newscheck.i18n import N_, SOURCE_LANGUAGE, _, current_language, ngettext, number_marks, number_text

NOT_DONE = N_("Not done yet: replace the `...` with your answer, then run this cell again.")


class _NoAnswer:
    """The default of `check(task_id)` called without an answer."""

    def __repr__(self) -> str:
        return "<no answer>"


NO_ANSWER = _NoAnswer()


@dataclass(frozen=True)
class Feedback:
    """The result of a check: ok is True when the answer is right; message says why, in plain language."""

    ok: bool
    message: str

    def __str__(self) -> str:
        return ("✓ " + _("Right.") + " " if self.ok else "✗ ") + self.message


def wrong(message: str) -> Feedback:
    """A Feedback for a wrong answer."""
    return Feedback(False, message)


def right(message: str) -> Feedback:
    """A Feedback for a right answer."""
    return Feedback(True, message)


# --- the registry ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Task:
    function: Callable[[Any], Feedback]
    on_none: str | None  # what to say when the answer is None, if this task has a typical cause (an N_ template)


_TASKS: dict[str, _Task] = {}


def task(task_id: str, on_none: str | None = None) -> Callable[[Callable[[Any], Feedback]], Callable[[Any], Feedback]]:
    """Register the check of one task; `on_none` explains a None answer where this task has a typical cause."""
    def register(function: Callable[[Any], Feedback]) -> Callable[[Any], Feedback]:
        _TASKS[task_id] = _Task(function, on_none)
        return function

    return register


def numeric_task(task_id: str, what: str, *, whole: bool = False, several: str | None = None,
                 ) -> Callable[[Callable[[float], Feedback]], Callable[[float], Feedback]]:
    """Register a check whose answer is one number; anything else gets a friendly message before the check runs.

    `what` describes the answer (an N_ template, e.g. N_("a whole number of days")); `whole` rejects decimals;
    `several` is a hint for an answer that holds several values (a list, a column, a table)."""
    def register(function: Callable[[float], Feedback]) -> Callable[[float], Feedback]:
        def check_number(answer: Any) -> Feedback:
            value = number(answer, what, whole=whole, several=several)
            return value if isinstance(value, Feedback) else function(value)

        _TASKS[task_id] = _Task(check_number, None)
        return function

    return register


def task_ids() -> list[str]:
    """All task ids that have a check, e.g. '01.1'."""
    return sorted(_TASKS)


def _task_key(task_id: Any) -> str | None:
    """The registered id for '04.2', and also for '4.2' or 4.2; None if there is no such task."""
    if isinstance(task_id, str) and task_id in _TASKS:
        return task_id
    if isinstance(task_id, (str, float)) and not isinstance(task_id, bool):
        match = re.fullmatch(r"\s*(\d{1,2})\.(\d)\s*", str(task_id))
        if match:
            key = "{:02d}.{}".format(int(match.group(1)), match.group(2))
            return key if key in _TASKS else None
    return None


def feedback(task_id: Any, answer: Any = NO_ANSWER) -> Feedback:
    """Check an answer and return Feedback; never raises."""
    try:
        key = _task_key(task_id)
        if key is None:
            return wrong(_("There is no task '{task}'. Copy the task number from the check cell of the task, "
                           "e.g. '02.1'.").format(task=task_id))
        if answer is NO_ANSWER:
            return wrong(_("Give your answer too, after a comma: check(\"{task}\", your_answer), with the name that "
                           "holds your answer.").format(task=key))
        if answer is ...:
            return wrong(_(NOT_DONE))
        if answer is None:
            on_none = _TASKS[key].on_none
            return wrong(_(on_none) if on_none else _(
                "Your answer is None, which means nothing was stored. That happens when you store the result of "
                "something that only shows a value, such as print(...): store the value itself."))
        return _TASKS[key].function(answer)
    except Exception as error:  # a check must never show a learner a traceback
        return wrong(_("Your answer could not be checked ({error}). Look at its type and shape, compare with the "
                       "example in the task, and try again.").format(error=type(error).__name__))


def check(task_id: Any, answer: Any = NO_ANSWER) -> None:
    """Print instant feedback for an exercise answer."""
    print(feedback(task_id, answer))


# --- plain-language names for kinds of answers ---------------------------------------------------------------

_KIND_NAMES = {
    bool: N_("True/False"), int: N_("a whole number"), float: N_("a decimal number"), str: N_("text"),
    list: N_("a list"), tuple: N_("a tuple (values in round brackets)"), dict: N_("a dictionary"), set: N_("a set"),
}
_KIND_BY_CLASS = {  # by class name, so that matplotlib need not be imported to name its objects
    "DataFrame": N_("a table (DataFrame)"), "Series": N_("a single column (Series)"), "Index": N_("an index"),
    "ndarray": N_("an array"), "Styler": N_("a styled table (.style): give the table itself"),
    "Timedelta": N_("a time span"), "timedelta": N_("a time span"), "timedelta64": N_("a time span"),
    "Timestamp": N_("a date"), "date": N_("a date"), "datetime": N_("a date"), "datetime64": N_("a date"),
    "Figure": N_("a figure"), "Axes": N_("the axes (the ax of fig, ax = plt.subplots())"),
    "Text": N_("a text on a figure (what set_title or fig.text return)"), "Line2D": N_("a line"),
    "LineCollection": N_("a group of lines (what ax.vlines returns)"), "PathCollection": N_("points (what ax.scatter returns)"),
    "NAType": N_("a missing value (NA)"), "NaTType": N_("a missing date (NaT)"), "NoneType": N_("None (nothing)"),
    "ellipsis": N_("... (the placeholder)"),
}


def kind(answer: Any) -> str:
    """A plain-language name for the type of an answer, translated."""
    if isinstance(answer, (bool, np.bool_)):
        return _(_KIND_NAMES[bool])
    if type(answer).__name__ in _KIND_BY_CLASS:
        return _(_KIND_BY_CLASS[type(answer).__name__])
    if isinstance(answer, np.integer):
        return _(_KIND_NAMES[int])
    if isinstance(answer, np.floating):
        return _(_KIND_NAMES[float])
    for python_type, name in _KIND_NAMES.items():
        if type(answer) is python_type:
            return _(name)
    return _("a value of type {type}").format(type=type(answer).__name__)


# --- dates the way the edition writes them (numbers: newscheck.i18n.number_text) ------------------------------

_MONTHS = [N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"), N_("August"),
           N_("September"), N_("October"), N_("November"), N_("December")]


def date_text(date: Any) -> str:
    """A date for the prose of a message: in English as Python prints it (2023-10-28, as the learner's year_before
    shows it), in a translated edition in words (German: 28. Oktober 2023)."""
    date = pd.Timestamp(date)
    if current_language() == SOURCE_LANGUAGE:
        return date.date().isoformat()
    # TRANSLATORS: a date in the prose of a message, e.g. 28 October 2023; {month} is the month's name, translated.
    return _("{day} {month} {year}").format(day=date.day, month=_(_MONTHS[date.month - 1]), year=date.year)


# --- numbers typed as text the edition's way ------------------------------------------------------------------

@dataclass(frozen=True)
class TypedNumber:
    """A number typed as text the way the running edition writes numbers (German: '2,19', '600.000')."""

    python: str        # the same number as Python writes it: '2.19', '600000'
    decimal: bool      # it has a decimal comma
    grouped: bool      # it has thousands separators
    ambiguous: bool    # one point and three digits ('1.064'): a thousands separator, or Python's decimal point


def edition_number(text: str) -> TypedNumber | None:
    """How Python writes a number that was typed as text with the running edition's decimal mark or thousands
    separators ('2,19' -> 2.19 and '1.064,5' -> 1064.5 in German); None in the English edition, for text that is
    written as Python writes it ('2.19', '12'), and for text that is no such number."""
    marks = number_marks()
    match = re.fullmatch(r"\s*([-+]?)\s*([\d.,' ]+?)\s*", text)
    if marks is None or match is None:
        return None
    decimal, thousands = marks
    sign, body = match.groups()
    if body.count(decimal) > 1:
        return None
    whole, mark, fraction = body.partition(decimal)
    if mark and not fraction.isdigit():
        return None
    grouped = re.fullmatch(r"\d{1,3}(?:[" + re.escape(thousands) + r" ']\d{3})+", whole) is not None
    if not grouped and not whole.isdigit():
        return None
    if not grouped and not mark:
        return None  # digits only: Python writes them alike
    digits = re.sub(r"\D", "", whole)
    python = sign + digits + ("." + (fraction.rstrip("0") or "0") if mark else "")
    ambiguous = grouped and not mark and whole.count(thousands) == 1 and not re.search(r"[ ']", whole) and thousands == "."
    return TypedNumber(python, bool(mark), grouped, ambiguous)


def _edition_number_advice(text: str, whole: bool) -> str | None:
    """For a number typed as text the way the edition writes numbers: how to write it in Python (None if it is not one)."""
    typed = edition_number(text)
    if typed is None:
        return None
    if typed.decimal and typed.grouped:
        advice = _("Python writes a decimal with a point instead of a comma, and a large number without separators: "
                   "{number}")
    elif typed.decimal:
        advice = _("Python writes a decimal with a point instead of a comma: {number}")
    elif typed.ambiguous and not whole:
        advice = _("If the point separates thousands, leave it out: {number}. Python reads a point as a decimal point.")
    else:
        advice = _("Python writes a large number without separators: {number}")
    return advice.format(number=typed.python)


# --- numbers ---------------------------------------------------------------------------------------------------

_NUMBER_TEXT = re.compile(r"\s*[-+]?[\d.,' ]*\d[\d.,' ]*\s*")


def _is_whole_number(value: Any) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _is_plain_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating, Decimal)) and not isinstance(value, (bool, np.bool_))


def _all_missing(values: Any) -> bool:
    try:
        return bool(pd.isna(np.asarray(values, dtype=object)).all())
    except (TypeError, ValueError):
        return False


def _is_missing(answer: Any) -> bool:
    try:
        return bool(pd.api.types.is_scalar(answer) and pd.isna(answer))
    except (TypeError, ValueError):
        return False


def number(answer: Any, what: str, *, whole: bool = False, several: str | None = None) -> float | Feedback:
    """The answer as a float, or a Feedback that says why it is not one number. `what` is an N_ template."""
    what = _(what)
    if isinstance(answer, (bool, np.bool_)):
        return wrong(_("You gave True/False; the answer is {what}.").format(what=what))
    if isinstance(answer, str):
        if _NUMBER_TEXT.fullmatch(answer):
            message = _("You gave text ('{text}'); the answer is {what}. Remove the quotes.").format(text=answer.strip(), what=what)
            advice = _edition_number_advice(answer, whole)  # German: '2,19' -> 2.19, '600.000' -> 600000
            if advice:
                message += " " + advice
            elif "," in answer or " " in answer.strip():
                message += " " + _("Python writes a decimal with a point (2.5) and a large number without separators (1500).")
            return wrong(message)
        return wrong(_("You gave text ('{text}'); the answer is {what}.").format(text=answer[:40], what=what))
    if (isinstance(answer, tuple) and len(answer) == 2 and all(_is_whole_number(part) for part in answer)
            and answer[1] >= 0):
        if whole and (answer[1] == 0 or 100 <= answer[1] <= 999):  # 1,500 typed as in English: the tuple (1, 500)
            return wrong(_("({first}, {second}) is a pair of numbers in Python (a tuple): the comma separates them. Write "
                           "the number without a comma, e.g. 1500, not 1,500.").format(first=answer[0], second=answer[1]))
        if whole:  # (17, 7): no thousands separator; most likely a table's .shape
            return wrong(_("({first}, {second}) is a pair of numbers in Python (a tuple), such as a table's `.shape` gives "
                           "(rows, columns). The answer is {what}: take the number of rows with `.shape[0]` or count "
                           "them with `len(...)`.").format(first=answer[0], second=answer[1], what=what))
        return wrong(_("({first}, {second}) is a tuple in Python: two numbers, separated by the comma. For a decimal, "
                       "use a point: {first}.{second}").format(first=answer[0], second=answer[1]))
    if isinstance(answer, (list, tuple)) and len(answer) == 1 and _is_plain_number(answer[0]):
        return wrong(_("You gave {kind} with one number in it; the answer is {what}. Give the number itself, without "
                       "the brackets (or take it out with `[0]`).").format(kind=kind(answer), what=what))
    if isinstance(answer, (pd.Series, pd.Index, np.ndarray)) and answer.size == 1:
        answer = np.asarray(answer).reshape(-1)[0]  # one value in a column or an array: take the value
    if _is_missing(answer):
        return wrong(_("Your answer is a missing value (NaN or NA): something you used in the calculation is missing. "
                       "Print each value you used, and look for NaN or <NA>."))
    if isinstance(answer, (pd.Timedelta, datetime.timedelta, np.timedelta64)):
        return wrong(_("You gave a time span; the answer is {what}. Take the number of days with `.days`.").format(what=what))
    if isinstance(answer, (pd.DataFrame, pd.Series, pd.Index, np.ndarray, list, tuple, set, dict)):
        if len(answer) == 0:
            return wrong(_("You gave {kind} that is empty: nothing was found or stored. The answer is one number: "
                           "{what}.").format(kind=kind(answer), what=what))
        if isinstance(answer, (pd.Series, np.ndarray)) and _all_missing(answer):
            return wrong(_("Your answer holds only missing values (NaN). Subtracting or dividing two filtered columns "
                           "pairs their rows by row label, and rows with different labels give NaN. Take one value from "
                           "each first, e.g. with `.loc[row, column]`, then calculate."))
        hint = _(several) if several else _("Pick the one value you need from it.")
        return wrong(_("You gave {kind}; the answer is one number: {what}.").format(kind=kind(answer), what=what) + " " + hint)
    if isinstance(answer, (datetime.date, np.datetime64)):
        return wrong(_("You gave a date; the answer is {what}.").format(what=what))
    try:
        value = float(answer)  # int, float, numpy and pandas scalars, Decimal, Fraction
    except (TypeError, ValueError, OverflowError):
        return wrong(_("You gave {kind}; the answer is {what}.").format(kind=kind(answer), what=what))
    if math.isnan(value):
        return wrong(_("Your answer is a missing value (NaN or NA): something you used in the calculation is missing. "
                       "Print each value you used, and look for NaN or <NA>."))
    if math.isinf(value):
        return wrong(_("Your answer is infinite: did you divide by zero? Print the number you divided by."))
    if whole and not value.is_integer():
        message = _("That is not a whole number; the answer is {what}.").format(what=what)
        if decimals_of(value) == 3:
            message += " " + _("If the point was meant as a German thousands separator: Python reads it as a decimal "
                               "point, so write 1500, not 1.500.")
        return wrong(message)
    return value


def decimals_of(value: float) -> int:
    """How many decimal places a number is written with: 2.19 → 2, 2.2 → 1, 1064.0 → 0."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def rounds_to(value: float, expected: float, min_decimals: int = 0) -> bool:
    """True if value is expected itself, or expected rounded to the places value is written with (at least min_decimals)."""
    if math.isclose(value, expected, rel_tol=1e-9, abs_tol=1e-12):
        return True
    places = decimals_of(value)
    return places >= min_decimals and abs(value - expected) <= 0.5 * 10 ** -places + 1e-9 * max(1.0, abs(expected))


def judge_number(value: float, expected: float, *, name: str, look: str, whole: bool = False,
                 min_decimals: int = 0, difference: bool = False) -> Feedback:
    """Right if value is expected (whole numbers) or what rounding expected gives; otherwise say which way it is off.

    `name` ("The ratio") and `look` (where to look) are N_ templates; `difference`: the answer is a later value minus
    an earlier one, so a negative answer means the two were swapped."""
    if (value == expected) if whole else rounds_to(value, expected, min_decimals):
        return right(_("{name} is right.").format(name=_(name)))
    places = decimals_of(value)
    if not whole and places < min_decimals and abs(value - expected) <= 0.5 * 10 ** -places:
        return wrong(ngettext("Close, but rounded too far: keep at least {places} decimal place.",
                              "Close, but rounded too far: keep at least {places} decimal places.",
                              min_decimals).format(places=number_text(min_decimals)))
    if not whole and places > 0 and abs(value - expected) < 10 ** -places:
        return wrong(_("Close, but not what rounding gives: round the last digit (1.346 rounds to 1.35, 1.344 to "
                       "1.34) rather than cutting digits off, or keep all digits."))
    if difference and value < 0 < expected:
        return wrong(_("Your number is negative: subtract the earlier one from the later one, not the other way round."))
    direction = _("{name} is too large.") if value > expected else _("{name} is too small.")
    return wrong(direction.format(name=_(name)) + " " + _(look))


# --- lists of ids ----------------------------------------------------------------------------------------------

def ids(answer: Any, what: str, example: str, valid: set[str] | None = None, column: str | None = None) -> set[str] | Feedback:
    """A list (or tuple, set, Series, array) of ids, compared without regard to capitals and spaces.

    `what` ("marker ids") is an N_ template; `example` is code, e.g. '["M01", "M99"]'; `valid` is the set of ids
    that exist, so that a mistyped id gets its own message; `column` is the table column that holds them."""
    what = _(what)
    if isinstance(answer, str):
        if valid is not None and answer.strip().upper() in valid:
            return wrong(_("You gave one id as text; give a list, in square brackets: [\"{id}\"].").format(id=answer.strip()))
        return wrong(_("You gave one piece of text; give a list of {what}, e.g. {example}.").format(what=what, example=example))
    if isinstance(answer, pd.DataFrame):
        return wrong(_("You gave a table; give a list of {what}, e.g. {example}. Take the id column with "
                       "`.tolist()`.").format(what=what, example=example))
    if isinstance(answer, (pd.Series, pd.Index, np.ndarray, pd.api.extensions.ExtensionArray)):
        answer = list(np.asarray(answer, dtype=object).reshape(-1))
    if not isinstance(answer, (list, tuple, set, frozenset)):
        return wrong(_("You gave {kind}; give a list of {what}, e.g. {example}.").format(kind=kind(answer), what=what, example=example))
    if len(answer) == 0:
        return wrong(_("Your list is empty; give a list of {what}, e.g. {example}.").format(what=what, example=example))
    if all(isinstance(item, (bool, np.bool_)) for item in answer):
        return wrong(_("Your list holds True/False values, one per row: use them to pick rows, then keep only the id "
                       "column and finish with `.tolist()`."))
    if all(_is_whole_number(item) for item in answer):
        if column:
            return wrong(_("Every item should be text in quotes, as in {example}; yours are numbers. If they are row "
                           "numbers (the table's index), take the values of the column {column} instead.").format(
                               example=example, column=column))
        return wrong(_("Every item should be text in quotes, as in {example}; yours are numbers. If they are row numbers "
                       "(the table's index), take the values of the id column instead.").format(example=example))
    if not all(isinstance(item, str) for item in answer):
        return wrong(_("Every item should be text in quotes, as in {example}; some of yours are not.").format(example=example))
    given = {item.strip().upper() for item in answer}
    if valid is not None and given - valid:
        unknown = sorted({item.strip() for item in answer if item.strip().upper() not in valid})
        padded = {item: re.sub(r"^([A-Za-z]+)(\d)$", r"\g<1>0\g<2>", item).upper() for item in unknown}
        if all(padded[item] in valid and padded[item] != item.upper() for item in unknown):
            return wrong(_("Ids have two digits, as in the table: write {fixed} for {given}.").format(
                fixed=", ".join(padded[item] for item in unknown), given=", ".join(unknown)))
        shown = ", ".join("'" + (item if len(item) <= 25 else item[:24] + "…") + "'" for item in unknown[:3])
        return wrong(ngettext("{items} is not one of the {what}; they look like {example}.",
                              "{items} are not among the {what}; they look like {example}.",
                              len(unknown)).format(items=shown, what=what, example=example))
    return given


YOUR_ONE = N_("Your answer")


def compare_ids(given: set[str], expected: set[str], noun: str, look: str, yours: str = YOUR_ONE) -> Feedback:
    """Right if both sets are equal; otherwise say how many are right, wrong and missing.

    noun, look, yours: N_ templates; noun is plural ("marker ids"), yours names a single answer at the start of a
    sentence ("Your marker id"), so that one, two and all of the learner's ids each read naturally."""
    noun = _(noun)
    hits, extra, missing = len(given & expected), len(given - expected), len(expected - given)
    if given == expected:
        if len(expected) == 1:
            return right(_("Found it."))
        if len(expected) == 2:
            return right(_("Both {noun} found.").format(noun=noun))
        return right(_("All {count} {noun} found.").format(count=number_text(len(expected)), noun=noun))
    if not extra:  # every id given is right, some are missing
        if len(given) == 1:
            text = ngettext("{yours} is right, but {count} is still missing.",
                            "{yours} is right, but {count} are still missing.", missing).format(
                                yours=_(yours), count=number_text(missing))
        elif len(given) == 2:
            text = ngettext("Both of your {noun} are right, but {count} is still missing.",
                            "Both of your {noun} are right, but {count} are still missing.", missing).format(
                                noun=noun, count=number_text(missing))
        else:
            text = ngettext("All {given} of your {noun} are right, but {count} is still missing.",
                            "All {given} of your {noun} are right, but {count} are still missing.", missing).format(
                                given=number_text(len(given)), noun=noun, count=number_text(missing))
        return wrong(text + " " + _(look))
    parts = []
    if hits:
        parts.append(ngettext("{right} of your {given} {noun} is right", "{right} of your {given} {noun} are right",
                              hits).format(right=number_text(hits), given=number_text(len(given)), noun=noun))
    if len(given) == 1:
        parts.append(_("{yours} is not right").format(yours=_(yours)))
    else:
        parts.append(ngettext("{count} should not be there", "{count} should not be there", extra).format(count=number_text(extra)))
    if missing:
        parts.append(ngettext("{count} is still missing", "{count} are still missing", missing).format(count=number_text(missing)))
    text = "; ".join(parts)
    return wrong(text[:1].upper() + text[1:] + ". " + _(look))


# --- tables ----------------------------------------------------------------------------------------------------

EMPTY_FILTER = N_("The table is empty: your filter keeps no rows. Print the column you filter on and compare its "
                  "values with what you wrote (spelling, capitals).")
SERIES_OF_A_TABLE = N_("Use double brackets, e.g. table[[\"a\", \"b\"]], or filter rows of the whole table.")


def frame(answer: Any, columns: list[str], what: str, empty: str = EMPTY_FILTER, *, table_name: str | None = None,
          series_hint: str = SERIES_OF_A_TABLE, built: bool = False) -> pd.DataFrame | Feedback:
    """The answer as a table with the given columns, or a Feedback.

    what, empty, series_hint: N_ templates; table_name: the name of the table the learner filters (for the advice on
    a True/False column); built: the learner makes the table by hand (so a missing column is to be added, not kept).
    A column that was moved into the index (set_index) counts as a column."""
    what = _(what)
    if isinstance(answer, pd.Series):
        if pd.api.types.is_bool_dtype(answer) and len(answer):
            return wrong(_("You gave a column of True/False values, one per row (a mask). Use it to pick the rows: "
                           "{table}[mask].").format(table=table_name or "table"))
        return wrong(_("You gave a single column (a Series); {what} should be a table (a DataFrame).").format(what=what)
                     + " " + _(series_hint))
    if not isinstance(answer, pd.DataFrame):
        return wrong(_("You gave {kind}; {what} should be a table (a DataFrame).").format(kind=kind(answer), what=what))
    answer = with_index_as_columns(answer, columns)
    missing = [column for column in columns if column not in answer.columns]
    if missing:
        names = ", ".join(repr(m) for m in missing)
        if built:
            return wrong(ngettext("Your table lacks the column {columns}: add it to the dictionary that makes the row.",
                                  "Your table lacks the columns {columns}: add them to the dictionary that makes the row.",
                                  len(missing)).format(columns=names))
        return wrong(ngettext("The table lacks the column {columns}: keep it, under its name, when you choose columns.",
                              "The table lacks the columns {columns}: keep them, under their names, when you choose "
                              "columns.", len(missing)).format(columns=names))
    if answer.empty:
        return wrong(_(empty))
    return answer


def with_index_as_columns(answer: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """answer with those of the columns that are index levels (after set_index) turned back into columns."""
    levels = [name for name in answer.index.names if name in columns and name not in answer.columns]
    return answer.reset_index(level=levels) if levels else answer


def _row_keys(table: pd.DataFrame) -> pd.Series:
    """One text per row that stands for its values (missing values as empty text), for comparing rows."""
    values = table.astype(object).where(table.notna(), "").astype(str)
    return values.apply("\x1f".join, axis=1) if len(values.columns) else pd.Series("", index=table.index)


def ids_of_rows(given: pd.DataFrame, source: pd.DataFrame, column: str, keys: list[str]) -> pd.Series | None:
    """The ids (column of source) of the rows of given, a part of source that kept some of the columns keys but not
    the id column; None if they cannot be told. Rows are found by their row label (filtering keeps it) if their values
    agree with source there, or else by the values of the key columns they kept, if these tell every row of source
    apart."""
    kept = [c for c in keys if c in given.columns and c in source.columns]
    if not kept or source.index.has_duplicates:
        return None
    shared = [c for c in given.columns if c in source.columns]
    if given.index.isin(source.index).all():
        at_labels = source.loc[given.index, shared]
        if (_row_keys(at_labels).to_numpy() == _row_keys(given[shared]).to_numpy()).all():
            return source.loc[given.index, column].astype(str).reset_index(drop=True)
    source_keys = _row_keys(source[kept])
    if source_keys.duplicated().any():
        return None
    lookup = dict(zip(source_keys, source[column].astype(str)))
    found = [lookup.get(key) for key in _row_keys(given[kept])]
    return None if None in found else pd.Series(found, dtype=object)


def table_ids(answer: Any, column: str, expected: set[str], what: str, noun: str, look: str, *,
              empty: str = EMPTY_FILTER, unique: bool = True, source: pd.DataFrame | None = None,
              keys: list[str] | None = None, table_name: str | None = None,
              series_hint: str = SERIES_OF_A_TABLE, yours: str = YOUR_ONE) -> Feedback:
    """Check a table by the ids in one of its columns. what, noun, look, empty, series_hint, yours: N_ templates
    (noun and yours as for compare_ids); unique:
    each id once; source and keys: the table the answer is a part of, and the columns that identify its rows too
    (e.g. another id), so that a table that kept one of those but not the id column is recognised."""
    given = frame(answer, [] if keys else [column], what, empty, table_name=table_name, series_hint=series_hint)
    if isinstance(given, Feedback):
        return given
    given = with_index_as_columns(given, [column])
    if column in given.columns:
        values = given[column]
    else:
        values = ids_of_rows(given, source, column, keys) if keys and source is not None else None
        if values is None:
            return wrong(_("The table lacks the column {column}, so its rows cannot be told apart: keep it, under its "
                           "name, when you choose columns.").format(column=repr(column)))
    if unique and values.duplicated().any():
        return wrong(_("Some rows appear more than once. Filter the table once, without joining copies of it."))
    return compare_ids({str(item) for item in values}, expected, noun, look, yours)


# --- the course's data -----------------------------------------------------------------------------------------

def article():
    """The article (newscheck.load_article)."""
    from newscheck.loading import load_article

    return load_article()


def table(name: str) -> pd.DataFrame:
    """A table of data/ (newscheck.load_table)."""
    from newscheck.tables import load_table

    return load_table(name)


def edition_labels(table_name: str, column: str) -> dict[str, str]:
    """The labels of a column's data codes in the running edition's language, from data/vocabulary.csv (its column
    label_de in German), e.g. {"US government": "US-Regierung"}; empty in English, where a message shows the codes."""
    language = current_language()
    vocabulary = table("vocabulary") if language != SOURCE_LANGUAGE else None
    if vocabulary is None or "label_" + language not in vocabulary.columns:
        return {}
    rows = vocabulary[(vocabulary["table"] == table_name) & (vocabulary["column"] == column)].dropna(subset=["label_" + language])
    return dict(zip(rows["code"].astype(str), rows["label_" + language].astype(str)))


def markers_in(sentence_id: str) -> set[str]:
    """The marker ids the finder reports for one sentence of the article."""
    from newscheck.markers import find_markers

    sentences = table("article_sentences")
    return set(find_markers(sentences[sentences["sentence_id"] == sentence_id])["marker_id"])


def estimate(estimate_id: str) -> pd.Series:
    """One row of data/loss_estimates.csv."""
    return table("loss_estimates").set_index("estimate_id").loc[estimate_id]
