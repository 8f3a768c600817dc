"""Load the article and its metadata, with errors that say what to do."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from newscheck.errors import CourseFileError
from newscheck.paths import relative_name, seeds_dir


def read_text(path: Path) -> str:
    """Read a UTF-8 text file; raise CourseFileError (not a bare OSError) if it is missing, unreadable or not UTF-8."""
    path = Path(path)
    name = relative_name(path)
    if not path.exists():
        raise CourseFileError(name, "the file does not exist.", _restore_hint(name))
    if path.is_dir():
        raise CourseFileError(name, "this is a folder, not a file.", "Give the path of a file.")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CourseFileError(name, f"the file cannot be read ({error.strerror}).", "Check its permissions.") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise CourseFileError(
            name,
            f"the file is not UTF-8 text (byte {error.start}, line {line}).",
            "Save it again as UTF-8 (in a spreadsheet: 'CSV UTF-8').",
        ) from None


def _restore_hint(name: str) -> str:
    if name.startswith(("seeds/", "data/")):
        return f"Restore it from the course repository, e.g. `git checkout -- {name}`."
    return "Check the file name and the folder."


@dataclass(frozen=True)
class Article:
    """The article's text and its metadata (from seeds/article_meta.json)."""

    text: str
    title: str
    date: str
    section: str
    language: str
    sha256: str

    @property
    def lines(self) -> list[str]:
        """The lines that carry text (blank lines dropped), in order."""
        return [line for line in self.text.splitlines() if line.strip()]


def load_article(folder: Path | None = None) -> Article:
    """Load the article from seeds/ (or `folder`), checking it against the SHA-256 in its metadata."""
    folder = seeds_dir() if folder is None else Path(folder)
    meta_path = folder / "article_meta.json"
    try:
        meta = json.loads(read_text(meta_path))
    except json.JSONDecodeError as error:
        raise CourseFileError(
            relative_name(meta_path),
            f"this is not valid JSON ({error.msg}, line {error.lineno}).",
            "Restore the file from the course repository.",
        ) from None
    missing = [key for key in ("file", "title", "date", "section", "language", "sha256") if key not in meta]
    if missing:
        raise CourseFileError(
            relative_name(meta_path),
            f"the metadata lacks {', '.join(missing)}.",
            "Add the missing keys (see seeds/README.md).",
        )
    text_path = folder / meta["file"]
    text = read_text(text_path)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != meta["sha256"]:
        raise CourseFileError(
            relative_name(text_path),
            "the text differs from the article the course was written for (its SHA-256 does not match the metadata).",
            "Restore the original with `git checkout -- seeds/`; the course quotes the article verbatim.",
        )
    return Article(
        text=text,
        title=meta["title"],
        date=meta["date"],
        section=meta["section"],
        language=meta["language"],
        sha256=digest,
    )
