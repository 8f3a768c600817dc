"""Lesson anatomy (STYLE.md): a question as title, time, what you'll do / learn / need as separate paragraphs,
a figure description under every figure, key points; texts a learner compares are never cut with '...'."""

import re
from pathlib import Path

import nbformat
import pytest

from lesson_times import STATED_EXERCISE, STATED_LESSON, STEP_HEADING  # tools/ is on the path: pyproject.toml

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


# --- Short code cells (issue 21): what we teach stays visible, what is plumbing goes to newscheck -------------------

MAX_CODE_LINES = 12
CODE_NOTEBOOKS = LESSONS + sorted((ROOT / "exercises" / "source").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", CODE_NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_code_cell_is_longer_than_twelve_lines(path):
    """A code cell of more than 12 lines is a wall a beginner stops reading. Split it into steps, or move what is not
    taught into the helper package (newscheck/plotting.py holds the figures' plumbing). Lesson solutions count too."""
    long = [(index, len(cell.source.strip().splitlines())) for index, cell in enumerate(nbformat.read(path, as_version=4).cells)
            if cell.cell_type == "code" and len(cell.source.strip().splitlines()) > MAX_CODE_LINES]
    assert not long, (f"{path.relative_to(ROOT)}: code cells with more than {MAX_CODE_LINES} lines (cell index, lines): {long}. "
                      "Split the cell, or move plumbing into newscheck.")


# --- Core path and going further (CONTRIBUTING.md) ------------------------------------------------------------------

# Lessons that do not follow the convention yet, each with the reason. Strict: once one does, the test says to
# remove it from here.
NOT_YET: dict[str, str] = {}


def _step_numbers(text: str) -> set[int]:
    """'1, 2, 4 and 8' -> {1, 2, 4, 8}; '1–4 and 8' -> {1, 2, 3, 4, 8}."""
    numbers = set()
    for part in re.split(r",\s*|\s+and\s+", text.strip()):
        low, _, high = part.partition("–")
        numbers.update(range(int(low), int(high or low) + 1))
    return numbers


def stated_times(path):
    """(core minutes, going-further minutes or 0) from a lesson's opening cell."""
    match = STATED_LESSON.search(nbformat.read(path, as_version=4).cells[0].source)
    assert match, (f"{path.name}: the opening cell must say '**Time:** core path N min (Steps ...) · going further +M min "
                   "(Steps ...)', or '**Time:** core path N min (the whole notebook)' (CONTRIBUTING.md, Core path and going further)")
    return int(match.group(1)), int(match.group(3) or 0)


def _skip_not_yet(path):
    if path.name in NOT_YET:
        pytest.xfail(NOT_YET[path.name])


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_opening_states_core_path_and_going_further_as_the_steps_do(path):
    _skip_not_yet(path)
    opening, *cells = nbformat.read(path, as_version=4).cells
    match = STATED_LESSON.search(opening.source)
    stated_times(path)
    steps = [m for cell in cells if cell.cell_type == "markdown" for m in STEP_HEADING.finditer(cell.source)]
    further = {int(m.group(1)): int(m.group(3)) for m in steps if m.group(2)}
    core = {int(m.group(1)) for m in steps if not m.group(2)}
    if match.group(2) is None:
        assert not steps or not further, f"{path.name}: 'the whole notebook' is the core path, but steps are marked going further"
        return
    assert _step_numbers(match.group(2)) == core, f"{path.name}: the opening names core steps {match.group(2)}; the headings say {sorted(core)}"
    if further:
        assert match.group(4) and _step_numbers(match.group(4)) == set(further), (
            f"{path.name}: the opening names going-further steps {match.group(4)}; the headings mark {sorted(further)}")
        assert int(match.group(3)) == sum(further.values()), (
            f"{path.name}: going further +{match.group(3)} min in the opening, but its steps add up to {sum(further.values())} min")
    else:
        assert match.group(3) is None, f"{path.name}: the opening promises going-further steps that no heading marks"


def _names(tree) -> tuple[set[str], set[str]]:
    """(names a cell sets or changes, names it reads) in Python source."""
    import ast

    stored, loaded = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (stored if isinstance(node.ctx, (ast.Store, ast.Del)) else loaded).add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            stored.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, (ast.Assign, ast.AugAssign)):  # table["column"] = ... changes `table`
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                while isinstance(target, (ast.Subscript, ast.Attribute)):
                    target = target.value
                if isinstance(target, ast.Name):
                    stored.add(target.id)
    return stored, loaded


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_core_path_does_not_need_the_going_further_steps(path):
    """Skipping a going-further step must not break a later core step: no core cell reads a name that only a
    going-further cell set or changed."""
    import ast

    _skip_not_yet(path)
    further_step = False
    set_by_core, set_by_further = set(), set()
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            for match in STEP_HEADING.finditer(cell.source):
                further_step = bool(match.group(2))
            if re.search(r"^## Key points", cell.source, re.MULTILINE):
                further_step = False
            continue
        stored, loaded = _names(ast.parse(cell.source))
        if further_step:
            set_by_further |= stored
        else:
            needed = (loaded & set_by_further) - set_by_core - stored
            assert not needed, (f"{path.name}: a core-path cell uses {sorted(needed)}, which only a going-further step sets "
                                f"or changes:\n{cell.source[:200]}")
            set_by_core |= stored


def _table_times(markdown: str) -> dict[str, tuple[int, int]]:
    """{lesson file name: (core, going further)} from a course table with core-path and going-further columns."""
    times = {}
    for line in markdown.splitlines():
        match = re.match(r"\|\s*\[[^\]]*\]\(([^)]*?)(\d\d_[a-z_]+\.ipynb)\)\s*\|[^|]*\|\s*(\d+) min\s*\|\s*(?:\+(\d+) min)?\s*\|", line)
        if match:
            times[match.group(2)] = (int(match.group(3)), int(match.group(4) or 0))
    return times


@pytest.mark.parametrize("document", ["README.md", "notebooks/00_start_here.ipynb", "instructors/README.md"])
def test_every_list_of_lessons_states_the_lessons_own_times(document):
    """The times in the course tables (README, lesson 00) and the guide's notebook-by-notebook headings are the ones
    each lesson states in its opening cell."""
    path = ROOT / document
    text = (path.read_text(encoding="utf-8") if path.suffix == ".md"
            else "\n".join(c.source for c in nbformat.read(path, as_version=4).cells))
    if document == "instructors/README.md":
        found = {}
        for match in re.finditer(r"^### (\d\d) · [^\n]*\(core path (\d+) min(?:, going further \+(\d+) min)?\)", text, re.MULTILINE):
            name = next(p.name for p in LESSONS if p.name.startswith(match.group(1)))
            found[name] = (int(match.group(2)), int(match.group(3) or 0))
    else:
        found = _table_times(text)
    for lesson in LESSONS:
        if lesson.name in NOT_YET or (document != "README.md" and lesson.name.startswith("00")):
            continue
        assert lesson.name in found, f"{document} gives no core-path time for {lesson.name}"
        assert found[lesson.name] == stated_times(lesson), (
            f"{document}: {lesson.name} takes {found[lesson.name]} (core path, going further); the lesson says {stated_times(lesson)}")


EXERCISE_SOURCES = sorted((ROOT / "exercises" / "source").glob("[0-9][0-9]_*.ipynb"))


def test_every_list_of_exercises_states_the_exercises_own_times():
    """README's exercise table and the instructor guide give each exercise the time its opening cell states."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = (ROOT / "instructors" / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"stated in each\s+exercise: ([^)]*)\)", guide)
    assert listed, "instructors/README.md, 'Where the exercises fit', should list each exercise's time: (stated in each exercise: 01 35, ...)"
    in_guide = dict(re.findall(r"(\d\d) (\d+)", listed.group(1)))
    for path in EXERCISE_SOURCES:
        stated = STATED_EXERCISE.search(nbformat.read(path, as_version=4).cells[0].source)
        assert stated, f"exercises/source/{path.name}: the opening cell should say '**Time:** N min'"
        row = re.search(r"\(exercises/" + re.escape(path.name) + r"\)[^\n]*\|\s*(\d+) min\s*\|", readme)
        assert row and row.group(1) == stated.group(1), f"README.md's exercise table and exercises/source/{path.name} differ in time"
        assert in_guide.get(path.name[:2]) == stated.group(1), f"instructors/README.md and exercises/source/{path.name} differ in time"


@pytest.mark.parametrize("path", CODE_NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_text_on_figures_is_at_least_nine_points(path):
    """Source lines, legends and labels on a figure must be readable at the figure's size: no fontsize under 9 points
    (source lines: 10, `fig.text(..., fontsize=10, va="top", wrap=True)`)."""
    small = [(index, size) for index, cell in enumerate(nbformat.read(path, as_version=4).cells) if cell.cell_type == "code"
             for size in re.findall(r"fontsize\s*=\s*(\d+(?:\.\d+)?)", cell.source) if float(size) < 9]
    assert not small, f"{path.relative_to(ROOT)}: text smaller than 9 points on a figure (cell index, size): {small}"
