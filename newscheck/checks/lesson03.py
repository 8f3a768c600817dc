"""Checks for exercises 03: exercises/source/03_*.ipynb."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from newscheck.checks.answers import Feedback, frame, kind, table, table_ids, task


@task("03.1")
def _checkable_by_article(answer: Any) -> Feedback:
    claims = table("claims")
    expected = set(claims.loc[claims["checkable"] & (claims["speaker_type"] == "article"), "claim_id"])
    return table_ids(answer, "claim_id", expected, "your filtered claims", "claims",
                        "Combine two conditions with `&`, each in brackets: checkable is True, and speaker_type is "
                        "\"article\".")


@task("03.2")
def _kind_by_verdict(answer: Any) -> Feedback:
    if not isinstance(answer, pd.DataFrame):
        return Feedback(False, f"You gave {kind(answer)}; `pd.crosstab(...)` gives a table (a DataFrame).")
    claims = table("claims")
    expected = pd.crosstab(claims["claim_kind"], claims["true_verdict"])
    if set(answer.index) != set(expected.index) or set(answer.columns) != set(expected.columns):
        return Feedback(False, "The rows should be the claim kinds and the columns the true_verdict labels. Check "
                               "which column you gave first to `pd.crosstab` and drop `margins=True`.")
    if not (answer.loc[expected.index, expected.columns] == expected).all().all():
        return Feedback(False, "Rows and columns are right but some counts are not. Use the whole claims table.")
    return Feedback(True, "Every kind of claim against every verdict, counted.")


@task("03.3")
def _new_claim(answer: Any) -> Feedback:
    columns = ["sentence_id", "span_de", "speaker_type", "claim_kind", "checkable", "true_verdict"]
    given = frame(answer, columns, "your new claim")
    if isinstance(given, Feedback):
        return given
    if len(given) != 1:
        return Feedback(False, f"Your table has {len(given)} rows; make one row, for one claim.")
    row = given.iloc[0]
    sentences = table("article_sentences").set_index("sentence_id")["text_de"]
    if str(row["sentence_id"]).strip().upper() != "S9":
        return Feedback(False, "The task asks for a claim from sentence S9: set sentence_id to \"S9\".")
    span = row["span_de"]
    if not isinstance(span, str) or not span.strip() or span not in sentences["S9"]:
        return Feedback(False, "span_de must be words copied exactly from S9 (same spelling, same capitals).")
    checkable = row["checkable"]
    if not isinstance(checkable, (bool, np.bool_)):
        return Feedback(False, f"checkable must be True or False without quotes; you gave {kind(checkable)}.")
    course = table("claims").set_index("sentence_id").loc["S9"]
    wrong = []
    if row["speaker_type"] != course["speaker_type"]:
        wrong.append("speaker_type: who asserts it, if the sentence names nobody?")
    if row["claim_kind"] != course["claim_kind"]:
        wrong.append("claim_kind: is it a number, an event, a judgement, a forecast or an appeal?")
    if bool(checkable) != bool(course["checkable"]):
        wrong.append("checkable: could any evidence settle whether the weapons 'contribute to an escalation'?")
    if row["true_verdict"] != course["true_verdict"]:
        wrong.append("true_verdict: what verdict does a claim get that cannot be checked?")
    if wrong:
        return Feedback(False, "The row is well formed, but look again at " + " ".join(wrong))
    return Feedback(True, "Your row agrees with the course's claim for S9 (C18).")
