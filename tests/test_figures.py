"""find_figures: one row per figure with its value, qualifier and counted noun; dates, times and compounds are not figures."""

import math
import subprocess
import sys

import pandas as pd
import pytest

from newscheck import find_figures, split_sentences


def figures(sentence: str) -> list[tuple]:
    """(text, value or (low, high), qualifier, unit) of every figure in one sentence."""
    table = find_figures(pd.DataFrame({"sentence_id": ["S1"], "text": [sentence]}))
    return [(r.text, (r.low, r.high) if r.qualifier == "range" else r.value, r.qualifier, r.unit) for r in table.itertuples()]


def test_a_bound_in_german_format_with_its_counted_noun():
    assert figures("Die Verluste sollen nun mehr als 600.000 getötete und verletzte Soldaten umfassen.") == [
        ("mehr als 600.000", 600000.0, "more_than", "Soldaten")]


def test_a_range_with_zwischen_and_with_bis():
    assert figures("Es waren zwischen 670.000 und 690.000 Menschen.") == [("zwischen 670.000 und 690.000", (670000.0, 690000.0), "range", "Menschen")]
    assert figures("50 bis 70 Menschen werden vermisst.") == [("50 bis 70", (50.0, 70.0), "range", "Menschen")]


def test_a_multiplier_a_percentage_and_about():
    assert figures("Rund 1,5 Millionen Euro fehlen, das sind 48,7 Prozent.") == [
        ("Rund 1,5 Millionen", 1500000.0, "about", "Euro"), ("48,7 Prozent", 48.7, "exact", "Prozent")]


def test_number_words_including_compounds_that_a_word_list_would_miss():
    assert figures("Drei Häuser und dreihundertzwanzig Wohnungen wurden zerstört.") == [
        ("Drei", 3.0, "exact", "Häuser"), ("dreihundertzwanzig", 320.0, "exact", "Wohnungen")]


def test_fractions_multiples_and_dozens():
    assert figures("Mehr als ein Drittel der Häuser ist beschädigt.") == [("Mehr als ein Drittel", pytest.approx(1 / 3), "more_than", "")]
    assert figures("Es gab rund drei Mal so viele Anträge.") == [("rund drei Mal", 3.0, "about", "Mal")]
    assert figures("Dutzende Tote und Vermisste") == [("Dutzende", 24.0, "at_least", "Tote")]


def test_dates_years_times_ordinals_and_compounds_are_not_figures():
    assert figures("Am 2. März um 14:30 Uhr sprach er, wie schon im Jahr 2016 und von 2003 bis 2021.") == []
    assert figures("Ein 46-jähriger Mann scheiterte an der Fünf-Prozent-Hürde, seit Mai 2015.") == []
    assert figures("Er kam als 3. ins Ziel.") == []


def test_a_number_that_looks_like_a_year_but_counts_something_is_a_figure():
    assert figures("Die Armee will 2077 Panzer zerstört haben.") == [("2077", 2077.0, "exact", "Panzer")]
    assert figures("Es waren 2000 bis 4000 getöteten Soldaten.") == [("2000 bis 4000", (2000.0, 4000.0), "range", "Soldaten")]


def test_um_after_a_verb_of_change_is_no_qualifier_and_an_article_is_no_figure():
    assert figures("Ein starker Anstieg um 180 000 Menschen, 0,5 Prozent mehr als ein Jahr zuvor.") == [
        ("180 000", 180000.0, "exact", "Menschen"), ("0,5 Prozent", 0.5, "exact", "Prozent")]
    assert figures("Die Partei gewann mindestens ein Direktmandat.") == [("mindestens ein", 1.0, "at_least", "Direktmandat")]


def test_mehr_als_after_a_figure_of_something_else_is_a_bound_not_a_comparison():
    # Found by a learner (review_learner, error): a duration before 'mehr als' made the bound read as exact.
    assert figures("Die Stadt Lindenau will in den kommenden zwei Jahren mehr als 1.200 Parkplätze in der Innenstadt abbauen.") == [
        ("zwei", 2.0, "exact", "Jahren"), ("mehr als 1.200", 1200.0, "more_than", "Parkplätze")]
    assert figures("Vor drei Wochen mehr als 300 Menschen.") == [
        ("drei", 3.0, "exact", "Wochen"), ("mehr als 300", 300.0, "more_than", "Menschen")]
    # The same counted noun on both sides, or none after the words: a comparison, and the figures stay exact.
    assert figures("Es kamen 500 Menschen mehr als 300 Menschen im Vorjahr.") == [
        ("500", 500.0, "exact", "Menschen"), ("300", 300.0, "exact", "Menschen")]


def test_a_text_is_split_into_sentences_and_ids_follow_split_sentences():
    text = "Es kamen fast 500 Gäste.\n\nDanach waren es bis zu 1.200 Besucher."
    table = find_figures(text)
    assert list(table["sentence_id"]) == list(split_sentences(text)["sentence_id"])
    assert list(table["qualifier"]) == ["approaching", "as_many_as"]
    assert list(table.columns) == ["sentence_id", "text", "value", "low", "high", "qualifier", "unit", "start", "end"]


def test_the_figure_text_is_the_sentence_at_start_and_end():
    sentence = "Nach Angaben des BAMF wurden rund 480.000 Asylanträge gestellt."
    row = find_figures(pd.DataFrame({"sentence_id": ["S1"], "text": [sentence]})).iloc[0]
    assert sentence[row.start : row.end] == row.text == "rund 480.000"
    assert math.isnan(row.low) and math.isnan(row.high)


def test_a_text_without_figures_gives_an_empty_table_with_the_columns():
    table = find_figures("Die Lage bleibt unklar.")
    assert table.empty and "qualifier" in table.columns


def test_wrong_input_says_what_is_needed():
    with pytest.raises(TypeError, match="sentence table"):
        find_figures(42)


def test_import_newscheck_loads_no_number_or_nlp_library():
    code = "import sys, newscheck; print(sorted(m for m in ('text_to_num', 'babel.numbers', 'somajo', 'HanTa') if m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"


def test_the_development_set_meets_the_goals():
    """A guard against regressions: the rules were built on this set, so it should stay (nearly) perfect."""
    import figures_eval

    result = figures_eval.score_set(figures_eval.SETS["development set"])
    assert result.correct / result.found >= 0.95 and result.correct / result.gold >= 0.95, result.errors
    assert result.qualifier_agrees / result.correct >= 0.9, result.errors
