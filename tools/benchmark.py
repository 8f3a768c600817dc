"""Time each lesson notebook in a fresh kernel and report its peak kernel memory, next to a floor notebook.

Usage: python tools/benchmark.py [--runs N]        (make bench)

Each notebook is run N times (default 5) from a fresh kernel, in memory (the file is not changed), with its own
folder as working directory. Wall time covers kernel start-up and every cell. Peak memory is the kernel process's
maximum resident set size, read inside the kernel by a cell appended at the end. The floor notebook only imports
pandas and matplotlib (and draws nothing), so "x floor" shows what a lesson costs beyond that.
Prints a Markdown table (the one in README.md comes from here).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
# ru_maxrss is in kilobytes on Linux and in bytes on macOS.
PEAK_CELL = "import resource, sys\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == 'darwin' else 1024))"
FLOOR = new_notebook(cells=[new_code_cell("import pandas as pd\nimport matplotlib.pyplot as plt")])


def run_once(notebook: nbformat.NotebookNode, folder: Path) -> tuple[float, float]:
    """Execute a copy of the notebook in a fresh kernel; return (seconds, peak kernel memory in MiB)."""
    copy = nbformat.from_dict(notebook)
    copy.cells.append(new_code_cell(PEAK_CELL))
    client = NotebookClient(copy, timeout=300, kernel_name="python3", record_timing=False, resources={"metadata": {"path": str(folder)}})
    started = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - started
    peak_bytes = int("".join(copy.cells[-1].outputs[0]["text"]).strip())
    return seconds, peak_bytes / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per notebook (default 5)")
    args = parser.parse_args()
    targets = [("floor: import pandas + matplotlib", FLOOR, ROOT / "notebooks")]
    targets += [(path.name, nbformat.read(path, as_version=4), path.parent) for path in sorted((ROOT / "notebooks").glob("*.ipynb"))]
    run_once(FLOOR, ROOT / "notebooks")  # warm-up: font cache, bytecode
    rows = []
    for name, notebook, folder in targets:
        results = [run_once(notebook, folder) for _ in range(args.runs)]
        rows.append((name, statistics.median(s for s, _ in results), max(m for _, m in results)))
        print(f"  {name}: {rows[-1][1]:.2f} s, {rows[-1][2]:.0f} MiB", file=sys.stderr)
    floor_seconds = rows[0][1]
    print(f"| notebook | median wall time (s, {args.runs} runs) | × floor | peak kernel memory (MiB) |")
    print("| --- | ---: | ---: | ---: |")
    for name, seconds, peak in rows:
        print(f"| {name} | {seconds:.2f} | {seconds / floor_seconds:.2f} | {peak:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
