"""Load the course's tables from data/, validated against data/datapackage.json (Frictionless Table Schema).

Validation is done by the maintained `frictionless` library; this module only turns its first error into
one message that names the file, the row and the column and says what to fix, and gives pandas the right types.

Each resource in datapackage.json carries the SHA-256 `hash` of the file the test suite validated (a standard
Data Package field, which frictionless checks too). A file with that exact hash is loaded without validating it
again, which keeps notebooks fast (about 0.25 s per kernel, measured); any edited file is fully validated.
A table once loaded is kept by the hash of its file, so the exercise checks, which load tables on every call, read and
parse each file once per kernel; every caller gets its own copy, and an edited file (another hash) is loaded afresh.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from pathlib import Path
from typing import Any, Callable

import pandas as pd

from newscheck.errors import CourseFileError
from newscheck.article import read_text
from newscheck.i18n import SOURCE_LANGUAGE, current_language
from newscheck.paths import data_dir, relative_name

# frictionless imports jsonschema, which builds a grammar for IRI checks at import time when the optional
# package rfc3987_syntax is installed (it comes with JupyterLab): about 1 s per kernel, measured. Our schemas
# check no IRI formats, so we let that optional import fail instead (jsonschema skips it silently).
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]

_TYPE_WORDS = {
    "integer": "a whole number (digits only, no separators)",
    "number": "a number",
    "date": "a date written as YYYY-MM-DD",
    "boolean": "yes or no",
    "string": "text",
}


#: Tables and package descriptions already loaded, by (file, SHA-256 of its content).
_LOADED: dict[tuple[str, str], Any] = {}


def _digest(content: bytes) -> str:
    """SHA-256 in Data Package notation: 'sha256:<hex digest>'."""
    return "sha256:" + hashlib.sha256(content).hexdigest()


def _remembered(path: Path, text: str, load: Callable[[str], Any]) -> Any:
    """load(digest) for the file's text, computed once per content of the file (`text` was read as UTF-8, so its
    bytes, and its digest, are the file's)."""
    digest = _digest(text.encode("utf-8"))
    if (str(path), digest) not in _LOADED:
        _LOADED[(str(path), digest)] = load(digest)
    return _LOADED[(str(path), digest)]


def _package(folder: Path) -> dict:
    path = folder / "datapackage.json"
    text = read_text(path)
    return _remembered(path, text, lambda digest: _parse_package(text, path))


def _parse_package(text: str, path: Path) -> dict:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise CourseFileError(
            relative_name(path), f"this is not valid JSON ({error.msg}, line {error.lineno}).", "Restore it with `git checkout -- data/datapackage.json`."
        ) from None


def table_names(folder: Path | None = None) -> list[str]:
    """The names of the tables described in data/datapackage.json."""
    return [resource["name"] for resource in _package(data_dir() if folder is None else Path(folder))["resources"]]


def _resource(name: str, folder: Path) -> dict:
    resources = {resource["name"]: resource for resource in _package(folder)["resources"]}
    if name not in resources:
        raise CourseFileError(
            relative_name(folder / "datapackage.json"),
            f"there is no table called '{name}'.",
            f"Use one of: {', '.join(sorted(resources))}.",
        )
    return resources[name]


def allowed_values(table_name: str, column: str) -> list[str]:
    """The values a column may take (its enum constraint in data/datapackage.json), in the schema's order."""
    field = next(f for f in _resource(table_name, data_dir())["schema"]["fields"] if f["name"] == column)
    return list(field.get("constraints", {}).get("enum", []))


def _explain(error, fields: dict, file: str) -> CourseFileError:
    """Turn a frictionless error into a CourseFileError with row, column and a fix."""
    kind = error.type
    row = getattr(error, "row_number", None)
    column = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    note = getattr(error, "note", "")
    header = ",".join(fields)
    if kind in ("missing-label", "incorrect-label", "extra-label", "duplicate-label", "blank-label"):
        label = getattr(error, "label", None)
        problem = {
            "missing-label": f"the header lacks the column '{column}'.",
            "incorrect-label": f"the header has '{label}' where the column '{column}' is expected.",
            "extra-label": f"the header has an unexpected column '{label}'.",
            "duplicate-label": f"the header names the column '{label}' twice.",
            "blank-label": "the header has a column without a name.",
        }[kind]
        return CourseFileError(file, problem, f"The header row must be exactly: {header}", row=1)
    if kind in ("missing-cell", "extra-cell"):
        problem = "the row has fewer values than there are columns." if kind == "missing-cell" else "the row has more values than there are columns."
        return CourseFileError(file, problem, "Look for a missing or extra comma, or a quotation mark that is not closed.", row=row)
    if kind == "type-error":
        expected = _TYPE_WORDS.get(fields.get(column, {}).get("type", ""), fields.get(column, {}).get("type", "another type"))
        return CourseFileError(file, f"'{cell}' is not {expected}.", "Correct the value.", row=row, column=column)
    if kind == "constraint-error":
        constraints = fields.get(column, {}).get("constraints", {})
        if 'constraint "required"' in note:
            return CourseFileError(file, "the value is empty, but this column needs one.", "Fill it in.", row=row, column=column)
        if 'constraint "enum"' in note:
            allowed = ", ".join(constraints.get("enum", []))
            return CourseFileError(file, f"'{cell}' is not an allowed value.", f"Use one of: {allowed}.", row=row, column=column)
        if 'constraint "pattern"' in note:
            return CourseFileError(file, f"'{cell}' does not have the expected form.", f"It must match {constraints.get('pattern')} (see data/README.md).", row=row, column=column)
        return CourseFileError(file, f"'{cell}' breaks a rule of this column ({note}).", "Correct the value (see data/README.md).", row=row, column=column)
    if kind in ("unique-error", "primary-key"):
        return CourseFileError(file, f"the id '{cell or ''}' is used more than once." if cell else "an id is used more than once.", "Give every row its own id; never reuse one.", row=row, column=column)
    if kind == "blank-row":
        return CourseFileError(file, "the row is empty.", "Delete the empty row.", row=row)
    return CourseFileError(file, f"{error.title}: {note}".rstrip(": ") + ".", "Compare the file with data/README.md.", row=row, column=column)


def load_table(name: str, folder: Path | None = None) -> pd.DataFrame:
    """Load data/<name>.csv as a DataFrame with the types of its schema; raise CourseFileError if it is malformed."""
    folder = data_dir() if folder is None else Path(folder)
    resource = _resource(name, folder)
    path = folder / resource["path"]
    file = relative_name(path)
    text = read_text(path)  # missing file, folder, not UTF-8: clear errors before frictionless sees it
    if not text.strip():
        raise CourseFileError(file, "the file is empty.", f"Restore it with `git checkout -- {file}`.")
    return _remembered(path, text, lambda digest: _validated(resource, folder, path, text, digest)).copy()


def _validated(resource: dict, folder: Path, path: Path, text: str, digest: str) -> pd.DataFrame:
    """The table of one resource with its schema's types; validated by frictionless unless its hash is recorded."""
    file = relative_name(path)
    fields = {field["name"]: field for field in resource["schema"]["fields"]}
    if resource.get("hash") == digest:  # the exact file the test suite validated
        return _typed(pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False), fields)
    _check_header(text, list(fields), file)
    from frictionless import Resource, Schema  # only for an edited file: importing it costs about 0.35 s (measured)

    schema = {key: value for key, value in resource["schema"].items() if key != "foreignKeys"}
    report = Resource(path=resource["path"], basepath=str(folder), format="csv", encoding="utf-8", schema=Schema.from_descriptor(schema)).validate()
    errors = [error for task in report.tasks for error in task.errors] + list(report.errors)
    if errors:
        raise _explain(errors[0], fields, file)
    return _typed(pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False), fields)


def file_hash(path: Path) -> str:
    """The file's hash in Data Package notation: 'sha256:<hex digest>'."""
    return _digest(Path(path).read_bytes())


def _check_header(text: str, expected: list[str], file: str) -> None:
    """Name the missing or unexpected columns (frictionless compares headers by position, which misnames them)."""
    header = next(csv.reader(io.StringIO(text)), [])
    missing = [name for name in expected if name not in header]
    extra = [name for name in header if name not in expected]
    if missing or extra:
        parts = []
        if missing:
            parts.append("the header lacks the column" + ("s " if len(missing) > 1 else " ") + ", ".join(f"'{m}'" for m in missing))
        if extra:
            parts.append("it has the unexpected column" + ("s " if len(extra) > 1 else " ") + ", ".join(f"'{e}'" for e in extra))
        raise CourseFileError(file, "; ".join(parts) + ".", "The header row must be exactly: " + ",".join(expected), row=1)


def _typed(frame: pd.DataFrame, fields: dict) -> pd.DataFrame:
    """Give each column the pandas type of its schema field (empty cells become missing values)."""
    frame = frame.replace("", pd.NA)
    for column, field in fields.items():
        kind = field["type"]
        if kind == "integer":
            frame[column] = frame[column].astype("Int64")
        elif kind == "number":
            frame[column] = frame[column].astype("Float64")
        elif kind == "date":
            frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
        elif kind == "boolean":
            frame[column] = frame[column].map({"yes": True, "no": False}).astype("boolean")
        else:
            frame[column] = frame[column].astype("string")
    return frame


def edition_labels(table_name: str, column: str) -> dict[str, str]:
    """The labels of a column's codes in the running edition's language, from data/vocabulary.csv (its column label_de
    in German), e.g. {"US government": "US-Regierung"}; empty in English, where the codes are shown as they are."""
    language = current_language()
    if language == SOURCE_LANGUAGE:
        return {}
    vocabulary = load_table("vocabulary")
    if "label_" + language not in vocabulary.columns:
        return {}
    rows = vocabulary[(vocabulary["table"] == table_name) & (vocabulary["column"] == column)].dropna(subset=["label_" + language])
    return dict(zip(rows["code"].astype(str), rows["label_" + language].astype(str)))


def validate_data_package(folder: Path | None = None) -> list[str]:
    """Validate every table and the links between them (foreign keys); return the problems found (empty if none)."""
    from frictionless import Package

    folder = data_dir() if folder is None else Path(folder)
    report = Package(str(folder / "datapackage.json")).validate()
    problems = []
    for task in report.tasks:
        for error in task.errors:
            problems.append(f"{relative_name(folder / task.place) if task.place else task.name}: {error.message}")
    return problems
