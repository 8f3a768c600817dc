"""environment.yml (Binder, conda) and the pip pins must name the same learner packages at the same versions."""

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


def conda_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pins = {}
    for dep in env["dependencies"]:
        # conda packages are strings; the pip section is a dict {"pip": [...]} with pip-style pins
        for item in dep["pip"] if isinstance(dep, dict) else [dep]:
            if item.startswith("-") or item == ".":
                continue  # `.` (or `-e .`) installs the helper package itself
            match = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*=+\s*([^=\s]+)", item)
            pins[(match.group(1) if match else item).lower()] = match.group(2) if match else ""
    return pins


def test_environment_yml_uses_conda_forge_only():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"], "environment.yml: use the conda-forge channel only."


def test_environment_yml_pins_python():
    assert conda_pins().get("python"), "environment.yml: pin the Python version, e.g. python=3.11."


def test_learner_packages_agree_with_environment_yml():
    learner = pip_pins(ROOT / "requirements" / "learner.txt")
    conda = conda_pins()
    problems = []
    for name, version in sorted(learner.items()):
        if name not in conda:
            problems.append(f"{name}=={version} is in requirements/learner.txt but not in environment.yml")
        elif conda[name] != version:
            problems.append(f"{name}: requirements/learner.txt pins {version}, environment.yml pins {conda[name]}")
    extra = sorted(set(conda) - set(learner) - {"python", "pip"})
    problems += [f"{name} is in environment.yml but not in requirements/learner.txt" for name in extra]
    assert not problems, "environment.yml and requirements/learner.txt have drifted apart:\n  " + "\n  ".join(problems)


def test_constraints_agree_with_direct_pins():
    constraints = pip_pins(ROOT / "requirements" / "constraints.txt")
    direct = pip_pins(ROOT / "requirements" / "test.txt")
    wrong = {name: (version, constraints.get(name)) for name, version in direct.items() if constraints.get(name) != version}
    assert not wrong, f"requirements/constraints.txt disagrees with the direct pins (pin, constraint): {wrong}"
