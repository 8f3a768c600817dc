"""The read-only site (jupyter-book 1.x) builds offline from the committed outputs, with warnings as errors.

With an address set (`make links`), the site also gets Binder launch buttons: tests/test_make_links.py."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def figures_in(notebook: Path) -> int:
    """How many figures the committed notebook's outputs hold."""
    import json

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum("image/png" in output.get("data", {}) for cell in cells for output in cell.get("outputs", []))


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
    assert lesson.count("<img") >= figures_in(ROOT / "notebooks" / "04_plot_the_loss_figures.ipynb") >= 3, (
        "the committed figures are missing from the rendered lesson")
    assert "Figure description:" in lesson
    if not yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8")).get("repository-code"):
        assert "mybinder.org" not in lesson, "no address is set, yet the site has a Binder launch button"


# --- the German edition's site (book/de/): built by `make site` into the English site's de/ folder ----------------

import site_de  # noqa: E402  (tools/ is on the path: pyproject.toml)


def test_the_german_site_lists_the_german_twin_of_every_english_page():
    """book/de/_toc.yml is written by hand: it must follow book/_toc.yml page for page (German twin, or the English
    page where the German edition has none, like the data dictionary)."""
    english = site_de.pages(ROOT / "book" / "_toc.yml")
    german = site_de.pages(ROOT / "book" / "de" / "_toc.yml")
    twins = {"book/intro": "book/de/intro", "instructors/README": "instructors/de/README", "data/README": "data/README"}
    expected = [twins.get(page) or page.replace("/", "/de/", 1) for page in english]
    assert german == expected
    config = yaml.safe_load((ROOT / "book" / "de" / "_config.yml").read_text(encoding="utf-8"))
    english_config = yaml.safe_load((ROOT / "book" / "_config.yml").read_text(encoding="utf-8"))
    assert config["sphinx"]["config"]["language"] == "de"
    for key in ["only_build_toc_files", "execute", "html"]:
        assert config[key] == english_config[key], f"book/de/_config.yml: {key} differs from the English site's"
    assert set(english_config["exclude_patterns"]) <= set(config["exclude_patterns"])


def test_make_site_builds_the_german_site_into_the_english_sites_folder():
    import shutil

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    dry_run = subprocess.run(["make", "-n", "site"], cwd=ROOT, capture_output=True, text=True).stdout
    assert "--config book/de/_config.yml --toc book/de/_toc.yml" in dry_run and "tools/site_de.py ready" in dry_run
    assert "build/site/_build/html/de" in dry_run


def test_german_site_builds_without_warnings(tmp_path):
    if not list((ROOT / "notebooks" / "de").glob("*.ipynb")):
        pytest.skip("notebooks/de/ is empty: no German lesson is declared complete and generated yet (`make german`)")
    missing = site_de.missing()
    if missing:  # the German edition is translated lesson by lesson; `make site` skips it the same way
        pytest.skip(f"the German site waits for {len(missing)} pages that do not exist yet: {', '.join(missing)}")
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jupyter_book), "build", str(ROOT), "--config", str(ROOT / "book" / "de" / "_config.yml"), "--toc",
         str(ROOT / "book" / "de" / "_toc.yml"), "--path-output", str(tmp_path), "-W", "-n", "--keep-going"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, f"jupyter-book build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    html = tmp_path / "_build" / "html"
    for page in ["index.html", "book/de/intro.html", "notebooks/de/04_plot_the_loss_figures.html",
                 "exercises/de/01_read_the_article.html", "instructors/de/README.html", "data/README.html"]:
        assert (html / page).exists(), f"the German site lacks {page}"
    lesson = (html / "notebooks" / "de" / "04_plot_the_loss_figures.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in lesson, "the German site does not say it is German"
    assert lesson.count("<img") >= figures_in(ROOT / "notebooks" / "de" / "04_plot_the_loss_figures.ipynb") >= 3, (
        "the committed figures are missing from the rendered German lesson")
    assert "Bildbeschreibung:" in lesson
    assert "Denk nach:" in (html / "instructors" / "de" / "README.html").read_text(encoding="utf-8")
    if not yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8")).get("repository-code"):
        assert "mybinder.org" not in lesson, "no address is set, yet the German site has a Binder launch button"
