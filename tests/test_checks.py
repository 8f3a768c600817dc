"""Every exercise's checks, judged by the answers kept beside them (`cases()` in newscheck/checks/exerciseNN.py), once
in each edition, plus malformed answers to every task.

Each case runs once in English and once in German, each time with a catalogue that wraps every translated template in
⟪ ⟫, so one run shows both what the learner reads and that every word of it went through `_()`. A case passes when:
- the verdict is the case's, in both editions, and the message holds what the case says it must (`says`, `says_de`)
  and nothing it must not (`never_says`);
- no word is left outside a translated template, and every template used has a German translation in the compiled
  catalogue learners get (locale/de/LC_MESSAGES/newscheck.mo); the German message is not the English one;
- a message about a wrong answer does not state the right one (computed from the task's right cases), in Python's
  notation or the German one (2,19; 1.064), unless the learner wrote it themselves.
A check that raises fails the case: the suite sets NEWSCHECK_STRICT_CHECKS (tests/conftest.py), which lets the
exception through instead of the learner's "could not be checked" message.
"""

from __future__ import annotations

import ast
import gettext
import math
import re
import string
from functools import lru_cache
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import polib
import pytest

from newscheck import i18n
from newscheck.checks import EXERCISES, NOT_DONE, feedback, registry, task_ids
from newscheck.checks.cases import Case, Made

matplotlib.use("Agg")
ROOT = Path(__file__).resolve().parent.parent
GERMAN_MO = ROOT / "locale" / "de" / "LC_MESSAGES" / "newscheck.mo"
CASES = [case for module in EXERCISES for case in module.cases()]


# --- catalogues that mark what was translated -------------------------------------------------------------------------

@lru_cache(maxsize=None)
def german_messages() -> tuple[dict[str, str], dict[str, dict[int, str]]]:
    """The compiled German catalogue, as learners get it: {msgid: msgstr} and {singular msgid: {form: msgstr}}."""
    mo = polib.mofile(str(GERMAN_MO))
    assert mo.metadata.get("Plural-Forms", "").replace(" ", "") == "nplurals=2;plural=(n!=1);"
    singular = {e.msgid: e.msgstr for e in mo if e.msgid and not e.msgid_plural and e.msgstr}
    plural = {e.msgid: e.msgstr_plural for e in mo if e.msgid_plural and all(e.msgstr_plural.values())}
    return singular, plural


class Marking(gettext.NullTranslations):
    """Wraps every template in ⟪ ⟫: the English one, or (german=True) its German translation; a template without one
    is recorded in `missing` and shown in English, as the learner would see it."""

    def __init__(self, german: bool = False) -> None:
        super().__init__()
        self.german, self.missing = german, []

    def gettext(self, message: str) -> str:
        translated = german_messages()[0].get(message) if self.german else message
        if translated is None:
            self.missing.append(message)
        return "⟪" + (translated or message) + "⟫"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        forms = german_messages()[1].get(singular) if self.german else {0: singular, 1: plural}
        if forms is None:
            self.missing.append(singular)
            forms = {0: singular, 1: plural}
        return "⟪" + forms[0 if n == 1 else 1] + "⟫"


def outside_translation(text: str) -> str:
    """What is left of text when every ⟪…⟫ (innermost first) is removed."""
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"⟪[^⟪⟫]*⟫", "", text)
    return text


def judge(task_id, answer, language: str, monkeypatch: pytest.MonkeyPatch):
    """(verdict, message as the learner reads it) in one edition, after checking that every word was translated."""
    catalogue = Marking(german=language == "de")
    with monkeypatch.context() as patch:
        patch.setattr(i18n, "override", catalogue)
        patch.setattr(i18n, "_chosen", language)
        result = feedback(task_id, answer)
        printed = str(result)
    where = f"check({task_id!r}, {answer!r:.60}) in {language!r}: {printed!r}"
    assert not catalogue.missing, f"no German translation for {catalogue.missing} ({where})"
    left = outside_translation(printed)
    assert not re.search(r"[^\W\d_]", left), f"words outside _(): {left!r} ({where})"
    message = result.message.replace("⟪", "").replace("⟫", "")
    assert message and "Traceback" not in message, where
    return result.ok, message


# --- the right answer, which a message about a wrong one must not give away -------------------------------------------

def german_notation(number: str) -> str:
    """A number as German prose writes it: '2.19' -> '2,19', '1064' -> '1.064'."""
    match = re.fullmatch(r"(-?)(\d+)(?:\.(\d+))?", number)
    if not match:
        return number
    sign, whole, fraction = match.groups()
    return sign + "{:,}".format(int(whole)).replace(",", ".") + ("," + fraction if fraction else "")


@lru_cache(maxsize=None)
def secrets(task_id: str) -> tuple[str, ...]:
    """How the right answer of a task with one short answer could be written: from its first right case that is a
    number (as it is, rounded to two and to one place) or a short text."""
    for case in CASES:
        if case.task != task_id or not case.right or isinstance(case.answer, Made):
            continue
        answer = case.answer
        if isinstance(answer, (int, np.integer)) and not isinstance(answer, (bool, np.bool_)):
            return (str(int(answer)),)
        if isinstance(answer, (float, np.floating)):
            return tuple(dict.fromkeys([str(round(float(answer), 2)), str(round(float(answer), 1)), str(float(answer))]))
        if isinstance(answer, str) and len(answer) <= 5:
            return (answer.strip(),)
        if isinstance(answer, list) and 0 < len(answer) <= 3 and all(isinstance(item, str) for item in answer):
            return tuple(answer)
        return ()
    return ()


def assert_no_answer_given_away(task_id: str, answer, message: str, german: bool) -> None:
    """A message about a wrong answer never states the right one, unless the learner wrote it themselves."""
    if not isinstance(task_id, str):
        return
    written = [repr(answer), str(answer), repr(answer).replace(", ", "."), repr(answer).replace(", ", ",")]
    written += [re.sub(r"(?<=\d)[.' ](?=\d{3}(?!\d))", "", str(answer)).replace(",", ".")]  # '1.064' -> 1064
    written += [re.sub(r"\b([A-Za-z]+)(\d)\b", r"\g<1>0\2", str(answer))]  # the id 'M8' written as the table does: M08
    for secret in secrets(task_id):
        if any(secret.lower() in text.lower() for text in written):
            continue
        for form in {secret, german_notation(secret)} if german else {secret}:
            assert not re.search(r"(?<![\w.,])" + re.escape(form) + r"(?![\w]|[.,]\d)", message), (
                f"check({task_id!r}, ...) gives away {secret!r}: {message}")


def assert_case(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    answer = case.made()
    english_ok, english = judge(case.task, answer, "en", monkeypatch)
    german_ok, german = judge(case.task, answer, "de", monkeypatch)
    assert english_ok is case.right, f"{case.label}: {english}"
    assert german_ok is english_ok, f"the German verdict differs from the English one: {german} / {english}"
    assert case.says in english, f"{case.says!r} not in {english!r}"
    assert case.says_de in german, f"{case.says_de!r} not in {german!r}"
    for words in case.never_says:
        assert words not in english, f"{words!r} in {english!r}"
    assert german != english, f"the German message is the English one: {german!r}"
    for message in (english, german):  # review of the German edition, finding 35: never "1 of your 1", "5 of your 5"
        assert not re.search(r"\b(\d+) (?:of your|deiner) \1\b", message), message
    if not case.right:
        assert_no_answer_given_away(case.task, answer, english, german=False)
        assert_no_answer_given_away(case.task, answer, german, german=True)


@pytest.fixture(autouse=True)
def close_figures():
    """Close the figures a test drew."""
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.mark.parametrize("case", CASES, ids=[case.label for case in CASES])
def test_case(case, monkeypatch):
    assert_case(case, monkeypatch)


@pytest.mark.parametrize("module", EXERCISES, ids=lambda module: module.__name__.rsplit(".", 1)[1])
def test_the_exercise_is_sound(module):
    assert getattr(module, "problems", list)() == []


def test_every_task_has_a_right_and_a_wrong_case():
    for task_id in task_ids():
        verdicts = {case.right for case in CASES if case.task == task_id}
        assert verdicts == {True, False}, f"{task_id}: cases for {verdicts} only"


def test_every_check_has_a_task_in_its_notebook_and_every_task_a_check():
    from newscheck.checks.cases import notebook_cells

    for module in EXERCISES:
        in_notebook = {cell["source"].split('"')[1] for cell in notebook_cells(module.NOTEBOOK)
                       if cell["cell_type"] == "code" and cell["source"].startswith("check(")}
        prefix = module.__name__[-2:] + "."
        assert in_notebook == {task for task in task_ids() if task.startswith(prefix)}, module.NOTEBOOK


# --- malformed answers to every task ----------------------------------------------------------------------------------

BAD_INPUTS = {
    "a string instead of a number": "eight",
    "a number instead of a list or table": 42,
    "an empty list": [],
    "an empty DataFrame": pd.DataFrame(),
    "a DataFrame with renamed columns": pd.DataFrame({"id": ["S1"], "wert": [1]}),
    "a dict": {"answer": 1},
    "True": True,
    "NaN": float("nan"),
    "pandas' NA": pd.NA,
    "a German decimal comma, (2,19)": (2, 19),
    "a German decimal comma as text": "2,19",
    "a German thousands point as text": "600.000",
    "a string of digits": "12",
    "a negative number": -1,
    "infinity": math.inf,
    "a nested list": [[1]],
    "a set": {"S1"},
    "a time span": pd.Timedelta(days=3),
    "a Series of numbers": pd.Series([1, 2]),
    "a numpy integer": np.int64(3),
    "an empty figure": Made(lambda: __import__("matplotlib.pyplot").pyplot.figure(), "an empty figure"),
}


@pytest.mark.parametrize("task_id", task_ids())
def test_malformed_answers_get_a_friendly_message_in_both_editions(task_id, monkeypatch):
    for label, answer in BAD_INPUTS.items():
        assert_case(Case(task_id, answer, False), monkeypatch)


def test_the_stub_and_none_are_answered_once_for_every_task(monkeypatch):
    """`...` and None are handled before any task's own check runs, so one task stands for all; a task with its own
    explanation of None (04.2: `fig = plt.show()`) or of `...` (01.2: a loop that found nothing) gets it."""
    assert feedback("01.1", ...).message == NOT_DONE
    assert_case(Case("01.1", None, False, "Your answer is None"), monkeypatch)
    for task_id, entry in registry._TASKS.items():
        if entry.on_none:
            assert feedback(task_id, None).message == entry.on_none
        if entry.on_stub:  # 01.2: a loop that found nothing leaves the placeholder
            assert feedback(task_id, ...).message == entry.on_stub


def test_check_prints_and_explains_a_missing_answer_or_an_unknown_task(capsys, monkeypatch):
    from newscheck import check

    check("01.1", ...)
    assert capsys.readouterr().out.strip() == "✗ " + NOT_DONE
    check("01.1")  # issue #10: check("01.1") raised a TypeError
    assert 'check("01.1", your_answer)' in capsys.readouterr().out
    assert_case(Case("09.9", 1, False, "There is no task '09.9'"), monkeypatch)
    assert_case(Case(["01.1"], 1, False, "There is no task"), monkeypatch)


def test_a_task_number_without_its_leading_zero_is_understood():
    right = next(case for case in CASES if case.task == "01.1" and case.right)
    assert feedback("1.1", right.answer).ok and feedback(1.1, right.answer).ok


# --- a check that raises fails the suite, and never shows a learner a traceback --------------------------------------

def test_a_check_that_raises_fails_the_suite_and_shows_a_learner_no_traceback(monkeypatch):
    """Issue #17: a check of 05.2 that raised on a negative number passed every test, because feedback() turned the
    exception into a friendly message. Planted here: the suite's malformed-answer test now fails on it, while a
    learner (no NEWSCHECK_STRICT_CHECKS) still gets a friendly message."""
    original = registry._TASKS["05.2"]

    def crashes_on_negative(answer):
        if isinstance(answer, (int, float)) and answer < 0:
            raise ValueError("planted")
        return original.function(answer)

    monkeypatch.setitem(registry._TASKS, "05.2", registry._Task(crashes_on_negative, original.on_none))
    with pytest.raises(ValueError, match="planted"):
        test_malformed_answers_get_a_friendly_message_in_both_editions("05.2", monkeypatch)
    monkeypatch.delenv(registry.STRICT_VARIABLE)
    message = feedback("05.2", -1).message
    assert message.startswith("Your answer could not be checked (ValueError)") and "Traceback" not in message


def test_the_suite_runs_the_checks_strictly_and_so_do_the_notebooks_it_runs():
    import os

    assert os.environ.get(registry.STRICT_VARIABLE) == "1"  # set by tests/conftest.py, inherited by nbval's kernels


# --- every message is ready for the German edition ----------------------------------------------------------------

MODULES = sorted((ROOT / "newscheck" / "checks").glob("*.py"))
TRANSLATORS = {"_": 1, "N_": 1, "ngettext": 2}  # function: how many leading arguments are templates


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_every_message_is_a_literal_template_with_named_placeholders(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    fstrings = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)]
    assert not fstrings, f"{module.name}: f-strings on lines {fstrings}; use _(\"... {{name}} ...\").format(name=...)"
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        if node.func.id in ("wrong", "right", "Feedback"):
            assert not any(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args), (
                f"{module.name}, line {node.lineno}: wrap the message in _()")
        if node.func.id not in TRANSLATORS:
            continue
        for argument in node.args[: TRANSLATORS[node.func.id]]:
            if node.func.id == "_" and isinstance(argument, (ast.Name, ast.Subscript, ast.Attribute)):
                continue  # _(what), _(NAMES[kind]): a template marked with N_() where it was defined
            assert isinstance(argument, ast.Constant) and isinstance(argument.value, str), (
                f"{module.name}, line {node.lineno}: {node.func.id}() needs a literal string, not an expression")
            fields = [field for _, field, _, _ in string.Formatter().parse(argument.value) if field is not None]
            assert all(field and not field.isdigit() for field in fields), (
                f"{module.name}, line {node.lineno}: name every placeholder, e.g. {{count}}")


def test_babel_extracts_every_message_and_each_has_a_german_translation(extracted_messages):
    """extracted_messages: Babel's extractor over newscheck/, run once per test session (tests/conftest.py)."""
    singular = [message for message, _plural, _locations, _comments in extracted_messages]
    assert len(singular) > 100, "pybabel would find too few messages: are they inside _()?"
    assert NOT_DONE in singular  # an N_() template
    assert any(plural for _message, plural, _locations, _comments in extracted_messages)  # ngettext's plural forms
    mo = polib.mofile(str(GERMAN_MO))
    translated = {entry.msgid for entry in mo if entry.msgstr or all(entry.msgstr_plural.values() or [""])}
    assert [message for message in singular if message not in translated] == []


def test_german_messages_use_the_courses_terms():
    """One German term for a thing: Signalwort (not Marker), Satzkennung, kumuliert; no Finder, which the German
    lessons do not introduce; "Achsen" only for the axes themselves, not for the plotting area; no "Punktwerte"."""
    singular, plural = german_messages()
    texts = list(singular.values()) + [form for forms in plural.values() for form in forms.values()]
    for word in ["Marker", "Finder", "Satz-Kennung", "kumulativ", "Punktwert", "Punktschätzung", "innerhalb der Achsen",
                 "außerhalb der Achsen", "Vielfaches", "Lexikon"]:
        assert not [text for text in texts if word in text], word


# --- how far along a list of ids is, said the way people say it ----------------------------------------------------

def test_compare_ids_says_one_both_all_and_groups_thousands_in_german(monkeypatch):
    from newscheck.checks.ids import compare_ids
    from newscheck.i18n import N_

    monkeypatch.setattr(i18n, "_chosen", "de")
    noun, look = N_("sentences"), N_("claims")
    assert compare_ids({"S1"}, {"S1"}, noun, look).message == "Gefunden."
    assert compare_ids({"S1", "S2"}, {"S1", "S2"}, noun, look).message == "Beide Sätze gefunden."
    assert compare_ids({"S1", "S2", "S3"}, {"S1", "S2", "S3"}, noun, look).message == "Alle 3 Sätze gefunden."
    assert compare_ids({"S1"}, {"S1", "S2"}, noun, look).message.startswith("Deine Antwort stimmt, aber es fehlt noch 1")
    many = compare_ids({f"S{i}" for i in range(1200)}, {"S1"}, noun, look).message
    assert "1 deiner 1.200 Sätze stimmt; 1.199 gehören nicht dazu" in many

