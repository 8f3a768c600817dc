"""A malformed data file gives one clear message naming the file, the row and the column.
Every test works on a copy in a temporary folder (fixture `course_copy`); the real data/ is never modified."""

import pytest

from newscheck import CourseFileError, load_table


def corrupt(course_copy, name, change):
    path = course_copy / "data" / f"{name}.csv"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def message_of(name):
    with pytest.raises(CourseFileError) as caught:
        load_table(name)
    return str(caught.value)


def test_missing_column(course_copy):
    corrupt(course_copy, "loss_estimates", lambda t: t.replace("estimate_id,date,", "estimate_id,", 1))
    message = message_of("loss_estimates")
    assert message.startswith("data/loss_estimates.csv, row 1: the header lacks the column 'date'.")
    assert "The header row must be exactly: estimate_id,date," in message


def test_value_that_is_not_a_number(course_copy):
    corrupt(course_copy, "loss_estimates", lambda t: t.replace(",600000,", ",six hundred thousand,", 1))
    message = message_of("loss_estimates")
    assert "data/loss_estimates.csv, row " in message
    assert "column 'value': 'six hundred thousand' is not a whole number" in message


def test_number_with_thousands_separator(course_copy):
    corrupt(course_copy, "loss_estimates", lambda t: t.replace(",600000,", ',"600,000",', 1))
    assert "column 'value': '600,000' is not a whole number (digits only, no separators)" in message_of("loss_estimates")


def test_bad_date(course_copy):
    corrupt(course_copy, "loss_estimates", lambda t: t.replace("2024-10-28,publication", "28.10.2024,publication", 1))
    assert "column 'date': '28.10.2024' is not a date written as YYYY-MM-DD" in message_of("loss_estimates")


def test_empty_file(course_copy):
    corrupt(course_copy, "claims", lambda t: "")
    assert message_of("claims") == "data/claims.csv: the file is empty. Restore it with `git checkout -- data/claims.csv`."


def test_file_that_is_not_utf8(course_copy):
    path = course_copy / "data" / "claims.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    assert "data/claims.csv: the file is not UTF-8 text (byte" in message_of("claims")


def test_missing_file(course_copy):
    (course_copy / "data" / "sources.csv").unlink()
    assert message_of("sources").startswith("data/sources.csv: the file does not exist.")


def test_value_outside_the_vocabulary(course_copy):
    corrupt(course_copy, "claims", lambda t: t.replace(",figure,", ",number,", 1))
    message = message_of("claims")
    assert "column 'claim_kind': 'number' is not an allowed value. Use one of: figure, event" in message


def test_duplicate_id(course_copy):
    corrupt(course_copy, "claims", lambda t: t.replace("\nC02,", "\nC01,", 1))
    message = message_of("claims")
    assert "row 3, column 'claim_id': the id 'C01' is used more than once" in message


def test_row_with_an_extra_value(course_copy):
    def add_value(text):
        lines = text.split("\n")
        lines[2] += ",surplus"
        return "\n".join(lines)

    corrupt(course_copy, "markers_de", add_value)
    assert "data/markers_de.csv, row 3: the row has more values than there are columns." in message_of("markers_de")


def test_required_value_missing(course_copy):
    corrupt(course_copy, "sources", lambda t: t.replace(",Newsmax,", ",,", 1))
    assert "column 'publisher': the value is empty, but this column needs one." in message_of("sources")


def test_unknown_table_name(course_copy):
    with pytest.raises(CourseFileError, match="there is no table called 'claimz'. Use one of: agency_alignment, article_sentences, (.*, )?claims"):
        load_table("claimz")


def test_an_unchanged_table_is_not_validated_again(monkeypatch):
    # The recorded hash says the suite validated this exact file; loading must not need frictionless.
    import frictionless

    def refuse(*args, **kwargs):
        raise AssertionError("frictionless was called for an unchanged file")

    monkeypatch.setattr(frictionless, "Resource", refuse)
    assert len(load_table("claims")) == 24


def test_an_edited_table_is_validated_even_if_the_change_looks_harmless(course_copy):
    corrupt(course_copy, "claims", lambda t: t.replace(",figure,", ",Figure,", 1))
    assert "'Figure' is not an allowed value" in message_of("claims")
