"""`make links` and `make hub-link`: every link is made from one address, in a throw-away copy of the course.

The real files are never changed here; the committed state (no address yet) is only read.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
import links  # noqa: E402  (tools/ is on the path: pyproject.toml)

REPO = "https://github.com/example-org/news-course"
OTHER = "https://github.com/other-school/kurs"
PLACEHOLDERS = ["OWNER/REPOSITORY", "REPOSITORY-URL", "REPOSITORY-FOLDER", "YOUR-HUB", "the Binder link)"]
TABLE_ROW = re.compile(r"^\| \[[^]]+\]\(((?:notebooks|exercises)/[^)]+\.ipynb)\)(.*)$", re.M)


def copy_course(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(
        ".venv", "build", ".git", "artifacts", "__pycache__", ".pytest_cache", "*.egg-info", ".ipynb_checkpoints"))
    return dest


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return copy_course(tmp_path / "course")


def make(course: Path, *args: str) -> subprocess.CompletedProcess:
    """Run make in the copy as on a fresh clone: Python with the standard library only (`-S`: no site-packages, so no
    PyYAML or anything else installed), and no .venv (a target that needed one would fail: VENV points nowhere)."""
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(course.parent)}  # the copy is no part of any repository
    for variable in ("REPO", "BRANCH", "HUB", "DEPTH"):
        env.pop(variable, None)
    return subprocess.run(["make", "--no-print-directory", "-C", str(course), *args, f"PYTHON={sys.executable} -S",
                           f"VENV={course / 'no-venv'}"], capture_output=True, text=True, timeout=120, env=env)


def fingerprint(course: Path) -> dict[str, str]:
    return {p.relative_to(course).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(course.rglob("*")) if p.is_file()}


def course_notebooks(course: Path) -> set[str]:
    """Every lesson and every exercise learner copy, from the files themselves."""
    return {p.relative_to(course).as_posix() for folder in ("notebooks", "exercises")
            for p in (course / folder).glob("*.ipynb") if not p.name.endswith(".new.ipynb")}


BINDER_LINK = re.compile(r"https://mybinder\.org/v2/[^)\s\"'<>`]*[^)\s\"'<>`.,;:]")


def binder_links(text: str) -> list[str]:
    return BINDER_LINK.findall(text)


def address_of_binder_link(link: str) -> links.Address:
    """The repository and branch a mybinder.org link opens (decoded here, independently of tools/links.py)."""
    path = urlsplit(link).path
    for pattern, to_url in [(r"/v2/gh/([^/]+/[^/]+)/(.+)", lambda spec: f"https://github.com/{spec}"),
                            (r"/v2/gl/([^/]+)/(.+)", lambda spec: f"https://gitlab.com/{unquote(spec)}"),
                            (r"/v2/git/([^/]+)/(.+)", unquote)]:
        match = re.fullmatch(pattern, path)
        if match:
            return links.Address(to_url(match.group(1)), unquote(match.group(2)))
    raise ValueError(f"not a mybinder.org v2/gh, v2/gl or v2/git link: {link}")


def opened_notebook(link: str) -> str:
    """The notebook a Binder link opens, checking that urlpath is encoded as mybinder.org's link form does."""
    query = urlsplit(link).query
    assert query.startswith("urlpath=") and "/" not in query, f"urlpath is not encoded: {link}"
    (urlpath,) = parse_qs(query)["urlpath"]
    assert query == "urlpath=" + quote(urlpath, safe=""), link
    assert urlpath.startswith("lab/tree/"), f"does not open JupyterLab: {link}"
    return urlpath.removeprefix("lab/tree/")


def test_make_links_puts_a_badge_and_one_binder_link_per_lesson_and_exercise(course):
    result = make(course, "links", f"REPO={REPO}")
    assert result.returncode == 0, result.stdout + result.stderr
    readme = (course / "README.md").read_text(encoding="utf-8")

    badge = re.findall(r"\[!\[[^]]*\]\(https://mybinder\.org/badge_logo\.svg\)\]\((https://mybinder\.org/v2/[^)]+)\)", readme)
    assert len(badge) == 1 and opened_notebook(badge[0]) == "notebooks/00_start_here.ipynb"

    rows = TABLE_ROW.findall(readme)
    assert {notebook for notebook, _ in rows} == course_notebooks(course)
    assert len(rows) == len(course_notebooks(course)), "a notebook has more than one row"
    for notebook, rest_of_row in rows:
        (link,) = binder_links(rest_of_row)  # exactly one Binder link in each row
        assert opened_notebook(link) == notebook
        assert (course / notebook).is_file()

    for link in binder_links(readme):
        assert address_of_binder_link(link) == links.Address(REPO, "main")
        assert (course / opened_notebook(link)).is_file()

    citation = yaml.safe_load((course / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["repository-code"] == REPO
    site = yaml.safe_load((course / "book" / "_config.yml").read_text(encoding="utf-8"))
    assert site["repository"] == {"url": REPO, "branch": "main"}
    assert site["launch_buttons"] == {"binderhub_url": "https://mybinder.org", "notebook_interface": "jupyterlab"}

    german_guides = [g for g in ["book/de/intro.md", "instructors/de/jupyterhub.md", "instructors/de/README.md"]
                     if (course / g).exists()]
    for guide in ["book/intro.md", "instructors/jupyterhub.md", "instructors/README.md", *german_guides]:
        text = (course / guide).read_text(encoding="utf-8")
        assert REPO in text, f"{guide} does not name the course's address"
        assert not [p for p in PLACEHOLDERS if p in text], f"{guide} still has a placeholder"
        for link in binder_links(text):
            assert address_of_binder_link(link).url == REPO and (course / opened_notebook(link)).is_file()
    # nbgitpuller's link generator, with the course and JupyterLab filled in (its page reads repo, branch and app)
    hub_guide = (course / "instructors" / "jupyterhub.md").read_text(encoding="utf-8")
    (generator,) = re.findall(r"\((https://nbgitpuller\.readthedocs\.io/en/latest/link\.html[^)]*)\)", hub_guide)
    assert parse_qs(urlsplit(generator).query) == {"repo": [REPO], "branch": ["main"], "app": ["jupyterlab"]}


def german_twin_or_english(course: Path, notebook: str) -> str:
    """What the German edition links for a course notebook: its German twin, or the English one while there is none."""
    german = links.edition_path(notebook, "de")
    return german if (course / german).is_file() else notebook


def test_make_links_writes_the_german_readme_badge_and_tables_for_the_german_notebooks(course):
    """README.de.md (generated by `make german`): the badge opens the German start notebook, and every lesson and
    exercise has one row with one Binder link, to its German twin or, while there is none, to the English notebook."""
    if not (course / "README.de.md").exists():
        pytest.skip("no README.de.md: locale/de/docs/README.po is not declared complete")
    result = make(course, "links", f"REPO={REPO}")
    assert result.returncode == 0, result.stdout + result.stderr
    readme = (course / "README.de.md").read_text(encoding="utf-8")
    badge = re.findall(r"\[!\[[^]]*\]\(https://mybinder\.org/badge_logo\.svg\)\]\((https://mybinder\.org/v2/[^)]+)\)", readme)
    assert len(badge) == 1 and opened_notebook(badge[0]) == german_twin_or_english(course, "notebooks/00_start_here.ipynb")
    rows = TABLE_ROW.findall(readme)
    expected = {german_twin_or_english(course, notebook) for notebook in course_notebooks(course)}
    assert {notebook for notebook, _ in rows} == expected and len(rows) == len(expected)
    for notebook, rest_of_row in rows:
        (link,) = binder_links(rest_of_row)
        assert opened_notebook(link) == notebook and "auf Binder öffnen" in rest_of_row
    for link in binder_links(readme):
        assert address_of_binder_link(link) == links.Address(REPO, "main")


def test_a_german_table_links_every_german_notebook_in_german(tmp_path):
    """The rule behind the German tables, on a made-up course: a row per German notebook, its link text in German."""
    for name in ["notebooks/00_a.ipynb", "notebooks/de/00_a.ipynb"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}", encoding="utf-8")
    shutil.copytree(ROOT / "tools", tmp_path / "tools", ignore=shutil.ignore_patterns("*.py", "__pycache__", "lab-settings"))
    readme = tmp_path / "README.de.md"
    table = "| Notebook |\n| --- |\n| [00](notebooks/de/00_a.ipynb) |"
    address = links.Address(REPO)
    written = links.link_table(table, "notebooks/de/*.ipynb", address, readme, tmp_path, "de")
    assert "[00 auf Binder öffnen](https://mybinder.org/" in written
    assert "urlpath=lab%2Ftree%2Fnotebooks%2Fde%2F00_a.ipynb" in written
    assert links.link_table(written, "notebooks/de/*.ipynb", None, readme, tmp_path, "de") == table  # and back
    (tmp_path / "notebooks" / "de" / "01_b.ipynb").write_text("{}", encoding="utf-8")  # a new German notebook
    with pytest.raises(links.LinkError, match="notebooks/de/01_b.ipynb has no row in the table"):
        links.link_table(table, "notebooks/de/*.ipynb", address, readme, tmp_path, "de")


def test_running_it_again_changes_nothing_and_no_notebook_is_touched(course):
    notebooks_before = {k: v for k, v in fingerprint(course).items() if k.endswith(".ipynb")}
    assert make(course, "links", f"REPO={REPO}").returncode == 0
    after_first = fingerprint(course)
    second = make(course, "links", f"REPO={REPO}")
    assert second.returncode == 0 and "nothing changed" in second.stdout
    assert fingerprint(course) == after_first
    assert {k: v for k, v in after_first.items() if k.endswith(".ipynb")} == notebooks_before


def test_another_address_rewrites_every_link_and_remove_restores_the_committed_state(course):
    committed = fingerprint(course)
    assert make(course, "links", f"REPO={REPO}").returncode == 0
    result = make(course, "links", f"REPO={OTHER}.git", "BRANCH=teaching")
    assert result.returncode == 0, result.stderr
    stale = [name for name in fingerprint(course) if not name.startswith("tests/")
             and "example-org" in (course / name).read_text(encoding="utf-8", errors="replace")]
    assert stale == [], f"the old address is still in {stale}"
    readme = (course / "README.md").read_text(encoding="utf-8")
    found = binder_links(readme)
    assert len(found) == 1 + len(course_notebooks(course))
    assert {address_of_binder_link(link) for link in found} == {links.Address(OTHER, "teaching")}
    assert links.read_address(course) == links.Address(OTHER, "teaching")
    assert yaml.safe_load((course / "book" / "_config.yml").read_text())["repository"]["branch"] == "teaching"
    removed = subprocess.run([sys.executable, str(course / "tools" / "links.py"), "write", "--remove"],
                             capture_output=True, text=True, timeout=60)
    assert removed.returncode == 0, removed.stderr
    assert fingerprint(course) == committed


def test_hub_link_decodes_to_the_repository_branch_and_start_notebook(course):
    assert make(course, "links", f"REPO={REPO}").returncode == 0
    result = make(course, "hub-link", "HUB=https://hub.example.edu")
    assert result.returncode == 0, result.stderr
    link = result.stdout.strip().splitlines()[-1]
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "hub.example.edu", "/hub/user-redirect/git-pull")
    query = parse_qs(parts.query)
    assert query == {"repo": [REPO], "branch": ["main"], "urlpath": ["lab/tree/news-course/notebooks/00_start_here.ipynb"]}
    # nbgitpuller clones into a folder named after the repository; the rest of the path must exist in the course
    assert (course / query["urlpath"][0].removeprefix("lab/tree/news-course/")).is_file()


def test_hub_link_de_opens_the_german_start_notebook(course):
    assert make(course, "links", f"REPO={REPO}").returncode == 0
    result = make(course, "hub-link-de", "HUB=https://hub.example.edu")
    assert result.returncode == 0, result.stderr
    query = parse_qs(urlsplit(result.stdout.strip().splitlines()[-1]).query)
    start = "notebooks/de/00_start_here.ipynb"
    assert (course / start).is_file()
    assert query == {"repo": [REPO], "branch": ["main"], "urlpath": [f"lab/tree/news-course/{start}"]}
    guide = (course / "instructors" / "de" / "jupyterhub.md")
    if guide.exists():
        assert f"`{links.Address(REPO).hub_link(links.EXAMPLE_HUB, start)}`" in guide.read_text(encoding="utf-8")


def test_the_default_address_is_the_origin_remote(course):
    subprocess.run(["git", "init", "-q", str(course)], check=True)
    subprocess.run(["git", "-C", str(course), "remote", "add", "origin", "git@github.com:example-org/news-course.git"],
                   check=True)
    result = make(course, "links")
    assert result.returncode == 0, result.stderr
    assert links.read_address(course) == links.Address(REPO, "main")


def test_without_origin_and_without_repo_make_links_says_what_to_do(course):
    before = fingerprint(course)
    result = make(course, "links")
    assert result.returncode != 0
    assert "no git remote called `origin`" in result.stderr and "make links REPO=https://github.com/" in result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(course) == before


def test_hub_link_without_any_address_says_what_to_do(course):
    result = make(course, "hub-link", "HUB=https://hub.example.edu")
    assert result.returncode != 0 and "no git remote called `origin`" in result.stderr
    assert "make hub-link HUB=https://hub.example.edu REPO=https://github.com/" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("given, repo, folder", [
    ("https://github.com/example-org/news-course.git", "https://github.com/example-org/news-course", "news-course"),
    ("http://github.com/example-org/news-course", "https://github.com/example-org/news-course", "news-course"),
    ("git@github.com:example-org/news-course.git", "https://github.com/example-org/news-course", "news-course"),
    ("http://git.school.example/kurse/news-course.git", "http://git.school.example/kurse/news-course.git", "news-course"),
    ("git://git.school.example:9418/news-course", "git://git.school.example:9418/news-course", "news-course"),
    ("git@gitlab.school.example:class/sub/kurs.git", "https://gitlab.school.example/class/sub/kurs.git", "kurs"),
    ("ssh://git@git.school.example:2222/class/kurs.git", "https://git.school.example/class/kurs.git", "kurs"),
    # a school's own host keeps its www. (another name may be another server); www.github.com is github.com
    ("http://www.school.example/news-course.git", "http://www.school.example/news-course.git", "news-course"),
    ("https://www.school.example/git/kurs", "https://www.school.example/git/kurs", "kurs"),
    ("https://www.github.com/example-org/news-course.git", "https://github.com/example-org/news-course", "news-course"),
])
def test_hub_link_takes_the_repository_directly_and_changes_no_file(course, given, repo, folder):
    """Any address a school's hub can clone, from a copy with no address and no environment, in a few seconds; the
    link names the folder nbgitpuller clones into (targetPath where the address ends in .git)."""
    before = fingerprint(course)
    started = time.monotonic()
    result = make(course, "hub-link", "HUB=https://hub.school.example/jupyter/", f"REPO={given}", "BRANCH=teaching")
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 10
    link = result.stdout.strip()
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://hub.school.example/jupyter/hub/user-redirect/git-pull"
    query = parse_qs(parts.query)
    assert query["repo"] == [repo] and query["branch"] == ["teaching"]
    assert query["urlpath"] == [f"lab/tree/{folder}/notebooks/00_start_here.ipynb"]
    assert query.get("targetPath", [repo.rstrip("/").split("/")[-1]]) == [folder]  # nbgitpuller's default otherwise
    assert ("no ssh key" in result.stderr) == given.startswith(("git@", "ssh://"))
    assert fingerprint(course) == before


@pytest.mark.parametrize("given, says", [
    ("file:///srv/git/news-course.git", "nbgitpuller cannot clone"),
    ("/srv/git/news-course.git", "nbgitpuller cannot clone"),
    ("ftp://files.school.example/news-course", "nbgitpuller cannot clone"),
    ("https://teacher:secret@git.school.example/news-course.git", "user name or password"),
    ("https://github.com/example-org/news-course/tree/main", "two parts after github.com"),
    ("https://git.school.example/news-course?tab=files", "'?' or '#'"),
    # pages of a git server's website, a web page and the hub's own pages: none of them can be cloned
    ("https://git.example-school.de/kurs/newscheck/-/tree/main", "a page of a GitLab project's website"),
    ("https://git.example-school.de/kurs/newscheck/src/branch/main", "a page of the git server's website"),
    ("https://git.example-school.de/kurs/newscheck/tree/main", "a page of the git server's website"),
    ("https://git.example-school.de/kurs/newscheck/blob/main/README.md", "a page of the git server's website"),
    ("https://www.example-school.de/kurs/index.html", "a web page"),
    ("https://hub.example.edu/hub/login", "a page of your hub"),
    ("https://hub.example.edu/user/anna/lab/tree/news-course", "a page of your hub"),
])
def test_hub_link_says_clearly_when_nbgitpuller_cannot_clone_an_address(course, given, says):
    result = make(course, "hub-link", "HUB=https://hub.example.edu", f"REPO={given}")
    assert result.returncode != 0 and says in result.stderr and "What to do:" in result.stderr, result.stderr
    if not given.startswith("https://github.com"):  # the message says what to type (GitHub's: the address's form)
        assert "`make hub-link HUB=https://hub.example.edu REPO=https://github.com/OWNER/NAME`" in result.stderr
    assert "secret" not in result.stderr and "Traceback" not in result.stderr and not result.stdout


@pytest.mark.parametrize("hub, base", [
    ("https://hub.example.edu/hub/login", "https://hub.example.edu/"),
    ("https://hub.example.edu/hub/home", "https://hub.example.edu/"),
    ("https://hub.example.edu/user/anna/lab/tree/news-course", "https://hub.example.edu/"),
    ("https://www.school.example/jupyter/hub/spawn-pending/anna", "https://www.school.example/jupyter/"),
    ("https://www.school.example/hub/hub/login", "https://www.school.example/hub/"),  # a hub installed under /hub/
])
def test_hub_link_refuses_a_page_of_the_hub_and_names_its_address(course, hub, base):
    """A teacher copies the address bar while on the hub: a link made from it would lead nowhere."""
    result = make(course, "hub-link", f"HUB={hub}", f"REPO={REPO}")
    assert result.returncode != 0 and not result.stdout and "Traceback" not in result.stderr
    assert "page on the hub" in result.stderr and f"`make hub-link HUB={base}`" in result.stderr, result.stderr


def test_hub_link_for_an_address_ending_in_hub_says_which_hub_it_is_for(course):
    result = make(course, "hub-link", "HUB=https://hub.example.edu/hub/", f"REPO={REPO}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("https://hub.example.edu/hub/hub/user-redirect/git-pull?")
    assert "`make hub-link HUB=https://hub.example.edu/`" in result.stderr


def test_hub_link_names_the_origin_remote_when_its_address_cannot_be_cloned(course):
    """No REPO and no address in CITATION.cff: the address comes from `origin`, and the message says so."""
    subprocess.run(["git", "init", "-q", str(course)], check=True)
    subprocess.run(["git", "-C", str(course), "remote", "add", "origin", "/home/teacher/news-course"], check=True)
    result = make(course, "hub-link", "HUB=https://hub.example.edu")
    assert result.returncode != 0 and "nbgitpuller cannot clone '/home/teacher/news-course'" in result.stderr
    assert "`origin` remote" in result.stderr and "REPO=..." not in result.stderr, result.stderr


def test_make_links_points_an_address_only_a_hub_can_use_to_hub_link(course):
    before = fingerprint(course)
    result = make(course, "links", "REPO=git://git.school.example/news-course")
    assert result.returncode != 0 and "make hub-link HUB=https://... REPO=git://git.school.example/news-course" in result.stderr
    assert fingerprint(course) == before


def test_the_german_link_texts_have_every_section_and_field_of_the_english():
    english, german = links.texts(ROOT, "en"), links.texts(ROOT, "de")  # raises on a missing section
    assert list(english) == list(german)
    fields = {name: (sorted(links.FIELD.findall(english[name])), sorted(links.FIELD.findall(german[name])))
              for name in english}
    assert not {name: f for name, f in fields.items() if f[0] != f[1]}, "a translation lost or added a {field}"
    untranslated = [name for name in english if german[name] == english[name]]
    assert not untranslated, f"tools/link_texts.de.md has these sections in English: {untranslated}"


def test_a_notebook_without_a_row_is_reported_and_new_copies_are_not_linked(course):
    shutil.copy(course / "exercises" / "01_read_the_article.ipynb", course / "exercises" / "01_read_the_article.new.ipynb")
    assert make(course, "links", f"REPO={REPO}").returncode == 0  # `make exercises`' .new.ipynb copies are no rows
    assert not [link for link in binder_links((course / "README.md").read_text(encoding="utf-8")) if ".new." in link]
    shutil.copy(course / "exercises" / "01_read_the_article.ipynb", course / "exercises" / "07_more_practice.ipynb")
    result = make(course, "links", f"REPO={REPO}")
    assert result.returncode != 0
    assert "exercises/07_more_practice.ipynb has no row" in result.stderr and "add a row" in result.stderr


def test_github_check_fails_when_readme_points_elsewhere(course):
    assert make(course, "links", f"REPO={REPO}").returncode == 0

    def check(repository: str, where: Path) -> subprocess.CompletedProcess:
        env = {**os.environ, "GITHUB_REPOSITORY": repository, "GITHUB_SERVER_URL": "https://github.com"}
        # -S: no site-packages, so the check must run on the standard library alone (as it does first thing in CI)
        return subprocess.run([sys.executable, "-S", str(where / "tools" / "links.py"), "check-github"],
                              capture_output=True, text=True, timeout=60, env=env)

    elsewhere = check("someone-else/fork", course)
    assert elsewhere.returncode == 1
    assert "not this repository (https://github.com/someone-else/fork)" in elsewhere.stderr
    assert "run `make links`" in elsewhere.stderr
    here = check("example-org/news-course", course)
    assert here.returncode == 0, here.stderr
    committed = check("example-org/news-course", ROOT) if links.read_address(ROOT) is None else None
    if committed is not None:  # no address committed yet: the check says to run make links
        assert committed.returncode == 1 and "has no Binder links" in committed.stderr
        assert "run `make links`" in committed.stderr


def test_committed_links_agree_with_citation_cff_and_the_notebooks():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "links.py"), "check"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    if links.read_address(ROOT) is None:  # no invented address: no Binder link anywhere, and a line saying how
        for name in links.REQUIRED_BLOCKS:
            assert not binder_links((ROOT / name).read_text(encoding="utf-8")), f"{name} has a Binder link"
        assert links.block_text("badge", None) in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("given, binder, hub_folder", [
    ("https://github.com/example-org/news-course", "gh/example-org/news-course/main", "news-course"),
    ("git@github.com:example-org/news-course.git", "gh/example-org/news-course/main", "news-course"),
    ("ssh://git@github.com/example-org/news-course.git", "gh/example-org/news-course/main", "news-course"),
    ("https://x-access-token:secret@github.com/example-org/news-course.git", "gh/example-org/news-course/main",
     "news-course"),
    ("https://gitlab.com/teach/sub/news-course", "gl/teach%2Fsub%2Fnews-course/main", "news-course"),
    ("https://codeberg.org/teach/news-course", "git/https%3A%2F%2Fcodeberg.org%2Fteach%2Fnews-course/main",
     "news-course"),
])
def test_address_forms(given, binder, hub_folder):
    address = links.parse_address(given, None, "test")
    link = address.binder_link("notebooks/00_start_here.ipynb")
    assert link == f"https://mybinder.org/v2/{binder}?urlpath=lab%2Ftree%2Fnotebooks%2F00_start_here.ipynb"
    assert address_of_binder_link(link) == address
    assert "secret" not in address.url and address.folder == hub_folder


@pytest.mark.parametrize("given", ["github.com/a/b", "http://github.com/a/b", "https://github.com/a",
                                   "https://github.com/a/b/tree/main", "https://github.com/a/b?x=1", "main"])
def test_bad_addresses_get_a_three_part_message(given):
    with pytest.raises(links.LinkError) as problem:
        links.parse_address(given, None, "make links REPO=...")
    assert "\n  Where: make links REPO=...\n  What to do: " in str(problem.value)


@pytest.mark.parametrize("given", ["https://git.example-school.de/kurs/newscheck/-/tree/main",
                                   "https://codeberg.org/teach/news-course/src/branch/main",
                                   "https://www.example-school.de/kurs/index.html"])
def test_make_links_refuses_a_web_page_address_and_changes_nothing(course, given):
    before = fingerprint(course)
    result = make(course, "links", f"REPO={given}")
    assert result.returncode != 0 and "not a repository's clone address" in result.stderr, result.stderr
    assert "`make links REPO=https://github.com/OWNER/NAME`" in result.stderr and "Traceback" not in result.stderr
    assert fingerprint(course) == before


def test_an_address_ending_in_git_is_kept_by_make_links_and_hub_link_alike(course):
    """A web server of plain files serves only the folder's real name: the address is cloned as given, whether
    hub-link gets it as REPO or from CITATION.cff (only github.com and gitlab.com drop `.git`)."""
    given = "https://git.example-school.de/kurs/newscheck.git"
    assert make(course, "links", f"REPO={given}").returncode == 0
    assert links.read_address(course) == links.Address(given, "main")
    from_citation = make(course, "hub-link", "HUB=https://hub.example.edu")
    given_directly = make(course, "hub-link", "HUB=https://hub.example.edu", f"REPO={given}")
    assert from_citation.returncode == 0 and from_citation.stdout == given_directly.stdout
    query = parse_qs(urlsplit(from_citation.stdout.strip()).query)
    assert query["repo"] == [given] and query["targetPath"] == ["newscheck"]


def test_hub_link_for_an_http_address_says_when_it_needs_depth_0_and_depth_0_is_in_the_link(course):
    plain = "http://www.school.example/news-course.git"
    result = make(course, "hub-link", "HUB=https://hub.example.edu", f"REPO={plain}")
    assert result.returncode == 0 and "NBGITPULLER_DEPTH=0" in result.stderr, result.stderr
    assert f"`make hub-link HUB=https://hub.example.edu REPO={plain} DEPTH=0`" in result.stderr
    assert "depth" not in parse_qs(urlsplit(result.stdout.strip()).query)
    full = make(course, "hub-link-de", "HUB=https://hub.example.edu", f"REPO={plain}", "DEPTH=0")
    assert full.returncode == 0 and full.stderr == "", full.stderr
    query = parse_qs(urlsplit(full.stdout.strip()).query)
    assert query["depth"] == ["0"] and query["repo"] == [plain]
    assert query["urlpath"] == ["lab/tree/news-course/notebooks/de/00_start_here.ipynb"]
    quiet = make(course, "hub-link", "HUB=https://hub.example.edu", f"REPO={REPO}")
    assert quiet.returncode == 0 and quiet.stderr == ""  # https on GitHub: nothing to warn about
    wrong = make(course, "hub-link", "HUB=https://hub.example.edu", f"REPO={plain}", "DEPTH=all")
    assert wrong.returncode != 0 and "DEPTH=all is not a number" in wrong.stderr and not wrong.stdout


def test_a_hub_address_without_https_gets_the_command_with_it(course):
    result = make(course, "hub-link", "HUB=hub.example-school.de", f"REPO={REPO}")
    assert result.returncode != 0 and not result.stdout and "Traceback" not in result.stderr
    assert "`make hub-link HUB=https://hub.example-school.de`" in result.stderr, result.stderr


def test_the_hub_install_commands_can_be_run_again_and_leave_no_copy(course):
    """The administrator runs the install again for an update: a clone into a fresh folder, then the folder goes."""
    assert make(course, "links", f"REPO={REPO}").returncode == 0
    for guide in ["instructors/jupyterhub.md", "instructors/de/jupyterhub.md"]:
        if not (course / guide).exists():
            continue
        text = (course / guide).read_text(encoding="utf-8")
        block = re.search(r"BEGIN make links: hub-install.*?```bash\n(.*?)```", text, re.S).group(1)
        commands = [line.split("#")[0].strip() for line in block.splitlines() if line.split("#")[0].strip()]
        assert commands == [f"rm -rf /tmp/news-course && git clone --depth 1 --branch main {REPO} /tmp/news-course",
                            "pip install -r /tmp/news-course/requirements/hub.txt /tmp/news-course",
                            "rm -rf /tmp/news-course"], guide
