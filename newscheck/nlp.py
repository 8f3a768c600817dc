"""German tokens with lemma and part of speech: SoMaJo tokenizes and splits, HanTa (Hanover Tagger) tags.

Both are loaded once, on first use, from their installed packages (HanTa's German model ships inside its wheel);
nothing is downloaded. Tags are HanTa's STTS tags, e.g. VV(FIN) finite full verb, VA(PP) participle of an auxiliary,
VM(FIN) finite modal, PTKVZ separated verb particle, $, comma, $. end of sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newscheck.errors import CourseFileError

QUOTES = frozenset("„“”\"«»‚‘’‹›'")


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark: its text, character span in the sentence, lemma and STTS tag."""

    text: str
    start: int
    end: int
    lemma: str
    tag: str


def _missing(error: ImportError) -> CourseFileError:
    return CourseFileError(
        "requirements/learner.txt",
        f"the German language tools listed there (SoMaJo, HanTa) are not installed in this notebook's Python ({error.name} is missing).",
        "Run `make lab` again, which installs them, or `pip install -r requirements/learner.txt`.",
    )


@lru_cache(maxsize=1)
def tokenizer():
    """The SoMaJo tokenizer and sentence splitter for German news ('de_CMC'), with character offsets."""
    try:
        from somajo import SoMaJo
    except ImportError as error:
        raise _missing(error) from None
    return SoMaJo("de_CMC", split_camel_case=False, character_offsets=True)


@lru_cache(maxsize=1)
def tagger():
    """HanTa's German model (morphmodel_ger.pgz, shipped with the package)."""
    try:
        from HanTa import HanoverTagger
    except ImportError as error:
        raise _missing(error) from None
    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def spans(text: str) -> list[list[tuple[int, int]]]:
    """Character spans of the tokens of `text`, grouped by sentence."""
    if not text.strip():
        return []
    return [[token.character_offset for token in sentence] for sentence in tokenizer().tokenize_text([text])]


@lru_cache(maxsize=4096)
def analyse(sentence: str) -> tuple[Token, ...]:
    """Tokenize one sentence (one tagger context, even if SoMaJo would split it) and tag every token."""
    offsets = [span for group in spans(sentence) for span in group]
    words = [sentence[a:b] for a, b in offsets]
    # HanTa knows the straight quotation mark; curly and German ones confuse its context model.
    tagged = tagger().tag_sent(['"' if word in QUOTES else word for word in words], taglevel=1) if words else []
    return tuple(Token(word, a, b, lemma, tag) for word, (a, b), (_, lemma, tag) in zip(words, offsets, tagged))
