"""compare_with_original: pairs, merged and split sentences, dropped and added ones, and a suggested relation."""

import pandas as pd
import pytest

from newscheck import compare_with_original


def table(*sentences: str) -> pd.DataFrame:
    return pd.DataFrame({"sentence_id": [f"S{i}" for i in range(1, len(sentences) + 1)], "text": list(sentences)})


ORIGINAL = table(
    "Die Gewerkschaft hat die Beschäftigten des Hafens für Donnerstag zu einem ganztägigen Warnstreik aufgerufen.",
    "Verdi fordert für die Hafenarbeiter 8 Prozent mehr Lohn.",
    "Die Arbeitgeber bezeichneten die Forderung als überzogen.",
    "Nach Angaben der Gewerkschaft werden rund 2.400 Beschäftigte die Arbeit niederlegen.",
    "Ein Sprecher des Betreibers wies Berichte zurück, wonach Schiffe umgeleitet würden.",
)
ARTICLE = table(
    "Die Gewerkschaft hat die Beschäftigten des Hafens für Donnerstag zu einem ganztägigen Warnstreik aufgerufen.",
    "Für die ohnehin angeschlagene Hafenwirtschaft ist der Streik ein schwerer Schlag.",
    "Rund 2.400 Beschäftigte sollen betroffen sein.",
    "Verdi fordert 8 Prozent mehr Lohn, eine Forderung, die die Arbeitgeber als überzogen bezeichneten.",
)


@pytest.fixture(scope="module")
def result() -> pd.DataFrame:
    return compare_with_original(ARTICLE, ORIGINAL)


def links(result: pd.DataFrame) -> dict[tuple[str, str], str]:
    return {(r.article_sentence_id, r.original_sentence_id): r.relation for r in result.itertuples()}


def test_the_columns(result):
    assert list(result.columns[:6]) == ["article_sentence_id", "original_sentence_id", "similarity", "markers_added", "markers_removed", "relation"]
    assert result["similarity"].between(0, 1).all()


def test_a_kept_sentence(result):
    assert links(result)[("S1", "S1")] == "kept"


def test_a_merged_sentence_is_paired_with_both_originals(result):
    assert ("S4", "S2") in links(result) and ("S4", "S3") in links(result)


def test_a_dropped_denial(result):
    assert links(result)[("", "S5")] == "dropped"


def test_an_added_judgement(result):
    assert links(result)[("S2", "")] == "added_by_writer"


def test_reordered_and_made_hearsay_with_the_markers_shown(result):
    row = result[(result.article_sentence_id == "S3") & (result.original_sentence_id == "S4")].iloc[0]
    assert row.relation == "made_hearsay"
    assert "hearsay" in row.markers_added and "attribution" in row.markers_removed


def test_a_sentence_split_into_two():
    original = table("Verbraucherschützer halten die Erhöhung für nicht gerechtfertigt, weil die Einkaufspreise an der Börse gesunken seien.")
    article = table("Verbraucherschützer kritisieren die Erhöhung.", "Sie verweisen darauf, dass die Einkaufspreise an der Börse gesunken seien.")
    assert set(links(compare_with_original(article, original))) == {("S1", "S1"), ("S2", "S1")}


def test_a_new_kaum_is_softened_and_a_lost_rund_intensified():
    softened = compare_with_original(table("Putin sei kaum in der Lage, die Offensive fortzuführen."), table("Putin sei nicht in der Lage, die Offensive fortzuführen."))
    assert softened.relation.tolist() == ["softened"] and "kaum" in softened.markers_added[0]
    intensified = compare_with_original(table("Südstrom erhöht die Preise für 250.000 Haushalte."), table("Südstrom erhöht die Preise für rund 250.000 Haushalte."))
    assert intensified.relation.tolist() == ["intensified"]


def test_texts_are_split_into_sentences():
    result = compare_with_original("Der Rat hat die Schule geschlossen. Eltern wollen klagen.", "Der Rat hat die Schule am Montag geschlossen.")
    assert links(result) == {("S1", "S1"): "kept", ("S2", ""): "added_by_writer"}


def test_an_empty_original_leaves_every_sentence_added():
    result = compare_with_original("Der Rat hat die Schule geschlossen.", "")
    assert result.relation.tolist() == ["added_by_writer"]


def test_wrong_input_says_what_is_needed():
    with pytest.raises(TypeError, match="sentence table"):
        compare_with_original(42, "Text.")


def test_the_development_set_meets_the_goals():
    import compare_eval

    found, gold, correct, agrees, errors = compare_eval.evaluate(compare_eval.SETS["development set"])
    assert compare_eval.f1(found, gold, correct)[2] >= 0.9, errors
    assert agrees / correct >= 0.7, errors
