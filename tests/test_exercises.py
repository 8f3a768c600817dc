"""Exercises: generated copies in sync with their sources, checks that never crash or give the answer away,
and learners' work that regeneration never overwrites."""

import re
import shutil
from pathlib import Path

import matplotlib
import nbformat
import pandas as pd
import pytest

from newscheck import checks, load_table
from newscheck.checks import NOT_DONE, feedback, task_ids

matplotlib.use("Agg")
ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "exercises" / "source").glob("*.ipynb"))


import answer_key  # noqa: E402  (tests/ is on the path: pyproject.toml)
import make_exercises as generator  # noqa: E402  (tools/ is on the path: pyproject.toml)


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


# --- checks: right answers, wrong answers, bad input ----------------------------------------------------------

def honest_figure(uk: pd.DataFrame, draw: str = "plot", words: dict | None = None):
    """The UK series drawn as task 04.2 asks: points, ranges, labels, a title and a source line naming the publisher."""
    import matplotlib.pyplot as plt

    words = words or {"xlabel": "date of the estimate", "ylabel": "Russian soldiers killed and wounded",
                      "title": "UK estimates of Russian killed and wounded rose through 2024",
                      "source": "Source: UK Ministry of Defence, via data/loss_estimates.csv"}
    fig, ax = plt.subplots()
    getattr(ax, draw)(uk["date"], uk["value"].astype(float))
    ax.vlines(uk["date"], uk["low"].astype(float), uk["high"].astype(float))
    ax.set(xlabel=words["xlabel"], ylabel=words["ylabel"], title=words["title"])
    fig.text(0, 0, words["source"])
    return fig


def second_text() -> str:
    """The second practice text of exercise 06, read from the exercise's first code cell (not from the checks)."""
    setup = next(c for c in nbformat.read(ROOT / "exercises" / "source" / "06_your_own_article.ipynb", as_version=4).cells
                 if c.cell_type == "code")
    return re.search(r'second_text = """(.*?)"""', setup.source, flags=re.S).group(1)


def right_answers() -> dict:
    """The right answer for each task, computed here independently of newscheck.checks."""
    from newscheck import find_markers, load_article, split_sentences

    article = load_article()
    sentences = load_table("article_sentences")
    claims = load_table("claims")
    estimates = load_table("loss_estimates")
    second = split_sentences(second_text())
    uk = estimates[(estimates["series"] == "UK government") & (estimates["metric"] == "killed_and_wounded")
                   & (estimates["coverage"] == "cumulative")]
    alignment = load_table("agency_alignment")
    return {
        "01.1": len(article.lines[4:]),
        "01.2": 5,
        "01.3": " ".join(article.lines[4:]).lower().count("russ"),
        "02.1": ["M08", "M24"],
        "02.2": ["S8", "S12"],
        "02.3": find_markers(sentences[sentences["kind"] == "body"])["category"].value_counts(),
        "02.4": find_markers("Laut Regierungskreisen soll die Zahl bei rund 5.000 liegen."),
        "03.1": alignment[alignment["relation"] == "softened"],
        "03.2": alignment.loc[alignment["relation"].isin(["made_hearsay", "attribution_dropped"]), "sentence_id"].unique().tolist(),
        "03.3": claims[claims["checkable"] & (claims["speaker_type"] == "article")],
        "03.4": pd.crosstab(claims["claim_kind"], claims["true_verdict"]),
        "03.5": pd.DataFrame([{"sentence_id": "S9", "span_de": "Diese Waffen", "speaker_type": "article",
                               "claim_kind": "assessment", "checkable": False, "true_verdict": "not_checkable"}]),
        "04.1": estimates[(estimates["series"] == "UK government") & (estimates["metric"] == "killed_and_wounded")
                          & (estimates["coverage"] == "cumulative")],
        "04.2": honest_figure(uk),
        "05.1": answer_key.DAYS,
        "05.2": answer_key.RATIO,
        "05.3": answer_key.PER_DAY,
        "05.4": answer_key.pairs(30),
        "06.1": len(second),
        "06.2": "S5",
    }


RIGHT = right_answers()
BAD_INPUTS = {
    "None": None,
    "the unchanged stub": ...,
    "a string instead of a number": "eight",
    "a number instead of a list or table": 42,
    "an empty list": [],
    "an empty DataFrame": pd.DataFrame(),
    "a DataFrame with renamed columns": pd.DataFrame({"id": ["S1"], "wert": [1]}),
    "a dict": {"answer": 1},
    "True": True,
    # added in the read-through of issue #10
    "NaN": float("nan"),
    "pandas' NA": pd.NA,
    "a German decimal comma, (2,19)": (2, 19),
    "a string of digits": "12",
    "a negative number": -1,
    "infinity": float("inf"),
    "a nested list": [[1]],
    "a set": {"S1"},
    "a time span": pd.Timedelta(days=3),
    "a Series of numbers": pd.Series([1, 2]),
    "an empty figure": __import__("matplotlib.pyplot").pyplot.figure(),
}


def test_every_task_is_covered():
    assert sorted(RIGHT) == task_ids()


@pytest.mark.parametrize("task_id", sorted(RIGHT))
def test_right_answer_is_accepted(task_id):
    result = feedback(task_id, RIGHT[task_id])
    assert result.ok, result.message


@pytest.mark.parametrize("task_id", sorted(RIGHT))
@pytest.mark.parametrize("label", sorted(BAD_INPUTS))
def test_bad_input_gives_a_friendly_message_and_no_answer(task_id, label):
    result = feedback(task_id, BAD_INPUTS[label])
    assert not result.ok
    assert result.message and "Traceback" not in result.message
    expected = RIGHT[task_id]
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and str(int(round(expected))) not in repr(BAD_INPUTS[label]):
        assert not re.search(rf"\b{int(round(expected))}\b", result.message), "the message reveals the answer"


def test_stub_says_not_done_yet():
    for task_id in task_ids():
        assert feedback(task_id, ...).message == NOT_DONE


@pytest.mark.parametrize("task_id", ["01.1", "01.3", "05.1", "05.2", "05.3", "06.1"])
def test_near_miss_is_wrong_and_does_not_reveal_the_answer(task_id):
    expected = RIGHT[task_id]
    result = feedback(task_id, expected * 1.1 + 1)
    assert not result.ok
    assert f"{expected:.2f}" not in result.message and not re.search(rf"\b{int(round(expected))}\b", result.message)


def test_partly_right_list_says_how_far_along_you_are():
    result = feedback("02.1", RIGHT["02.1"][:1])
    assert not result.ok and "Your marker id is right, but 1 is still missing." in result.message
    assert "of your 1" not in result.message


def test_table_with_a_missing_column_names_it():
    frame = RIGHT["04.1"].drop(columns=["estimate_id"])
    assert "lacks the column 'estimate_id'" in feedback("04.1", frame).message


def test_a_series_instead_of_a_table_is_explained():
    assert "single column (a Series)" in feedback("03.3", load_table("claims")["claim_id"]).message


def test_an_empty_filter_result_is_explained():
    claims = load_table("claims")
    assert "The table is empty" in feedback("03.3", claims[claims["claim_id"] == "C99"]).message


def test_text_instead_of_a_number_suggests_removing_quotes():
    assert "Remove the quotes" in feedback("01.1", str(RIGHT["01.1"])).message


def test_unknown_task_id():
    assert "There is no task '09.9'" in feedback("09.9", 1).message


def test_check_prints(capsys):
    checks.check("01.1", ...)
    assert capsys.readouterr().out.strip() == "✗ " + NOT_DONE


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


# --- right answers written differently, and wrong ones that look right (found in review) -----------------------

def test_ids_are_compared_without_regard_to_capitals_or_container():
    import numpy as np

    assert feedback("02.2", ["s8", "s12"]).ok
    assert feedback("02.2", ("S12", "S8")).ok
    assert feedback("02.1", np.array(["M08", "M24"])).ok


def test_a_ratio_rounded_to_one_decimal_is_accepted():
    assert feedback("05.2", round(RIGHT["05.2"], 1)).ok


def test_a_sentence_number_without_the_s_is_understood():
    assert feedback("06.2", RIGHT["06.2"][1:]).ok


def test_figure_with_scatter_points_and_a_german_source_line_is_accepted():
    # Issue #10: this test drew made-up points ([1, 2]) titled "Ein Befund"; it now draws the UK series, the answer
    # the task asks for, with scatter points and German words, and names the publisher in German.
    words = {"xlabel": "Datum", "ylabel": "Soldaten, getötet und verwundet", "title": "Ein Befund: britische Schätzungen",
             "source": "Quelle: britisches Verteidigungsministerium (data/loss_estimates.csv)"}
    fig = honest_figure(RIGHT["04.1"], draw="scatter", words=words)
    assert feedback("04.2", fig).ok


def test_a_well_formed_but_wrong_claim_row_is_not_accepted():
    row = dict(sentence_id="S9", span_de="Diese Waffen", speaker_type="article", claim_kind="figure", checkable=False,
               true_verdict="supported")
    result = feedback("03.5", pd.DataFrame([row]))
    assert not result.ok and "claim_kind" in result.message and "true_verdict" in result.message
    row.update(claim_kind="assessment", true_verdict="not_checkable", checkable="False")
    assert "without quotes" in feedback("03.5", pd.DataFrame([row])).message


def test_counting_only_russland_gets_a_specific_hint():
    from newscheck import load_article

    body = " ".join(load_article().lines[4:]).lower()
    assert "'Russland' only" in feedback("01.3", body.count("russland")).message


def test_type_names_are_plain_language():
    assert "You gave a whole number" in feedback("02.2", 3).message


# --- shared answer handling: advice that fits the answer (learner review) ---------------------------------------

NUMERIC_TASKS = ["01.1", "01.2", "01.3", "05.1", "05.2", "05.3", "06.1"]


@pytest.mark.parametrize("task_id", NUMERIC_TASKS)
def test_the_right_number_in_brackets_is_told_to_lose_the_brackets(task_id):
    # review: [8] was told "Count its items with len(...)", which gives 1
    result = feedback(task_id, [RIGHT[task_id]])
    assert not result.ok and "without the brackets" in result.message and "len(" not in result.message


@pytest.mark.parametrize("task_id", ["01.1", "06.1"])
def test_a_tables_shape_is_not_taken_for_a_thousands_separator(task_id):
    # review: (17, 7) got "Write the number without a comma, e.g. 1500, not 1,500"
    message = feedback(task_id, load_table("article_sentences").shape).message
    assert ".shape[0]" in message and "1,500" not in message
    assert "not 1,500" in feedback(task_id, (1, 500)).message  # a number typed with a thousands comma


@pytest.mark.parametrize("task_id", ["01.1", "01.2", "01.3", "06.1"])
def test_number_advice_names_nothing_the_exercise_does_not_have(task_id):
    # review: exercises 01 and 06 were told to use `by_id`, which exists only in exercise 05
    for answer in ([1, 2], pd.Series([1, 2]), [], pd.DataFrame({"a": [1, 2]})):
        assert "by_id" not in feedback(task_id, answer).message


def test_a_division_of_misaligned_columns_is_explained():
    # review: NaN from two filtered columns with different row labels got "Pick one value"
    by_id = load_table("loss_estimates").set_index("estimate_id")
    assert "only missing values" in feedback("05.2", by_id.loc[["W-34"], "value"] / by_id.loc[["W-20"], "value"]).message


@pytest.mark.parametrize("task_id, column", [("04.1", "estimate_id"), ("03.3", "claim_id")])
def test_a_table_with_its_id_in_the_index_is_recognised(task_id, column):
    # review: right rows after set_index(...) were told "Keep the table's original column names"
    assert feedback(task_id, RIGHT[task_id].set_index(column)).ok
    message = feedback(task_id, RIGHT[task_id].drop(columns=[column])).message
    assert f"lacks the column '{column}'" in message and "original column names" not in message


@pytest.mark.parametrize("task_id, table", [("04.1", "loss_estimates"), ("03.3", "claims"), ("03.1", "agency_alignment")])
def test_a_true_false_column_is_told_to_pick_rows(task_id, table):
    # review: a mask got "Use double brackets, e.g. table[["a", "b"]]"
    mask = pd.Series(True, index=load_table(table).index)
    message = feedback(task_id, mask).message
    assert "mask" in message and "double brackets" not in message


def test_row_numbers_instead_of_ids_are_explained():
    # review: [15] got "Every item should be text in quotes", which leads to ["15"]
    assert "row numbers" in feedback("02.2", [15]).message
