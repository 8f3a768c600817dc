"""Translated Markdown documents: the README, the instructor guide, the hub how-to, the exercises' README and the
site's start page, generated from the English documents and gettext PO catalogues, like the notebooks.

Used by tools/translations.py: `make translations` refreshes these catalogues too, `make german` writes the documents
of the catalogues declared complete in locale/LANG/complete.txt, and `status`/`check` include them.

- README.md                  -> locale/LANG/docs/README.po                  -> README.LANG.md
- instructors/README.md      -> locale/LANG/docs/instructors_README.po      -> instructors/LANG/README.md
- instructors/jupyterhub.md  -> locale/LANG/docs/instructors_jupyterhub.po  -> instructors/LANG/jupyterhub.md
- exercises/README.md        -> locale/LANG/docs/exercises_README.po        -> exercises/LANG/README.md
- book/intro.md              -> locale/LANG/docs/book_intro.po              -> book/LANG/intro.md   (the German site)
- instructors/student_handout.md -> locale/LANG/docs/instructors_student_handout.po -> instructors/LANG/student_handout.md
- tools/link_texts.md        -> locale/LANG/docs/tools_link_texts.po        -> tools/link_texts.LANG.md (what make links writes)

**Entries.** One entry per block, as Markdown parses it (markdown-it-py, the parser of the site's MyST): a heading, a
paragraph, a list item (its own text; a nested list's items are entries of their own), a table row (the header row
too; the `| --- |` line is kept as it is), the inside of a code block, an HTML block. Small units keep entries stable:
an edit turns only its own block fuzzy. `msgctxt` is the block's place: the headings above it (level 2 and deeper)
and its position in that section, e.g. `2. Session plans > 2a. One 90-minute session | table 1 row 3`. The heading
marks (`## `), list markers and their indentation are not part of the entry: the generator writes them back, so a
translation cannot break the structure.

**Updating** (`make translations`) keeps translations the way msgmerge does, but with our keys: an entry whose
English is unchanged keeps its translation, also when the block moved (its msgctxt is updated); a block whose
English changed keeps its old translation marked fuzzy, with the English it was made for as the previous msgid; it is
found by its place, or else by the most similar English among the unused translated entries; a new block gets an
empty entry; a translated entry whose block is gone becomes obsolete.

**Marker blocks of `make links`** (`<!-- BEGIN make links: NAME -->` … `END`) are not translated: the generated
document gets the same markers, and tools/links.py writes their content in the document's language for the address in
CITATION.cff (a `table GLOB` block is translated row by row; its glob and the Binder column follow the edition).

**Links and paths.** Write them as in the English. The generator points every relative link, and every path in
backticks that names a course file (`exercises/solutions/01_read_the_article.ipynb`, `../LICENSE-TEXT.md`), to the
translated twin where the edition has one (a notebook or document whose catalogue is declared complete), else to the
English file, from the translated document's folder. A link to the document's own English source stays English: it
is the link to the English edition.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

# sibling scripts in tools/: Python puts this folder on the path when it runs a script in it; tests/conftest.py does
# the same for the tests
import links
import translations



# English document -> (catalogue name under locale/LANG/docs/, translated document with LANG in it)
SOURCES = {
    # first: the sentences tools/links.py writes into the other documents' marker blocks (tools/link_texts.LANG.md)
    "tools/link_texts.md": ("tools_link_texts", "tools/link_texts.{language}.md"),
    "README.md": ("README", "README.{language}.md"),
    "instructors/README.md": ("instructors_README", "instructors/{language}/README.md"),
    "instructors/jupyterhub.md": ("instructors_jupyterhub", "instructors/{language}/jupyterhub.md"),
    "instructors/student_handout.md": ("instructors_student_handout", "instructors/{language}/student_handout.md"),
    "exercises/README.md": ("exercises_README", "exercises/{language}/README.md"),
    "book/intro.md": ("book_intro", "book/{language}/intro.md"),
}


@dataclass(frozen=True)
class MarkdownDocument:
    """One English Markdown document and where its translation goes (the interface of translations.Document)."""

    english: Path          # relative to the course root, e.g. instructors/README.md
    catalogue: Path        # relative to locale/LANG/, e.g. docs/instructors_README.po
    pattern: str           # the translated document, relative to the course root, with {language}
    kind: str = "document"

    @property
    def root(self) -> Path:
        return translations.ROOT

    @property
    def source(self) -> Path:
        return self.root / self.english

    def po(self, language: str) -> Path:
        return translations.LOCALE / language / self.catalogue

    def target(self, language: str) -> Path:
        return self.root / self.pattern.format(language=language)

    def link_base(self, language: str | None = None) -> Path:
        return (self.source if language is None else self.target(language)).parent


def documents() -> list[MarkdownDocument]:
    return [MarkdownDocument(Path(english), Path("docs") / f"{name}.po", pattern)
            for english, (name, pattern) in SOURCES.items()]


# --- cutting a document into entries --------------------------------------------------------------------------

MARKER = re.compile(r"^<!-- (BEGIN|END) make links: (table \S+|[\w-]+)")
LIST_MARKER = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])( +|$)")


@dataclass
class Unit:
    """One translatable block: lines [start, end) of the English document."""

    key: str
    start: int
    end: int
    msgid: str
    first_prefix: str = ""    # written before the first line ("## ", "- ", "  1. ")
    prefix: str = ""          # written before every further non-blank line (a list item's indentation)
    kind: str = "text"        # "text", "code" (inside a code block: no path rewriting) or "row" (a table row)


@dataclass
class Layout:
    """A document cut into entries; every other line (blank lines, fences, table rules, markers) is kept as it is."""

    lines: list[str]
    units: list[Unit] = field(default_factory=list)
    skipped: set[int] = field(default_factory=set)  # content of a marker block that `make links` writes
    binder_rows: set[int] = field(default_factory=set)  # rows of a marked table with the Binder column make links wrote


def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def layout(text: str) -> Layout:
    """Cut an English Markdown document into its translatable blocks, keyed by their place."""
    lines = text.split("\n")
    result = Layout(lines)
    # marker blocks: their content is written by make links (a table's rows are translated, without a Binder column)
    open_block: tuple[str, int] | None = None
    tables_with_binder = result.binder_rows
    for number, line in enumerate(lines):
        marker = MARKER.match(line)
        if not marker:
            continue
        if marker.group(1) == "BEGIN":
            open_block = (marker.group(2), number)
        elif open_block:
            name, begin = open_block
            body = range(begin + 1, number)
            if not name.startswith("table "):
                result.skipped.update(body)
            else:
                rows = [i for i in body if lines[i].startswith("|")]
                if rows and links.split_cells(lines[rows[0]])[-1].strip() == "Binder":
                    tables_with_binder.update(rows)
            open_block = None

    tokens = _parser().parse(text)
    path: dict[int, str] = {}
    counters: dict[tuple[str, str], int] = {}
    taken: set[int] = set()

    def section() -> str:
        return " > ".join(path[level] for level in sorted(path)) or "(top)"

    def count(kind: str) -> int:
        key = (section(), kind)
        counters[key] = counters.get(key, 0) + 1
        return counters[key]

    def add(unit_key: str, start: int, end: int, first_prefix: str = "", prefix: str = "", kind: str = "text",
            msgid_lines: list[str] | None = None) -> None:
        while end > start and not lines[end - 1].strip():
            end -= 1
        if end <= start or any(i in result.skipped for i in range(start, end)):
            return
        body = msgid_lines if msgid_lines is not None else lines[start:end]
        result.units.append(Unit(unit_key, start, end, "\n".join(body), first_prefix, prefix, kind))
        taken.update(range(start, end))

    list_id = ""
    item_counts: list[int] = []  # the item numbers of the lists we are in: [2, 3] is item 2.3
    table_number = row_number = 0
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_close", "ordered_list_close"):
            item_counts.pop()
            continue
        if token.map is None:
            continue
        start, end = token.map
        if start in result.skipped:  # written by make links: neither an entry nor counted, so keys stay put
            if token.type in ("bullet_list_open", "ordered_list_open"):
                item_counts.append(0)
            continue
        if token.type == "heading_open":
            level = len(token.markup)
            heading = tokens[index + 1].content
            if level >= 2:
                for deeper in [lv for lv in path if lv >= level]:
                    del path[deeper]
                path[level] = heading
            first = lines[start]
            prefix = first[: len(first) - len(first.lstrip("#"))] + " "
            add(f"{section()} | heading", start, end, first_prefix=prefix, msgid_lines=[heading])
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            if not item_counts:
                list_id = f"list {count('list')}"
            item_counts.append(0)
        elif token.type == "list_item_open":
            item_counts[-1] += 1
            stop = end  # the item's own text ends where its first nested list begins
            for later in tokens[index + 1:]:
                if later.type == "list_item_close" and later.level == token.level:
                    break
                if later.type in ("bullet_list_open", "ordered_list_open") and later.level == token.level + 1:
                    stop = later.map[0]
                    break
            first = lines[start]
            marker = LIST_MARKER.match(first)
            first_prefix = (marker.group(0) if marker.group(3) else marker.group(0) + " ") if marker else ""
            indent = " " * len(first_prefix)
            body = [first[len(first_prefix):]]
            for line in lines[start + 1: stop]:
                body.append(line[len(indent):] if line.startswith(indent) else line.lstrip())
            while body and not body[-1].strip():
                body.pop()
            number = ".".join(map(str, item_counts))
            add(f"{section()} | {list_id} item {number}", start, start + len(body), first_prefix=first_prefix,
                prefix=indent, msgid_lines=body)
            taken.update(range(start, stop))
        elif token.type == "paragraph_open" and start not in taken:
            add(f"{section()} | paragraph {count('paragraph')}", start, end)
        elif token.type == "table_open":
            table_number = count("table")
            row_number = 0
        elif token.type == "tr_open":
            row = lines[start]
            if start in tables_with_binder:
                row = links.drop_last_cell(row)
            add(f"{section()} | table {table_number} row {row_number}", start, end, kind="row", msgid_lines=[row])
            row_number += 1
        elif token.type == "fence":
            closed = end - start >= 2 and lines[end - 1].strip().startswith(token.markup)
            add(f"{section()} | code {count('code')}", start + 1, end - 1 if closed else end, kind="code")
        elif token.type == "code_block":
            add(f"{section()} | code {count('code')}", start, end, kind="code")
        elif token.type == "html_block":
            if not MARKER.match(lines[start]):
                add(f"{section()} | html {count('html')}", start, end, kind="code")
        elif token.type == "blockquote_open":
            add(f"{section()} | quote {count('quote')}", start, end)
    return result


def entries(document: MarkdownDocument) -> list[Unit]:
    return layout(document.source.read_text(encoding="utf-8")).units


def expected_entries(document: MarkdownDocument) -> list[tuple[str, str]]:
    return [(unit.key, unit.msgid) for unit in entries(document)]


# --- the catalogue ----------------------------------------------------------------------------------------------

def _note(document: MarkdownDocument, unit: Unit) -> str:
    what = {"row": "A table row: keep its | cells (the same number).",
            "code": "Inside a code block: translate the comments and the text a reader sees; keep the commands, or "
                    "give the German edition's own (make lab-de).",
            "text": "Keep the Markdown (**bold**, *italic*, `code`, [links](...)); write links and paths in backticks "
                    "as in the English: `make german` points them to the German files."}[unit.kind]
    return f"Block at line {unit.start + 1} of {document.english.as_posix()}. {what}"


def update_catalogue(document: MarkdownDocument, language: str) -> dict[str, int]:
    """Bring one document's catalogue up to date with its English document; return counts of what changed."""
    path = document.po(language)
    old = translations.read_catalogue(path) if path.exists() else translations._new_catalogue(language, document.english.as_posix())
    active = [e for e in old if not e.obsolete]
    obsolete = list(old.obsolete_entries())
    units = entries(document)
    pool = active + obsolete
    used: set[int] = set()

    def take(match) -> polib.POEntry | None:
        for entry in pool:
            if id(entry) not in used and match(entry):
                used.add(id(entry))
                return entry
        return None

    # 1. the same English at the same place; 2. the same English elsewhere (a moved block)
    previous: dict[int, polib.POEntry] = {}
    for number, unit in enumerate(units):
        entry = take(lambda e: e.msgctxt == unit.key and e.msgid == unit.msgid)
        if entry is not None:
            previous[number] = entry
    for number, unit in enumerate(units):
        if number not in previous:
            entry = take(lambda e: e.msgid == unit.msgid and (e.msgstr or e.obsolete is False))
            if entry is not None:
                previous[number] = entry
    # 3. changed English at the same place; 4. the most similar translated English (a changed block that moved)
    for number, unit in enumerate(units):
        if number not in previous:
            entry = take(lambda e: e.msgctxt == unit.key and bool(e.msgstr))
            if entry is not None:
                previous[number] = entry
    for number, unit in enumerate(units):
        if number not in previous:
            candidates = [e for e in pool if id(e) not in used and e.msgstr]
            close = difflib.get_close_matches(unit.msgid, [e.msgid for e in candidates], n=1, cutoff=0.75)
            if close:
                previous[number] = take(lambda e: e.msgid == close[0] and bool(e.msgstr))
    pairs = [(polib.POEntry(msgctxt=unit.key, msgid=unit.msgid, msgstr="", comment=_note(document, unit),
                            occurrences=[(document.english.as_posix(), str(unit.start + 1))]), previous.get(number))
             for number, unit in enumerate(units)]
    gone = [entry for entry in pool if id(entry) not in used and entry.msgstr]
    return translations._rebuild(old, pairs, gone, path)


# --- which documents are built --------------------------------------------------------------------------------

def built_documents(language: str) -> list[MarkdownDocument]:
    declared = set(translations.declared_complete(language))
    return [d for d in documents() if d.catalogue in declared]


def incomplete(language: str) -> list[str]:
    """Problems of the document catalogues declared complete."""
    problems = []
    for document in built_documents(language):
        path = document.po(language)
        if not path.exists():
            problems.append(f"locale/{language}/complete.txt lists {document.catalogue.as_posix()}, which does not exist. "
                            "Run `make translations`.")
        else:
            problems += translations.catalogue_problems(path, expected_entries(document))
    return problems


# --- the translated document ----------------------------------------------------------------------------------

CODE_SPAN = re.compile(r"(?<!`)`([^`\s]+)`(?!`)")
URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def rewrite_paths(markdown: str, document: MarkdownDocument, language: str, built: list) -> str:
    """Links and backticked course paths of a translated block, pointed at the edition's files from its folder."""
    root = translations.ROOT
    english_base, translated_base = document.link_base(), document.link_base(language)
    keep = [document.source]
    markdown = translations.rewrite_links(markdown, english_base, translated_base, language, built, keep=keep)

    def point(match: re.Match) -> str:
        text = match.group(1)
        if URL.match(text) or "/" not in text or "*" in text or "…" in text:
            return match.group(0)
        relative = text.startswith(("./", "../"))
        english = Path(os.path.normpath((english_base if relative else root) / text))
        if not english.is_file() or english in keep:
            return match.group(0)
        target = translations.twin(english, language, built)
        if relative:
            new = Path(os.path.relpath(target, translated_base)).as_posix()
        elif target == english:
            return match.group(0)
        else:
            new = target.relative_to(root).as_posix()
        return f"`{new}`"

    return CODE_SPAN.sub(point, markdown)


def translated_markers(line: str, document: MarkdownDocument, language: str) -> str:
    """A marker line of the English document as the translated one has it: a table's glob in the edition's folder."""
    marker = MARKER.match(line)
    if not marker or not marker.group(2).startswith("table "):
        return line
    pattern = marker.group(2).split(" ", 1)[1]
    folder = Path(os.path.normpath(document.link_base() / Path(pattern).parent))
    glob = os.path.relpath(folder / language / Path(pattern).name, document.link_base(language))
    return line.replace(f"table {pattern}", f"table {Path(glob).as_posix()}", 1)


def translated_document(document: MarkdownDocument, language: str, built: list | None = None) -> str:
    """The translated document's text, with its make-links blocks written for the address in CITATION.cff."""
    if built is None:
        built = translations.built_documents(language) + built_documents(language)
    text = document.source.read_text(encoding="utf-8")
    cut = layout(text)
    po = translations.read_catalogue(document.po(language))
    found = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
    starts = {unit.start: unit for unit in cut.units}
    out: list[str] = []
    number = 0
    while number < len(cut.lines):
        unit = starts.get(number)
        if unit is None:
            if number in cut.binder_rows:  # a table rule: make links adds the Binder column again
                out.append(links.drop_last_cell(cut.lines[number]))
            elif number not in cut.skipped:
                out.append(translated_markers(cut.lines[number], document, language))
            number += 1
            continue
        entry = found.get((unit.key, unit.msgid))
        if entry is None or entry.fuzzy or not entry.msgstr:
            raise translations.Incomplete(
                f"{translations.rel(document.po(language))}: the block at line {unit.start + 1} of {document.english.as_posix()} "
                f"({unit.key}) has no up-to-date translation. Run `make translations`, translate, then `make german`.")
        german = entry.msgstr if unit.kind == "code" else rewrite_paths(entry.msgstr, document, language, built)
        for n, line in enumerate(german.split("\n")):
            out.append((unit.first_prefix if n == 0 else (unit.prefix if line.strip() else "")) + line)
        number = unit.end
    target = document.target(language)
    result = "\n".join(out)
    root = translations.ROOT
    if links.block_names(result, target):
        result = links.render_file(target, root, links.read_address(root), text=result)
    return result


def out_of_date(language: str) -> list[str]:
    """Generated documents that do not match their catalogues, the English and CITATION.cff; stray ones."""
    problems = []
    built = built_documents(language)
    for document in built:
        try:
            expected = translated_document(document, language)
        except translations.Incomplete as error:
            problems.append(str(error))
            continue
        target = document.target(language)
        if not target.exists() or target.read_text(encoding="utf-8") != expected:
            problems.append(translations.rel(target))
    for document in documents():
        if document not in built and document.target(language).exists():
            problems.append(f"{translations.rel(document.target(language))} has no catalogue declared complete in "
                            f"locale/{language}/complete.txt: declare {document.catalogue.as_posix()}, or delete the file")
    return problems


def build(language: str) -> list[str]:
    """Write every translated document declared complete; return what was done, one line each."""
    done = []
    for document in built_documents(language):
        target = document.target(language)
        text = translated_document(document, language)
        if target.exists() and target.read_text(encoding="utf-8") == text:
            done.append(f"unchanged {translations.rel(target)}")
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            done.append(f"wrote {translations.rel(target)}")
    return done
