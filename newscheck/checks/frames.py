"""Reading an answer that should be a table: the columns it needs (an id moved into the index counts), a filter that
kept no rows, a mask or a single column given instead, and a table judged by the ids of its rows (`table_ids`)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from newscheck.checks.ids import YOUR_ONE, compare_ids
from newscheck.checks.kinds import kind
from newscheck.checks.registry import Feedback, wrong
from newscheck.i18n import N_, _, ngettext

EMPTY_FILTER = N_("The table is empty: your filter keeps no rows. Print the column you filter on and compare its "
                  "values with what you wrote (spelling, capitals).")
SERIES_OF_A_TABLE = N_("Use double brackets, e.g. table[[\"a\", \"b\"]], or filter rows of the whole table.")


def other_table(answer: pd.DataFrame, wanted: list[str]) -> str | None:
    """The name of the course table (data/datapackage.json) that answer is a part of, if it is not the one asked for:
    all its columns are that table's columns, among them the table's id (its primary key), which is none of `wanted`.
    (The learner's review: check('03.1', claims) was told to keep the column pair_id.)"""
    from newscheck.paths import data_dir
    from newscheck.tables import _package

    columns = {str(column) for column in answer.columns} | {str(name) for name in answer.index.names if name}
    for resource in _package(data_dir())["resources"]:
        key = resource["schema"].get("primaryKey") or []
        fields = {field["name"] for field in resource["schema"]["fields"]}
        if len(key) == 1 and key[0] in columns and key[0] not in wanted and columns <= fields:
            return resource["name"]
    return None


def _other_table_feedback(answer: pd.DataFrame, wanted: list[str], table_name: str | None) -> Feedback | None:
    other = other_table(answer, wanted)
    if other is None:
        return None
    if table_name:
        return wrong(_("This looks like the course's table {other}; the task works with `{table}`.").format(other=other, table=table_name))
    return wrong(_("This looks like the course's table {other}, not the table the task asks for.").format(other=other))


def frame(answer: Any, columns: list[str], what: str, empty: str = EMPTY_FILTER, *, table_name: str | None = None,
          series_hint: str = SERIES_OF_A_TABLE, built: bool = False) -> pd.DataFrame | Feedback:
    """The answer as a table with the given columns, or a Feedback.

    what, empty, series_hint: N_ templates; table_name: the name of the table the learner filters (for the advice on
    a True/False column); built: the learner makes the table by hand (so a missing column is to be added, not kept).
    A column that was moved into the index (set_index) counts as a column."""
    what = _(what)
    if isinstance(answer, pd.Series):
        if pd.api.types.is_bool_dtype(answer) and len(answer):
            return wrong(_("You gave a column of True/False values, one per row (a mask). Use it to pick the rows: "
                           "{table}[mask].").format(table=table_name or "table"))
        return wrong(_("You gave a single column (a Series); {what} should be a table (a DataFrame).").format(what=what)
                     + " " + _(series_hint))
    if not isinstance(answer, pd.DataFrame):
        return wrong(_("You gave {kind}; {what} should be a table (a DataFrame).").format(kind=kind(answer), what=what))
    answer = with_index_as_columns(answer, columns)
    missing = [column for column in columns if column not in answer.columns]
    if missing:
        names = ", ".join(repr(m) for m in missing)
        if not built and (elsewhere := _other_table_feedback(answer, columns, table_name)):
            return elsewhere
        if built and all(column in {str(label) for label in answer.index} for column in missing):
            # the learner's review: a row on its side (pd.DataFrame([row]).T) was told to add the names it has
            return wrong(_("Your table is on its side: the column names are row labels. Put the dictionary in a list: "
                           "pd.DataFrame([{...}])."))
        if built:
            return wrong(ngettext("Your table lacks the column {columns}: add it to the dictionary that makes the row.",
                                  "Your table lacks the columns {columns}: add them to the dictionary that makes the row.",
                                  len(missing)).format(columns=names))
        return wrong(ngettext("The table lacks the column {columns}: keep it, under its name, when you choose columns.",
                              "The table lacks the columns {columns}: keep them, under their names, when you choose "
                              "columns.", len(missing)).format(columns=names))
    if answer.empty:
        return wrong(_(empty))
    return answer


def with_index_as_columns(answer: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """answer with those of the columns that are index levels (after set_index) turned back into columns."""
    levels = [name for name in answer.index.names if name in columns and name not in answer.columns]
    return answer.reset_index(level=levels) if levels else answer


def _row_keys(table: pd.DataFrame) -> pd.Series:
    """One text per row that stands for its values (missing values as empty text), for comparing rows."""
    values = table.astype(object).where(table.notna(), "").astype(str)
    return values.apply("\x1f".join, axis=1) if len(values.columns) else pd.Series("", index=table.index)


def ids_of_rows(given: pd.DataFrame, source: pd.DataFrame, column: str, keys: list[str]) -> pd.Series | None:
    """The ids (column of source) of the rows of given, a part of source that kept some of the columns keys but not
    the id column; None if they cannot be told. Rows are found by their row label (filtering keeps it) if their values
    agree with source there, or else by the values of the key columns they kept, if these tell every row of source
    apart."""
    kept = [c for c in keys if c in given.columns and c in source.columns]
    if not kept or source.index.has_duplicates:
        return None
    shared = [c for c in given.columns if c in source.columns]
    if given.index.isin(source.index).all():
        at_labels = source.loc[given.index, shared]
        if (_row_keys(at_labels).to_numpy() == _row_keys(given[shared]).to_numpy()).all():
            return source.loc[given.index, column].astype(str).reset_index(drop=True)
    source_keys = _row_keys(source[kept])
    if source_keys.duplicated().any():
        return None
    lookup = dict(zip(source_keys, source[column].astype(str)))
    found = [lookup.get(key) for key in _row_keys(given[kept])]
    return None if None in found else pd.Series(found, dtype=object)


def table_ids(answer: Any, column: str, expected: set[str], what: str, noun: str, look: str, *,
              empty: str = EMPTY_FILTER, unique: bool = True, source: pd.DataFrame | None = None,
              keys: list[str] | None = None, table_name: str | None = None,
              series_hint: str = SERIES_OF_A_TABLE, yours: str = YOUR_ONE) -> Feedback:
    """Check a table by the ids in one of its columns. what, noun, look, empty, series_hint, yours: N_ templates
    (noun and yours as for compare_ids); unique:
    each id once; source and keys: the table the answer is a part of, and the columns that identify its rows too
    (e.g. another id), so that a table that kept one of those but not the id column is recognised."""
    given = frame(answer, [] if keys else [column], what, empty, table_name=table_name, series_hint=series_hint)
    if isinstance(given, Feedback):
        return given
    given = with_index_as_columns(given, [column])
    if column in given.columns:
        values = given[column]
    else:
        values = ids_of_rows(given, source, column, keys) if keys and source is not None else None
        if values is None:
            elsewhere = _other_table_feedback(given, [column], table_name)
            if elsewhere:
                return elsewhere
            return wrong(_("The table lacks the column {column}, so its rows cannot be told apart: keep it, under its "
                           "name, when you choose columns.").format(column=repr(column)))
    if unique and values.duplicated().any():
        return wrong(_("Some rows appear more than once. Filter the table once, without joining copies of it."))
    return compare_ids({str(item) for item in values}, expected, noun, look, yours)

