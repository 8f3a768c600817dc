"""The read-only site (jupyter-book 1.x) builds offline from the committed outputs, with warnings as errors.

With an address set (`make links`), the site also gets Binder launch buttons: tests/test_make_links.py."""

import subprocess
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_site_builds_without_warnings(tmp_path):
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jupyter_book), "build", str(ROOT), "--config", str(ROOT / "book" / "_config.yml"), "--toc", str(ROOT / "book" / "_toc.yml"),
         "--path-output", str(tmp_path), "-W", "-n", "--keep-going"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, f"jupyter-book build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    html = tmp_path / "_build" / "html"
    for page in ["index.html", "notebooks/04_plot_the_loss_figures.html", "exercises/01_read_the_article.html",
                 "instructors/README.html", "data/README.html"]:
        assert (html / page).exists(), f"the site lacks {page}"
    lesson = (html / "notebooks" / "04_plot_the_loss_figures.html").read_text(encoding="utf-8")
    stored = nbformat.read(ROOT / "notebooks" / "04_plot_the_loss_figures.ipynb", as_version=4)
    figures = sum("image/png" in out.get("data", {}) for cell in stored.cells for out in cell.get("outputs", []))
    assert figures >= 3 and lesson.count("<img") >= figures, "the committed figures are missing from the rendered lesson"
    assert "Figure description:" in lesson
    if not yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8")).get("repository-code"):
        assert "mybinder.org" not in lesson, "no address is set, yet the site has a Binder launch button"
