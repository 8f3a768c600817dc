"""Translated editions of the course, generated from the English notebooks and gettext PO catalogues.

Usage: python tools/translations.py update [LANG]   (make translations) refresh locale/LANG/ from the English
       python tools/translations.py build [LANG]    (make german) write and run notebooks/LANG/ and exercises/LANG/,
                                                    and write the documents (tools/doc_translations.py)
       python tools/translations.py status [LANG]   how much of each catalogue is translated
       python tools/translations.py check [LANG]    exit 1 if a complete catalogue or a generated file is out of date
LANG defaults to de.

English is the source. Every English notebook has one catalogue, with one entry per cell: msgctxt is the cell's id,
msgid the English cell, msgstr its translation.
- notebooks/NN.ipynb          -> locale/LANG/notebooks/NN.po
- exercises/source/NN.ipynb   -> locale/LANG/exercises/NN.po
- the helper's messages, _("...") in newscheck/ -> locale/LANG/LC_MESSAGES/newscheck.po (compiled to .mo)
- the Markdown documents (README, instructor guide, hub how-to, ...) -> locale/LANG/docs/NAME.po, one entry per
  block: tools/doc_translations.py
Markdown cells are translated whole. A code cell gets an entry only if it has text to translate (a string constant or
a comment); its translation may change only those (tests/test_translations.py compares the syntax trees). Other
cells are copied as they are.

`update` keeps translations: a cell whose English changed keeps its old translation, marked fuzzy, with the English it
was made for as the previous msgid (`#| msgid`, shown by Poedit as the "old source text"); a new cell gets an empty
entry; an entry whose cell is gone becomes obsolete (`#~`). It writes a file only when its content changes.

`build` generates the notebooks listed in locale/LANG/complete.txt (the catalogues declared complete) and refuses while
one of them has an untranslated or fuzzy entry. Lessons go to notebooks/LANG/, run like `make notebooks`; exercises go
to exercises/LANG/source/ and from there, by tools/make_exercises.py, to the learner copies exercises/LANG/ (never
overwriting a copy someone edited) and the run solutions exercises/LANG/solutions/. Relative links point to the
translated twin where there is one (else to the English file), and to data/ and seeds/ from the deeper folder.

Reading and writing PO files: polib (it keeps fuzzy flags, msgctxt and previous msgids exactly as Poedit and
msgmerge write them). Finding the _() messages in newscheck/: Babel's extractor, as `pybabel extract` does.
"""

from __future__ import annotations

import ast
import difflib
import io
import os
import re
import sys
import time
import tokenize
from dataclasses import dataclass
from pathlib import Path

import nbformat
import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
DEFAULT_LANGUAGE = "de"
LESSONS = ROOT / "notebooks"
EXERCISE_SOURCES = ROOT / "exercises" / "source"
PACKAGE = ROOT / "newscheck"
MESSAGES = Path("LC_MESSAGES") / "newscheck.po"
PLURAL_FORMS = {"de": "nplurals=2; plural=(n != 1);"}
LANGUAGE_NAMES = {"de": "German"}
WRAP = 78


# --- which cells are translated -----------------------------------------------------------------------------

def python_of(source: str) -> str:
    """A code cell as plain Python (IPython's %magics and !commands turned into calls), for parsing."""
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(source)


def has_text(code: str) -> bool:
    """True if a code cell has a string constant or a comment, i.e. something a translation may change."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(python_of(code)).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return True  # unreadable: let a person look at it
    kinds = {tokenize.STRING, tokenize.COMMENT} | {getattr(tokenize, "FSTRING_START", tokenize.STRING)}
    return any(token.type in kinds for token in tokens)


def is_translated(cell: nbformat.NotebookNode) -> bool:
    """Does this cell get an entry in the catalogue? Markdown and raw cells: yes; code cells: if they have text."""
    if not cell.source.strip():
        return False
    return cell.cell_type != "code" or has_text(cell.source)


class _Strings(ast.NodeTransformer):
    def visit_Constant(self, node: ast.Constant) -> ast.Constant:
        return ast.copy_location(ast.Constant(value="…"), node) if isinstance(node.value, str) else node


def code_shape(source: str) -> str:
    """The syntax tree of a code cell with every string constant blanked out (comments are not in the tree)."""
    tree = _Strings().visit(ast.parse(python_of(source)))
    return ast.dump(tree, annotate_fields=False)


# --- the catalogues -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Document:
    """One English notebook and where its translation goes."""

    english: Path          # notebooks/NN.ipynb or exercises/source/NN.ipynb
    catalogue: Path        # relative to locale/LANG/: notebooks/NN.po or exercises/NN.po
    kind: str              # "lesson" or "exercise"

    def po(self, language: str) -> Path:
        return LOCALE / language / self.catalogue

    def target(self, language: str) -> Path:
        """The generated notebook: notebooks/LANG/NN.ipynb, or the exercise source exercises/LANG/source/NN.ipynb."""
        if self.kind == "lesson":
            return LESSONS / language / self.english.name
        return ROOT / "exercises" / language / "source" / self.english.name

    def link_base(self, language: str | None = None) -> Path:
        """The folder the notebook's links are written from (exercise sources link as their learner copies do)."""
        if self.kind == "lesson":
            return LESSONS if language is None else LESSONS / language
        return ROOT / "exercises" if language is None else ROOT / "exercises" / language


def documents() -> list[Document]:
    """Every English notebook that has a catalogue: the lessons, then the exercise sources."""
    lessons = [Document(p, Path("notebooks") / f"{p.stem}.po", "lesson") for p in sorted(LESSONS.glob("*.ipynb"))]
    exercises = [Document(p, Path("exercises") / f"{p.stem}.po", "exercise") for p in sorted(EXERCISE_SOURCES.glob("*.ipynb"))]
    return lessons + exercises


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _new_catalogue(language: str, title: str) -> polib.POFile:
    po = polib.POFile(wrapwidth=WRAP)
    po.header = (f"{LANGUAGE_NAMES.get(language, language)} translation of {title} (newscheck course).\n"
                 f"Translate the msgstr of each entry; see locale/{language}/README.md and CONTRIBUTING.md. "
                 "Refresh from the English with `make translations`.")
    po.metadata = {
        "Project-Id-Version": f"newscheck course: {title}",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS.get(language, "nplurals=2; plural=(n != 1);"),
    }
    return po


def read_catalogue(path: Path) -> polib.POFile:
    return polib.pofile(str(path), wrapwidth=WRAP)


def _write_if_changed(po: polib.POFile, path: Path) -> bool:
    text = str(po) + "\n"
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def _carry_over(entry: polib.POEntry, old: polib.POEntry) -> None:
    """Give `entry` (the new English) the translation of `old`; fuzzy, with the previous English, if it changed."""
    entry.msgstr = old.msgstr
    entry.msgstr_plural = dict(old.msgstr_plural)
    entry.tcomment = old.tcomment
    has_translation = bool(old.msgstr or any(old.msgstr_plural.values()))
    if old.msgid == entry.msgid and old.msgid_plural == entry.msgid_plural:
        if "fuzzy" in old.flags:  # still waiting for a translator
            entry.flags.append("fuzzy")
            entry.previous_msgid, entry.previous_msgctxt = old.previous_msgid, old.previous_msgctxt
    elif has_translation:
        entry.flags.append("fuzzy")
        # keep the English the translation was made for, also when the English changed twice
        entry.previous_msgid = old.previous_msgid if "fuzzy" in old.flags and old.previous_msgid else old.msgid
        entry.previous_msgctxt = old.msgctxt


def _cell_note(cell: nbformat.NotebookNode, number: int, english: Path) -> str:
    tags = cell.metadata.get("tags", [])
    tagged = f" Tags: {', '.join(tags)}." if tags else ""
    if cell.cell_type == "code":
        return (f"Code cell {number} of {rel(english)}.{tagged} Translate only the text in quotes and the comments after #; "
                "keep everything else exactly as it is (a test compares the code).")
    return (f"Markdown cell {number} of {rel(english)}.{tagged} Translate the whole cell; write links as in the English "
            "(`make german` points them to the German files).")


def _rebuild(old: polib.POFile, pairs: list[tuple[polib.POEntry, polib.POEntry | None]], gone: list[polib.POEntry],
             path: Path) -> dict[str, int]:
    """Write the catalogue at `path` anew: each new entry with the translation of its previous entry (or none), then
    the translated entries whose English is gone, kept as obsolete (msgmerge's way). Returns counts of what changed."""
    new = polib.POFile(wrapwidth=WRAP)
    new.header, new.metadata = old.header, old.metadata
    counts = {"new": 0, "fuzzy": 0, "obsolete": 0}
    for entry, previous in pairs:
        if previous is None:
            counts["new"] += 1
        else:
            _carry_over(entry, previous)
            counts["fuzzy"] += entry.fuzzy and not previous.fuzzy
        new.append(entry)
    for entry in gone:
        counts["obsolete"] += not entry.obsolete
        entry.obsolete = True
        entry.occurrences = []
        new.append(entry)
    counts["written"] = _write_if_changed(new, path)
    return counts


def update_notebook_catalogue(document: Document, language: str) -> dict[str, int]:
    """Bring one notebook's catalogue up to date with its English notebook; return counts of what changed."""
    path = document.po(language)
    notebook = nbformat.read(document.english, as_version=4)
    old = read_catalogue(path) if path.exists() else _new_catalogue(language, rel(document.english))
    active = {e.msgctxt: e for e in old if not e.obsolete}
    obsolete = {e.msgctxt: e for e in old.obsolete_entries()}
    pairs = []
    for number, cell in enumerate(notebook.cells, start=1):
        if not is_translated(cell):
            continue
        if not cell.get("id"):
            raise SystemExit(f"{rel(document.english)}: cell {number} has no id. Open and save it in JupyterLab 4 (or run "
                             "`make notebooks`), so that every cell has a stable id.")
        entry = polib.POEntry(msgctxt=cell.id, msgid=cell.source, msgstr="", comment=_cell_note(cell, number, document.english),
                              occurrences=[(rel(document.english), str(number))])
        pairs.append((entry, active.pop(cell.id, None) or obsolete.pop(cell.id, None)))
    # an untranslated entry of a deleted cell is worth nothing
    gone = [entry for entry in [*active.values(), *obsolete.values()] if entry.msgstr]
    return _rebuild(old, pairs, gone, path)


def extracted_messages() -> list[tuple[str, str | None, list[tuple[str, str]], list[str]]]:
    """Every _() / ngettext() / N_() message in newscheck/: (msgid, msgid_plural, locations, comments), in source order."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

    found: dict[tuple[str, str | None], tuple[list, list]] = {}
    for filename, lineno, message, comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS, comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    ):
        singular, plural = (message[0], message[1]) if isinstance(message, tuple) else (message, None)
        if not singular:
            continue
        locations, notes = found.setdefault((singular, plural), ([], []))
        locations.append((f"newscheck/{filename}", str(lineno)))
        notes.extend(c for c in comments if c not in notes)
    return [(singular, plural, locations, notes) for (singular, plural), (locations, notes) in found.items()]


def update_message_catalogue(language: str) -> dict[str, int]:
    """Bring locale/LANG/LC_MESSAGES/newscheck.po up to date with the _() messages in newscheck/."""
    path = LOCALE / language / MESSAGES
    old = read_catalogue(path) if path.exists() else _new_catalogue(language, "the messages of the newscheck helper package")
    active = {(e.msgid, e.msgid_plural or None): e for e in old if not e.obsolete}
    obsolete = {(e.msgid, e.msgid_plural or None): e for e in old.obsolete_entries()}
    messages = extracted_messages()
    wanted = {(singular, plural) for singular, plural, _, _ in messages}
    # translated entries whose English is gone: candidates for a changed message (fuzzy matching, as msgmerge does)
    unused = {key: e for key, e in {**obsolete, **active}.items() if key not in wanted and (e.msgstr or any(e.msgstr_plural.values()))}
    pairs = []
    for singular, plural, locations, notes in messages:
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
    return _rebuild(old, pairs, gone, path)


# --- which catalogues are complete ------------------------------------------------------------------------------

def declared_complete(language: str) -> list[Path]:
    """The catalogues listed in locale/LANG/complete.txt (relative to locale/LANG/); `all` means every catalogue."""
    listing = LOCALE / language / "complete.txt"
    if not listing.exists():
        return []
    names = [line.split("#", 1)[0].strip() for line in listing.read_text(encoding="utf-8").splitlines()]
    names = [name for name in names if name]
    if names == ["all"]:
        import doc_translations  # sibling scripts import each other when needed (doc_translations imports this one)

        return [d.catalogue for d in documents()] + [MESSAGES] + [d.catalogue for d in doc_translations.documents()]
    return [Path(name) for name in names]


def catalogue_problems(path: Path, expected: list[tuple[str | None, str]] | None = None) -> list[str]:
    """What keeps a catalogue from being complete: untranslated or fuzzy entries, and (given the entries the English
    needs as (msgctxt, msgid)) entries that are missing or were made for an older English text."""
    po = read_catalogue(path)
    name = path.relative_to(ROOT).as_posix()
    problems = []

    def where(entry: polib.POEntry) -> str:
        first_line = entry.msgid.strip().splitlines()[0][:60] if entry.msgid.strip() else ""
        return (f"cell {entry.msgctxt}" if entry.msgctxt else "message") + f" ({first_line!r})"

    for entry in po:
        if entry.obsolete:
            continue
        if entry.fuzzy:
            problems.append(f"{name}: {where(entry)} is fuzzy: its English changed since it was translated. Compare the "
                            "English with the previous one (#| msgid; Poedit shows it as the old source text), update the "
                            "translation and remove the fuzzy flag.")
        elif not entry.translated():
            problems.append(f"{name}: {where(entry)} is not translated yet. Write its msgstr.")
    if expected is not None:
        def key(context: str | None, msgid: str) -> tuple[str, str]:
            return ("cell", context) if context is not None else ("message", msgid)

        actual = {key(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
        wanted = {key(context, msgid): msgid for context, msgid in expected}
        for (kind, value), msgid in wanted.items():
            entry = actual.get((kind, value))
            first_line = msgid.strip().splitlines()[0][:60]
            if entry is None:
                problems.append(f"{name}: {'cell ' + value if kind == 'cell' else 'message'} ({first_line!r}) is missing. "
                                "Run `make translations`, then translate it.")
            elif entry.msgid != msgid:
                problems.append(f"{name}: cell {value} ({first_line!r}) changed in English, and the catalogue still has the "
                                "old English. Run `make translations`, then translate the entry it marks fuzzy.")
        for k, entry in actual.items():
            if k not in wanted:
                problems.append(f"{name}: {where(entry)} no longer exists in English. Run `make translations`.")
    return problems


def expected_entries(document: Document) -> list[tuple[str, str]]:
    notebook = nbformat.read(document.english, as_version=4)
    return [(cell.id, cell.source) for cell in notebook.cells if is_translated(cell)]


def expected_messages() -> list[tuple[None, str]]:
    return [(None, singular) for singular, _plural, _locations, _notes in extracted_messages()]


def incomplete(language: str) -> list[str]:
    """Problems of every catalogue declared complete for LANG (empty when all is well)."""
    problems = []
    by_catalogue = {d.catalogue: d for d in documents()}
    import doc_translations as docs
    markdown = {d.catalogue: d for d in docs.documents()}
    for name in declared_complete(language):
        path = LOCALE / language / name
        if not path.exists():
            problems.append(f"locale/{language}/complete.txt lists {name.as_posix()}, which does not exist. Run `make translations`.")
        elif name == MESSAGES:
            problems += catalogue_problems(path, expected_messages())
        elif name in by_catalogue:
            problems += catalogue_problems(path, expected_entries(by_catalogue[name]))
        elif name in markdown:
            problems += catalogue_problems(path, docs.expected_entries(markdown[name]))
        else:
            problems.append(f"locale/{language}/complete.txt lists {name.as_posix()}, which belongs to no English notebook "
                            "or document.")
    return problems


# --- the translated notebooks -------------------------------------------------------------------------------------

LINK = re.compile(r"(\]\()([^)\s]+)(\))")


def built_documents(language: str) -> list[Document]:
    """The notebooks whose catalogue is declared complete: the ones `make german` generates."""
    declared = set(declared_complete(language))
    return [d for d in documents() if d.catalogue in declared]


def twin(path: Path, language: str, built: list[Document]) -> Path:
    """The translated twin of a course file if the edition has one, else the file itself (`built` may also hold the
    Markdown documents of tools/doc_translations.py)."""
    for document in built:
        if document.kind == "document":
            if path == document.source:
                return document.target(language)
            continue
        if path == document.english or (document.kind == "lesson" and path == LESSONS / document.english.name):
            return document.target(language)
        if document.kind == "exercise":
            if path == ROOT / "exercises" / document.english.name:
                return ROOT / "exercises" / language / document.english.name
            if path == ROOT / "exercises" / "solutions" / document.english.name:
                return ROOT / "exercises" / language / "solutions" / document.english.name
    return path


def rewrite_links(markdown: str, english_base: Path, translated_base: Path, language: str, built: list[Document],
                  keep: list[Path] = ()) -> str:
    """Relative links written as in the English cell, pointed at the translated twins from the translated folder
    (files in `keep` are linked as they are, from the translated folder)."""

    def point(match: re.Match) -> str:
        target = match.group(2)
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith(("#", "/")):
            return match.group(0)  # web addresses, anchors, absolute paths
        path, hash_sign, anchor = target.partition("#")
        english_target = Path(os.path.normpath(english_base / path))
        target = english_target if english_target in keep else twin(english_target, language, built)
        new = os.path.relpath(target, translated_base)
        return f"{match.group(1)}{Path(new).as_posix()}{hash_sign}{anchor}{match.group(3)}"

    return LINK.sub(point, markdown)


class Incomplete(Exception):
    """A catalogue cannot make a complete translated notebook."""


def translated_notebook(document: Document, language: str, built: list[Document] | None = None) -> nbformat.NotebookNode:
    """The translated notebook, before it is run: the English cells (ids, tags) with the catalogue's translations."""
    import doc_translations

    # links may point to notebooks and to documents of the edition (a Markdown document's twin, e.g. README.de.md)
    built = (built_documents(language) if built is None else built) + doc_translations.built_documents(language)
    notebook = nbformat.read(document.english, as_version=4)
    po = read_catalogue(document.po(language))
    entries = {e.msgctxt: e for e in po if not e.obsolete}
    for number, cell in enumerate(notebook.cells, start=1):
        if not is_translated(cell):
            continue
        entry = entries.get(cell.id)
        if entry is None or entry.msgid != cell.source or entry.fuzzy or not entry.msgstr:
            raise Incomplete(f"{rel(document.po(language))}: cell {number} ({cell.id}) of {rel(document.english)} has no "
                             "up-to-date translation. Run `make translations`, translate, then `make german`.")
        source = entry.msgstr
        if cell.cell_type == "markdown":
            source = rewrite_links(source, document.link_base(), document.link_base(language), language, built)
        cell.source = source
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    notebook.metadata["language"] = language
    notebook.metadata["newscheck"] = {
        "translated_from": rel(document.english),
        "catalogue": rel(document.po(language)),
        "do_not_edit_source_here": f"edit {rel(document.po(language))} (or the English) and run `make german`",
    }
    return notebook


def _same_cells(a: nbformat.NotebookNode, b: nbformat.NotebookNode) -> bool:
    def cells(notebook):
        return [(c.cell_type, c.get("id"), c.source, c.metadata) for c in notebook.cells]

    return cells(a) == cells(b) and a.metadata.get("language") == b.metadata.get("language") \
        and a.metadata.get("newscheck") == b.metadata.get("newscheck")


def compiled_messages(language: str) -> bytes | None:
    """The .mo file of the messages catalogue (fuzzy entries left out, as msgfmt does); None if there is none."""
    path = LOCALE / language / MESSAGES
    if not path.exists():
        return None
    return read_catalogue(path).to_binary()


def messages_out_of_date(language: str) -> Path | None:
    """The compiled messages (newscheck.mo) if they are missing or do not match their .po file; else None."""
    mo = compiled_messages(language)
    mo_path = LOCALE / language / MESSAGES.with_suffix(".mo")
    if mo is None or (mo_path.exists() and mo_path.read_bytes() == mo):
        return None
    return mo_path


def out_of_date(language: str) -> list[str]:
    """Generated files of the edition that do not match the catalogues and the English (outputs are nbval's job)."""
    problems = []
    built = built_documents(language)
    mo_path = messages_out_of_date(language)
    if mo_path is not None and MESSAGES in declared_complete(language):
        problems.append(f"{rel(mo_path)} does not match its .po file")
    import make_exercises as exercises
    for document in built:
        target = document.target(language)
        try:
            expected = translated_notebook(document, language, built)
        except Incomplete as error:
            problems.append(str(error))
            continue
        if not target.exists() or not _same_cells(nbformat.read(target, as_version=4), expected):
            problems.append(rel(target))
    if any(d.kind == "exercise" for d in built):
        problems += exercises.out_of_date(ROOT / "exercises" / language)
    lessons = {d.english.name for d in built if d.kind == "lesson"}
    exercise_names = {d.english.name for d in built if d.kind == "exercise"}
    folder = ROOT / "exercises" / language
    generated = [(path, lessons) for path in (LESSONS / language).glob("*.ipynb")] + [
        (path, exercise_names) for sub in (folder, folder / "source", folder / "solutions") for path in sub.glob("*.ipynb")]
    for path, expected_names in generated:
        if path.name not in expected_names and not path.name.endswith(".new.ipynb"):
            problems.append(f"{rel(path)} has no catalogue declared complete in locale/{language}/complete.txt: declare it, "
                            "or delete the file")
    import doc_translations

    return problems + doc_translations.out_of_date(language)


def build(language: str) -> int:
    """make german: compile the messages, then write and run every translated notebook declared complete."""
    problems = incomplete(language)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"Not building: the catalogues above are declared complete in locale/{language}/complete.txt but are not.",
              file=sys.stderr)
        return 1
    mo_path = messages_out_of_date(language)
    if mo_path is not None:
        mo_path.write_bytes(compiled_messages(language))
        print(f"wrote {rel(mo_path)}")
    import execute_notebooks as execute
    import make_exercises as exercises
    built = built_documents(language)
    for document in built:
        target = document.target(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        notebook = translated_notebook(document, language, built)
        if document.kind == "lesson":
            started = time.perf_counter()
            nbformat.write(execute.execute_notebook(notebook, target.parent), target)
            print(f"wrote and ran {rel(target)} in {time.perf_counter() - started:.1f} s")
            continue
        if target.exists() and _same_cells(nbformat.read(target, as_version=4), notebook):
            print(f"unchanged {rel(target)}")
        else:
            nbformat.write(notebook, target)
            print(f"wrote {rel(target)}")
        folder = target.parent.parent
        (folder / "solutions").mkdir(exist_ok=True)
        print(exercises.write_protected(exercises.learner_copy(target), folder / target.name))
        print(exercises.write_protected(exercises.solution_copy(target), folder / "solutions" / target.name))
    import doc_translations

    for line in doc_translations.build(language):  # after the notebooks: the documents link them
        print(line)
    for problem in out_of_date(language):
        print(f"warning: {problem}", file=sys.stderr)
    return 0


def update(language: str) -> int:
    """make translations: every catalogue of LANG up to date with the English notebooks and messages."""
    for document in documents():
        counts = update_notebook_catalogue(document, language)
        print(_summary(rel(document.po(language)), counts))
    print(_summary(f"locale/{language}/{MESSAGES.as_posix()}", update_message_catalogue(language)))
    import doc_translations as docs
    for document in docs.documents():
        print(_summary(rel(document.po(language)), docs.update_catalogue(document, language)))
    status(language)
    return 0


def _summary(name: str, counts: dict[str, int]) -> str:
    changes = [f"{counts[k]} {k}" for k in ("new", "fuzzy", "obsolete") if counts[k]]
    return f"{'updated' if counts['written'] else 'unchanged'} {name}" + (f" ({', '.join(changes)})" if changes else "")


def status(language: str) -> int:
    declared = set(declared_complete(language))
    print(f"\n{'catalogue':50} {'translated':>10} {'fuzzy':>6} {'missing':>8}  declared complete")
    for path in sorted((LOCALE / language).rglob("*.po")):
        po = read_catalogue(path)
        name = path.relative_to(LOCALE / language)
        entries = [e for e in po if not e.obsolete]
        fuzzy = sum(e.fuzzy for e in entries)
        done = sum(e.translated() for e in entries)
        print(f"{name.as_posix():50} {done:>5}/{len(entries):<4} {fuzzy:>6} {len(entries) - done - fuzzy:>8}  "
              f"{'yes' if name in declared else ''}")
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
