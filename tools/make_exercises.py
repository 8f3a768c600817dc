"""Generate the exercise notebooks from their single source of truth.

Usage: python tools/make_exercises.py            (make exercises)
       python tools/make_exercises.py --check    (exit 1 if the committed copies are out of date; writes nothing)

Sources: exercises/source/NN_name.ipynb. Each task has a learner cell tagged `stub` (e.g. `answer = ...`) and a
cell tagged `solution`. From each source we write
- exercises/NN_name.ipynb            the learner copy: `solution` cells dropped, no outputs;
- exercises/solutions/NN_name.ipynb  the solution copy: `stub` cells dropped, executed, committed with outputs.
Dropping tagged cells and stripping outputs is done by nbstripout (`drop_tagged_cells`), execution by nbclient;
this script only wires them together and protects learners' work.

Learners' work is never overwritten: each generated copy records a hash of its cells in its metadata. If a copy on
disk no longer matches its own recorded hash, someone has edited (or run) it; the new version is then written
beside it as NN_name.new.ipynb and a message says what to do.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import nbformat
from nbstripout import strip_output

from execute_notebooks import KERNELSPEC, VOLATILE_KEYS, execute_notebook  # a sibling script in tools/

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ROOT / "exercises"
SOURCES = EXERCISES / "source"
SOLUTIONS = EXERCISES / "solutions"


def content_hash(notebook: nbformat.NotebookNode) -> str:
    """SHA-256 of what a learner can change: cell types, sources and outputs."""
    cells = [(cell.cell_type, cell.source, cell.get("outputs", [])) for cell in notebook.cells]
    return hashlib.sha256(json.dumps(cells, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _stamp(notebook: nbformat.NotebookNode, source: Path) -> nbformat.NotebookNode:
    notebook.metadata["kernelspec"] = KERNELSPEC
    # a generated source (the German edition's, from tools/translations.py) says itself where to edit it
    note = notebook.metadata.get("newscheck", {}).get("do_not_edit_source_here", "edit exercises/source/ and run `make exercises`")
    notebook.metadata["newscheck"] = {
        "generated_from": source.relative_to(source.parent.parent).as_posix(),
        "do_not_edit_source_here": note,
        "content_sha256": content_hash(notebook),
    }
    return notebook


def learner_copy(source: Path) -> nbformat.NotebookNode:
    """The learner copy: solutions dropped, no outputs."""
    notebook = strip_output(nbformat.read(source, as_version=4), keep_output=False, keep_count=False, keep_id=True,
                            extra_keys=VOLATILE_KEYS, drop_tagged_cells=["solution"])
    return _stamp(notebook, source)


def solution_cells(source: Path) -> nbformat.NotebookNode:
    """The solution copy before execution: stubs dropped, no outputs."""
    return strip_output(nbformat.read(source, as_version=4), keep_output=False, keep_count=False, keep_id=True,
                        extra_keys=VOLATILE_KEYS, drop_tagged_cells=["stub"])


def solution_copy(source: Path) -> nbformat.NotebookNode:
    """The solution copy: stubs dropped, executed in a fresh kernel in the solutions/ folder beside source/."""
    return _stamp(execute_notebook(solution_cells(source), source.parent.parent / "solutions"), source)


def is_edited(path: Path) -> bool:
    """True if the notebook at path differs from what was generated (its own recorded hash)."""
    notebook = nbformat.read(path, as_version=4)
    recorded = notebook.metadata.get("newscheck", {}).get("content_sha256")
    return recorded != content_hash(notebook)


def write_protected(notebook: nbformat.NotebookNode, path: Path) -> str:
    """Write a generated notebook unless a person has edited the copy on disk; return what was done."""
    if path.exists() and is_edited(path):
        beside = path.with_name(path.stem + ".new.ipynb")
        nbformat.write(notebook, beside)
        return (f"KEPT {path.relative_to(ROOT)}: it has changes made by hand (or was run and saved). The new version "
                f"is in {beside.relative_to(ROOT)}: compare the two, copy over what you need, then delete the one you "
                "do not want.")
    if path.exists() and nbformat.read(path, as_version=4) == notebook:
        return f"unchanged {path.relative_to(ROOT)}"
    nbformat.write(notebook, path)
    return f"wrote {path.relative_to(ROOT)}"


def out_of_date(folder: Path | None = None) -> list[str]:
    """Names of committed copies that do not match their source (cells only; outputs are checked by nbval).

    `folder` is an edition's exercises folder holding source/ and solutions/ (default: the English, exercises/)."""
    problems = []
    sources, solutions = (SOURCES, SOLUTIONS) if folder is None else (folder / "source", folder / "solutions")
    exercises = EXERCISES if folder is None else folder
    for source in sorted(sources.glob("*.ipynb")):
        learner_path, solution_path = exercises / source.name, solutions / source.name
        if not learner_path.exists() or nbformat.read(learner_path, as_version=4) != learner_copy(source):
            problems.append(learner_path.relative_to(ROOT).as_posix())
        expected = [(c.cell_type, c.source) for c in solution_cells(source).cells]
        if not solution_path.exists() or [(c.cell_type, c.source) for c in nbformat.read(solution_path, as_version=4).cells] != expected:
            problems.append(solution_path.relative_to(ROOT).as_posix())
    return problems


def main(args: list[str]) -> int:
    if "--check" in args:
        problems = out_of_date()
        for name in problems:
            print(f"out of date: {name}", file=sys.stderr)
        if problems:
            print("Run `make exercises` and commit the result.", file=sys.stderr)
        return 1 if problems else 0
    SOLUTIONS.mkdir(exist_ok=True)
    sources = sorted(SOURCES.glob("*.ipynb"))
    if not sources:
        print("No sources in exercises/source/.", file=sys.stderr)
        return 1
    for source in sources:
        print(write_protected(learner_copy(source), EXERCISES / source.name))
        print(write_protected(solution_copy(source), SOLUTIONS / source.name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
