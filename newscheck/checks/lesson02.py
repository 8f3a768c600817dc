"""Checks for exercises 02 (exercises/source/02_who_says_what.ipynb): markers found by hand, with pandas and with
the marker finder."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from newscheck.checks.answers import (N_, Feedback, _, compare_ids, ids, kind, markers_in, right, table, table_ids,
                                      task, wrong)

#: The sentence of task 4, as the exercise gives it.
TASK_4_SENTENCE = "Laut Regierungskreisen soll die Zahl bei rund 5.000 liegen."


def _hits() -> pd.DataFrame:
    from newscheck.markers import find_markers

    return find_markers(table("article_sentences"))


@task("02.1")
def markers_s3(answer: Any) -> Feedback:
    marker_ids = set(table("markers_de")["marker_id"])
    given = ids(answer, N_("marker ids"), example='["M05", "M10"]', valid=marker_ids)
    if isinstance(given, Feedback):
        return given
    return compare_ids(given, markers_in("S3"), N_("marker ids"),
                       N_("Read S3 word by word against the lexicon: a verb of saying, a Konjunktiv I form, a hedge "
                          "and a passive without an agent."))


@task("02.2")
def koennte(answer: Any) -> Feedback:
    sentences = table("article_sentences")
    given = ids(answer, N_("sentence ids"), example='["S1", "S2"]', valid=set(sentences["sentence_id"]))
    if isinstance(given, Feedback):
        return given
    expected = set(sentences.loc[sentences["text_de"].str.contains(r"\bkönnte\b", regex=True), "sentence_id"])
    return compare_ids(given, expected, N_("sentence ids"),
                       N_("Use `sentences[\"text_de\"].str.contains(r\"\\bkönnte\\b\")` as a filter and list the "
                          "sentence_id column."))


@task("02.3")
def per_category(answer: Any) -> Feedback:
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0]
    if isinstance(answer, dict):
        answer = pd.Series(answer)
    if not isinstance(answer, pd.Series):
        return wrong(_("You gave {kind}; the answer is one count per category, as `value_counts()` gives it (a "
                       "Series).").format(kind=kind(answer)))
    hits = _hits()
    expected = hits["category"].value_counts()
    if answer.empty:
        return wrong(_("Your Series is empty: run the finder on all sentences, then count the column 'category'."))
    if not pd.api.types.is_numeric_dtype(answer) or pd.api.types.is_bool_dtype(answer):
        if set(answer.astype(str)) <= set(expected.index):
            return wrong(_("This is the column of categories itself, one row per hit. Count it: `.value_counts()` "
                           "gives one count per category."))
        return wrong(_("Your Series holds text, not counts. Count the column 'category' with `.value_counts()`."))
    labels = {str(label) for label in answer.index}
    if labels != set(expected.index):
        for column in ("marker_id", "sentence_id", "marker"):
            if labels == {str(value) for value in hits[column]}:
                return wrong(_("You counted per {column}; count per category: the column 'category' of the hits.").format(column=column))
        return wrong(_("The categories are not the ones the finder reports. Count the column 'category' of the "
                       "finder's hits for all sentences of the article."))
    values = answer.set_axis([str(label) for label in answer.index]).reindex(expected.index).astype(float)
    if (values == expected).all():
        return right(_("{hits} hits in {categories} categories.").format(hits=int(expected.sum()), categories=len(expected)))
    share = expected / expected.sum()
    if np.allclose(values, share, atol=0.005) or np.allclose(values, share * 100, atol=0.5):
        return wrong(_("These are shares (normalize=True or percentages); the task asks for counts. Leave out "
                       "`normalize=True`."))
    if (values == hits.groupby("category")["sentence_id"].nunique().reindex(expected.index)).all():
        return wrong(_("You counted sentences per category; count the hits: each row of the finder's result once."))
    if values.sum() > expected.sum():
        return wrong(_("The categories are right but some counts are too large. Count each hit of "
                       "`find_markers(sentences)` once, for the article's sentences."))
    return wrong(_("The categories are right but some counts are too small. Did you run the finder on every sentence "
                   "(all of `sentences`)?"))


@task("02.4")
def new_sentence_hits(answer: Any) -> Feedback:
    from newscheck.markers import find_markers

    if isinstance(answer, str):
        return wrong(_("You gave text. Run the finder on the sentence and store what it returns: "
                       "new_hits = find_markers(\"…\")."))
    expected = set(find_markers(TASK_4_SENTENCE)["marker_id"])
    if isinstance(answer, pd.DataFrame) and "marker_id" in answer.columns and "match" not in answer.columns:
        return wrong(_("This table has no column 'match': it is not what the finder returns. Store the result of "
                       "`find_markers(...)` itself."))
    return table_ids(answer, "marker_id", expected, N_("the finder's result"), N_("markers"),
                     N_("Call `find_markers(...)` with the sentence exactly as given (copy it, with its capitals)."),
                     empty=N_("The table is empty: the finder found no marker. Call `find_markers(...)` with the "
                              "sentence exactly as given, in quotes, and store what it returns."),
                     unique=False)
