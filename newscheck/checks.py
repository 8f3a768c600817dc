"""Instant feedback for the exercise notebooks: `check(task_id, answer)` prints what is right, what is still
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


def _task(task_id: str) -> Callable[[Callable[[Any], Feedback]], Callable[[Any], Feedback]]:
    def register(function: Callable[[Any], Feedback]) -> Callable[[Any], Feedback]:
        _TASKS[task_id] = function
        return function

    return register


def _numeric_task(task_id: str, what: str) -> Callable[[Callable[[float], Feedback]], Callable[[float], Feedback]]:
    """Register a check whose answer is a number: a non-number gets a friendly message before the check runs."""
    def register(function: Callable[[float], Feedback]) -> Callable[[float], Feedback]:
        def check_number(answer: Any) -> Feedback:
            value = _number(answer, what)
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

def _kind(answer: Any) -> str:
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


def _number(answer: Any, what: str) -> float | Feedback:
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
        return Feedback(False, f"You gave {_kind(answer)}; the answer is {what}.")


def _ids(answer: Any, what: str, example: str = '["S1", "S2"]') -> set[str] | Feedback:
    """A list (or tuple, set, Series, array) of ids, compared without regard to capitals."""
    if isinstance(answer, str):
        return Feedback(False, f"You gave one piece of text; give a list of {what}, e.g. {example}.")
    if isinstance(answer, pd.DataFrame):
        return Feedback(False, f"You gave a table; give a list of {what}, e.g. {example}. (Take one column with "
                               "`.tolist()`.)")
    if hasattr(answer, "tolist") and not isinstance(answer, (list, tuple, set)):
        answer = answer.tolist()  # a pandas Series or a numpy array
    if not isinstance(answer, (list, tuple, set)):
        return Feedback(False, f"You gave {_kind(answer)}; give a list of {what}, e.g. {example}.")
    if not all(isinstance(item, str) for item in answer):
        return Feedback(False, f"Every item should be text in quotes, as in {example}; some of yours are not.")
    return {item.strip().upper() for item in answer}


def _frame(answer: Any, columns: list[str], what: str) -> pd.DataFrame | Feedback:
    if isinstance(answer, pd.Series):
        return Feedback(False, f"You gave a single column (a Series); {what} should be a table (a DataFrame). "
                               "Use double brackets, e.g. table[[\"a\", \"b\"]], or filter rows of the whole table.")
    if not isinstance(answer, pd.DataFrame):
        return Feedback(False, f"You gave {_kind(answer)}; {what} should be a table (a DataFrame).")
    missing = [column for column in columns if column not in answer.columns]
    if missing:
        return Feedback(False, f"The table lacks the column{'s' if len(missing) > 1 else ''} "
                               f"{', '.join(repr(m) for m in missing)}. Keep the table's original column names.")
    if answer.empty:
        return Feedback(False, "The table is empty: your filter keeps no rows. Print the column you filter on and "
                               "compare its values with what you wrote (spelling, capitals).")
    return answer


def _compare_ids(given: set[str], expected: set[str], noun: str, look: str) -> Feedback:
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


def _table_ids(answer: Any, column: str, expected: set[str], what: str, noun: str, look: str) -> Feedback:
    """Check a filtered table by the ids in one of its columns."""
    frame = _frame(answer, [column], what)
    if isinstance(frame, Feedback):
        return frame
    return _compare_ids(set(frame[column]), expected, noun, look)


def _close(value: float, expected: float, tolerance: float, what: str, look: str) -> Feedback:
    if abs(value - expected) <= tolerance:
        return Feedback(True, f"{what} is right.")
    direction = "too large" if value > expected else "too small"
    return Feedback(False, f"{what} is {direction}. {look}")


# --- expected answers, computed from the course's data ---------------------------------------------------

def _article():
    from newscheck.loading import load_article

    return load_article()


def _table(name: str) -> pd.DataFrame:
    from newscheck.tables import load_table

    return load_table(name)


def _markers_in(sentence_id: str) -> set[str]:
    from newscheck.markers import find_markers

    sentences = _table("article_sentences")
    return set(find_markers(sentences[sentences["sentence_id"] == sentence_id])["marker_id"])


def _estimate(estimate_id: str) -> pd.Series:
    return _table("loss_estimates").set_index("estimate_id").loc[estimate_id]


# --- lesson 01 --------------------------------------------------------------------------------------------

@_numeric_task("01.1", "a whole number (how many lines carry text)")
def _lines(value: float) -> Feedback:
    return _close(value, len(_article().lines), 0, "The number of lines",
                  "Count the items of `article.lines` with `len(...)`; blank lines are not in it.")


@_numeric_task("01.2", "a line number (counting from 1)")
def _line_of_figure(value: float) -> Feedback:
    expected = next(i for i, line in enumerate(_article().lines, start=1) if "600.000" in line)
    if value == expected - 1:
        return Feedback(False, "Close: that is Python's position, which counts from 0. People count lines from 1.")
    return _close(value, expected, 0, "The line number", "Loop over `enumerate(article.lines, start=1)` and test "
                  "`\"600.000\" in line`. Note the German thousands separator: a dot, not a comma.")


@_numeric_task("01.3", "a whole number")
def _count_russland(value: float) -> Feedback:
    body = " ".join(_article().lines[4:]).lower()
    expected = body.count("russ")
    if value == body.count("russland") and value != expected:
        return Feedback(False, "You counted the word 'Russland' only. Count the letters 'russ', so that russisch, "
                               "russischen and Russland all count.")
    if value == " ".join(_article().lines[4:]).count("Russ") and value != expected:
        return Feedback(False, "You counted only the capitalised form. Make the text lower case first with `.lower()`.")
    return _close(value, expected, 0, "The count", "Count in the body only (`article.lines[4:]`), in lower case, "
                  "and count the letters 'russ' so that russisch, russische and Russland all count.")


# --- lesson 02 --------------------------------------------------------------------------------------------

@_task("02.1")
def _markers_s3(answer: Any) -> Feedback:
    given = _ids(answer, "marker ids", example='["M01", "M99"]')
    if isinstance(given, Feedback):
        return given
    return _compare_ids(given, _markers_in("S3"), "marker ids",
                        "Read S3 word by word against the lexicon: a verb of saying, a Konjunktiv I form, a hedge "
                        "and a passive without an agent.")


@_task("02.2")
def _koennte(answer: Any) -> Feedback:
    given = _ids(answer, "sentence ids")
    if isinstance(given, Feedback):
        return given
    sentences = _table("article_sentences")
    expected = set(sentences.loc[sentences["text_de"].str.contains(r"\bkönnte\b", regex=True), "sentence_id"])
    return _compare_ids(given, expected, "sentence ids",
                        "Use `sentences[\"text_de\"].str.contains(r\"\\bkönnte\\b\")` as a filter and list the sentence_id column.")


@_task("02.3")
def _per_category(answer: Any) -> Feedback:
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0]
    if not isinstance(answer, pd.Series):
        return Feedback(False, f"You gave {_kind(answer)}; the answer is the result of "
                               "`hits[\"category\"].value_counts()` (a Series: one count per category).")
    from newscheck.markers import find_markers

    expected = find_markers(_table("article_sentences"))["category"].value_counts()
    if set(answer.index) != set(expected.index):
        return Feedback(False, "The categories are not the ones the finder reports. Count the column 'category' of "
                               "the finder's hits for all sentences of the article.")
    if not (answer.reindex(expected.index) == expected).all():
        return Feedback(False, "The categories are right but some counts are not. Did you run the finder on every "
                               "sentence (all of `sentences`)?")
    return Feedback(True, f"{int(expected.sum())} hits in {len(expected)} categories.")


@_task("02.4")
def _new_sentence_hits(answer: Any) -> Feedback:
    from newscheck.markers import find_markers

    expected = set(find_markers("Laut Regierungskreisen soll die Zahl bei rund 5.000 liegen.")["marker_id"])
    return _table_ids(answer, "marker_id", expected, "the finder's result", "markers",
                      "Call `find_markers(\"Laut Regierungskreisen soll die Zahl bei rund 5.000 liegen.\")` with "
                      "the sentence exactly as given.")


# --- lesson 03 --------------------------------------------------------------------------------------------

@_task("03.1")
def _checkable_by_article(answer: Any) -> Feedback:
    claims = _table("claims")
    expected = set(claims.loc[claims["checkable"] & (claims["speaker_type"] == "article"), "claim_id"])
    return _table_ids(answer, "claim_id", expected, "your filtered claims", "claims",
                        "Combine two conditions with `&`, each in brackets: checkable is True, and speaker_type is "
                        "\"article\".")


@_task("03.2")
def _kind_by_verdict(answer: Any) -> Feedback:
    if not isinstance(answer, pd.DataFrame):
        return Feedback(False, f"You gave {_kind(answer)}; `pd.crosstab(...)` gives a table (a DataFrame).")
    claims = _table("claims")
    expected = pd.crosstab(claims["claim_kind"], claims["true_verdict"])
    if set(answer.index) != set(expected.index) or set(answer.columns) != set(expected.columns):
        return Feedback(False, "The rows should be the claim kinds and the columns the true_verdict labels. Check "
                               "which column you gave first to `pd.crosstab` and drop `margins=True`.")
    if not (answer.loc[expected.index, expected.columns] == expected).all().all():
        return Feedback(False, "Rows and columns are right but some counts are not. Use the whole claims table.")
    return Feedback(True, "Every kind of claim against every verdict, counted.")


@_task("03.3")
def _new_claim(answer: Any) -> Feedback:
    columns = ["sentence_id", "span_de", "speaker_type", "claim_kind", "checkable", "true_verdict"]
    frame = _frame(answer, columns, "your new claim")
    if isinstance(frame, Feedback):
        return frame
    if len(frame) != 1:
        return Feedback(False, f"Your table has {len(frame)} rows; make one row, for one claim.")
    row = frame.iloc[0]
    sentences = _table("article_sentences").set_index("sentence_id")["text_de"]
    if str(row["sentence_id"]).strip().upper() != "S9":
        return Feedback(False, "The task asks for a claim from sentence S9: set sentence_id to \"S9\".")
    span = row["span_de"]
    if not isinstance(span, str) or not span.strip() or span not in sentences["S9"]:
        return Feedback(False, "span_de must be words copied exactly from S9 (same spelling, same capitals).")
    checkable = row["checkable"]
    if not isinstance(checkable, (bool, np.bool_)):
        return Feedback(False, f"checkable must be True or False without quotes; you gave {_kind(checkable)}.")
    course = _table("claims").set_index("sentence_id").loc["S9"]
    wrong = []
    if row["speaker_type"] != course["speaker_type"]:
        wrong.append("speaker_type: who asserts it, if the sentence names nobody?")
    if row["claim_kind"] != course["claim_kind"]:
        wrong.append("claim_kind: is it a number, an event, a judgement, a forecast or an appeal?")
    if bool(checkable) != bool(course["checkable"]):
        wrong.append("checkable: could any evidence settle whether the weapons 'contribute to an escalation'?")
    if row["true_verdict"] != course["true_verdict"]:
        wrong.append("true_verdict: what verdict does a claim get that cannot be checked?")
    if wrong:
        return Feedback(False, "The row is well formed, but look again at " + " ".join(wrong))
    return Feedback(True, "Your row agrees with the course's claim for S9 (C18).")


# --- lesson 04 --------------------------------------------------------------------------------------------

@_task("04.1")
def _uk_series(answer: Any) -> Feedback:
    estimates = _table("loss_estimates")
    wanted = (estimates["series"] == "UK government") & (estimates["metric"] == "killed_and_wounded") & (estimates["coverage"] == "cumulative")
    return _table_ids(answer, "estimate_id", set(estimates.loc[wanted, "estimate_id"]), "your filtered estimates", "estimates",
                        "Three conditions: series, metric and coverage. Period figures (one month or year) are not cumulative.")


@_task("04.2")
def _figure(answer: Any) -> Feedback:
    from matplotlib.figure import Figure

    if not isinstance(answer, Figure):
        return Feedback(False, f"You gave {_kind(answer)}; give the figure, the `fig` from "
                               "`fig, ax = plt.subplots()`.")
    axes = answer.get_axes()
    if not axes:
        return Feedback(False, "The figure has no axes. Draw into the `ax` from `plt.subplots()`.")
    ax = axes[0]
    missing = []
    from matplotlib.collections import LineCollection, PathCollection

    if not ax.lines and not any(isinstance(c, PathCollection) for c in ax.collections):
        missing.append("the point estimates (ax.plot or ax.scatter)")
    if not any(isinstance(c, LineCollection) for c in ax.collections):
        missing.append("the ranges (ax.vlines)")
    if not ax.get_xlabel():
        missing.append("an x-axis label")
    if not ax.get_ylabel():
        missing.append("a y-axis label with the unit")
    if not (ax.get_title() or (answer._suptitle and answer._suptitle.get_text())):
        missing.append("a title that states the finding")
    texts = [t.get_text().lower() for t in answer.texts + ax.texts]
    if not any(word in text for text in texts for word in ("source", "quelle", "data", "loss_estimates")):
        missing.append("the source on the figure (fig.text(..., \"Source: ...\"))")
    if missing:
        return Feedback(False, "Still missing: " + "; ".join(missing) + ".")
    return Feedback(True, "Data, ranges, labelled axes, a title and the source: an honest figure.")


# --- lesson 05 --------------------------------------------------------------------------------------------

@_numeric_task("05.1", "a whole number of days")
def _days(value: float) -> Feedback:
    expected = (_estimate("W-29")["date"] - _estimate("W-22")["date"]).days
    return _close(value, expected, 0, "The number of days", "Subtract the earlier date from the later one and take `.days`.")


@_numeric_task("05.2", "a number such as 1.5")
def _uk_ratio(value: float) -> Feedback:
    expected = _estimate("W-34")["value"] / _estimate("W-20")["value"]
    if abs(value - 1 / expected) < 0.01:
        return Feedback(False, "Upside down: divide the later estimate by the earlier one.")
    return _close(value, expected, 0.05, "The ratio", "Use the point values (column 'value') of W-34 and W-20.")


@_numeric_task("05.3", "a number of soldiers per day")
def _per_day(value: float) -> Feedback:
    early, late = _estimate("UA-4"), _estimate("UA-13")
    expected = (late["value"] - early["value"]) / (late["date"] - early["date"]).days
    if abs(value - late["value"] / (late["date"] - early["date"]).days) < 1:
        return Feedback(False, "You divided the whole total by the days. Use the increase: later minus earlier.")
    return _close(value, expected, 1, "The number per day", "(later value - earlier value) / days between them.")


# --- lesson 06 --------------------------------------------------------------------------------------------

@_numeric_task("06.1", "a whole number")
def _sample_sentences(value: float) -> Feedback:
    from newscheck.loading import read_text
    from newscheck.paths import data_dir
    from newscheck.sentences import split_sentences

    expected = len(split_sentences(read_text(data_dir() / "sample_article_de.txt")))
    return _close(value, expected, 0, "The number of sentences", "Use `len(split_sentences(text))`; the headline counts as one.")


@_task("06.2")
def _false_alarm(answer: Any) -> Feedback:
    if not isinstance(answer, str):
        return Feedback(False, f"You gave {_kind(answer)}; give one sentence id as text, e.g. \"S4\".")
    answer = answer.strip().upper()
    if answer.isdigit():
        answer = "S" + answer
    if answer == "S13":
        return Feedback(True, "'sollen' there gives an order (citizens are to clear their cellars); nobody is quoted.")
    from newscheck.loading import read_text
    from newscheck.markers import find_markers
    from newscheck.paths import data_dir
    from newscheck.sentences import split_sentences

    hits = find_markers(split_sentences(read_text(data_dir() / "sample_article_de.txt")))
    flagged = set(hits.loc[hits["category"] == "hearsay", "sentence_id"])
    if answer not in flagged:
        return Feedback(False, f"The finder does not flag {answer} as hearsay. Pick one of the sentences it flags.")
    return Feedback(False, f"In {answer} someone's words really are passed on. Look for a 'sollen' that gives an order.")
