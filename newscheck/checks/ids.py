"""Reading an answer that should be a list of ids (marker ids, sentence ids, claim ids), and saying how far along it
is: "Both of your sentences are right, but 2 are still missing."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from newscheck.checks.kinds import capitalised, kind
from newscheck.checks.numbers import is_whole_number
from newscheck.checks.registry import Feedback, right, wrong
from newscheck.formats import number_text
from newscheck.i18n import N_, _, ngettext


def ids(answer: Any, what: str, example: str, valid: set[str] | None = None, column: str | None = None) -> set[str] | Feedback:
    """A list (or tuple, set, Series, array) of ids, each once and written as the table writes it (S8, not s8).

    `what` ("marker ids") is an N_ template; `example` is code, e.g. '["M01", "M99"]'; `valid` is the set of ids
    that exist, so that a mistyped id gets its own message; `column` is the table column that holds them."""
    what = _(what)
    if isinstance(answer, str):
        if valid is not None and answer.strip().upper() in valid:
            return wrong(_("You gave one id as text; give a list, in square brackets: [\"{id}\"].").format(id=answer.strip()))
        return wrong(_("You gave one piece of text; give a list of {what}, e.g. {example}.").format(what=what, example=example))
    if isinstance(answer, pd.DataFrame):
        return wrong(_("You gave a table; give a list of {what}, e.g. {example}: the values of the id column, as a "
                       "list.").format(what=what, example=example))
    given_kind = kind(answer)
    if isinstance(answer, (pd.Series, pd.Index, np.ndarray, pd.api.extensions.ExtensionArray)):
        answer = list(np.asarray(answer, dtype=object).reshape(-1))
    if not isinstance(answer, (list, tuple, set, frozenset)):
        return wrong(_("You gave {kind}; give a list of {what}, e.g. {example}.").format(kind=given_kind, what=what, example=example))
    if len(answer) == 0:
        return wrong(_("You gave {kind} that is empty; give a list of {what}, e.g. {example}.").format(
            kind=given_kind, what=what, example=example))
    if all(isinstance(item, (bool, np.bool_)) for item in answer):
        return wrong(_("You gave {kind} of True/False values, one per row (a mask): use it to pick rows, then keep "
                       "only the id column, as a list.").format(kind=given_kind))
    if all(is_whole_number(item) for item in answer):
        if column:
            return wrong(_("Every item should be text in quotes, as in {example}; yours are numbers. If they are row "
                           "numbers (the table's index), take the values of the column {column} instead.").format(
                               example=example, column=column))
        return wrong(_("Every item should be text in quotes, as in {example}; yours are numbers. If they are row numbers "
                       "(the table's index), take the values of the id column instead.").format(example=example))
    if any(item is None or (not isinstance(item, str) and bool(pd.isna(item))) for item in answer
           if not isinstance(item, (list, tuple, set, dict, np.ndarray, pd.Series))):
        # e.g. the sentence_id of rows that have none (<NA>): the filter kept rows it should not have
        return wrong(_("Some items of your answer ({kind}) are missing values (<NA> or None): rows without {what} got "
                       "into it. Check which rows your filter keeps.").format(kind=given_kind, what=what))
    if not all(isinstance(item, str) for item in answer):
        return wrong(_("Every item should be text in quotes, as in {example}; some of yours are not.").format(example=example))
    # inner spaces too ('S 2'): the learner's review; such an id is told to be written as the table does, below
    given = {re.sub(r"\s+", "", item).upper() for item in answer}
    if valid is not None and given - valid:
        unknown = sorted({item.strip() for item in answer if re.sub(r"\s+", "", item).upper() not in valid})
        parts = {item: [part for part in re.split(r"[\s,;]+", item) if part] for item in unknown}
        if all(len(parts[item]) > 1 and all(part.upper() in valid for part in parts[item]) for item in unknown):
            # ["M08, M24"]: one text holding several ids
            return wrong(_("Each id is a text of its own, in quotes of its own: {fixed}, not {given}.").format(
                fixed=", ".join('"' + part + '"' for item in unknown for part in parts[item]),
                given=", ".join('"' + item + '"' for item in unknown)))
        padded = {item: re.sub(r"^([A-Za-z]+)(\d)$", r"\g<1>0\g<2>", item).upper() for item in unknown}
        if all(padded[item] in valid and padded[item] != item.upper() for item in unknown):
            return wrong(_("Ids have two digits, as in the table: write {fixed} for {given}.").format(
                fixed=", ".join(padded[item] for item in unknown), given=", ".join(unknown)))
        shown = ", ".join("'" + (item if len(item) <= 25 else item[:24] + "…") + "'" for item in unknown[:3])
        return wrong(ngettext("{items} is not one of the {what}; they look like {example}.",
                              "{items} are not among the {what}; they look like {example}.",
                              len(unknown)).format(items=shown, what=what, example=example))
    if valid is not None:
        respelled = [item for item in answer if item not in valid]
        if respelled:  # issue #21: 's8' was accepted for 'S8'
            return wrong(_("Write the ids exactly as the table does (capital letters, no spaces): {fixed}, not "
                           "{given}.").format(fixed=", ".join(re.sub(r"\s+", "", item).upper() for item in respelled),
                                              given=", ".join(repr(item) for item in respelled)))
    if len(given) < len(answer):  # issue #21: the task says "each id once"
        return wrong(_("Some ids appear more than once in your answer ({kind}): give each id once.").format(kind=given_kind))
    return given


YOUR_ONE = N_("Your answer")


def compare_ids(given: set[str], expected: set[str], noun: str, look: str, yours: str = YOUR_ONE) -> Feedback:
    """Right if both sets are equal; otherwise say how many are right, wrong and missing.

    noun, look, yours: N_ templates; noun is plural ("marker ids"), yours names a single answer at the start of a
    sentence ("Your marker id"), so that one, two and all of the learner's ids each read naturally."""
    noun = _(noun)
    hits, extra, missing = len(given & expected), len(given - expected), len(expected - given)
    if given == expected:
        if len(expected) == 1:
            return right(_("Found it."))
        if len(expected) == 2:
            return right(_("Both {noun} found.").format(noun=noun))
        return right(_("All {count} {noun} found.").format(count=number_text(len(expected)), noun=noun))
    if not extra:  # every id given is right, some are missing
        if len(given) == 1:
            text = ngettext("{yours} is right, but {count} is still missing.",
                            "{yours} is right, but {count} are still missing.", missing).format(
                                yours=_(yours), count=number_text(missing))
        elif len(given) == 2:
            text = ngettext("Both of your {noun} are right, but {count} is still missing.",
                            "Both of your {noun} are right, but {count} are still missing.", missing).format(
                                noun=noun, count=number_text(missing))
        else:
            text = ngettext("All {given} of your {noun} are right, but {count} is still missing.",
                            "All {given} of your {noun} are right, but {count} are still missing.", missing).format(
                                given=number_text(len(given)), noun=noun, count=number_text(missing))
        return wrong(text + " " + _(look))
    parts = []
    if hits:
        parts.append(ngettext("{right} of your {given} {noun} is right", "{right} of your {given} {noun} are right",
                              hits).format(right=number_text(hits), given=number_text(len(given)), noun=noun))
    if len(given) == 1:
        parts.append(_("{yours} is not right").format(yours=_(yours)))
    else:
        parts.append(ngettext("{count} should not be there", "{count} should not be there", extra).format(count=number_text(extra)))
    if missing:
        parts.append(ngettext("{count} is still missing", "{count} are still missing", missing).format(count=number_text(missing)))
    text = "; ".join(parts)
    return wrong(capitalised(text) + ". " + _(look))

