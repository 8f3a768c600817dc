"""Reading an answer that should be one number, and judging it: a friendly message for anything that is not one
number (text, a tuple from a German decimal comma, a list, a column, a time span, NaN), and "too large / too small /
rounded too far" for a number that is off. A number is accepted exactly as far as rounding to the places it is
written with goes."""

from __future__ import annotations

import datetime
import math
import re
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from newscheck.checks.kinds import kind
from newscheck.checks.registry import Feedback, right, wrong
from newscheck.formats import number_text, typed_number
from newscheck.i18n import _, ngettext


def _typed_number_advice(text: str, whole: bool) -> str | None:
    """For a number typed as text the way the edition writes numbers: how to write it in Python (None if it is not one)."""
    typed = typed_number(text)
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


_NUMBER_TEXT = re.compile(r"\s*[-+]?[\d.,' ]*\d[\d.,' ]*\s*")


def is_whole_number(value: Any) -> bool:
    """True for a whole number that is not True/False (int or a numpy integer)."""
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
            # issue #21: an f-string was told to "remove the quotes", which it does not have
            message = _("You gave text ('{text}'); the answer is {what}. Give the number itself, not in quotes (an "
                        "f-string or str() makes text too).").format(text=answer.strip(), what=what)
            advice = _typed_number_advice(answer, whole)  # German: '2,19' -> 2.19, '600.000' -> 600000
            if advice:
                message += " " + advice
            elif "," in answer or " " in answer.strip():
                message += " " + _("Python writes a decimal with a point (2.5) and a large number without separators (1500).")
            return wrong(message)
        return wrong(_("You gave text ('{text}'); the answer is {what}.").format(text=answer[:40], what=what))
    if (isinstance(answer, tuple) and len(answer) == 2 and all(is_whole_number(part) for part in answer)
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
    if isinstance(answer, pd.api.extensions.ExtensionArray):  # `.values` of a pandas column (IntegerArray, ...)
        answer = np.asarray(answer, dtype=object)
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
    if not whole and places == 0 < min_decimals and abs(value - expected) <= 0.5:
        # the learner's review: 2.00 is stored as 2.0, so "keep at least 2 decimal places" was untrue for it
        return wrong(ngettext("Close, but a whole number is too rough here (Python keeps 2.00 as 2.0): give the number "
                              "with at least {places} decimal place.",
                              "Close, but a whole number is too rough here (Python keeps 2.00 as 2.0): give the number "
                              "with at least {places} decimal places.",
                              min_decimals).format(places=number_text(min_decimals)))
    if not whole and places < min_decimals and abs(value - expected) <= 0.5 * 10 ** -places:
        return wrong(ngettext("Close, but rounded too far: keep at least {places} decimal place.",
                              "Close, but rounded too far: keep at least {places} decimal places.",
                              min_decimals).format(places=number_text(min_decimals)))
    if not whole and abs(value - expected) < 10 ** -places and (places > 0 or value == math.trunc(expected)):
        # issue #21: int() of 120.68 (120) was "too small" although the task allows whole numbers
        return wrong(_("Close, but not what rounding gives: round the last digit (1.346 rounds to 1.35, 1.344 to "
                       "1.34, 2.7 to 3) rather than cutting digits off (int() cuts them off), or keep all digits."))
    if not whole and value and abs(expected) >= 1 and rounds_to(value * 1000, expected) and decimals_of(value) >= 3:
        # issue #21: a German thousands point (79.819) read as a decimal point was "too small", without the cause
        return wrong(_("Your number is a thousand times too small: Python reads the point in a number such as 79.819 as "
                       "a decimal point. If you typed a German thousands separator, leave it out (79819)."))
    if difference and value < 0 < expected:
        return wrong(_("Your number is negative: subtract the earlier one from the later one, not the other way round."))
    direction = _("{name} is too large.") if value > expected else _("{name} is too small.")
    return wrong(direction.format(name=_(name)) + " " + _(look))

