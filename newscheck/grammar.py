"""The marker finder's grammar rules, on tokens tagged by HanTa (newscheck.nlp); word lists come from data/.

Each rule returns (start, end) character spans in the sentence. The lists of lemmas (verbs of saying, the
infinitives that make *sollen* hearsay, the verbs whose perfect takes *sein*) are rows of data/marker_lemmas_de.csv.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newscheck.nlp import Token

Span = tuple[int, int]
# lemma -> list of with_word patterns ('' = no condition)
Lemmas = dict[str, list[str]]

_PAST_INDICATIVE = {"war", "waren", "warst", "wurde", "wurden", "wurdest", "hatte", "hatten", "hattest"}
_KONJUNKTIV_II = {"hätte", "hätten", "wäre", "wären", "würde", "würden"}
_PARTICLE_AS_ADVERB = {"weiter"}  # 'unterstrich weiter': the particle is an adverb, the verb stays 'unterstreichen'


def finite(token: Token) -> bool:
    """A finite verb: HanTa tags Konjunktiv forms as FIN or, sometimes, IMP."""
    return token.tag.startswith("V") and token.tag.endswith(("(FIN)", "(IMP)"))


def clauses(tokens: Iterable[Token]) -> list[list[Token]]:
    """The tokens between commas and sentence punctuation (semicolon and colon included)."""
    result: list[list[Token]] = [[]]
    for token in tokens:
        if token.tag in ("$,", "$."):
            result.append([])
        else:
            result[-1].append(token)
    return [clause for clause in result if clause]


def _with(words: str, clause: list[Token]) -> bool:
    """True if the clause has a word matching `words` (a regular expression), or `words` is empty."""
    return not words or any(re.fullmatch(words, t.text, re.IGNORECASE) for t in clause)


def _lemma_forms(clause: list[Token], i: int) -> list[tuple[str, int]]:
    """Candidate lemmas of clause[i], each with the index of the last token it spans (a separated particle)."""
    token = clause[i]
    if finite(token):
        for j in range(i + 1, len(clause)):
            if finite(clause[j]):
                break
            if clause[j].tag == "PTKVZ":
                particle = clause[j].text.lower()
                forms = [(particle + token.lemma, j)]
                return forms + [(token.lemma, i)] if particle in _PARTICLE_AS_ADVERB else forms
    return [(token.lemma, i)]


def lemma_spans(tokens: tuple[Token, ...], lemmas: Lemmas) -> list[Span]:
    """Spans of every word whose lemma (with a separated particle joined to it) is listed, with its condition met."""
    found = []
    for clause in clauses(tokens):
        for i, token in enumerate(clause):
            if token.tag == "PTKVZ":
                continue
            for lemma, last in _lemma_forms(clause, i):
                if lemma in lemmas and any(_with(words, clause) for words in lemmas[lemma]):
                    found.append((token.start, clause[last].end))
                    break
    return found


def _stems(lemma: str) -> list[str]:
    """Present stems of a verb: handeln -> handel, handl; sagen -> sag."""
    if lemma.endswith("en"):
        return [lemma[:-2]]
    if lemma.endswith(("eln", "ern")):
        return [lemma[:-1], lemma[:-3] + lemma[-2]]
    return [lemma[:-1]] if lemma.endswith("n") else []


def is_konjunktiv_i(token: Token) -> bool:
    """sei/seien, or stem + e (handele, bestehe, könne): Konjunktiv I, third person singular."""
    word = token.text.lower()
    if token.lemma == "sein":
        return word in ("sei", "seien", "seiest", "seiet")
    return finite(token) and any(word == stem + "e" for stem in _stems(token.lemma.lower()))


def konjunktiv_i(tokens: tuple[Token, ...]) -> list[Span]:
    """Konjunktiv I forms, not next to 'ich' (ich habe) and not in 'es sei denn' (unless)."""
    found = []
    for i, token in enumerate(tokens):
        neighbours = {t.text.lower() for t in tokens[max(0, i - 1) : i + 2]}
        if finite(token) and is_konjunktiv_i(token) and "ich" not in neighbours:
            if not (token.text.lower() == "sei" and i + 1 < len(tokens) and tokens[i + 1].text.lower() == "denn"):
                found.append((token.start, token.end))
    return found


def _past_or_konjunktiv_ii(token: Token) -> bool:
    """A finite form that is neither present indicative nor Konjunktiv I: lägen, hätten, bremsten, gäbe."""
    word = token.text.lower()
    if word in _KONJUNKTIV_II:
        return True
    if word in _PAST_INDICATIVE or token.lemma in ("können", "dürfen") or is_konjunktiv_i(token):
        return False
    return word.endswith(("e", "en")) and word != token.lemma.lower()


def konjunktiv_ii_reported(tokens: tuple[Token, ...], saying: Lemmas) -> list[Span]:
    """Konjunktiv II (or past) forms in a clause of a sentence that has a verb of saying in another clause."""
    parts = clauses(tokens)
    saying_words = [{span[0] for span in lemma_spans(tuple(clause), saying)} for clause in parts]
    if not any(saying_words):
        return []
    found = []
    for clause, said in zip(parts, saying_words):
        has_saying = bool(said)
        for token in clause:
            if finite(token) and token.start not in said and _past_or_konjunktiv_ii(token):
                if not has_saying or token.text.lower() in _KONJUNKTIV_II:
                    found.append((token.start, token.end))
    return found


def sollen_hearsay(tokens: tuple[Token, ...], infinitives: Lemmas) -> list[Span]:
    """soll/sollen with a perfect infinitive, or with a listed infinitive (a state): hearsay, not a plan."""
    found = []
    for clause in clauses(tokens):
        for token in clause:
            if token.lemma != "sollen" or token.text.lower() not in ("soll", "sollen", "sollst", "sollt"):
                continue
            participles = [t for t in clause if t.tag.endswith("(PP)")]
            perfect = any(t.lemma in ("haben", "sein") and t.start > p.start for p in participles for t in clause)
            others = [t for t in clause if t is not token and (t.tag.endswith("(INF)") or (finite(t) and t.text.lower() == t.lemma.lower()))]
            state = any(t.lemma in infinitives and any(_with(words, clause) for words in infinitives[t.lemma]) for t in others)
            if perfect or state:
                found.append((token.start, token.end))
    return found


def _in_list(lemma: str, verbs: Lemmas) -> bool:
    """True if the verb or the verb it ends in is listed (ankommen -> kommen)."""
    return any(lemma == verb or lemma.endswith(verb) for verb in verbs)


def passive(tokens: tuple[Token, ...], sein_perfect: Lemmas) -> list[Span]:
    """werden + participle (not the future: wird ... geben / gesperrt bleiben), or sein + participle (state passive)."""
    found = []
    for clause in clauses(tokens):
        participles = [t for t in clause if t.tag == "VV(PP)"]
        if not participles:
            continue
        werden = [t for t in clause if t.lemma == "werden" and t.text.lower() != "geworden"]
        sein = [t for t in clause if t.lemma == "sein" and t.tag.startswith("VA")]
        if werden:
            worden = any(t.text.lower() == "worden" for t in werden)
            future = any(t.tag == "VV(INF)" for t in clause) or (
                not worden and any(t.lemma in ("haben", "sein") and t.start > participles[0].start for t in clause)
            )
            if not future:
                words = werden + participles
                found.append((min(t.start for t in words), max(t.end for t in words)))
        elif sein and not any(t.lemma == "haben" and t.tag.startswith("VA") for t in clause):
            state = [p for p in participles if not _in_list(p.lemma, sein_perfect)]
            if state:
                words = sein + state
                found.append((min(t.start for t in words), max(t.end for t in words)))
    return found
