"""Exercise 02 (exercises/source/02_who_says_what.ipynb): markers found by hand, with pandas and with the marker finder,
on material lesson 02 does not show: a sentence of the dpa report, another word, the body only. The checks, then the
answers they are tested with (`cases`) and what keeps the exercise sound (`problems`)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from newscheck.checks.cases import Case, accepts, notebook_cells, rejects
from newscheck.checks.frames import table_ids
from newscheck.checks.ids import compare_ids, ids
from newscheck.checks.kinds import kind
from newscheck.checks.registry import Feedback, right, task, wrong
from newscheck.formats import number_text
from newscheck.i18n import N_, _, ngettext
from newscheck.tables import edition_labels, load_table

#: The exercise notebook these checks belong to.
NOTEBOOK = "exercises/source/02_who_says_what.ipynb"

#: Task 1: the sentence of the dpa report (data/agency_alignment.csv, agency_id) whose markers are found by hand.
TASK_1_AGENCY_ID = "dpa-L02"
#: Task 2: the word to find with pandas.
TASK_2_WORD = "bereits"
#: The sentence of task 4, as the exercise gives it.
TASK_4_SENTENCE = "Laut Regierungskreisen soll die Zahl bei rund 5.000 liegen."


def agency_sentence(agency_id: str = TASK_1_AGENCY_ID) -> str:
    """The text of one dpa sentence, from data/agency_alignment.csv."""
    alignment = load_table("agency_alignment")
    return str(alignment.loc[alignment["agency_id"] == agency_id, "agency_span"].iloc[0])


def body_hits() -> pd.DataFrame:
    """The finder's hits in the body sentences of the article (task 3)."""
    from newscheck.markers import find_markers

    sentences = load_table("article_sentences")
    return find_markers(sentences[sentences["kind"] == "body"])


@task("02.1")
def markers_by_hand(answer: Any) -> Feedback:
    from newscheck.markers import find_markers

    marker_ids = set(load_table("markers_de")["marker_id"])
    given = ids(answer, N_("marker ids"), example='["M05", "M10"]', valid=marker_ids, column="marker_id")
    if isinstance(given, Feedback):
        return given
    expected = set(find_markers(agency_sentence())["marker_id"])
    sentences = load_table("article_sentences")
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
    sentences = load_table("article_sentences")
    if isinstance(answer, (list, tuple, set, pd.Series, np.ndarray)) and len(answer) == 0:
        # the learner's review: a search that found nothing ("Bereits") was only told to give a list
        return wrong(_("Your list is empty: your search found no sentence. Print what you search for and compare it "
                       "with the word in the task, letter by letter: `str.contains` tells capitals apart."))
    given = ids(answer, N_("sentence ids"), example='["S1", "S2"]', valid=set(sentences["sentence_id"]),
                column="sentence_id")
    if isinstance(given, Feedback):
        return given
    expected = set(sentences.loc[sentences["text_de"].str.contains(r"\b" + TASK_2_WORD + r"\b", regex=True), "sentence_id"])
    return compare_ids(given, expected, N_("sentence ids"),
                       N_("Hints 1 and 2 of the task show how to keep the sentences that contain a word and list "
                          "their ids; search for the whole word."), yours=N_("Your sentence id"))


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
    if isinstance(answer, pd.Series) and isinstance(answer.index, pd.MultiIndex) and answer.index.nlevels == 1:
        return answer.set_axis(answer.index.get_level_values(0))  # hits[["category"]].value_counts()
    return answer


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
        german = {label: code for code, label in edition_labels("markers_de", "category").items()}
        if not german:
            vocabulary = load_table("vocabulary")
            rows = vocabulary[(vocabulary["table"] == "markers_de") & (vocabulary["column"] == "category")]
            german = dict(zip(rows["label_de"].astype(str), rows["code"].astype(str)))
        if labels <= set(german):  # issue #21: German category names got no help
            return wrong(_("Your labels are the German names of the categories; the finder's column 'category' holds "
                           "their codes (such as {example}). Count that column.").format(example=sorted(expected.index)[0]))
        # issue #21: "not the categories the finder reports" was said of the finder's own categories
        return wrong(_("Your categories are not those of the finder's hits in the body sentences: count the column "
                       "'category' of those hits (Hint 1 of the task shows how to get them)."))
    values = answer.set_axis([str(label) for label in answer.index]).reindex(expected.index).astype(float)
    if (values == expected).all():  # issue #21: the message no longer answers the task's question itself
        return right(_("{hits} hits in {categories} categories, in the body. Now compare with lesson 02's counts to "
                       "answer the task's question.").format(hits=number_text(int(expected.sum())),
                                                             categories=number_text(len(expected))))
    share = expected / expected.sum()
    if np.allclose(values, share, atol=0.005) or np.allclose(values, share * 100, atol=0.5):
        return wrong(_("These are shares (normalize=True or percentages); the task asks for counts. Leave out "
                       "`normalize=True`."))
    everything = find_markers(load_table("article_sentences"))["category"].value_counts().reindex(expected.index)
    if (values == everything).all():
        return wrong(_("These are the counts for every line of the article, the headlines too (lesson 02 shows them). "
                       "Keep only the body sentences (kind \"body\") before you run the finder."))
    lexicon = load_table("markers_de")["category"].value_counts().reindex(expected.index)
    if (values == lexicon).all():
        return wrong(_("You counted the lexicon's entries (`markers`), not the finder's hits. Run `find_markers` on the "
                       "body sentences and count the column 'category' of what it returns."))
    if (values == hits.groupby("category")["sentence_id"].nunique().reindex(expected.index)).all():
        return wrong(_("You counted sentences per category; count the hits: each row of the finder's result once."))
    sentences = load_table("article_sentences")
    body = sentences[sentences["kind"] == "body"]
    joined = find_markers(" ".join(body["text_de"]))["category"].value_counts()
    if set(joined.index) == set(expected.index) and (values == joined.reindex(expected.index)).all():
        # the learner's review: the body joined into one text (as exercise 01 joins it) was told "too large"
        return wrong(_("You ran the finder on the body as one joined text. The finder reads a text it is given as "
                       "one sentence, so words of different sentences meet. Run it on the table of body sentences "
                       "(Hint 1 of the task)."))
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


# --- the answers the checks are tested with --------------------------------------------------------------------------

def cases() -> list[Case]:
    """Right answers written the ways learners write them, and wrong ones with the hint each must get, computed from
    data/ with the finder as the solutions do."""
    from newscheck.markers import find_markers

    sentences = load_table("article_sentences")
    alignment = load_table("agency_alignment")
    hits = find_markers(sentences)
    s3 = sorted(hits.loc[hits["sentence_id"] == "S3", "marker_id"])  # lesson 02 shows them: the old task 1
    s2 = sorted(hits.loc[hits["sentence_id"] == "S2", "marker_id"])
    dpa = alignment.loc[alignment["agency_id"] == TASK_1_AGENCY_ID, "agency_span"].iloc[0]  # dpa's sentence with the figure
    dpa_markers = sorted(find_markers(dpa)["marker_id"])
    others = sorted(set(load_table("markers_de")["marker_id"]) - set(dpa_markers))
    koennte = sentences["text_de"].str.contains(r"\bkönnte\b")  # lesson 02 shows it: the old task 2
    bereits = sentences["text_de"].str.contains(r"\bbereits\b")
    with_bereits = sentences.loc[bereits, "sentence_id"].tolist()
    body = find_markers(sentences[sentences["kind"] == "body"])
    per_category = body["category"].value_counts()  # task 3: the body only
    all_lines = hits["category"].value_counts()  # lesson 02 shows these: the old task 3
    new_hits = find_markers(TASK_4_SENTENCE)
    vocabulary = load_table("vocabulary")
    names = vocabulary[(vocabulary["table"] == "markers_de") & (vocabulary["column"] == "category")]
    german_names = dict(zip(names["code"], names["label_de"]))
    first_twelve = sentences[sentences["sentence_id"].isin(["S" + str(n) for n in range(1, 13)])]
    both = new_hits["marker_id"].nunique() == 2
    return [
        # 02.1: the markers of dpa's sentence dpa-L02, by hand (was S3, whose markers lesson 02 prints)
        accepts("02.1", dpa_markers, "Both marker ids found.", says_de="Beide Signalwort-Kennungen gefunden.",
                never_says=("All 2 ",)),
        rejects("02.1", [m.lower() + " " for m in dpa_markers], "exactly as the table does"),  # issue #21
        accepts("02.1", tuple(reversed(dpa_markers)), "found"),
        accepts("02.1", np.array(dpa_markers), "found"),
        accepts("02.1", find_markers(dpa)["marker_id"], "found"),
        accepts("02.1", set(dpa_markers), "found"),
        rejects("02.1", [m[0] + m[1:].lstrip("0") for m in dpa_markers], "two digits"),  # issue #10: "2 should not be there"
        # review: one id given and right was "1 of your 1"
        rejects("02.1", dpa_markers[:1], "Your marker id is right, but 1 is still missing.",
                says_de="Deine Signalwort-Kennung stimmt, aber es fehlt noch 1.", never_says=("of your 1",)),
        rejects("02.1", dpa_markers + ["M03"], "should not be there"),
        rejects("02.1", ["M05", "M10"], "should not be there"),  # the task's example, copied
        rejects("02.1", s3, "the article's sentence S3"),  # copied from lesson 02
        rejects("02.1", s2, "the article's sentence S2"),  # the article's version of the same figure
        rejects("02.1", ["M08", "M99"], "'M99' is not one of the marker ids"),
        rejects("02.1", ["bezifferte", "mehr als"], "not among the marker ids"),
        rejects("02.1", ["attribution", "hedge"], "not among the marker ids"),
        rejects("02.1", "M08", "give a list"),
        rejects("02.1", "M08, M24", "one piece of text"),
        rejects("02.1", [", ".join(dpa_markers)], "in quotes of its own"),  # the learner's review: "is not one of the ids"
        rejects("02.1", [8, 24], "text in quotes"),
        rejects("02.1", [], "empty"),
        rejects("02.1", find_markers(dpa), "You gave a table"),
        rejects("02.1", {"M08": 1}, "dictionary"),
        rejects("02.1", others[:1], "Your marker id is not right; 2 are still missing.",
                says_de="Deine Signalwort-Kennung stimmt nicht; es fehlen noch 2."),
        rejects("02.1", dpa_markers + others[:1], "2 of your 3 marker ids are right; 1 should not be there.",
                says_de="2 deiner 3 Signalwort-Kennungen stimmen; 1 gehört nicht dazu."),
        rejects("02.1", dpa_markers[:1] + others[:1], "1 of your 2 marker ids is right; 1 should not be there; 1 is "
                "still missing.", says_de="1 deiner 2 Signalwort-Kennungen stimmt; 1 gehört nicht dazu; es fehlt noch 1."),
        # 02.2: the sentences with 'bereits' (was 'könnte', which lesson 02's finder output shows in S12)
        accepts("02.2", with_bereits, "found"),
        rejects("02.2", [s.lower() for s in with_bereits], "exactly as the table does"),  # issue #21: was accepted
        rejects("02.2", with_bereits + with_bereits[:1], "more than once"),
        accepts("02.2", sentences.loc[bereits, "sentence_id"], "found"),
        accepts("02.2", sentences.loc[bereits, "sentence_id"].to_numpy(), "found"),
        accepts("02.2", tuple(reversed(with_bereits)), "found"),
        rejects("02.2", bereits, "True/False values"),
        rejects("02.2", sentences[bereits], "You gave a table"),
        rejects("02.2", sentences.loc[bereits, "text_de"].tolist(), "not among the sentence ids"),
        rejects("02.2", with_bereits[0], "give a list"),
        rejects("02.2", with_bereits[:1], "still missing"),
        rejects("02.2", ["S5"] + with_bereits, "should not be there"),
        rejects("02.2", sentences.loc[koennte, "sentence_id"].tolist(), "still missing"),  # the old answer
        rejects("02.2", [12], "text in quotes"),
        rejects("02.2", 3, "You gave a whole number"),  # plain-language type names
        rejects("02.2", sentences.index[bereits].tolist(), "row numbers"),  # review: was pushed to write ["15"]
        # the learner's review: a search that found nothing (capital B) was only told to give a list
        rejects("02.2", sentences.loc[sentences["text_de"].str.contains("Bereits"), "sentence_id"].tolist(),
                "found no sentence"),
        rejects("02.2", with_bereits + with_bereits[:1], "in your answer (a list)", never_says=("your a list",)),
        # 02.3: hits per category in the body (was every line, which lesson 02 prints)
        accepts("02.3", per_category, "compare with lesson 02's counts", never_says=("fewer than in the lesson",)),
        accepts("02.3", body.groupby("category").size(), "hits in"),
        accepts("02.3", per_category.to_frame(), "hits in"),
        accepts("02.3", dict(per_category), "hits in"),
        accepts("02.3", per_category.sort_index(), "hits in"),
        accepts("02.3", per_category.reset_index(), "hits in"),  # review: one count per category, as a table
        accepts("02.3", body[["category"]].value_counts(), "hits in"),  # the learner's review: "not the categories"
        # the learner's review: the body as one text (joined as exercise 01 joins it) was told "too large"
        rejects("02.3", find_markers(" ".join(sentences.loc[sentences["kind"] == "body", "text_de"]))["category"]
                .value_counts(), "one joined text"),
        rejects("02.3", all_lines, "the headlines too"),  # copied from lesson 02
        rejects("02.3", body["category"].value_counts(normalize=True), "shares"),  # issue #10: "run the finder on every sentence"
        rejects("02.3", body["category"].value_counts(normalize=True) * 100, "shares"),
        rejects("02.3", per_category.astype(str), "holds text, not counts"),  # issue #10: strings
        rejects("02.3", body["category"], "the column of categories itself"),
        rejects("02.3", body["marker_id"].value_counts(), "per marker_id"),
        rejects("02.3", body.groupby("category")["sentence_id"].nunique(), "sentences per category"),
        rejects("02.3", load_table("markers_de")["category"].value_counts(), "the lexicon's entries"),  # review
        rejects("02.3", find_markers(first_twelve)["category"].value_counts(), "too small"),
        rejects("02.3", per_category * 2, "too large"),
        rejects("02.3", per_category.rename(index=german_names), "German names of the categories"),  # issue #21
        rejects("02.3", per_category.drop(per_category.index[-1]), "not those of the finder's hits",
                never_says=("not the ones the finder reports",)),
        rejects("02.3", pd.Series(dtype=int), "empty"),
        rejects("02.3", per_category.tolist(), "one count per category"),
        # the learner's review: `.unique()` of a text column (a pandas array) was "a value of type StringArray"
        rejects("02.3", body["category"].unique(), "You gave an array", never_says=("type",)),
        rejects("02.3", body, "one count per category"),
        rejects("02.3", per_category.to_frame().T, "one count per category"),
        # 02.4: the finder on a sentence of one's own
        accepts("02.4", new_hits, "Both markers found." if both else "markers found.",
                says_de="Beide Signalwörter gefunden." if both else "Signalwörter gefunden.", never_says=("All 2 ",)),
        accepts("02.4", new_hits[["marker_id", "category", "match"]], "found"),
        rejects("02.4", find_markers(""), "the finder found no marker"),  # issue #10: was "your filter", but there is none
        rejects("02.4", TASK_4_SENTENCE, "Run the finder"),
        rejects("02.4", find_markers(TASK_4_SENTENCE.replace("rund ", "")), "still missing"),  # issue #19: lower case is read too
        rejects("02.4", find_markers("Die Zahl soll gestiegen sein."), "still missing"),
        rejects("02.4", new_hits["marker_id"].tolist(), "should be a table"),
        rejects("02.4", new_hits["marker_id"], "Store the finder's result itself"),  # review: was "use double brackets"
        rejects("02.4", new_hits[["category", "match"]], "lacks the column 'marker_id'"),
        rejects("02.4", load_table("markers_de").loc[lambda m: m["marker_id"].isin(new_hits["marker_id"])],
                "not what the finder returns"),
    ]


def problems() -> list[str]:
    """What is wrong with the exercise's design (empty if nothing): the answers are not in lesson 02's outputs, the
    task's example is not part of the answer, and task 1 quotes the dpa sentence of the data exactly."""
    from newscheck.markers import find_markers

    found = []
    sentences = load_table("article_sentences")
    dpa = agency_sentence()
    if {"M05", "M10"} & set(find_markers(dpa)["marker_id"]):
        found.append("the example of task 1 is part of its answer")
    # review: lesson 02 printed the markers of S3, the sentences with 'könnte' and every line's counts per category
    shown = "\n".join(str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", ""))
                      for cell in notebook_cells("notebooks/02_who_says_what.ipynb") if cell["cell_type"] == "code"
                      for output in cell.get("outputs", []))
    if dpa in shown or "bezifferte" in shown:
        found.append("lesson 02 shows the dpa sentence of task 1")
    if TASK_2_WORD in [line.split(": ")[-1] for line in shown.splitlines() if line.startswith("match:")]:
        found.append("lesson 02 shows the word of task 2 as a match")
    body = body_hits()["category"].value_counts()
    if body.equals(find_markers(sentences)["category"].value_counts()):
        found.append("task 3's counts (body only) are the counts lesson 02 prints")
    task_1 = next(c["source"] for c in notebook_cells(NOTEBOOK) if c["cell_type"] == "markdown"
                  and c["source"].startswith("## Task 1"))
    if "> " + dpa not in task_1:
        found.append("task 1 does not quote the dpa sentence of data/agency_alignment.csv exactly")
    return found
