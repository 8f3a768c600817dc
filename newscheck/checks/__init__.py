"""Instant feedback for the exercise notebooks: `check(task_id, answer)` prints what is right, what is still
wrong and where to look next. A check never raises and never prints the expected answer.

`answers` holds the shared answer handling (types, near misses, friendly messages, the task registry);
`lesson01` … `lesson06` hold the checks of one lesson's exercises each. Importing this package registers them all.
"""

from newscheck.checks import lesson01, lesson02, lesson03, lesson04, lesson05, lesson06  # noqa: F401  (registers the tasks)
from newscheck.checks.answers import NOT_DONE, Feedback, check, feedback, task_ids

__all__ = ["NOT_DONE", "Feedback", "check", "feedback", "task_ids"]
