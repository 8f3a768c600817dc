"""Exercise 03: right answers in several forms, wrong and malformed ones, and the defects of issue #10."""

import numpy as np
import pandas as pd
import pytest

from newscheck import load_table

ALIGNMENT = load_table("agency_alignment")
DROPPED = ALIGNMENT[ALIGNMENT["relation"] == "dropped"]  # lesson 03 shows this filter: the old task 1
SOFTENED = ALIGNMENT[ALIGNMENT["relation"] == "softened"]  # task 1
STRENGTH = ALIGNMENT.loc[ALIGNMENT["relation"].isin(["softened", "intensified"]), "sentence_id"]  # the old task 2
LOST = ALIGNMENT.loc[ALIGNMENT["relation"].isin(["made_hearsay", "attribution_dropped"]), "sentence_id"]  # task 2
HEARSAY_ONLY = ALIGNMENT.loc[ALIGNMENT["relation"] == "made_hearsay", "sentence_id"]
CLAIMS = load_table("claims")
OWN_CHECKABLE = CLAIMS[CLAIMS["checkable"] & (CLAIMS["speaker_type"] == "article")]
KIND_BY_VERDICT = pd.crosstab(CLAIMS["claim_kind"], CLAIMS["true_verdict"])
COURSE_S9 = CLAIMS[CLAIMS["sentence_id"] == "S9"]
COLUMNS = ["sentence_id", "span_de", "speaker_type", "claim_kind", "checkable", "true_verdict"]


def claim_row(**changes) -> pd.DataFrame:
    """A row for S9 made by hand, as the task asks, from the course's values (read from data/, not typed in)."""
    row = {column: COURSE_S9[column].iloc[0] for column in COLUMNS}
    row = {key: (bool(value) if key == "checkable" else str(value)) for key, value in row.items()}
    row.update(changes)
    return pd.DataFrame([row])


CASES = [
    # 03.1: what the writer softened (was: dropped, which lesson 03 filters with the same code)
    ("03.1", SOFTENED, True, "found"),
    ("03.1", SOFTENED[["pair_id", "agency_span"]], True, "found"),
    ("03.1", ALIGNMENT.query("relation == 'softened'"), True, "found"),
    ("03.1", SOFTENED.reset_index(drop=True), True, "found"),
    ("03.1", SOFTENED[["agency_id", "agency_span"]], True, "found"),  # review: the columns lesson 03 shows
    ("03.1", SOFTENED[["article_span", "agency_span"]], True, "found"),  # the columns the task says to read
    ("03.1", SOFTENED[["agency_span"]], True, "found"),  # review: "then read its agency_span column"
    ("03.1", SOFTENED.set_index("pair_id"), True, "found"),  # review: the id in the index
    ("03.1", SOFTENED[["article_span", "agency_span"]].reset_index(drop=True), True, "found"),
    ("03.1", SOFTENED[["relation"]].reset_index(drop=True), False, "lacks the column 'pair_id'"),  # nothing tells the rows apart
    ("03.1", DROPPED, False, "the filter of lesson 03"),  # copied from lesson 03
    ("03.1", ALIGNMENT[ALIGNMENT["relation"] != "softened"], False, "Keep only the rows"),
    ("03.1", ALIGNMENT, False, "Keep only the rows"),
    ("03.1", ALIGNMENT[ALIGNMENT["relation"].isin(["softened", "intensified"])], False, "intensified"),
    ("03.1", ALIGNMENT[ALIGNMENT["relation"] == "Softened"], False, "The table is empty"),
    ("03.1", SOFTENED.head(3), False, "still missing"),
    ("03.1", pd.concat([SOFTENED, SOFTENED]), False, "more than once"),
    ("03.1", SOFTENED["pair_id"].tolist(), False, "should be a table"),
    ("03.1", SOFTENED["agency_span"], False, "single column (a Series)"),
    ("03.1", ALIGNMENT["relation"] == "softened", False, "alignment[mask]"),  # review: was "use double brackets"
    ("03.1", len(SOFTENED), False, "a table"),
    # 03.2: sentences whose statement lost its speaker (was: softened or intensified)
    ("03.2", LOST.unique().tolist(), True, "All"),
    ("03.2", LOST.unique(), True, "All"),
    ("03.2", LOST, True, "All"),
    ("03.2", [s.lower() for s in LOST.unique()], True, "All"),
    ("03.2", HEARSAY_ONLY.unique().tolist(), False, "made_hearsay and attribution_dropped"),
    ("03.2", STRENGTH.unique().tolist(), False, "should not be there"),  # the old answer
    ("03.2", LOST.unique().tolist()[:1], False, "still missing"),
    ("03.2", LOST.unique().tolist() + ["S4"], False, "should not be there"),
    ("03.2", ["S2", "S99"], False, "not one of the sentence ids"),
    ("03.2", "S2", False, "give a list"),
    ("03.2", ALIGNMENT[ALIGNMENT["relation"].isin(["made_hearsay", "attribution_dropped"])], False, "You gave a table"),
    ("03.2", ALIGNMENT.index[ALIGNMENT["relation"].isin(["made_hearsay", "attribution_dropped"])].tolist(), False,
     "the column sentence_id"),
    ("03.2", [], False, "empty"),
    # 03.3: checkable claims in the article's own voice
    ("03.3", OWN_CHECKABLE, True, "found"),
    ("03.3", OWN_CHECKABLE[["claim_id", "gloss_en"]], True, "found"),
    ("03.3", CLAIMS[CLAIMS["checkable"]], False, "should not be there"),
    ("03.3", CLAIMS[CLAIMS["speaker_type"] == "article"], False, "should not be there"),
    ("03.3", CLAIMS[CLAIMS["checkable"] | (CLAIMS["speaker_type"] == "article")], False, "should not be there"),
    ("03.3", CLAIMS[CLAIMS["speaker_type"] == "Article"], False, "The table is empty"),
    ("03.3", CLAIMS, False, "should not be there"),
    ("03.3", pd.concat([OWN_CHECKABLE, OWN_CHECKABLE]), False, "more than once"),
    ("03.3", OWN_CHECKABLE["claim_id"].tolist(), False, "should be a table"),
    ("03.3", OWN_CHECKABLE["claim_id"], False, "single column (a Series)"),
    ("03.3", OWN_CHECKABLE.set_index("claim_id"), True, "found"),  # review: the id in the index
    ("03.3", OWN_CHECKABLE.drop(columns=["claim_id"]), False, "lacks the column 'claim_id'"),
    ("03.3", CLAIMS["checkable"] & (CLAIMS["speaker_type"] == "article"), False, "claims[mask]"),
    # 03.4: kinds of claim against true verdicts
    ("03.4", KIND_BY_VERDICT, True, "counted"),
    ("03.4", CLAIMS.groupby(["claim_kind", "true_verdict"]).size().unstack(), True, "counted"),
    ("03.4", CLAIMS.groupby(["claim_kind", "true_verdict"]).size().unstack(fill_value=0), True, "counted"),
    ("03.4", pd.crosstab(CLAIMS["claim_kind"], CLAIMS["said_verdict"]), False, "said_verdict"),  # issue #10: was "use the whole table"
    ("03.4", KIND_BY_VERDICT.T, False, "swapped"),
    ("03.4", pd.crosstab(CLAIMS["claim_kind"], CLAIMS["true_verdict"], margins=True), False, "margins=True"),
    ("03.4", pd.crosstab(CLAIMS["speaker_type"], CLAIMS["true_verdict"]), False, "values of speaker_type"),
    ("03.4", pd.crosstab(CLAIMS["claim_kind"], CLAIMS["checkable"]), False, "values of checkable"),
    ("03.4", pd.crosstab(CLAIMS["said_verdict"], CLAIMS["true_verdict"]), False, "values of said_verdict"),
    ("03.4", pd.crosstab(CLAIMS["claim_kind"], CLAIMS["true_verdict"], normalize=True), False, "shares"),
    ("03.4", pd.crosstab(CLAIMS["claim_kind"], CLAIMS["true_verdict"], normalize="index"), False, "shares"),
    ("03.4", pd.crosstab(OWN_CHECKABLE["claim_kind"], OWN_CHECKABLE["true_verdict"]), False, "whole claims table"),
    ("03.4", CLAIMS.groupby(["claim_kind", "true_verdict"]).size(), False, "unstack"),
    ("03.4", CLAIMS["true_verdict"].value_counts(), False, "gives a table"),
    ("03.4", KIND_BY_VERDICT.iloc[0:0, 0:0], False, "Your table is empty"),  # review: was "some kinds ... are missing"
    # 03.5: a row of one's own for S9
    ("03.5", claim_row(), True, "agrees"),
    ("03.5", claim_row(span_de="Diese Waffen"), True, "agrees"),
    ("03.5", claim_row(sentence_id="s9"), True, "agrees"),
    ("03.5", claim_row(checkable=np.False_), True, "agrees"),
    ("03.5", claim_row(speaker="the article"), True, "agrees"),  # an extra column of one's own is fine
    ("03.5", claim_row(claim_id="C25"), True, "agrees"),  # so is an id of one's own
    ("03.5", COURSE_S9, False, "copied"),  # issue #10: C18 copied from `claims` was accepted
    ("03.5", COURSE_S9[COLUMNS], False, "copied"),
    ("03.5", COURSE_S9[COLUMNS].reset_index(drop=True), False, "copied"),
    ("03.5", COURSE_S9.reset_index(drop=True)[COLUMNS].astype({"checkable": bool}), False, "copied"),  # review: passed
    ("03.5", claim_row(span_de=COURSE_S9["span_de"].iloc[0]), True, "agrees"),  # the same span, chosen by hand
    ("03.5", claim_row(speaker_type="Article"), False, "write 'article'"),  # issue #10: was "look again at the concept"
    ("03.5", claim_row(true_verdict="not checkable"), False, "write 'not_checkable'"),  # issue #10
    ("03.5", claim_row(true_verdict="Not-Checkable"), False, "write 'not_checkable'"),
    ("03.5", claim_row(true_verdict="unchecked"), False, "not one of the table's values"),
    ("03.5", claim_row(claim_kind=None), False, "text in quotes"),
    ("03.5", claim_row(speaker_type="named"), False, "look again at speaker_type"),
    ("03.5", claim_row(claim_kind="figure"), False, "look again at claim_kind"),
    ("03.5", claim_row(checkable=True), False, "look again at checkable"),
    ("03.5", claim_row(true_verdict="supported"), False, "look again at true_verdict"),
    ("03.5", claim_row(checkable="False"), False, "without quotes"),
    ("03.5", claim_row(checkable=0), False, "without quotes"),
    ("03.5", claim_row(sentence_id="S8"), False, "sentence S9"),
    ("03.5", claim_row(span_de="diese waffen tragen"), False, "copied exactly"),
    ("03.5", claim_row(span_de="Diese Waffe"), False, "whole words"),
    ("03.5", claim_row(span_de="Eskalation"), False, "at least two"),
    ("03.5", claim_row(span_de="These weapons contribute"), False, "copied exactly"),
    ("03.5", claim_row(span_de=None), False, "copied exactly"),
    ("03.5", pd.concat([claim_row(), claim_row()]), False, "2 rows"),
    ("03.5", claim_row().drop(columns=["true_verdict"]), False, "lacks the column 'true_verdict'"),
    ("03.5", claim_row().drop(columns=["true_verdict"]), False, "add it"),  # review: was "keep the original names"
    ("03.5", claim_row().iloc[0:0], False, "no row"),  # review: was "your filter keeps no rows"
    ("03.5", claim_row().iloc[0].to_dict(), False, "dictionary"),
    ("03.5", claim_row().iloc[0], False, "single column"),
]


@pytest.mark.parametrize("task_id, answer, ok, fragment", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_read_through(judge, task_id, answer, ok, fragment):
    result = judge(task_id, answer)
    assert result.ok is ok, result.message
    assert fragment in result.message
