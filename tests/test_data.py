"""The course's own data must survive the checks it teaches: verbatim quotes, sourced figures, valid schemas."""

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from newscheck import find_markers, load_table, split_sentences, table_names, validate_data_package

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "article_de.txt").read_text(encoding="utf-8")


def number_forms(value: int) -> set[str]:
    """How a figure may be written in a quote: 600,000 / 600.000 / 600 000 (also with narrow spaces) / 600000."""
    text = f"{int(value):,}"
    return {text, text.replace(",", "."), text.replace(",", " "), text.replace(",", "\u00a0"), text.replace(",", "\u202f"), str(int(value))}


def test_data_package_is_valid_including_links_between_tables():
    assert validate_data_package() == []


@pytest.mark.parametrize("name", ["article_sentences", "claims", "agency_alignment", "vocabulary", "markers_de", "sources", "loss_estimates", "north_korean_troops"])
def test_every_table_loads_with_its_types(name):
    assert name in table_names()
    table = load_table(name)
    assert len(table) > 0
    for column in ("date", "published"):
        if column in table:
            assert pd.api.types.is_datetime64_any_dtype(table[column])
    for column in ("value", "low", "high", "position", "paragraph"):
        if column in table:
            assert str(table[column].dtype) == "Int64"


# --- article_sentences -------------------------------------------------------------------------------------

def test_sentences_join_back_into_the_seed():
    sentences = load_table("article_sentences").sort_values("position")
    paragraphs = sentences.groupby("paragraph", sort=True)["text_de"].apply(" ".join)
    assert "\n\n".join(paragraphs) == SEED


def test_headline_is_kept_twice():
    sentences = load_table("article_sentences").set_index("sentence_id")
    assert sentences.loc["H1", "text_de"] == sentences.loc["H2", "text_de"]
    assert (sentences["kind"] == "headline").sum() == 2


def test_every_line_has_a_translation():
    sentences = load_table("article_sentences")
    assert sentences["text_en"].str.len().min() > 0


def test_sentence_splitter_agrees_with_the_table():
    body = load_table("article_sentences").query("kind == 'body'")["text_de"].tolist()
    split = split_sentences(SEED)["text"].tolist()
    assert split[-len(body):] == body


# --- claims ----------------------------------------------------------------------------------------------------

def test_every_claim_span_is_verbatim_in_the_seed_and_in_its_sentence():
    claims = load_table("claims")
    sentences = load_table("article_sentences").set_index("sentence_id")["text_de"]
    for claim in claims.itertuples():
        assert claim.span_de in SEED, f"{claim.claim_id}: span is not in seeds/article_de.txt verbatim"
        assert claim.span_de in sentences[claim.sentence_id], f"{claim.claim_id}: span is not in sentence {claim.sentence_id}"


def test_claim_sources_exist():
    known = set(load_table("sources")["source_id"])
    for claim in load_table("claims").itertuples():
        ids = [] if pd.isna(claim.source_ids) else claim.source_ids.split(";")
        assert set(ids) <= known, f"{claim.claim_id}: unknown source ids {set(ids) - known}"
        if claim.true_verdict in ("supported", "refuted"):
            assert ids, f"{claim.claim_id}: a verdict of '{claim.true_verdict}' needs its sources"


def test_claim_markers_are_what_the_finder_finds_in_the_span():
    claims = load_table("claims")
    sentences = load_table("article_sentences")
    hits = find_markers(sentences)
    text = sentences.set_index("sentence_id")["text_de"]
    for claim in claims.itertuples():
        start = text[claim.sentence_id].find(claim.span_de)
        inside = hits[(hits.sentence_id == claim.sentence_id) & (hits.start >= start) & (hits.end <= start + len(claim.span_de))]
        listed = set() if pd.isna(claim.markers) else set(claim.markers.split(";"))
        assert listed == set(inside.marker_id), f"{claim.claim_id}: markers listed {sorted(listed)}, found {sorted(set(inside.marker_id))}"


def test_verdicts_are_consistent_with_checkability_and_speaker():
    for claim in load_table("claims").itertuples():
        if claim.checkable:
            assert claim.true_verdict != "not_checkable", f"{claim.claim_id}: checkable, so give a verdict"
        else:
            assert claim.true_verdict == "not_checkable", f"{claim.claim_id}: not checkable, so its verdict must be not_checkable"
        if claim.speaker_type == "named":
            assert claim.said_verdict != "not_checkable", f"{claim.claim_id}: a named speaker's words can be traced"
        if claim.said_verdict != "not_checkable" or claim.true_verdict != "not_checkable":
            assert len(claim.said_evidence) > 10 and len(claim.true_evidence) > 10


def test_the_claims_cover_every_body_sentence_and_the_headline():
    covered = set(load_table("claims")["sentence_id"])
    wanted = set(load_table("article_sentences").query("kind in ['body', 'headline']")["sentence_id"]) - {"H2"}
    assert wanted <= covered, f"sentences without a claim: {sorted(wanted - covered)}"


# --- figures ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["loss_estimates", "north_korean_troops"])
def test_every_figure_appears_in_its_quote_or_is_derived(name):
    table = load_table(name)
    problems = []
    for row in table.to_dict("records"):
        for column in ("value", "low", "high"):
            value = row[column]
            if pd.isna(value):
                continue
            in_quote = any(form in row["quote"] for form in number_forms(value))
            derivation = "" if pd.isna(row["derivation"]) else row["derivation"]
            in_derivation = any(form in derivation for form in number_forms(value))
            if not (in_quote or in_derivation):
                problems.append(f"{row[table.columns[0]]} {column}={value}")
    assert not problems, f"{name}: figures neither in their quote nor explained by a derivation: {problems}"


@pytest.mark.parametrize("name", ["loss_estimates", "north_korean_troops"])
def test_qualifiers_match_the_values_given(name):
    for row in load_table(name).to_dict("records"):
        ident = row.get("estimate_id", row.get("report_id"))
        has_range = not pd.isna(row["low"]) and not pd.isna(row["high"])
        if row["qualifier"] == "range":
            assert has_range and pd.isna(row["value"]), f"{ident}: a range needs low and high and no value"
        elif not pd.isna(row["qualifier"]):
            assert not pd.isna(row["value"]), f"{ident}: qualifier {row['qualifier']} needs a value"
        if has_range:
            assert row["low"] < row["high"], f"{ident}: low must be below high"
        if row["source_kind"] == "warring_party":
            assert row["warring_party"] in ("Russia", "Ukraine"), f"{ident}: say which warring party"
        else:
            assert pd.isna(row["warring_party"]), f"{ident}: warring_party is only for source_kind warring_party"


def test_the_articles_own_figure_is_a_row_linked_to_its_claim():
    estimates = load_table("loss_estimates")
    article_rows = estimates[estimates["source_id"] == "SRC-ARTICLE"]
    assert len(article_rows) == 1
    row = article_rows.iloc[0]
    assert row["value"] == 600000 and row["qualifier"] == "more_than" and row["metric"] == "killed_and_wounded"
    assert row["quote"] in SEED
    claim = load_table("claims").set_index("claim_id").loc[row["claim_id"]]
    assert "600.000" in claim["span_de"]


def test_period_figures_are_marked_as_such():
    estimates = load_table("loss_estimates")
    period = estimates[estimates["coverage"] == "period"]
    assert set(period["estimate_id"]) == {"W-13", "W-14", "W-33", "W-38", "I-12"}


def test_dates_are_within_the_war_and_the_table_window():
    estimates = load_table("loss_estimates")
    assert estimates["date"].min() >= pd.Timestamp("2022-02-24")
    assert estimates["date"].max() <= pd.Timestamp("2025-12-31")
    troops = load_table("north_korean_troops")
    assert troops["date"].between(pd.Timestamp("2024-10-01"), pd.Timestamp("2024-12-31")).all()


# --- sources ---------------------------------------------------------------------------------------------------

def test_every_source_has_an_address_and_a_title_and_is_used():
    sources = load_table("sources")
    assert sources["address"].str.len().min() > 0 and sources["title"].str.len().min() > 0
    web = sources[sources["kind"] != "article"]
    assert web["address"].str.match(r"^https?://").all()
    used = set(load_table("loss_estimates")["source_id"]) | set(load_table("north_korean_troops")["source_id"])
    alignment = load_table("agency_alignment")
    used |= set(alignment["source_id"].dropna())
    for ids in alignment["also_in"].dropna():
        used |= set(ids.split(";"))
    meta = json.loads((ROOT / "seeds" / "article_meta.json").read_text(encoding="utf-8"))
    used |= {copy["source_id"] for copy in meta.get("copies_found_online", [])}
    for ids in load_table("claims")["source_ids"].dropna():
        used |= set(ids.split(";"))
    assert set(sources["source_id"]) == used, f"unused sources: {sorted(set(sources['source_id']) - used)}"


def test_ids_are_unique_and_well_formed():
    for name, column, pattern in [
        ("article_sentences", "sentence_id", r"^(D|SEC|H|S)\d+$"),
        ("claims", "claim_id", r"^C\d{2}$"),
        ("markers_de", "marker_id", r"^M\d{2}$"),
        ("sources", "source_id", r"^SRC-(\d{3}|ARTICLE)$"),
        ("loss_estimates", "estimate_id", r"^(RU|W|UA|I|ART)-\d+$"),
        ("north_korean_troops", "report_id", r"^NK-\d+$"),
    ]:
        ids = load_table(name)[column]
        assert ids.is_unique, f"{name}: duplicate {column}"
        assert all(re.match(pattern, i) for i in ids), f"{name}: malformed {column}"


def test_marker_patterns_compile_and_have_examples_they_match():
    lexicon = load_table("markers_de")
    for row in lexicon.itertuples():
        if row.method == "pattern":
            re.compile(row.pattern)
        else:
            assert pd.isna(row.pattern), f"{row.marker_id}: method {row.method} uses no pattern; leave it empty"
        # a marker that counts only beside another (with_marker) is tried together with those markers
        needed = {row.marker_id} | (set(row.with_marker.split(";")) if isinstance(row.with_marker, str) else set())
        hits = find_markers(row.example_de, lexicon=lexicon[lexicon.marker_id.isin(needed)])
        assert (hits.marker_id == row.marker_id).any(), f"{row.marker_id}: its own example '{row.example_de}' is not found"


def test_data_dictionary_documents_every_column():
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert f"`{resource['path']}`" in readme, f"data/README.md does not describe {resource['path']}"
        for field in resource["schema"]["fields"]:
            assert f"| `{field['name']}` |" in readme, f"data/README.md lacks the column {resource['name']}.{field['name']}"


# --- agency_alignment ----------------------------------------------------------------------------------------

AGENCY_SENTENCES = [f"dpa-E{n:02d}" for n in range(1, 14)] + [f"dpa-L{n:02d}" for n in range(1, 18)]


def test_alignment_quotes_the_article_verbatim_and_in_its_sentence():
    alignment = load_table("agency_alignment")
    sentences = load_table("article_sentences").set_index("sentence_id")
    for row in alignment.dropna(subset=["article_span"]).itertuples():
        assert row.article_span in SEED, f"{row.pair_id}: the article span is not verbatim from seeds/article_de.txt"
        assert row.article_span in sentences.loc[row.sentence_id, "text_de"], f"{row.pair_id}: the span is not in {row.sentence_id}"


def test_alignment_covers_every_body_sentence_and_every_agency_sentence():
    alignment = load_table("agency_alignment")
    sentences = load_table("article_sentences")
    body = set(sentences.loc[sentences["kind"] == "body", "sentence_id"])
    assert body <= set(alignment["sentence_id"].dropna()), f"body sentences missing: {sorted(body - set(alignment['sentence_id'].dropna()))}"
    assert set(alignment["agency_id"].dropna()) == set(AGENCY_SENTENCES), "every dpa sentence dpa-E01 to dpa-E13 and dpa-L01 to dpa-L17 must appear, and no other"


def test_every_agency_span_has_a_labelled_source_with_an_address():
    alignment = load_table("agency_alignment")
    sources = load_table("sources").set_index("source_id")
    for row in alignment.itertuples():
        has_agency = isinstance(row.agency_id, str)
        assert has_agency == isinstance(row.agency_span, str) == isinstance(row.source_id, str), f"{row.pair_id}: id, span and source go together"
        if has_agency:
            assert sources.loc[row.source_id, "address"].startswith("http"), f"{row.pair_id}: its source has no web address"
            assert isinstance(row.dpa_label, str) and "dpa" in row.dpa_label, f"{row.pair_id}: say how the outlet labels the text as dpa's"
            assert isinstance(row.gloss_en, str) and isinstance(row.gloss_de, str), f"{row.pair_id}: gloss the dpa span in English and German"
            others = [] if pd.isna(row.also_in) else row.also_in.split(";")
            assert set(others) <= set(sources.index) and row.source_id not in others, f"{row.pair_id}: also_in names unknown or repeated sources"
        else:
            assert pd.isna(row.gloss_en) and pd.isna(row.gloss_de) and pd.isna(row.also_in), f"{row.pair_id}: no dpa span, so no gloss and no copy"


def test_alignment_relations_fit_the_rows():
    alignment = load_table("agency_alignment")
    for row in alignment.itertuples():
        if row.relation == "dropped":
            assert not isinstance(row.sentence_id, str) and isinstance(row.agency_id, str), f"{row.pair_id}: a dropped row has a dpa sentence only"
        elif row.relation == "no_agency_text_found":
            assert isinstance(row.sentence_id, str) and not isinstance(row.agency_id, str), f"{row.pair_id}: no dpa text, but an article span"
        else:
            assert isinstance(row.sentence_id, str) and isinstance(row.agency_id, str), f"{row.pair_id}: a pair needs both sides"


def test_recorded_hashes_match_the_tables():
    from newscheck.tables import file_hash

    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    stale = [r["path"] for r in package["resources"] if r.get("hash") != file_hash(ROOT / "data" / r["path"])]
    assert not stale, f"data/datapackage.json has no or an old hash for {stale}: check your edit, then run `make data-hashes`."


def test_every_fixed_value_has_a_label_in_both_languages():
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    vocabulary = set(load_table("vocabulary")["code"])
    labelled = {("markers_de", "category"), ("agency_alignment", "relation"), ("loss_estimates", "metric"),
                ("loss_estimates", "qualifier"), ("claims", "claim_kind"), ("claims", "speaker_type"),
                ("claims", "said_verdict"), ("claims", "true_verdict")}
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            if (resource["name"], field["name"]) in labelled:
                missing = set(field["constraints"]["enum"]) - vocabulary
                assert not missing, f"data/vocabulary.csv has no row for {resource['name']}.{field['name']} = {sorted(missing)}"


def test_every_series_has_a_label_in_both_languages():
    vocabulary = load_table("vocabulary")
    series = set(vocabulary.loc[vocabulary["column"] == "series", "code"])
    assert set(load_table("loss_estimates")["series"]) <= series, "data/vocabulary.csv lacks a series: add its labels"


# --- the German edition's columns --------------------------------------------------------------------------------

# Each German column and the English column it renders (its twin): (table, German column, English twin).
GERMAN_COLUMNS = [
    ("article_sentences", "plain_de", "text_en"),
    ("claims", "gloss_de", "gloss_en"),
    ("claims", "speaker_de", "speaker"),
    ("claims", "how_to_check_de", "how_to_check"),
    ("claims", "said_evidence_de", "said_evidence"),
    ("claims", "true_evidence_de", "true_evidence"),
    ("agency_alignment", "change_de", "change"),
    ("agency_alignment", "gloss_de", "gloss_en"),
    ("markers_de", "gloss_de", "gloss_en"),
]
GERMAN_QUOTE = re.compile(r"„([^“]*)“|«([^»]*)»")
FOREIGN_QUOTE = re.compile(r'"([^"]*)"')  # English (or other) words kept in their language, as in the twin
OMISSION = re.compile(r"\s*(?:\(\.\.\.\)|\[\.\.\.\]|\.\.\.|…)\s*")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A hedge or an attribution the finder marks must survive in the German text: marker id -> words that keep it.
HEDGE_KEPT = {
    "M01": r"\blaut\b|\bsei\b|sagt|betont", "M02": r"\b(?:hätten?|wären?|würden?|könnten?)\b",
    "M03": r"\bsoll|angeblich", "M04": r"\bwill\b|behauptet", "M05": r"\blaut\b", "M06": r"nach\s+\w*\s*Angaben|\blaut\b",
    "M07": r"zufolge|\blaut\b", "M08": r"sagt|betont|unterstr|signalisier|\blaut\b|nennt|nannte",
    "M09": r"heißt es|es heißt|angeblich", "M10": r"Experten|Fachleute|Kreise|Quellen|Berichte",
    "M11": r"offenbar|anscheinend|scheint", "M12": r"angeblich", "M13": r"mutmaßlich|vermut|nicht bestätigt",
    "M14": r"vermutlich|wahrscheinlich|\bwohl\b|dürfte", "M15": r"\bkaum\b", "M16": r"\bkönnten?\b",
    "M17": r"möglich|vielleicht|\bkönnten?\b|poten[tz]iell", "M18": r"\boffen\b|unklar",
    "M19": r"vermuten|legen? nahe", "M20": r"\b(?:falls|wenn|sollten?)\b", "M21": r"\b(?:falls|wenn|sofern)\b",
    "M22": r"\b(?:wird|wurden?|werden|worden)\b", "M23": r"\?", "M24": r"mehr als|\büber\b|mindestens|bis zu|etwa|rund",
    "M25": r"\blaut\b|sagt|\bsei\b|hätten|lägen", "M26": r"\blaut\b|unter Berufung|\bso\b|wonach",
    "M27": r"heißt es|steht", "M28": r"demnach|demzufolge|\blaut\b", "M29": r"Anwohner|Bewohner|Zeugen|Beamte|Ärzte|Behörden|Einwohner|Helfer|Forsch|Medien", "M30": r"nicht zwingend|nicht unbedingt|überprüf|bestätig",
    "M31": r"Dutzende|Hunderte|Tausende|stellig|Millionenhöhe|Milliardenhöhe",
}


def german_rows(table_name, column, twin):
    """(row id, German text, English twin, the row's other texts) for each row of a German column."""
    table = load_table(table_name)
    german = {name for _, name, _ in GERMAN_COLUMNS}
    for row in table.to_dict("records"):
        if pd.isna(row[twin]):
            continue  # nothing to render (a row of agency_alignment without a dpa span)
        others = [str(value) for name, value in row.items() if name not in german and isinstance(value, str)]
        yield row[table.columns[0]], row[column], row[twin], others


def numbers(text):
    """The numbers in a text, each read both ways (600,000 / 600.000 -> 600000; 2.0 / 2,0 -> 2.0)."""
    found = set()
    for token in NUMBER.findall(text):
        found |= {token.replace(",", ""), token.replace(".", "").replace(",", ".")}
    return found


@pytest.mark.parametrize("table_name, column, twin", GERMAN_COLUMNS)
def test_every_german_column_is_filled(table_name, column, twin):
    table = load_table(table_name)
    empty = table.loc[(table[column].isna() | (table[column].astype(str).str.strip() == "")) & table[twin].notna(), table.columns[0]]
    assert empty.empty, f"data/{table_name}.csv, column '{column}': empty for {list(empty)}. Write the German text of '{twin}'."


@pytest.mark.parametrize("table_name, column, twin", GERMAN_COLUMNS)
def test_german_quotes_are_verbatim(table_name, column, twin):
    """„…“ and «…» quote the article, a dpa span or a quote of the same row; "…" keeps the twin's foreign words."""
    dpa = load_table("agency_alignment")["agency_span"].dropna().tolist()
    problems = []
    for ident, german, english, others in german_rows(table_name, column, twin):
        assert german.count('"') % 2 == 0, f"data/{table_name}.csv, row {ident}, column '{column}': an odd number of straight quotation marks."
        for match in GERMAN_QUOTE.finditer(german):
            for piece in OMISSION.split(match.group(1) or match.group(2)):
                if piece.strip() and not any(piece.strip() in text for text in [SEED, *dpa, *others]):
                    problems.append(f"{ident}: „{piece.strip()}“")
        for quote in FOREIGN_QUOTE.findall(german):
            for piece in OMISSION.split(quote):
                if piece.strip() and piece.strip() not in english:
                    problems.append(f'{ident}: "{piece.strip()}" is not in {twin}')
    assert not problems, (f"data/{table_name}.csv, column '{column}': quotes not found verbatim in seeds/article_de.txt, "
                          f"a dpa span or the row's quotes: {problems}. Copy the quote exactly (mark omissions with ...).")


@pytest.mark.parametrize("table_name, column, twin", GERMAN_COLUMNS)
def test_german_columns_keep_the_figures_of_their_twin(table_name, column, twin):
    problems = []
    for ident, german, english, _ in german_rows(table_name, column, twin):
        in_german, in_english = numbers(german), numbers(english)
        missing = [t for t in NUMBER.findall(english) if not numbers(t) & in_german]
        added = [t for t in NUMBER.findall(german) if not numbers(t) & in_english]
        prose = FOREIGN_QUOTE.sub("", german)
        english_style = re.findall(r"\d,\d{3}\b|\b\d+\.\d{1,2}\b", prose)
        if missing or added or english_style:
            problems.append(f"{ident}: missing {missing}, added {added}, written the English way {english_style}")
    assert not problems, (f"data/{table_name}.csv, column '{column}': figures differ from '{twin}': {problems}. Keep every "
                          "figure; write it the German way (600.000; 2,0) except inside a quote kept in English.")


def test_plain_german_keeps_the_hedges_and_attributions_of_the_article():
    sentences = load_table("article_sentences").set_index("sentence_id")
    hits = find_markers(sentences.reset_index())
    problems = [f"{hit.sentence_id} {hit.marker_id} ({hit.match})" for hit in hits.itertuples()
                if not re.search(HEDGE_KEPT[hit.marker_id], sentences.loc[hit.sentence_id, "plain_de"], re.IGNORECASE)]
    assert not problems, f"data/article_sentences.csv, column 'plain_de': a hedge or attribution is lost: {problems}."


def test_german_glosses_keep_the_hedges_of_their_claim():
    problems = [f"{claim.claim_id} {marker}" for claim in load_table("claims").dropna(subset=["markers"]).itertuples()
                for marker in claim.markers.split(";") if not re.search(HEDGE_KEPT[marker], claim.gloss_de, re.IGNORECASE)]
    assert not problems, f"data/claims.csv, column 'gloss_de': a hedge or attribution of the span is lost: {problems}."


def test_the_glosses_keep_sollen_and_the_konjunktiv():
    glosses = load_table("claims").set_index("claim_id")["gloss_de"]
    assert re.search(r"\bsollen\b", glosses["C03"]), "C03: Rutte's figure is passed on with 'sollen'; keep it"
    assert "lassen vermuten" in glosses["C08"] and "hätten" in glosses["C08"], "C08: keep 'lassen vermuten' and Konjunktiv II 'hätten'"
