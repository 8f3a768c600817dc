"""How far along a list of ids is, said the way people say it, in English and in German (review of the German
edition, finding 35: "1 of your 1 marker ids is right", "5 of your 5", "All 2 ... found").

Every case runs in both editions through conftest.py's `judge` and `judge_german` (same verdict, every template
translated, no answer given away). The expected ids come from data/ and the helpers, never typed in."""

import re

import pytest

from newscheck import find_markers, load_table
from newscheck.checks import answers
from newscheck.checks.lesson02 import TASK_4_SENTENCE, agency_sentence

ALIGNMENT = load_table("agency_alignment")
SOFTENED = ALIGNMENT[ALIGNMENT["relation"] == "softened"]  # 03.1
LOST = sorted(ALIGNMENT.loc[ALIGNMENT["relation"].isin(["made_hearsay", "attribution_dropped"]), "sentence_id"].unique())
CLAIMS = load_table("claims")
OWN_CHECKABLE = CLAIMS[CLAIMS["checkable"] & (CLAIMS["speaker_type"] == "article")]  # 03.3
DPA_MARKERS = sorted(find_markers(agency_sentence())["marker_id"])  # 02.1
NEW_HITS = find_markers(TASK_4_SENTENCE)  # 02.4
SENTENCES = load_table("article_sentences")
BODY_HITS = find_markers(SENTENCES[SENTENCES["kind"] == "body"])
ALL_HITS = find_markers(SENTENCES)
OTHER_MARKERS = sorted(set(load_table("markers_de")["marker_id"]) - set(DPA_MARKERS))


def test_the_cases_below_need_these_sizes():
    assert len(DPA_MARKERS) == 2 and len(SOFTENED) > 4 and len(LOST) > 2 and len(OWN_CHECKABLE) > 3


# (task, answer, English fragment, German fragment); every answer is wrong or partly right
PARTIAL = [
    # exactly one id given, and it is right: no "1 of your 1"
    ("02.1", DPA_MARKERS[:1], "Your marker id is right, but 1 is still missing.",
     "Deine Signalwort-Kennung stimmt, aber 1 fehlt noch."),
    ("03.2", LOST[:1], f"Your sentence is right, but {len(LOST) - 1} are still missing.",
     f"Dein Satz stimmt, aber {len(LOST) - 1} fehlen noch."),
    ("03.1", SOFTENED.head(1), f"The span in your table is right, but {len(SOFTENED) - 1} are still missing.",
     f"Die Stelle in deiner Tabelle stimmt, aber {len(SOFTENED) - 1} fehlen noch."),
    ("04.1", None, "The estimate in your table is right, but", "Die Schätzung in deiner Tabelle stimmt, aber"),
    # exactly two given, both right: "both", not "2 of your 2"
    ("03.1", SOFTENED.head(2), f"Both of your softened spans are right, but {len(SOFTENED) - 2} are still missing.",
     f"Deine beiden abgeschwächten Stellen stimmen, aber {len(SOFTENED) - 2} fehlen noch."),
    ("03.2", LOST[:2], f"Both of your sentences are right, but {len(LOST) - 2} ",
     f"Deine beiden Sätze stimmen, aber {len(LOST) - 2} "),
    # all of several right, some missing: "all 3 of your", not "3 of your 3"
    ("03.3", OWN_CHECKABLE.head(3), f"All 3 of your claims are right, but {len(OWN_CHECKABLE) - 3} ",
     f"Deine 3 Aussagen stimmen alle, aber {len(OWN_CHECKABLE) - 3} "),
    ("03.1", SOFTENED.head(len(SOFTENED) - 1), f"All {len(SOFTENED) - 1} of your softened spans are right, but 1 is "
     "still missing.", f"Deine {len(SOFTENED) - 1} abgeschwächten Stellen stimmen alle, aber 1 fehlt noch."),
    # one id given, and it is wrong
    ("02.1", OTHER_MARKERS[:1], "Your marker id is not right; 2 are still missing.",
     "Deine Signalwort-Kennung stimmt nicht; 2 fehlen noch."),
    # right and wrong ones mixed: the counts stay, and they are not "N of your N"
    ("02.1", DPA_MARKERS + OTHER_MARKERS[:1], "2 of your 3 marker ids are right; 1 should not be there.",
     "2 deiner 3 Signalwort-Kennungen stimmen; 1 gehört nicht dazu."),
    ("02.1", DPA_MARKERS[:1] + OTHER_MARKERS[:1], "1 of your 2 marker ids is right; 1 should not be there; 1 is still "
     "missing.", "1 deiner 2 Signalwort-Kennungen stimmt; 1 gehört nicht dazu; 1 fehlt noch."),
]


def _uk_first_row():
    from newscheck.checks.lesson04 import uk_rows

    rows = uk_rows()
    return load_table("loss_estimates").loc[[rows.index[0]]]


@pytest.mark.parametrize("task_id, answer, english, german", PARTIAL, ids=[f"{c[0]}-{i}" for i, c in enumerate(PARTIAL)])
def test_partly_right_answers_count_naturally_in_both_editions(judge, judge_german, task_id, answer, english, german):
    answer = _uk_first_row() if answer is None else answer
    result, german_result = judge(task_id, answer), judge_german(task_id, answer)
    assert not result.ok and not german_result.ok
    assert english in result.message, result.message
    assert german in german_result.message, german_result.message
    for message in (result.message, german_result.message):
        assert not re.search(r"\b(\d+) (?:of your|deiner) \1\b", message), message  # never "1 of your 1"


RIGHT = [
    ("02.1", DPA_MARKERS, "Both marker ids found.", "Beide Signalwort-Kennungen gefunden."),
    ("02.4", NEW_HITS, "Both markers found." if NEW_HITS["marker_id"].nunique() == 2 else "markers found.",
     "Beide Signalwörter gefunden." if NEW_HITS["marker_id"].nunique() == 2 else "Signalwörter gefunden."),
    ("03.1", SOFTENED, f"All {len(SOFTENED)} softened spans found.", f"Alle {len(SOFTENED)} abgeschwächten Stellen gefunden."),
    ("03.2", LOST, f"All {len(LOST)} sentences found.", f"Alle {len(LOST)} Sätze gefunden."),
]


@pytest.mark.parametrize("task_id, answer, english, german", RIGHT, ids=[c[0] for c in RIGHT])
def test_right_answers_say_all_or_both(judge, judge_german, task_id, answer, english, german):
    result, german_result = judge(task_id, answer), judge_german(task_id, answer)
    assert result.ok and german_result.ok
    assert english in result.message and german in german_result.message, (result.message, german_result.message)
    assert "All 2 " not in result.message and "Alle 2 " not in german_result.message


def test_compare_ids_covers_one_two_and_all(german):
    noun, look = answers.N_("sentences"), answers.N_("claims")
    assert answers.compare_ids({"S1"}, {"S1"}, noun, look).message == "Gefunden."
    assert answers.compare_ids({"S1", "S2"}, {"S1", "S2"}, noun, look).message == "Beide Sätze gefunden."
    assert answers.compare_ids({"S1", "S2", "S3"}, {"S1", "S2", "S3"}, noun, look).message == "Alle 3 Sätze gefunden."
    assert answers.compare_ids({"S1"}, {"S1", "S2"}, noun, look).message.startswith("Deine Antwort stimmt, aber 1 fehlt")


@pytest.fixture
def german(monkeypatch):
    from newscheck import i18n

    monkeypatch.setattr(i18n, "_chosen", "de")


# --- 02.3: a right answer also says why one category has fewer hits than in the lesson (finding 15) ----------------

def test_a_right_count_per_category_says_why_one_category_has_fewer_hits(judge, judge_german):
    per_category = BODY_HITS["category"].value_counts()
    fewer = ALL_HITS["category"].value_counts().sub(per_category, fill_value=0)
    fewer = fewer[fewer > 0]
    assert len(fewer) == 1  # the data: only one category loses hits (the headline's question mark, printed twice)
    (category, count), = fewer.items()
    label = load_table("vocabulary").query("column == 'category' and code == @category")["label_de"].iloc[0]
    headline = ALL_HITS[ALL_HITS["sentence_id"].isin(SENTENCES.loc[SENTENCES["kind"] == "headline", "sentence_id"])]
    (match,) = set(headline["match"])
    english, german = judge("02.3", per_category), judge_german("02.3", per_category)
    assert english.ok and german.ok
    assert (f"The category '{category}' has {int(count)} hits fewer than in the lesson: the '{match}' of the headline, "
            "which the text prints twice.") in english.message
    assert (f"Die Kategorie „{label}“ hat {int(count)} Treffer weniger als in der Lektion: das „{match}“ der "
            "Überschrift. Die Überschrift steht zweimal im Text.") in german.message


def test_a_wrong_count_per_category_does_not_say_why(judge, judge_german):
    wrong = BODY_HITS["category"].value_counts() * 2
    assert "fewer than in the lesson" not in judge("02.3", wrong).message
    assert "weniger als in der Lektion" not in judge_german("02.3", wrong).message


# --- the German terms of the messages (findings 1, 2, 6, 7, 8, 39) -------------------------------------------------

def test_german_messages_use_the_courses_terms():
    """One German term for a thing: Signalwort (not Marker), Satzkennung, kumuliert; no Finder, which the German
    lessons do not introduce; "Achsen" only for the axes themselves, not for the plotting area; no "Punktwerte"."""
    from conftest import german_messages

    singular, plural = german_messages()
    texts = list(singular.values()) + [form for forms in plural.values() for form in forms.values()]
    for word in ["Marker", "Finder", "Satz-Kennung", "kumulativ", "Punktwert", "Punktschätzung", "innerhalb der Achsen",
                 "außerhalb der Achsen", "Vielfaches", "Lexikon"]:
        assert not [text for text in texts if word in text], word
