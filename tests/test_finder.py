"""The marker finder and the sentence splitter on real-style German news: the cases of issues #12 and #19, each
with a test (sentences written for these tests, not taken from the sets it is measured on), and floors on the
hand-annotated sets (tools/finder_eval.py)."""

import builtins
from pathlib import Path

import pandas as pd
import pytest

from newscheck import CourseFileError, find_markers, load_table, split_sentences

ROOT = Path(__file__).resolve().parent.parent
import finder_eval  # noqa: E402  (tools/ is on the path: pyproject.toml)


def found(text: str) -> set[tuple[str, str]]:
    """(category, matched words) for every hit in one sentence."""
    return {(hit.category, hit.match) for hit in find_markers(text).itertuples()}


def categories(text: str) -> set[str]:
    return {category for category, _ in found(text)}


# --- Konjunktiv ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, verb", [
    ("Die Firma handele nach Recht und Gesetz, sagte ihr Anwalt.", "handele"),
    ("Vor allem der Mittelstand profitiere von der Reform.", "profitiere"),
    ("Es bestehe keine Gefahr für Anwohner.", "bestehe"),
    ("Der Minister könne sich dazu nicht äußern.", "könne"),
])
def test_konjunktiv_i_of_ordinary_verbs(sentence, verb):
    assert ("attribution", verb) in found(sentence)


def test_first_person_indicative_is_not_konjunktiv_i():
    assert not any(m == "habe" for _, m in found("„Ich habe nichts davon gewusst“, sagte er."))


def test_konjunktiv_ii_standing_in_for_reported_speech():
    hits = find_markers("Hohe Zinsen bremsten die Bauwirtschaft, sagte die Ökonomin.")
    assert ("M25", "attribution", "bremsten") in set(zip(hits.marker_id, hits.category, hits.match))
    # outside reported speech, hätten stays a hypothetical (M02, speculation)
    assert ("speculation", "hätten") in found("Mit mehr Geld hätten die Schulen besser ausgestattet werden können.")
    # inside reported speech it is attribution, and M02 gives way to M25
    hits = find_markers("Die Verbände sagten, sie hätten früher gewarnt.")
    assert set(hits.loc[hits.match == "hätten", "marker_id"]) == {"M25"}


# --- verbs and phrases of saying ------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, words", [
    ("Der Kanzler spricht von einem Durchbruch.", "spricht"),
    ("Die Ministerin sprach von einem Missverständnis.", "sprach"),
    ("Die Behörde verwies darauf, dass die Frist abgelaufen sei.", "verwies"),
    ("Als Grund gab die Firma einen technischen Defekt an.", "gab die Firma einen technischen Defekt an"),
    ("Es gibt Berichte, wonach das Werk geschlossen wird.", "wonach"),
    ("Die Agentur meldet unter Berufung auf die Polizei drei Festnahmen.", "unter Berufung auf"),
    ("Die Institute erwarten ein Wachstum von 0,5 Prozent.", "erwarten"),
    ("Die Kassen rechnen mit höheren Beiträgen.", "rechnen"),
    ("Ärzte warnen vor der Grippewelle.", "warnen"),
    ("Die Stadt teilte am Montag mit, die Brücke bleibe gesperrt.", "teilte am Montag mit"),
])
def test_verbs_and_phrases_of_saying_in_any_form(sentence, words):
    assert ("attribution", words) in found(sentence)


def test_a_verb_that_needs_its_preposition():
    assert "attribution" not in categories("Der Zug rechnet die Fahrzeit nicht an.")
    assert "attribution" not in categories("Die Kinder sprechen gut Deutsch.")


def test_separable_inference_verbs_joined_or_apart():
    assert ("speculation", "hindeuteten") in found("Es gab Hinweise, die darauf hindeuteten, dass er floh.")
    assert ("speculation", "deuten darauf hin") in found("Die Spuren deuten darauf hin, dass er floh.")


# --- passives ----------------------------------------------------------------------------------------------------

def test_impersonal_passive_also_before_a_closing_quotation_mark():
    assert ("agentless_passive", "wird gefahndet") in found("Nach dem Verdächtigen wird gefahndet.")
    assert ("agentless_passive", "wird gefahndet") in found("„Nach dem Verdächtigen wird gefahndet“, sagte ein Sprecher.")


def test_sein_passive_but_not_perfect_tense_with_sein():
    assert ("agentless_passive", "ist zur Fahndung ausgeschrieben") in found("Der Mann ist zur Fahndung ausgeschrieben.")
    assert "agentless_passive" not in categories("Die Preise sind im Oktober gestiegen.")


def test_future_tense_is_not_a_passive():
    assert "agentless_passive" not in categories("Es wird keine Einigung geben.")
    assert "agentless_passive" not in categories("Die Strecke wird bis Freitag gesperrt bleiben.")


def test_a_passive_with_its_agent_is_not_agentless():
    assert "agentless_passive" not in categories("Die Straße wurde von der Polizei gesperrt.")
    # a source after 'nach Angaben von' is not the agent
    assert "agentless_passive" in categories("Nach Angaben von Helfern wurden drei Menschen verletzt.")


# --- sources and figures ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, words", [
    ("Geheimdienstinformationen zufolge sind die Truppen verlegt worden.", "Geheimdienstinformationen"),
    ("Medienberichten zufolge tritt der Minister zurück.", "Medienberichten"),
    ("In Regierungskreisen hieß es, man sei zuversichtlich.", "Regierungskreisen"),
])
def test_unnamed_sources(sentence, words):
    assert ("vague_source", words) in found(sentence)


@pytest.mark.parametrize("sentence, words", [
    ("Der Schaden liegt bei rund zwei Millionen Euro.", "rund"),
    ("Es drohen bis zu fünf Jahre Haft.", "bis zu"),
    ("Zwischen 300 und 400 Menschen kamen.", "Zwischen 300 und"),
    ("Knapp die Hälfte der Befragten stimmte zu.", "Knapp"),
])
def test_approximations_and_ranges(sentence, words):
    assert ("hedge", words) in found(sentence)


def test_years_and_times_are_not_ranges():
    assert "hedge" not in categories("Von 2020 bis 2024 stieg die Zahl; geöffnet ist von 9 bis 17 Uhr.")


# --- sollen ------------------------------------------------------------------------------------------------------

def test_sollen_stating_a_plan_is_not_hearsay():
    assert "hearsay" not in categories("Die neue Grundsicherung soll das Bürgergeld ablösen.")


@pytest.mark.parametrize("sentence", [
    "Der Täter soll zwei Menschen verletzt haben.",
    "Die Zahl soll bei 600.000 liegen.",
    "Der Vorstand soll früh informiert worden sein.",
])
def test_sollen_passing_on_what_others_say_is_hearsay(sentence):
    assert "hearsay" in categories(sentence)


# --- sentences ---------------------------------------------------------------------------------------------------

def test_splitter_keeps_dates_in_brackets_abbreviations_and_quotations_together():
    text = ("Die Polizei nahm am Donnerstag (9. Oktober) einen Mann fest. Er nannte z. B. Tab. 3 des Berichts als Beleg. "
            "„Wer soll das bezahlen?“, fragte sie. Er sagte: „Das ist ernst.“ Dann ging er. Die Sitzung am 3. 10. begann "
            "um 14.30 Uhr in der Bahnhofstr. 5 mit Prof. Dr. Klein.")
    assert split_sentences(text)["text"].tolist() == [
        "Die Polizei nahm am Donnerstag (9. Oktober) einen Mann fest.",
        "Er nannte z. B. Tab. 3 des Berichts als Beleg.",
        "„Wer soll das bezahlen?“, fragte sie.",
        "Er sagte: „Das ist ernst.“",
        "Dann ging er.",
        "Die Sitzung am 3. 10. begann um 14.30 Uhr in der Bahnhofstr. 5 mit Prof. Dr. Klein.",
    ]


def test_line_breaks_inside_a_paragraph_do_not_split():
    assert split_sentences("Der Rat tagte am\n28. Oktober in Brüssel.\n\nDanach sprach Rutte.")["text"].tolist() == [
        "Der Rat tagte am 28. Oktober in Brüssel.", "Danach sprach Rutte."]


# --- the sets (tests/fixtures/finder_*/, each annotated by hand before the finder was first run on it) ----------

# Floors a little under the figures measured at the end of issue #19 (make finder-eval; CONTRIBUTING.md): they catch
# regressions and are not targets to tune to. The held-out sets were each run once before being used to fix kinds:
# first runs 0.92 / 0.95 (heldout_news), 0.93 / 0.88 (heldout_news2), 0.93 / 0.93 (heldout_news3), 0.96 / 0.96
# (heldout_news4, not used to fix anything).
FLOORS = {  # set: (precision, recall, sentences split right)
    "dev": (0.97, 0.97, 126), "dev_news": (0.97, 0.95, 61), "heldout": (0.97, 0.97, 41),
    "heldout_news": (0.96, 0.94, 68), "heldout_news2": (0.96, 0.95, 42), "heldout_news3": (0.95, 0.93, 30),
    "heldout_news4": (0.95, 0.95, 23),
}
NEWS_SETS = ["dev_news", "heldout_news", "heldout_news2", "heldout_news3", "heldout_news4"]


@pytest.mark.parametrize("name", list(FLOORS))
def test_sets_precision_recall_and_sentences(name):
    score, right, total, errors = finder_eval.evaluate_set(finder_eval.SETS[name][1])
    precision, recall, *_ = score.rates()
    print(f"\n{name}\n{finder_eval.table(score)}\nsentences {right}/{total}")
    floor_p, floor_r, floor_sentences = FLOORS[name]
    assert precision >= floor_p and recall >= floor_r, (score.false_alarms, score.missed)
    assert right >= floor_sentences, errors


@pytest.mark.parametrize("name", [n for n, (_, folder) in finder_eval.SETS.items() if folder is not None])
def test_sets_are_well_formed(name):
    folder = finder_eval.SETS[name][1]
    gold = pd.read_csv(folder / "gold_markers.csv", dtype=str)
    assert list(gold.columns) == ["text_id", "sentence_id", "category", "matched_text", "note"]
    assert set(gold["category"]) <= set(finder_eval.CATEGORIES)
    texts = {text_id: expected for text_id, _, expected, _ in finder_eval.set_texts(folder)}
    for row in gold.itertuples():
        sentence = texts[row.text_id][int(row.sentence_id[1:]) - 1]
        assert sentence.count(row.matched_text) == 1, f"{row.text_id} {row.sentence_id}: {row.matched_text!r} must occur once"


@pytest.mark.parametrize("name", NEWS_SETS)
def test_news_excerpts_are_short_and_credited(name):
    """Real news is quoted only as far as the measurement needs: at most three sentences of any one report, each
    excerpt credited with its outlet and address."""
    folder = finder_eval.SETS[name][1]
    sources = pd.read_csv(folder / "sources.csv", dtype=str, keep_default_na=False)
    texts = {text_id: expected for text_id, _, expected, _ in finder_eval.set_texts(folder)}
    assert set(sources["text_id"]) == set(texts)
    assert all(len(sentences) <= 3 for sentences in texts.values())
    assert sources["outlet"].str.strip().ne("").all() and sources["address"].str.match(r"https?://").all()
    assert not sources["address"].duplicated().any(), "one excerpt per report"


# --- nothing downloaded, and friendly errors -------------------------------------------------------------------

def test_hanta_model_ships_with_the_package():
    import HanTa

    assert (Path(HanTa.__file__).parent / "morphmodel_ger.pgz").is_file()


def test_missing_language_tools_are_explained(monkeypatch):
    from newscheck import nlp

    real_import = builtins.__import__

    def no_hanta(name, *args, **kwargs):
        if name.startswith("HanTa"):
            raise ImportError("No module named 'HanTa'", name="HanTa")
        return real_import(name, *args, **kwargs)

    nlp.tagger.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_hanta)
    try:
        with pytest.raises(CourseFileError, match=r"requirements/learner.txt: .*not installed.*Run `make lab` again"):
            nlp.tagger()
    finally:
        monkeypatch.undo()
        nlp.tagger.cache_clear()


def test_a_broken_pattern_in_the_lexicon_is_explained():
    lexicon = load_table("markers_de")
    lexicon.loc[lexicon.marker_id == "M15", "pattern"] = r"\b(kaum"
    with pytest.raises(CourseFileError, match=r"data/markers_de.csv, row \d+, column 'pattern': the regular expression is broken"):
        find_markers("Das ist kaum zu glauben.", lexicon=lexicon)


# --- issue #19: the probes a learner types first, and each kind the issue lists -------------------------------

@pytest.mark.parametrize("sentence, words", [
    ("Laut dpa wurden drei Menschen verletzt.", "Laut"),
    ("Die Lage sei ernst, so Müller.", "so Müller"),
    ("Demnach sollen auch Kinder unter den Opfern sein.", "Demnach"),
    ("Den Angaben nach geht die Entwicklung auf weniger Zuwanderung zurück.", "Den Angaben nach"),
    ("Nach einer ersten Schätzung des Statistischen Bundesamtes stieg die Zahl der Einwohner.", "Nach einer ersten Schätzung"),
])
def test_issue_19_probes(sentence, words):
    assert ("attribution", words) in found(sentence)


@pytest.mark.parametrize("sentence, words", [
    ("Nach aktuellem Ermittlungsstand handelte der Täter allein.", "Nach aktuellem Ermittlungsstand"),
    ("Nach einer Schätzung kamen 4.000 Besucher.", "Nach einer Schätzung"),
    ("Nach Polizeiangaben wurden zwei Personen festgenommen.", "Nach Polizeiangaben"),
    ("Gemäß Angaben der Feuerwehr brannte das Dach.", "Gemäß Angaben"),
    ("Eigenen Angaben nach hat die Firma 300 Mitarbeiter.", "Eigenen Angaben nach"),
    ("„Wir sind vorbereitet“, so Bürgermeisterin Berger.", "so Bürgermeisterin"),
    ("Die Werte seien gestiegen, so das Umweltamt.", "so das Umweltamt"),
    ("Die Firma meldete einen Gewinn; demzufolge steigt die Dividende.", "demzufolge"),
])
def test_phrases_that_name_a_source_in_other_forms(sentence, words):
    assert ("attribution", words) in found(sentence)


@pytest.mark.parametrize("sentence", [
    "Der Kurs fiel nach dem Bericht um acht Prozent.",      # nach: after (the report), not according to it
    "Die Polizei fragte nach Angaben zum Fahrer.",          # fragen nach: what is asked for
    "Nach dem Erdbeben stieg die Zahl der Toten.",           # a noun that names no source
])
def test_nach_phrases_that_name_no_source(sentence):
    assert not (find_markers(sentence)["marker_id"] == "M06").any()


def test_unnamed_groups_as_speakers_are_vague_sources():
    assert ("vague_source", "Bewohner") in found("Bewohner des Gazastreifens sagten, die Lage sei verzweifelt.")
    assert ("vague_source", "Beamte") in found("Beamte sagten, der Täter sei gefasst.")
    assert ("vague_source", "Zeugen") in found("Die Explosion, die Zeugen zufolge weithin zu hören war, zerstörte die Halle.")


@pytest.mark.parametrize("sentence", [
    "Der Minister sagte den Beamten, sie sollten warten.",         # spoken to
    "Der Minister dankte den Beamten für ihren Einsatz.",          # acted on, and no source in the sentence
    "Die Polizei bittet Zeugen, sich zu melden.",                   # asked
    "Ein UNHCR-Team sprach mit den Überlebenden in Kalamata.",       # talked with
    "Experten des Robert Koch-Instituts warnten vor der Grippe.",    # their institution is named
    "Zahlreiche Anwohner mussten ihre Häuser verlassen.",            # a group, but no source
])
def test_groups_that_are_not_a_source(sentence):
    assert "vague_source" not in categories(sentence)


def test_a_passive_whose_parts_stand_far_apart():
    sentence = "In Gaza wurden laut der von der Hamas kontrollierten Gesundheitsbehörde bis zum Abend 25 Menschen getötet."
    passives = find_markers(sentence).query("category == 'agentless_passive'")["match"].tolist()
    assert passives == ["wurden laut der von der Hamas kontrollierten Gesundheitsbehörde bis zum Abend 25 Menschen getötet"]


def test_gebracht_worden_is_a_passive_untergebracht_war_is_not():
    assert ("agentless_passive", "gebracht worden") in found("Die Verletzten seien in Krankenhäuser gebracht worden.")
    assert "agentless_passive" not in categories("Der Mann, der in einem Heim untergebracht war, ist geflohen.")


@pytest.mark.parametrize("sentence", [
    "Nur Beamte, die dazu befugt sind, dürfen die Daten sehen.",            # befugt: an adjective
    "Im vergangenen Jahr sind mehr Menschen gestorben als geboren wurden.",  # geboren: nobody hidden; gestorben: a tense
    "Die meisten Tiere seien verendet.",                                      # a verb whose perfect takes sein
    "Die Lage sei sehr angespannt, sagte ein Sprecher.",                      # angespannt: an adjective
    "In der Stadt sind Fälle von Grippe nachgewiesen worden.",                # not agentless: see below
])
def test_what_is_not_an_agentless_passive(sentence):
    hits = find_markers(sentence)
    passives = hits[hits["category"] == "agentless_passive"]
    if "Fälle von" in sentence:  # von after 'Fälle' names no agent: the passive is agentless
        assert passives["match"].tolist() == ["nachgewiesen worden"]
    else:
        assert passives.empty, passives["match"].tolist()


@pytest.mark.parametrize("sentence, passive", [
    ("Die Straße ist seit Montag gesperrt.", True),           # listed state passives (sein_passive)
    ("Die Wiedereröffnung war für April geplant.", True),
    ("Die Preise sind im Oktober gestiegen.", False),          # a perfect tense
    ("Das Boot war vor der Küste zerschellt.", False),         # a perfect tense of a verb on no list
    ("Der Container war für Antwerpen bestimmt.", False),      # an adjective
])
def test_sein_with_a_participle_is_a_passive_only_for_listed_verbs(sentence, passive):
    assert ("agentless_passive" in categories(sentence)) is passive


def test_a_passive_span_never_runs_into_another_verb():
    hits = find_markers("Es wurden zwei Menschen verletzt und die Polizei hat die Straße gesperrt.")
    assert hits.loc[hits["category"] == "agentless_passive", "match"].tolist() == ["wurden zwei Menschen verletzt"]
    assert "agentless_passive" not in categories("Die Tiere seien in beiden Fällen von einem Wolf gerissen worden.")


@pytest.mark.parametrize("sentence, words", [
    ("Die Hilfe erreichte rund einer Million Menschen.", "rund"),
    ("Dutzende Häuser wurden zerstört.", "Dutzende"),
    ("Nahezu alle Schulen blieben geschlossen.", "Nahezu"),
    ("Knapp ein Jahr nach dem Unglück ist die Brücke wieder offen.", "Knapp"),
    ("Der Schaden liegt im sechsstelligen Bereich.", "sechsstelligen"),
    ("Der Unfall geschah gegen 11.30 Uhr.", "gegen"),
    ("Das dauert zwei bis drei Tage.", "zwei bis drei"),
    ("Die Gräber sind etwa 2200 bis 1800 Jahre alt.", "etwa"),
])
def test_approximations_in_other_forms(sentence, words):
    hits = find_markers(sentence)
    assert ("hedge", words) in set(zip(hits.category, hits.match)), hits[["marker_id", "match"]].values.tolist()
    assert (hits.category == "hedge").sum() == 1  # one figure, one hedge


def test_konjunktiv_ii_after_a_verb_of_saying_is_reported_speech():
    hits = find_markers("Die Tests hätten ergeben, dass das Wasser sauber sei, sagte die Sprecherin.")
    assert set(hits.loc[hits["match"] == "hätten", "category"]) == {"attribution"}
    # a sentence that carries on reported speech: Konjunktiv II without a verb of saying of its own
    paragraph = split_sentences("Der Verband teilte mit, die Ernte sei schlecht ausgefallen. Hinzu kämen Verluste "
                                "bei Obst. Es wäre das schlechteste Jahr seit 1990.")
    hits = find_markers(paragraph)
    assert ("S2", "M25", "kämen") in set(zip(hits.sentence_id, hits.marker_id, hits.match))
    assert ("S3", "M02", "wäre") in set(zip(hits.sentence_id, hits.marker_id, hits.match))  # a hypothetical stays one
    # the writer's own past tense beside 'wie X mitteilte' is not reported speech
    assert "M25" not in set(find_markers("Das Boot kenterte vor der Küste, wie die Küstenwache mitteilte.")["marker_id"])


@pytest.mark.parametrize("sentence, words", [
    ("Höhere Preise bedeuten nicht zwingend höhere Gewinne.", "nicht zwingend"),
    ("Die Angaben lassen sich nicht unabhängig überprüfen.", "lassen sich nicht unabhängig überprüfen"),
    ("Unabhängig überprüfen ließen sich die Zahlen zunächst nicht.", "Unabhängig überprüfen ließen sich die Zahlen zunächst nicht"),
])
def test_hedges_and_caveats(sentence, words):
    assert found(sentence) == {("hedge", words)}


@pytest.mark.parametrize("sentence, not_a_speaker", [
    ("Es sei mit weiteren Ausfällen zu rechnen, sagte er.", "rechnen"),
    ("Es sei von weiteren Opfern auszugehen.", "auszugehen"),
    ("Die Täter sollen ein Lösegeld gefordert haben.", "gefordert"),
    ("Der Unfall forderte zwölf Verletzte.", "forderte"),
    ("Die Vorwürfe haben sich bestätigt.", "bestätigt"),
])
def test_verbs_of_saying_that_report_nobody(sentence, not_a_speaker):
    assert ("attribution", not_a_speaker) not in found(sentence)


def test_a_word_is_counted_once():
    # geschätzt in a passive without an agent: the passive, not also a verb of saying
    assert found("Die Zahl der Toten wird auf 100 geschätzt.") == {("agentless_passive", "wird auf 100 geschätzt")}
    # with its agent, the estimate is somebody's: a verb of saying
    assert ("attribution", "geschätzt") in found("Die Zahl der Toten wird von den Behörden auf 100 geschätzt.")


def test_a_quotation_of_two_sentences_with_its_speaker_is_one_sentence():
    text = "„Es gibt einen neuen Verdächtigen. Nach dem Verdächtigen wird gefahndet“, sagte ein Sprecher. Dann ging er."
    assert split_sentences(text)["text"].tolist() == [
        "„Es gibt einen neuen Verdächtigen. Nach dem Verdächtigen wird gefahndet“, sagte ein Sprecher.", "Dann ging er."]
    # a quotation that stands on its own keeps its sentences
    assert len(split_sentences("„Das war 1983. Es war eine Sensation.“ Heute ist es anders.")) == 3


@pytest.mark.parametrize("text, expected", [
    ("Der Wert lag bei 5.7. Das ist hoch.", ["Der Wert lag bei 5.7.", "Das ist hoch."]),
    ("Die Zahl stieg auf 1,2 Mio. Die Firma ist zufrieden.", ["Die Zahl stieg auf 1,2 Mio.", "Die Firma ist zufrieden."]),
    ("Er kam am Sonntag, 5. Mai, an. Sie am 6.", ["Er kam am Sonntag, 5. Mai, an.", "Sie am 6."]),
    ("Es waren 1,2 Mio. Euro.", ["Es waren 1,2 Mio. Euro."]),
])
def test_a_sentence_that_ends_in_a_number(text, expected):
    assert split_sentences(text)["text"].tolist() == expected


# --- each hit says why ---------------------------------------------------------------------------------------------

def test_every_hit_says_why_in_the_editions_language():
    from newscheck import use_language

    sentence = "Laut Rutte sollen es mehr als 600.000 sein."
    english = find_markers(sentence)
    assert english["why"].str.len().gt(20).all()
    assert english.loc[english["match"] == "Laut", "why"].item().startswith("'Laut' (according to) names the source")
    use_language("de")
    try:
        german = find_markers(sentence)
    finally:
        use_language(None)
    assert german.loc[german["match"] == "Laut", "why"].item().startswith("„Laut“ nennt die Quelle")
    assert german.drop(columns="why").equals(english.drop(columns="why"))


def test_every_marker_explains_itself_in_both_languages():
    lexicon = load_table("markers_de")
    for row in lexicon.itertuples():
        assert row.why_en.strip() and row.why_de.strip(), row.marker_id
        assert ("{match}" in row.why_en) == ("{match}" in row.why_de), row.marker_id
