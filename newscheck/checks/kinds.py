"""Plain-language names for the type of an answer ("a whole number", "a single column (Series)"), translated."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from newscheck.i18n import N_, _

_KIND_NAMES = {
    bool: N_("True/False"), int: N_("a whole number"), float: N_("a decimal number"), str: N_("text"),
    list: N_("a list"), tuple: N_("a tuple (values in round brackets)"), dict: N_("a dictionary"), set: N_("a set"),
}
_KIND_BY_CLASS = {  # by class name, so that matplotlib need not be imported to name its objects
    "DataFrame": N_("a table (DataFrame)"), "Series": N_("a single column (Series)"), "Index": N_("an index"),
    "ndarray": N_("an array"), "Styler": N_("a styled table (.style): give the table itself"),
    "Timedelta": N_("a time span"), "timedelta": N_("a time span"), "timedelta64": N_("a time span"),
    "Timestamp": N_("a date"), "date": N_("a date"), "datetime": N_("a date"), "datetime64": N_("a date"),
    "Figure": N_("a figure"), "Axes": N_("the axes (the ax of fig, ax = plt.subplots())"),
    "Text": N_("a text on a figure (what set_title or fig.text return)"), "Line2D": N_("a line"),
    "LineCollection": N_("a group of lines (what ax.vlines returns)"), "PathCollection": N_("points (what ax.scatter returns)"),
    "NAType": N_("a missing value (NA)"), "NaTType": N_("a missing date (NaT)"), "NoneType": N_("None (nothing)"),
    "ellipsis": N_("... (the placeholder)"),
}


def kind(answer: Any) -> str:
    """A plain-language name for the type of an answer, translated."""
    if isinstance(answer, (bool, np.bool_)):
        return _(_KIND_NAMES[bool])
    if type(answer).__name__ in _KIND_BY_CLASS:
        return _(_KIND_BY_CLASS[type(answer).__name__])
    if isinstance(answer, (np.ndarray, pd.api.extensions.ExtensionArray)):
        array = _KIND_BY_CLASS["ndarray"]  # `.values` of a pandas column: StringArray, IntegerArray, FloatingArray ...
        return _(array)
    if isinstance(answer, np.integer):
        return _(_KIND_NAMES[int])
    if isinstance(answer, np.floating):
        return _(_KIND_NAMES[float])
    for python_type, name in _KIND_NAMES.items():
        if type(answer) is python_type:
            return _(name)
    return _("a value of type {type}").format(type=type(answer).__name__)


def capitalised(text: str) -> str:
    """text with a capital first letter, if it starts with a letter (a message put together from parts). Marks a
    test catalogue puts around translated templates (⟪) are passed over."""
    start = len(text) - len(text.lstrip("⟪"))
    return text[:start] + text[start:start + 1].upper() + text[start + 1:]
