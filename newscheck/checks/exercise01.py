"""Exercise 01 (exercises/source/01_read_the_article.ipynb): counting lines and words of the article. The checks, then
the answers they are tested with (`cases`)."""

from __future__ import annotations

import re

import pandas as pd

from newscheck.article import load_article
from newscheck.checks.cases import Case, accepts, rejects
from newscheck.checks.numbers import judge_number
from newscheck.checks.registry import Feedback, numeric_task, wrong
from newscheck.i18n import N_, _
from newscheck.tables import load_table

#: The exercise notebook these checks belong to.
NOTEBOOK = "exercises/source/01_read_the_article.ipynb"

COUNT_ITEMS = N_("Count its items with len(...).")


def body_paragraphs() -> int:
    """How many lines (paragraphs) the body has, from data/article_sentences.csv (kind and paragraph)."""
    sentences = load_table("article_sentences")
    return int(sentences.loc[sentences["kind"] == "body", "paragraph"].nunique())


@numeric_task("01.1", N_("a whole number (how many lines the body has)"), whole=True, several=COUNT_ITEMS)
def body_lines(value: float) -> Feedback:
    expected = body_paragraphs()
    lines, text_lines = load_article().lines, load_article().text.splitlines()
    first_body = len(lines) - expected
    sentences = load_table("article_sentences")
    if value == len(lines) != expected:
        return wrong(_("That is every line of the article, with the date line, the section and the two headline lines. "
                       "Count only the body: the lines from the fifth on."))
    if value == int((sentences["kind"] == "body").sum()) != expected:
        return wrong(_("That is the number of sentences in the body. Count its lines (each paragraph is one item of "
                       "`article.lines`)."))
    with_blank_lines = {len(text_lines), len(text_lines) - text_lines.index(lines[first_body])} - {expected}
    too_early = {len(lines[start:]) for start in range(1, first_body)} - {expected}  # lines[1:], lines[2:], lines[3:]
    if value in with_blank_lines and value in too_early:  # the learner's review: 7 is lines[1:] as well
        return wrong(_("That is as many as the lines from the second on, or as the body with the blank lines between "
                       "its paragraphs. `article.lines` holds only the lines that carry text, and the body starts at "
                       "the fifth of them. Python counts positions from 0 (Hint 1 of the task)."))
    if value in with_blank_lines:
        return wrong(_("You counted the blank lines too. `article.lines` holds only the lines that carry text: count "
                       "its items from the fifth on."))
    if value in too_early:  # the learner's review: lines[2:], the slice of Hint 1, was only "too large"
        return wrong(_("Your count starts too early: it takes in lines before the body (the date line, the section or "
                       "a headline). The body starts at the fifth line. Python counts positions from 0 (Hint 1 of the "
                       "task)."))
    if value == len(lines[first_body + 1:]) != expected:  # issue #21: "your slice starts ..." assumed a slice
        return wrong(_("One too few: that counts the lines from the sixth on, but the body starts at the fifth line. "
                       "Python counts positions from 0 (Hint 1 of the task)."))
    return judge_number(value, expected, whole=True, name=N_("The number of body lines"),
                        look=N_("The body is every line after the date line, the section and the two headline lines; "
                                "Hints 1 and 2 of the task show how to keep part of a list and count its items."))


@numeric_task("01.2", N_("a line number (counting from 1)"), whole=True,
              several=N_("Keep one number, the line number itself: in your loop, store it with `line_number = number`."),
              # the learner's review: a loop that searched for "600,000" left `...` and was told "Not done yet"
              on_stub=N_("line_number still holds the placeholder `...`. Either the cell with your answer has not run "
                         "yet, or your loop found no line and so never stored a number: print what you search for and "
                         "compare it with the article (Hint 2 of the task)."))
def line_of_figure(value: float) -> Feedback:
    expected = next(i for i, line in enumerate(load_article().lines, start=1) if "600.000" in line)
    if value in (600_000, 600.0):  # the learner's review: the figure itself was "too large"
        return wrong(_("That is the figure itself. The task asks on which line of the article it stands: the number "
                       "of that line, counted from 1."))
    if value == expected - 1:
        return wrong(_("Close: that is Python's position, which counts from 0. People count lines from 1."))
    return judge_number(value, expected, whole=True, name=N_("The line number"),
                        look=N_("Hint 1 of the task shows how to number the lines from 1. Note the German "
                                "thousands separator: a dot, not a comma."))


@numeric_task("01.3", N_("a whole number"), whole=True,
              several=N_("If your list holds the words or the places where 'russ' occurs, count its items with "
                         "`len(...)`."))
def count_russ(value: float) -> Feedback:
    body = " ".join(load_article().lines[4:])
    expected = body.lower().count("russ")
    words = pd.Series(re.findall(r"\w*russ\w*", body.lower())).value_counts()
    if value != expected and value in {body.count("Russ"), body.count("russ")} and value in set(words):
        # the learner's review: a count of one word in the lower-cased body was told it "depends on capitals"
        same = " / ".join(_("'{word}'").format(word=word) for word in sorted(words[words == value].index))
        return wrong(_("That is as many as one word ({words}) has alone, and as many as a count that depends on capitals "
                       "finds. Count the letters 'russ' in every word of the body, ignoring capitals (Hint 2 of the "
                       "task).").format(words=same))
    if value != expected and value in {body.count("Russ"), body.count("russ")}:
        return wrong(_("Your count depends on capitals: it finds 'Russ' or 'russ', but not both (Russland starts with a "
                       "capital, russisch does not). Hint 2 of the task shows how to ignore capitals."))
    one_line = {line.lower().count("russ") for line in load_article().lines[4:]} - {0, expected}
    if value != expected and value in set(words):  # issue #21: "You counted 'Russland' only" when Russland was missed
        same = " / ".join(_("'{word}'").format(word=word) for word in sorted(words[words == value].index))  # „…“ in German
        if value in one_line:  # the learner's review: lines[4] (one paragraph) was called "one word"
            return wrong(_("That is as many as one word ({words}) has alone, or as one line of the body has alone. "
                           "Count the letters 'russ' in the whole body: every line from the fifth on (Hints 1 and 2 of "
                           "the task).").format(words=same))
        return wrong(_("That is the count of one word ({words}) alone. The letters 'russ' occur in other words of the "
                       "body too; count the letters, not one word (Hint 2 of the task).").format(words=same))
    if value != expected and value in one_line:
        return wrong(_("That is the count in one line of the body alone. The body is every line from the fifth on: join "
                       "them first (Hint 1 of the task)."))
    return judge_number(value, expected, whole=True, name=N_("The count"),
                        look=N_("Count in the body only, in lower case, and count the letters 'russ' so that every word "
                                "with them counts (Hints 1 and 2 of the task)."))


# --- the answers the checks are tested with --------------------------------------------------------------------------

def cases() -> list[Case]:
    """Right answers written the ways learners write them, and wrong ones with the hint each must get, computed from the
    article as the solutions do."""
    import numpy as np
    import pandas as pd

    text = load_article()
    lines, text_lines = text.lines, text.text.splitlines()
    body_lines = len(lines[4:])  # task 1: the lines of the body (the lessons print all 8 lines, not this)
    sentences = load_table("article_sentences")
    body = " ".join(lines[4:])
    line_600 = next(i for i, line in enumerate(lines, start=1) if "600.000" in line)
    russ = body.lower().count("russ")
    words = pd.Series([w for w in body.lower().replace(",", " ").replace(".", " ").split() if "russ" in w]).value_counts()
    # review: exercise 01 was told to use `by_id`, a name that exists only in exercise 05
    not_by_id = {"never_says": ("by_id",)}
    return [
        # 01.1: how many lines the body has (was: how many lines carry text, which lessons 00 and 01 print)
        accepts("01.1", body_lines, "is right"),
        accepts("01.1", float(body_lines), "is right"),
        accepts("01.1", np.int64(body_lines), "is right"),
        accepts("01.1", pd.Series([body_lines]), "is right"),
        rejects("01.1", body_lines + 0.5, "not a whole number"),  # issue #10: 7.5 was "too small"
        rejects("01.1", body_lines * 1.1 + 1, "not a whole number"),
        rejects("01.1", len(lines), "every line of the article"),  # the lessons' 8 lines
        rejects("01.1", len(lines[5:]), "from the sixth on", never_says=("slice",)),
        # the learner's review: a slice that starts too early was only "too large", and lines[1:] (7, as many as the
        # body with its blank lines) was told "You counted the blank lines too"
        rejects("01.1", len(lines[3:]), "starts too early"),
        rejects("01.1", len(lines[2:]), "starts too early"),  # the slice of Hint 1, copied
        rejects("01.1", len(lines[1:]), "from the second on", says_de="ab der zweiten"),
        rejects("01.1", int((sentences["kind"] == "body").sum()), "number of sentences in the body"),
        rejects("01.1", len(text_lines), "blank lines too"),
        rejects("01.1", len(text_lines) - text_lines.index(lines[4]), "blank lines"),
        rejects("01.1", len(text.text), "too large"),
        rejects("01.1", lines[4:], "Count its items with len", **not_by_id),
        rejects("01.1", [body_lines], "without the brackets", never_says=("len(",)),  # review: was "Count its items with len(...)"
        rejects("01.1", sentences.shape, ".shape[0]", never_says=("1,500",)),  # review: was the thousands-separator message
        rejects("01.1", (1, 500), "not 1,500"),
        rejects("01.1", [], "empty", **not_by_id),
        rejects("01.1", str(body_lines), "not in quotes"),
        rejects("01.1", "vier", "You gave text"),
        rejects("01.1", float("nan"), "missing value"),
        rejects("01.1", -body_lines, "too small"),  # not "subtract the earlier from the later": nothing is subtracted
        rejects("01.1", [1, 2], "", **not_by_id),
        rejects("01.1", pd.Series([1, 2]), "", **not_by_id),
        rejects("01.1", pd.DataFrame({"a": [1, 2]}), "", **not_by_id),
        rejects("01.1", (3, 7), "", **not_by_id),
        # 01.2: the line of 600.000, counted from 1
        accepts("01.2", line_600, "is right"),
        rejects("01.2", line_600 - 1, "counts from 0"),
        rejects("01.2", ..., "your loop found no line"),  # the learner's review: was "Not done yet"
        rejects("01.2", line_600 + 1, "too large"),
        rejects("01.2", 600000, "the figure itself", never_says=("too large",)),  # the learner's review
        rejects("01.2", 600.000, "the figure itself"),  # typed the German way: Python reads 600.0
        rejects("01.2", line_600 + 0.5, "not a whole number"),
        rejects("01.2", lines[line_600 - 1], "You gave text"),
        rejects("01.2", str(line_600), "not in quotes"),
        rejects("01.2", [line_600], "without the brackets", **not_by_id),  # review: was "Pick one value, e.g. with by_id.loc[...]"
        rejects("01.2", pd.Series([line_600, line_600]), "line_number = number", **not_by_id),
        rejects("01.2", [], "empty", **not_by_id),
        rejects("01.2", pd.DataFrame({"a": [1, 2]}), "", **not_by_id),
        rejects("01.2", "1.500", says_de="große Zahlen ohne Tausenderpunkt: 1500", only="de"),  # the point separates thousands
        # 01.3: the letters 'russ' in the body, ignoring capitals
        accepts("01.3", russ, "is right"),
        *[rejects("01.3", count, "'{}'".format(word)) for word, count in words.items()
          if count not in (russ, body.count("Russ"), body.count("russ"))],
        # the learner's review: the first paragraph alone (lines[4] instead of lines[4:]) was "the count of one word"
        *[rejects("01.3", line.lower().count("russ"), "one line of the body") for line in lines[4:]
          if line.lower().count("russ") not in (0, russ, body.count("Russ"), body.count("russ"))],
        *[rejects("01.3", body.count(cased), "depends on capitals") for cased in ("Russ", "russ")
          if body.count(cased) not in set(words)],
        # the learner's review: body.lower().count("russland") equals the count of 'Russ' and was blamed on capitals
        *[rejects("01.3", count, "one word ('{}') has alone".format(word)) for word, count in words.items()
          if count in (body.count("Russ"), body.count("russ")) and count != russ],
        rejects("01.3", russ + 1, "too large"),
        rejects("01.3", russ * 1.1 + 1, "not a whole number"),
        rejects("01.3", 0, "too small"),
        rejects("01.3", russ + 0.5, "not a whole number"),
        rejects("01.3", [russ], "without the brackets", never_says=("len(",)),
        rejects("01.3", [word for word in body.lower().split() if "russ" in word], "count its items with `len(...)`",
                **not_by_id),  # review: was by_id
        rejects("01.3", pd.Series([1, 2]), "", **not_by_id),
    ]
