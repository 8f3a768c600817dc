"""Translated Markdown documents: the README, the instructor guide, the hub how-to, the exercises' README and the
site's start page, generated from the English documents and one catalogue each, like the notebooks.

Used by tools/translations.py (make translations, make german); built on tools/catalogues.py.

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
translated twin where the edition has one, else to the English file, from the translated document's folder. A link
to the document's own English source stays English: it is the link to the English edition.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

import catalogues
import links
from catalogues import Incomplete, Source

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
class Document(Source):
    """One English Markdown document and where its translation goes; paths relative to the course root (see
    catalogues.py)."""

    pattern: str           # the translated document, relative to the course root, with {language}

    def target(self, language: str) -> Path:
        return Path(self.pattern.format(language=language))

    def link_base(self, language: str | None = None) -> Path:
        return (self.english if language is None else self.target(language)).parent

    def twins(self, language: str) -> dict[Path, Path]:
        return {self.english: self.target(language)}


def documents(existing: bool = True) -> list[Document]:
    """The documents of SOURCES whose English exists (all of them with existing=False)."""
    found = [Document(Path(english), Path("docs") / f"{name}.po", pattern) for english, (name, pattern) in SOURCES.items()]
    return [d for d in found if not existing or (catalogues.ROOT / d.english).is_file()]


def read_english(document: Document) -> str:
    return (catalogues.ROOT / document.english).read_text(encoding="utf-8")


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
        elif token.type in ("fence", "code_block") and start in taken:
            continue  # a code block inside a list item is part of the item's entry, as it is written there
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


def entries(document: Document) -> list[Unit]:
    return layout(read_english(document)).units


def expected_entries(document: Document) -> list[tuple[str, str]]:
    """The entries the English needs, as (msgctxt, msgid)."""
    return [(unit.key, unit.msgid) for unit in entries(document)]


# --- the catalogue ----------------------------------------------------------------------------------------------

def _note(document: Document, unit: Unit) -> str:
    what = {"row": "A table row: keep its | cells (the same number).",
            "code": "Inside a code block: translate the comments and the text a reader sees; keep the commands, or "
                    "give the German edition's own (make lab-de).",
            "text": "Keep the Markdown (**bold**, *italic*, `code`, [links](...)); write links and paths in backticks "
                    "as in the English: `make german` points them to the German files."}[unit.kind]
    return f"Block at line {unit.start + 1} of {document.english.as_posix()}. {what}"


def update_catalogue(document: Document, language: str) -> dict[str, int]:
    """Bring one document's catalogue up to date with its English document; return counts of what changed."""
    path = document.po(language)
    old = catalogues.read_or_new(path, language, document.english.as_posix())
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
    return catalogues.merge(old, pairs, gone, path)


# --- the translated document ----------------------------------------------------------------------------------

CODE_SPAN = re.compile(r"(?<!`)`([^`\s]+)`(?!`)")
URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def rewrite_paths(markdown: str, document: Document, language: str, sources: list[Source]) -> str:
    """Links and backticked course paths of a translated block, pointed at the edition's files (the twins that
    `sources` make) from the translated document's folder."""
    english_base, translated_base = document.link_base(), document.link_base(language)
    keep = [document.english]
    markdown = catalogues.rewrite_links(markdown, english_base, translated_base, language, sources, keep=keep)

    def point(match: re.Match) -> str:
        text = match.group(1)
        if URL.match(text) or "/" not in text or "*" in text or "…" in text:
            return match.group(0)
        relative = text.startswith(("./", "../"))
        english = Path(os.path.normpath(english_base / text if relative else text))
        if not (catalogues.ROOT / english).is_file() or english in keep:
            return match.group(0)
        target = catalogues.twin(english, language, sources)
        if relative:
            new = Path(os.path.relpath(target, translated_base)).as_posix()
        elif target == english:
            return match.group(0)
        else:
            new = target.as_posix()
        return f"`{new}`"

    return CODE_SPAN.sub(point, markdown)


def translated_markers(line: str, document: Document, language: str) -> str:
    """A marker line of the English document as the translated one has it: a table's glob in the edition's folder."""
    marker = MARKER.match(line)
    if not marker or not marker.group(2).startswith("table "):
        return line
    pattern = marker.group(2).split(" ", 1)[1]
    folder = Path(os.path.normpath(document.link_base() / Path(pattern).parent))
    glob = os.path.relpath(folder / language / Path(pattern).name, document.link_base(language))
    return line.replace(f"table {pattern}", f"table {Path(glob).as_posix()}", 1)


def translated_document(document: Document, language: str, sources: list[Source]) -> str:
    """The translated document's text, with its make-links blocks written for the address in CITATION.cff. Links go
    to the translated twins that `sources` (notebooks and documents of the edition) make."""
    text = read_english(document)
    cut = layout(text)
    po = catalogues.read(document.po(language))
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
            raise Incomplete(
                f"{document.po(language).as_posix()}: the block at line {unit.start + 1} of {document.english.as_posix()} "
                f"({unit.key}) has no up-to-date translation. Run `make translations`, translate, then `make german`.")
        german = entry.msgstr if unit.kind == "code" else rewrite_paths(entry.msgstr, document, language, sources)
        for n, line in enumerate(german.split("\n")):
            out.append((unit.first_prefix if n == 0 else (unit.prefix if line.strip() else "")) + line)
        number = unit.end
    root = catalogues.ROOT
    target = root / document.target(language)
    result = "\n".join(out)
    if links.block_names(result, target):
        result = links.render_file(target, root, links.read_address(root), text=result)
    return result


def out_of_date(language: str, built: list[Document], sources: list[Source]) -> list[str]:
    """Generated documents of the `built` ones that do not match their catalogues, the English and CITATION.cff;
    generated documents that none of them makes. `sources`: every source of the edition, for links."""
    root = catalogues.ROOT
    problems = []
    for document in built:
        try:
            expected = translated_document(document, language, sources)
        except Incomplete as error:
            problems.append(str(error))
            continue
        target = document.target(language)
        if not (root / target).exists() or (root / target).read_text(encoding="utf-8") != expected:
            problems.append(target.as_posix())
    for document in documents(existing=False):
        if document not in built and (root / document.target(language)).exists():
            problems.append(f"{document.target(language).as_posix()} is made from no English document "
                            f"({document.english.as_posix()}): delete it")
    return problems


def build(language: str, built: list[Document], sources: list[Source]) -> list[str]:
    """Write the `built` translated documents; return what was done, one line each."""
    done = []
    for document in built:
        written = catalogues.write_if_changed(document.target(language), translated_document(document, language, sources))
        done.append(f"{'wrote' if written else 'unchanged'} {document.target(language).as_posix()}")
    return done
