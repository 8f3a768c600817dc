"""Lesson 06 must work on any German text a learner pastes in, with or without its original, in both editions, not
only on the practice text (issues #10 and #20)."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
LESSONS = {"en": ROOT / "notebooks" / "06_your_own_article.ipynb", "de": ROOT / "notebooks" / "de" / "06_your_own_article.ipynb"}
# a real-style news text we wrote for the finder's development set (tests/fixtures/finder_dev/), pasted without an original
ALONE = sorted((ROOT / "tests" / "fixtures" / "finder_dev" / "texts").glob("*.txt"))[0]
# article/original pairs we wrote for the comparison's development set (tests/fixtures/compare_dev/)
PAIRS = sorted((ROOT / "tests" / "fixtures" / "compare_dev" / "pairs").glob("*.article.txt"))[:3]
CASES = [(language, ALONE, None) for language in LESSONS] + [
    (language, pair, pair.with_name(pair.name.replace(".article.", ".original."))) for language in LESSONS for pair in PAIRS]
NO_ORIGINAL = {"en": "No original pasted", "de": "Kein Original eingefügt"}
PRACTICE_FIGURES = {"en": "These are the practice text's figures", "de": "Das sind die Zahlen des Übungstextes"}


def paste(cell, name: str, text: str) -> None:
    empty = name + ' = """\n\n"""'
    assert empty in cell.source, "the lesson's paste cell changed: update this test"
    cell.source = cell.source.replace(empty, name + ' = """\n' + text + '\n"""')


def outputs_of(cell) -> str:
    return "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in cell.get("outputs", []))


@pytest.mark.parametrize("language, text_path, original_path", CASES,
                         ids=lambda v: v.name.split(".")[0] if isinstance(v, Path) else ("no original" if v is None else v))
def test_lesson_06_runs_on_a_pasted_article_and_assumes_nothing_about_the_practice_text(language, text_path, original_path):
    lesson = LESSONS[language]
    notebook = nbformat.read(lesson, as_version=4)
    cell = next(c for c in notebook.cells if c.cell_type == "code" and 'my_text = """' in c.source)
    paste(cell, "my_text", text_path.read_text(encoding="utf-8"))
    if original_path is not None:
        paste(cell, "my_original", original_path.read_text(encoding="utf-8"))
    NotebookClient(notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(lesson.parent)}}).execute()
    code = [c for c in notebook.cells if c.cell_type == "code"]
    outputs = "\n".join(outputs_of(c) for c in code)
    assert "Error" not in outputs and "Traceback" not in outputs
    assert "Neustadt" not in outputs and "Keller" not in outputs, "the practice text leaked into the learner's analysis"
    claims_cell = next(c for c in code if c.source.startswith("columns = ["))
    assert "Empty DataFrame" in claims_cell.outputs[0]["data"]["text/plain"], "the claims table must start empty"
    comparison = outputs_of(next(c for c in code if "comparison = compare_with_original" in c.source))
    if original_path is None:
        assert NO_ORIGINAL[language] in comparison, "without an original the comparison must say so plainly"
    else:
        assert NO_ORIGINAL[language] not in comparison and "S1" in comparison, "the pasted original was not compared"
    change = outputs_of(next(c for c in code if "describe_change(" in c.source))
    assert PRACTICE_FIGURES[language] in change, "the claimed-change step must say that its numbers are the practice text's"
    pictures = [o for c in code for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    # without an original there is nothing to compare (no chart in Step 6) and Step 7 draws the text's figures alone
    assert len(pictures) == (2 if original_path is not None else 1), "a chart is drawn only when it has something to count"
    if original_path is None:
        assert "its original" not in outputs and "sein Original" not in outputs, "no original: no column or legend for it"


def test_lesson_06_prose_names_no_sentence_of_the_practice_text():
    import re

    notebook = nbformat.read(LESSONS["en"], as_version=4)
    prose = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert not re.search(r"\bS(?!1\b|2\b)\d+\b", prose), "guidance must fit any pasted text: compute examples, do not name S-ids"


def test_lesson_06_says_so_plainly_when_a_text_has_no_figures_no_markers_and_no_original():
    # Found by a learner (review_learner): empty axes with ticks -0.04 ... 0.04, 'Empty DataFrame' and a Step 9 that
    # called the first sentence a reported one.
    lesson = LESSONS["en"]
    notebook = nbformat.read(lesson, as_version=4)
    cell = next(c for c in notebook.cells if c.cell_type == "code" and 'my_text = """' in c.source)
    paste(cell, "my_text", "Die Sonne scheint. Der Hund bellt im Garten.")
    NotebookClient(notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(lesson.parent)}}).execute()
    code = [c for c in notebook.cells if c.cell_type == "code"]
    outputs = "\n".join(outputs_of(c) for c in code if not c.source.startswith(("columns = [", "# my_claims", "pd.crosstab(my_claims")))
    assert "Error" not in outputs and "Traceback" not in outputs and "Empty DataFrame" not in outputs
    assert "no figures in this text" in outputs_of(next(c for c in code if c.source.startswith("figures = find_figures")))
    assert "no markers in this text" in outputs_of(next(c for c in code if c.source.startswith("hits = find_markers")))
    assert "start with the first sentence" in outputs_of(next(c for c in code if c.source.startswith("reported = ")))
    assert NO_ORIGINAL["en"] in outputs and "nothing to draw" in outputs
    assert not [o for c in code for o in c.get("outputs", []) if "image/png" in o.get("data", {})], "no empty charts"
