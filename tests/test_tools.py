"""The maintainer scripts in tools/ form a one-way chain: no import cycle (at module level or inside a function), and
no script uses another script's private names (`module._name`). For the translation tools the chain is
catalogues.py <- notebook_translations.py, document_translations.py, message_translations.py <- translations.py."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = {path.stem: path for path in sorted((ROOT / "tools").glob("*.py"))}


def imports_of(path: Path) -> dict[str, set[str]]:
    """The sibling scripts a script imports anywhere in it (name -> the names it imports from it, or {"*"})."""
    found: dict[str, set[str]] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in TOOLS:
                    found.setdefault(alias.name, set()).add("*")
        elif isinstance(node, ast.ImportFrom) and node.module in TOOLS and not node.level:
            found.setdefault(node.module, set()).update(alias.name for alias in node.names)
    return found


GRAPH = {name: set(imports_of(path)) for name, path in TOOLS.items()}


def test_the_tools_import_each_other_without_a_cycle():
    def cycle_from(start: str, path: list[str]) -> list[str] | None:
        for following in sorted(GRAPH[start]):
            if following in path:
                return path[path.index(following):] + [following]
            found = cycle_from(following, path + [following])
            if found:
                return found
        return None

    for name in GRAPH:
        cycle = cycle_from(name, [name])
        assert cycle is None, f"tools/ import cycle: {' -> '.join(cycle)}"


def test_no_tool_uses_another_tools_private_names():
    problems = []
    for name, path in TOOLS.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {alias.asname or alias.name: alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                   for alias in node.names if alias.name in TOOLS}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
                    and node.attr.startswith("_") and not node.attr.startswith("__")):
                problems.append(f"tools/{name}.py, line {node.lineno}: {aliases[node.value.id]}.{node.attr}")
            if isinstance(node, ast.ImportFrom) and node.module in TOOLS:
                problems += [f"tools/{name}.py, line {node.lineno}: from {node.module} import {alias.name}"
                             for alias in node.names if alias.name.startswith("_")]
    assert not problems, "private names of another script:\n" + "\n".join(problems)


def test_the_translation_tools_are_layered():
    """Catalogue handling at the bottom, one module per kind of source on it, the command line on top."""
    assert GRAPH["catalogues"] == set()
    for kind in ["notebook_translations", "document_translations", "message_translations"]:
        assert "catalogues" in GRAPH[kind]
        assert not GRAPH[kind] & {"translations", "notebook_translations", "document_translations",
                                  "message_translations"}, f"{kind} imports a module beside or above it"
    assert {"catalogues", "notebook_translations", "document_translations", "message_translations"} <= GRAPH["translations"]
    assert not any("translations" in GRAPH[name] for name in GRAPH), "a script imports the command line"
