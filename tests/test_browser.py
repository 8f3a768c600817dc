"""Real-browser test: JupyterLab in headless Chromium (Debian's package, driven by Playwright) opens every lesson,
runs all cells through the menu, and must show no error and every figure.

The German edition runs in a second JupyterLab with German menus, as `make lab-de` starts it: the menus, and one
German notebook, the one that shows most of what is German in the browser: figures drawn with German numbers and the
German feedback of check() (the solution of exercise 04; no lesson calls check()). nbval runs every German notebook;
what the browser adds is JupyterLab itself. Screenshots go to artifacts/browser/, in the notebook's folders.

JupyterLab serves a temporary copy of the course, so nothing it autosaves can reach notebooks/, data/ or seeds/.
Skipped when Chromium or Playwright is missing, unless REQUIRE_BROWSER=1 (set by .ci/run, which installs Chromium).
"""

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from test_translations import GERMAN_RESTART_RUN_ALL  # the German menu entry the lessons name

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
# the German notebook run in the browser: figures from the helper and German check() feedback (see above)
GERMAN_NOTEBOOK = ROOT / "exercises" / "de" / "solutions" / "04_plot_the_loss_figures.ipynb"
ARTIFACTS = ROOT / "artifacts" / "browser"
LAB_SETTINGS = {
    # render every cell (no windowing), so that every figure is in the page; no news pop-up over the notebook;
    # English menus even where the system's language is German (as `make lab` sets it)
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/translation-extension:plugin": {"locale": "en"},
}
# The German edition's JupyterLab: German menus from jupyterlab-language-pack-de-DE (as `make lab-de` sets it).
LAB_SETTINGS_DE = {**LAB_SETTINGS, "@jupyterlab/translation-extension:plugin": {"locale": "de_DE"}}
# The menu items the test clicks, as each edition's JupyterLab names them.
MENU = {"en": ("Run", r"^Run All Cells"), "de": ("Ausführen", r"^Alle Zellen ausführen")}

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

if not (CHROMIUM and sync_playwright):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail("REQUIRE_BROWSER=1 but Chromium or Playwright is missing: install the Debian package 'chromium'.", pytrace=False)
    pytestmark = pytest.mark.skip(reason="Chromium or Playwright not installed (see CONTRIBUTING.md); .ci/run installs them")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_lab(tmp_path_factory, settings: dict):
    """A JupyterLab server on 127.0.0.1 serving a temporary copy of the course; yields (base_url, token, folder)."""
    folder = tmp_path_factory.mktemp("course")
    for name in ["notebooks", "exercises", "data", "seeds", "locale"]:
        shutil.copytree(ROOT / name, folder / name)
    broken = nbformat.read(ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    broken.cells.insert(3, nbformat.v4.new_code_cell("1 / 0  # a deliberate error: the test must see it"))
    nbformat.write(broken, folder / "notebooks" / "zz_broken_on_purpose.ipynb")
    settings_dir = tmp_path_factory.mktemp("settings")
    (settings_dir / "overrides.json").write_text(json.dumps(settings), encoding="utf-8")
    token, port = secrets.token_hex(16), free_port()
    env = dict(os.environ, NEWSCHECK_ROOT=str(folder), JUPYTER_CONFIG_DIR=str(tmp_path_factory.mktemp("config")))
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={folder}", f"--LabApp.app_settings_dir={settings_dir}",
         f"--LabApp.workspaces_dir={tmp_path_factory.mktemp('workspaces')}", "--LabApp.expose_app_in_browser=True",
         "--allow-root"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.terminate()
        pytest.fail("JupyterLab did not start within 60 s")
    yield base, token, folder
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    yield from start_lab(tmp_path_factory, LAB_SETTINGS)


@pytest.fixture(scope="module")
def lab_de(tmp_path_factory):
    yield from start_lab(tmp_path_factory, LAB_SETTINGS_DE)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        yield chromium
        chromium.close()


def run_all_in_lab(browser, lab, notebook: str, language: str = "en") -> dict:
    """Open a notebook (path below the course folder, e.g. notebooks/00_start_here.ipynb) in JupyterLab, run all
    cells from the Run menu, report what the page shows."""
    base, token, _ = lab
    run_menu, run_all = MENU[language]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/lab/tree/{notebook}?token={token}&reset")
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
        # Run All skips (and clears) every cell while the notebook has no kernel yet, and the execution indicator
        # already says idle before the kernel is there; so wait until the notebook's own kernel is connected and idle
        # (window.jupyterapp: --LabApp.expose_app_in_browser). Under load this took long enough to lose a run.
        page.wait_for_function(
            """() => { const kernel = window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel;
                       return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle'; }""",
            timeout=60_000, polling=250,
        )
        # count the code cells in the file: the page may not have rendered all of them yet
        code_cells = sum(cell.cell_type == "code" for cell in nbformat.read(lab[2] / notebook, as_version=4).cells)
        # If JupyterLab still ignores the Run All (the prompts stay "[ ]:"), give the command again, at most three times.
        started = """() => [...document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)')
                        .querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].some(p => /\\[(\\d+|\\*)\\]/.test(p.textContent))"""
        for attempt in range(3):
            page.locator(".jp-NotebookPanel:visible .jp-Cell").first.click()  # focus the notebook before using the menu
            page.get_by_role("menuitem", name=run_menu, exact=True).click()
            page.get_by_role("menuitem", name=re.compile(run_all)).click()
            try:
                page.wait_for_function(started, timeout=20_000, polling=250)
                break
            except PlaywrightTimeout:
                if attempt == 2:
                    raise
        # done when every code cell shows a number in its prompt ([*] while running, [ ] never run), or when an
        # error appears (Run All stops at the first error); then wait for the kernel to be idle
        page.wait_for_function(
            """n => { const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
                      const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
                      const failed = panel.querySelector(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']");
                      return failed !== null || (prompts.length === n && prompts.every(p => /\\[\\d+\\]/.test(p.textContent))); }""",
            arg=code_cells, timeout=120_000, polling=250,
        )
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
        panel = page.locator(".jp-NotebookPanel:visible")
        errors = panel.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").all_inner_texts()
        tracebacks = [text for text in errors if "Traceback" in text or "Error" in text]
        images = panel.locator(".jp-RenderedImage img")
        widths = [img.evaluate("i => i.complete ? i.naturalWidth : 0") for img in images.all()]
        streams = panel.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stdout']").all_inner_texts()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shown = panel.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']") if tracebacks else images
        if shown.count():
            shown.first.scroll_into_view_if_needed()
        menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
        shot = (ARTIFACTS / notebook).with_suffix(".png")
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot), full_page=False)
        return {"code_cells": code_cells, "tracebacks": tracebacks, "image_widths": widths, "menus": menus,
                "stdout": streams}
    except Exception:
        shot = (ARTIFACTS / notebook).with_suffix(".FAILED.png")
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot))
        raise
    finally:
        page.close()


def figures_in(path: Path) -> int:
    notebook = nbformat.read(path, as_version=4)
    return sum("image/png" in output.get("data", {}) for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_runs_in_jupyterlab_without_errors_and_shows_every_figure(browser, lab, path):
    result = run_all_in_lab(browser, lab, f"notebooks/{path.name}")
    assert not result["tracebacks"], f"{path.name}: error output in JupyterLab: {result['tracebacks'][0][:500]}"
    assert len(result["image_widths"]) == figures_in(path), f"{path.name}: {len(result['image_widths'])} figures shown, {figures_in(path)} expected"
    assert all(width > 0 for width in result["image_widths"]), f"{path.name}: a figure did not render"


def test_german_notebook_runs_in_german_jupyterlab_with_its_figures_and_german_feedback(browser, lab_de):
    name = GERMAN_NOTEBOOK.relative_to(ROOT).as_posix()
    result = run_all_in_lab(browser, lab_de, name, language="de")
    assert not result["tracebacks"], f"{name}: error output in JupyterLab: {result['tracebacks'][0][:500]}"
    assert len(result["image_widths"]) == figures_in(GERMAN_NOTEBOOK) >= 1, (
        f"{name}: {len(result['image_widths'])} figures shown, {figures_in(GERMAN_NOTEBOOK)} expected")
    assert all(width > 0 for width in result["image_widths"]), f"{name}: a figure did not render"
    assert {"Datei", "Bearbeiten", "Ausführen", "Einstellungen", "Hilfe"} <= set(result["menus"]), f"menus not German: {result['menus']}"
    # every check() of the solution says, in German, that the answer is right (as the committed outputs do)
    checks = [c for c in nbformat.read(GERMAN_NOTEBOOK, as_version=4).cells if c.cell_type == "code" and c.source.startswith("check(")]
    feedback = [text for text in result["stdout"] if text.strip().startswith("✓ Richtig.")]
    assert len(feedback) == len(checks) >= 2, f"{name}: German feedback shown: {result['stdout']}"


def test_the_german_jupyterlab_has_german_menus(browser, lab_de):
    """The language pack works with the pinned JupyterLab: the Kernel menu, as the German lessons name it."""
    base, token, _ = lab_de
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(f"{base}/lab/tree/notebooks/de/00_start_here.ipynb?token={token}&reset")
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
        page.get_by_role("menuitem", name="Kernel", exact=True).click()
        item = page.get_by_role("menuitem", name=re.compile("^" + re.escape(GERMAN_RESTART_RUN_ALL)))
        item.wait_for(timeout=10_000)
        (ARTIFACTS / "de").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "de" / "german_menus.png"))
    finally:
        page.close()


def test_the_browser_test_sees_an_error(browser, lab):
    result = run_all_in_lab(browser, lab, "notebooks/zz_broken_on_purpose.ipynb")
    assert any("ZeroDivisionError" in text for text in result["tracebacks"]), "a deliberate error was not detected"
