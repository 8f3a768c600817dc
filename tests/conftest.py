"""Shared fixtures for the unit tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def course_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throw-away copy of seeds/ and data/ in a temporary course folder; the real files are never touched."""
    copy = tmp_path / "course"
    shutil.copytree(ROOT / "seeds", copy / "seeds")
    shutil.copytree(ROOT / "data", copy / "data")
    monkeypatch.setenv("NEWSCHECK_ROOT", str(copy))
    return copy
