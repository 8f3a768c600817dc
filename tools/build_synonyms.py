"""Build data/synonyms_de.csv, the German synonym groups compare_with_original uses, from OpenThesaurus.

Usage: python tools/build_synonyms.py [PATH]   (default: Debian's openthesaurus-de-text package,
/usr/share/openthesaurus-de/openthesaurus.txt; `apt-get install openthesaurus-de-text`)

OpenThesaurus (https://www.openthesaurus.de, Daniel Naber and contributors, LGPL 2.1 or later) lists German
synonym groups, one a line, separated by semicolons. We keep what a comparison of two news texts can use and
nothing chosen by hand for a text: entries of one word (grammatical hints in brackets such as "(sich)" are dropped),
in standard written German: entries marked colloquial, vulgar, pejorative, jocular, figurative, dated, regional, of a
group's jargon or foreign (the labels below) are left out, as are abbreviations ("...") and words under three
letters. Words are lower-cased, as the comparison compares dictionary forms in lower case. A group keeps two or more
words. The file is committed, so learners need neither the Debian package nor the internet.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/openthesaurus-de/openthesaurus.txt")
TARGET = ROOT / "data" / "synonyms_de.csv"
EXPORT = "2016-04-24"  # the OpenThesaurus export data/synonyms_de.csv was built from (Debian's 20160424-4)
# An entry is left out when a label in its brackets starts with one of these (OpenThesaurus's own labels: "ugs.",
# "fig.", "veraltet", "österr.", "norddeutsch", "Jägersprache", "engl." ...).
LEFT_OUT = ("ugs", "umgangs", "derb", "vulg", "abwert", "salopp", "iron", "scherz", "fig", "veralt", "altert", "histor",
            "regional", "österr", "schweiz", "bayr", "bairisch", "berlin", "schwäb", "sächs", "rhein", "westf", "hess",
            "kölsch", "fränk", "pfälz", "niederd", "norddeut", "süddeut", "mitteldeut", "ostdeut", "westdeut", "ddr",
            "jargon", "slang", "jugend", "kinder", "amtsdeutsch", "engl", "lat", "franz", "ital", "span", "griech",
            "russ", "jidd", "hebr")
LABEL_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


def entry_word(entry: str) -> str | None:
    """The entry's one word in lower case, or None when it is left out."""
    for bracket in re.findall(r"\(([^)]*)\)", entry):
        if any(label.lower().startswith(LEFT_OUT) for label in LABEL_WORD.findall(bracket)):
            return None
    word = re.sub(r"\([^)]*\)", " ", entry).strip()
    if not word or " " in word or "..." in word or "…" in word or len(word) < 3:
        return None
    return word.lower()


def groups(path: Path) -> list[list[str]]:
    result = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        words = sorted({w for w in (entry_word(e) for e in line.split(";")) if w})
        if len(words) >= 2:
            result.append(words)
    return result


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    if not path.exists():
        print(f"{path} not found: apt-get install openthesaurus-de-text, or give the path of openthesaurus.txt", file=sys.stderr)
        return 1
    found = groups(path)
    with TARGET.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["group_id", "words"])
        for number, words in enumerate(found, start=1):
            writer.writerow([f"G{number:05d}", ";".join(words)])
    print(f"{TARGET.relative_to(ROOT)}: {len(found)} groups, {sum(map(len, found))} words, {TARGET.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
