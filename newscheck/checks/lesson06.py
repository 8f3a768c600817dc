"""Checks for exercises 06 (exercises/source/06_your_own_article.ipynb): a second short text, which lesson 06 does
not show: its sentences and the *sollen* the finder leaves alone."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from newscheck.checks.answers import N_, Feedback, _, judge_number, kind, numeric_task, right, task, wrong

#: The second practice text of exercise 06 (tasks 1 and 2), as the exercise's first cell defines it. We wrote it for
#: the course: an invented power cut in an invented town, not a real report.
SECOND_TEXT = """Stromausfall in Waldstadt: Fehler auf der Baustelle?

In der Nacht zum Dienstag waren nach Angaben der Stadtwerke rund 4.000 Haushalte ohne Strom. Bauarbeiter sollen am Vortag ein Kabel beschädigt haben. Die Baufirma weist das zurück.

Auf Anweisung der Stadt sollen die Stadtwerke nun alle Leitungen im Viertel prüfen. Sollten dabei weitere Schäden gefunden werden, bleibt die Straße gesperrt. Wer die Kosten trägt, ist noch offen.
"""
SOLLEN = r"\bsollen\b"


def second_sentences() -> pd.DataFrame:
    """The sentences of the second text."""
    from newscheck.sentences import split_sentences

    return split_sentences(SECOND_TEXT)


def _practice_sentences() -> pd.DataFrame:
    """The sentences of lesson 06's practice text (data/sample_article_de.txt)."""
    from newscheck.loading import read_text
    from newscheck.paths import data_dir
    from newscheck.sentences import split_sentences

    return split_sentences(read_text(data_dir() / "sample_article_de.txt"))


@numeric_task("06.1", N_("a whole number"), whole=True, several=N_("Count them with len(...)."))
def number_of_sentences(value: float) -> Feedback:
    sentences = second_sentences()
    expected = len(sentences)
    if value == len(_practice_sentences()) != expected:
        return wrong(_("That is the number of sentences of lesson 06's practice text (`text`). Count the sentences of "
                       "`second_text`."))
    if value == sentences["paragraph"].nunique() != expected:
        return wrong(_("That is the number of paragraphs. Count the sentences: one row each in "
                       "`split_sentences(second_text)`."))
    return judge_number(value, expected, whole=True, name=N_("The number of sentences"),
                        look=N_("Use `len(split_sentences(second_text))`; the headline counts as one."))


def sollen_not_hearsay() -> set[str]:
    """The second text's sentences with the word 'sollen' that the finder does not flag as hearsay (computed)."""
    from newscheck.markers import find_markers

    sentences = second_sentences()
    with_sollen = set(sentences.loc[sentences["text"].str.contains(SOLLEN, case=False), "sentence_id"])
    hits = find_markers(sentences)
    return with_sollen - set(hits.loc[hits["category"] == "hearsay", "sentence_id"])


@task("06.2")
def sollen_not_flagged(answer: Any) -> Feedback:
    from newscheck.markers import find_markers

    if not isinstance(answer, str):
        return wrong(_("You gave {kind}; give one sentence id as text, e.g. \"S4\".").format(kind=kind(answer)))
    if not answer.strip():
        return wrong(_("Your text is empty; give one sentence id as text, e.g. \"S4\"."))
    sentence_id = re.sub(r"\s+", "", answer).upper().rstrip(".")
    if sentence_id.isdigit():
        sentence_id = "S" + sentence_id
    sentences = second_sentences().set_index("sentence_id")
    if sentence_id not in sentences.index:
        if len(answer.split()) > 2:
            return wrong(_("Give the sentence's id (the column sentence_id, e.g. \"S4\"), not its text."))
        return wrong(_("There is no sentence {id} in the second text. Take the id from the column sentence_id of "
                       "`split_sentences(second_text)`.").format(id=answer.strip()[:20]))
    if sentence_id in sollen_not_hearsay():
        return right(_("That is the sentence with 'sollen' that the finder leaves alone. Now read it: is the finder "
                       "right? Write down why, then open the model answer below."))
    text = sentences.loc[sentence_id, "text"]
    if not re.search(SOLLEN, text, flags=re.IGNORECASE):
        other_form = re.search(r"\bsol(?:l|lst|lt|lte|lten|ltest|le)\b", text, flags=re.IGNORECASE)
        if other_form:
            hits = find_markers(text)
            if (hits["marker_id"] == "M20").any():
                return wrong(_("{id} has '{word}', a form of sollen, but here it is the verb-first conditional (M20): "
                               "'{word} ... , ...' means 'if ...'. It is neither hearsay nor an order. The task asks "
                               "about the sentences with the word 'sollen' itself.").format(id=sentence_id, word=other_form.group(0)))
            return wrong(_("{id} has '{word}', another form of sollen, not the word 'sollen' itself. The task asks about "
                           "the sentences with 'sollen'.").format(id=sentence_id, word=other_form.group(0)))
        return wrong(_("There is no 'sollen' in {id}. Search every sentence for the word, e.g. with "
                       "`sentences[\"text\"].str.contains(r\"\\bsollen\\b\")`.").format(id=sentence_id))
    return wrong(_("The finder does flag {id} as hearsay. Look at the other sentence with the word 'sollen'.").format(id=sentence_id))
