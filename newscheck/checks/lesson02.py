"""Checks for exercises 02 (exercises/source/02_who_says_what.ipynb): markers found by hand, with pandas and with
the marker finder, on material lesson 02 does not show: a sentence of the dpa report, another word, the body only."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from newscheck.checks.answers import (N_, Feedback, _, compare_ids, edition_labels, ids, kind, ngettext, number_text, right,
                                      table, table_ids, task, wrong)

#: Task 1: the sentence of the dpa report (data/agency_alignment.csv, agency_id) whose markers are found by hand.
TASK_1_AGENCY_ID = "C02"
#: Task 2: the word to find with pandas.
TASK_2_WORD = "bereits"
#: The sentence of task 4, as the exercise gives it.
TASK_4_SENTENCE = "Laut Regierungskreisen soll die Zahl bei rund 5.000 liegen."


def agency_sentence(agency_id: str = TASK_1_AGENCY_ID) -> str:
    """The text of one dpa sentence, from data/agency_alignment.csv."""
    alignment = table("agency_alignment")
    return str(alignment.loc[alignment["agency_id"] == agency_id, "agency_span"].iloc[0])


def body_hits() -> pd.DataFrame:
    """The finder's hits in the body sentences of the article (task 3)."""
    from newscheck.markers import find_markers

    sentences = table("article_sentences")
    return find_markers(sentences[sentences["kind"] == "body"])


@task("02.1")
def markers_by_hand(answer: Any) -> Feedback:
    from newscheck.markers import find_markers

    marker_ids = set(table("markers_de")["marker_id"])
    given = ids(answer, N_("marker ids"), example='["M05", "M10"]', valid=marker_ids, column="marker_id")
    if isinstance(given, Feedback):
        return given
    expected = set(find_markers(agency_sentence())["marker_id"])
    sentences = table("article_sentences")
    article_hits = find_markers(sentences)
    for sentence_id, hits in article_hits.groupby("sentence_id"):
        if given == set(hits["marker_id"]) and not given <= expected:
            return wrong(_("These are the markers of the article's sentence {sentence}. The task asks for the dpa "
                           "sentence quoted in the task: read that one word by word.").format(sentence=sentence_id))
    return compare_ids(given, expected, N_("marker ids"),
                       N_("Read the dpa sentence word by word against the lexicon: a verb that reports what someone "
                          "said, and words that make a number a bound."), yours=N_("Your marker id"))


@task("02.2")
def word_with_pandas(answer: Any) -> Feedback:
    sentences = table("article_sentences")
    given = ids(answer, N_("sentence ids"), example='["S1", "S2"]', valid=set(sentences["sentence_id"]),
                column="sentence_id")
    if isinstance(given, Feedback):
        return given
    expected = set(sentences.loc[sentences["text_de"].str.contains(r"\b" + TASK_2_WORD + r"\b", regex=True), "sentence_id"])
    return compare_ids(given, expected, N_("sentence ids"),
                       N_("Use `sentences[\"text_de\"].str.contains(r\"\\bbereits\\b\")` as a filter and list the "
                          "sentence_id column."), yours=N_("Your sentence id"))


def _as_counts(answer: Any) -> Any:
    """value_counts() written differently (a one-column table, a dict, a two-column table of labels and counts) as a
    Series; anything else unchanged."""
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        return answer.iloc[:, 0]
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 2:  # value_counts().reset_index()
        labels, counts = answer.iloc[:, 0], answer.iloc[:, 1]
        if (not pd.api.types.is_numeric_dtype(labels) and pd.api.types.is_numeric_dtype(counts)
                and not pd.api.types.is_bool_dtype(counts) and not labels.duplicated().any()):
            return pd.Series(counts.to_numpy(), index=labels.astype(str).to_numpy())
    if isinstance(answer, dict):
        return pd.Series(answer)
    return answer


def _why_fewer_than_in_the_lesson() -> str:
    """For a right answer to task 3, which asks why a category has fewer hits than in lesson 02: the hits that lesson
    02 counts and the body does not, computed from data/ (here the question mark of the headline, printed twice).
    Empty if there are none."""
    from newscheck.markers import find_markers

    sentences = table("article_sentences")
    others = find_markers(sentences[sentences["kind"] != "body"])
    if others.empty:
        return ""
    labels = edition_labels("markers_de", "category")
    kinds = dict(zip(sentences["sentence_id"], sentences["kind"]))
    headlines = sentences.loc[sentences["kind"] == "headline", "text_de"]
    parts = []
    for category, hits in others.groupby("category", sort=False):
        name = labels.get(category, category)
        matches = " / ".join(dict.fromkeys(str(match) for match in hits["match"]))
        count = len(hits)
        if all(kinds[sentence] == "headline" for sentence in hits["sentence_id"]) and len(headlines) > 1 \
                and headlines.nunique() == 1:
            parts.append(ngettext("The category '{category}' has {count} hit fewer than in the lesson: the '{matches}' of "
                                  "the headline, which the text prints twice.",
                                  "The category '{category}' has {count} hits fewer than in the lesson: the '{matches}' of "
                                  "the headline, which the text prints twice.", count).format(
                                      category=name, count=number_text(count), matches=matches))
        else:
            parts.append(ngettext("The category '{category}' has {count} hit fewer than in the lesson: '{matches}', in "
                                  "the lines before the body.",
                                  "The category '{category}' has {count} hits fewer than in the lesson: '{matches}', in "
                                  "the lines before the body.", count).format(category=name, count=number_text(count), matches=matches))
    return " " + " ".join(parts)


@task("02.3")
def per_category(answer: Any) -> Feedback:
    from newscheck.markers import find_markers

    answer = _as_counts(answer)
    if not isinstance(answer, pd.Series):
        return wrong(_("You gave {kind}; the answer is one count per category, as `value_counts()` gives it (a "
                       "Series).").format(kind=kind(answer)))
    hits = body_hits()
    expected = hits["category"].value_counts()
    if answer.empty:
        return wrong(_("Your Series is empty: run the finder on the body sentences, then count the column 'category'."))
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
                       "finder's hits for the body sentences of the article."))
    values = answer.set_axis([str(label) for label in answer.index]).reindex(expected.index).astype(float)
    if (values == expected).all():
        return right(_("{hits} hits in {categories} categories, in the body.").format(
            hits=number_text(int(expected.sum())), categories=number_text(len(expected))) + _why_fewer_than_in_the_lesson())
    share = expected / expected.sum()
    if np.allclose(values, share, atol=0.005) or np.allclose(values, share * 100, atol=0.5):
        return wrong(_("These are shares (normalize=True or percentages); the task asks for counts. Leave out "
                       "`normalize=True`."))
    everything = find_markers(table("article_sentences"))["category"].value_counts().reindex(expected.index)
    if (values == everything).all():
        return wrong(_("These are the counts for every line of the article, the headlines too (lesson 02 shows them). "
                       "Keep only the body sentences (kind \"body\") before you run the finder."))
    lexicon = table("markers_de")["category"].value_counts().reindex(expected.index)
    if (values == lexicon).all():
        return wrong(_("You counted the lexicon's entries (`markers`), not the finder's hits. Run `find_markers` on the "
                       "body sentences and count the column 'category' of what it returns."))
    if (values == hits.groupby("category")["sentence_id"].nunique().reindex(expected.index)).all():
        return wrong(_("You counted sentences per category; count the hits: each row of the finder's result once."))
    if values.sum() > expected.sum():
        return wrong(_("The categories are right but some counts are too large. Count each hit of the finder once, for "
                       "the body sentences only."))
    return wrong(_("The categories are right but some counts are too small. Did you run the finder on every body "
                   "sentence?"))


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
                     unique=False, yours=N_("The marker in your table"),
                     series_hint=N_("Store the finder's result itself, `new_hits = find_markers(...)`, without "
                                    "choosing a column."))
