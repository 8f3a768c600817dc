"""describe_change: ratio, difference, change per day and the words from data/change_words.csv."""

import math

import pandas as pd
import pytest

from newscheck import describe_change, find_figures


def test_a_doubling_with_dates():
    change = describe_change(300000, 600000, "2023-10-28", "2024-10-28")
    assert change["ratio"] == 2 and change["difference"] == 300000 and change["days"] == 366
    assert change["change_per_day"] == pytest.approx(300000 / 366)
    assert change["words_en"] == ["doubled"] and change["words_de"] == ["verdoppelt"]


def test_a_claim_is_tested_against_the_numbers():
    assert describe_change(100, 55, claimed="nahezu halbiert")["claimed_fits"] is True
    nope = describe_change(100, 80, claimed="nahezu halbiert")
    assert nope["claimed_fits"] is False and nope["claimed_needs"] == "a ratio from 0.525 to under 0.6"
    assert describe_change(100, 133, claimed="rose by a third")["claimed_fits"] is True
    assert describe_change(100, 133, claimed="explodiert")["claimed_fits"] is None


def test_between_the_rules_no_short_word_fits_and_the_percent_is_given():
    change = describe_change(100, 160)
    assert change["words_en"] == [] and change["percent_change"] == pytest.approx(60)
    assert math.isnan(change["change_per_day"])


def test_rows_of_find_figures_and_bounds_are_named():
    table = find_figures("Im März waren es mehr als 300.000 Soldaten. Im Oktober waren es zwischen 590.000 und 610.000 Soldaten.")
    change = describe_change(table.iloc[0], table.iloc[1])
    assert change["ratio"] == pytest.approx(2.0) and change["ratio_low"] == pytest.approx(590000 / 300000)
    assert "bound" in change["note"] and "range" in change["note"]


def test_a_first_figure_of_zero_or_a_wrong_type_is_refused():
    with pytest.raises(ValueError):
        describe_change(0, 5)
    with pytest.raises(TypeError, match="find_figures"):
        describe_change("viel", 5)
    with pytest.raises(TypeError):
        describe_change(pd.Series({"value": None, "low": None, "high": None}), 5)


@pytest.mark.parametrize("language, before, python", [("en", "1.200", "1200 or 1.2"), ("de", "1.200", "1200"), ("de", "2,1", "2.1"), ("en", "2,1", "2.1")])
def test_a_number_typed_as_text_is_answered_with_its_python_form(language, before, python):
    # Found by a learner (review_learner): the text's figures copied as text gave an untranslated traceback message.
    from newscheck import use_language

    use_language(language)
    try:
        with pytest.raises(TypeError, match="1200|2.1") as error:
            describe_change(before, 3000)
        assert f"{python} " in str(error.value) and f'"{before}"' in str(error.value)
    finally:
        use_language(None)


def test_the_change_words_inside_longer_claimed_words_are_named():
    # Found by a learner: claimed="hat sich verdoppelt" (the text's words) got no verdict and a list of other words.
    change = describe_change(1200, 2400, claimed="hat sich verdoppelt")
    assert change["claimed_fits"] is None and "'verdoppelt'" in change["claimed_needs"]
