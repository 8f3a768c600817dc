"""Plumbing for the critical-reading course: find the course files, load them with clear errors, find markers.

Everything the course *teaches* (pandas, matplotlib, reading) stays in the notebooks; this package only
finds folders, loads and validates files, splits text into sentences and finds marker words.
"""

from newscheck.checks import check
from newscheck.display import show_texts
from newscheck.errors import CourseFileError
from newscheck.i18n import use_language
from newscheck.loading import Article, load_article, read_text
from newscheck.markers import find_markers
from newscheck.plotting import OKABE_ITO, draw_estimates, hatch_bars, series_styles, thousands
from newscheck.paths import course_root, data_dir, seeds_dir
from newscheck.sentences import split_sentences
from newscheck.tables import load_table, table_names, validate_data_package

__all__ = [
    "OKABE_ITO",
    "Article",
    "check",
    "CourseFileError",
    "course_root",
    "data_dir",
    "draw_estimates",
    "find_markers",
    "hatch_bars",
    "load_article",
    "load_table",
    "read_text",
    "seeds_dir",
    "series_styles",
    "show_texts",
    "split_sentences",
    "table_names",
    "thousands",
    "use_language",
    "validate_data_package",
]
