"""Checks for exercises 02: exercises/source/02_*.ipynb."""

from __future__ import annotations

from typing import Any

import pandas as pd

from newscheck.checks.answers import Feedback, compare_ids, ids, kind, markers_in, table, table_ids, task


@task("02.1")
def _markers_s3(answer: Any) -> Feedback:
    given = ids(answer, "marker ids", example='["M01", "M99"]')
    if isinstance(given, Feedback):
        return given
    return compare_ids(given, markers_in("S3"), "marker ids",
                        "Read S3 word by word against the lexicon: a verb of saying, a Konjunktiv I form, a hedge "
                        "and a passive without an agent.")


@task("02.2")
def _koennte(answer: Any) -> Feedback:
    given = ids(answer, "sentence ids")
    if isinstance(given, Feedback):
        return given
    sentences = table("article_sentences")
    expected = set(sentences.loc[sentences["text_de"].str.contains(r"\bkönnte\b", regex=True), "sentence_id"])
    return compare_ids(given, expected, "sentence ids",
                        "Use `sentences[\"text_de\"].str.contains(r\"\\bkönnte\\b\")` as a filter and list the sentence_id column.")


@task("02.3")
def _per_category(answer: Any) -> Feedback:
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0]
    if not isinstance(answer, pd.Series):
        return Feedback(False, f"You gave {kind(answer)}; the answer is the result of "
                               "`hits[\"category\"].value_counts()` (a Series: one count per category).")
    from newscheck.markers import find_markers

    expected = find_markers(table("article_sentences"))["category"].value_counts()
    if set(answer.index) != set(expected.index):
        return Feedback(False, "The categories are not the ones the finder reports. Count the column 'category' of "
                               "the finder's hits for all sentences of the article.")
    if not (answer.reindex(expected.index) == expected).all():
        return Feedback(False, "The categories are right but some counts are not. Did you run the finder on every "
                               "sentence (all of `sentences`)?")
    return Feedback(True, f"{int(expected.sum())} hits in {len(expected)} categories.")


@task("02.4")
def _new_sentence_hits(answer: Any) -> Feedback:
    from newscheck.markers import find_markers

    expected = set(find_markers("Laut Regierungskreisen soll die Zahl bei rund 5.000 liegen.")["marker_id"])
    return table_ids(answer, "marker_id", expected, "the finder's result", "markers",
                      "Call `find_markers(\"Laut Regierungskreisen soll die Zahl bei rund 5.000 liegen.\")` with "
                      "the sentence exactly as given.")
