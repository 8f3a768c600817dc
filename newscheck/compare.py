"""Compare an article with the original it follows: which sentences belong together, and what changed.

Sentences are paired by how many content words (their dictionary forms, from the HanTa tagger in newscheck/nlp.py)
they share, scored with the standard library's difflib (RapidFuzz scored the same on our development set, see
CONTRIBUTING.md). Pairs are found one to one first, best first; then a sentence left over is joined to the sentence
that contains most of its words (one sentence merged from two, or split into two). What
is left is `dropped` (an original sentence the article leaves out) or `added_by_writer`. For each pair the markers of
`find_markers` that one sentence has and the other has not give a *suggested* relation, by the rules in
data/comparison_rules.csv (a new *sollen*: made_hearsay; a lost *sagte*: attribution_dropped; a new *kaum*:
softened). The suggestion is for the reader to judge: the machine sees marker words, not meaning.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

COLUMNS = ["article_sentence_id", "original_sentence_id", "similarity", "markers_added", "markers_removed", "relation", "article_text", "original_text"]
# Tags of the words that carry content (STTS as HanTa gives them, without brackets): nouns, names, full verbs,
# adjectives, adverbs, numbers and the negation.
_CONTENT = ("NN", "NE", "VV", "ADJ", "ADV", "CARD", "PTKNEG", "VM")


@dataclass(frozen=True)
class Thresholds:
    """Where a pair starts (measured on the development set, see CONTRIBUTING.md)."""

    pair: float = 0.3  # similarity of two sentences paired one to one
    part: float = 0.5  # share of a left-over sentence's words found in another sentence (merged or split)
    kept: float = 0.4  # a pair without a marker change is "kept" from here on, else "changed"


THRESHOLDS = Thresholds()


def content_words(sentence: str) -> list[str]:
    """The sentence's content words as dictionary forms in lower case, in their order."""
    from newscheck.nlp import analyse

    words = []
    for token in analyse(sentence):
        tag = token.tag.replace("(", "").replace(")", "")
        if tag.startswith(_CONTENT):
            words.append((token.text if tag == "CARD" else token.lemma or token.text).lower())
    return words


def similarity(a: list[str], b: list[str]) -> float:
    """How alike two sentences' content words are, 0-1, in any order: difflib's ratio of the sorted word lists (each
    word counts as one symbol, so 'Lohn' and 'Lob' share nothing)."""
    return difflib.SequenceMatcher(None, sorted(a), sorted(b), autojunk=False).ratio() if a and b else 0.0


def containment(part: list[str], whole: list[str]) -> float:
    """The share of `part`'s content words that `whole` has too, 0-1 (each word counted as often as it occurs)."""
    return sum((Counter(part) & Counter(whole)).values()) / len(part) if part else 0.0


@lru_cache(maxsize=1)
def _rules() -> list[dict]:
    from newscheck.tables import load_table

    return load_table("comparison_rules").to_dict("records")


def _table(text_or_table, name: str) -> pd.DataFrame:
    if isinstance(text_or_table, str):
        from newscheck.sentences import split_sentences

        return split_sentences(text_or_table)
    if isinstance(text_or_table, pd.DataFrame) and {"sentence_id", "text"} <= set(text_or_table.columns):
        return text_or_table.reset_index(drop=True)
    raise TypeError(f"compare_with_original() needs the {name} as a text or as a sentence table with the columns sentence_id and text (as split_sentences returns it).")


def align(article: list[list[str]], original: list[list[str]], thresholds: Thresholds = THRESHOLDS,
          similar=similarity, contained=containment) -> list[tuple[int | None, int | None, float]]:
    """Links (article index or None, original index or None, similarity) between the content words of two texts."""
    scores = sorted(((similar(a, o), i, j) for i, a in enumerate(article) for j, o in enumerate(original)), reverse=True)
    links: dict[tuple[int, int], float] = {}
    article_links: dict[int, set[int]] = {}
    original_links: dict[int, set[int]] = {}
    for score, i, j in scores:
        if score >= thresholds.pair and i not in article_links and j not in original_links:
            links[(i, j)] = score
            article_links.setdefault(i, set()).add(j)
            original_links.setdefault(j, set()).add(i)
    # a left-over sentence joins the sentence that contains most of its words (one merged from two, or split in two)
    def join(free: list[list[str]], other: list[list[str]], mine: dict, theirs: dict, flip: bool) -> None:
        for x, words in enumerate(free):
            if x in mine or len(words) < 2:
                continue
            options = [(contained(words, other[y]), y) for y in range(len(other)) if len(theirs.get(y, ())) < 2]
            score, y = max(options, default=(0.0, None))
            if y is not None and score >= thresholds.part:
                links[(y, x) if flip else (x, y)] = score
                mine.setdefault(x, set()).add(y)
                theirs.setdefault(y, set()).add(x)

    join(article, original, article_links, original_links, flip=False)
    join(original, article, original_links, article_links, flip=True)
    result: list[tuple[int | None, int | None, float]] = [(i, j, s) for (i, j), s in links.items()]
    result += [(i, None, 0.0) for i in range(len(article)) if i not in article_links]
    result += [(None, j, 0.0) for j in range(len(original)) if j not in original_links]
    return sorted(result, key=lambda r: (r[0] if r[0] is not None else _after(r[1], result), r[1] if r[1] is not None else -1))


def _after(j: int, links: list) -> float:
    """Where a dropped original sentence goes in the article's order: after the article sentence of its predecessor."""
    before = [i for i, o, _ in links if i is not None and o is not None and o < j]
    return max(before) + 0.5 if before else -0.5


def suggest_relation(added: Counter, removed: Counter, score: float, thresholds: Thresholds = THRESHOLDS) -> str:
    """The relation of data/comparison_rules.csv that fits the marker categories added and removed, else kept/changed."""
    for rule in _rules():
        wants_added, wants_removed = rule.get("markers_added"), rule.get("markers_removed")
        wants_added = wants_added if isinstance(wants_added, str) else ""
        wants_removed = wants_removed if isinstance(wants_removed, str) else ""
        if (wants_added or wants_removed) and (not wants_added or added[wants_added]) and (not wants_removed or removed[wants_removed]):
            return rule["relation"]
    return "kept" if score >= thresholds.kept else "changed"


def _difference(mine: pd.DataFrame, theirs: pd.DataFrame) -> tuple[list[str], Counter]:
    """The hits of `mine` whose marker `theirs` has fewer times (their words), and the categories `mine` has more
    often than `theirs` (a lost *sagte* beside a new *laut* is no change of attribution)."""
    extra = Counter(mine["marker_id"]) - Counter(theirs["marker_id"])
    words = []
    for hit in mine.itertuples():
        if extra[hit.marker_id] > 0:
            extra[hit.marker_id] -= 1
            words.append(f"{hit.match} ({hit.category})")
    return words, Counter(mine["category"]) - Counter(theirs["category"])


def compare_with_original(article, original, thresholds: Thresholds = THRESHOLDS) -> pd.DataFrame:
    """One row per pair of an article sentence and the original sentence it comes from.

    `article` and `original` are texts or sentence tables (as `split_sentences` returns them). Columns:
    article_sentence_id (empty for an original sentence the article dropped), original_sentence_id (empty for a
    sentence the writer added), similarity (0-1), markers_added and markers_removed (the marker words one sentence
    has and the other has not, with their category), relation (a suggestion: kept, softened, intensified,
    made_hearsay, made_speculative, attribution_dropped, added_by_writer, dropped or changed), and both texts.
    """
    from newscheck.markers import find_markers

    article, original = _table(article, "article"), _table(original, "original")
    article_words = [content_words(t) if isinstance(t, str) else [] for t in article["text"]]
    original_words = [content_words(t) if isinstance(t, str) else [] for t in original["text"]]
    article_hits, original_hits = find_markers(article), find_markers(original)
    rows = []
    for i, j, score in align(article_words, original_words, thresholds):
        a_id = article["sentence_id"][i] if i is not None else ""
        o_id = original["sentence_id"][j] if j is not None else ""
        mine = article_hits[article_hits["sentence_id"] == a_id] if i is not None else article_hits.iloc[0:0]
        theirs = original_hits[original_hits["sentence_id"] == o_id] if j is not None else original_hits.iloc[0:0]
        added_words, added = _difference(mine, theirs)
        removed_words, removed = _difference(theirs, mine)
        if i is None:
            relation = "dropped"
        elif j is None:
            relation = "added_by_writer"
        else:
            relation = suggest_relation(added, removed, score, thresholds)
        rows.append((a_id, o_id, round(score, 2), "; ".join(added_words) if i is not None and j is not None else "",
                     "; ".join(removed_words) if i is not None and j is not None else "", relation,
                     article["text"][i] if i is not None else "", original["text"][j] if j is not None else ""))
    return pd.DataFrame(rows, columns=COLUMNS)
