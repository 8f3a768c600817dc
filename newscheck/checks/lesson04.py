"""Checks for exercises 04: exercises/source/04_*.ipynb."""

from __future__ import annotations

from typing import Any

from newscheck.checks.answers import Feedback, kind, table, table_ids, task


@task("04.1")
def _uk_series(answer: Any) -> Feedback:
    estimates = table("loss_estimates")
    wanted = (estimates["series"] == "UK government") & (estimates["metric"] == "killed_and_wounded") & (estimates["coverage"] == "cumulative")
    return table_ids(answer, "estimate_id", set(estimates.loc[wanted, "estimate_id"]), "your filtered estimates", "estimates",
                        "Three conditions: series, metric and coverage. Period figures (one month or year) are not cumulative.")


@task("04.2")
def _figure(answer: Any) -> Feedback:
    from matplotlib.figure import Figure

    if not isinstance(answer, Figure):
        return Feedback(False, f"You gave {kind(answer)}; give the figure, the `fig` from "
                               "`fig, ax = plt.subplots()`.")
    axes = answer.get_axes()
    if not axes:
        return Feedback(False, "The figure has no axes. Draw into the `ax` from `plt.subplots()`.")
    ax = axes[0]
    missing = []
    from matplotlib.collections import LineCollection, PathCollection

    if not ax.lines and not any(isinstance(c, PathCollection) for c in ax.collections):
        missing.append("the point estimates (ax.plot or ax.scatter)")
    if not any(isinstance(c, LineCollection) for c in ax.collections):
        missing.append("the ranges (ax.vlines)")
    if not ax.get_xlabel():
        missing.append("an x-axis label")
    if not ax.get_ylabel():
        missing.append("a y-axis label with the unit")
    if not (ax.get_title() or (answer._suptitle and answer._suptitle.get_text())):
        missing.append("a title that states the finding")
    texts = [t.get_text().lower() for t in answer.texts + ax.texts]
    if not any(word in text for text in texts for word in ("source", "quelle", "data", "loss_estimates")):
        missing.append("the source on the figure (fig.text(..., \"Source: ...\"))")
    if missing:
        return Feedback(False, "Still missing: " + "; ".join(missing) + ".")
    return Feedback(True, "Data, ranges, labelled axes, a title and the source: an honest figure.")
