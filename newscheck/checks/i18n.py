"""The one translation function of the exercise checks, gettext-style, so that the German edition can translate
every message a check prints.

Rules for every learner-facing message (tests/exercises/test_messages.py enforces them):
- it is a literal template inside `_()` (or `ngettext()` when it depends on a count), with named placeholders
  filled afterwards: `_("You gave {kind}; the answer is {what}.").format(kind=..., what=...)`;
- never an f-string or a concatenation inside `_()`;
- a phrase defined at import time (e.g. a task's `what`) is marked with `N_()` and translated where it is used.

`pybabel extract newscheck/checks` collects the templates into a catalogue (Babel's default keywords include
`_`, `ngettext` and `N_`). Until a catalogue is installed the functions return the English text.
"""

from __future__ import annotations

import gettext

_catalogue: gettext.NullTranslations = gettext.NullTranslations()


def _(message: str) -> str:
    """Translate one message template."""
    return _catalogue.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message template whose wording depends on a count."""
    return _catalogue.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark a template for the catalogue without translating it yet (translate it with `_()` where it is used)."""
    return message
