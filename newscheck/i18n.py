"""The helper's messages in the learner's language: `_()` returns a message in the language of the running edition.

English is the source language. A message is written once, in English, as a literal template with named fields,
and `_()` fills in the fields after translating it:

    _("You gave {kind}; the answer is {what}.", kind=kind, what=what)
    ngettext("{n} is still missing", "{n} are still missing", count, n=count)
    NOT_DONE = N_("Not done yet: ...")   # a module constant: marked here, translated when shown with _(NOT_DONE)

Only literal templates can be translated: `pybabel extract` (run by `make translations`) collects them into
locale/<lang>/LC_MESSAGES/newscheck.po, translators fill that in, and `make german` compiles it to newscheck.mo,
which the standard library's gettext reads here. Nothing is downloaded; a missing or broken translation falls back
to the English message, so a message never fails.

Which edition is running, in this order:
1. `use_language("de")`, if it was called in this kernel;
2. the environment variable NEWSCHECK_LANGUAGE;
3. the folder the kernel runs in: JupyterLab, nbval and nbclient start a notebook's kernel in the notebook's folder,
   and the German notebooks live in notebooks/de/ and exercises/de/ (and exercises/de/solutions/), so a German
   notebook needs no code of its own to choose German and its code stays exactly the English code;
4. otherwise English.
"""

from __future__ import annotations

import gettext
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from newscheck.errors import CourseFileError
from newscheck.paths import ROOT_VARIABLE, course_root

#: The language the course is written in.
SOURCE_LANGUAGE = "en"
#: The gettext domain of the helper's messages: locale/<lang>/LC_MESSAGES/newscheck.mo
DOMAIN = "newscheck"
#: Environment variable that chooses the edition, e.g. NEWSCHECK_LANGUAGE=de.
LANGUAGE_VARIABLE = "NEWSCHECK_LANGUAGE"
#: Top-level folders that hold one subfolder per translated edition (notebooks/de/, exercises/de/).
EDITION_FOLDERS = ("notebooks", "exercises")
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")

_chosen: str | None = None


def _root() -> Path | None:
    try:
        return course_root()
    except CourseFileError:
        return None


def available_languages() -> list[str]:
    """English and every language that has a folder in locale/ (e.g. ['en', 'de'])."""
    root = _root()
    found = [] if root is None else [p.name for p in sorted((root / "locale").glob("*")) if p.is_dir() and _LANGUAGE_CODE.fullmatch(p.name)]
    return [SOURCE_LANGUAGE, *found]


def use_language(language: str | None) -> None:
    """Show the helper's messages in `language` ('en', 'de') from now on in this kernel; None goes back to automatic."""
    global _chosen
    if language is not None and language not in available_languages():
        raise ValueError(_("There is no edition of the course in '{language}'. Give one of {available} to use_language(), "
                           "or None to choose by the notebook's folder.", language=language,
                           available=", ".join(repr(code) for code in available_languages())))
    _chosen = language


def _language_of_folder(folder: Path) -> str | None:
    """'de' for a folder inside notebooks/de/ or exercises/de/ of the course; None elsewhere."""
    # Remembered per folder (and course override): finding the course folder touches the file system, and a figure's
    # tick labels ask for the language hundreds of times (lesson 04's figures: 0.5 s of CPU time without this).
    return _language_of_folder_in(str(folder), os.environ.get(ROOT_VARIABLE))


@lru_cache(maxsize=64)
def _language_of_folder_in(folder_name: str, _root_override: str | None) -> str | None:
    folder = Path(folder_name)
    root = _root()
    if root is None:
        return None
    try:
        parts = folder.resolve().relative_to(root).parts
    except ValueError:
        return None
    if len(parts) >= 2 and parts[0] in EDITION_FOLDERS and _LANGUAGE_CODE.fullmatch(parts[1]) and (root / "locale" / parts[1]).is_dir():
        return parts[1]
    return None


def current_language() -> str:
    """The language of the running edition (see the module's docstring for how it is chosen)."""
    if _chosen:
        return _chosen
    return os.environ.get(LANGUAGE_VARIABLE) or _language_of_folder(Path.cwd()) or SOURCE_LANGUAGE


@lru_cache(maxsize=None)
def _catalogue(root: Path | None, language: str) -> gettext.NullTranslations:
    if root is None or language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=root / "locale", languages=[language], fallback=True)


#: Tests may put a catalogue of their own here (e.g. one that marks every translated template).
override: gettext.NullTranslations | None = None


def catalogue() -> gettext.NullTranslations:
    """The translations of the running edition (English: none)."""
    return override if override is not None else _catalogue(_root(), current_language())


def _fill(translated: str, english: str, fields: dict[str, Any]) -> str:
    """Fill the named fields into the translation; if the translation's fields are broken, into the English."""
    if not fields:
        return translated
    try:
        return translated.format(**fields)
    except (KeyError, IndexError, ValueError, AttributeError):
        return english.format(**fields)


def _(message: str, /, **fields: Any) -> str:
    """`message` (a literal English template) in the running edition's language; with `fields`, filled in."""
    return _fill(catalogue().gettext(message), message, fields)


def ngettext(singular: str, plural: str, n: int, /, **fields: Any) -> str:
    """The singular or plural form for the count `n`, translated; with `fields`, filled in."""
    english = singular if n == 1 else plural
    return _fill(catalogue().ngettext(singular, plural, n), english, fields)


def N_(message: str) -> str:
    """Mark a message for translation where it is defined (e.g. a module constant); translate it with _() when shown."""
    return message
