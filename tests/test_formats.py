"""Numbers and dates the edition's way (newscheck.formats, through Babel): in the prose of a German message or figure
2,5; 1.064; 600.000; 28. Oktober 2023; in English as Python writes them, or with thousands separators where asked.
And numbers a learner typed the German way ('2,19', '600.000') read as Python would write them."""

import pandas as pd
import pytest

from newscheck import date_text, i18n, number_text
from newscheck.formats import TypedNumber, typed_number
from newscheck.plotting import thousands


@pytest.fixture
def german(monkeypatch):
    monkeypatch.setattr(i18n, "_chosen", "de")


@pytest.fixture
def english(monkeypatch):
    monkeypatch.setattr(i18n, "_chosen", "en")


@pytest.mark.parametrize("value, spec, english_text, german_text", [
    (7, "", "7", "7"),
    (1064, "", "1064", "1.064"),
    (600000, "", "600000", "600.000"),
    (-1500, "", "-1500", "-1.500"),
    (2.19, "", "2.19", "2,19"),
    (2.0, ".2f", "2.00", "2,00"),  # the places the spec asks for are kept (Babel's default pattern drops them)
    (0.5, "g", "0.5", "0,5"),
    (1000.0, "g", "1000", "1.000"),
    (1e6, "g", "1e+06", "1e+06"),
    (float("inf"), "", "inf", "inf"),
])
def test_number_text_writes_numbers_the_editions_way(monkeypatch, value, spec, english_text, german_text):
    for language, expected in [("en", english_text), ("de", german_text)]:
        monkeypatch.setattr(i18n, "_chosen", language)
        assert number_text(value, spec) == expected


def test_grouped_numbers_and_tick_labels(monkeypatch):
    monkeypatch.setattr(i18n, "_chosen", "en")
    assert number_text(600000, grouped=True) == "600,000" and thousands(599999.6) == "600,000"
    assert number_text(2.36, ".2f", grouped=True) == "2.36"
    monkeypatch.setattr(i18n, "_chosen", "de")
    assert number_text(600000, grouped=True) == "600.000" and thousands(600000.0) == "600.000"


def test_date_text_writes_dates_the_editions_way(monkeypatch):
    monkeypatch.setattr(i18n, "_chosen", "en")
    assert date_text(pd.Timestamp("2023-10-28")) == "2023-10-28"  # as Python prints year_before
    monkeypatch.setattr(i18n, "_chosen", "de")
    assert date_text(pd.Timestamp("2023-10-28")) == "28. Oktober 2023"
    assert date_text("2024-03-01") == "1. März 2024"


@pytest.mark.parametrize("text, python, decimal, grouped, ambiguous", [
    ("2,19", "2.19", True, False, False),
    (" -2,5 ", "-2.5", True, False, False),
    ("1,500", "1.5", True, False, False),   # German: one and a half
    ("2,0", "2.0", True, False, False),
    ("600.000", "600000", False, True, True),   # one point and three digits: it could be a decimal point
    ("1.064", "1064", False, True, True),   # a thousands separator, or Python's decimal point
    ("1 064", "1064", False, True, False),
    ("1'064", "1064", False, True, False),
    ("1.064,5", "1064.5", True, True, False),
    ("1.234.567", "1234567", False, True, False),
])
def test_a_number_typed_the_german_way_is_understood(german, text, python, decimal, grouped, ambiguous):
    assert typed_number(text) == TypedNumber(python, decimal, grouped, ambiguous)


@pytest.mark.parametrize("text", ["2.19", "12", "1,2,3", "1.06", "1.2345", "2,", ",5", "eight", "1.064.5", ""])
def test_what_python_writes_alike_or_no_german_number_is_left_alone(german, text):
    assert typed_number(text) is None


def test_the_english_edition_reads_no_german_numbers(english):
    assert typed_number("2,19") is None and typed_number("600.000") is None
