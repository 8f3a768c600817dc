"""Measure the marker finder and the sentence splitter on hand-annotated texts (make finder-eval).

Usage: python tools/finder_eval.py [--details] [--sets dev,dev_news,heldout,heldout_news,heldout_news2,heldout_news3,heldout_news4,practice]

The sets (each annotated by hand before the finder was first run on it; see each folder's README):
- dev: tests/fixtures/finder_dev/, news-style texts we wrote; the finder's rules were built with them;
- dev_news: tests/fixtures/finder_dev_news/, excerpts of real German news; the rules of issue #19 were built with them;
- heldout: tests/fixtures/finder_heldout/, texts we wrote after the first rules (held out in issue #12, seen since);
- heldout_news: tests/fixtures/finder_heldout_news/, excerpts of real German news of other kinds, held out in
  issue #19 and measured once; its errors were then fixed as kinds, so it is seen;
- heldout_news2: tests/fixtures/finder_heldout_news2/, excerpts of real German news of six more kinds, measured
  once and then seen, like heldout_news;
- heldout_news3: tests/fixtures/finder_heldout_news3/, excerpts of real German news of three more kinds, measured
  once and then seen;
- heldout_news4: tests/fixtures/finder_heldout_news4/, excerpts of real German news of two more kinds, held out:
  run only to measure;
- practice: the course's practice text data/sample_article_de.txt (data/sample_article_markers.csv).
Matching is lenient: a hit is correct when a gold marker of the same category overlaps it in the same sentence;
each gold marker is used once. Prints precision and recall per category and how many sentences were split right;
--details also lists every false alarm, miss and splitting error.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from evaluation import precision_recall, sentence_table  # a sibling script in tools/
from newscheck.tables import allowed_values

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DEV = FIXTURES / "finder_dev"
DEV_NEWS = FIXTURES / "finder_dev_news"
HELDOUT = FIXTURES / "finder_heldout"
HELDOUT_NEWS = FIXTURES / "finder_heldout_news"
HELDOUT_NEWS2 = FIXTURES / "finder_heldout_news2"
HELDOUT_NEWS3 = FIXTURES / "finder_heldout_news3"
HELDOUT_NEWS4 = FIXTURES / "finder_heldout_news4"
#: name -> (title, folder); the practice text has no folder
SETS = {
    "dev": ("Development set (texts we wrote)", DEV),
    "dev_news": ("Development set (real news excerpts)", DEV_NEWS),
    "heldout": ("First held-out set (texts we wrote; seen since issue #19)", HELDOUT),
    "heldout_news": ("First real-news held-out set (measured once in issue #19, seen since)", HELDOUT_NEWS),
    "heldout_news2": ("Second real-news held-out set (measured once in issue #19, seen since)", HELDOUT_NEWS2),
    "heldout_news3": ("Third real-news held-out set (measured once in issue #19, seen since)", HELDOUT_NEWS3),
    "heldout_news4": ("Held-out set (real news excerpts, issue #19)", HELDOUT_NEWS4),
    "practice": ("Practice text (data/sample_article_de.txt)", None),
}
CATEGORIES = allowed_values("markers_de", "category")  # in the order of data/datapackage.json


@dataclass
class Score:
    """Counts of correct hits, all hits and gold markers, per category, with the errors for reading."""

    hits: dict = field(default_factory=dict)
    correct: dict = field(default_factory=dict)
    gold: dict = field(default_factory=dict)
    false_alarms: list = field(default_factory=list)
    missed: list = field(default_factory=list)

    def add(self, other: "Score") -> None:
        """Add another score's counts and errors to this one."""
        for name in ("hits", "correct", "gold"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for key, value in theirs.items():
                mine[key] = mine.get(key, 0) + value
        self.false_alarms += other.false_alarms
        self.missed += other.missed

    def rates(self, category: str | None = None) -> tuple[float, float, int, int, int]:
        """(precision, recall, correct, hits, gold) for one category, or for all when category is None."""
        keys = set(self.hits) | set(self.gold) if category is None else {category}  # all: also a category not in the schema
        correct = sum(self.correct.get(k, 0) for k in keys)
        hits = sum(self.hits.get(k, 0) for k in keys)
        gold = sum(self.gold.get(k, 0) for k in keys)
        return (*precision_recall(correct, hits, gold), correct, hits, gold)


def score(sentences: pd.DataFrame, hits: pd.DataFrame, gold: pd.DataFrame, label: str = "") -> Score:
    """Score finder hits against gold rows (sentence_id, category, matched_text) with lenient matching."""
    text = sentences.set_index("sentence_id")["text"]
    spans = []
    for row in gold.itertuples():
        if row.sentence_id not in text.index or text[row.sentence_id].find(row.matched_text) < 0:
            raise ValueError(f"{label}: gold text {row.matched_text!r} is not in sentence {row.sentence_id}")
        start = text[row.sentence_id].find(row.matched_text)
        spans.append((row.sentence_id, row.category, start, start + len(row.matched_text), row.matched_text))
    result = Score()
    for _, category, *_ in spans:
        result.gold[category] = result.gold.get(category, 0) + 1
    used: set[int] = set()
    for hit in hits.itertuples():
        result.hits[hit.category] = result.hits.get(hit.category, 0) + 1
        match = next(
            (i for i, (sid, cat, a, b, _) in enumerate(spans) if i not in used and sid == hit.sentence_id and cat == hit.category and a < hit.end and hit.start < b),
            None,
        )
        if match is None:
            result.false_alarms.append((label, hit.sentence_id, hit.category, hit.marker_id, hit.match))
        else:
            used.add(match)
            result.correct[hit.category] = result.correct.get(hit.category, 0) + 1
    result.missed = [(label, sid, cat, words) for i, (sid, cat, _, _, words) in enumerate(spans) if i not in used]
    return result


def set_texts(folder: Path) -> list[tuple[str, str, list[str], list[int]]]:
    """(text_id, raw text, expected sentences, their paragraph numbers) for every text of a set (a folder of
    tests/fixtures/)."""
    texts = []
    for path in sorted((folder / "texts").glob("*.txt")):
        paragraphs = [[line.strip() for line in block.splitlines() if line.strip()] for block in path.read_text(encoding="utf-8").split("\n\n")]
        paragraphs = [p for p in paragraphs if p]
        raw = "\n\n".join(" ".join(p) for p in paragraphs)
        numbers = [n for n, p in enumerate(paragraphs, start=1) for _ in p]
        texts.append((path.stem, raw, [line for p in paragraphs for line in p], numbers))
    return texts


def evaluate_set(folder: Path) -> tuple[Score, int, int, list]:
    """Score the finder and the splitter on a set: (score, sentences right, sentences, split errors)."""
    from newscheck import find_markers, split_sentences

    gold = pd.read_csv(folder / "gold_markers.csv", encoding="utf-8", dtype=str)
    total, right, split_errors = Score(), 0, []
    sentences_total = 0
    for text_id, raw, expected, paragraphs in set_texts(folder):
        found = split_sentences(raw)
        got = found["text"].tolist()
        sentences_total += len(expected)
        right += sum(1 for sentence in expected if sentence in got)
        split_errors += [(text_id, s) for s in expected if s not in got]
        # markers are scored on the expected sentences, so that a splitting error does not count twice
        sentences = sentence_table(expected, paragraph=paragraphs)
        total.add(score(sentences, find_markers(sentences), gold[gold["text_id"] == text_id], text_id))
    return total, right, sentences_total, split_errors


def evaluate_practice() -> Score:
    """Score the finder on the practice text data/sample_article_de.txt."""
    from newscheck import find_markers, split_sentences

    sentences = split_sentences((ROOT / "data" / "sample_article_de.txt").read_text(encoding="utf-8"))
    gold = pd.read_csv(ROOT / "data" / "sample_article_markers.csv", encoding="utf-8", dtype=str)
    return score(sentences, find_markers(sentences), gold, "practice")


def table(result: Score) -> str:
    """A Markdown table of precision and recall per category and overall."""
    lines = ["| category | precision | recall | correct / hits / gold |", "| --- | ---: | ---: | ---: |"]
    for category in CATEGORIES + [None]:
        precision, recall, correct, hits, gold = result.rates(category)
        if hits or gold:
            name = category or "**all**"
            lines.append(f"| {name} | {precision:.2f} | {recall:.2f} | {correct} / {hits} / {gold} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every false alarm, miss and splitting error")
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, from {', '.join(SETS)} (default: all)")
    args = parser.parse_args()
    names = [name.strip() for name in args.sets.split(",") if name.strip()]
    unknown = [name for name in names if name not in SETS]
    if unknown:
        parser.error(f"unknown set {', '.join(unknown)}; choose from {', '.join(SETS)}")
    results = []
    for name in names:
        title, folder = SETS[name]
        if folder is None:
            result, split_errors = evaluate_practice(), []
            print(f"{title}:\n\n{table(result)}\n")
        else:
            result, right, total, split_errors = evaluate_set(folder)
            print(f"{title} ({total} sentences, {sum(result.gold.values())} markers):\n\n{table(result)}\n")
            print(f"Sentences split right: {right} of {total}\n")
        results.append((title, result, split_errors))
    if args.details:
        for title, result, split_errors in results:
            print(f"False alarms, {title}:", *result.false_alarms, sep="\n  ")
            print(f"Missed, {title}:", *result.missed, sep="\n  ")
            print(f"Sentences not split right, {title}:", *split_errors, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
