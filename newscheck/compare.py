"""Compare an article with the original it follows: which sentences belong together, and what changed.

Each sentence becomes its content words as dictionary forms (lemmas, from the HanTa tagger in newscheck/nlp.py).
Two words match fully when they are the same; partly when one is a part of the other (*Angriffskrieg* and
*Angriff*, *Waldbrand* and *Wald*, *bewegen* and *Bewegungsmangel*: German compounds and derived words), when a
synonym group of data/synonyms_de.csv (from OpenThesaurus) holds both (*Unterstützung* and *Beistand*, *Angriff* and
*Offensive*), or when the heads of two compounds are synonyms (*Tarifkonflikt* and *Tarifstreit*). A word counts
more the fewer sentences of the two texts have it. The similarity of two sentences is the weighted share of their
words that match (0-1).

Pairs are found one to one first, best first. Then the order the two texts share (most rewrites keep it) lets a
weaker pair in: a sentence left between two pairs may pair with a sentence left between the same two pairs in the
other text. Then a sentence left over is joined to the sentence that holds most of its words (one sentence merged
from two, or split into two). What is left is `dropped` (an original sentence the article leaves out) or
`added_by_writer`. For each pair the markers of `find_markers` that one sentence has and the other has not give a
*suggested* relation, by the rules in data/comparison_rules.csv (a new *sollen*: made_hearsay; a lost *sagte*:
attribution_dropped; a new *kaum*: softened; no marker change: kept). The suggestion is for the reader to judge:
the machine compares words, not meaning. CONTRIBUTING.md says what each step brought on our test sets and why this is our own code.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

COLUMNS = ["article_sentence_id", "original_sentence_id", "similarity", "markers_added", "markers_removed", "relation", "article_text", "original_text"]
# Tags of the words that carry content (STTS as HanTa gives them, without brackets): nouns, names, full verbs,
# adjectives, adverbs and numbers.
_CONTENT = ("NN", "NE", "VV", "ADJ", "ADV", "CARD")
_STRONG = ("NE", "CARD")  # names and figures


@dataclass(frozen=True)
class Thresholds:
    """Where a pair starts and what a partial match is worth (chosen on the development set and the first two
    held-out sets, see CONTRIBUTING.md)."""

    pair: float = 0.25  # similarity of two sentences paired one to one, in any order
    in_order: float = 0.15  # similarity enough for a pair between two pairs, in the order both texts share
    part: float = 0.5  # share of a left-over sentence's words found in another sentence (merged or split)
    word_part: float = 0.8  # one word a part of the other (compound or derived word, at least 4 letters each)
    synonym: float = 0.7  # two words of one synonym group
    heads: float = 0.56  # the heads of two compounds are synonyms (Tarifkonflikt, Tarifstreit): synonym x word_part
    strong: float = 1.0  # weight of a figure or a name against a word (2: doubled, measured and not kept)


THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Word:
    """A content word: its dictionary form in lower case, and whether it is a figure or a name."""

    form: str
    strong: bool


def content_words(sentence: str) -> list[Word]:
    """The sentence's content words, in their order; a hyphenated word also gives its parts (*Nato-Generalsekretär*)."""
    from newscheck.nlp import analyse

    words = []
    for token in analyse(sentence):
        tag = token.tag.replace("(", "").replace(")", "")
        if tag.startswith(_CONTENT):
            form = (token.text if tag == "CARD" else token.lemma or token.text).lower()
            strong = tag.startswith(_STRONG)
            words.append(Word(form, strong))
            if tag != "CARD" and "-" in form:
                words += [Word(part, strong) for part in form.split("-") if len(part) >= 3]
    return words


@lru_cache(maxsize=1)
def _synonym_groups() -> tuple[str, ...]:
    """The groups of data/synonyms_de.csv, each as its words joined by semicolons."""
    from newscheck.tables import load_table

    return tuple(load_table("synonyms_de")["words"])


#: The synonyms of each word looked up so far. Only the words of the texts compared are looked up (in one pass over
#: the groups), which keeps a kernel's memory small: an index of all 81,000 words would take about 16 MiB.
_SYNONYMS: dict[str, frozenset[str]] = {}


def _look_up_synonyms(words) -> None:
    """Find the synonyms of the words not looked up yet, in one pass over the groups."""
    new = {word for word in words if word not in _SYNONYMS and not word[:1].isdigit()}
    if not new:
        return
    found: dict[str, set[str]] = {word: set() for word in new}
    for group in _synonym_groups():
        members = group.split(";")
        for word in new.intersection(members):
            found[word].update(members)
    for word, members in found.items():
        _SYNONYMS[word] = frozenset(members - {word})


def _synonyms(word: str) -> frozenset[str]:
    if word not in _SYNONYMS:
        _look_up_synonyms({word})
    return _SYNONYMS.get(word, frozenset())


def _part_of(a: str, b: str) -> bool:
    """One word begins or ends with the other, which has at least 4 letters (a compound or a derived word)."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and (long.startswith(short) or long.endswith(short))


def _stem(word: str) -> str:
    """A verb's dictionary form without its ending (*bewegen* → *beweg*, *ändern* → *änder*), so that it is a part of
    the nouns made from it (*Bewegung*, *Änderung*); other words are returned as they are."""
    if word.endswith(("ern", "eln")):
        return word[:-1]
    return word[:-2] if word.endswith("en") else word


def _ends(word: str) -> frozenset[str]:
    """The word's ends of at least 4 letters, shorter than the word: the heads it may have as a compound."""
    return frozenset(word[-k:] for k in range(4, len(word)))


def _affixes(word: str) -> frozenset[str]:
    """The word's beginnings and ends of at least 4 letters, itself included."""
    return frozenset(word[:k] for k in range(4, len(word) + 1)) | frozenset(word[-k:] for k in range(4, len(word) + 1))


class _Words:
    """How alike two words are, for one comparison: what it looks up is kept until the comparison ends."""

    def __init__(self, thresholds: Thresholds) -> None:
        self.thresholds = thresholds
        self.affixes = lru_cache(maxsize=None)(_affixes)
        self.synonym_affixes = lru_cache(maxsize=None)(self._synonym_affixes)
        self.ends = lru_cache(maxsize=None)(_ends)
        self.head_synonyms = lru_cache(maxsize=None)(self._head_synonyms)
        self.pairs: dict[tuple[str, str], float] = {}

    def _synonym_affixes(self, word: str) -> frozenset[str]:
        return frozenset().union(*(self.affixes(s) for s in _synonyms(word)))

    def _head_synonyms(self, word: str) -> frozenset[str]:
        return frozenset().union(*(_synonyms(end) for end in self.ends(word)))

    def similarity(self, a: str, b: str) -> float:
        key = (a, b) if a <= b else (b, a)
        if key not in self.pairs:
            self.pairs[key] = self._similarity(*key)
        return self.pairs[key]

    def _similarity(self, a: str, b: str) -> float:
        if a == b:
            return 1.0
        if a[:1].isdigit() or b[:1].isdigit():
            return 0.0
        if _part_of(a, b) or _part_of(_stem(a), b) or _part_of(a, _stem(b)):
            return self.thresholds.word_part
        synonyms_a, synonyms_b = _synonyms(a), _synonyms(b)
        if b in synonyms_a:
            return self.thresholds.synonym
        # a synonym of one is a part of the other, or the other a part of it: `_part_of` with every synonym
        if synonyms_b & self.affixes(a) or synonyms_a & self.affixes(b) or a in self.synonym_affixes(b) or b in self.synonym_affixes(a):
            return self.thresholds.synonym * self.thresholds.word_part
        # the heads of two compounds are synonyms: an end of one has a synonym that is an end of the other
        heads_a, heads_b = (self.head_synonyms(a), self.head_synonyms(b)) if self.thresholds.heads else ((), ())
        if heads_a and (b in heads_a or not heads_a.isdisjoint(self.ends(b))) or heads_b and (a in heads_b or not heads_b.isdisjoint(self.ends(a))):
            return self.thresholds.heads
        return 0.0


def word_similarity(a: str, b: str, thresholds: Thresholds = THRESHOLDS) -> float:
    """1 for the same word, `word_part` for a part of the other, `synonym` for synonyms (and `synonym` x
    `word_part` for a synonym of the other's part: *Angriffskrieg* and *Offensive*), else 0. Figures match only
    themselves."""
    return _Words(thresholds).similarity(a, b)


def _weights(texts: list[list[Word]], thresholds: Thresholds) -> dict[str, float]:
    """Each word's weight: log(1 + sentences / sentences with the word) over both texts, doubled for a figure or a
    name (inverse document frequency: a word most sentences have says little about which belong together)."""
    counts = Counter(form for words in texts for form in {w.form for w in words})
    strong = {w.form for words in texts for w in words if w.strong}
    return {form: math.log(1 + len(texts) / n) * (thresholds.strong if form in strong else 1.0) for form, n in counts.items()}


def _found(words: list[Word], other: list[Word], weight: dict[str, float], similar) -> tuple[float, float]:
    """(weight of `words` matched in `other`, total weight of `words`); each word counts its best match."""
    got = total = 0.0
    for word in words:
        total += weight[word.form]
        got += weight[word.form] * max((similar(word.form, o.form) for o in other), default=0.0)
    return got, total


def _lis(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of pairs in the same order in both texts (longest increasing subsequence)."""
    pairs = sorted(pairs)
    chains: list[list[tuple[int, int]]] = []
    for k, (i, j) in enumerate(pairs):
        before = [chains[m] for m in range(k) if pairs[m][0] < i and pairs[m][1] < j]
        chains.append(max(before, key=len, default=[]) + [(i, j)])
    return max(chains, key=len, default=[])


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
    from newscheck.i18n import _

    if name == "article":
        raise TypeError(_("compare_with_original() needs the article as a text or as a sentence table with the columns "
                          "sentence_id and text (as split_sentences returns it)."))
    raise TypeError(_("compare_with_original() needs the original as a text or as a sentence table with the columns "
                      "sentence_id and text (as split_sentences returns it)."))


def align(article: list[list[Word]], original: list[list[Word]], thresholds: Thresholds = THRESHOLDS) -> list[tuple[int | None, int | None, float]]:
    """Links (article index or None, original index or None, similarity) between the content words of two texts."""
    weight = _weights(article + original, thresholds)
    _look_up_synonyms(set(weight).union(*(_ends(word) for word in weight)) if thresholds.heads else weight)
    similar = _Words(thresholds).similarity
    similarity: dict[tuple[int, int], float] = {}
    contained: dict[tuple[int, int], tuple[float, float]] = {}  # (share of the article sentence, of the original one)
    for i, a in enumerate(article):
        for j, o in enumerate(original):
            (got_a, all_a), (got_o, all_o) = _found(a, o, weight, similar), _found(o, a, weight, similar)
            similarity[i, j] = (got_a + got_o) / (all_a + all_o) if all_a + all_o else 0.0
            contained[i, j] = (got_a / all_a if all_a else 0.0, got_o / all_o if all_o else 0.0)
    links: dict[tuple[int, int], float] = {}
    article_links: dict[int, set[int]] = {}
    original_links: dict[int, set[int]] = {}

    def link(i: int, j: int, score: float) -> None:
        links[i, j] = score
        article_links.setdefault(i, set()).add(j)
        original_links.setdefault(j, set()).add(i)

    def pair(candidates, threshold: float) -> None:  # one to one, best first
        for score, i, j in sorted(((similarity[i, j], i, j) for i, j in candidates), reverse=True):
            if score >= threshold and score > 0 and i not in article_links and j not in original_links:
                link(i, j, score)

    pair(similarity, thresholds.pair)
    # the order both texts share: between two pairs of that order, a weaker pair of the sentences left there
    chain = [(-1, -1)] + _lis(list(links)) + [(len(article), len(original))]
    for (i1, j1), (i2, j2) in zip(chain, chain[1:]):
        pair([(i, j) for i in range(i1 + 1, i2) for j in range(j1 + 1, j2)], thresholds.in_order)
    # a left-over sentence joins the sentence that holds most of its words (one merged from two, or split in two)
    for mine, theirs, count, other, flip in ((article_links, original_links, len(article), len(original), False),
                                            (original_links, article_links, len(original), len(article), True)):
        for x in range(count):
            if x in mine or len((original if flip else article)[x]) < 2:
                continue
            share = (lambda y: contained[y, x][1]) if flip else (lambda y: contained[x, y][0])
            score, y = max(((share(y), y) for y in range(other) if len(theirs.get(y, ())) < 2), default=(0.0, None))
            if y is not None and score >= thresholds.part:
                link(*((y, x) if flip else (x, y)), score)
    result: list[tuple[int | None, int | None, float]] = [(i, j, s) for (i, j), s in links.items()]
    result += [(i, None, 0.0) for i in range(len(article)) if i not in article_links]
    result += [(None, j, 0.0) for j in range(len(original)) if j not in original_links]
    return sorted(result, key=lambda r: (r[0] if r[0] is not None else _after(r[1], result), r[1] if r[1] is not None else -1))


def _after(j: int, links: list) -> float:
    """Where a dropped original sentence goes in the article's order: after the article sentence of its predecessor."""
    before = [i for i, o, _ in links if i is not None and o is not None and o < j]
    return max(before) + 0.5 if before else -0.5


def suggest_relation(added: Counter, removed: Counter, new: Counter | None = None) -> str:
    """The relation of the first rule of data/comparison_rules.csv that fits the marker categories added and removed
    (a rule's empty column fits anything), else `changed`: the machine cannot tell. `new`: the categories of the
    marker words the article sentence has and its original has not (also where the original has more words of that
    category); a rule marked `none_added` does not fit when the article adds a word of its removed category (a source
    named another way, *Laut einer Umfrage* for *befragte*, is not dropped)."""
    new = new or Counter()
    for rule in _rules():
        if rule.get("none_added") and new[rule.get("markers_removed")]:
            continue
        wants_added, wants_removed = rule.get("markers_added"), rule.get("markers_removed")
        wants_added = wants_added if isinstance(wants_added, str) else ""
        wants_removed = wants_removed if isinstance(wants_removed, str) else ""
        if (not wants_added or added[wants_added]) and (not wants_removed or removed[wants_removed]):
            return rule["relation"]
    return "changed"


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


def _new_categories(mine: pd.DataFrame, theirs: pd.DataFrame) -> Counter:
    """The categories of the hits of `mine` whose marker `theirs` has fewer times (a new *Laut*, even if the original
    has two other verbs of saying)."""
    extra = Counter(mine["marker_id"]) - Counter(theirs["marker_id"])
    found = Counter()
    for hit in mine.itertuples():
        if extra[hit.marker_id] > 0:
            extra[hit.marker_id] -= 1
            found[hit.category] += 1
    return found


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
            relation = suggest_relation(added, removed, new=_new_categories(mine, theirs))
        rows.append((a_id, o_id, round(score, 2), "; ".join(added_words) if i is not None and j is not None else "",
                     "; ".join(removed_words) if i is not None and j is not None else "", relation,
                     article["text"][i] if i is not None else "", original["text"][j] if j is not None else ""))
    return pd.DataFrame(rows, columns=COLUMNS)
