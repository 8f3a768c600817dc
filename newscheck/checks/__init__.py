"""Instant feedback for the exercise notebooks: `check(task_id, answer)` prints what is right, what is still wrong and
where to look next. A check never shows a traceback and never prints the expected answer.

One module per exercise (`exercise01` ... `exercise06`) holds its checks and, beside them, the answers they are
tested with (`cases`); the shared answer handling lives in modules named for what they do: `registry` (check,
feedback, the tasks), `numbers`, `ids`, `frames` (answers that should be a number, a list of ids, a table), `kinds`
(plain-language type names) and `cases` (the form of a test case). Importing this package registers every task.
"""

from newscheck.checks import exercise01, exercise02, exercise03, exercise04, exercise05, exercise06
from newscheck.checks.registry import NOT_DONE, Feedback, check, feedback, task_ids

#: The exercise modules, in order (tests/test_checks.py runs the cases of each).
EXERCISES = [exercise01, exercise02, exercise03, exercise04, exercise05, exercise06]

__all__ = ["EXERCISES", "NOT_DONE", "Feedback", "check", "feedback", "task_ids"]
