"""environment.yml (Binder, conda) installs exactly what CI tests: Python and pip from conda-forge, everything else
through pip from requirements/learner.txt with requirements/constraints.txt (the exact pins), then the helper package.
The pip requirement files agree with each other; requirements/hub.txt (a school's hub) names the same packages."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def pip_pins(path: Path) -> dict[str, str]:
    """name -> version for every `name==version` line of a requirements file (following -r includes)."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            pins.update(pip_pins(path.parent / line[3:].strip()))
        elif "==" in line:
            name, version = line.split("==", 1)
            pins[name.strip().lower()] = version.strip()
    return pins


def environment() -> tuple[list[str], list[str]]:
    """The conda packages and the lines of the pip section of environment.yml."""
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"], "environment.yml: use the conda-forge channel only."
    conda = [dep for dep in env["dependencies"] if isinstance(dep, str)]
    pip = [line for dep in env["dependencies"] if isinstance(dep, dict) for line in dep["pip"]]
    return conda, pip


def test_environment_yml_takes_only_python_and_pip_from_conda():
    conda, _ = environment()
    names = {re.split(r"[=<> ]", dep, maxsplit=1)[0] for dep in conda}
    assert names == {"python", "pip"}, f"environment.yml: only python and pip come from conda-forge, not {conda}"
    assert "python=3.11" in conda, "environment.yml: pin the Python version CI tests with (python=3.11)"


def test_the_pip_section_installs_the_tested_pins_and_the_helper_package():
    _, pip = environment()
    assert pip == ["-r requirements/learner.txt", "-c requirements/constraints.txt", "."], pip
    for line in pip[:2]:
        assert (ROOT / line.split()[1]).is_file(), f"environment.yml names {line}, which does not exist"


def test_every_learner_package_is_pinned_exactly_in_the_constraints():
    learner, constraints = pip_pins(ROOT / "requirements" / "learner.txt"), pip_pins(ROOT / "requirements" / "constraints.txt")
    wrong = {name: (version, constraints.get(name)) for name, version in learner.items() if constraints.get(name) != version}
    assert not wrong, f"requirements/constraints.txt disagrees with requirements/learner.txt (pin, constraint): {wrong}"


def test_constraints_agree_with_direct_pins():
    constraints = pip_pins(ROOT / "requirements" / "constraints.txt")
    direct = pip_pins(ROOT / "requirements" / "test.txt")
    wrong = {name: (version, constraints.get(name)) for name, version in direct.items() if constraints.get(name) != version}
    assert not wrong, f"requirements/constraints.txt disagrees with the direct pins (pin, constraint): {wrong}"


def test_the_hub_requirements_are_ranges_over_the_learner_packages_that_include_our_pins():
    """A school's shared environment gets ranges (never ==), and the versions we test fall inside them."""
    from packaging.requirements import Requirement

    learner = pip_pins(ROOT / "requirements" / "learner.txt")
    hub = [Requirement(line.split("#", 1)[0]) for line in (ROOT / "requirements" / "hub.txt").read_text().splitlines()
           if line.split("#", 1)[0].strip()]
    assert not [r for r in hub if any(s.operator == "==" for s in r.specifier)], "requirements/hub.txt: ranges only"
    names = {r.name.lower(): r for r in hub}
    assert set(learner) <= set(names), f"requirements/hub.txt lacks {sorted(set(learner) - set(names))}"
    outside = {name: str(names[name].specifier) for name, version in learner.items() if version not in names[name].specifier}
    assert not outside, f"requirements/hub.txt excludes the versions we test: {outside}"
    assert "nbgitpuller" in names, "requirements/hub.txt: the hub needs nbgitpuller"
    unbounded = [str(r) for r in hub if not any(s.operator in ("<", "<=", "~=") for s in r.specifier)]
    assert not unbounded, f"requirements/hub.txt: no upper bound (a next major version we never ran): {unbounded}"


def test_the_helper_package_declares_every_package_it_imports():
    """`pip install .` alone (a hub's image, conda's last line) brings what newscheck imports: each third-party module
    imported anywhere in newscheck/ is a dependency in pyproject.toml, and a line of requirements/learner.txt."""
    import ast
    import sys
    import tomllib
    from importlib.metadata import packages_distributions

    from packaging.requirements import Requirement

    imported = set()
    for source in (ROOT / "newscheck").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"newscheck", "__future__"}
    distributions = packages_distributions()
    needed = {distributions[module][0].lower() for module in third_party}
    declared = {Requirement(r).name.lower() for r in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]}
    assert needed <= declared, f"pyproject.toml's dependencies lack {sorted(needed - declared)}"
    learner = set(pip_pins(ROOT / "requirements" / "learner.txt"))
    assert needed <= learner, f"requirements/learner.txt lacks {sorted(needed - learner)}"


def test_the_numpy_floors_allow_hantas_german_model():
    """HanTa's German model is a pickle of numpy arrays; one saved with numpy 2 refers to `numpy._core`, which numpy 1
    lacks ("No module named 'numpy._core'" when the finder loads it). The floors of requirements/hub.txt and of
    pyproject.toml must then be numpy 2."""
    import gzip
    import pickletools
    import tomllib
    from importlib.util import find_spec

    from packaging.requirements import Requirement
    from packaging.version import Version

    model = Path(find_spec("HanTa").origin).parent / "morphmodel_ger.pgz"
    with gzip.open(model, "rb") as f:
        modules = {arg.split()[0] for op, arg, _ in pickletools.genops(f.read())
                   if op.name in ("GLOBAL", "SHORT_BINUNICODE", "BINUNICODE") and str(arg).startswith("numpy")}
    if not any(module.startswith("numpy._core") for module in modules):
        pytest.skip(f"this HanTa model does not need numpy 2 ({sorted(modules)})")
    hub = [Requirement(line.split("#", 1)[0]) for line in (ROOT / "requirements" / "hub.txt").read_text().splitlines()
           if line.split("#", 1)[0].strip()]
    project = [Requirement(r) for r in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]]
    for where, requirements in [("requirements/hub.txt", hub), ("pyproject.toml", project)]:
        (numpy,) = [r for r in requirements if r.name == "numpy"]
        floors = [Version(s.version) for s in numpy.specifier if s.operator in (">=", ">")]
        assert floors and min(floors) >= Version("2.0"), f"{where}: {numpy} lets pip install a numpy HanTa cannot load"
