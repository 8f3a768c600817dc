"""Binder builds from the root environment.yml and nothing else."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_other_binder_configuration():
    for name in ["binder", ".binder"]:
        assert not (ROOT / name).exists(), f"a {name}/ folder would make Binder ignore the root environment.yml"


def test_repo2docker_picks_up_environment_yml():
    repo2docker = Path(sys.executable).with_name("jupyter-repo2docker")
    result = subprocess.run([str(repo2docker), "--no-build", "--no-run", str(ROOT)], capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "Building conda environment for python=3.11" in output
    # environment.yml is installed after the repository is copied in, so its `-e .` finds the helper package
    copy_repo = output.index("COPY --chown=0:0 src/ ${REPO_DIR}/")
    assert output.index('--file "environment.yml"') > copy_repo
