"""Exercise 03 (exercises/source/03_tabulate_the_claims.ipynb): the article beside the dpa report it follows
(agency_alignment), filtering and cross-tabulating the claims table, and writing a row of one's own. The checks, then
the answers they are tested with (`cases`)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from newscheck.checks.cases import Case, accepts, rejects
from newscheck.checks.frames import frame, table_ids
from newscheck.checks.ids import compare_ids, ids
from newscheck.checks.kinds import kind
from newscheck.checks.registry import Feedback, right, task, wrong
from newscheck.formats import number_text
from newscheck.i18n import N_, _, ngettext
from newscheck.tables import allowed_values, load_table

#: The exercise notebook these checks belong to.
NOTEBOOK = "exercises/source/03_tabulate_the_claims.ipynb"

#: The columns task 3 asks for.
NEW_CLAIM_COLUMNS = ["sentence_id", "span_de", "speaker_type", "claim_kind", "checkable", "true_verdict"]


#: Task 1: the relation whose rows are asked for.
TASK_1_RELATION = "softened"
#: Task 2: the relations by which a statement lost its speaker (it was on the record in the dpa text).
LOST_SPEAKER = ["made_hearsay", "attribution_dropped"]
#: Columns other than pair_id by which a row of the alignment can be recognised (task 1).
ALIGNMENT_KEYS = ["agency_id", "agency_span", "article_span"]


@task("03.1")
def softened_spans(answer: Any) -> Feedback:
    alignment = load_table("agency_alignment")
    given = frame(answer, [], N_("your filtered alignment"), table_name="alignment")
    if isinstance(given, Feedback):
        return given
    if "relation" in given.columns:
        relations = {str(value) for value in given["relation"].dropna()}
        if relations == {"dropped"}:
            return wrong(_("These are the rows the article dropped, the filter of lesson 03. The task asks for the rows "
                           "whose relation is \"softened\"."))
        if relations - {TASK_1_RELATION}:
            others = ", ".join(sorted(relations - {TASK_1_RELATION}))
            return wrong(_("Your table also has rows with the relation {others}. Keep only the rows whose relation is "
                           "\"softened\".").format(others=others))
    expected = set(alignment.loc[alignment["relation"] == TASK_1_RELATION, "pair_id"])
    return table_ids(given, "pair_id", expected, N_("your filtered alignment"), N_("softened spans"),
                     N_("Keep the rows of `alignment` whose column relation is \"softened\"."),
                     source=alignment, keys=ALIGNMENT_KEYS, table_name="alignment", yours=N_("The span in your table"))


@task("03.2")
def lost_speaker(answer: Any) -> Feedback:
    alignment = load_table("agency_alignment")
    valid = set(load_table("article_sentences")["sentence_id"])
    given = ids(answer, N_("sentence ids"), '["S1", "S2"]', valid=valid, column="sentence_id")
    if isinstance(given, Feedback):
        return given
    expected = set(alignment.loc[alignment["relation"].isin(LOST_SPEAKER), "sentence_id"])
    for relation in LOST_SPEAKER:
        only = set(alignment.loc[alignment["relation"] == relation, "sentence_id"])
        if given == only and only != expected:
            return wrong(_("These are the sentences with the relation \"{relation}\" only; the task asks for both "
                           "made_hearsay and attribution_dropped (Hint 1 of the task).").format(relation=relation))
    return compare_ids(given, expected, N_("sentences"),
                       N_("Two relations count, made_hearsay and attribution_dropped: Hint 1 of the task shows how to "
                          "keep the rows with either, Hint 2 how to list their sentences, each once."),
                       yours=N_("Your sentence"))


@task("03.3")
def checkable_by_article(answer: Any) -> Feedback:
    claims = load_table("claims")
    expected = set(claims.loc[claims["checkable"] & (claims["speaker_type"] == "article"), "claim_id"])
    return table_ids(answer, "claim_id", expected, N_("your filtered claims"), N_("claims"),
                     N_("Both conditions must hold at once: the claim is checkable, and the article itself makes it "
                        "(Hint 1 of the task)."), table_name="claims", yours=N_("The claim in your table"))


def _source_column(labels: set[str], claims: pd.DataFrame) -> str | None:
    """The column of claims whose values are exactly these labels, if there is one."""
    for column in claims.columns:
        if labels == {str(value) for value in claims[column].dropna().unique()}:
            return column
    return None


@task("03.4")
def kind_by_verdict(answer: Any) -> Feedback:
    if isinstance(answer, pd.Series) and isinstance(answer.index, pd.MultiIndex):
        return wrong(_("You gave a single column with two levels (a Series). `pd.crosstab(rows, columns)` gives the "
                       "table; a `groupby(...).size()` becomes one with `.unstack(fill_value=0)`."))
    if not isinstance(answer, pd.DataFrame):
        return wrong(_("You gave {kind}; `pd.crosstab(...)` gives a table (a DataFrame).").format(kind=kind(answer)))
    claims = load_table("claims")
    expected = pd.crosstab(claims["claim_kind"], claims["true_verdict"])
    if answer.empty:
        return wrong(_("Your table is empty. Count the whole claims table: kinds of claim as rows, true_verdict as "
                       "columns."))
    given = answer.copy()
    names = {str(column) for column in given.columns} | {str(name) for name in given.index.names if name}
    if "claim_id" in names:  # the learner's review: the claims table itself was called "one row per pair"
        return wrong(_("You gave the claims table itself, one row per claim. Count two of its columns against each "
                       "other, the kinds of claim as rows and the verdicts as columns (Hint 1 of the task)."))
    if {"claim_kind", "true_verdict"} <= names and len(names - {"claim_kind", "true_verdict"}) <= 1:
        # the learner's review: groupby(...).size().reset_index() was told to give claim_kind first
        return wrong(_("Your table has one row per pair of kind and verdict. The task asks for a cross-table: the kinds "
                       "of claim as rows, the verdicts as columns, a count in each cell (Hint 1 of the task)."))
    if "claim_kind" in [str(column) for column in given.columns] and "claim_kind" not in given.index.names:
        given = given.set_index(given.columns[[str(c) for c in given.columns].index("claim_kind")])  # reset_index()
    given.index, given.columns = [str(label) for label in given.index], [str(label) for label in given.columns]
    totals = [label for label in given.index if label in given.columns
              and label not in expected.index and label not in expected.columns]
    if totals:  # issue #21: totals as lesson 03 adds them (margins=True), also under another margins_name
        given = given.drop(index=totals).drop(columns=totals)
    rows, columns = set(given.index), set(given.columns)
    if rows == set(expected.columns) and columns == set(expected.index):
        return wrong(_("Rows and columns are swapped: give the kinds of claim first (rows), the verdicts second (columns)."))
    if rows < set(expected.index) or (rows == set(expected.index) and columns < set(expected.columns)):
        return wrong(_("Some kinds of claim or verdicts are missing: count the whole claims table, not a filtered part "
                       "of it."))
    if rows != set(expected.index):
        source = _source_column(rows, claims)
        if source:
            return wrong(_("Your rows are the values of {column}; the rows should be the kinds of claim (claim_kind).").format(column=source))
        return wrong(_("The rows should be the kinds of claim (claim_kind). Give that column first to `pd.crosstab`."))
    if columns != set(expected.columns):
        source = _source_column(columns, claims)
        if source:
            return wrong(_("Your columns are the values of {column}; the columns should be the verdicts of "
                           "true_verdict (is the content true?).").format(column=source))
        return wrong(_("The columns should be the verdicts of true_verdict. Give that column second to `pd.crosstab`."))
    try:
        counts = given.loc[expected.index, expected.columns].astype(float).fillna(0)
    except (TypeError, ValueError):
        return wrong(_("Your table holds something other than counts. Count with `pd.crosstab(...)`."))
    if (counts == expected).all().all():
        return right(_("Every kind of claim against every verdict, counted."))
    said = pd.crosstab(claims["claim_kind"], claims["said_verdict"]).reindex(index=expected.index, columns=expected.columns, fill_value=0)
    if (counts == said).all().all():
        return wrong(_("These are the counts for said_verdict (did the source say it?). The task asks for true_verdict "
                       "(is the content true?)."))
    if not np.all(np.mod(counts.to_numpy(), 1) == 0):
        # the learner's review: percentages worked out by hand were told to leave out normalize=
        return wrong(_("These are shares or percentages, not counts: count with `pd.crosstab(...)`, without "
                       "`normalize=` and without dividing."))
    for column in claims.columns:  # the learner's review: a pivot_table summing a column was blamed on a filter
        if pd.api.types.is_bool_dtype(claims[column]) or pd.api.types.is_numeric_dtype(claims[column]):
            sums = pd.crosstab(claims["claim_kind"], claims["true_verdict"], values=claims[column].astype(float),
                               aggfunc="sum").reindex(index=expected.index, columns=expected.columns).fillna(0)
            if (counts == sums).all().all():
                return wrong(_("These are sums of the column {column}, not counts of claims. Count the rows: "
                               "`pd.crosstab(...)` counts without `values=` (Hint 1 of the task).").format(column=column))
    if counts.to_numpy().sum() < len(claims):
        return wrong(ngettext("Your table counts {counted} claim, but the claims table has {total}: use the whole "
                              "table, not a filtered part of it.",
                              "Your table counts {counted} claims, but the claims table has {total}: use the whole "
                              "table, not a filtered part of it.", int(counts.to_numpy().sum())).format(
                                  counted=number_text(int(counts.to_numpy().sum())), total=number_text(len(claims))))
    return wrong(_("Rows and columns are right but some counts are not: let pandas count the whole claims table "
                   "(Hint 1 of the task)."))


def _vocabulary(value: Any, column: str) -> str | None:
    """None if value is one of the values the claims table allows in column; otherwise what to change."""
    allowed = allowed_values("claims", column)
    if not isinstance(value, str):
        return _("{column} should be text in quotes, one of: {allowed}.").format(column=column, allowed=", ".join(allowed))
    if value in allowed:
        return None
    spelled = re.sub(r"[\s-]+", "_", value.strip().lower())
    if spelled in allowed:
        return _("{column}: write '{spelled}', as the table does (small letters, underscores); you wrote '{value}'.").format(
            column=column, spelled=spelled, value=value)
    return _("{column}: '{value}' is not one of the table's values ({allowed}).").format(
        column=column, value=value[:30], allowed=", ".join(allowed))


def _typed_by_load_table(dtype: Any) -> bool:
    """True for the column types load_table gives and pd.DataFrame([{...}]) does not: nullable boolean, and text
    whose missing value is pd.NA ('string'; a table made by hand has 'object' or 'str' columns)."""
    if isinstance(dtype, pd.BooleanDtype):
        return True
    return isinstance(dtype, pd.StringDtype) and getattr(dtype, "na_value", None) is pd.NA


@task("03.5")
def new_claim(answer: Any) -> Feedback:
    claims = load_table("claims")
    given = frame(answer, NEW_CLAIM_COLUMNS, N_("your new claim"), built=True,
                  empty=N_("Your table has no row: put one dictionary in the list, pd.DataFrame([{...}])."),
                  series_hint=N_("Make a table with one row: pd.DataFrame([{...}]), a list with one dictionary in it."))
    if isinstance(given, Feedback):
        return given
    course = claims[claims["sentence_id"] == "S9"]
    if len(given) > 1 and "claim_id" in given.columns and given["claim_id"].astype(str).isin(set(claims["claim_id"])).all():
        # the learner's review: the whole claims table was "This row is copied"
        return wrong(_("Your table is {rows} rows of the course's claims table. Make one row of your own, for a claim "
                       "of S9: pd.DataFrame([{{...}}]).").format(rows=number_text(len(given))))
    # A copy of the course's row keeps its id, its long texts, its row label or the types load_table gives (nullable
    # text and boolean columns, even after reset_index and astype(bool)); a table made by hand has none of these.
    copied = any(column in given.columns and given[column].astype(str).eq(str(course[column].iloc[0])).any()
                 for column in ("claim_id", "gloss_en", "how_to_check", "said_evidence", "true_evidence"))
    copied = copied or any(_typed_by_load_table(given[column].dtype) for column in NEW_CLAIM_COLUMNS)
    if copied or (len(given) == 1 and given.index[0] == course.index[0] != 0):
        return wrong(_("This row is copied from the course's claims table (claim {claim_id}). Decide each value yourself: build "
                       "the row with pd.DataFrame([{{...}}]), then compare.").format(claim_id=course["claim_id"].iloc[0]))
    if len(given) != 1:
        return wrong(ngettext("Your table has {rows} row; make one row, for one claim.",
                              "Your table has {rows} rows; make one row, for one claim.", len(given)).format(rows=number_text(len(given))))
    row = given.iloc[0]
    s9 = load_table("article_sentences").set_index("sentence_id").loc["S9", "text_de"]
    if str(row["sentence_id"]).strip().upper() != "S9":
        return wrong(_("The task asks for a claim from sentence S9: set sentence_id to \"S9\"."))
    span = row["span_de"]
    if (not isinstance(span, str) or len(span.split()) < 2
            or not re.search(r"(?<!\w)" + re.escape(span.strip()) + r"(?!\w)", s9)):
        return wrong(_("span_de must be words copied exactly from S9: whole words, at least two, with the same spelling "
                       "and capitals."))
    checkable = row["checkable"]
    if not isinstance(checkable, (bool, np.bool_)):
        return wrong(_("checkable must be True or False without quotes; you gave {kind}.").format(kind=kind(checkable)))
    problems = [problem for column in ("speaker_type", "claim_kind", "true_verdict")
                if (problem := _vocabulary(row[column], column))]
    if problems:
        return wrong(" ".join(problems))
    expected = course.iloc[0]
    questions = []
    if row["speaker_type"] != expected["speaker_type"]:
        questions.append(_("speaker_type: who asserts it, if the sentence names nobody?"))
    if row["claim_kind"] != expected["claim_kind"]:
        questions.append(_("claim_kind: is it a number, an event, a judgement, a forecast or an appeal?"))
    if bool(checkable) != bool(expected["checkable"]):
        questions.append(_("checkable: could any evidence settle whether the weapons 'contribute to an escalation'?"))
    if row["true_verdict"] != expected["true_verdict"]:
        questions.append(_("true_verdict: what verdict does a claim get that cannot be checked?"))
    if questions:
        return wrong(_("The row is well formed, but look again at {questions}").format(questions=" ".join(questions)))
    # the learner's review: a copy of the row made by hand-like conversions passes; say what the task is for
    return right(_("Your row agrees with the course's row for S9 (claim {claim_id}). If you copied it from `claims`, "
                   "the task is not done: cover that row, decide each value yourself, then compare.").format(
                       claim_id=expected["claim_id"]))


# --- the answers the checks are tested with --------------------------------------------------------------------------

def cases() -> list[Case]:
    """Right answers written the ways learners write them, and wrong ones with the hint each must get, computed from
    data/ with pandas as the solutions do."""
    alignment = load_table("agency_alignment")
    dropped = alignment[alignment["relation"] == "dropped"]  # lesson 03 shows this filter: the old task 1
    softened = alignment[alignment["relation"] == "softened"]  # task 1
    strength = alignment.loc[alignment["relation"].isin(["softened", "intensified"]), "sentence_id"]  # the old task 2
    lost_rows = alignment["relation"].isin(["made_hearsay", "attribution_dropped"])
    lost = alignment.loc[lost_rows, "sentence_id"]  # task 2
    lost_ids = sorted(lost.unique().tolist())
    hearsay_only = alignment.loc[alignment["relation"] == "made_hearsay", "sentence_id"]
    claims = load_table("claims")
    own_checkable = claims[claims["checkable"] & (claims["speaker_type"] == "article")]
    kind_by_verdict = pd.crosstab(claims["claim_kind"], claims["true_verdict"])
    course_s9 = claims[claims["sentence_id"] == "S9"]
    columns = ["sentence_id", "span_de", "speaker_type", "claim_kind", "checkable", "true_verdict"]

    def claim_row(**changes: Any) -> pd.DataFrame:
        """A row for S9 made by hand, as the task asks, from the course's values (read from data/, not typed in)."""
        row = {column: course_s9[column].iloc[0] for column in columns}
        row = {key: (bool(value) if key == "checkable" else str(value)) for key, value in row.items()}
        row.update(changes)
        return pd.DataFrame([row])

    n_soft, n_lost, n_own = len(softened), len(lost_ids), len(own_checkable)
    return [
        # 03.1: what the writer softened (was: dropped, which lesson 03 filters with the same code)
        accepts("03.1", softened, "All {} softened spans found.".format(n_soft),
                says_de="Alle {} abgeschwächten Stellen gefunden.".format(n_soft)),
        accepts("03.1", softened[["pair_id", "agency_span"]], "found"),
        accepts("03.1", alignment.query("relation == 'softened'"), "found"),
        accepts("03.1", softened.reset_index(drop=True), "found"),
        accepts("03.1", softened[["agency_id", "agency_span"]], "found"),  # review: the columns lesson 03 shows
        accepts("03.1", softened[["article_span", "agency_span"]], "found"),  # the columns the task says to read
        accepts("03.1", softened[["agency_span"]], "found"),  # review: "then read its agency_span column"
        accepts("03.1", softened.set_index("pair_id"), "found"),  # review: the id in the index
        accepts("03.1", softened[["article_span", "agency_span"]].reset_index(drop=True), "found"),
        rejects("03.1", softened[["relation"]].reset_index(drop=True), "lacks the column 'pair_id'"),  # nothing tells rows apart
        rejects("03.1", dropped, "the filter of lesson 03"),  # copied from lesson 03
        rejects("03.1", alignment[alignment["relation"] != "softened"], "Keep only the rows"),
        rejects("03.1", alignment, "Keep only the rows"),
        rejects("03.1", alignment[alignment["relation"].isin(["softened", "intensified"])], "intensified"),
        rejects("03.1", alignment[alignment["relation"] == "Softened"], "The table is empty"),
        rejects("03.1", softened.head(3), "still missing"),
        rejects("03.1", softened.head(1), "The span in your table is right, but {} are still missing.".format(n_soft - 1),
                says_de="Die Stelle in deiner Tabelle stimmt, aber es fehlen noch {}.".format(n_soft - 1)),
        rejects("03.1", softened.head(2), "Both of your softened spans are right, but {} are still missing.".format(n_soft - 2),
                says_de="Deine beiden abgeschwächten Stellen stimmen, aber es fehlen noch {}.".format(n_soft - 2)),
        rejects("03.1", softened.head(n_soft - 1), "All {} of your softened spans are right, but 1 is still missing.".format(
            n_soft - 1), says_de="Deine {} abgeschwächten Stellen stimmen alle, aber es fehlt noch 1.".format(n_soft - 1)),
        rejects("03.1", pd.concat([softened, softened]), "more than once"),
        rejects("03.1", softened["pair_id"].tolist(), "should be a table"),
        rejects("03.1", softened["agency_span"], "single column (a Series)"),
        rejects("03.1", alignment["relation"] == "softened", "alignment[mask]", never_says=("double brackets",)),  # review
        rejects("03.1", len(softened), "a table"),
        # the learner's review: the other course table was told to keep a column it never had
        rejects("03.1", claims, "table claims; the task works with `alignment`", never_says=("keep it",)),
        rejects("03.1", claims[claims["checkable"]], "table claims", never_says=("keep it",)),
        # 03.2: sentences whose statement lost its speaker (was: softened or intensified)
        accepts("03.2", lost_ids, "All {} sentences found.".format(n_lost), says_de="Alle {} Sätze gefunden.".format(n_lost)),
        accepts("03.2", lost.unique(), "All"),
        rejects("03.2", lost, "more than once"),  # issue #21: the task says "each id once"
        rejects("03.2", [s.lower() for s in lost.unique()], "exactly as the table does"),
        rejects("03.2", hearsay_only.unique().tolist()[:1] + lost_ids[:1], "", never_says=("isin(", ".unique()")),
        rejects("03.2", hearsay_only.unique().tolist(), "made_hearsay and attribution_dropped"),
        rejects("03.2", strength.unique().tolist(), "should not be there"),  # the old answer
        rejects("03.2", lost_ids[:1], "Your sentence is right, but {} are still missing.".format(n_lost - 1),
                says_de="Dein Satz stimmt, aber es fehlen noch {}.".format(n_lost - 1)),
        rejects("03.2", lost_ids[:2], "Both of your sentences are right, but {} ".format(n_lost - 2),
                says_de="Deine beiden Sätze stimmen, aber es fehlen noch {}".format(n_lost - 2)),
        rejects("03.2", lost_ids + ["S4"], "should not be there"),
        rejects("03.2", ["S2", "S99"], "not one of the sentence ids"),
        rejects("03.2", [lost_ids[0][0] + " " + lost_ids[0][1:]] + lost_ids[1:], "no spaces"),  # the learner's review
        rejects("03.2", "S2", "give a list"),
        rejects("03.2", alignment[lost_rows], "You gave a table"),
        rejects("03.2", alignment.index[lost_rows].tolist(), "the column sentence_id"),
        rejects("03.2", [], "empty"),
        # the learner's review: the <NA> of dropped rows (no sentence) was "text in quotes; some of yours are not"
        rejects("03.2", alignment.loc[alignment["relation"].isin(["made_hearsay", "dropped"]), "sentence_id"].unique()
                .tolist(), "missing values", never_says=("text in quotes",)),
        # 03.3: checkable claims in the article's own voice
        accepts("03.3", own_checkable, "found"),
        accepts("03.3", own_checkable[["claim_id", "gloss_en"]], "found"),
        accepts("03.3", own_checkable.set_index("claim_id"), "found"),  # review: the id in the index
        rejects("03.3", own_checkable.head(3), "All 3 of your claims are right, but {} ".format(n_own - 3),
                says_de="Deine 3 Aussagen stimmen alle, aber es fehlen noch {}".format(n_own - 3)),
        rejects("03.3", claims[claims["checkable"]], "should not be there"),
        rejects("03.3", claims[claims["speaker_type"] == "article"], "should not be there"),
        rejects("03.3", claims[claims["checkable"] | (claims["speaker_type"] == "article")], "should not be there"),
        rejects("03.3", claims[claims["speaker_type"] == "Article"], "The table is empty"),
        rejects("03.3", claims[claims["claim_id"] == "C99"], "The table is empty"),
        rejects("03.3", claims, "should not be there"),
        rejects("03.3", pd.concat([own_checkable, own_checkable]), "more than once"),
        rejects("03.3", own_checkable["claim_id"].tolist(), "should be a table"),
        rejects("03.3", own_checkable["claim_id"], "single column (a Series)"),
        rejects("03.3", claims["claim_id"], "single column (a Series)"),
        rejects("03.3", alignment, "table agency_alignment; the task works with `claims`", never_says=("keep it",)),
        # review: right rows without their id column were told "Keep the table's original column names"
        rejects("03.3", own_checkable.drop(columns=["claim_id"]), "lacks the column 'claim_id'",
                never_says=("original column names",)),
        rejects("03.3", claims["checkable"] & (claims["speaker_type"] == "article"), "claims[mask]",
                never_says=("double brackets",)),
        # 03.4: kinds of claim against true verdicts
        accepts("03.4", kind_by_verdict, "counted"),
        accepts("03.4", claims.groupby(["claim_kind", "true_verdict"]).size().unstack(), "counted"),
        accepts("03.4", claims.groupby(["claim_kind", "true_verdict"]).size().unstack(fill_value=0), "counted"),
        rejects("03.4", pd.crosstab(claims["claim_kind"], claims["said_verdict"]), "said_verdict"),  # issue #10
        rejects("03.4", kind_by_verdict.T, "swapped"),
        accepts("03.4", pd.crosstab(claims["claim_kind"], claims["true_verdict"], margins=True), "counted"),  # issue #21
        # the learner's review: totals under another name were "The rows should be the kinds of claim"; so was the
        # cross-table with its rows turned into a column, and the long table of groupby(...).size()
        accepts("03.4", pd.crosstab(claims["claim_kind"], claims["true_verdict"], margins=True, margins_name="Total"),
                "counted"),
        accepts("03.4", kind_by_verdict.reset_index(), "counted"),
        rejects("03.4", claims.groupby(["claim_kind", "true_verdict"]).size().reset_index(name="count"),
                "one row per pair", never_says=("Give that column first",)),
        rejects("03.4", kind_by_verdict + 1, "some counts are not", never_says=("crosstab(",)),
        rejects("03.4", pd.crosstab(claims["speaker_type"], claims["true_verdict"]), "values of speaker_type"),
        rejects("03.4", pd.crosstab(claims["claim_kind"], claims["checkable"]), "values of checkable"),
        rejects("03.4", pd.crosstab(claims["said_verdict"], claims["true_verdict"]), "values of said_verdict"),
        rejects("03.4", pd.crosstab(claims["claim_kind"], claims["true_verdict"], normalize=True), "shares"),
        rejects("03.4", pd.crosstab(claims["claim_kind"], claims["true_verdict"], normalize="index"), "shares"),
        rejects("03.4", pd.crosstab(own_checkable["claim_kind"], own_checkable["true_verdict"]), "whole claims table"),
        # the learner's review: each of these named a cause the learner did not have
        rejects("03.4", claims, "claims table itself", never_says=("one row per pair",)),
        rejects("03.4", pd.crosstab(claims["claim_kind"], claims["true_verdict"]) / len(claims) * 100, "percentages",
                never_says=("leave out",)),
        rejects("03.4", claims.pivot_table(index="claim_kind", columns="true_verdict", values="checkable", aggfunc="sum"),
                "sums of the column checkable", never_says=("filtered",)),
        rejects("03.4", claims.groupby(["claim_kind", "true_verdict"]).size(), "unstack"),
        rejects("03.4", claims["true_verdict"].value_counts(), "gives a table"),
        rejects("03.4", kind_by_verdict.iloc[0:0, 0:0], "Your table is empty"),  # review: was "some kinds ... are missing"
        # 03.5: a row of one's own for S9
        accepts("03.5", claim_row(), "agrees"),
        accepts("03.5", claim_row(span_de="Diese Waffen"), "agrees"),
        accepts("03.5", claim_row(sentence_id="s9"), "agrees"),
        accepts("03.5", claim_row(checkable=np.False_), "agrees"),
        accepts("03.5", claim_row(speaker="the article"), "agrees"),  # an extra column of one's own is fine
        accepts("03.5", claim_row(claim_id="C25"), "agrees"),  # so is an id of one's own
        rejects("03.5", course_s9, "copied"),  # issue #10: C18 copied from `claims` was accepted
        rejects("03.5", course_s9[columns], "copied"),
        rejects("03.5", course_s9[columns].reset_index(drop=True), "copied"),
        rejects("03.5", course_s9.reset_index(drop=True)[columns].astype({"checkable": bool}), "copied"),  # review: passed
        accepts("03.5", claim_row(span_de=course_s9["span_de"].iloc[0]), "agrees"),  # the same span, chosen by hand
        rejects("03.5", claim_row(speaker_type="Article"), "write 'article'"),  # issue #10: was "look again at the concept"
        rejects("03.5", claim_row(true_verdict="not checkable"), "write 'not_checkable'"),  # issue #10
        rejects("03.5", claim_row(true_verdict="Not-Checkable"), "write 'not_checkable'"),
        rejects("03.5", claim_row(true_verdict="unchecked"), "not one of the table's values"),
        rejects("03.5", claim_row(claim_kind=None), "text in quotes"),
        rejects("03.5", claim_row(speaker_type="named"), "look again at speaker_type"),
        rejects("03.5", claim_row(claim_kind="figure"), "look again at claim_kind"),
        rejects("03.5", claim_row(checkable=True), "look again at checkable"),
        rejects("03.5", claim_row(true_verdict="supported"), "look again at true_verdict"),
        # a well-formed row with two wrong values names both
        rejects("03.5", claim_row(claim_kind="figure", true_verdict="supported"), "claim_kind: is it a number"),
        rejects("03.5", claim_row(claim_kind="figure", true_verdict="supported"), "true_verdict: what verdict"),
        rejects("03.5", claim_row(checkable="False"), "without quotes"),
        rejects("03.5", claim_row(checkable=0), "without quotes"),
        rejects("03.5", claim_row(sentence_id="S8"), "sentence S9"),
        rejects("03.5", claim_row(span_de="diese waffen tragen"), "copied exactly"),
        rejects("03.5", claim_row(span_de="Diese Waffe"), "whole words"),
        rejects("03.5", claim_row(span_de="Eskalation"), "at least two"),
        rejects("03.5", claim_row(span_de="These weapons contribute"), "copied exactly"),
        rejects("03.5", claim_row(span_de=None), "copied exactly"),
        rejects("03.5", pd.concat([claim_row(), claim_row()]), "2 rows"),
        rejects("03.5", claim_row().drop(columns=["true_verdict"]), "lacks the column 'true_verdict'"),
        rejects("03.5", claim_row().drop(columns=["true_verdict"]), "add it"),  # review: was "keep the original names"
        rejects("03.5", claim_row().iloc[0:0], "no row"),  # review: was "your filter keeps no rows"
        rejects("03.5", claim_row().iloc[0].to_dict(), "dictionary"),
        # the learner's review: the whole claims table was "This row is copied", a row on its side was told to add
        # the columns it has as row labels
        rejects("03.5", claims, "{} rows of the course's claims table".format(len(claims)), never_says=("This row",)),
        rejects("03.5", claim_row().T, "on its side", never_says=("add them",)),
        rejects("03.5", claim_row().iloc[0], "single column"),
    ]
