"""Shared fixtures for the unit tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# A check that raises fails the test that called it (and the notebook cell under nbval: its kernel inherits this),
# instead of printing the learner's "Your answer could not be checked" (newscheck/checks/registry.py).
os.environ["NEWSCHECK_STRICT_CHECKS"] = "1"


@pytest.fixture
def course_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throw-away copy of seeds/ and data/ in a temporary course folder; the real files are never touched."""
    copy = tmp_path / "course"
    shutil.copytree(ROOT / "seeds", copy / "seeds")
    shutil.copytree(ROOT / "data", copy / "data")
    monkeypatch.setenv("NEWSCHECK_ROOT", str(copy))
    return copy


@pytest.fixture(scope="session")
def extracted_messages() -> list:
    """Every _() / ngettext() / N_() message in newscheck/, found once per run by Babel's extractor (as `make
    translations` finds them): (msgid, msgid_plural, locations as ("newscheck/FILE", LINE), translator comments)."""
    import message_translations  # tools/ is on the path: pyproject.toml

    return message_translations.extracted_messages()


def _fingerprint() -> dict[str, str]:
    """SHA-256 of every file in data/ and seeds/."""
    import hashlib

    return {
        path.relative_to(ROOT).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in ("data", "seeds")
        for path in sorted((ROOT / folder).rglob("*"))
        if path.is_file()
    }


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config._course_files_before = _fingerprint()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if anything in it (a test or a notebook under nbval) changed data/ or seeds/."""
    before = getattr(session.config, "_course_files_before", None)
    if before is None:
        return
    after = _fingerprint()
    changed = sorted(name for name in set(before) | set(after) if before.get(name) != after.get(name))
    if changed:
        print(f"\nERROR: the test run changed files in data/ or seeds/: {changed}. Notebooks and tests must never write there.")
        session.exitstatus = 1
