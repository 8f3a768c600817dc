"""Exercise 04: the filtered series, and the figure judged by what it shows (issue #10: a made-up figure was called
"an honest figure")."""

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from newscheck import load_table

ROOT = Path(__file__).resolve().parents[2]
ESTIMATES = load_table("loss_estimates")


def cumulative(series: str, metric: str = "killed_and_wounded") -> pd.DataFrame:
    e = ESTIMATES
    return e[(e["series"] == series) & (e["metric"] == metric) & (e["coverage"] == "cumulative")]


UK = cumulative("UK government")
WORDS = {"xlabel": "date of the estimate", "ylabel": "Russian soldiers killed and wounded (cumulative)",
         "title": "UK estimates of Russian killed and wounded rose from 2023 to 2025",
         "source": "Source: UK Ministry of Defence, via data/loss_estimates.csv"}


def figure(rows=UK, draw="plot", ranges=True, scale=1.0, words=None, ylim=None, extra=None, dates_as_text=False,
           arrows=False, hollow_ends=False):
    """A figure of rows drawn the way the task asks, with one thing changed."""
    words = {**WORDS, **(words or {})}
    fig, ax = plt.subplots()
    x = rows["date"].dt.strftime("%Y-%m-%d") if dates_as_text else rows["date"]
    style = {"marker": "s", "linestyle": "none"} if draw == "plot" else {}
    getattr(ax, draw)(x, rows["value"].astype(float) * scale, **style)
    if ranges:
        ax.vlines(x, rows["low"].astype(float) * scale, rows["high"].astype(float) * scale)
    if arrows:
        lower = rows[rows["qualifier"] == "more_than"]
        ax.errorbar(lower["date"], lower["value"].astype(float), yerr=lower["value"].astype(float) * 0.06, lolims=True, fmt="none")
    if hollow_ends:
        for end in ["low", "high"]:
            ax.plot(rows["date"], rows[end].astype(float), marker="s", fillstyle="none", linestyle="none")
    if extra is not None:
        ax.plot(extra["date"], extra["value"].astype(float), "k*")
    ax.set(xlabel=words["xlabel"], ylabel=words["ylabel"], title=words["title"])
    if words["source"]:
        fig.text(0.01, 0.01, words["source"])
    if ylim:
        ax.set_ylim(*ylim)
    return fig


def made_up_figure():
    """The answer of issue #10: [1, 2, 3], "Title", "Source: x", labels x/y."""
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3])
    ax.set(title="Title", xlabel="x", ylabel="y")
    fig.text(0, 0, "Source: x")
    return fig


def with_reference_line():
    fig = figure()
    fig.axes[0].axhline(600_000, color="grey")  # a reference line across the axes is not a data point
    return fig


def two_axes():
    fig, (left, right) = plt.subplots(1, 2)
    left.plot(UK["date"], UK["value"].astype(float), "o")
    right.vlines(UK["date"], UK["low"].astype(float), UK["high"].astype(float))
    left.set(xlabel=WORDS["xlabel"], ylabel=WORDS["ylabel"], title=WORDS["title"])
    fig.text(0, 0, WORDS["source"])
    return fig


def bars():
    fig = figure()
    fig.axes[0].cla()
    fig.axes[0].bar(UK["date"], UK["value"].astype(float).fillna(0), width=20)
    return fig


def upside_down():
    fig = figure()
    fig.axes[0].invert_yaxis()
    return fig


def pandas_plot():
    fig, ax = plt.subplots()
    UK.assign(value=UK["value"].astype(float)).plot(x="date", y="value", ax=ax, marker="o", linestyle="none", legend=False)
    ax.vlines(UK["date"], UK["low"].astype(float), UK["high"].astype(float))
    ax.set(xlabel=WORDS["xlabel"], ylabel=WORDS["ylabel"], title=WORDS["title"])
    fig.text(0, 0, WORDS["source"])
    return fig


def cut_short():
    fig = figure()
    fig.axes[0].set_xlim(pd.Timestamp("2023-06-01"), pd.Timestamp("2025-03-01"))
    return fig


GERMAN = {"xlabel": "Datum der Schätzung", "ylabel": "Getötete und verwundete Soldaten", "title": "Britische Schätzungen steigen stark",
          "source": "Quelle: britische Regierung"}

# (label, builder, ok, fragment); builders run inside the test, so that every test closes its own figures
FIGURES = [
    ("honest, plot", lambda: figure(), True, "an honest figure"),
    ("honest, scatter", lambda: figure(draw="scatter"), True, "an honest figure"),
    ("honest, with arrows and hollow range ends", lambda: figure(arrows=True, hollow_ends=True), True, "an honest figure"),
    ("honest, y-axis from 0", lambda: figure(ylim=(0, 900_000)), True, "an honest figure"),
    ("honest, in thousands and labelled so", lambda: figure(scale=0.001, words={"ylabel": "soldiers killed and wounded (thousands)"}), True, "an honest figure"),
    ("honest, in German", lambda: figure(words=GERMAN), True, "an honest figure"),
    *[(f"honest, German source {source!r}", lambda source=source: figure(words={**GERMAN, "source": source}), True, "an honest figure")
      for source in ["Quelle: britischer Militärgeheimdienst", "Quelle: Großbritanniens Verteidigungsministerium",
                     "Quelle: Regierung des Vereinigten Königreichs", "Quelle: Angaben der Briten",
                     "Quelle: britisches Verteidigungsministerium"]],
    ("honest, source names the outlets", lambda: figure(words={"source": "Sources: Euromaidan Press, Politico Europe"}), True, "an honest figure"),
    ("honest, reference line", with_reference_line, True, "an honest figure"),
    ("honest, points and ranges in two axes", two_axes, True, "an honest figure"),
    # issue #10: each part of the made-up figure on its own
    ("made up: [1, 2, 3], Title, Source: x", made_up_figure, False, "not at the dates and values of the UK estimates"),
    ("the US series titled UK", lambda: figure(rows=cumulative("US government"), words={"title": "UK estimates"}), False, "estimates of US government"),
    ("NATO's series", lambda: figure(rows=cumulative("NATO")), False, "estimates of NATO"),
    ("the UK's deaths, not killed and wounded", lambda: figure(rows=cumulative("UK government", "killed")), False, "UK government (killed)"),
    ("values times 10", lambda: figure(scale=10), False, "10 times the estimates"),
    ("thousands without saying so", lambda: figure(scale=0.001), False, "in thousands"),
    ("a ylim that cuts off most points", lambda: figure(ylim=(600_000, 800_000)), False, "outside the axes"),
    ("title 'Title'", lambda: figure(words={"title": "Title"}), False, "'Title' does not"),
    ("labels x, y and title a", lambda: figure(words={"xlabel": "x", "ylabel": "y", "title": "a"}), False, "'y' does not"),
    ("source 'Source: x'", lambda: figure(words={"source": "Source: x"}), False, "names who published"),
    ("source names only the file", lambda: figure(words={"source": "Source: data/loss_estimates.csv"}), False, "names who published"),
    ("source names another publisher", lambda: figure(words={"source": "Source: Ukrainian General Staff"}), False, "names who published"),
    ("no source", lambda: figure(words={"source": ""}), False, "the source on the figure"),
    ("no ranges", lambda: figure(ranges=False), False, "The ranges are not in the figure"),
    ("dates as text", lambda: figure(dates_as_text=True), False, "The dates are text"),
    ("the article's star added", lambda: figure(extra=ESTIMATES[ESTIMATES["series"] == "the article"]), False, "not in the UK series"),
    ("every killed-and-wounded estimate", lambda: figure(rows=ESTIMATES[ESTIMATES["metric"] == "killed_and_wounded"]), False, "not in the UK series"),
    ("period figures too", lambda: figure(rows=ESTIMATES[(ESTIMATES["series"] == "UK government") & (ESTIMATES["metric"] == "killed_and_wounded")]), False, "W-33"),
    ("nothing drawn", lambda: plt.subplots()[0], False, "Nothing is drawn yet"),
    ("bars", bars, False, "Your figure shows bars"),
    ("y-axis upside down", upside_down, False, "upside down"),
    ("drawn with pandas' .plot", pandas_plot, True, "an honest figure"),
    ("an x-axis cut short", cut_short, False, "outside the axes"),
    ("an empty figure", lambda: plt.figure(), False, "no axes"),
    ("the axes", lambda: figure().axes[0], False, "You gave the axes"),
    ("what ax.plot returns", lambda: plt.subplots()[1].plot([1, 2]), False, "a list of lines"),
    ("what set_title returns", lambda: plt.subplots()[1].set_title("x"), False, "give the figure"),
    ("plt.show()'s None", lambda: None, False, "plt.show() shows the figure and returns nothing"),
    # review: mislabelled figures called honest
    ("titled as task 3's chart, y 'deaths'", lambda: figure(words={"title": "Russian deaths are exploding", "ylabel": "deaths"}),
     False, "killed and wounded"),
    ("'soldiers killed'", lambda: figure(words={"title": "UK estimates of Russian soldiers killed", "ylabel": "Russian soldiers killed"}),
     False, "deaths or killed only"),
    ("German 'Tote'", lambda: figure(words={"title": "Britische Schätzungen: russische Tote", "ylabel": "getötete Soldaten"}),
     False, "deaths or killed only"),
    ("Ukraine's losses", lambda: figure(words={"title": "Ukraine's losses according to the UK",
                                               "ylabel": "Ukrainian soldiers killed and wounded"}), False, "whose losses"),
    ("German: Ukraine's losses", lambda: figure(words={"title": "Britische Schätzungen der ukrainischen Verluste",
                                                       "ylabel": "getötete und verwundete Soldaten"}), False, "whose losses"),
    ("the Russian Ministry of Defence as source", lambda: figure(words={"source": "Source: Russian Ministry of Defence"}),
     False, "names who published"),
    ("the Ministry of Defence of Ukraine as source", lambda: figure(words={"source": "Quelle: Verteidigungsministerium der Ukraine"}),
     False, "names who published"),
    ("no label says wounded", lambda: figure(words={"title": "UK estimates of Russian soldiers rose", "ylabel": "Russian soldiers"}),
     False, "neither says wounded"),
    ("honest: killed and wounded in the title, 'soldiers' on the axis",
     lambda: figure(words={"title": "UK estimates of Russian killed and wounded rose", "ylabel": "Russian soldiers"}), True, "an honest figure"),
    ("honest: casualties", lambda: figure(words={"title": "UK estimates of Russian casualties more than quadrupled", "ylabel": "casualties"}),
     True, "an honest figure"),
    ("honest: German Verluste", lambda: figure(words={"title": "Britische Schätzungen russischer Verluste steigen", "ylabel": "Verluste (Soldaten)"}),
     True, "an honest figure"),
    ("honest: Russian losses in the war in Ukraine",
     lambda: figure(words={"title": "UK estimates of Russian losses in the war in Ukraine", "ylabel": "soldiers killed and wounded"}),
     True, "an honest figure"),
    ("honest: source 'Ministry of Defence'", lambda: figure(words={"source": "Source: Ministry of Defence (data/loss_estimates.csv)"}),
     True, "an honest figure"),
    ("honest: source 'UK MoD; Russian figures differ'", lambda: figure(words={"source": "Source: UK MoD. Russian figures differ."}),
     True, "an honest figure"),
    ("UK plus NATO's W-32 for context", lambda: figure(extra=ESTIMATES[ESTIMATES["estimate_id"] == "W-32"]), False, "It is ART-1/W-32."),
]


@pytest.mark.parametrize("label, build, ok, fragment", FIGURES, ids=[f[0] for f in FIGURES])
def test_figure_read_through(judge, label, build, ok, fragment):
    result = judge("04.2", build())
    assert result.ok is ok, result.message
    assert fragment in result.message


CASES = [
    ("04.1", UK, True, "found"),
    ("04.1", UK[["estimate_id", "date", "value"]], True, "found"),
    ("04.1", ESTIMATES[(ESTIMATES["series"] == "UK government") & (ESTIMATES["metric"] == "killed_and_wounded")], False, "Period figures"),
    ("04.1", ESTIMATES[(ESTIMATES["series"] == "UK government") & (ESTIMATES["coverage"] == "cumulative")], False, "should not be there"),
    ("04.1", ESTIMATES[ESTIMATES["series"] == "UK Government"], False, "The table is empty"),
    ("04.1", cumulative("US government"), False, "still missing"),
    ("04.1", UK.drop(columns=["estimate_id"]), False, "lacks the column 'estimate_id'"),
    ("04.1", UK["estimate_id"], False, "single column"),
    ("04.1", UK.set_index("estimate_id"), True, "found"),  # review: the id in the index
    ("04.1", UK.sort_values("value").reset_index(drop=True), True, "found"),
    ("04.1", (ESTIMATES["series"] == "UK government") & (ESTIMATES["metric"] == "killed_and_wounded"), False,
     "estimates[mask]"),  # review: was "use double brackets"
]


@pytest.mark.parametrize("task_id, answer, ok, fragment", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_read_through(judge, task_id, answer, ok, fragment):
    result = judge(task_id, answer)
    assert result.ok is ok, result.message
    assert fragment in result.message


def test_the_figure_message_never_lists_the_values():
    from newscheck.checks import feedback

    message = feedback("04.2", figure(ranges=False, scale=10)).message
    assert not any(str(int(value)) in message.replace(",", "") for value in UK["value"].dropna())


def test_task_3_of_the_exercise_leaves_the_figure_of_task_2_alone():
    # review: task 3 reused fig, ax and nato, so check("04.2", fig) after task 3 called a right figure wrong
    import nbformat

    from newscheck.checks import feedback

    source = nbformat.read(ROOT / "exercises" / "source" / "04_plot_the_loss_figures.ipynb", as_version=4)
    names: dict = {}
    for cell in source.cells:
        if cell.cell_type == "code" and "stub" not in cell.metadata.get("tags", []) and not cell.source.startswith("check("):
            exec(cell.source, names)
    assert feedback("04.2", names["fig"]).ok
    assert names["bad_fig"] is not names["fig"]


def test_the_solution_draws_every_bound_with_its_arrow():
    # review: the solution drew "more than" arrows but none for W-34, "approaching 700,000" (an upper bound)
    import nbformat

    source = nbformat.read(ROOT / "exercises" / "source" / "04_plot_the_loss_figures.ipynb", as_version=4)
    solution = next(c.source for c in source.cells if "solution" in c.metadata.get("tags", []) and "errorbar" in c.source)
    assert "lolims=True" in solution and "uplims=True" in solution
    assert set(UK["qualifier"]) & {"approaching", "as_many_as"}
