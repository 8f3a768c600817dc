"""Translated notebooks: the lessons and the exercises, from the English notebooks and one catalogue each.

Used by tools/translations.py (make translations, make german); built on tools/catalogues.py.

- notebooks/NN.ipynb         -> locale/LANG/notebooks/NN.po -> notebooks/LANG/NN.ipynb (run like `make notebooks`)
- exercises/source/NN.ipynb  -> locale/LANG/exercises/NN.po -> the learner copy exercises/LANG/NN.ipynb (never
                                overwriting a copy someone edited) and the run solution exercises/LANG/solutions/NN.ipynb,
                                made by tools/make_exercises.py from the translated source in memory, as `make
                                exercises` makes the English ones (a translated source is never written to a file)

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

    def link_base(self, language: str | None = None) -> Path:
        """The folder the notebook's links are written from (exercise sources link as their learner copies do)."""
        folder = Path("notebooks" if self.kind == "lesson" else "exercises")
        return folder if language is None else folder / language

    def twins(self, language: str) -> dict[Path, Path]:
        """English notebook -> generated notebook: the lesson, or the exercise's learner and solution copies."""
        name = self.english.name
        if self.kind == "lesson":
            return {self.english: Path("notebooks") / language / name}
        return {Path("exercises") / name: Path("exercises") / language / name,
                Path("exercises") / "solutions" / name: Path("exercises") / language / "solutions" / name}

    def targets(self, language: str) -> list[Path]:
        """The notebooks `make german` writes for this one."""
        return list(self.twins(language).values())


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


# --- a translated exercise's copies, made as `make exercises` makes the English ones ----------------------------

def _exercise_origin(notebook: Notebook, translated: nbformat.NotebookNode) -> tuple[str, str]:
    """(generated_from, note) for the copies: the English source, relative to the copy's folder, and where to edit."""
    return f"../source/{notebook.english.name}", translated.metadata["newscheck"]["do_not_edit_source_here"]


def learner_copy(notebook: Notebook, language: str, sources: list[Source]) -> nbformat.NotebookNode:
    """The translated exercise's learner copy: solutions dropped, no outputs."""
    translated = translated_notebook(notebook, language, sources)
    return make_exercises.learner_version(translated, *_exercise_origin(notebook, translated))


def solution_copy(notebook: Notebook, language: str, sources: list[Source]) -> nbformat.NotebookNode:
    """The translated exercise's solution copy: stubs dropped, run in exercises/LANG/solutions/."""
    translated = translated_notebook(notebook, language, sources)
    folder = catalogues.ROOT / "exercises" / language / "solutions"
    return make_exercises.solution_version(translated, folder, *_exercise_origin(notebook, translated))


# --- checking and writing the translated notebooks ----------------------------------------------------------------

def out_of_date(language: str, built: list[Notebook], sources: list[Source]) -> list[str]:
    """Generated notebooks of the `built` ones that do not match their catalogue and the English (outputs are nbval's
    job), and generated notebooks that none of them makes. `sources`: every source of the edition, for links."""
    root = catalogues.ROOT
    problems = []
    for notebook in built:
        try:
            translated = translated_notebook(notebook, language, sources)
        except Incomplete as error:
            problems.append(str(error))
            continue
        if notebook.kind == "lesson":
            (target,) = notebook.targets(language)
            if not (root / target).exists() or not _same_cells(nbformat.read(root / target, as_version=4), translated):
                problems.append(target.as_posix())
        else:
            learner, solution = (root / target for target in notebook.targets(language))
            problems += make_exercises.copies_out_of_date(translated, learner, solution,
                                                          *_exercise_origin(notebook, translated))
    made = {target for notebook in built for target in notebook.targets(language)}
    folders = [root / "notebooks" / language, root / "exercises" / language, root / "exercises" / language / "solutions"]
    for path in sorted(path for folder in folders for path in folder.glob("*.ipynb")):
        if path.relative_to(root) not in made and not path.name.endswith(".new.ipynb"):
            problems.append(f"{path.relative_to(root).as_posix()} is made from no English notebook: delete it (or restore "
                            "its English source)")
    return problems


def build(language: str, built: list[Notebook], sources: list[Source]) -> Iterator[str]:
    """Write the `built` notebooks: lessons written and run; for an exercise its learner copy and run solution
    (tools/make_exercises.py: a copy someone edited is kept). Yields what was done, one line each."""
    root = catalogues.ROOT
    for notebook in built:
        if notebook.kind == "lesson":
            (target,) = notebook.targets(language)
            (root / target).parent.mkdir(parents=True, exist_ok=True)
            translated = translated_notebook(notebook, language, sources)
            started = time.perf_counter()
            nbformat.write(execute_notebooks.execute_notebook(translated, (root / target).parent), root / target)
            yield f"wrote and ran {target.as_posix()} in {time.perf_counter() - started:.1f} s"
            continue
        learner, solution = (root / target for target in notebook.targets(language))
        solution.parent.mkdir(parents=True, exist_ok=True)
        yield make_exercises.write_protected(learner_copy(notebook, language, sources), learner)
        yield make_exercises.write_protected(solution_copy(notebook, language, sources), solution)
