"""Measure compare_with_original on hand-annotated pairs and on the seed (make compare-eval).

Usage: python tools/compare_eval.py [--details] [--compare-scorers]

Three sets of an original and an article we wrote (tests/fixtures/compare_dev/, the thresholds were chosen with it;
tests/fixtures/compare_heldout/ and compare_heldout2/, each annotated before its first run, never tuned to), and the
seed article beside the dpa sentences of data/agency_alignment.csv. A link is a pair (article sentence or none, original sentence or none);
pair F1 counts links found and annotated, one to one; relation agreement is the share of correct links whose
suggested relation is the annotated one. --compare-scorers also runs the alignment with RapidFuzz in place of
difflib (if installed), each over a grid of thresholds on the development set.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
PAIR_TOTALS: dict = {}  # the counts of the last run, restricted to links with both sentences
SETS = {
    "development set": ROOT / "tests" / "fixtures" / "compare_dev",
    "held-out set 1": ROOT / "tests" / "fixtures" / "compare_heldout",
    "held-out set 2": ROOT / "tests" / "fixtures" / "compare_heldout2",
}


def table(path: Path) -> pd.DataFrame:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return pd.DataFrame({"sentence_id": [f"S{i}" for i in range(1, len(lines) + 1)], "text": lines})


def pairs(folder: Path) -> dict[str, tuple[pd.DataFrame, pd.DataFrame]]:
    return {p.name.removesuffix(".article.txt"): (table(p), table(p.with_name(p.name.replace(".article.", ".original."))))
            for p in sorted((folder / "pairs").glob("*.article.txt"))}


def f1(found: int, gold: int, correct: int) -> tuple[float, float, float]:
    precision = correct / found if found else math.nan
    recall = correct / gold if gold else math.nan
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(found_links: dict[tuple, str], gold_links: dict[tuple, set[str]]) -> tuple[int, int, int, int, list]:
    """(found, gold, correct, relation agrees, errors) for links {(article id, original id): relation}."""
    correct = [k for k in found_links if k in gold_links]
    agrees = sum(1 for k in correct if found_links[k] in gold_links[k])
    errors = [f"false link {k} ({found_links[k]})" for k in found_links if k not in gold_links]
    errors += [f"missed link {k} ({'/'.join(sorted(gold_links[k]))})" for k in gold_links if k not in found_links]
    errors += [f"link {k}: suggested {found_links[k]}, annotated {'/'.join(sorted(gold_links[k]))}" for k in correct if found_links[k] not in gold_links[k]]
    return len(found_links), len(gold_links), len(correct), agrees, errors


def evaluate(folder: Path, thresholds=None, similar=None, contained=None) -> tuple[int, int, int, int, list]:
    import newscheck.compare as compare

    gold = pd.read_csv(folder / "gold_links.csv", dtype=str, keep_default_na=False)
    totals = [0, 0, 0, 0, []]
    PAIR_TOTALS[folder] = [0, 0, 0, 0, []]
    saved = compare.similarity, compare.containment
    if similar:
        compare.similarity, compare.containment = similar, contained
    try:
        for pair_id, (article, original) in pairs(folder).items():
            result = compare.compare_with_original(article, original, **({"thresholds": thresholds} if thresholds else {}))
            found = {(r.article_sentence_id, r.original_sentence_id): r.relation for r in result.itertuples()}
            rows = gold[gold["pair_id"] == pair_id]
            wanted: dict[tuple, set[str]] = {}
            for r in rows.itertuples():
                wanted.setdefault((r.article_sentence_id, r.original_sentence_id), set()).add(r.relation)
            counts = score(found, wanted)
            for n in range(4):
                totals[n] += counts[n]
            totals[4] += [f"{pair_id}: {e}" for e in counts[4]]
            for n, value in enumerate(pairs_only(found, wanted)[:4]):
                PAIR_TOTALS[folder][n] += value
    finally:
        compare.similarity, compare.containment = saved
    return tuple(totals)  # type: ignore[return-value]


def seed() -> tuple[int, int, int, int, list]:
    """The seed article's body sentences beside the dpa sentences, against data/agency_alignment.csv.

    dpa's two versions (dpa-E…: earlier, dpa-L…: later) are compared separately and their links joined, as the table pairs an
    article sentence with both. A dpa sentence is its compared span (the table quotes no more); several spans of one
    sentence are joined. 'no_agency_text_found' counts as added_by_writer, the comparison's word for it.
    """
    from newscheck import compare_with_original
    from newscheck.tables import load_table

    sentences = load_table("article_sentences")
    body = sentences[sentences["kind"] == "body"].rename(columns={"text_de": "text"})[["sentence_id", "text"]]
    alignment = load_table("agency_alignment")
    found: dict[tuple, str] = {}
    for version in ("dpa-E", "dpa-L"):
        spans = alignment[alignment["agency_id"].fillna("").str.startswith(version)]
        dpa = (spans.groupby("agency_id")["agency_span"].apply(lambda s: " ".join(dict.fromkeys(s))).reset_index()
               .rename(columns={"agency_id": "sentence_id", "agency_span": "text"}))
        for r in compare_with_original(body.reset_index(drop=True), dpa).itertuples():
            if r.article_sentence_id and r.original_sentence_id:
                found[(r.article_sentence_id, r.original_sentence_id)] = r.relation
            elif r.original_sentence_id:
                found[("", r.original_sentence_id)] = "dropped"
    linked = {a for a, o in found if a and o}
    for sentence_id in body["sentence_id"]:
        if sentence_id not in linked:
            found[(sentence_id, "")] = "added_by_writer"
    wanted: dict[tuple, set[str]] = {}
    for r in alignment.itertuples():
        key = (r.sentence_id if isinstance(r.sentence_id, str) else "", r.agency_id if isinstance(r.agency_id, str) else "")
        wanted.setdefault(key, set()).add("added_by_writer" if r.relation == "no_agency_text_found" else r.relation)
    # a dpa sentence is dropped only if no article sentence is paired with it
    wanted = {k: v for k, v in wanted.items() if k[0] or not any(a and o == k[1] for a, o in wanted)}
    PAIR_TOTALS["seed"] = list(pairs_only(found, wanted))
    return score(found, wanted)


def line(counts) -> str:
    found, gold, correct, agrees, _ = counts
    precision, recall, value = f1(found, gold, correct)
    return (f"pair precision {precision:.2f}, recall {recall:.2f}, F1 {value:.2f} ({correct} of {found} found, {gold} annotated); "
            f"relation agreement {agrees / correct if correct else math.nan:.2f} ({agrees}/{correct})")


def pairs_only(found_links: dict[tuple, str], gold_links: dict[tuple, set[str]]) -> tuple[int, int, int, int, list]:
    """score() restricted to links with both sentences (no dropped or added ones)."""
    both = lambda links: {k: v for k, v in links.items() if k[0] and k[1]}  # noqa: E731
    return score(both(found_links), both(gold_links))


def rapidfuzz_similarity(a: list[str], b: list[str]) -> float:
    """RapidFuzz's normalized Indel similarity of the sorted word lists (what difflib's ratio computes)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(sorted(a), sorted(b), processor=None) / 100 if a and b else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every false, missed or mislabelled link")
    parser.add_argument("--compare-scorers", action="store_true", help="RapidFuzz and difflib over a grid of thresholds (development set)")
    args = parser.parse_args()
    from newscheck.compare import THRESHOLDS, Thresholds

    if args.compare_scorers:
        import newscheck.compare as compare

        scorers = [("difflib (used)", None, None)]
        try:
            import rapidfuzz  # noqa: F401  (not a course requirement: install it to compare)

            scorers.append(("RapidFuzz", rapidfuzz_similarity, compare.containment))
        except ImportError:
            print("RapidFuzz is not installed: pip install rapidfuzz==3.14.6 to compare it with difflib")
        for label, similar, contained in scorers:
            best = max(((evaluate(SETS["development set"], Thresholds(pair, part, THRESHOLDS.kept), similar, contained), pair, part)
                        for pair in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5) for part in (0.4, 0.5, 0.6, 0.7, 0.8)),
                       key=lambda r: (f1(*r[0][:3])[2], r[0][3]))
            print(f"{label}, best thresholds on the development set (pair {best[1]}, part {best[2]}): {line(best[0])}")
    print(f"compare_with_original (difflib, {THRESHOLDS})")
    for name, folder in SETS.items():
        counts = evaluate(folder)
        print(f"  {name}: {line(counts)}")
        print(f"    only links with both sentences: {line(PAIR_TOTALS[folder])}")
        if args.details:
            for error in counts[4]:
                print(f"    {error}")
    counts = seed()
    print(f"  seed article vs data/agency_alignment.csv: {line(counts)}")
    print(f"    only links with both sentences: {line(PAIR_TOTALS['seed'])}")
    if args.details:
        for error in counts[4]:
            print(f"    {error}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
