"""Measure find_figures on hand-annotated news excerpts (make figures-eval).

Usage: python tools/figures_eval.py [--details] [--compare-parsers]

Three sets: tests/fixtures/figures_dev/ (the rules were built with it), tests/fixtures/figures_heldout/ (annotated
before the first run; two faults it showed were fixed afterwards, so it no longer measures blind) and
tests/fixtures/figures_heldout2/ (made after those fixes, annotated before its first run, never tuned to). A found figure is correct when a gold figure of the same sentence has its
value within 0.5 % (for a range: both ends); each gold figure is used once. Prints precision and recall, and for the
correct figures how often the qualifier and the unit agree with the annotation. --compare-parsers also runs the
finder with our own small readers of digits and number words in place of Babel and text2num, to compare them.
"""

from __future__ import annotations

import argparse
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from evaluation import precision_recall, read_sentences, share  # a sibling script in tools/

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "development set": ROOT / "tests" / "fixtures" / "figures_dev",
    "held-out set 1": ROOT / "tests" / "fixtures" / "figures_heldout",
    "held-out set 2": ROOT / "tests" / "fixtures" / "figures_heldout2",
}
TOLERANCE = 0.005


@dataclass
class Score:
    found: int = 0
    gold: int = 0
    correct: int = 0
    qualifier_agrees: int = 0
    unit_agrees: int = 0
    errors: list = field(default_factory=list)

    def line(self) -> str:
        precision, recall = precision_recall(self.correct, self.found, self.gold)
        return (f"precision {precision:.2f} ({self.correct}/{self.found}), recall {recall:.2f} ({self.correct}/{self.gold}), "
                f"qualifier {share(self.qualifier_agrees, self.correct):.2f} ({self.qualifier_agrees}/{self.correct}), "
                f"unit {share(self.unit_agrees, self.correct):.2f} ({self.unit_agrees}/{self.correct})")


def texts(folder: Path) -> dict[str, pd.DataFrame]:
    """text_id -> sentence table (S1, S2, ... one per line of the file)."""
    return {path.stem: read_sentences(path) for path in sorted((folder / "texts").glob("*.txt"))}


def close(a: float, b: float) -> bool:
    return not (math.isnan(a) or math.isnan(b)) and abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def same_figure(found, gold) -> bool:
    """True if a found row and a gold row are the same figure (value, or both ends of a range, within 0.5 %)."""
    if found.sentence_id != gold.sentence_id:
        return False
    if pd.isna(gold.value):
        return close(found.low, float(gold.low)) and close(found.high, float(gold.high))
    return close(found.value, float(gold.value))


def score_set(folder: Path) -> Score:
    from newscheck.figures import find_figures

    gold_all = pd.read_csv(folder / "gold_figures.csv", dtype={"unit": str, "text": str}, keep_default_na=False, na_values={"value": [""], "low": [""], "high": [""]})
    total = Score()
    for text_id, sentences in texts(folder).items():
        found = find_figures(sentences)
        gold = gold_all[gold_all["text_id"] == text_id]
        total.found += len(found)
        total.gold += len(gold)
        used: set[int] = set()
        for row in found.itertuples():
            match = next((g for g in gold.itertuples() if g.Index not in used and same_figure(row, g)), None)
            if match is None:
                total.errors.append(f"{text_id} {row.sentence_id}: false figure {row.text!r} ({row.qualifier}, {row.unit!r})")
                continue
            used.add(match.Index)
            total.correct += 1
            if row.qualifier == match.qualifier:
                total.qualifier_agrees += 1
            else:
                total.errors.append(f"{text_id} {row.sentence_id}: {row.text!r} qualifier {row.qualifier}, annotated {match.qualifier}")
            if row.unit.lower() == match.unit.lower():
                total.unit_agrees += 1
            else:
                total.errors.append(f"{text_id} {row.sentence_id}: {row.text!r} unit {row.unit!r}, annotated {match.unit!r}")
        total.errors += [f"{text_id} {g.sentence_id}: missed {g.text!r}" for g in gold.itertuples() if g.Index not in used]
    return total


# --- our own readers, to compare with the libraries -----------------------------------------------------------------

_OWN_WORDS = {w: float(i) for i, w in enumerate("null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split())}
_OWN_WORDS.update({"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
                   "neunzig": 90, "hundert": 100, "tausend": 1000})


def own_digits(text: str) -> float | None:
    """Our reader of German digits: drop dots and spaces between groups, comma as decimal point."""
    cleaned = re.sub(r"[.\s]", "", text).replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


def own_word(word: str) -> float | None:
    """Our reader of number words: a fixed list (no compounds such as dreihundertzwanzig)."""
    return _OWN_WORDS.get(word.lower())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every false, missed or mislabelled figure")
    parser.add_argument("--compare-parsers", action="store_true", help="also run with our own readers of digits and number words")
    args = parser.parse_args()
    import newscheck.figures as figures

    variants = [("Babel + text2num (used)", figures.digits_value, figures.word_value)]
    if args.compare_parsers:
        variants += [("own digits + text2num", own_digits, figures.word_value), ("Babel + own word list", figures.digits_value, own_word)]
    library_digits, library_words = figures.digits_value, figures.word_value
    for label, digits, words in variants:
        figures.digits_value, figures.word_value = digits, words
        print(f"find_figures, {label}")
        for name, folder in SETS.items():
            result = score_set(folder)
            print(f"  {name}: {result.line()}")
            if args.details and label.endswith("(used)"):
                for error in result.errors:
                    print(f"    {error}")
    figures.digits_value, figures.word_value = library_digits, library_words
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
