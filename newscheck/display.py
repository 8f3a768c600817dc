"""Show texts a learner must compare whole and side by side, left-aligned (JupyterLab right-aligns table cells)."""

from __future__ import annotations

import html

import pandas as pd

from newscheck.errors import CourseFileError

_CELL = 'style="text-align: left; vertical-align: top; white-space: normal"'


class TextTable:
    """A table of texts shown in full: an HTML table in JupyterLab, one block per row as plain text elsewhere."""

    def __init__(self, table: pd.DataFrame) -> None:
        self.table = table

    def _repr_html_(self) -> str:
        head = "".join(f"<th {_CELL}>{html.escape(str(column))}</th>" for column in self.table.columns)
        rows = []
        for _, row in self.table.iterrows():
            cells = "".join(f"<td {_CELL}>{html.escape(_text(value))}</td>" for value in row)
            rows.append(f"<tr>{cells}</tr>")
        return f'<table class="dataframe"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'

    def __repr__(self) -> str:
        blocks = []
        for _, row in self.table.iterrows():
            blocks.append("\n".join(f"{column}: {_text(value)}" for column, value in row.items()))
        return "\n\n".join(blocks)


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def show_texts(table: pd.DataFrame, columns: list[str]) -> TextTable:
    """Show the given columns of a table with every text whole (never cut with '…'), side by side."""
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise CourseFileError(
            "show_texts(table, columns)",
            f"the table has no column {', '.join(repr(c) for c in missing)}.",
            f"Use column names from this list: {', '.join(map(str, table.columns))}.",
        )
    return TextTable(table[columns])
