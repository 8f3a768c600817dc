"""Plumbing for the lessons' figures: one style per series, hatching, and estimates drawn the honest way.

Lesson 04 explains every call `draw_estimates` makes (`plot`, `vlines`, `errorbar` with `lolims`/`uplims`) and
learners make the same calls themselves in exercise 04; this module only repeats them for every series of a table.
The rest is what a lesson shows but does not teach: the table of styles (a colour and a marker for each series,
lesson 04), giving each group of bars its hatching (lesson 02), and writing the axes' numbers and dates the way the
running edition writes them: `thousands` for counts, `decimals` for ratios, `months` for a date axis (600,000 / 2.5 /
2024-10 in English, as Python writes them; 600.000 / 2,5 / Okt. 2024 in German).
"""

from __future__ import annotations

from itertools import cycle

import pandas as pd

from newscheck.errors import CourseFileError
from newscheck.formats import LOCALES, number_text
from newscheck.i18n import N_, SOURCE_LANGUAGE, _, current_language

#: The Okabe-Ito palette: eight colours that people with the common forms of colour-blindness can tell apart.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
#: Hatchings (patterns of lines, dots or crosses inside a bar), one per group of bars, for print in black and white.
HATCHES = ["", "///", "...", "xxx", "---", "|||", "**", "\\\\"]
# Lesson 04's styles: (legend label, colour, marker, marker size, joined by a line, the series of
# data/loss_estimates.csv drawn so). Series that share a label share its style; a label names what every series behind
# it is, so that it stays true in a figure that shows only some of them. Only a running count by one source is joined
# by a line.
_STYLES = [
    (N_("the article, 28 Oct 2024 (NATO's figure)"), "#F0E442", "*", 20, False, ["the article"]),
    (N_("NATO"), "#0072B2", "o", 7, False, ["NATO"]),
    (N_("Western governments"), "#56B4E9", "s", 7, False,
     ["US government", "UK government", "French government", "Norwegian armed forces"]),
    (N_("Ukraine's leadership (warring party)"), "#E69F00", "D", 7, False,
     ["Ukrainian president", "Ukrainian commander-in-chief"]),
    (N_("Ukraine's General Staff: 'personnel losses' (warring party)"), "#D55E00", "v", 7, True, ["Ukrainian General Staff"]),
    (N_("Russia about its own losses (warring party)"), "#000000", "X", 7, False, ["Russian Ministry of Defence"]),
    (N_("deaths confirmed by name (BBC Russian, Mediazona)"), "#009E73", "P", 7, True, ["BBC News Russian + Mediazona"]),
    (N_("deaths estimated from probate records (Meduza, Mediazona)"), "#CC79A7", "h", 7, False, ["Meduza + Mediazona"]),
]

# Columns a table must have to be drawn (lesson 04, Step 3 adds the style and bound columns).
NEEDED = ["date", "value", "low", "high", "label", "colour", "marker", "size", "connect", "lower_bound", "upper_bound"]
ARROW = 0.06  # length of a bound's arrow, as a share of its value (the same on a linear and a log axis)
CARET = 5  # half the width of a bound's arrowhead, in points (errorbar's capsize): big enough to see among points


def series_styles() -> pd.DataFrame:
    """Lesson 04's table of styles: for each series of data/loss_estimates.csv its legend label (in the running
    edition's language), colour, marker, marker size, and whether its points are joined by a line."""
    rows = [(series, _(label), colour, marker, size, connect)
            for label, colour, marker, size, connect, all_series in _STYLES for series in all_series]
    return pd.DataFrame(rows, columns=["series", "label", "colour", "marker", "size", "connect"])


def hatch_bars(ax, hatches: list[str] = HATCHES) -> None:
    """Give each group of bars on `ax` (each column of a bar chart drawn by pandas) a hatching of its own."""
    for bars, hatch in zip(ax.containers, cycle(hatches)):
        for bar in bars:
            bar.set_hatch(hatch)


def count_bars(counts: pd.Series | pd.DataFrame, xlabel: str, ylabel: str, title: str, source: str) -> None:
    """A horizontal bar chart of counts, as lesson 06 draws them: one bar per row of a Series, or one group of bars per
    row of a DataFrame with a colour and a hatching per column and a legend that shows both; each bar labelled with
    its count, whole numbers on the axis, the first row on top, and `source` under the figure."""
    import matplotlib.pyplot as plt

    table = counts.to_frame() if isinstance(counts, pd.Series) else counts
    fig, ax = plt.subplots(figsize=(8, 3.5), facecolor="white")
    table.plot.barh(ax=ax, color=OKABE_ITO[: len(table.columns)], edgecolor="white", legend=False)
    hatch_bars(ax)
    for bars in ax.containers:
        ax.bar_label(bars, padding=3)
    if len(table.columns) > 1:
        ax.legend()  # after the hatching, so that the legend shows it
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set(xlabel=xlabel, ylabel=ylabel, title=title)
    fig.text(0, -0.07, source, fontsize=10, va="top", wrap=True)


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
        if len(ranged):  # (a call with nothing to draw still costs drawing time: skipped)
            bottom, top = ranged["low"].fillna(ranged["value"]), ranged["high"].fillna(ranged["value"])
            ax.vlines(ranged["date"], bottom, top, color=colour, linewidth=2)
            for end in (ranged["low"], ranged["high"]):
                ax.plot(ranged["date"], end, marker=marker, color=colour, fillstyle="none", linestyle="none")
        # 3. "more than" as an arrow up from the value, "as many as" as an arrow down
        for column, direction in (("lower_bound", {"lolims": True}), ("upper_bound", {"uplims": True})):
            bound = series[series[column]]
            if bound.empty:
                continue
            ax.errorbar(bound["date"], bound["value"], yerr=bound["value"] * ARROW, fmt="none", ecolor=colour,
                        elinewidth=1.5, capsize=CARET, **direction)
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
