"""Checks for exercises 04 (exercises/source/04_plot_the_loss_figures.ipynb): one series of estimates, filtered and
drawn honestly.

The figure of task 2 is judged by what it shows, compared with data/loss_estimates.csv: the asked-for series with its
values and ranges, every point inside the axes, and a title, axis labels and a source line that say something.
matplotlib is imported only when a figure is checked, so that importing the checks stays fast.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from newscheck.checks.answers import (N_, Feedback, _, edition_labels, kind, ngettext, number_text, right, table, table_ids,
                                      task, wrong)

#: The series the tasks ask for (the task text names it): the UK government's cumulative killed-and-wounded figures.
SERIES, METRIC, COVERAGE = "UK government", "killed_and_wounded", "cumulative"

# Words that show a title or label says something about this figure (English and German stems, lower case).
_COUNTED = r"kill|wound|casual|loss|soldier|troop|dead|death|injur|personnel|estimat|people|getötet|tot|verwundet|verletzt|verlust|soldat|opfer|schätz|gefallen|menschen"
_COUNTRY = r"uk|u\.k\.|brit|united kingdom|großbritannien|vereinigte|russia|russland|russisch"
# What these figures count: killed *and wounded*. Words that say so, and words that say deaths only.
_WOUNDED = r"wound|casual|injur|loss|verwund|verletz|verlust|opfer|ausfäll|ausfall"
_DEATHS = r"death|dead|died|dying|kill|fatalit|tote[nr]?(?!\w)|tot(?!\w)|getötet|gefallene|todesopfer|gestorben|sterb|starb"
# Whose losses: the figures are Russian losses; a title or label about Ukraine's losses names the wrong side.
_UKRAINE_LOSSES = (r"ukrain\w*\s+(?:soldier|troop|loss|casualt|dead|death|kill|wound|army|armed|force|soldat|verlust|tote"
                   r"|opfer|armee|streitkr)|ukraine'?s\s+(?:own\s+)?(?:loss|casualt|soldier|troop|dead|death|army)"
                   r"|(?:loss|losses|casualties|deaths|dead|verluste|tote|opfer)\s+(?:of|der|des)\s+(?:the\s+)?ukrain")
_RUSSIA = r"russ"
# A generic publisher name (Ministry of Defence, MoD, ...) is the UK's only if no other country is named with it.
_OTHER_COUNTRY = (r"russ|ukrain|u\.?s\.?(?!\w)|usa|united states|americ|amerik|french|france|franz|frankreich|german|germany"
                  r"|deutsch|norw|kreml|kremlin|nato|polish|polen|polnisch")
_UK_WORDS = r"uk|u\.k\.|brit|united kingdom|großbritannien|vereinigte|königreich"
_TIME = r"date|time|year|month|day|when|publish|announce|statement|datum|zeit|jahr|monat|tag|veröffentl"
#: Ways of naming the UK government as a publisher beyond the names in data/ (English and German).
_UK_NAMES = ["UK", "U.K.", "British", "Britain", "United Kingdom", "Ministry of Defence", "MoD", "Defence Intelligence",
             "britisch", "britische", "britischen", "britischer", "britisches", "britischem", "Briten", "Großbritannien",
             "Großbritanniens", "Vereinigtes Königreich", "Vereinigten Königreich", "Vereinigten Königreichs",
             "Verteidigungsministerium", "Verteidigungsministeriums"]


def uk_rows() -> pd.DataFrame:
    """The rows the tasks ask for, from data/loss_estimates.csv."""
    estimates = table("loss_estimates")
    return estimates[(estimates["series"] == SERIES) & (estimates["metric"] == METRIC) & (estimates["coverage"] == COVERAGE)]


@task("04.1")
def uk_series(answer: Any) -> Feedback:
    return table_ids(answer, "estimate_id", set(uk_rows()["estimate_id"]), N_("your filtered estimates"), N_("estimates"),
                     N_("Three conditions: series, metric and coverage. Period figures (one month or year) are not "
                        "cumulative."), table_name="estimates", yours=N_("The estimate in your table"))


# --- task 2: the figure ----------------------------------------------------------------------------------------

def _says(text: str, pattern: str) -> bool:
    return bool(re.search(r"(?<!\w)(?:" + pattern + ")", text.lower()))


def _publisher_names(rows: pd.DataFrame) -> list[str]:
    """Names that identify who published these figures: the series, the organisations and the outlets in data/."""
    sources = table("sources").set_index("source_id")
    names = {SERIES, *_UK_NAMES}
    for text in [*rows["source_org"].dropna(), *sources.loc[sources.index.intersection(rows["source_id"]), "publisher"].dropna()]:
        names.update(part.strip() for part in re.split(r"[()]", str(text)) if len(part.strip()) > 2)
    return sorted(names)


def _names_publisher(text: str, names: list[str]) -> bool:
    """True if text names one of the publishers; a generic name (e.g. 'Ministry of Defence') counts only where no
    other country is named next to it ('Russian Ministry of Defence', 'Ministry of Defence of Ukraine')."""
    text = text.lower()
    for name in names:
        generic = not _says(name, _UK_WORDS)
        for match in re.finditer(r"(?<!\w)" + re.escape(name.lower()) + r"(?!\w)", text):
            if not generic:
                return True
            before = " ".join(text[:match.start()].split()[-3:])
            after = text[match.end():match.end() + 30]
            if not (_says(before, _OTHER_COUNTRY) or re.match(r"\s*(?:of|der|des|von)\s+(?:the\s+)?(?:" + _OTHER_COUNTRY + ")", after)
                    or re.match(r"\s*(?:russlands|der ukraine)", after)):
                return True
    return False


def _drawn(axes: list) -> tuple[np.ndarray, list[np.ndarray]]:
    """Every point drawn in data coordinates (lines, markers, scatter) and every two-point segment (vlines, error bars)."""
    from matplotlib.collections import LineCollection, PathCollection

    points, segments = [], []
    for ax in axes:
        for line in ax.lines:
            if line.get_transform() != ax.transData:  # e.g. axhline: drawn across the axes, not at data points
                continue
            xy = np.asarray(line.get_xydata(), dtype=float).reshape(-1, 2)
            points.extend(xy[np.isfinite(xy).all(axis=1)])
        for collection in ax.collections:
            if isinstance(collection, LineCollection):
                for segment in collection.get_segments():
                    segment = np.asarray(segment, dtype=float)
                    if segment.shape == (2, 2) and np.isfinite(segment).all():
                        segments.append(segment)
            elif isinstance(collection, PathCollection) and collection.get_offset_transform() == ax.transData:
                offsets = np.ma.filled(np.ma.asarray(collection.get_offsets(), dtype=float), np.nan).reshape(-1, 2)
                points.extend(offsets[np.isfinite(offsets).all(axis=1)])
    return np.array(points, dtype=float).reshape(-1, 2), segments


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _estimates_at(points) -> list[pd.DataFrame]:
    """For each drawn point, the rows of data/loss_estimates.csv drawn there (the same date and value, as `_near`)."""
    import matplotlib.dates as mdates

    estimates = table("loss_estimates").dropna(subset=["value"])
    when, value = mdates.date2num(estimates["date"]), estimates["value"].astype(float).to_numpy()
    return [estimates[(np.abs(when - x) < 1e-6) & (np.abs(value - y) <= 1e-6 * np.maximum(1.0, np.abs(value)))]
            for x, y in points]


def _estimate_ids(points: np.ndarray) -> list[str]:
    """For each drawn point that is an estimate of data/loss_estimates.csv (date and value), its id, in date order;
    estimates that are the same figure on the same day (the article's ART-1 and NATO's W-32) share one label."""
    labels: list[str] = []
    for rows in _estimates_at(sorted(points.tolist())):
        same = "/".join(sorted(rows["estimate_id"]))
        if same and same not in labels:
            labels.append(same)
    return labels


def _other_series(points: np.ndarray) -> str | None:
    """'series (metric)' of the estimates that most of the drawn points are, if they are not the UK series (the
    codes in English, the labels of data/vocabulary.csv in a translated edition)."""
    series_labels, metric_labels = edition_labels("loss_estimates", "series"), edition_labels("loss_estimates", "metric")
    found = [series_labels.get(series, series) + " (" + metric_labels.get(metric, metric.replace("_", " ")) + ")"
             for rows in _estimates_at(points) for series, metric in zip(rows["series"], rows["metric"])]
    return pd.Series(found).mode().iloc[0] if found else None


def _data_problems(axes: list, rows: pd.DataFrame) -> str | None:
    """What is wrong with the drawn data, compared with the rows of data/ the task asks for; None if nothing."""
    import matplotlib.category
    import matplotlib.dates as mdates

    points, segments = _drawn(axes)
    if len(points) == 0 and not segments:
        if any(ax.patches for ax in axes):
            return _("Your figure shows bars. Draw each estimate as a point (ax.plot) and each range as a line "
                     "(ax.vlines): a bar suggests an exact count from zero, and cannot show a range or a 'more than'.")
        return _("Nothing is drawn yet: plot the point estimates with ax.plot and the ranges with ax.vlines.")
    if any(ax.yaxis_inverted() or ax.xaxis_inverted() for ax in axes):
        return _("An axis of your figure is upside down (inverted), so a rise looks like a fall or time runs "
                 "backwards. Leave out invert_yaxis / invert_xaxis, and limits given from large to small.")
    if any(isinstance(ax.xaxis.get_units(), matplotlib.category.UnitData) for ax in axes):
        return _("The dates are text, so matplotlib spaces them evenly, whatever time lies between them. Plot "
                 "uk[\"date\"] itself on the x-axis.")
    dates = mdates.date2num(rows["date"])
    values, lows, highs = (rows[column].astype(float).to_numpy() for column in ("value", "low", "high"))
    expected_points = [(d, v) for d, v in zip(dates, values) if np.isfinite(v)]
    expected_ranges = [(d, lo, hi) for d, lo, hi in zip(dates, lows, highs) if np.isfinite(lo) and np.isfinite(hi)]
    # Each drawn point or range end may be an estimate, a range end, or a bound's arrow near it (within 20 %).
    envelope = [(d, np.nanmin([v, lo]) * 0.8, np.nanmax([v, hi]) * 1.2) for d, v, lo, hi in zip(dates, values, lows, highs)]
    drawn = list(points) + [end for segment in segments for end in segment]
    alien = [(x, y) for x, y in drawn if not any(_near(x, d) and low <= y <= high for d, low, high in envelope)]
    if alien:
        other = _other_series(np.array(alien))
        if other and len(alien) == len(drawn):
            return _("Your points are estimates of {series}, not the UK government's cumulative estimates of killed and "
                     "wounded. Draw the rows of `uk` (task 1).").format(series=other)
        ratios = {round(y / v, 9) for x, y in points for d, v in expected_points if _near(x, d) and v}
        if len(alien) == len(drawn) and len(ratios) == 1:
            factor = ratios.pop()
            if _near(factor, 0.001):
                if _says(" ".join(ax.get_ylabel() for ax in axes), r"thousand|tausend|1[,.]?000|k\b"):
                    return None
                return _("Your points are in thousands: say so in the y-axis label (e.g. thousand soldiers), or plot "
                         "the column value as it is.")
            return _("Your points are {factor} times the estimates in `uk`. Plot the column value as it is.").format(
                factor=number_text(factor, "g"))
        if len(alien) == len(drawn):
            return _("Your points are not at the dates and values of the UK estimates: plot uk[\"date\"] on the x-axis "
                     "against uk[\"value\"] on the y-axis.")
        named = _estimate_ids(np.array(alien))
        message = ngettext("Your figure also shows {count} point that is not in the UK series of task 1: draw only the "
                           "rows of `uk`.",
                           "Your figure also shows {count} points that are not in the UK series of task 1: draw only the "
                           "rows of `uk`.", len(alien)).format(count=number_text(len(alien)))
        if named:
            message += " " + ngettext("It is {ids}.", "Among them: {ids}.", len(alien)).format(ids=", ".join(named[:5]))
        return message
    missing_points = sum(not any(_near(x, d) and _near(y, v) for x, y in points) for d, v in expected_points)
    missing_ranges = sum(not any(_near(s[0, 0], d) and _near(s[1, 0], d) and
                                 sorted((s[0, 1], s[1, 1])) == [lo, hi] for s in segments) for d, lo, hi in expected_ranges)
    problems = []
    if missing_points and missing_points == len(expected_points):
        problems.append(_("The point estimates are not in the figure: plot uk[\"date\"] against uk[\"value\"].astype(float)."))
    elif missing_points:
        problems.append(ngettext("{missing} of the {total} point estimates of `uk` is not in the figure: plot "
                                 "uk[\"date\"] against uk[\"value\"].astype(float).",
                                 "{missing} of the {total} point estimates of `uk` are not in the figure: plot "
                                 "uk[\"date\"] against uk[\"value\"].astype(float).", missing_points).format(
                                     missing=number_text(missing_points), total=number_text(len(expected_points))))
    if missing_ranges and missing_ranges == len(expected_ranges):
        problems.append(_("The ranges are not in the figure: draw them with ax.vlines(uk[\"date\"], low, high)."))
    elif missing_ranges:
        problems.append(ngettext("{missing} of the {total} ranges is not in the figure: draw the ranges with "
                                 "ax.vlines(uk[\"date\"], low, high).",
                                 "{missing} of the {total} ranges are not in the figure: draw the ranges with "
                                 "ax.vlines(uk[\"date\"], low, high).", missing_ranges).format(
                                     missing=number_text(missing_ranges), total=number_text(len(expected_ranges))))
    if problems:
        return " ".join(problems)
    outside = 0
    for ax in axes:
        (x0, x1), (y0, y1) = sorted(ax.get_xlim()), sorted(ax.get_ylim())
        ax_points, ax_segments = _drawn([ax])
        ends = list(ax_points) + [end for segment in ax_segments for end in segment]
        outside += sum(not (x0 <= x <= x1 and y0 <= y <= y1) for x, y in ends)
    if outside:
        return ngettext("{count} of the points and range ends lies outside the axes: the axis limits (set_ylim, "
                        "set_xlim) cut it off. Let the axes show every point.",
                        "{count} of the points and range ends lie outside the axes: the axis limits (set_ylim, "
                        "set_xlim) cut them off. Let the axes show every point.", outside).format(count=number_text(outside))
    return None


def _word_problems(answer: Any, axes: list, rows: pd.DataFrame) -> list[str]:
    """What the title, the axis labels and the source line still have to say."""
    titles = [ax.get_title(loc) for ax in axes for loc in ("center", "left", "right")]
    if answer._suptitle is not None:
        titles.append(answer._suptitle.get_text())
    title = " ".join(t.strip() for t in titles if t.strip())
    xlabel = " ".join(a.get_xlabel().strip() for a in axes if a.get_xlabel().strip())
    ylabel = " ".join(a.get_ylabel().strip() for a in axes if a.get_ylabel().strip())
    texts = [t.get_text().strip() for t in [*answer.texts, *(t for a in axes for t in a.texts)] if t.get_text().strip()]
    problems = []
    if not xlabel:
        problems.append(_("an x-axis label"))
    elif not _says(xlabel, _TIME):
        problems.append(_("an x-axis label that says what the axis shows ('{label}' does not: the date of each estimate?)").format(label=xlabel[:40]))
    if not ylabel:
        problems.append(_("a y-axis label that says what is counted, with its unit"))
    elif not _says(ylabel, _COUNTED):
        problems.append(_("a y-axis label that says what is counted, with its unit ('{label}' does not: soldiers? "
                          "killed? wounded?)").format(label=ylabel[:40]))
    title_vague = len(title.split()) < 3 or not (_says(title, _COUNTED) or _says(title, _COUNTRY))
    if not title:
        problems.append(_("a title that states what the figure shows"))
    elif title_vague:
        problems.append(_("a title that states what the figure shows ('{title}' does not: whose estimates, of what, and "
                          "how did they change?)").format(title=title[:40]))
    problems.extend(_what_is_counted(title, ylabel, labels_clear=bool(title) and not title_vague and _says(ylabel, _COUNTED)))
    if not texts:
        problems.append(_("the source on the figure: fig.text(...) naming who published the figures"))
    elif not any(_names_publisher(text, _publisher_names(rows)) for text in texts):
        problems.append(_("a source line that names who published the figures ('{text}' does not: the column "
                          "source_org of `uk` says who)").format(text=texts[0][:40]))
    return problems


def _what_is_counted(title: str, ylabel: str, labels_clear: bool) -> list[str]:
    """What the title and the y-axis label still have to say about what these figures count: killed *and wounded*
    (not deaths or killed only), of *Russian* soldiers (not Ukraine's). labels_clear: both say something already."""
    problems = []
    both = title + " " + ylabel
    if any(_says(text, _UKRAINE_LOSSES) for text in (title, ylabel)) or (_says(both, r"ukrain") and not _says(both, _RUSSIA)):
        about_ukraine = next(text for text in (title, ylabel) if _says(text, r"ukrain"))
        problems.append(_("a title and y-axis label that say whose losses these are: the UK's estimates of Russian "
                          "soldiers ('{text}' speaks of Ukraine)").format(text=about_ukraine[:60]))
    deaths_only = [text for text in (title, ylabel) if text and _says(text, _DEATHS) and not _says(text, _WOUNDED)]
    if deaths_only:
        problems.append(ngettext("a title and y-axis label that say what these figures count: killed and wounded ('{text}' "
                                 "says deaths or killed only, and deaths are several times fewer)",
                                 "a title and y-axis label that say what these figures count: killed and wounded ('{text}' "
                                 "say deaths or killed only, and deaths are several times fewer)", len(deaths_only)).format(
                                     text="', '".join(text[:40] for text in deaths_only)))
    elif labels_clear and not _says(both, _WOUNDED):
        problems.append(_("a title or y-axis label that says what these figures count: killed and wounded "
                          "(casualties); neither says wounded"))
    return problems


@task("04.2", on_none=N_("fig is None: plt.show() shows the figure and returns nothing, so `fig = plt.show()` keeps "
                         "nothing. Keep the fig of `fig, ax = plt.subplots(...)`, and call plt.show() on a line of its own."))
def figure(answer: Any) -> Feedback:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    if isinstance(answer, Axes):
        return wrong(_("You gave the axes (ax). Give the figure: the fig of `fig, ax = plt.subplots()`."))
    if isinstance(answer, (list, tuple)) and answer and all(isinstance(item, Artist) for item in answer):
        return wrong(_("You gave what ax.plot(...) returns (a list of lines). Give the figure: the fig of "
                       "`fig, ax = plt.subplots()`."))
    if not isinstance(answer, Figure):
        return wrong(_("You gave {kind}; give the figure, the fig of `fig, ax = plt.subplots()`.").format(kind=kind(answer)))
    axes = [ax for ax in answer.get_axes() if ax.lines or ax.collections] or answer.get_axes()
    if not axes:
        return wrong(_("The figure has no axes. Draw into the ax of `fig, ax = plt.subplots()`."))
    rows = uk_rows()
    data_problem = _data_problems(axes, rows)
    if data_problem:
        return wrong(data_problem)
    words = _word_problems(answer, axes, rows)
    if words:
        return wrong(_("The data are right. Still to do: {parts}.").format(parts="; ".join(words)))
    return right(_("The UK series with its ranges, every point inside the axes, labelled axes, a title and the "
                   "source: an honest figure."))
