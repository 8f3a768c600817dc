"""Exercise notebooks: generated copies in sync with their sources, every task with its parts, and learners' work that
regeneration never overwrites. The checks themselves are tested in tests/test_checks.py."""

import shutil
from pathlib import Path

import nbformat
import pytest

import make_exercises as generator  # tools/ is on the path: pyproject.toml

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "exercises" / "source").glob("*.ipynb"))


# --- one source of truth ------------------------------------------------------------------------------------

def test_there_is_an_exercise_source_for_every_lesson():
    lessons = {p.name for p in (ROOT / "notebooks").glob("0[1-6]_*.ipynb")}
    assert {p.name for p in SOURCES} == lessons


def test_committed_copies_match_their_sources():
    assert generator.out_of_date() == [], "Exercise copies are out of date: run `make exercises` and commit."


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_learner_copy_has_no_solutions_and_no_outputs(source):
    learner = nbformat.read(ROOT / "exercises" / source.name, as_version=4)
    assert not generator.is_edited(ROOT / "exercises" / source.name), "the committed learner copy has been edited or run"
    for cell in learner.cells:
        assert "solution" not in cell.metadata.get("tags", [])
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_each_task_has_instruction_hint_answer_cell_and_check_or_model_answer(source):
    notebook = nbformat.read(source, as_version=4)
    headings = [i for i, c in enumerate(notebook.cells) if c.cell_type == "markdown" and c.source.startswith("## Task")]
    assert 3 <= len(headings) <= 6, f"{source.name}: {len(headings)} tasks; the course wants 3 to 6"
    for start, end in zip(headings, headings[1:] + [len(notebook.cells)]):
        cells = notebook.cells[start:end]
        if "open question" in cells[0].source:
            assert any("model answer" in c.source for c in cells if c.cell_type == "markdown")
            continue
        assert "<summary>Hint" in cells[0].source, f"{source.name}: a task without a hint"
        tags = [c.metadata.get("tags", []) for c in cells]
        assert ["stub"] in tags and ["solution"] in tags
        assert any(c.cell_type == "code" and c.source.startswith("check(") for c in cells)


# --- learners' work is never overwritten ----------------------------------------------------------------------

@pytest.fixture
def exercise_copy(tmp_path, monkeypatch):
    """The exercises folder copied to a temporary place, with the generator pointed at it."""
    folder = tmp_path / "exercises"
    shutil.copytree(ROOT / "exercises", folder)
    monkeypatch.setattr(generator, "ROOT", tmp_path)
    monkeypatch.setattr(generator, "EXERCISES", folder)
    monkeypatch.setattr(generator, "SOURCES", folder / "source")
    monkeypatch.setattr(generator, "SOLUTIONS", folder / "solutions")
    return folder


def test_an_unedited_copy_is_replaced(exercise_copy):
    source = exercise_copy / "source" / "01_read_the_article.ipynb"
    message = generator.write_protected(generator.learner_copy(source), exercise_copy / source.name)
    assert message.startswith("unchanged")
    notebook = nbformat.read(source, as_version=4)
    notebook.cells[0].source += "\n\nA new sentence from the maintainer."
    nbformat.write(notebook, source)
    message = generator.write_protected(generator.learner_copy(source), exercise_copy / source.name)
    assert message.startswith("wrote")
    assert "A new sentence from the maintainer." in (exercise_copy / source.name).read_text(encoding="utf-8")


def test_an_edited_copy_is_kept_and_the_new_version_written_beside_it(exercise_copy):
    source = exercise_copy / "source" / "01_read_the_article.ipynb"
    learner_path = exercise_copy / source.name
    mine = nbformat.read(learner_path, as_version=4)
    stub = next(c for c in mine.cells if "stub" in c.metadata.get("tags", []))
    stub.source = "number_of_lines = 8  # my answer"
    nbformat.write(mine, learner_path)
    before = learner_path.read_bytes()
    message = generator.write_protected(generator.learner_copy(source), learner_path)
    assert message.startswith("KEPT exercises/01_read_the_article.ipynb: it has changes made by hand")
    assert "exercises/01_read_the_article.new.ipynb" in message
    assert learner_path.read_bytes() == before
    assert (exercise_copy / "01_read_the_article.new.ipynb").exists()


def test_a_copy_that_was_run_and_saved_counts_as_learner_work(exercise_copy):
    learner_path = exercise_copy / "02_who_says_what.ipynb"
    notebook = nbformat.read(learner_path, as_version=4)
    first_code = next(c for c in notebook.cells if c.cell_type == "code")
    first_code.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hello\n")]
    nbformat.write(notebook, learner_path)
    assert generator.is_edited(learner_path)
