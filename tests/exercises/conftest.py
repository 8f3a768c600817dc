"""Shared fixture for the per-lesson tests of the exercise checks.

`judge(task_id, answer)` returns the Feedback, and checks on the way that every word of it went through the
translation function: it runs the check a second time with a catalogue that marks each translated template, and
fails if any text is left outside the marks (so the German edition can translate every message).
"""

from __future__ import annotations

import gettext
import re

import matplotlib
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

    article = load_article()
    by_id = load_table("loss_estimates").set_index("estimate_id")
    sentences = load_table("article_sentences")
    ratio = by_id.loc["W-37", "value"] / by_id.loc["W-26", "value"]
    early, late = by_id.loc["I-5"], by_id.loc["I-10"]
    per_day = (late["value"] - early["value"]) / (late["date"] - early["date"]).days
    return {
        "01.1": [str(sentences.loc[sentences["kind"] == "body", "paragraph"].nunique())],
        "01.2": [str(next(i for i, line in enumerate(article.lines, start=1) if "600.000" in line))],
        "01.3": [str(" ".join(article.lines[4:]).lower().count("russ"))],
        "02.2": sorted(sentences.loc[sentences["text_de"].str.contains(r"\bbereits\b"), "sentence_id"]),
        "05.1": [str((by_id.loc["W-19", "date"] - by_id.loc["W-12", "date"]).days)],
        "05.2": [str(round(ratio, 2)), str(round(ratio, 1)), str(ratio)],
        "05.3": [str(round(per_day)), str(round(per_day, 1))],
        "06.1": [str(len(split_sentences(SECOND_TEXT)))],
        "06.2": [ANSWER_06_2],
    }


SECRETS: dict[str, list[str]] = {}


def assert_no_answer_given_away(task_id: str, answer, message: str) -> None:
    """A message about a wrong answer never states the right one (unless the learner wrote it themselves)."""
    if not SECRETS:
        SECRETS.update(_secrets())
    for secret in SECRETS.get(task_id, []) if isinstance(task_id, str) else []:
        if any(secret in written for written in (repr(answer), str(answer), repr(answer).replace(", ", "."))):
            continue
        assert not re.search(r"(?<![\w.])" + re.escape(secret) + r"(?![\w]|\.\d)", message), (
            f"the message gives away {secret!r}: {message}")


@pytest.fixture
def judge(monkeypatch: pytest.MonkeyPatch):
    def run(task_id: str, *answer):
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
        return result

    return run


@pytest.fixture(autouse=True)
def close_figures():
    """Close the figures a test drew."""
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
