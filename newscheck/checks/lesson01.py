"""Checks for exercises 01: exercises/source/01_*.ipynb."""

from __future__ import annotations

from typing import Any

from newscheck.checks.answers import Feedback, article, close, numeric_task


@numeric_task("01.1", "a whole number (how many lines carry text)")
def _lines(value: float) -> Feedback:
    return close(value, len(article().lines), 0, "The number of lines",
                  "Count the items of `article.lines` with `len(...)`; blank lines are not in it.")


@numeric_task("01.2", "a line number (counting from 1)")
def _line_of_figure(value: float) -> Feedback:
    expected = next(i for i, line in enumerate(article().lines, start=1) if "600.000" in line)
    if value == expected - 1:
        return Feedback(False, "Close: that is Python's position, which counts from 0. People count lines from 1.")
    return close(value, expected, 0, "The line number", "Loop over `enumerate(article.lines, start=1)` and test "
                  "`\"600.000\" in line`. Note the German thousands separator: a dot, not a comma.")


@numeric_task("01.3", "a whole number")
def _count_russland(value: float) -> Feedback:
    body = " ".join(article().lines[4:]).lower()
    expected = body.count("russ")
    if value == body.count("russland") and value != expected:
        return Feedback(False, "You counted the word 'Russland' only. Count the letters 'russ', so that russisch, "
                               "russischen and Russland all count.")
    if value == " ".join(article().lines[4:]).count("Russ") and value != expected:
        return Feedback(False, "You counted only the capitalised form. Make the text lower case first with `.lower()`.")
    return close(value, expected, 0, "The count", "Count in the body only (`article.lines[4:]`), in lower case, "
                  "and count the letters 'russ' so that russisch, russische and Russland all count.")
