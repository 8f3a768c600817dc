"""Translated editions of the course, generated from the English sources and gettext PO catalogues: the command line.

Usage: python tools/translations.py update [LANG]   (make translations) refresh locale/LANG/ from the English
       python tools/translations.py build [LANG]    (make german) compile the messages, write and run
                                                    notebooks/LANG/ and exercises/LANG/, write the documents
       python tools/translations.py status [LANG]   how much of each catalogue is translated
       python tools/translations.py check [LANG]    exit 1 if a catalogue is incomplete or a generated file out of date
LANG defaults to de.

English is the source. Each English source has one catalogue in locale/LANG/; one module per kind of source, all
built on tools/catalogues.py (reading, merging with fuzzy marking, writing and checking a catalogue):
- lessons and exercises, one entry per cell:             tools/notebook_translations.py
- the Markdown documents, one entry per block:           tools/document_translations.py
- the helper's _() messages in newscheck/, and the .mo:  tools/message_translations.py

`update` keeps translations: a changed English text keeps its old translation, marked fuzzy, with the English it was
made for as the previous msgid; a new one gets an empty entry; an entry whose English is gone becomes obsolete.

`build` generates the whole edition, and refuses while a catalogue has an untranslated or fuzzy entry or was made
for an older English text: every catalogue is complete, and `make test` fails as soon as one is not (a changed
English cell or message, a new lesson). There is no half-translated edition to build.
"""

from __future__ import annotations

import sys

import catalogues
import document_translations
import message_translations
import notebook_translations
from catalogues import DEFAULT_LANGUAGE, Source
from message_translations import MESSAGES


def sources() -> list[Source]:
    """Every English source with a catalogue: the notebooks, the messages, the documents (those that exist)."""
    package = [MESSAGES] if (catalogues.ROOT / MESSAGES.english).is_dir() else []
    return [*notebook_translations.notebooks(), *package, *document_translations.documents()]


# --- is every catalogue complete? ---------------------------------------------------------------------------------


def expected_entries(source: Source, extracted: list | None = None) -> list[tuple[str | None, str]]:
    """The entries a source's English needs, as (msgctxt, msgid); `extracted`: the messages, if already extracted."""
    if isinstance(source, message_translations.Messages):
        return message_translations.expected_entries(
            message_translations.extracted_messages(source) if extracted is None else extracted)
    if isinstance(source, notebook_translations.Notebook):
        return notebook_translations.expected_entries(source)
    return document_translations.expected_entries(source)


def incomplete(language: str) -> list[str]:
    """What keeps the catalogues of LANG from making the whole edition (empty when all is well): a missing catalogue,
    an untranslated, fuzzy or outdated entry, a catalogue whose English source is gone."""
    problems = []
    everything = sources()
    for source in everything:
        if not (catalogues.ROOT / source.po(language)).exists():
            problems.append(f"{source.po(language).as_posix()} does not exist. Run `make translations`, then translate it.")
        else:
            problems += catalogues.problems(source.po(language), expected_entries(source))
    wanted = {catalogues.ROOT / source.po(language) for source in everything}
    for path in sorted((catalogues.ROOT / "locale" / language).rglob("*.po")):
        if path not in wanted:
            problems.append(f"{path.relative_to(catalogues.ROOT).as_posix()} belongs to no English notebook, document or "
                            "message catalogue: delete it")
    return problems


def _of_kind(kind: type, items: list[Source]) -> list:
    return [item for item in items if isinstance(item, kind)]


def out_of_date(language: str) -> list[str]:
    """Generated files of the edition that do not match the catalogues and the English (outputs are nbval's job)."""
    built = sources()
    problems = []
    mo_path = message_translations.compiled_out_of_date(language)
    if mo_path is not None:
        problems.append(f"{mo_path.as_posix()} does not match its .po file")
    problems += notebook_translations.out_of_date(language, _of_kind(notebook_translations.Notebook, built), built)
    problems += document_translations.out_of_date(language, _of_kind(document_translations.Document, built), built)
    return problems


# --- the commands ---------------------------------------------------------------------------------------------------

def build(language: str) -> int:
    """make german: compile the messages, then write and run every translated notebook, then the documents (they
    link the notebooks)."""
    problems = incomplete(language)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"Not building: the catalogues of locale/{language}/ above are not complete.", file=sys.stderr)
        return 1
    built = sources()
    for line in message_translations.compile_catalogue(language):
        print(line)
    for line in notebook_translations.build(language, _of_kind(notebook_translations.Notebook, built), built):
        print(line)
    for line in document_translations.build(language, _of_kind(document_translations.Document, built), built):
        print(line)
    for problem in out_of_date(language):
        print(f"warning: {problem}", file=sys.stderr)
    return 0


def update(language: str) -> int:
    """make translations: every catalogue of LANG up to date with the English notebooks, messages and documents."""
    for notebook in notebook_translations.notebooks():
        print(catalogues.summary(notebook.po(language), notebook_translations.update_catalogue(notebook, language)))
    print(catalogues.summary(MESSAGES.po(language), message_translations.update_catalogue(language)))
    for document in document_translations.documents():
        print(catalogues.summary(document.po(language), document_translations.update_catalogue(document, language)))
    status(language)
    return 0


def status(language: str) -> int:
    folder = catalogues.ROOT / "locale" / language
    print(f"\n{'catalogue':50} {'translated':>10} {'fuzzy':>6} {'missing':>8}")
    for path in sorted(folder.rglob("*.po")):
        po = catalogues.read(path)
        name = path.relative_to(folder)
        entries = [e for e in po if not e.obsolete]
        fuzzy = sum(e.fuzzy for e in entries)
        done = sum(e.translated() for e in entries)
        print(f"{name.as_posix():50} {done:>5}/{len(entries):<4} {fuzzy:>6} {len(entries) - done - fuzzy:>8}")
    return 0


def check(language: str) -> int:
    problems = incomplete(language) + out_of_date(language)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("Fix the catalogues, then run `make german` and commit.", file=sys.stderr)
    return 1 if problems else 0


def main(args: list[str]) -> int:
    commands = {"update": update, "build": build, "status": status, "check": check}
    if not args or args[0] not in commands:
        print(__doc__)
        return 2
    language = args[1] if len(args) > 1 else DEFAULT_LANGUAGE
    return commands[args[0]](language)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
