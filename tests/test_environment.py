"""environment.yml (Binder, conda) installs exactly what CI tests: Python and pip from conda-forge, everything else
through pip from requirements/learner.txt with requirements/constraints.txt (the exact pins), then the helper package.
The pip requirement files agree with each other; requirements/hub.txt (a school's hub) names the same packages."""

import re
from pathlib import Path

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
