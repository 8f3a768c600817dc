"""Checks for exercises 06 (exercises/source/06_your_own_article.ipynb): the practice text, its sentences and the
finder's false alarm."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from newscheck.checks.answers import N_, Feedback, _, judge_number, kind, numeric_task, right, task, wrong

#: Our reading of the practice text: the one sentence the finder flags as hearsay although nobody's words are passed
#: on ('Die Bürger sollen ... räumen' gives an order). tests/fixtures/sample_article_gold_markers.csv, annotated by
#: hand before the finder was run, agrees: it has no hearsay in this sentence (tests/exercises/test_lesson06.py).
FALSE_ALARM = "S13"


def _sample_sentences() -> pd.DataFrame:
    from newscheck.loading import read_text
    from newscheck.paths import data_dir
    from newscheck.sentences import split_sentences

    return split_sentences(read_text(data_dir() / "sample_article_de.txt"))


@numeric_task("06.1", N_("a whole number"), whole=True, several=N_("Count them with len(...)."))
def sample_sentences(value: float) -> Feedback:
    return judge_number(value, len(_sample_sentences()), whole=True, name=N_("The number of sentences"),
                        look=N_("Use `len(split_sentences(text))`; the headline counts as one."))


@task("06.2")
def false_alarm(answer: Any) -> Feedback:
    if not isinstance(answer, str):
        return wrong(_("You gave {kind}; give one sentence id as text, e.g. \"S4\".").format(kind=kind(answer)))
    if not answer.strip():
        return wrong(_("Your text is empty; give one sentence id as text, e.g. \"S4\"."))
    sentence_id = re.sub(r"\s+", "", answer).upper()
    if sentence_id.isdigit():
        sentence_id = "S" + sentence_id
    sentences = _sample_sentences()
    if sentence_id not in set(sentences["sentence_id"]):
        if len(answer.split()) > 2:
            return wrong(_("Give the sentence's id (the column sentence_id, e.g. \"S4\"), not its text."))
        return wrong(_("There is no sentence {id} in the practice text. Take the id from the column sentence_id of "
                       "the finder's hits.").format(id=answer.strip()[:20]))
    if sentence_id == FALSE_ALARM:
        return right(_("'sollen' there gives an order (citizens are to clear their cellars); nobody is quoted."))
    from newscheck.markers import find_markers

    hits = find_markers(sentences)
    hearsay = hits[hits["category"] == "hearsay"]
    if sentence_id not in set(hearsay["sentence_id"]):
        return wrong(_("The finder does not flag {id} as hearsay. Pick one of the sentences it flags.").format(id=sentence_id))
    matched = ", ".join("'" + match + "'" for match in hearsay.loc[hearsay["sentence_id"] == sentence_id, "match"])
    return wrong(_("In {id} the flagged words ({matched}) do pass on what someone says or claims. Read the other "
                   "sentences flagged as hearsay the same way: in which one does nobody's word get passed on?").format(
                       id=sentence_id, matched=matched))
