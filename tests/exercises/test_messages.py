"""Every message a check prints is ready for the German edition: a literal template inside `_()` (or `ngettext()`,
`N_()`), with named placeholders, and no f-strings in the checks. The marking catalogue of conftest.py checks at run
time that nothing is printed outside `_()`; this file checks the source."""

import ast
import string
from pathlib import Path

import nbformat
import pytest

from newscheck.checks import task_ids

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted((ROOT / "newscheck" / "checks").glob("*.py"))
TRANSLATORS = {"_": 1, "N_": 1, "ngettext": 2}  # function: how many leading arguments are templates


def calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in TRANSLATORS:
            yield node


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_no_f_strings_in_the_checks(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    lines = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)]
    assert not lines, f"{module.name}: f-strings on lines {lines}; use _(\"... {{name}} ...\").format(name=...)"


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_every_template_is_a_literal_with_named_placeholders(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for call in calls(tree):
        if module.name == "i18n.py":
            continue
        for argument in call.args[: TRANSLATORS[call.func.id]]:
            if call.func.id == "_" and isinstance(argument, (ast.Name, ast.Subscript, ast.Attribute)):
                continue  # _(what), _(NAMES[kind]): a template marked with N_() where it was defined
            assert isinstance(argument, ast.Constant) and isinstance(argument.value, str), (
                f"{module.name}, line {call.lineno}: {call.func.id}() needs a literal string, not an expression")
            fields = [field for _, field, _, _ in string.Formatter().parse(argument.value) if field is not None]
            assert all(field and not field.isdigit() for field in fields), (
                f"{module.name}, line {call.lineno}: name every placeholder, e.g. {{count}}")


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_feedback_is_never_built_from_a_bare_string(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("wrong", "right", "Feedback"):
            for argument in node.args:
                assert not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)), (
                    f"{module.name}, line {node.lineno}: wrap the message in _()")


def test_babel_extracts_the_catalogue():
    extract = pytest.importorskip("babel.messages.extract")
    templates = [message for _, _, message, _, _ in extract.extract_from_dir(str(ROOT / "newscheck" / "checks"))]
    singular = [message if isinstance(message, str) else message[0] for message in templates]
    assert len(singular) > 100, "pybabel would find too few messages: are they inside _()?"
    assert "Not done yet: replace the `...` with your answer, then run this cell again." in singular  # an N_() template
    assert any(isinstance(message, tuple) for message in templates)  # ngettext's plural forms


def test_every_check_has_a_task_and_every_task_a_check():
    in_notebooks = set()
    for source in sorted((ROOT / "exercises" / "source").glob("*.ipynb")):
        for cell in nbformat.read(source, as_version=4).cells:
            if cell.cell_type == "code" and cell.source.startswith("check("):
                in_notebooks.add(cell.source.split('"')[1])
    assert in_notebooks == set(task_ids())
