"""Translated messages of the helper package: every _() / ngettext() / N_() message in newscheck/, in one catalogue.

Used by tools/translations.py (make translations, make german); built on tools/catalogues.py.

- the messages in newscheck/ -> locale/LANG/LC_MESSAGES/newscheck.po -> newscheck.mo (compiled; read by Python's own
  gettext in the learner's kernel, so learners need neither polib nor Babel)

Finding the messages: Babel's extractor, as `pybabel extract` does. Merging: by msgid (a message has no other key);
an English message that changed is matched with the most similar translated one that is no longer used, as
msgmerge does, and marked fuzzy.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import polib

import catalogues
from catalogues import Source

Extracted = tuple[str, str | None, list[tuple[str, str]], list[str]]  # msgid, msgid_plural, locations, comments


@dataclass(frozen=True)
class Messages(Source):
    """The helper package's messages (`english` is its folder) and their compiled catalogue."""

    def compiled(self, language: str) -> Path:
        """The .mo file, relative to the course root: locale/LANG/LC_MESSAGES/newscheck.mo."""
        return self.po(language).with_suffix(".mo")


MESSAGES = Messages(Path("newscheck"), Path("LC_MESSAGES") / "newscheck.po")


def extracted_messages(messages: Messages = MESSAGES) -> list[Extracted]:
    """Every _() / ngettext() / N_() message in the package: (msgid, msgid_plural, locations, comments), in source
    order, each message once."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

    found: dict[tuple[str, str | None], tuple[list, list]] = {}
    for filename, lineno, message, comments, _context in extract_from_dir(
        str(catalogues.ROOT / messages.english), method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS,
        comment_tags=("TRANSLATORS:",), strip_comment_tags=True,
    ):
        singular, plural = (message[0], message[1]) if isinstance(message, tuple) else (message, None)
        if not singular:
            continue
        locations, notes = found.setdefault((singular, plural), ([], []))
        locations.append((f"{messages.english.as_posix()}/{filename}", str(lineno)))
        notes.extend(c for c in comments if c not in notes)
    return [(singular, plural, locations, notes) for (singular, plural), (locations, notes) in found.items()]


def expected_entries(extracted: list[Extracted]) -> list[tuple[None, str]]:
    """The entries the English needs, as (msgctxt, msgid), from extracted_messages()."""
    return [(None, singular) for singular, _plural, _locations, _notes in extracted]


def update_catalogue(language: str, messages: Messages = MESSAGES, extracted: list[Extracted] | None = None) -> dict[str, int]:
    """Bring locale/LANG/LC_MESSAGES/newscheck.po up to date with the messages in the package."""
    path = messages.po(language)
    old = catalogues.read_or_new(path, language, "the messages of the newscheck helper package")
    active = {(e.msgid, e.msgid_plural or None): e for e in old if not e.obsolete}
    obsolete = {(e.msgid, e.msgid_plural or None): e for e in old.obsolete_entries()}
    extracted = extracted_messages(messages) if extracted is None else extracted
    wanted = {(singular, plural) for singular, plural, _, _ in extracted}
    # translated entries whose English is gone: candidates for a changed message (fuzzy matching, as msgmerge does)
    unused = {key: e for key, e in {**obsolete, **active}.items() if key not in wanted and (e.msgstr or any(e.msgstr_plural.values()))}
    pairs = []
    for singular, plural, locations, notes in extracted:
        entry = polib.POEntry(msgid=singular, msgid_plural=plural or "", occurrences=locations, comment="\n".join(notes))
        if plural:
            entry.msgstr_plural = {0: "", 1: ""}
        if "{" in singular:
            entry.flags.append("python-brace-format")  # Poedit then checks that the translation keeps the {fields}
        previous = active.get((singular, plural)) or obsolete.get((singular, plural))
        if previous is None:
            close = difflib.get_close_matches(singular, [key[0] for key in unused], n=1, cutoff=0.7)
            previous = next((unused.pop(key) for key in list(unused) if close and key[0] == close[0]), None)
        pairs.append((entry, previous))
    gone = [entry for key, entry in {**active, **obsolete}.items() if key not in wanted and key in unused]
    return catalogues.merge(old, pairs, gone, path)


# --- the compiled catalogue -------------------------------------------------------------------------------------

def compiled_messages(language: str, messages: Messages = MESSAGES) -> bytes | None:
    """The .mo file of the messages catalogue (fuzzy entries left out, as msgfmt does); None if there is none."""
    if not (catalogues.ROOT / messages.po(language)).exists():
        return None
    return catalogues.read(messages.po(language)).to_binary()


def compiled_out_of_date(language: str, messages: Messages = MESSAGES) -> Path | None:
    """The compiled messages (newscheck.mo, relative to the course root) if they are missing or do not match their
    .po file; else None."""
    mo = compiled_messages(language, messages)
    mo_file = catalogues.ROOT / messages.compiled(language)
    if mo is None or (mo_file.exists() and mo_file.read_bytes() == mo):
        return None
    return messages.compiled(language)


def compile_catalogue(language: str, messages: Messages = MESSAGES) -> list[str]:
    """Write newscheck.mo if it does not match its .po file; return what was done."""
    path = compiled_out_of_date(language, messages)
    if path is None:
        return []
    (catalogues.ROOT / path).write_bytes(compiled_messages(language, messages))
    return [f"wrote {path.as_posix()}"]
