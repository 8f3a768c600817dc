"""Checks for exercises 06: exercises/source/06_*.ipynb."""

from __future__ import annotations

from typing import Any

from newscheck.checks.answers import Feedback, close, kind, numeric_task, task


@numeric_task("06.1", "a whole number")
def _sample_sentences(value: float) -> Feedback:
    from newscheck.loading import read_text
    from newscheck.paths import data_dir
    from newscheck.sentences import split_sentences

    expected = len(split_sentences(read_text(data_dir() / "sample_article_de.txt")))
    return close(value, expected, 0, "The number of sentences", "Use `len(split_sentences(text))`; the headline counts as one.")


@task("06.2")
def _false_alarm(answer: Any) -> Feedback:
    if not isinstance(answer, str):
        return Feedback(False, f"You gave {kind(answer)}; give one sentence id as text, e.g. \"S4\".")
    answer = answer.strip().upper()
    if answer.isdigit():
        answer = "S" + answer
    if answer == "S13":
        return Feedback(True, "'sollen' there gives an order (citizens are to clear their cellars); nobody is quoted.")
    from newscheck.loading import read_text
    from newscheck.markers import find_markers
    from newscheck.paths import data_dir
    from newscheck.sentences import split_sentences

    hits = find_markers(split_sentences(read_text(data_dir() / "sample_article_de.txt")))
    flagged = set(hits.loc[hits["category"] == "hearsay", "sentence_id"])
    if answer not in flagged:
        return Feedback(False, f"The finder does not flag {answer} as hearsay. Pick one of the sentences it flags.")
    return Feedback(False, f"In {answer} someone's words really are passed on. Look for a 'sollen' that gives an order.")
