"""Binder builds from the root environment.yml, then runs the root postBuild (the same JupyterLab settings as
`make lab`), and from nothing else."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def dockerfile() -> str:
    """What repo2docker would build (--no-build needs no Docker): its Dockerfile and log."""
    repo2docker = Path(sys.executable).with_name("jupyter-repo2docker")
    result = subprocess.run([str(repo2docker), "--no-build", "--no-run", str(ROOT)], capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    return output


def test_no_other_binder_configuration():
    for name in ["binder", ".binder"]:
        assert not (ROOT / name).exists(), f"a {name}/ folder would make Binder ignore the root environment.yml"


def test_repo2docker_picks_up_environment_yml(dockerfile):
    assert "Building conda environment for python=3.11" in dockerfile
    # environment.yml is installed after the repository is copied in, so its `.` finds the helper package
    copy_repo = dockerfile.index("COPY --chown=0:0 src/ ${REPO_DIR}/")
    assert dockerfile.index('--file "environment.yml"') > copy_repo


def test_repo2docker_runs_postbuild_after_the_environment(dockerfile):
    assert os.access(ROOT / "postBuild", os.X_OK), "postBuild must be executable"
    assert "RUN ./postBuild" in dockerfile
    assert dockerfile.index("RUN ./postBuild") > dockerfile.index('--file "environment.yml"')


def test_postbuild_installs_the_same_jupyterlab_settings_as_make_lab(tmp_path):
    """postBuild asks `jupyter lab path` where the settings go; JUPYTERLAB_DIR points that at a temporary folder."""
    env = {**os.environ, "JUPYTERLAB_DIR": str(tmp_path / "lab"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run([str(ROOT / "postBuild")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    installed = json.loads((tmp_path / "lab" / "settings" / "overrides.json").read_text(encoding="utf-8"))
    assert installed == json.loads((ROOT / "tools" / "lab-settings" / "overrides.json").read_text(encoding="utf-8"))
    assert installed["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def test_a_normal_install_brings_the_jupyterlab_settings(tmp_path):
    """`pip install .` (the plain-pip and conda routes, and Binder's environment.yml) installs the same overrides.json
    as `make lab` into <prefix>/share/jupyter/lab/settings/, so no route shows the news pop-up."""
    import zipfile

    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                             str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = tmp_path.glob("newscheck-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = [n for n in archive.namelist() if n.endswith("share/jupyter/lab/settings/overrides.json")]
        assert names, "the wheel does not install JupyterLab's settings overrides"
        installed = json.loads(archive.read(names[0]))
    assert installed == json.loads((ROOT / "tools" / "lab-settings" / "overrides.json").read_text(encoding="utf-8"))
