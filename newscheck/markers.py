"""Find German attribution, hearsay, hedging and speculation markers in any text, from data/markers_de.csv.

Each marker has a `method`: `pattern` (a regular expression on the text), `lemma` (any form of the words listed
for it in data/marker_lemmas_de.csv) or the name of a grammar rule in newscheck/grammar.py, which uses the
part of speech and lemma that the HanTa tagger gives each word (newscheck/nlp.py). Optional columns say when a
hit counts (`tag`, `not_in_clause`, `not_preceded_by`, `not_followed_by`, `with_marker`) and which other hits it
replaces (`overrides`); `why_en` and `why_de` say, in the edition's language, why the words were flagged.
"""

from __future__ import annotations

import re

import pandas as pd

from newscheck import grammar
from newscheck.errors import CourseFileError

_CLAUSE_END = re.compile(r"[,;:.!?]")
HIT_COLUMNS = ["sentence_id", "marker_id", "marker", "category", "match", "start", "end", "why"]
LEXICON_FILE = "data/markers_de.csv"
_RULES = {"konjunktiv_i", "konjunktiv_ii_reported", "sollen_hearsay", "passive", "source_phrase"}
#: The marker whose lemma list holds the verbs of saying; Konjunktiv II counts as reported speech only beside one.
SAYING_MARKER = "M08"
#: Grammar rules whose hits are reported speech (so is a verb of saying that reports): Konjunktiv II in the next
#: sentence of a paragraph may carry it on.
_REPORTED_SPEECH = {"konjunktiv_i", "konjunktiv_ii_reported"}


def _clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding text[start:end]: from the punctuation before it to the punctuation after it."""
    before = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    after = _CLAUSE_END.search(text, end)
    return before, after.start() if after else len(text)


def _text(value) -> str:
    """A cell as text ('' for an empty cell)."""
    return value if isinstance(value, str) else ""


def _ids(value) -> set[str]:
    """Marker ids separated by ';'."""
    return {m.strip() for m in _text(value).split(";") if m.strip()}


def _compile(value: str, row: int, column: str) -> re.Pattern | None:
    """Compile one regular expression of the lexicon, or explain where it is broken."""
    if not value:
        return None
    try:
        return re.compile(value, re.IGNORECASE)
    except re.error as error:
        raise CourseFileError(LEXICON_FILE, f"the regular expression is broken ({error.msg} at position {error.pos}).",
                              "Correct it (see data/README.md), or restore the file with `git checkout -- data/markers_de.csv`.",
                              row=row, column=column) from None


def _lemma_lists(table: pd.DataFrame | None) -> dict[tuple[str, str], grammar.Lemmas]:
    """(marker_id, role) -> {lemma: [with_word, ...]} from data/marker_lemmas_de.csv; role 'not_with' holds each
    lemma's not_with_word patterns."""
    if table is None:
        from newscheck.tables import load_table

        table = load_table("marker_lemmas_de")
    lists: dict[tuple[str, str], grammar.Lemmas] = {}
    for row in table.to_dict("records"):
        lists.setdefault((row["marker_id"], row["role"]), {}).setdefault(row["lemma"], []).append(_text(row["with_word"]))
        if row["role"] == "marker" and _text(row.get("not_with_word")):
            lists.setdefault((row["marker_id"], "not_with"), {}).setdefault(row["lemma"], []).append(row["not_with_word"])
    return lists


def _markers(lexicon: pd.DataFrame) -> list[dict]:
    """The lexicon's rows, checked and with their regular expressions compiled."""
    rows = []
    for number, row in enumerate(lexicon.to_dict("records"), start=2):
        method = _text(row.get("method")) or "pattern"
        if method not in _RULES | {"pattern", "lemma"}:
            raise CourseFileError(LEXICON_FILE, f"the method '{method}' is unknown.", f"Use pattern, lemma or one of: {', '.join(sorted(_RULES))}.", row=number, column="method")
        pattern = _compile(_text(row.get("pattern")), number, "pattern")
        if method == "pattern" and pattern is None:
            raise CourseFileError(LEXICON_FILE, "a marker found by 'pattern' needs a regular expression.", "Fill in the column 'pattern', or choose another method.", row=number, column="pattern")
        compiled = {column: _compile(_text(row.get(column)), number, column) for column in ("not_in_clause", "not_preceded_by", "not_followed_by")}
        tag = _compile(_text(row.get("tag")), number, "tag")
        rows.append(dict(row, method=method, pattern=pattern, tag=tag, overrides=_ids(row.get("overrides")),
                         with_marker=_ids(row.get("with_marker")), **compiled))
    return rows


def _spans(text: str, marker: dict, lists: dict, tokens, continues: bool) -> list[tuple[int, int]]:
    """Where one marker occurs in one sentence."""
    method = marker["method"]
    if method == "pattern":
        return [m.span() for m in marker["pattern"].finditer(text)]
    marker_id = marker["marker_id"]
    roles = {role: words for (owner, role), words in lists.items() if owner == marker_id}
    if method == "lemma":
        return grammar.lemma_spans(tokens, roles.get("marker", {}), roles.get("not_with"))
    if method == "konjunktiv_ii_reported":
        return grammar.konjunktiv_ii_reported(tokens, lists.get((SAYING_MARKER, "marker"), {}), continues, roles.get("not_reported"))
    return getattr(grammar, method)(tokens, roles)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so that it neither starts nor ends with spaces or a comma."""
    while start < end and text[start] in " ,":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


def _kept(text: str, start: int, end: int, marker: dict, tokens) -> bool:
    """Whether a hit survives the marker's conditions on its words, its clause and its neighbours."""
    if marker["tag"] is not None:
        token = next((t for t in tokens or () if t.start == start), None)
        if token is None or not marker["tag"].fullmatch(token.tag):
            return False
    if marker["not_in_clause"] and marker["not_in_clause"].search(text[slice(*_clause_around(text, start, end))]):
        return False
    if marker["not_preceded_by"] and marker["not_preceded_by"].search(text[:start]):
        return False
    return not (marker["not_followed_by"] and marker["not_followed_by"].match(text, end))


def _sentence_hits(sentence_id: str, text: str, markers: list[dict], lists: dict, continues: bool) -> tuple[list[tuple], bool]:
    """Every hit in one sentence, after its conditions and overrides; and whether the sentence is reported speech."""
    tokens = None
    if any(m["method"] != "pattern" or m["tag"] is not None for m in markers) and text.strip():
        from newscheck.nlp import analyse

        tokens = analyse(text)
    hits = []
    for marker in markers:
        if tokens is None and marker["method"] != "pattern":
            continue
        for start, end in _spans(text, marker, lists, tokens, continues):
            start, end = _trim(text, start, end)
            if start < end and _kept(text, start, end, marker, tokens):
                hits.append((marker, start, end))
    # with_marker: the hit counts only beside a hit of one of the markers named, in the same clause
    hits = [(m, a, b) for m, a, b in hits if not m["with_marker"] or any(
        other["marker_id"] in m["with_marker"] and _clause_around(text, a, b) == _clause_around(text, oa, ob)
        for other, oa, ob in hits)]
    # overrides: a hit removes the hits of the markers it names on the same words
    hits = [(m, a, b) for m, a, b in hits
            if not any(m["marker_id"] in other["overrides"] and oa < b and a < ob for other, oa, ob in hits)]
    # reported speech that the next sentence may carry on: Konjunktiv, or a verb of saying that reports
    reported = any(m["method"] in _REPORTED_SPEECH for m, _, _ in hits) or (tokens is not None and any(
        m["marker_id"] == SAYING_MARKER for m, _, _ in hits) and grammar.reports(
        tokens, lists.get((SAYING_MARKER, "marker"), {}), next((words for (owner, role), words in lists.items() if role == "not_reported"), None)))
    return [(sentence_id, m["marker_id"], m["marker"], m["category"], text[a:b], a, b, _why(m, text[a:b])) for m, a, b in hits], reported


def _why(marker: dict, match: str) -> str:
    """Why the words were flagged, in the edition's language (German edition: why_de), with {match} filled in."""
    from newscheck.i18n import current_language

    template = _text(marker.get("why_de")) if current_language() == "de" else ""
    template = template or _text(marker.get("why_en"))
    return template.replace("{match}", match)


def find_markers(sentences: pd.DataFrame | str, lexicon: pd.DataFrame | None = None, text_column: str = "text",
                 lemmas: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per marker hit: sentence_id, marker_id, marker, category, match, start, end, why.

    `sentences` is a table with a `sentence_id` column and a text column (default 'text'; 'text_de' is used
    if present), or a single string (treated as one sentence, id 'S1'). `lexicon` defaults to data/markers_de.csv
    and `lemmas` to data/marker_lemmas_de.csv. Positions are character offsets within the sentence; `why` says in
    plain words, in the edition's language, why the words were flagged. A sentence may carry on the reported speech
    of the sentence before it in the same paragraph (column `paragraph`, if the table has one).
    """
    if isinstance(sentences, str):
        sentences = pd.DataFrame({"sentence_id": ["S1"], "text": [sentences]})
    if not isinstance(sentences, pd.DataFrame):
        from newscheck.i18n import _

        raise TypeError(_("find_markers() needs a DataFrame of sentences or a string, not {kind}.", kind=type(sentences).__name__))
    if text_column not in sentences.columns and "text_de" in sentences.columns:
        text_column = "text_de"
    missing = [c for c in ("sentence_id", text_column) if c not in sentences.columns]
    if missing:
        from newscheck.i18n import _

        raise KeyError(_("find_markers(): the sentence table has no column {missing}. It has {columns}; make one with "
                         "split_sentences(text).", missing=", ".join(repr(c) for c in missing), columns=list(sentences.columns)))
    if lexicon is None:
        from newscheck.tables import load_table

        lexicon = load_table("markers_de")
    markers = _markers(lexicon)
    lists = _lemma_lists(lemmas) if any(m["method"] != "pattern" for m in markers) else {}
    paragraphs = sentences["paragraph"] if "paragraph" in sentences.columns else pd.Series(0, index=sentences.index)
    hits, reported, previous = [], False, None
    for sentence_id, text, paragraph in zip(sentences["sentence_id"], sentences[text_column], paragraphs):
        found, reported = _sentence_hits(sentence_id, "" if pd.isna(text) else str(text), markers, lists,
                                         reported and paragraph == previous)
        hits += found
        previous = paragraph
    # hits in the order of the sentences given, then by position in the sentence
    order = {sentence_id: i for i, sentence_id in enumerate(sentences["sentence_id"])}
    hits.sort(key=lambda hit: (order[hit[0]], hit[5], hit[1]))
    return pd.DataFrame(hits, columns=HIT_COLUMNS)
