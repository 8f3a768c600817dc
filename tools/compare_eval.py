"""Measure compare_with_original on hand-annotated pairs and on the seed (make compare-eval).

Usage: python tools/compare_eval.py [--details] [--steps] [--compare-scorers] [--sets NAME ...]

Sets of an original and an article, each annotated by hand and committed before the comparison first ran on it:
tests/fixtures/compare_dev/ (the first thresholds were chosen with it), compare_heldout/ and compare_heldout2/
(held out in issue 20, used since to build the paraphrase steps), compare_heldout3/ (real originals, held out from
the paraphrase steps, used since), compare_heldout4/ (real originals, held out from the third round), and the seed article beside the dpa sentences of data/agency_alignment.csv. A link is a pair
(article sentence or none, original sentence or none); pair F1 counts links found and annotated, one to one;
relation agreement is the share of correct links whose suggested relation is the annotated one. --steps runs the
comparison once without each of its steps (synonyms, word parts, compound heads, the shared order) and once with figures and names
counted double; --compare-scorers swaps the word-part rule for difflib's and RapidFuzz's character similarity (if
RapidFuzz is installed).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from evaluation import precision_recall, read_sentences, share  # a sibling script in tools/

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "development set": ROOT / "tests" / "fixtures" / "compare_dev",
    "held-out set 1": ROOT / "tests" / "fixtures" / "compare_heldout",
    "held-out set 2": ROOT / "tests" / "fixtures" / "compare_heldout2",
    "held-out set 3": ROOT / "tests" / "fixtures" / "compare_heldout3",
    "held-out set 4": ROOT / "tests" / "fixtures" / "compare_heldout4",
}
DEVELOPMENT = ("development set", "held-out set 1", "held-out set 2", "held-out set 3")  # the sets seen and tuned to


def pairs(folder: Path) -> dict[str, tuple[pd.DataFrame, pd.DataFrame]]:
    return {p.name.removesuffix(".article.txt"): (read_sentences(p), read_sentences(p.with_name(p.name.replace(".article.", ".original."))))
            for p in sorted((folder / "pairs").glob("*.article.txt"))}


def f1(found: int, gold: int, correct: int) -> tuple[float, float, float]:
    precision, recall = precision_recall(correct, found, gold)
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(found_links: dict[tuple, str], gold_links: dict[tuple, set[str]]) -> tuple[int, int, int, int, list]:
    """(found, gold, correct, relation agrees, errors) for links {(article id, original id): relation}."""
    correct = [k for k in found_links if k in gold_links]
    agrees = sum(1 for k in correct if found_links[k] in gold_links[k])
    errors = [f"false link {k} ({found_links[k]})" for k in found_links if k not in gold_links]
    errors += [f"missed link {k} ({'/'.join(sorted(gold_links[k]))})" for k in gold_links if k not in found_links]
    errors += [f"link {k}: suggested {found_links[k]}, annotated {'/'.join(sorted(gold_links[k]))}" for k in correct if found_links[k] not in gold_links[k]]
    return len(found_links), len(gold_links), len(correct), agrees, errors


def evaluate(folder: Path, thresholds=None) -> tuple[tuple[int, int, int, int, list], tuple[int, int, int, int, list]]:
    """The counts of score() over every pair of a set, and those of links with both sentences (without errors)."""
    from newscheck.compare import compare_with_original

    gold = pd.read_csv(folder / "gold_links.csv", dtype=str, keep_default_na=False)
    totals = [0, 0, 0, 0, []]
    both = [0, 0, 0, 0]
    for pair_id, (article, original) in pairs(folder).items():
        result = compare_with_original(article, original, **({"thresholds": thresholds} if thresholds else {}))
        found = {(r.article_sentence_id, r.original_sentence_id): r.relation for r in result.itertuples()}
        rows = gold[gold["pair_id"] == pair_id]
        wanted: dict[tuple, set[str]] = {}
        for r in rows.itertuples():
            wanted.setdefault((r.article_sentence_id, r.original_sentence_id), set()).add(r.relation)
        counts = score(found, wanted)
        for n in range(4):
            totals[n] += counts[n]
        totals[4] += [f"{pair_id}: {e}" for e in counts[4]]
        both = [t + v for t, v in zip(both, pairs_only(found, wanted)[:4])]
    return tuple(totals), (*both, [])  # type: ignore[return-value]


def seed(thresholds=None) -> tuple[tuple[int, int, int, int, list], tuple[int, int, int, int, list]]:
    """The seed article's body sentences beside the dpa sentences, against data/agency_alignment.csv.

    dpa's two versions (dpa-E…: earlier, dpa-L…: later) are compared separately and their links joined, as the table pairs an
    article sentence with both. A dpa sentence is its compared span (the table quotes no more); several spans of one
    sentence are joined. 'no_agency_text_found' counts as added_by_writer, the comparison's word for it. Returns the
    counts of score(), and those of links with both sentences.
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
        for r in compare_with_original(body.reset_index(drop=True), dpa, **({"thresholds": thresholds} if thresholds else {})).itertuples():
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
    return score(found, wanted), pairs_only(found, wanted)


def line(counts) -> str:
    found, gold, correct, agrees, _ = counts
    precision, recall, value = f1(found, gold, correct)
    return (f"pair precision {precision:.2f}, recall {recall:.2f}, F1 {value:.2f} ({correct} of {found} found, {gold} annotated); "
            f"relation agreement {share(agrees, correct):.2f} ({agrees}/{correct})")


def pairs_only(found_links: dict[tuple, str], gold_links: dict[tuple, set[str]]) -> tuple[int, int, int, int, list]:
    """score() restricted to links with both sentences (no dropped or added ones)."""
    both = lambda links: {k: v for k, v in links.items() if k[0] and k[1]}  # noqa: E731
    return score(both(found_links), both(gold_links))


def part_rules() -> list[tuple[str, object]]:
    """Other rules for 'one word is a part of the other', with character similarity, to compare with ours."""
    import difflib

    rules: list[tuple[str, object]] = [("difflib ratio >= 0.8", lambda a, b: difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8)]
    try:
        from rapidfuzz import fuzz  # not a course requirement: install it to compare

        rules.append(("RapidFuzz ratio >= 80", lambda a, b: fuzz.ratio(a, b) >= 80))
        rules.append(("RapidFuzz partial_ratio >= 90", lambda a, b: min(len(a), len(b)) >= 4 and fuzz.partial_ratio(a, b) >= 90))
    except ImportError:
        print("RapidFuzz is not installed: pip install rapidfuzz==3.14.6 to compare it")
    return rules


def summary(thresholds=None) -> str:
    """Pairs only (F1, precision/recall) over the sets seen (development set, held-out sets 1 to 3), and on the seed."""
    totals = [0, 0, 0]
    for name in DEVELOPMENT:
        totals = [t + v for t, v in zip(totals, evaluate(SETS[name], thresholds)[1][:3])]
    return f"sets 0-3: {line(totals + [0, []]).split(';')[0]}; seed: {line(seed(thresholds)[1]).split(';')[0]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every false, missed or mislabelled link")
    parser.add_argument("--steps", action="store_true", help="pairs found without each step of the comparison")
    parser.add_argument("--compare-scorers", action="store_true", help="character similarity (difflib, RapidFuzz) in place of the word-part rule")
    parser.add_argument("--sets", nargs="+", choices=[*SETS, "seed"], help="run only these sets")
    args = parser.parse_args()
    import dataclasses

    import newscheck.compare as compare

    if args.steps:
        print("Pairs only, without one step at a time (development set and held-out sets 1 to 3 pooled):")
        print(f"  all steps: {summary()}")
        for label, change in [("no synonyms", {"synonym": 0.0, "heads": 0.0}), ("no word parts", {"word_part": 0.0}),
                              ("no compound heads", {"heads": 0.0}),
                              ("figures and names counted double", {"strong": 2.0}), ("no pairs by the shared order", {"in_order": 1.01})]:
            print(f"  {label}: {summary(dataclasses.replace(compare.THRESHOLDS, **change))}")
    if args.compare_scorers:
        ours = compare._part_of
        try:
            for label, rule in part_rules():
                compare._part_of = rule
                print(f"  word parts by {label}: {summary()}")
        finally:
            compare._part_of = ours
    print(f"compare_with_original ({compare.THRESHOLDS})")
    for name, folder in SETS.items():
        if args.sets and name not in args.sets:
            continue
        counts, both = evaluate(folder)
        print(f"  {name}: {line(counts)}")
        print(f"    only links with both sentences: {line(both)}")
        if args.details:
            for error in counts[4]:
                print(f"    {error}")
    if args.sets and "seed" not in args.sets:
        return 0
    counts, both = seed()
    print(f"  seed article vs data/agency_alignment.csv: {line(counts)}")
    print(f"    only links with both sentences: {line(both)}")
    if args.details:
        for error in counts[4]:
            print(f"    {error}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
