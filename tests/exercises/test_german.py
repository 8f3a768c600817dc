"""The German edition of the checks: numbers typed the German way (a decimal comma as text, "2,19", or as a tuple,
(2, 19); a thousands separator, "600.000") are understood or explained in German, and numbers and dates in the
prose of a German message are written the German way (2,5; 1.064; 28. Oktober 2023), while the code in a message
keeps Python's way (2.19). The English edition keeps its messages.

Every read-through case of tests/exercises/ also runs in German (conftest.py's `judge`); `judge_german` gives the
German Feedback after the same checks (verdict as in English, every template translated, no English message, no
traceback, no answer given away).
"""

import math
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from answer_key import DAYS, PER_DAY, RATIO, pairs
from newscheck import i18n, load_table
from newscheck.checks import answers, feedback

RATIO_2 = round(RATIO, 2)
WHOLE, FRACTION = str(RATIO_2).split(".")


@pytest.fixture
def german(monkeypatch):
    monkeypatch.setattr(i18n, "_chosen", "de")


@pytest.fixture
def english(monkeypatch):
    monkeypatch.setattr(i18n, "_chosen", "en")


# --- numbers and dates in the prose of a message -----------------------------------------------------------------

@pytest.mark.parametrize("value, spec, english_text, german_text", [
    (7, "", "7", "7"),
    (1064, "", "1064", "1.064"),
    (600000, "", "600000", "600.000"),
    (-1500, "", "-1500", "-1.500"),
    (2.19, "", "2.19", "2,19"),
    (0.5, "g", "0.5", "0,5"),
    (1000.0, "g", "1000", "1.000"),
    (1e6, "g", "1e+06", "1e+06"),
    (float("inf"), "", "inf", "inf"),
])
def test_number_text_writes_numbers_the_editions_way(monkeypatch, value, spec, english_text, german_text):
    for language, expected in [("en", english_text), ("de", german_text)]:
        monkeypatch.setattr(i18n, "_chosen", language)
        assert answers.number_text(value, spec) == expected


def test_date_text_writes_dates_the_editions_way(monkeypatch):
    monkeypatch.setattr(i18n, "_chosen", "en")
    assert answers.date_text(pd.Timestamp("2023-10-28")) == "2023-10-28"  # as Python prints year_before
    monkeypatch.setattr(i18n, "_chosen", "de")
    assert answers.date_text(pd.Timestamp("2023-10-28")) == "28. Oktober 2023"
    assert answers.date_text("2024-03-01") == "1. März 2024"


@pytest.mark.parametrize("text, python, decimal, grouped, ambiguous", [
    ("2,19", "2.19", True, False, False),
    (" -2,5 ", "-2.5", True, False, False),
    ("1,500", "1.5", True, False, False),   # German: one and a half
    ("2,0", "2.0", True, False, False),
    ("600.000", "600000", False, True, True),   # one point and three digits: it could be a decimal point
    ("1.064", "1064", False, True, True),   # a thousands separator, or Python's decimal point
    ("1 064", "1064", False, True, False),
    ("1.064,5", "1064.5", True, True, False),
    ("1.234.567", "1234567", False, True, False),
])
def test_a_number_typed_the_german_way_is_understood(german, text, python, decimal, grouped, ambiguous):
    assert answers.edition_number(text) == answers.TypedNumber(python, decimal, grouped, ambiguous)


@pytest.mark.parametrize("text", ["2.19", "12", "1,2,3", "1.06", "1.2345", "2,", ",5", "eight", "1.064.5"])
def test_what_python_writes_alike_or_no_german_number_is_left_alone(german, text):
    assert answers.edition_number(text) is None


def test_the_english_edition_reads_no_german_numbers(english):
    assert answers.edition_number("2,19") is None and answers.edition_number("600.000") is None


# --- German numbers as answers: understood or explained, in German -------------------------------------------------

GERMAN_CASES = [
    # a decimal comma in text: the message shows the learner's number as Python writes it
    ("05.2", WHOLE + "," + FRACTION, False, ["Lass die Anführungszeichen weg",
                                            "Kommazahlen mit Punkt statt Komma: " + str(RATIO_2)]),
    ("05.3", "1.064,5", False, ["Kommazahlen mit Punkt statt Komma und große Zahlen ohne Tausenderpunkt: 1064.5"]),
    # a decimal comma typed without quotes: a tuple, explained with the German and the Python notation
    ("05.2", (int(WHOLE), int(FRACTION)), False, ["ein Tupel", "Meinst du die Kommazahl " + WHOLE + "," + FRACTION + "?",
                                                  "mit Punkt: " + WHOLE + "." + FRACTION]),
    ("05.3", (int(PER_DAY), 5), False, ["Meinst du die Kommazahl"]),
    # thousands separators in text
    ("01.2", "1.500", False, ["große Zahlen ohne Tausenderpunkt: 1500"]),  # a whole number: the point separates thousands
    ("05.1", "1 500", False, ["große Zahlen ohne Tausenderpunkt: 1500"]),
    ("05.3", "1.064", False, ["Ist der Punkt ein Tausenderpunkt? Dann lass ihn weg: 1064."]),  # ambiguous in a decimal task
    # written as Python writes it, only in quotes: no advice about notation
    ("05.2", str(RATIO_2), False, ["Lass die Anführungszeichen weg."]),
    ("05.1", str(DAYS), False, ["Lass die Anführungszeichen weg."]),
    # a German thousands separator typed as a number: Python reads a decimal point
    ("05.1", 1.064, False, ["keine ganze Zahl", "Sollte der Punkt ein Tausenderpunkt sein?", "1500, nicht 1.500"]),
    # a thousands comma in a whole number: the tuple (1, 500)
    ("01.1", (1, 500), False, ["ein Paar aus zwei Zahlen (ein Tupel)", "ohne Komma und ohne Tausenderpunkt"]),
    # the verdict on a right answer is the English one
    ("05.2", RATIO_2, True, ["Das Verhältnis stimmt."]),
    ("05.3", round(PER_DAY, 1), True, ["Die Zahl pro Tag stimmt."]),
]


@pytest.mark.parametrize("task_id, answer, ok, fragments", GERMAN_CASES, ids=[f"{c[0]}-{c[1]!r}" for c in GERMAN_CASES])
def test_german_numbers_in_answers(judge_german, task_id, answer, ok, fragments):
    result = judge_german(task_id, answer)
    assert result.ok is ok, result.message
    for fragment in fragments:
        assert fragment in result.message


def test_the_english_message_about_a_decimal_comma_is_unchanged(english):
    message = feedback("05.2", WHOLE + "," + FRACTION).message
    assert message.endswith("Remove the quotes. Python writes a decimal with a point (2.5) and a large number without "
                            "separators (1500).")
    assert feedback("05.2", (int(WHOLE), int(FRACTION))).message.endswith("use a point: " + WHOLE + "." + FRACTION)


def test_text_that_only_looks_like_a_number_gets_the_general_advice_in_german(judge_german):
    message = judge_german("05.2", "1,2,3").message
    assert "Lass die Anführungszeichen weg" in message and "(2.5)" in message


# --- numbers, dates and data labels in the prose of German messages ------------------------------------------------

def scaled_figure(scale: float):
    """The UK series drawn as task 04.2 asks, with every value multiplied by scale."""
    estimates = load_table("loss_estimates")
    uk = estimates[(estimates["series"] == "UK government") & (estimates["metric"] == "killed_and_wounded")
                   & (estimates["coverage"] == "cumulative")]
    fig, ax = plt.subplots()
    ax.plot(uk["date"], uk["value"].astype(float) * scale, "s")
    ax.vlines(uk["date"], uk["low"].astype(float) * scale, uk["high"].astype(float) * scale)
    ax.set(xlabel="Datum der Schätzung", ylabel="getötete und verwundete russische Soldaten", title="Britische Schätzungen")
    fig.text(0, 0, "Quelle: britisches Verteidigungsministerium")
    return fig


def test_a_factor_is_written_the_german_way(judge, judge_german):
    assert "0,5-mal so groß" in judge_german("04.2", scaled_figure(0.5)).message
    assert "are 0.5 times the estimates" in judge("04.2", scaled_figure(0.5)).message


def test_the_narrowed_pairs_name_the_date_and_the_series_the_german_way(judge, judge_german):
    narrow = pairs(30)  # the right answer of 05.4 (tests/answer_key.py)
    german = judge_german("05.4", narrow)
    assert german.ok and "vom 28. Oktober 2023 entfernt" in german.message and "2023-10-28" not in german.message
    series = set(load_table("vocabulary").query("column == 'series'")["label_de"])
    assert any("„" + label + "“" in german.message for label in series)
    assert "from 2023-10-28" in judge("05.4", narrow).message


def test_another_series_is_named_by_its_german_label(judge_german):
    estimates = load_table("loss_estimates")
    nato = estimates[(estimates["series"] == "NATO") & (estimates["metric"] == "killed_and_wounded")
                     & (estimates["coverage"] == "cumulative")]
    fig, ax = plt.subplots()
    ax.plot(nato["date"], nato["value"].astype(float), "s")
    assert "Datenreihe „Nato (getötet und verwundet)“" in judge_german("04.2", fig).message


def test_counts_in_german_prose_get_a_thousands_separator(german):
    result = answers.compare_ids({f"S{i}" for i in range(1200)}, {"S1"}, answers.N_("sentences"), answers.N_("claims"))
    assert "1 deiner 1.200 Sätze stimmt; 1.199 gehören nicht dazu" in result.message


# --- the whole German catalogue ------------------------------------------------------------------------------------

def test_every_message_of_the_helper_has_a_german_translation_in_the_compiled_catalogue():
    import polib
    from babel.messages.extract import extract_from_dir

    root = Path(__file__).resolve().parents[2]
    mo = polib.mofile(str(root / "locale" / "de" / "LC_MESSAGES" / "newscheck.mo"))
    translated = {entry.msgid for entry in mo if entry.msgstr or all(entry.msgstr_plural.values() or [""])}
    messages = [m[0] if isinstance(m, tuple) else m for _, _, m, _, _ in extract_from_dir(str(root / "newscheck"))]
    assert [m for m in messages if m not in translated] == []


BAD_INPUTS = [None, ..., "eight", 42, [], pd.DataFrame(), {"answer": 1}, True, float("nan"), (2, 19), "2,19", "600.000",
              {"S1"}, pd.Timedelta(days=3), pd.Series([1, 2]), np.int64(3), math.inf]


def test_malformed_answers_to_every_task_in_german(judge):
    """Malformed answers (most of them from tests/test_exercises.py) to every task; judge checks the German edition."""
    from newscheck.checks import task_ids

    for task_id in task_ids():
        for answer in BAD_INPUTS:
            assert not judge(task_id, answer).ok
