"""Exercise 06 (exercises/source/06_your_own_article.ipynb): a second short text, which lesson 06 does not show: its
sentences, the *sollen* the finder leaves alone, the sentence of its original (a press release) that it leaves out,
and a claimed doubling checked against two counts. The checks, then the answers they are tested with (`cases`) and
what keeps the exercise sound (`problems`)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from newscheck.checks.cases import Case, accepts, notebook_cells, rejects
from newscheck.checks.kinds import kind
from newscheck.checks.numbers import judge_number, rounds_to
from newscheck.checks.registry import Feedback, numeric_task, right, task, wrong
from newscheck.i18n import N_, _

#: The exercise notebook these checks belong to.
NOTEBOOK = "exercises/source/06_your_own_article.ipynb"

#: The second practice text of exercise 06 (tasks 1 and 2), as the exercise's first cell defines it. We wrote it for
#: the course: an invented power cut in an invented town, not a real report.
SECOND_TEXT = """Stromausfall in Waldstadt: Fehler auf der Baustelle?

In der Nacht zum Dienstag waren nach Angaben der Stadtwerke rund 4.000 Haushalte ohne Strom. Bauarbeiter sollen am Vortag ein Kabel beschädigt haben. Die Baufirma weist das zurück.

Auf Anweisung der Stadt sollen die Stadtwerke nun alle Leitungen im Viertel prüfen. Sollten dabei weitere Schäden gefunden werden, bleibt die Straße gesperrt. Wer die Kosten trägt, ist noch offen.
"""
SOLLEN = r"\bsollen\b"

#: The press release the second text is based on (task 3), as the exercise's task 3 cell defines it. Also written by us.
SECOND_ORIGINAL = """Stromausfall in Waldstadt: Stadtwerke suchen die Ursache

In der Nacht zum Dienstag waren 3.870 Haushalte in Waldstadt ohne Strom, teilten die Stadtwerke mit. Nach ersten Erkenntnissen wurde bei Bauarbeiten am Vortag ein Kabel beschädigt. Die Baufirma weist das zurück.

Auf Anweisung der Stadt prüfen die Stadtwerke nun alle Leitungen im Viertel. Sollten dabei weitere Schäden gefunden werden, bleibt die Straße gesperrt. Wer die Kosten trägt, ist noch offen. Nach fünf Stunden hatten alle Haushalte wieder Strom.
"""
#: Task 4: the utility's counts of power cuts in 2023 and 2024 (invented), against the claim "verdoppelt".
POWER_CUTS = (14, 25)


def second_sentences() -> pd.DataFrame:
    """The sentences of the second text."""
    from newscheck.sentences import split_sentences

    return split_sentences(SECOND_TEXT)


def _practice_sentences() -> pd.DataFrame:
    """The sentences of lesson 06's practice text (data/sample_article_de.txt)."""
    from newscheck.article import read_text
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
        return wrong(_("That is the number of paragraphs. Count the sentences: split the text into sentences, one row "
                       "each."))
    return judge_number(value, expected, whole=True, name=N_("The number of sentences"),
                        look=N_("Split `second_text` into sentences as lesson 06 splits its text, and count the rows; "
                                "the headline counts as one."))


def sollen_not_hearsay() -> set[str]:
    """The second text's sentences with the word 'sollen' that the finder does not flag as hearsay (computed)."""
    from newscheck.markers import find_markers

    sentences = second_sentences()
    with_sollen = set(sentences.loc[sentences["text"].str.contains(SOLLEN, case=False), "sentence_id"])
    hits = find_markers(sentences)
    return with_sollen - set(hits.loc[hits["category"] == "hearsay", "sentence_id"])


def _sentence_id(answer: Any) -> str | Feedback:
    """The sentence id a learner typed ("s5.", " S 5", "5", "Satz 5", '"S5"' -> "S5"), or the feedback for an answer
    that is none."""
    if isinstance(answer, (list, tuple, set, pd.Series, pd.Index, np.ndarray, pd.api.extensions.ExtensionArray)):
        items = list(np.asarray(list(answer) if isinstance(answer, set) else answer, dtype=object).reshape(-1))
        if len(items) == 1 and isinstance(items[0], str):
            # the learner's review: the id taken out of a table (a Series with one value) got no help
            return wrong(_("You gave {kind} with one id in it; give the id itself, as text: take it out with `[0]` "
                           "(a list) or `.iloc[0]` (a column).").format(kind=kind(answer)))
    if not isinstance(answer, str):
        return wrong(_("You gave {kind}; give one sentence id as text, e.g. \"S4\".").format(kind=kind(answer)))
    if not answer.strip():
        return wrong(_("Your text is empty; give one sentence id as text, e.g. \"S4\"."))
    several = re.findall(r"(?<![A-Za-z0-9])S\s?\d+(?!\d)", answer, flags=re.IGNORECASE)
    if len(several) > 1:  # the learner's review: "S3 und S5" was told to give an id, "not its text"
        return wrong(_("You gave more than one id ({ids}). The task asks for one sentence: give its id alone.").format(
            ids=", ".join(several)))
    if len(several) == 1 and re.search(r"[^\W\d_]{2,}", answer.replace(several[0], " ")):
        # the learner's review: "S5 weil Befehl" (the id and a reason) was told to give the id, "not its text"
        return wrong(_("Give only the id, e.g. \"S4\"; write your reason in the answer cell below the check."))
    if not re.search(r"\d", answer) and len(answer.split()) <= 2:
        # the learner's review: "Sentence five" got "There is no sentence Sentence five"
        return wrong(_("Give the id as it is written in the column sentence_id, e.g. \"S4\": S and the number in digits."))
    # the learner's review: '"S5"' (quotes inside the text) and "Satz 5" were "no sentence" although S5 exists
    sentence_id = re.sub(r"\s+", "", answer.strip().strip("\"'„“”‚‘’")).upper().rstrip(".,;:")
    sentence_id = re.sub(r"^(?:SATZ|SENTENCE)(?=\d+$)", "", sentence_id)
    sentence_id = re.sub(r"^(S?)0+(?=\d)", r"\1", sentence_id)  # S05, written as the marker ids are: S5
    return "S" + sentence_id if sentence_id.isdigit() else sentence_id


@task("06.2")
def sollen_not_flagged(answer: Any) -> Feedback:
    from newscheck.markers import find_markers

    sentence_id = _sentence_id(answer)
    if isinstance(sentence_id, Feedback):
        return sentence_id
    sentences = second_sentences().set_index("sentence_id")
    if sentence_id not in sentences.index:
        if len(answer.split()) > 2:
            return wrong(_("Give the sentence's id (the column sentence_id, e.g. \"S4\"), not its text."))
        return wrong(_("There is no sentence {id} in the second text. Take the id from the column sentence_id of the "
                       "table of its sentences.").format(id=answer.strip()[:20]))
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
        return wrong(_("There is no 'sollen' in {id}. Search every sentence for the word (Hint 1 of the task).").format(
            id=sentence_id))
    # issue #21: "the other sentence with the word 'sollen'" pointed at the answer
    return wrong(_("The finder does flag {id} as hearsay. Read the finder's hits for every sentence with the word "
                   "'sollen' (Hint 1 of the task).").format(id=sentence_id))


def second_comparison() -> pd.DataFrame:
    """The second text beside its press release, as compare_with_original pairs them."""
    from newscheck.compare import compare_with_original

    return compare_with_original(SECOND_TEXT, SECOND_ORIGINAL)


def left_out_sentences() -> set[str]:
    """The press release's sentences that the second text leaves out (computed)."""
    comparison = second_comparison()
    return set(comparison.loc[comparison["relation"] == "dropped", "original_sentence_id"])


@task("06.3")
def left_out(answer: Any) -> Feedback:
    from newscheck.sentences import split_sentences

    if isinstance(answer, str) and not answer.strip():
        # the learner's review: the empty article_sentence_id of the dropped row was only "Your text is empty"
        return wrong(_("Your text is empty. A sentence that the text leaves out has no article_sentence_id: its id in "
                       "the press release is in the column original_sentence_id."))
    sentence_id = _sentence_id(answer)
    if isinstance(sentence_id, Feedback):
        return sentence_id
    original = split_sentences(SECOND_ORIGINAL).set_index("sentence_id")
    if sentence_id not in original.index:
        if len(answer.split()) > 2:
            return wrong(_("Give the sentence's id in the press release (the column original_sentence_id, e.g. \"S4\"), "
                           "not its text."))
        return wrong(_("There is no sentence {id} in the press release. Take the id from the column original_sentence_id "
                       "of the comparison.").format(id=answer.strip()[:20]))
    if sentence_id in left_out_sentences():
        return right(_("That is the sentence of the press release that the second text leaves out. Read it: why might a "
                       "writer drop it? Then open the model answer below."))
    comparison = second_comparison()
    pairs = comparison[comparison["original_sentence_id"] == sentence_id]
    return wrong(_("The second text keeps {id} of the press release: it is paired with the text's {paired}. Look for the "
                   "row whose article_sentence_id is empty.").format(id=sentence_id, paired=", ".join(pairs["article_sentence_id"])))


@numeric_task("06.4", N_("a ratio, a number such as 1.5"))
def doubled(value: float) -> Feedback:
    before, after = POWER_CUTS
    if rounds_to(value, before / after, 2) and not rounds_to(value, after / before, 2):
        return wrong(_("That is the earlier count divided by the later one. The ratio divides the later count (2024) by "
                       "the earlier one (2023)."))
    if value == after - before:
        return wrong(_("That is the difference between the two counts. The ratio divides: the 2024 count by the 2023 count."))
    if rounds_to(value, after / before - 1, 2) and not rounds_to(value, after / before, 2):
        # the learner's review: the increase (0.79) was only "too small"
        return wrong(_("That is the increase (the ratio minus 1). Give the ratio itself: the 2024 count divided by the "
                       "2023 count."))
    if rounds_to(value, (after - before) / before * 100, 0) or rounds_to(value, after / before * 100, 0):
        return wrong(_("That is a percentage. The ratio is the 2024 count divided by the 2023 count, without times 100."))
    if value == 2:  # the learner's review: the claimed doubling was "close, but rounded too far"
        return wrong(_("2 is what 'verdoppelt' claims, not what the counts give. Work out the ratio from the two counts: "
                       "the 2024 count divided by the 2023 count."))
    return judge_number(value, after / before, name=N_("The ratio"), min_decimals=2,
                        look=N_("The later count divided by the earlier one, rounded to two decimals (Hint 1 of the task shows the helper that "
                                "does it)."))


# --- the answers the checks are tested with --------------------------------------------------------------------------

def cases() -> list[Case]:
    """Right answers written the ways learners write them, and wrong ones with the hint each must get. Computed from
    the text as a learner would (split_sentences, find_markers), not with the checks' own helpers."""
    from newscheck.markers import find_markers
    from newscheck.sentences import split_sentences

    second = split_sentences(SECOND_TEXT)
    practice = _practice_sentences()  # lesson 06's text, whose 15 sentences the lesson shows
    hits = find_markers(second)
    hearsay = sorted(set(hits.loc[hits["category"] == "hearsay", "sentence_id"]))
    with_sollen = sorted(set(second.loc[second["text"].str.contains(r"\bsollen\b", case=False), "sentence_id"]))
    conditional = sorted(set(hits.loc[hits["marker_id"] == "M20", "sentence_id"]))  # "Sollten ..., ..." = if
    others = sorted(set(second["sentence_id"]) - set(with_sollen) - set(conditional))
    answer = next(s for s in with_sollen if s not in hearsay)
    return [
        accepts("06.1", len(second), "is right"),
        accepts("06.1", float(len(second)), "is right"),
        accepts("06.1", second.shape[0], "is right"),
        rejects("06.1", len(second) - 1, "headline counts as one", never_says=("len(split_sentences",)),
        rejects("06.1", len(second) + 1, "too large"),
        rejects("06.1", len(second) * 1.1 + 1, "not a whole number"),
        rejects("06.1", len(practice), "lesson 06's practice text"),
        rejects("06.1", second["paragraph"].nunique(), "number of paragraphs"),
        rejects("06.1", second, "Count them with len"),
        rejects("06.1", second["sentence_id"].tolist(), "Count them with len"),
        rejects("06.1", second.shape, ".shape[0]"),  # review: was the thousands-separator message
        rejects("06.1", [len(second)], "without the brackets"),  # review: was "Count them with len(...)"
        rejects("06.1", str(len(second)), "not in quotes"),
        rejects("06.1", len(second) + 0.5, "not a whole number"),
        rejects("06.1", (1, 500), "not 1,500"),  # a number typed with a thousands comma
        # review: the ✓ message said "the finder is right", the answer to the task's own follow-up question
        accepts("06.2", answer, "is the finder right?", never_says=("finder is right", "order")),
        accepts("06.2", answer.lower(), "leaves alone"),
        accepts("06.2", " " + answer + " ", "leaves alone"),
        accepts("06.2", answer[1:], "leaves alone"),
        accepts("06.2", answer[0] + " " + answer[1:], "leaves alone"),
        accepts("06.2", answer + ".", "leaves alone"),  # review: 'S13.' with a period was called wrong
        rejects("06.2", int(answer[1:]), "as text"),
        # the learner's review: quotes typed inside the text, "Satz 5" and "S05" were "There is no sentence ...",
        # two ids were "not its text", and a column holding the one id got no help
        accepts("06.2", '"' + answer + '"', "leaves alone"),
        accepts("06.2", "Satz " + answer[1:], "leaves alone"),
        accepts("06.2", "S0" + answer[1:], "leaves alone"),
        rejects("06.2", " und ".join(with_sollen), "more than one id", never_says=("not its text",)),
        rejects("06.2", second.loc[second["sentence_id"] == answer, "sentence_id"], ".iloc[0]"),
        rejects("06.2", [answer], "as text"),
        rejects("06.2", "", "empty"),
        # found in the read-through: "its ids run from S1 to S15" answered task 06.1
        rejects("06.2", "S99", "no sentence S99", never_says=(str(len(second)),)),
        # the learner's review: the id with a reason was "not its text"; a number in words was "no sentence Sentence five"
        rejects("06.2", answer + " weil Befehl", "Give only the id", never_says=("not its text",)),
        rejects("06.2", "Sentence five", "in digits", never_says=("There is no sentence",)),
        rejects("06.3", "Satz acht", "in digits", never_says=("There is no sentence",)),
        rejects("06.2", "S13", "no sentence S13"),  # the practice text's answer, which lesson 06 shows
        rejects("06.2", second.set_index("sentence_id").loc[answer, "text"], "not its text"),
        # issue #10: wrong-answer feedback once pointed at the one candidate left
        *[rejects("06.2", s, "does flag", never_says=(answer, "the other sentence")) for s in hearsay],
        *[rejects("06.2", s, "verb-first conditional", never_says=(answer,)) for s in conditional],  # review: Sollten
        *[rejects("06.2", s, "no 'sollen'", never_says=(answer, "str.contains")) for s in others],
        *_comparison_cases(),
    ]


def _comparison_cases() -> list[Case]:
    """Cases of tasks 3 and 4, computed as the solution does (compare_with_original, describe_change)."""
    from newscheck.change import describe_change
    from newscheck.compare import compare_with_original

    comparison = compare_with_original(SECOND_TEXT, SECOND_ORIGINAL)
    dropped = comparison.loc[comparison["relation"] == "dropped", "original_sentence_id"].iloc[0]
    kept = sorted(set(comparison["original_sentence_id"]) - {dropped, ""})
    before, after = POWER_CUTS
    ratio = describe_change(before, after)["ratio"]
    return [
        accepts("06.3", dropped, "leaves out"),
        accepts("06.3", dropped.lower(), "leaves out"),
        accepts("06.3", " " + dropped + ".", "leaves out"),
        accepts("06.3", dropped[1:], "leaves out"),
        rejects("06.3", int(dropped[1:]), "as text"),
        rejects("06.3", "", "empty"),
        # the learner's review: the dropped row's article_sentence_id (empty) was only "Your text is empty"
        rejects("06.3", comparison.loc[comparison["relation"] == "dropped", "article_sentence_id"].iloc[0],
                "column original_sentence_id"),
        rejects("06.3", "S99", "no sentence S99"),
        rejects("06.3", "Nach fünf Stunden hatten alle Haushalte wieder Strom.", "not its text"),
        *[rejects("06.3", s, "keeps", never_says=(dropped,)) for s in kept],
        accepts("06.4", round(ratio, 2), "is right"),
        rejects("06.4", round(ratio, 2) + 0.2, "too large", never_says=("describe_change(",)),  # the hint gave the code
        accepts("06.4", ratio, "is right"),
        accepts("06.4", round(ratio, 3), "is right"),
        rejects("06.4", round(ratio, 1), "rounded too far"),
        rejects("06.4", 2, "what 'verdoppelt' claims", never_says=("close",)),
        rejects("06.4", 2.0, "what 'verdoppelt' claims", never_says=("close",)),
        rejects("06.4", round(before / after, 2), "earlier count divided by the later"),
        rejects("06.4", after - before, "difference"),
        rejects("06.4", round((ratio - 1) * 100, 1), "percentage"),
        rejects("06.4", round(ratio * 100), "percentage"),
        rejects("06.4", round(ratio - 1, 2), "the increase"),  # the learner's review: was "too small"
        rejects("06.4", 1.5, "too small"),
        rejects("06.4", "1.79", "not in quotes"),
        rejects("06.4", [round(ratio, 2)], "without the brackets"),
        rejects("06.4", describe_change(before, after), "number"),
    ]


def problems() -> list[str]:
    """What is wrong with the exercise's design (empty if nothing): the text is built as the task says, the notebook
    defines the text the checks use, and its hints define what they use."""
    from newscheck.markers import find_markers
    from newscheck.sentences import split_sentences

    found = []
    second = split_sentences(SECOND_TEXT)
    hits = find_markers(second)
    with_sollen = sorted(set(second.loc[second["text"].str.contains(SOLLEN, case=False), "sentence_id"]))
    hearsay = sorted(set(hits.loc[hits["category"] == "hearsay", "sentence_id"]))
    # By hand: S3's sollen + 'beschädigt haben' passes on a claim (hearsay); S5's sollen + 'prüfen', on the city's
    # instruction, is an order; S6's 'Sollten' is the verb-first conditional. The finder must agree, or task 2 is wrong.
    if (with_sollen, hearsay, sorted(sollen_not_hearsay())) != (["S3", "S5"], ["S3"], ["S5"]):
        found.append("the finder no longer reads the second text as task 2 says (S3 hearsay, S5 an order)")
    if len(second) == len(_practice_sentences()):
        found.append("the second text has as many sentences as the practice text: 06.1 cannot tell them apart")
    cells = notebook_cells(NOTEBOOK)
    setup = next(c["source"] for c in cells if c["cell_type"] == "code")
    defined = re.search(r'second_text = """(.*?)"""', setup, flags=re.S)
    if not defined or defined.group(1) != SECOND_TEXT:
        found.append("the notebook's second_text is not SECOND_TEXT")
    task_2 = next((c["source"] for c in cells if c["source"].startswith("## Task 2")), "")
    if not all(part in task_2 for part in ("sentences = split_sentences(second_text)", "hits = find_markers(sentences)",
                                           "the word *sollen* itself")):
        found.append("the hint of task 2 uses names it does not define")  # review: `sentences`, `hits` undefined
    # Task 3: the comparison must find the one sentence we left out by hand (S8: power back after five hours).
    if sorted(left_out_sentences()) != ["S8"]:
        found.append("compare_with_original no longer finds S8 of the press release as the one sentence left out")
    original = re.search(r'second_original = """(.*?)"""', "".join(c["source"] for c in cells if c["cell_type"] == "code"), flags=re.S)
    if not original or original.group(1) != SECOND_ORIGINAL:
        found.append("the notebook's second_original is not SECOND_ORIGINAL")
    task_4 = next((c["source"] for c in cells if c["source"].startswith("## Task 4")), "")
    if not all(str(n) in task_4 for n in POWER_CUTS):
        found.append("task 4 does not give the counts the check uses")
    check = next(i for i, c in enumerate(cells) if c["source"].startswith('check("06.2"'))
    if "A model answer" not in cells[check + 1]["source"] or "the finder is right" not in cells[check + 1]["source"]:
        found.append("the model answer after task 2's check is missing")
    return found
