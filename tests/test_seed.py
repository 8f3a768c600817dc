"""The article in seeds/ must stay byte for byte what the course quotes."""

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "article_de.txt"
META = ROOT / "seeds" / "article_meta.json"
# The SHA-256 of the article as supplied. Pinned here as well as in the metadata, so that editing both
# the text and its metadata still fails.
EXPECTED_SHA256 = "23d6c1fbd93e45d83987cce4c4f864fe597095f5baa74572f30ef9b336d49367"


def test_seed_text_is_unchanged():
    digest = hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert digest == EXPECTED_SHA256, (
        "seeds/article_de.txt has changed (SHA-256 differs). The course quotes it verbatim: "
        "restore it with `git checkout -- seeds/article_de.txt`."
    )


def test_metadata_describes_the_seed():
    meta = json.loads(META.read_text(encoding="utf-8"))
    raw = SEED.read_bytes()
    assert meta["sha256"] == EXPECTED_SHA256, "seeds/article_meta.json: 'sha256' is not the article's SHA-256."
    assert meta["bytes"] == len(raw), "seeds/article_meta.json: 'bytes' is not the article's size."
    assert meta["file"] == SEED.name
    assert meta["date"] == "2024-10-28"
    assert meta["language"] == "de"


def test_metadata_matches_the_text_itself():
    meta = json.loads(META.read_text(encoding="utf-8"))
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines[0] == "28. Oktober, 2024"
    assert lines[1] == meta["section"]
    # The headline is printed twice, one line after the other.
    assert lines[2] == lines[3] == meta["title"]
