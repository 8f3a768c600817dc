"""Find German attribution, hearsay, hedging and speculation markers in any text, from data/markers_de.csv.

Each marker has a `method`: `pattern` (a regular expression on the text), `lemma` (any form of the words listed
for it in data/marker_lemmas_de.csv) or the name of a grammar rule in newscheck/grammar.py, which uses the
part of speech and lemma that the HanTa tagger gives each word (newscheck/nlp.py).
"""

from __future__ import annotations

import re

import pandas as pd

from newscheck import grammar
from newscheck.errors import CourseFileError

_CLAUSE_END = re.compile(r"[,;:.!?]")
HIT_COLUMNS = ["sentence_id", "marker_id", "marker", "category", "match", "start", "end"]
LEXICON_FILE = "data/markers_de.csv"
_RULES = {"konjunktiv_i", "konjunktiv_ii_reported", "sollen_hearsay", "passive"}
#: The marker whose lemma list holds the verbs of saying; Konjunktiv II counts as reported speech only beside one.
SAYING_MARKER = "M08"


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause holding text[start:end]: from the punctuation before it to the punctuation after it."""
    before = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    after = _CLAUSE_END.search(text, end)
    return text[before : after.start() if after else len(text)]


def _text(value) -> str:
    """A cell as text ('' for an empty cell)."""
    return value if isinstance(value, str) else ""


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
    """(marker_id, role) -> {lemma: [with_word, ...]} from data/marker_lemmas_de.csv."""
    if table is None:
        from newscheck.tables import load_table

        table = load_table("marker_lemmas_de")
    lists: dict[tuple[str, str], grammar.Lemmas] = {}
    for row in table.to_dict("records"):
        lists.setdefault((row["marker_id"], row["role"]), {}).setdefault(row["lemma"], []).append(_text(row["with_word"]))
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
        overrides = {m.strip() for m in _text(row.get("overrides")).split(";") if m.strip()}
        rows.append(dict(row, method=method, pattern=pattern, cancel=_compile(_text(row.get("not_in_clause")), number, "not_in_clause"), overrides=overrides))
    return rows


def _spans(text: str, marker: dict, lists: dict, tokens) -> list[tuple[int, int]]:
    """Where one marker occurs in one sentence."""
    method = marker["method"]
    if method == "pattern":
        return [m.span() for m in marker["pattern"].finditer(text)]
    words = lists.get((marker["marker_id"], "marker"), {})
    if method == "lemma":
        return grammar.lemma_spans(tokens, words)
    if method == "konjunktiv_i":
        return grammar.konjunktiv_i(tokens)
    if method == "konjunktiv_ii_reported":
        return grammar.konjunktiv_ii_reported(tokens, lists.get((SAYING_MARKER, "marker"), {}))
    if method == "sollen_hearsay":
        return grammar.sollen_hearsay(tokens, lists.get((marker["marker_id"], "hearsay_infinitive"), {}))
    return grammar.passive(tokens, lists.get((marker["marker_id"], "sein_perfect"), {}))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so that it neither starts nor ends with spaces or a comma."""
    while start < end and text[start] in " ,":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


def _sentence_hits(sentence_id: str, text: str, markers: list[dict], lists: dict) -> list[tuple]:
    """Every hit in one sentence, after cancelling (not_in_clause) and overriding."""
    tokens = None
    if any(m["method"] != "pattern" for m in markers) and text.strip():
        from newscheck.nlp import analyse

        tokens = analyse(text)
    hits = []
    for marker in markers:
        if tokens is None and marker["method"] != "pattern":
            continue
        for start, end in _spans(text, marker, lists, tokens):
            start, end = _trim(text, start, end)
            if start == end or (marker["cancel"] and marker["cancel"].search(_clause_around(text, start, end))):
                continue
            hits.append((sentence_id, marker["marker_id"], marker["marker"], marker["category"], text[start:end], start, end))
    overriding = {m["marker_id"]: m["overrides"] for m in markers if m["overrides"]}
    return [
        hit for hit in hits
        if not any(hit[1] in overriding.get(other[1], ()) and other[5] < hit[6] and hit[5] < other[6] for other in hits)
    ]


def find_markers(sentences: pd.DataFrame | str, lexicon: pd.DataFrame | None = None, text_column: str = "text",
                 lemmas: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per marker hit: sentence_id, marker_id, marker, category, match, start, end.

    `sentences` is a table with a `sentence_id` column and a text column (default 'text'; 'text_de' is used
    if present), or a single string (treated as one sentence, id 'S1'). `lexicon` defaults to data/markers_de.csv
    and `lemmas` to data/marker_lemmas_de.csv. Positions are character offsets within the sentence.
    """
    if isinstance(sentences, str):
        sentences = pd.DataFrame({"sentence_id": ["S1"], "text": [sentences]})
    if not isinstance(sentences, pd.DataFrame):
        raise TypeError(f"find_markers() needs a DataFrame of sentences or a string, not {type(sentences).__name__}.")
    if text_column not in sentences.columns and "text_de" in sentences.columns:
        text_column = "text_de"
    missing = [c for c in ("sentence_id", text_column) if c not in sentences.columns]
    if missing:
        raise KeyError(
            f"find_markers(): the sentence table has no column {', '.join(repr(c) for c in missing)}. "
            f"It has {list(sentences.columns)}; make one with split_sentences(text)."
        )
    if lexicon is None:
        from newscheck.tables import load_table

        lexicon = load_table("markers_de")
    markers = _markers(lexicon)
    lists = _lemma_lists(lemmas) if any(m["method"] != "pattern" for m in markers) else {}
    hits = []
    for sentence_id, text in zip(sentences["sentence_id"], sentences[text_column]):
        hits += _sentence_hits(sentence_id, "" if pd.isna(text) else str(text), markers, lists)
    # hits in the order of the sentences given, then by position in the sentence
    order = {sentence_id: i for i, sentence_id in enumerate(sentences["sentence_id"])}
    hits.sort(key=lambda hit: (order[hit[0]], hit[5], hit[1]))
    return pd.DataFrame(hits, columns=HIT_COLUMNS)
