"""Draw a table of loss estimates the honest way: one style per series, ranges as ranges, bounds as arrows.

Lesson 04 explains every call made here (`plot`, `vlines`, `errorbar` with `lolims`/`uplims`) and learners make
the same calls themselves in exercise 04; this module only repeats them for every series of a table, and writes the
axes' numbers and dates the way the running edition writes them: `thousands` for counts, `decimals` for ratios,
`months` for a date axis (600,000 / 2.5 / 2024-10 in English, as Python writes them; 600.000 / 2,5 / Okt. 2024 in
German).
"""

from __future__ import annotations

import pandas as pd

from newscheck.errors import CourseFileError
from newscheck.formats import LOCALES, number_text
from newscheck.i18n import SOURCE_LANGUAGE, current_language

# Columns a table must have to be drawn (lesson 04, Step 3 adds the style and bound columns).
NEEDED = ["date", "value", "low", "high", "label", "colour", "marker", "size", "connect", "lower_bound", "upper_bound"]
ARROW = 0.06  # length of a bound's arrow, as a share of its value (the same on a linear and a log axis)


def draw_estimates(ax, rows: pd.DataFrame) -> None:
    """Draw each series of `rows` on `ax`: points, ranges as bars with hollow ends, lower/upper bounds as arrows."""
    missing = [column for column in NEEDED if column not in rows.columns]
    if missing:
        raise CourseFileError(
            "draw_estimates(ax, rows)",
            f"the table has no column {', '.join(repr(c) for c in missing)}.",
            "Run the cells of Step 3 first: they add the style columns (merge with `styles`) and the bound columns.",
        )
    for label, series in rows.groupby("label", sort=False):
        style = series.iloc[0]
        colour, marker = style["colour"], style["marker"]
        # 1. the point estimates, joined by a line only for one source's running count
        ax.plot(series["date"], series["value"], marker=marker, markersize=style["size"], color=colour,
                markeredgecolor="black" if marker == "*" else colour,
                linestyle="-" if style["connect"] else "none", label=label)
        # 2. a range as a bar; its ends (or its one given end, from the point value) as hollow markers
        ranged = series[series["low"].notna() | series["high"].notna()]
        bottom, top = ranged["low"].fillna(ranged["value"]), ranged["high"].fillna(ranged["value"])
        ax.vlines(ranged["date"], bottom, top, color=colour, linewidth=2)
        for end in (ranged["low"], ranged["high"]):
            ax.plot(ranged["date"], end, marker=marker, color=colour, fillstyle="none", linestyle="none")
        # 3. "more than" as an arrow up from the value, "as many as" as an arrow down
        for column, direction in (("lower_bound", {"lolims": True}), ("upper_bound", {"uplims": True})):
            bound = series[series[column]]
            ax.errorbar(bound["date"], bound["value"], yerr=bound["value"] * ARROW, fmt="none", ecolor=colour,
                        elinewidth=1.5, **direction)
    ax.xaxis.set_major_formatter(months)  # the dates on the axis, the edition's way


def thousands(value: float, _position: int | None = None) -> str:
    """A tick label for a count, with thousands separators the way the running edition writes them: 600,000 in
    English, 600.000 in German. Use it as `ax.yaxis.set_major_formatter(thousands)`; matplotlib passes the tick's
    value and position, and the position is not needed."""
    return number_text(int(round(value)), grouped=True)  # the same numbers as in the checks' messages


def decimals(value: float, _position: int | None = None) -> str:
    """A tick label for a ratio or another number with decimals, the way the running edition writes it: 0.5 and 2 in
    English, 0,5 and 2 in German. Use it as `ax.xaxis.set_major_formatter(decimals)`."""
    return number_text(round(value, 6), "g")


def months(value: float, _position: int | None = None) -> str:
    """A tick label for a date axis: year and month the way the running edition writes them (2024-10 in English, as
    Python and `date_text` write dates; Okt. 2024 in German, through Babel). Use it as
    `ax.xaxis.set_major_formatter(months)`; matplotlib passes the date as a number of days."""
    from matplotlib.dates import num2date

    day = num2date(value).date()
    language = current_language()
    if language == SOURCE_LANGUAGE:
        return day.strftime("%Y-%m")
    from babel.dates import format_date

    return format_date(day, format="MMM yyyy", locale=LOCALES.get(language, language))
