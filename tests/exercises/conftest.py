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

from newscheck.checks import feedback, i18n

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


@pytest.fixture
def judge(monkeypatch: pytest.MonkeyPatch):
    def run(task_id: str, *answer):
        result = feedback(task_id, *answer)
        with monkeypatch.context() as patch:
            patch.setattr(i18n, "_catalogue", MarkingCatalogue())
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
