"""Record the SHA-256 of every table in data/datapackage.json, after validating the whole package.

Usage: python tools/update_data_hashes.py   (make data-hashes)

Run it after you have edited a table in data/ and `make test` shows only the stale-hash failure. It refuses to
record hashes while any table or link between tables is invalid, because a recorded hash tells the helper that
this exact file has been validated (see newscheck/tables.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newscheck.tables import file_hash, validate_data_package  # noqa: E402

PACKAGE = ROOT / "data" / "datapackage.json"


def main() -> int:
    package = json.loads(PACKAGE.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        resource.pop("hash", None)  # validate the content itself, not last time's hashes
    PACKAGE.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    problems = validate_data_package()
    if problems:
        print("Not recording hashes: the data is not valid yet.", *problems[:20], sep="\n  ", file=sys.stderr)
        return 1
    for resource in package["resources"]:
        resource["hash"] = file_hash(ROOT / "data" / resource["path"])
        print(f"{resource['path']}: {resource['hash']}")
    PACKAGE.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
