"""The read-only site (jupyter-book 1.x), English and German: built ONCE per test run, by `make site` (warnings are
errors) in a temporary copy of the course with an address set (`tools/links.py write --repo ...`, as `make links`
does), so that one build shows every page of both tables of contents, the figures, the German pages and the Binder
launch buttons. The committed course has no address: without one, the site has no launch button (checked on the
configuration as jupyter-book resolves it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from sphinx_external_toc.parsing import parse_toc_yaml

ROOT = Path(__file__).resolve().parent.parent
REPO = "https://github.com/example-org/newscheck-course"
BINDER = "https://mybinder.org/v2/gh/example-org/newscheck-course/main"
VENV = Path(sys.prefix)  # the environment running the tests; `make` in the copy must not build another one
TOCS = {"en": ROOT / "book" / "_toc.yml", "de": ROOT / "book" / "de" / "_toc.yml"}

import links  # noqa: E402  (tools/ is on the path: pyproject.toml)


def pages(toc: Path) -> list[str]:
    """Every page of a table of contents, root first, as jupyter-book names them (no suffix): sphinx_external_toc's
    parser, the one jupyter-book builds with."""
    return list(parse_toc_yaml(str(toc)))


def source_of(page: str, root: Path = ROOT) -> Path:
    return next(root / f"{page}{suffix}" for suffix in (".ipynb", ".md") if (root / f"{page}{suffix}").is_file())


def course_notebooks() -> list[Path]:
    """Every English lesson and exercise (learner copy)."""
    return sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("[0-9]*.ipynb"))


def figures_in(notebook: Path) -> int:
    """How many figures the committed notebook's outputs hold."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum("image/png" in output.get("data", {}) for cell in cells for output in cell.get("outputs", []))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The built site's html folder (the German site in its de/), from one `make site` in a copy of the course whose
    address is REPO."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed (the pip route in README.md); the site is built by `make site`")
    course = tmp_path_factory.mktemp("site") / "course"
    shutil.copytree(ROOT, course, ignore=shutil.ignore_patterns(
        ".venv", "build", ".git", "artifacts", "__pycache__", ".pytest_cache", "*.egg-info", ".ipynb_checkpoints"))
    address = subprocess.run([sys.executable, str(course / "tools" / "links.py"), "write", "--repo", REPO],
                             capture_output=True, text=True, timeout=120)
    assert address.returncode == 0, address.stdout + address.stderr
    env = {key: value for key, value in os.environ.items() if key not in ("REPO", "BRANCH", "HUB")}
    result = subprocess.run(["make", "--no-print-directory", "-C", str(course), "site", f"VENV={VENV}",
                             "-o", f"{VENV}/.installed-test", "-o", f"{VENV}/.installed-learner"],
                            capture_output=True, text=True, timeout=1200, env=env)
    assert result.returncode == 0, f"make site failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return course / "build" / "site" / "_build" / "html"


# --- the build --------------------------------------------------------------------------------------------------

def test_make_site_builds_both_editions_with_warnings_as_errors():
    """`make site` (the command CI's pages job runs, and the fixture above) builds the English site and the German
    one into its de/ folder, each with warnings as errors (-W) and every missing reference reported (-n)."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    dry_run = subprocess.run(["make", "-n", "site"], cwd=ROOT, capture_output=True, text=True).stdout
    for config in ["book/_config.yml --toc book/_toc.yml", "book/de/_config.yml --toc book/de/_toc.yml"]:
        build = next((line for line in dry_run.splitlines() if f"--config {config}" in line), "")
        assert "jupyter-book build" in build and " -W -n --keep-going" in build, f"make site does not build {config} strictly"
    assert "cp -r build/site-de/_build/html build/site/_build/html/de" in dry_run


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_page_of_the_table_of_contents_is_rendered(site, language):
    html = site if language == "en" else site / "de"
    assert (html / "index.html").exists()
    missing = [page for page in pages(TOCS[language]) if not (html / f"{page}.html").exists()]
    assert not missing, f"the {language} site lacks {missing}"
    # the start page, every lesson and exercise, the guide and the data dictionary
    assert len(pages(TOCS[language])) == 3 + len(course_notebooks())


def test_the_lessons_figures_and_descriptions_are_rendered(site):
    lesson = (site / "notebooks" / "04_plot_the_loss_figures.html").read_text(encoding="utf-8")
    assert lesson.count("<img") >= figures_in(ROOT / "notebooks" / "04_plot_the_loss_figures.ipynb") >= 3, (
        "the committed figures are missing from the rendered lesson")
    assert "Figure description:" in lesson


def test_the_german_site_is_german_with_its_figures(site):
    html = site / "de"
    lesson = (html / "notebooks" / "de" / "04_plot_the_loss_figures.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in lesson, "the German site does not say it is German"
    assert lesson.count("<img") >= figures_in(ROOT / "notebooks" / "de" / "04_plot_the_loss_figures.ipynb") >= 3, (
        "the committed figures are missing from the rendered German lesson")
    assert "Bildbeschreibung:" in lesson
    assert "Denk nach:" in (html / "instructors" / "de" / "README.html").read_text(encoding="utf-8")
    assert (html / "data" / "README.html").exists()  # the data dictionary exists in English only


# --- launch buttons ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["en", "de"])
def test_every_notebook_page_has_a_binder_launch_button_for_the_address(site, language):
    html = site if language == "en" else site / "de"
    notebooks = [page for page in pages(TOCS[language]) if source_of(page).suffix == ".ipynb"]
    assert len(notebooks) == len(course_notebooks())
    without = [page for page in notebooks
               if f"{BINDER}?urlpath=lab/tree/{page}.ipynb" not in (html / f"{page}.html").read_text(encoding="utf-8")]
    assert not without, f"no Binder launch button for {REPO} on {without}"
    start = "notebooks/00_start_here.ipynb" if language == "en" else "notebooks/de/00_start_here.ipynb"
    intro = (html / pages(TOCS[language])[0]).with_suffix(".html").read_text(encoding="utf-8")
    assert f"{BINDER}?urlpath={quote(f'lab/tree/{start}', safe='')}" in intro


@pytest.mark.parametrize("config", ["book/_config.yml", "book/de/_config.yml"])
def test_without_an_address_the_site_has_no_launch_button(config):
    """The committed course has no address (no invented one). jupyter-book, resolving the committed configuration,
    then has no BinderHub, and its theme draws no launch button (with the address: the tests above)."""
    from jupyter_book.config import get_final_config

    if links.read_address(ROOT) is not None:
        pytest.skip("an address is committed")
    resolved, _ = get_final_config(user_yaml=yaml.safe_load((ROOT / config).read_text(encoding="utf-8")),
                                   cli_config={"latex_individualpages": False}, sourcedir=ROOT, use_external_toc=False)
    assert resolved["html_theme_options"]["launch_buttons"]["binderhub_url"] == ""


# --- the German site's configuration (written by hand) ------------------------------------------------------------

def test_the_german_site_lists_the_german_twin_of_every_english_page():
    """book/de/_toc.yml is written by hand: it must follow book/_toc.yml page for page (German twin, or the English
    page where the German edition has none, like the data dictionary)."""
    twins = {"book/intro": "book/de/intro", "instructors/README": "instructors/de/README", "data/README": "data/README"}
    expected = [twins.get(page) or page.replace("/", "/de/", 1) for page in pages(TOCS["en"])]
    assert pages(TOCS["de"]) == expected
    config = yaml.safe_load((ROOT / "book" / "de" / "_config.yml").read_text(encoding="utf-8"))
    english_config = yaml.safe_load((ROOT / "book" / "_config.yml").read_text(encoding="utf-8"))
    assert config["sphinx"]["config"]["language"] == "de"
    for key in ["only_build_toc_files", "execute", "html"]:
        assert config[key] == english_config[key], f"book/de/_config.yml: {key} differs from the English site's"
    assert set(english_config["exclude_patterns"]) <= set(config["exclude_patterns"])
