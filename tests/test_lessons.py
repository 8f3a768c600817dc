"""Lesson anatomy (STYLE.md): a question as title, time, what you'll do / learn / need as separate paragraphs,
a figure description under every figure, key points; texts a learner compares are never cut with '...'."""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_opening_cell_has_each_line_as_its_own_paragraph(path):
    opening = nbformat.read(path, as_version=4).cells[0].source
    assert re.match(r"# \d\d · .+\?", opening), f"{path.name}: the title should be the lesson's question"
    for label in ["**Time:**", "**What you'll do:**", "**What you'll learn:**", "**What you'll need:**"]:
        assert f"\n\n{label}" in opening, f"{path.name}: '{label}' must start a paragraph of its own (a blank line before it)"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_figure_has_a_description_right_under_it(path):
    cells = nbformat.read(path, as_version=4).cells
    for index, cell in enumerate(cells):
        if cell.cell_type == "code" and any("image/png" in out.get("data", {}) for out in cell.get("outputs", [])):
            following = cells[index + 1] if index + 1 < len(cells) else None
            assert following is not None and following.cell_type == "markdown" and following.source.startswith(
                "**Figure description:**"), f"{path.name}, cell {index}: a figure needs a 'Figure description' cell right under it"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_ends_with_key_points_and_next(path):
    last = nbformat.read(path, as_version=4).cells[-1].source
    assert last.startswith("## Key points") and "**Next:**" in last


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_no_text_is_cut_with_an_ellipsis_in_a_table(path):
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            cut = re.findall(r"<td>[^<]{20,}\.\.\.</td>", html)
            assert not cut, f"{path.name}: pandas cut a text with '...': {cut[0][:80]}. Use newscheck.show_texts."
