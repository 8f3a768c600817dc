"""Guard: nbval silently passes a notebook whose outputs were stripped, so check that every committed
notebook was run top to bottom and saved with its outputs."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_FOLDERS = ["notebooks", "exercises/solutions", "notebooks/de", "exercises/de/solutions"]
NOTEBOOKS = sorted(p for folder in NOTEBOOK_FOLDERS for p in (ROOT / folder).glob("*.ipynb"))
# Paths that would show a learner the maintainer's machine.
MACHINE_PATH = re.compile(r"(/root/|/home/[^/\s]+/|/tmp/|C:\\\\Users\\\\)")


def test_there_are_notebooks_to_check():
    assert NOTEBOOKS, "No notebooks found in notebooks/: the nbval run would test nothing."
    assert (ROOT / "notebooks" / "00_start_here.ipynb") in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_notebook_was_run_top_to_bottom_with_outputs(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    name = path.relative_to(ROOT).as_posix()
    fix = ("Run `make german`" if "/de/" in name else "Run `make exercises`" if name.startswith("exercises/") else "Run `make notebooks`")
    code_cells = [c for c in notebook["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    assert code_cells, f"{name} has no code cells"
    counts = [c.get("execution_count") for c in code_cells]
    never_run = [i for i, (cell, n) in enumerate(zip(code_cells, counts)) if n is None]
    assert not never_run, f"{name}: code cells {never_run} were never executed. {fix} and commit."
    assert counts == list(range(1, len(counts) + 1)), (
        f"{name}: execution counts {counts} are not 1..{len(counts)}: the notebook was not run top to bottom. "
        f"{fix} and commit."
    )
    for index, cell in enumerate(code_cells):
        tags = cell.get("metadata", {}).get("tags", [])
        if not cell.get("outputs") and "no-output" not in tags:
            pytest.fail(f"{name}: code cell {index} has lost its outputs. {fix} and commit.")
        for output in cell.get("outputs", []):
            if output["output_type"] == "error" and "raises-exception" not in tags:
                pytest.fail(f"{name}: code cell {index} stores an error ({output.get('ename')}).")
            assert not MACHINE_PATH.search(json.dumps(output)), f"{name}: code cell {index} shows a machine path."
