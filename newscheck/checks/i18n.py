"""The exercise checks translate through the course's one translation module, newscheck.i18n.

Rules for every learner-facing message of a check (tests/exercises/test_messages.py enforces them):
- it is a literal template inside `_()` (or `ngettext()` when it depends on a count), with named placeholders
  filled afterwards: `_("You gave {kind}; the answer is {what}.").format(kind=..., what=...)`;
- never an f-string or a concatenation inside `_()`;
- a phrase defined at import time (e.g. a task's `what`) is marked with `N_()` and translated where it is used;
- a number or a date shown in a message's prose goes through `answers.number_text()` / `answers.date_text()`, which
  write it the way the running edition writes numbers and dates (`current_language()`).

`make translations` collects the templates into locale/<lang>/LC_MESSAGES/newscheck.po.
"""

from newscheck.i18n import SOURCE_LANGUAGE, N_, _, current_language, ngettext

__all__ = ["N_", "SOURCE_LANGUAGE", "_", "current_language", "ngettext"]
