"""Checks for exercises 01 (exercises/source/01_read_the_article.ipynb): counting lines and words of the article."""

from __future__ import annotations

from newscheck.checks.answers import Feedback, N_, _, article, judge_number, numeric_task, table, wrong

COUNT_ITEMS = N_("Count its items with len(...).")


def body_paragraphs() -> int:
    """How many lines (paragraphs) the body has, from data/article_sentences.csv (kind and paragraph)."""
    sentences = table("article_sentences")
    return int(sentences.loc[sentences["kind"] == "body", "paragraph"].nunique())


@numeric_task("01.1", N_("a whole number (how many lines the body has)"), whole=True, several=COUNT_ITEMS)
def body_lines(value: float) -> Feedback:
    expected = body_paragraphs()
    lines, text_lines = article().lines, article().text.splitlines()
    first_body = len(lines) - expected
    sentences = table("article_sentences")
    if value == len(lines) != expected:
        return wrong(_("That is every line of the article, with the date line, the section and the two headline lines. "
                       "Count only the body: the lines from the fifth on."))
    if value == int((sentences["kind"] == "body").sum()) != expected:
        return wrong(_("That is the number of sentences in the body. Count its lines (each paragraph is one item of "
                       "`article.lines`)."))
    if value in {len(text_lines), len(text_lines) - text_lines.index(lines[first_body])} - {expected}:
        return wrong(_("You counted the blank lines too. `article.lines` holds only the lines that carry text: count "
                       "its items from the fifth on."))
    if value == len(lines[first_body + 1:]) != expected:
        return wrong(_("Too small: your slice starts at the sixth line. Python counts positions from 0, so the "
                       "position of the fifth line is one less than five."))
    return judge_number(value, expected, whole=True, name=N_("The number of body lines"),
                        look=N_("The body is every line after the date line, the section and the two headline lines; "
                                "count those items of `article.lines` with `len(...)`."))


@numeric_task("01.2", N_("a line number (counting from 1)"), whole=True,
              several=N_("Keep one number, the line number itself: in your loop, store it with `line_number = number`."))
def line_of_figure(value: float) -> Feedback:
    expected = next(i for i, line in enumerate(article().lines, start=1) if "600.000" in line)
    if value == expected - 1:
        return wrong(_("Close: that is Python's position, which counts from 0. People count lines from 1."))
    return judge_number(value, expected, whole=True, name=N_("The line number"),
                        look=N_("Loop over `enumerate(article.lines, start=1)` and test `\"600.000\" in line`. Note the "
                                "German thousands separator: a dot, not a comma."))


@numeric_task("01.3", N_("a whole number"), whole=True,
              several=N_("If your list holds the words or the places where 'russ' occurs, count its items with "
                         "`len(...)`."))
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
