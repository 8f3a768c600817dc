"""Checks for exercises 01 (exercises/source/01_read_the_article.ipynb): counting lines and words of the article."""

from __future__ import annotations

from newscheck.checks.answers import Feedback, N_, _, article, judge_number, numeric_task, wrong

COUNT_ITEMS = N_("Count its items with len(...).")


@numeric_task("01.1", N_("a whole number (how many lines carry text)"), whole=True, several=COUNT_ITEMS)
def lines(value: float) -> Feedback:
    text = article().text
    if value == len(text.splitlines()) != len(article().lines):
        return wrong(_("You counted the blank lines too. `article.lines` holds only the lines that carry text: count "
                       "its items with `len(article.lines)`."))
    return judge_number(value, len(article().lines), whole=True, name=N_("The number of lines"),
                        look=N_("Count the items of `article.lines` with `len(...)`; blank lines are not in it."))


@numeric_task("01.2", N_("a line number (counting from 1)"), whole=True)
def line_of_figure(value: float) -> Feedback:
    expected = next(i for i, line in enumerate(article().lines, start=1) if "600.000" in line)
    if value == expected - 1:
        return wrong(_("Close: that is Python's position, which counts from 0. People count lines from 1."))
    return judge_number(value, expected, whole=True, name=N_("The line number"),
                        look=N_("Loop over `enumerate(article.lines, start=1)` and test `\"600.000\" in line`. Note the "
                                "German thousands separator: a dot, not a comma."))


@numeric_task("01.3", N_("a whole number"), whole=True)
def count_russ(value: float) -> Feedback:
    body = " ".join(article().lines[4:])
    expected = body.lower().count("russ")
    partial = {body.lower().count(word) for word in ("russland", "russisch", "russischen")} | {body.count("Russ"), body.count("russ")}
    if value != expected and value in partial:
        return wrong(_("You counted 'Russland' only, or only some of the forms. Make the text lower case first with "
                       "`.lower()`, then count the letters 'russ', so that russisch, russischen and Russland all count."))
    return judge_number(value, expected, whole=True, name=N_("The count"),
                        look=N_("Count in the body only (`article.lines[4:]`), in lower case, and count the letters "
                                "'russ' so that russisch, russische and Russland all count."))
