"""Checks for exercises 06 (exercises/source/06_your_own_article.ipynb): the practice text, its sentences and the
finder's false alarm."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from newscheck.checks.answers import N_, Feedback, _, judge_number, kind, numeric_task, right, task, wrong

def _sample_sentences() -> pd.DataFrame:
    from newscheck.loading import read_text
    from newscheck.paths import data_dir
    from newscheck.sentences import split_sentences

    return split_sentences(read_text(data_dir() / "sample_article_de.txt"))


@numeric_task("06.1", N_("a whole number"), whole=True, several=N_("Count them with len(...)."))
def sample_sentences(value: float) -> Feedback:
    return judge_number(value, len(_sample_sentences()), whole=True, name=N_("The number of sentences"),
                        look=N_("Use `len(split_sentences(text))`; the headline counts as one."))


def sollen_not_hearsay() -> set[str]:
    """The practice text's sentences with the word 'sollen' that the finder does not flag as hearsay (computed)."""
    from newscheck.markers import find_markers

    sentences = _sample_sentences()
    with_sollen = set(sentences.loc[sentences["text"].str.contains(r"\bsollen\b", case=False), "sentence_id"])
    hits = find_markers(sentences)
    return with_sollen - set(hits.loc[hits["category"] == "hearsay", "sentence_id"])


@task("06.2")
def sollen_not_flagged(answer: Any) -> Feedback:
    if not isinstance(answer, str):
        return wrong(_("You gave {kind}; give one sentence id as text, e.g. \"S4\".").format(kind=kind(answer)))
    if not answer.strip():
        return wrong(_("Your text is empty; give one sentence id as text, e.g. \"S4\"."))
    sentence_id = re.sub(r"\s+", "", answer).upper()
    if sentence_id.isdigit():
        sentence_id = "S" + sentence_id
    sentences = _sample_sentences().set_index("sentence_id")
    if sentence_id not in sentences.index:
        if len(answer.split()) > 2:
            return wrong(_("Give the sentence's id (the column sentence_id, e.g. \"S4\"), not its text."))
        return wrong(_("There is no sentence {id} in the practice text. Take the id from the column sentence_id of "
                       "the sentence table.").format(id=answer.strip()[:20]))
    if sentence_id in sollen_not_hearsay():
        return right(_("Here 'sollen' says what someone is to do (an order or a plan), so the finder does not count it "
                       "as hearsay. Nobody's words are passed on: the finder is right."))
    if not re.search(r"\bsollen\b", sentences.loc[sentence_id, "text"], flags=re.IGNORECASE):
        return wrong(_("There is no 'sollen' in {id}. Search every sentence for the word, e.g. with "
                       "`sentences[\"text\"].str.contains(\"sollen\")`.").format(id=sentence_id))
    return wrong(_("The finder does flag {id} as hearsay. Look at the other sentence with 'sollen'.").format(id=sentence_id))
