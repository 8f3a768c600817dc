"""The answers an exercise's checks are tested with, kept beside the checks in each exercise module.

An exercise module (exercise01.py ... exercise06.py) lists in `cases()` the right answers, written in the ways learners
write them, and the wrong ones that once slipped through or misled, each with the part of the message it must get (the
hint that says where to look). tests/test_checks.py runs every case in both editions: same verdict in English and
German, every word translated, no traceback, no right answer given away in a message about a wrong one.
A module may also define `problems()`: what is wrong with the exercise's design (e.g. a task whose answer a lesson
prints); the suite fails unless it returns nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable

from newscheck.paths import course_root


@dataclass(frozen=True)
class Made:
    """An answer that is made when the case runs (a figure, or a table computed from data/), not when it is listed."""

    make: Callable[[], Any]
    label: str

    def __repr__(self) -> str:
        return self.label


@dataclass(frozen=True)
class Case:
    """One answer to one task and the feedback it must get."""

    task: str
    answer: Any                     # the answer itself, or Made(...) to make it when the case runs
    right: bool                     # the verdict it must get
    says: str = ""                  # a part of the English message (empty: any message)
    says_de: str = ""               # a part of the German message
    never_says: tuple[str, ...] = field(default=())  # what the English message must not contain
    only: str | None = None         # "de": an answer typed the German way, a case of the German edition only

    def made(self) -> Any:
        """The answer, made now if it is a Made."""
        return self.answer.make() if isinstance(self.answer, Made) else self.answer

    @property
    def label(self) -> str:
        """A short name for the test report."""
        return self.task + ("-right" if self.right else "-wrong") + "-" + (self.says or self.says_de or repr(self.answer))[:40]


def accepts(task: str, answer: Any, says: str = "", **more: Any) -> Case:
    """A case: task accepts this answer, with a message that says `says`."""
    return Case(task, answer, True, says, **more)


def rejects(task: str, answer: Any, says: str = "", **more: Any) -> Case:
    """A case: task rejects this answer, with a message that says `says` (the hint it must get)."""
    return Case(task, answer, False, says, **more)


def notebook_cells(name: str) -> list[dict]:
    """The cells of a notebook of the course (name relative to the course folder), each with its source as one text."""
    notebook = json.loads((course_root() / name).read_text(encoding="utf-8"))
    return [{**cell, "source": "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]}
            for cell in notebook["cells"]]
