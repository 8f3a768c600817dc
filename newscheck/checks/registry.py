"""The task registry: `check(task_id, answer)` prints what is right, what is still wrong and where to look next.

Each exercise module registers its checks with `@task("04.1")` or `@numeric_task(...)`. `feedback` turns the answers
every task shares (no answer, the stub's `...`, None, a task id typed differently) into a message before the task's
own check runs, and never shows a learner a traceback: a check that fails with an exception says that the answer
could not be checked. In the test suite (and every notebook kernel it starts), NEWSCHECK_STRICT_CHECKS=1 lets that
exception through instead, so a check that crashes fails the suite rather than hiding behind the friendly message.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any, Callable

from newscheck.i18n import N_, _

#: Set (to 1) by the test suite: a check that raises makes the test fail instead of printing "could not be checked".
STRICT_VARIABLE = "NEWSCHECK_STRICT_CHECKS"

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


@dataclass(frozen=True)
class _Task:
    function: Callable[[Any], Feedback]
    on_none: str | None  # what to say when the answer is None, if this task has a typical cause (an N_ template)
    on_stub: str | None = None  # what to say when the answer is still `...`, if this task has a typical cause


_TASKS: dict[str, _Task] = {}


def task(task_id: str, on_none: str | None = None) -> Callable[[Callable[[Any], Feedback]], Callable[[Any], Feedback]]:
    """Register the check of one task; `on_none` explains a None answer where this task has a typical cause."""
    def register(function: Callable[[Any], Feedback]) -> Callable[[Any], Feedback]:
        _TASKS[task_id] = _Task(function, on_none)
        return function

    return register


def numeric_task(task_id: str, what: str, *, whole: bool = False, several: str | None = None, on_stub: str | None = None,
                 ) -> Callable[[Callable[[float], Feedback]], Callable[[float], Feedback]]:
    """Register a check whose answer is one number; anything else gets a friendly message before the check runs.

    `what` describes the answer (an N_ template, e.g. N_("a whole number of days")); `whole` rejects decimals;
    `several` is a hint for an answer that holds several values (a list, a column, a table); `on_stub` explains an
    answer that is still `...` where the task has a typical cause (a loop that found nothing)."""
    from newscheck.checks.numbers import number

    def register(function: Callable[[float], Feedback]) -> Callable[[float], Feedback]:
        def check_number(answer: Any) -> Feedback:
            value = number(answer, what, whole=whole, several=several)
            return value if isinstance(value, Feedback) else function(value)

        _TASKS[task_id] = _Task(check_number, None, on_stub)
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
    """Check an answer and return Feedback; never raises (unless NEWSCHECK_STRICT_CHECKS is set: the test suite)."""
    try:
        key = _task_key(task_id)
        if key is None:
            return wrong(_("There is no task '{task}'. Copy the task number from the check cell of the task, "
                           "e.g. '02.1'.").format(task=task_id))
        if answer is NO_ANSWER:
            return wrong(_("Give your answer too, after a comma: check(\"{task}\", your_answer), with the name that "
                           "holds your answer.").format(task=key))
        if answer is ...:
            on_stub = _TASKS[key].on_stub
            return wrong(_(on_stub) if on_stub else _(NOT_DONE))
        if answer is None:
            on_none = _TASKS[key].on_none
            return wrong(_(on_none) if on_none else _(
                "Your answer is None, which means nothing was stored. That happens when you store the result of "
                "something that only shows a value, such as print(...): store the value itself."))
        return _TASKS[key].function(answer)
    except Exception as error:  # a check must never show a learner a traceback
        if os.environ.get(STRICT_VARIABLE):
            raise
        return wrong(_("Your answer could not be checked ({error}). Look at its type and shape, compare with the "
                       "example in the task, and try again.").format(error=type(error).__name__))


def check(task_id: Any, answer: Any = NO_ANSWER) -> None:
    """Print instant feedback for an exercise answer."""
    print(feedback(task_id, answer))
