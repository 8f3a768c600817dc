"""Translated notebooks: the lessons and the exercises, from the English notebooks and one catalogue each.

Used by tools/translations.py (make translations, make german); built on tools/catalogues.py.

- notebooks/NN.ipynb         -> locale/LANG/notebooks/NN.po -> notebooks/LANG/NN.ipynb (run like `make notebooks`)
- exercises/source/NN.ipynb  -> locale/LANG/exercises/NN.po -> exercises/LANG/source/NN.ipynb, and from there, by
                                tools/make_exercises.py, the learner copy exercises/LANG/NN.ipynb (never overwriting a
                                copy someone edited) and the run solution exercises/LANG/solutions/NN.ipynb

**Entries.** One entry per cell: msgctxt is the cell's id, msgid the English cell, msgstr its translation. Markdown
cells are translated whole. A code cell gets an entry only if it has text to translate (a string constant or a
comment); its translation may change only those (tests/test_translations.py compares the syntax trees). Other cells
are copied as they are.

**Links** are written as in the English cell; the translated notebook's point to the translated twin where there is
one (else to the English file), and reach data/ and seeds/ from the deeper folder.
"""

from __future__ import annotations

import ast
import io
import time
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import nbformat
import polib

import catalogues
import execute_notebooks
import make_exercises
from catalogues import Incomplete, Source


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


# --- the English notebooks --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Notebook(Source):
    """One English notebook (a lesson or an exercise source) and where its translation goes; paths relative to the
    course root (see catalogues.py)."""

    kind: str  # "lesson" or "exercise"

    def target(self, language: str) -> Path:
        """The generated notebook: notebooks/LANG/NN.ipynb, or the exercise source exercises/LANG/source/NN.ipynb."""
        if self.kind == "lesson":
            return Path("notebooks") / language / self.english.name
        return Path("exercises") / language / "source" / self.english.name

    def link_base(self, language: str | None = None) -> Path:
        """The folder the notebook's links are written from (exercise sources link as their learner copies do)."""
        folder = Path("notebooks" if self.kind == "lesson" else "exercises")
        return folder if language is None else folder / language

    def twins(self, language: str) -> dict[Path, Path]:
        found = {self.english: self.target(language)}
        if self.kind == "exercise":
            name = self.english.name
            found[Path("exercises") / name] = Path("exercises") / language / name
            found[Path("exercises") / "solutions" / name] = Path("exercises") / language / "solutions" / name
        return found


def notebooks() -> list[Notebook]:
    """Every English notebook that has a catalogue: the lessons, then the exercise sources."""
    root = catalogues.ROOT
    lessons = [Notebook(p.relative_to(root), Path("notebooks") / f"{p.stem}.po", "lesson")
               for p in sorted((root / "notebooks").glob("*.ipynb"))]
    exercises = [Notebook(p.relative_to(root), Path("exercises") / f"{p.stem}.po", "exercise")
                 for p in sorted((root / "exercises" / "source").glob("*.ipynb"))]
    return lessons + exercises


def read_english(notebook: Notebook) -> nbformat.NotebookNode:
    return nbformat.read(catalogues.ROOT / notebook.english, as_version=4)


# --- the catalogue ----------------------------------------------------------------------------------------------

def _cell_note(cell: nbformat.NotebookNode, number: int, english: Path) -> str:
    tags = cell.metadata.get("tags", [])
    tagged = f" Tags: {', '.join(tags)}." if tags else ""
    if cell.cell_type == "code":
        return (f"Code cell {number} of {english.as_posix()}.{tagged} Translate only the text in quotes and the comments "
                "after #; keep everything else exactly as it is (a test compares the code).")
    return (f"Markdown cell {number} of {english.as_posix()}.{tagged} Translate the whole cell; write links as in the "
            "English (`make german` points them to the German files).")


def update_catalogue(notebook: Notebook, language: str) -> dict[str, int]:
    """Bring one notebook's catalogue up to date with its English notebook; return counts of what changed."""
    path = notebook.po(language)
    english = read_english(notebook)
    old = catalogues.read_or_new(path, language, notebook.english.as_posix())
    active = {e.msgctxt: e for e in old if not e.obsolete}
    obsolete = {e.msgctxt: e for e in old.obsolete_entries()}
    pairs = []
    for number, cell in enumerate(english.cells, start=1):
        if not is_translated(cell):
            continue
        if not cell.get("id"):
            raise SystemExit(f"{notebook.english.as_posix()}: cell {number} has no id. Open and save it in JupyterLab 4 "
                             "(or run `make notebooks`), so that every cell has a stable id.")
        entry = polib.POEntry(msgctxt=cell.id, msgid=cell.source, msgstr="", comment=_cell_note(cell, number, notebook.english),
                              occurrences=[(notebook.english.as_posix(), str(number))])
        pairs.append((entry, active.pop(cell.id, None) or obsolete.pop(cell.id, None)))
    # an untranslated entry of a deleted cell is worth nothing
    gone = [entry for entry in [*active.values(), *obsolete.values()] if entry.msgstr]
    return catalogues.merge(old, pairs, gone, path)


def expected_entries(notebook: Notebook) -> list[tuple[str, str]]:
    """The entries the English needs, as (msgctxt, msgid)."""
    return [(cell.id, cell.source) for cell in read_english(notebook).cells if is_translated(cell)]


# --- the translated notebook ----------------------------------------------------------------------------------------

def translated_notebook(notebook: Notebook, language: str, sources: list[Source]) -> nbformat.NotebookNode:
    """The translated notebook, before it is run: the English cells (ids, tags) with the catalogue's translations.
    Links go to the translated twins that `sources` (notebooks and documents of the edition) make."""
    english = read_english(notebook)
    po = catalogues.read(notebook.po(language))
    entries = {e.msgctxt: e for e in po if not e.obsolete}
    for number, cell in enumerate(english.cells, start=1):
        if not is_translated(cell):
            continue
        entry = entries.get(cell.id)
        if entry is None or entry.msgid != cell.source or entry.fuzzy or not entry.msgstr:
            raise Incomplete(f"{notebook.po(language).as_posix()}: cell {number} ({cell.id}) of {notebook.english.as_posix()} "
                             "has no up-to-date translation. Run `make translations`, translate, then `make german`.")
        source = entry.msgstr
        if cell.cell_type == "markdown":
            source = catalogues.rewrite_links(source, notebook.link_base(), notebook.link_base(language), language, sources)
        cell.source = source
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    english.metadata["language"] = language
    english.metadata["newscheck"] = {
        "translated_from": notebook.english.as_posix(),
        "catalogue": notebook.po(language).as_posix(),
        "do_not_edit_source_here": f"edit {notebook.po(language).as_posix()} (or the English) and run `make german`",
    }
    return english


def _same_cells(a: nbformat.NotebookNode, b: nbformat.NotebookNode) -> bool:
    def cells(notebook):
        return [(c.cell_type, c.get("id"), c.source, c.metadata) for c in notebook.cells]

    return cells(a) == cells(b) and a.metadata.get("language") == b.metadata.get("language") \
        and a.metadata.get("newscheck") == b.metadata.get("newscheck")


def out_of_date(language: str, built: list[Notebook], sources: list[Source]) -> list[str]:
    """Generated notebooks of the `built` ones that do not match their catalogue and the English (outputs are nbval's
    job), and generated notebooks that none of them makes. `sources`: every source of the edition, for links."""
    root = catalogues.ROOT
    problems = []
    for notebook in built:
        target = notebook.target(language)
        try:
            expected = translated_notebook(notebook, language, sources)
        except Incomplete as error:
            problems.append(str(error))
            continue
        if not (root / target).exists() or not _same_cells(nbformat.read(root / target, as_version=4), expected):
            problems.append(target.as_posix())
    if any(n.kind == "exercise" for n in built):
        problems += make_exercises.out_of_date(root / "exercises" / language)
    lessons = {n.english.name for n in built if n.kind == "lesson"}
    exercise_names = {n.english.name for n in built if n.kind == "exercise"}
    folder = root / "exercises" / language
    generated = [(path, lessons) for path in (root / "notebooks" / language).glob("*.ipynb")] + [
        (path, exercise_names) for sub in (folder, folder / "source", folder / "solutions") for path in sub.glob("*.ipynb")]
    for path, expected_names in generated:
        if path.name not in expected_names and not path.name.endswith(".new.ipynb"):
            problems.append(f"{path.relative_to(root).as_posix()} has no catalogue declared complete in "
                            f"locale/{language}/complete.txt: declare it, or delete the file")
    return problems


def build(language: str, built: list[Notebook], sources: list[Source]) -> Iterator[str]:
    """Write the `built` notebooks: lessons written and run, exercise sources written, then their learner copies
    and run solutions (tools/make_exercises.py). Yields what was done, one line each."""
    root = catalogues.ROOT
    for notebook in built:
        target = root / notebook.target(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        translated = translated_notebook(notebook, language, sources)
        if notebook.kind == "lesson":
            started = time.perf_counter()
            nbformat.write(execute_notebooks.execute_notebook(translated, target.parent), target)
            yield f"wrote and ran {notebook.target(language).as_posix()} in {time.perf_counter() - started:.1f} s"
            continue
        if target.exists() and _same_cells(nbformat.read(target, as_version=4), translated):
            yield f"unchanged {notebook.target(language).as_posix()}"
        else:
            nbformat.write(translated, target)
            yield f"wrote {notebook.target(language).as_posix()}"
        folder = target.parent.parent
        (folder / "solutions").mkdir(exist_ok=True)
        yield make_exercises.write_protected(make_exercises.learner_copy(target), folder / target.name)
        yield make_exercises.write_protected(make_exercises.solution_copy(target), folder / "solutions" / target.name)
