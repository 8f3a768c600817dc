"""Lesson 06 must work on any German text a learner pastes in, not only on the practice text (issue #10)."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "notebooks" / "06_your_own_article.ipynb"
# real-style news texts we wrote for the finder's development set (tests/fixtures/finder_dev/)
TEXTS = sorted((ROOT / "tests" / "fixtures" / "finder_dev" / "texts").glob("*.txt"))[:2]


@pytest.mark.parametrize("text_path", TEXTS, ids=lambda p: p.stem)
def test_lesson_06_runs_on_a_pasted_article_and_assumes_nothing_about_the_practice_text(text_path, tmp_path):
    notebook = nbformat.read(LESSON, as_version=4)
    cell = next(c for c in notebook.cells if c.cell_type == "code" and 'my_text = """' in c.source)
    pasted = text_path.read_text(encoding="utf-8")
    cell.source = cell.source.replace('my_text = """\n\n"""', 'my_text = """\n' + pasted + '\n"""')
    assert pasted in cell.source, "the lesson's paste cell changed: update this test"
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(LESSON.parent)}}).execute()
    outputs = "\n".join(
        str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", ""))
        for c in notebook.cells if c.cell_type == "code" for output in c.get("outputs", [])
    )
    assert "Error" not in outputs and "Traceback" not in outputs
    assert "Neustadt" not in outputs and "Keller" not in outputs, "the practice text leaked into the learner's analysis"
    claims_cell = next(c for c in notebook.cells if c.cell_type == "code" and c.source.startswith("columns = ["))
    assert "Empty DataFrame" in claims_cell.outputs[0]["data"]["text/plain"], "the claims table must start empty"


def test_lesson_06_prose_names_no_sentence_of_the_practice_text():
    import re

    notebook = nbformat.read(LESSON, as_version=4)
    prose = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert not re.search(r"\bS(?!1\b|2\b)\d+\b", prose), "guidance must fit any pasted text: compute examples, do not name S-ids"
