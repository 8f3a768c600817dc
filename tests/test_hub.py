"""A real JupyterHub on 127.0.0.1 (tools/local_hub.py): configurable-http-proxy, SimpleLocalProcessSpawner and
nbgitpuller, the course served by `git daemon`, three learners following the link `make hub-link` prints; one of
them also follows a `DEPTH=0` link to the course as plain files on `python3 -m http.server`.

Skipped when the proxy (`npm ci --prefix tests/hub`) or JupyterHub is missing, unless REQUIRE_HUB=1 (set by .ci/run,
which installs them). Everything it starts is stopped by process id when the module's tests are done.
"""

import json
import os
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

import local_hub

LESSON = "notebooks/04_plot_the_loss_figures.ipynb"
EDITED = "notebooks/01_read_the_article.ipynb"

reason = local_hub.missing()
if reason:
    if os.environ.get("REQUIRE_HUB") == "1":
        pytest.fail(f"REQUIRE_HUB=1 but {reason}.", pytrace=False)
    pytestmark = pytest.mark.skip(reason=f"{reason} (.ci/run installs it)")


@pytest.fixture(scope="module")
def classroom():
    """A git server with the course, a hub, three learners with their servers started (as before a lesson), and the
    link the teacher sends. The whole module is bounded in time by the deadlines inside local_hub."""
    started = time.monotonic()
    with local_hub.class_of(3) as (served, hub, learners):
        hub.start_servers(learners)
        link = local_hub.hub_link(hub.url, served.url)
        yield served, hub, learners, link
    assert time.monotonic() - started < 170, "the hub test took too long"


def test_the_link_is_the_one_make_hub_link_prints(classroom):
    served, hub, _, link = classroom
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}" == hub.url and parts.path == "/hub/user-redirect/git-pull"
    assert parse_qs(parts.query) == {"repo": [served.url], "branch": ["main"],
                                     "urlpath": [f"lab/tree/{local_hub.COURSE}/notebooks/00_start_here.ipynb"]}


def each(learners, task):
    """Run task(learner) for every learner at once, as a class does; the results in the learners' order."""
    with ThreadPoolExecutor(len(learners)) as pool:
        return list(pool.map(task, learners))


def test_the_link_puts_the_course_in_each_home(classroom):
    _, _, learners, link = classroom
    for learner, (path, output) in zip(learners, each(learners, lambda learner: learner.follow(link))):
        assert unquote(path) == f"lab/tree/{local_hub.COURSE}/notebooks/00_start_here.ipynb"
        course = learner.home / local_hub.COURSE
        assert (course / "notebooks" / "00_start_here.ipynb").is_file(), output
        assert (course / "data" / "loss_estimates.csv").is_file() and (course / "seeds").is_dir()
    assert len({str(learner.home) for learner in learners}) == 3  # three homes, three copies


def test_lesson_04_runs_through_the_servers_kernel_api(classroom):
    """As JupyterLab runs it: a session for the notebook (its kernel starts in the notebook's folder), every code cell
    sent over the kernel's websocket. One learner (each would run the same code; the suite's time is bounded)."""
    _, _, learners, link = classroom
    learner = learners[1]
    if not (learner.home / local_hub.COURSE).exists():
        learner.follow(link)
    errors = learner.run_notebook(f"{local_hub.COURSE}/{LESSON}")
    assert errors == [], f"{learner.name}: {errors}"


def test_a_learners_edit_survives_a_new_commit(classroom):
    served, _, learners, link = classroom
    learner = learners[0]
    if not (learner.home / local_hub.COURSE).exists():
        learner.follow(link)
    path = f"{local_hub.COURSE}/{EDITED}"
    model = learner.contents(path)
    cells = model["content"]["cells"]
    first_impression = next(i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and i > 2)
    mine = "My first impression: the headline asks a question and names no source."
    cells[first_impression]["source"] = mine
    learner.save(path, {"type": "notebook", "format": "json", "content": model["content"]})

    def teacher_changes(work):  # a new file, and another cell of the same notebook, far from the learner's
        (work / "notebooks" / "NEW_IN_WEEK_2.md").write_text("Next week: lesson 05.\n", encoding="utf-8")
        notebook = json.loads((work / EDITED).read_text(encoding="utf-8"))
        last = notebook["cells"][-1]
        last["source"] = "".join(last["source"]) + "\n\n(Teacher: see you next week.)"
        (work / EDITED).write_text(json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")

    served.commit(teacher_changes, "Week 2")
    learner.follow(link)  # reopening the link pulls the new commit
    after = json.loads((learner.home / path).read_text(encoding="utf-8"))
    assert "".join(after["cells"][first_impression]["source"]) == mine, "the learner's edit was lost"
    assert "(Teacher: see you next week.)" in "".join(after["cells"][-1]["source"]), "the teacher's change did not arrive"
    assert (learner.home / local_hub.COURSE / "notebooks" / "NEW_IN_WEEK_2.md").is_file()


def test_a_link_with_depth_0_clones_from_a_web_server_of_plain_files(classroom):
    """A school's website serving the repository as plain files (dumb HTTP): nbgitpuller's default shallow clone
    fails there, and the link `make hub-link ... DEPTH=0` prints clones it in full, with no setting on the hub."""
    served, hub, learners, _ = classroom
    plain = served.plain_files("kurs")
    learner = learners[2]
    with pytest.raises(RuntimeError, match="nbgitpuller: error") as failed:
        learner.follow(local_hub.hub_link(hub.url, plain))
    assert "dumb http transport does not support shallow capabilities" in str(failed.value)
    link = local_hub.hub_link(hub.url, plain, "DEPTH=0")
    assert parse_qs(urlsplit(link).query)["depth"] == ["0"]
    path, output = learner.follow(link)
    assert unquote(path) == "lab/tree/kurs/notebooks/00_start_here.ipynb"
    assert (learner.home / "kurs" / "notebooks" / "00_start_here.ipynb").is_file(), output
