"""Plumbing for the critical-reading course: find the course files, load them with clear errors.

Everything the course *teaches* (pandas, matplotlib, reading) stays in the notebooks; this package only
finds folders, loads and validates files, and (later) checks exercise answers.
"""

from newscheck.errors import CourseFileError
from newscheck.paths import course_root, data_dir, seeds_dir
from newscheck.loading import Article, load_article, read_text

__all__ = [
    "Article",
    "CourseFileError",
    "course_root",
    "data_dir",
    "load_article",
    "read_text",
    "seeds_dir",
]
