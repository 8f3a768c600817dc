"""Find the course folder (the one holding seeds/ and data/) from any working directory."""

from __future__ import annotations

import os
from pathlib import Path

from newscheck.errors import CourseFileError

#: Files whose presence marks the course folder.
_MARKERS = ("seeds/article_meta.json", "data")
#: Environment variable that overrides the search, e.g. on a hub with an unusual layout.
ROOT_VARIABLE = "NEWSCHECK_ROOT"


def _is_course_root(folder: Path) -> bool:
    return all((folder / marker).exists() for marker in _MARKERS)


def course_root(start: Path | None = None) -> Path:
    """Return the course folder: $NEWSCHECK_ROOT, else the first parent of `start` (default: cwd) that holds seeds/ and data/."""
    override = os.environ.get(ROOT_VARIABLE)
    if override:
        folder = Path(override).expanduser()
        if not _is_course_root(folder):
            raise CourseFileError(
                f"{ROOT_VARIABLE}={override}",
                "this folder does not hold seeds/article_meta.json and data/.",
                f"Point {ROOT_VARIABLE} at the course folder, or unset it.",
            )
        return folder.resolve()
    here = Path.cwd() if start is None else Path(start)
    package_parent = Path(__file__).resolve().parent.parent
    for folder in [here.resolve(), *here.resolve().parents, package_parent]:
        if _is_course_root(folder):
            return folder
    raise CourseFileError(
        "the course folder",
        f"no folder holding seeds/ and data/ was found from the working directory '{here.name}' upwards.",
        "Open the notebooks from inside the course folder (start JupyterLab there with `make lab`), "
        f"or set {ROOT_VARIABLE} to the course folder.",
    )


def seeds_dir() -> Path:
    """Return the course's seeds/ folder (the article, verbatim)."""
    return course_root() / "seeds"


def data_dir() -> Path:
    """Return the course's data/ folder (the sourced tables)."""
    return course_root() / "data"


def relative_name(path: Path) -> str:
    """Name a course file relative to the course folder (e.g. 'data/claims.csv') for messages."""
    try:
        return path.resolve().relative_to(course_root()).as_posix()
    except (ValueError, CourseFileError):
        return path.name
