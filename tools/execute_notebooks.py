"""Re-execute committed notebooks in place so that their stored outputs are fresh and deterministic.

Usage: python tools/execute_notebooks.py [NOTEBOOK ...]   (default: every notebook in notebooks/)

Each notebook runs top to bottom in a fresh kernel with its own folder as working directory (as in
JupyterLab and under nbval). nbclient executes it with timing metadata switched off, nbconvert merges
consecutive stream outputs (as nbval does before it compares), then nbstripout removes what still varies
between machines (per-cell execution metadata, the Python patch version), keeping outputs and execution
counts. Running this twice leaves `git status` clean.

This is a maintainer's command: it rewrites the notebooks it is given. Learners never need it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert.preprocessors import CoalesceStreamsPreprocessor
from nbstripout import strip_output

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDERS = ("notebooks",)
# Metadata that differs between machines or runs but says nothing about the lesson.
VOLATILE_KEYS = [
    "metadata.language_info.version",
    "metadata.widgets",
    "cell.metadata.execution",
    "cell.metadata.ExecuteTime",
]
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def notebooks_to_run(args: list[str]) -> list[Path]:
    """The notebooks named on the command line, or every committed notebook in the default folders."""
    if args:
        return [Path(arg).resolve() for arg in args]
    found = []
    for folder in DEFAULT_FOLDERS:
        found += sorted((ROOT / folder).glob("*.ipynb"))
    return found


def execute_notebook(notebook: nbformat.NotebookNode, folder: Path) -> nbformat.NotebookNode:
    """Run a notebook in memory in a fresh kernel with `folder` as working directory; strip volatile metadata."""
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute()
    # one output per print: a busy machine can deliver a line and its "\n" in two stream messages
    CoalesceStreamsPreprocessor().preprocess(notebook, {})
    notebook.metadata["kernelspec"] = KERNELSPEC
    strip_output(notebook, keep_output=True, keep_count=True, keep_id=True, extra_keys=VOLATILE_KEYS)
    nbformat.validate(notebook)
    return notebook


def execute(path: Path) -> float:
    """Run one notebook in place; return the seconds it took."""
    notebook = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    nbformat.write(execute_notebook(notebook, path.parent), path)
    return time.perf_counter() - started


def main(args: list[str]) -> int:
    paths = notebooks_to_run(args)
    if not paths:
        print("No notebooks found.", file=sys.stderr)
        return 1
    for path in paths:
        seconds = execute(path)
        print(f"executed {path.relative_to(ROOT)} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
