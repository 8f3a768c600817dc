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

The German edition's copies (exercises/de/, exercises/de/solutions/) are made by the same functions from a translated
source in memory: `make german` (tools/notebook_translations.py).
"""

from __future__ import annotations

import copy
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
EDIT_HERE = "edit exercises/source/ and run `make exercises`"


def content_hash(notebook: nbformat.NotebookNode) -> str:
    """SHA-256 of what a learner can change: cell types, sources and outputs."""
    cells = [(cell.cell_type, cell.source, cell.get("outputs", [])) for cell in notebook.cells]
    return hashlib.sha256(json.dumps(cells, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _stamp(notebook: nbformat.NotebookNode, generated_from: str, note: str) -> nbformat.NotebookNode:
    notebook.metadata["kernelspec"] = KERNELSPEC
    notebook.metadata["newscheck"] = {
        "generated_from": generated_from,
        "do_not_edit_source_here": note,
        "content_sha256": content_hash(notebook),
    }
    return notebook


def _without(notebook: nbformat.NotebookNode, tag: str) -> nbformat.NotebookNode:
    """A copy of the notebook without the cells tagged `tag`, and without outputs."""
    return strip_output(copy.deepcopy(notebook), keep_output=False, keep_count=False, keep_id=True,
                        extra_keys=VOLATILE_KEYS, drop_tagged_cells=[tag])


# An exercise source, as a notebook in memory: the English one read from exercises/source/, or a translated one
# (tools/notebook_translations.py). `generated_from` is the source's path relative to the learner copy's folder;
# `note` says where to edit it.

def learner_version(source: nbformat.NotebookNode, generated_from: str, note: str = EDIT_HERE) -> nbformat.NotebookNode:
    """The learner copy: solutions dropped, no outputs."""
    return _stamp(_without(source, "solution"), generated_from, note)


def solution_version(source: nbformat.NotebookNode, folder: Path, generated_from: str,
                     note: str = EDIT_HERE) -> nbformat.NotebookNode:
    """The solution copy: stubs dropped, executed in a fresh kernel in `folder` (where it is saved)."""
    return _stamp(execute_notebook(_without(source, "stub"), folder), generated_from, note)


def copies_out_of_date(source: nbformat.NotebookNode, learner_path: Path, solution_path: Path, generated_from: str,
                       note: str = EDIT_HERE) -> list[str]:
    """The committed copies of one source that do not match it (cells only; outputs are checked by nbval)."""
    problems = []
    if not learner_path.exists() or nbformat.read(learner_path, as_version=4) != learner_version(source, generated_from, note):
        problems.append(learner_path.relative_to(ROOT).as_posix())
    expected = [(c.cell_type, c.source) for c in _without(source, "stub").cells]
    if not solution_path.exists() or [(c.cell_type, c.source) for c in nbformat.read(solution_path, as_version=4).cells] != expected:
        problems.append(solution_path.relative_to(ROOT).as_posix())
    return problems


# The English exercises, from their files in exercises/source/.

def _read(source: Path) -> nbformat.NotebookNode:
    return nbformat.read(source, as_version=4)


def _origin(source: Path) -> str:
    return source.relative_to(source.parent.parent).as_posix()  # source/NN_name.ipynb


def learner_copy(source: Path) -> nbformat.NotebookNode:
    """The learner copy of exercises/source/NN_name.ipynb: solutions dropped, no outputs."""
    return learner_version(_read(source), _origin(source))


def solution_copy(source: Path) -> nbformat.NotebookNode:
    """The solution copy: stubs dropped, executed in a fresh kernel in the solutions/ folder beside source/."""
    return solution_version(_read(source), source.parent.parent / "solutions", _origin(source))


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


def out_of_date() -> list[str]:
    """Names of committed English copies that do not match their source (cells only; outputs are checked by nbval)."""
    problems = []
    for source in sorted(SOURCES.glob("*.ipynb")):
        problems += copies_out_of_date(_read(source), EXERCISES / source.name, SOLUTIONS / source.name, _origin(source))
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
