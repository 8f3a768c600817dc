"""Shared fixture for the per-lesson tests of the exercise checks.

`judge(task_id, answer)` returns the Feedback, and checks on the way that every word of it went through the
translation function: it runs the check a second time with a catalogue that marks each translated template, and
fails if any text is left outside the marks (so the German edition can translate every message).

It then runs the check a third time in the German edition (`judge_german` returns that Feedback), with the
compiled German catalogue that learners get (locale/de/LC_MESSAGES/newscheck.mo), marking each translation, and
fails unless: the verdict is the English one; every template used has a German translation; no word is left outside
the marks; the message is not the English one; it shows no traceback and is not the "could not be checked" message
where the English is not; and it gives no answer away, in Python's notation or the German one (2,19; 1.064).
So every right, wrong and malformed answer of the read-through cases is also a case of the German edition.
"""

from __future__ import annotations

import gettext
import re
from functools import lru_cache
from pathlib import Path

import matplotlib
import polib
import pytest

from newscheck import i18n
from newscheck.checks import feedback

matplotlib.use("Agg")


class MarkingCatalogue(gettext.NullTranslations):
    """A 'translation' that wraps every template in ⟪ ⟫."""

    def gettext(self, message: str) -> str:
        return "⟪" + message + "⟫"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return "⟪" + (singular if n == 1 else plural) + "⟫"


GERMAN_MO = Path(__file__).resolve().parents[2] / "locale" / "de" / "LC_MESSAGES" / "newscheck.mo"
#: The template of the message a check shows when it failed with an exception (answers.feedback).
COULD_NOT_CHECK = "Your answer could not be checked ({error})."


@lru_cache(maxsize=None)
def german_messages() -> tuple[dict[str, str], dict[str, dict[int, str]]]:
    """The compiled German catalogue, as learners get it: {msgid: msgstr} and {singular msgid: {form: msgstr}}."""
    mo = polib.mofile(str(GERMAN_MO))
    assert mo.metadata.get("Plural-Forms", "").replace(" ", "") == "nplurals=2;plural=(n!=1);"
    singular = {e.msgid: e.msgstr for e in mo if e.msgid and not e.msgid_plural and e.msgstr}
    plural = {e.msgid: e.msgstr_plural for e in mo if e.msgid_plural and all(e.msgstr_plural.values())}
    return singular, plural


class GermanCatalogue(gettext.NullTranslations):
    """The German translations, each wrapped in ⟪ ⟫ like MarkingCatalogue's; a template without a German translation
    is recorded in `missing` (and shown in English, as the learner would see it)."""

    def __init__(self) -> None:
        super().__init__()
        self.missing: list[str] = []
        self.used: list[str] = []

    def gettext(self, message: str) -> str:
        self.used.append(message)
        translated = german_messages()[0].get(message)
        if translated is None:
            self.missing.append(message)
        return "⟪" + (translated or message) + "⟫"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        self.used.append(singular)
        forms = german_messages()[1].get(singular)
        if forms is None:
            self.missing.append(singular)
            return "⟪" + (singular if n == 1 else plural) + "⟫"
        return "⟪" + forms[0 if n == 1 else 1] + "⟫"


def outside_translation(text: str) -> str:
    """What is left of text when every ⟪…⟫ (innermost first) is removed."""
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"⟪[^⟪⟫]*⟫", "", text)
    return text


def _secrets() -> dict[str, list[str]]:
    """For the tasks with one short answer: how that answer could be written, computed from data/ (06: from the
    second text of exercise 06)."""
    from newscheck import load_article, load_table, split_sentences
    from newscheck.checks.lesson06 import SECOND_TEXT, sollen_not_hearsay

    (ANSWER_06_2,) = sollen_not_hearsay()

    from answer_key import DAYS, PER_DAY, RATIO

    article = load_article()
    sentences = load_table("article_sentences")
    return {
        "01.1": [str(sentences.loc[sentences["kind"] == "body", "paragraph"].nunique())],
        "01.2": [str(next(i for i, line in enumerate(article.lines, start=1) if "600.000" in line))],
        "01.3": [str(" ".join(article.lines[4:]).lower().count("russ"))],
        "02.2": sorted(sentences.loc[sentences["text_de"].str.contains(r"\bbereits\b"), "sentence_id"]),
        "05.1": [str(DAYS)],
        "05.2": [str(round(RATIO, 2)), str(round(RATIO, 1)), str(RATIO)],
        "05.3": [str(round(PER_DAY)), str(round(PER_DAY, 1))],
        "06.1": [str(len(split_sentences(SECOND_TEXT)))],
        "06.2": [ANSWER_06_2],
    }


SECRETS: dict[str, list[str]] = {}


def german_notation(number: str) -> str:
    """A number as German prose writes it: '2.19' -> '2,19', '1064' -> '1.064', '1064.5' -> '1.064,5'."""
    match = re.fullmatch(r"(-?)(\d+)(?:\.(\d+))?", number)
    if not match:
        return number
    sign, whole, fraction = match.groups()
    return sign + "{:,}".format(int(whole)).replace(",", ".") + ("," + fraction if fraction else "")


def python_notation(text: str) -> str:
    """A number typed the German way as Python writes it: '2,19' -> '2.19', '1.064' -> '1064' (for what the learner
    wrote themselves)."""
    return re.sub(r"(?<=\d)[.' ](?=\d{3}(?!\d))", "", text).replace(",", ".")


def assert_no_answer_given_away(task_id: str, answer, message: str, german: bool = False) -> None:
    """A message about a wrong answer never states the right one (unless the learner wrote it themselves); in the
    German edition, neither in Python's notation nor in the German one."""
    if not SECRETS:
        SECRETS.update(_secrets())
    written = [repr(answer), str(answer), repr(answer).replace(", ", ".")]
    if german:
        written += [repr(answer).replace(", ", ","), python_notation(str(answer))]
    for secret in SECRETS.get(task_id, []) if isinstance(task_id, str) else []:
        for form in {secret, german_notation(secret)} if german else {secret}:
            if any(form in text or secret in text for text in written):
                continue
            assert not re.search(r"(?<![\w.,])" + re.escape(form) + r"(?![\w]|[.,]\d)", message), (
                f"the message gives away {secret!r}: {message}")


def unmarked(text: str) -> str:
    """text without the marks ⟪ ⟫ (the message as the learner sees it, but for capitals a check may have changed)."""
    return text.replace("⟪", "").replace("⟫", "")


def judge_in_german(task_id, answer: tuple, english, monkeypatch: pytest.MonkeyPatch):
    """The Feedback of the German edition, checked against the English one (see the module's docstring)."""
    from newscheck.checks import Feedback

    catalogue = GermanCatalogue()
    with monkeypatch.context() as patch:
        patch.setattr(i18n, "override", catalogue)
        patch.setattr(i18n, "_chosen", "de")
        marked = feedback(task_id, *answer)
        printed = str(marked)
    german = Feedback(marked.ok, unmarked(marked.message))
    where = f"check({task_id!r}, ...) in German: {german.message!r}"
    assert not catalogue.missing, f"no German translation for {catalogue.missing} ({where})"
    assert german.ok == english.ok, f"the German verdict differs from the English one ({english.message!r}); {where}"
    left = outside_translation(printed)
    assert not re.search(r"[^\W\d_]", left), f"words outside _(): {left!r} in {printed!r}"
    assert german.message != english.message, f"the German message is the English one: {where}"
    assert "Traceback" not in german.message, where
    if not english.message.startswith(COULD_NOT_CHECK.split("(")[0]):
        assert not any(template.startswith(COULD_NOT_CHECK) for template in catalogue.used), (
            f"the check failed with an exception in German only: {where}")
    if not german.ok and answer:
        assert_no_answer_given_away(task_id, answer[0], german.message, german=True)
    return german


def _judge(monkeypatch: pytest.MonkeyPatch, task_id: str, *answer):
    """(English Feedback, German Feedback), with every check of the module's docstring on the way."""
    result = feedback(task_id, *answer)
    if not result.ok and answer:
        assert_no_answer_given_away(task_id, answer[0], result.message)
    with monkeypatch.context() as patch:
        patch.setattr(i18n, "override", MarkingCatalogue())
        marked = feedback(task_id, *answer)
        printed = str(marked)
    assert marked.ok == result.ok
    left = outside_translation(printed)
    assert not re.search(r"[^\W\d_]", left), f"words outside _(): {left!r} in {printed!r}"
    return result, judge_in_german(task_id, answer, result, monkeypatch)


@pytest.fixture
def judge(monkeypatch: pytest.MonkeyPatch):
    """The English Feedback of check(task_id, answer); the German edition is checked on the way."""
    return lambda task_id, *answer: _judge(monkeypatch, task_id, *answer)[0]


@pytest.fixture
def judge_german(monkeypatch: pytest.MonkeyPatch):
    """The German Feedback of check(task_id, answer), after the same checks as judge's."""
    return lambda task_id, *answer: _judge(monkeypatch, task_id, *answer)[1]


@pytest.fixture(autouse=True)
def close_figures():
    """Close the figures a test drew."""
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
