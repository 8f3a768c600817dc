"""Plumbing for the critical-reading course: find the course files, load them with clear errors, find markers.

Everything the course *teaches* (pandas, matplotlib, reading) stays in the notebooks; this package only
finds folders, loads and validates files, splits text into sentences, finds marker words and figures, pairs an
article's sentences with its original's, describes a change between two figures, writes numbers and dates the
edition's way and checks exercise answers.
"""

from newscheck.change import describe_change
from newscheck.checks import check
from newscheck.compare import compare_with_original
from newscheck.display import show_texts
from newscheck.errors import CourseFileError
from newscheck.article import Article, load_article, read_text
from newscheck.figures import find_figures
from newscheck.formats import date_text, number_text
from newscheck.i18n import use_language
from newscheck.markers import find_markers
from newscheck.plotting import OKABE_ITO, count_bars, decimals, draw_estimates, hatch_bars, months, series_styles, thousands
from newscheck.paths import course_root, data_dir, seeds_dir
from newscheck.sentences import split_sentences
from newscheck.tables import load_table, table_names, validate_data_package

__all__ = [
    "OKABE_ITO",
    "Article",
    "check",
    "compare_with_original",
    "CourseFileError",
    "course_root",
    "data_dir",
    "date_text",
    "count_bars",
    "decimals",
    "describe_change",
    "draw_estimates",
    "find_figures",
    "find_markers",
    "hatch_bars",
    "load_article",
    "load_table",
    "months",
    "number_text",
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
