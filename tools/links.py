"""Binder badge and links, the site's launch buttons and the hub how-to, all from one address.

Usage: python tools/links.py write [--repo URL] [--branch NAME]   (make links REPO=... BRANCH=...)
       python tools/links.py write --remove                       (back to "no address yet")
       python tools/links.py hub-link --hub URL                   (make hub-link HUB=...)
       python tools/links.py check                                (the files agree with CITATION.cff; make test)
       python tools/links.py check-github                         (CI: README's links open $GITHUB_REPOSITORY)

Where the course is published is written in one place: `repository-code` in CITATION.cff (and, if it is not
`main`, the branch, as a comment beside it). `write` puts the address there and writes every link made from it
between marker comments, so it can run again for another address or after a notebook was added:

    <!-- BEGIN make links: NAME ... -->      (Markdown)        # BEGIN make links: NAME ...   (YAML)
    ...written by this script...                                ...
    <!-- END make links: NAME -->                               # END make links: NAME

A block `table GLOB` is a hand-written Markdown table: this script only adds (or removes) its last column, a
Binder link for the notebook each row links to, and fails when a notebook matching GLOB has no row. To link
another folder of notebooks (a German edition, say), put a table between `table de/notebooks/*.ipynb` markers.

Formats, as their projects document them (see CONTRIBUTING.md): mybinder.org's launch URLs `v2/gh/OWNER/NAME/REF`,
`v2/gl/<url-escaped namespace>/REF` and `v2/git/<url-escaped URL>/REF`, with `urlpath` encoded the way
mybinder.org's own link form encodes it (JavaScript's encodeURIComponent); nbgitpuller's link generator:
`HUB/hub/user-redirect/git-pull?repo=...&urlpath=...&branch=...`, form-encoded (URLSearchParams).

This script reads notebooks' names only: it never opens or changes a notebook. `check-github` needs only the
standard library, so CI can run it before anything is installed.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BINDERHUB = "https://mybinder.org"
BINDER_BADGE = "https://mybinder.org/badge_logo.svg"
START = "notebooks/00_start_here.ipynb"
DEFAULT_BRANCH = "main"
CITATION = "CITATION.cff"
SITE_CONFIG = "book/_config.yml"
# `make exercises` writes NN_name.new.ipynb beside a copy someone has edited: not a course notebook, never linked.
NOT_LINKED = ("*.new.ipynb", "*-checkpoint.ipynb")
NBGITPULLER_GENERATOR = "https://nbgitpuller.readthedocs.io/en/latest/link.html"
EXAMPLE_HUB = "https://hub.example.edu"
# The blocks every copy of the course must have, file by file (a missing marker is an error, not a silent skip).
REQUIRED_BLOCKS = {
    CITATION: ["address"],
    SITE_CONFIG: ["site"],
    "README.md": ["badge", "table notebooks/*.ipynb", "table exercises/*.ipynb"],
    "book/intro.md": ["intro"],
    "instructors/jupyterhub.md": ["hub-install", "hub-link"],
    "instructors/README.md": ["send-binder", "send-laptops"],
}
MARKER_STYLE = {".md": ("<!-- ", " -->"), ".yml": ("# ", ""), ".cff": ("# ", "")}
LINK = re.compile(r"\]\(([^)\s]+)\)")
BINDER_LINK = re.compile(r"https://mybinder\.org/v2/[^)\s\"'<>`]*[^)\s\"'<>`.,;:]")


class LinkError(Exception):
    """A problem the person running the command can fix: what happened, where, and what to do."""

    def __init__(self, what: str, where: str, todo: str):
        super().__init__(f"{what}\n  Where: {where}\n  What to do: {todo}")


# --- the address -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Address:
    """Where the course is published: a public https git address (no `.git`, no trailing slash) and a branch."""

    url: str
    branch: str = DEFAULT_BRANCH

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc

    @property
    def parts(self) -> list[str]:
        return urlsplit(self.url).path.strip("/").split("/")

    @property
    def folder(self) -> str:
        """The folder that `git clone` (and so nbgitpuller) creates for the repository."""
        return self.parts[-1]

    def binder_link(self, notebook: str) -> str:
        """mybinder.org link that builds this repository and opens `notebook` in JupyterLab."""
        if self.host == "github.com":
            spec = "gh/" + "/".join(self.parts)
        elif self.host == "gitlab.com":
            spec = "gl/" + quote("/".join(self.parts), safe="")
        else:
            spec = "git/" + quote(self.url, safe="")
        return f"{BINDERHUB}/v2/{spec}/{quote(self.branch, safe='/')}?urlpath={quote('lab/tree/' + notebook, safe='')}"

    def hub_link(self, hub: str, notebook: str = START) -> str:
        """nbgitpuller link: the hub clones (later: pulls) this repository and opens `notebook` in JupyterLab."""
        query = urlencode({"repo": self.url, "urlpath": f"lab/tree/{self.folder}/{notebook}", "branch": self.branch})
        return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"

    @property
    def site_can_launch(self) -> bool:
        """Whether jupyter-book's theme (sphinx-book-theme) builds a working Binder link for this address.

        For any host but github.com and gitlab.com it writes `v2/git/https%3A//host/...`, with the slashes not
        escaped, which mybinder.org cannot resolve (jupyter-book/jupyter-book#2025); for GitLab it joins only the
        last two parts of the path, so a project in a subgroup fails too.
        """
        return self.host == "github.com" or (self.host == "gitlab.com" and len(self.parts) == 2)

    def make_args(self) -> str:
        return f"REPO={self.url}" + ("" if self.branch == DEFAULT_BRANCH else f" BRANCH={self.branch}")


def parse_address(text: str, branch: str | None, where: str) -> Address:
    """Turn what someone typed (or `git remote get-url origin`) into an Address, or say clearly what is wrong."""
    text = text.strip()
    ssh = re.fullmatch(r"(?:ssh://)?git@([^:/]+)[:/](.+)", text)
    if ssh:  # git@github.com:OWNER/NAME.git: the same repository, as Binder and nbgitpuller need it
        text = f"https://{ssh.group(1)}/{ssh.group(2)}"
    text = re.sub(r"^(\w+://)[^/@]*@", r"\1", text)  # drop a user:token@ of a remote: never in a link or message
    example = "https://github.com/OWNER/NAME (or a GitLab or other public git address)"
    parts = urlsplit(text)
    if parts.scheme != "https" or not parts.hostname:
        raise LinkError(f"'{text}' is not an https address of a git repository.", where,
                        f"give the address learners can open in a browser, e.g. {example}.")
    if parts.query or parts.fragment:
        raise LinkError(f"'{text}' has a '?' or '#' part; a repository address has none.", where,
                        f"give the repository's address only, e.g. {example}.")
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    host = "github.com" if host == "www.github.com" else host
    path = [part for part in parts.path.split("/") if part]
    if path and path[-1].endswith(".git"):
        path[-1] = path[-1][: -len(".git")]
    if not path or not all(re.fullmatch(r"[A-Za-z0-9_.-]+", part) for part in path):
        raise LinkError(f"'{text}' does not name a repository.", where, f"give an address such as {example}.")
    if host == "github.com" and len(path) != 2:
        raise LinkError(f"'{text}' is not a GitHub repository's address: it should have two parts after github.com.",
                        where, "give it as https://github.com/OWNER/NAME, without /tree/... or other parts.")
    if host == "gitlab.com" and len(path) < 2:
        raise LinkError(f"'{text}' is not a GitLab project's address.", where,
                        "give it as https://gitlab.com/GROUP/PROJECT (subgroups are fine).")
    branch = DEFAULT_BRANCH if branch is None else branch.strip()
    if not re.fullmatch(r"[A-Za-z0-9_.][A-Za-z0-9_./-]*", branch) or ".." in branch or branch.endswith((".lock", "/")):
        raise LinkError(f"'{branch}' is not a branch name these links can use.", where,
                        "give the branch learners should get (letters, digits, '.', '_', '-', '/'), or leave BRANCH "
                        f"out for {DEFAULT_BRANCH}.")
    return Address(f"https://{host}/{'/'.join(path)}", branch)


def address_of_binder_link(link: str) -> Address:
    """The repository and branch a mybinder.org link opens (the inverse of Address.binder_link's first half)."""
    path = urlsplit(link).path
    for pattern, to_url in [
        (r"/v2/gh/([^/]+/[^/]+)/(.+)", lambda spec: f"https://github.com/{spec}"),
        (r"/v2/gl/([^/]+)/(.+)", lambda spec: f"https://gitlab.com/{unquote(spec)}"),
        (r"/v2/git/([^/]+)/(.+)", unquote),
    ]:
        match = re.fullmatch(pattern, path)
        if match:
            return Address(to_url(match.group(1)).removesuffix(".git"), unquote(match.group(2)))
    raise ValueError(f"not a mybinder.org v2/gh, v2/gl or v2/git link: {link}")


def same_repository(a: Address, b: Address) -> bool:
    if a.host == b.host == "github.com":
        return a.url.lower() == b.url.lower()  # GitHub treats OWNER/NAME case-insensitively
    return a.url == b.url


def origin_address(root: Path) -> str:
    """The `origin` remote of the checkout, or a clear message when there is none."""
    try:
        result = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"], capture_output=True,
                                text=True, timeout=30)
    except FileNotFoundError:
        result = None
    if result is None or result.returncode != 0 or not result.stdout.strip():
        raise LinkError(
            "No address given, and this copy of the course has no git remote called `origin` to take it from.",
            f"make links in {root} (REPO was empty; `git remote get-url origin` found no remote).",
            "say where the course is published, e.g. `make links REPO=https://github.com/OWNER/NAME` "
            f"(add BRANCH=NAME if learners should get another branch than {DEFAULT_BRANCH}).",
        )
    return result.stdout.strip()


def read_address(root: Path) -> Address | None:
    """The address in CITATION.cff (`repository-code`, plus a `# branch:` comment), or None if none is set."""
    import yaml  # PyYAML; imported here so that check-github runs with the standard library alone

    text = (root / CITATION).read_text(encoding="utf-8")
    url = (yaml.safe_load(text) or {}).get("repository-code")
    if not url:
        return None
    branch = re.search(r"^# branch: (\S+)", find_block(text, "address", root / CITATION, root).group("body"), re.M)
    return parse_address(url, branch.group(1) if branch else None, f"{CITATION}, repository-code")


# --- marker blocks -----------------------------------------------------------------------------------------------


def block_regex(path: Path, name: str) -> re.Pattern:
    opening, closing = MARKER_STYLE[path.suffix]
    o, c, n = re.escape(opening), re.escape(closing), re.escape(name)
    begin, end = rf"{o}BEGIN make links: {n}(?=[ \n])[^\n]*", rf"{o}END make links: {n}{c}"
    return re.compile(rf"^(?P<begin>{begin})\n(?P<body>.*?)^{end}[ \t]*$", re.M | re.S)


def find_block(text: str, name: str, path: Path, root: Path) -> re.Match:
    matches = list(block_regex(path, name).finditer(text))
    opening, closing = MARKER_STYLE[path.suffix]
    if len(matches) != 1:
        what = "has no" if not matches else f"has {len(matches)}"
        raise LinkError(
            f"{rel(path, root)} {what} block for the links called '{name}'.",
            f"{rel(path, root)}: the lines `{opening}BEGIN make links: {name}{closing}` and "
            f"`{opening}END make links: {name}{closing}`.",
            "restore the two marker lines where the links belong (e.g. `git checkout` the file), then run make links "
            "again.",
        )
    return matches[0]


def block_names(text: str, path: Path) -> list[str]:
    opening, _ = MARKER_STYLE[path.suffix]
    return re.findall(rf"^{re.escape(opening)}BEGIN make links: (table \S+|[\w-]+)", text, re.M)


def rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


# --- what goes into each block -----------------------------------------------------------------------------------

HOW_TO_MAKE_LINKS = ("**Binder:** no links yet. Whoever publishes the course runs `make links` once (see "
                     "CONTRIBUTING.md, *Publishing the course*): it adds a Binder badge here and a Binder link to "
                     "every notebook.")


def badge(address: Address | None, **_) -> str:
    if address is None:
        return HOW_TO_MAKE_LINKS
    return (f"[![Launch the course on Binder]({BINDER_BADGE})]({address.binder_link(START)}) opens *00 Start here* in "
            "JupyterLab on mybinder.org: nothing to install, but the session is temporary (download your notebooks "
            "to keep them).")


def citation(address: Address | None, **_) -> str:
    import yaml

    if address is None:
        return ""
    text = yaml.safe_dump({"repository-code": address.url}, sort_keys=False, width=1000)
    if address.branch != DEFAULT_BRANCH:
        text += f"# branch: {address.branch}\n"
    return text


def site(address: Address | None, **_) -> str:
    import yaml

    if address is None:
        return ""
    if not address.site_can_launch:
        return (f"# No launch buttons for {address.url}: jupyter-book's theme cannot build a working\n"
                "# Binder link for it (jupyter-book/jupyter-book#2025). README.md and the guides have working links.\n")
    config = {"repository": {"url": address.url, "branch": address.branch},
              "launch_buttons": {"binderhub_url": BINDERHUB, "notebook_interface": "jupyterlab"}}
    return yaml.safe_dump(config, sort_keys=False, width=1000)


def intro(address: Address | None, **_) -> str:
    if address is None:
        return ("To run and change the code, open the course in JupyterLab on your own computer: see the course's "
                "README (`make lab`).")
    return (f"To run and change the code, open the course in JupyterLab: [on Binder]({address.binder_link(START)}), "
            "in your browser with nothing to install (the session is temporary: download your notebooks to keep "
            "them), with the launch button (the rocket) at the top of each lesson, or on your own computer with "
            f"`make lab` (see the README of the [course repository]({address.url})).")


def hub_install(address: Address | None, **_) -> str:
    lines = ["```bash"]
    if address is None:
        lines.append("# in a checkout of the course:")
    else:
        lines += [f"git clone --branch {address.branch} {address.url}   # a checkout of the course",
                  f"cd {address.folder}"]
    lines += ["pip install -r requirements/learner.txt -c requirements/constraints.txt",
              "pip install nbgitpuller",
              "pip install --no-deps .   # the helper package",
              "```"]
    return "\n".join(lines)


def hub_link(address: Address | None, **_) -> str:
    if address is None:
        return ("The link needs the address where the course is published, which is not set yet: whoever publishes "
                "the course runs `make links` once (see CONTRIBUTING.md, *Publishing the course*). After that, "
                "`make hub-link HUB=https://your-hub.example.edu` prints the link for your hub.")
    generator = f"{NBGITPULLER_GENERATOR}?{urlencode({'repo': address.url, 'branch': address.branch})}"
    return "\n".join([
        "In a checkout of the course, `make hub-link HUB=https://your-hub.example.edu` prints the link for your hub.",
        f"Without a checkout, use [nbgitpuller's link generator with the course filled in]({generator}): type your "
        "hub's address, choose **JupyterLab** and the file `notebooks/00_start_here.ipynb`.",
        "",
        f"The link gets the course from {address.url} (branch `{address.branch}`) and opens "
        f"`{address.folder}/notebooks/00_start_here.ipynb`. For a hub at `{EXAMPLE_HUB}` it is:",
        f"`{address.hub_link(EXAMPLE_HUB)}`",
    ])


def send_binder(address: Address | None, **_) -> str:
    if address is None:
        return ("**Binder** (nothing to install): there is no Binder link until the course's address is set; whoever "
                "publishes the course runs `make links` once (see CONTRIBUTING.md, *Publishing the course*).")
    return (f"**Binder** (nothing to install): send [this link]({address.binder_link(START)}), "
            f"`{address.binder_link(START)}`. It opens *00 Start here* in JupyterLab on mybinder.org.")


def send_laptops(address: Address | None, **_) -> str:
    return (f"**Own laptops** (Python 3.11 or newer): send the address of the course's repository"
            f"{', ' + address.url if address else ''}. Learners download or clone it and run `make lab`, or the "
            "conda or pip commands in the top-level `README.md`.")


def link_table(body: str, pattern: str, address: Address | None, path: Path, root: Path) -> str:
    """Add a Binder column to the marked table (or remove it), after checking that every notebook has one row.

    Only the last column is written; the other cells keep their exact text. `pattern` is relative to the folder
    of the Markdown file, like the table's own links.
    """
    where = f"{rel(path, root)}, the table between the `make links: table {pattern}` markers"
    lines = body.strip("\n").split("\n")
    table = [i for i, line in enumerate(lines) if line.startswith("|")]
    if len(table) < 3:
        raise LinkError("the marked table has no rows.", where, "put the Markdown table back between the markers.")
    had_column = split_cells(lines[table[0]])[-1].strip() == "Binder"
    linked: list[str] = []
    for n, i in enumerate(table):
        line = drop_last_cell(lines[i]) if had_column else lines[i].rstrip()
        if n == 0:
            line += " Binder |" if address else ""
        elif n == 1:
            line += " --- |" if address else ""
        else:
            targets = sorted({t for t in LINK.findall(line) if fnmatch.fnmatch(t, pattern)})
            if len(targets) != 1:
                raise LinkError(f"a row of the table links {len(targets)} notebooks matching {pattern}, not one: "
                                f"{line[:70]}...", where,
                                f"make each row link exactly one notebook matching {pattern}.")
            if targets[0] in linked:
                raise LinkError(f"two rows of the table link {targets[0]}.", where, "keep one row per notebook.")
            linked.append(targets[0])
            if address:
                notebook = (path.parent / targets[0]).resolve().relative_to(root.resolve()).as_posix()
                line += f" [open {Path(notebook).name[:2]} on Binder]({address.binder_link(notebook)}) |"
        lines[i] = line
    files = sorted(p.relative_to(path.parent).as_posix() for p in path.parent.glob(pattern)
                   if p.is_file() and not any(fnmatch.fnmatch(p.name, skip) for skip in NOT_LINKED))
    missing, dangling = [f for f in files if f not in linked], [t for t in linked if t not in files]
    if missing:
        example = f"| [{Path(missing[0]).stem.replace('_', ' ')}]({missing[0]}) | ... |"
        raise LinkError(f"{', '.join(missing)} has no row in the table, so it would get no Binder link.", where,
                        f"add a row that links it, e.g. `{example}`, then run make links again.")
    if dangling:
        raise LinkError(f"the table links {', '.join(dangling)}, which does not exist.", where,
                        "correct the row's link or remove the row, then run make links again.")
    return "\n".join(lines)


def split_cells(line: str) -> list[str]:
    return re.split(r"(?<!\\)\|", line.rstrip())[1:-1]


def drop_last_cell(line: str) -> str:
    """'| a | b | c |' -> '| a | b |' (the other cells keep their exact text)."""
    line = line.rstrip()
    cut = [m.start() for m in re.finditer(r"(?<!\\)\|", line)][-2]
    return line[: cut + 1]


RENDERERS = {"address": citation, "site": site, "badge": badge, "intro": intro, "hub-install": hub_install,
             "hub-link": hub_link, "send-binder": send_binder, "send-laptops": send_laptops}


# --- writing and checking ----------------------------------------------------------------------------------------


def render_file(path: Path, root: Path, address: Address | None) -> str:
    """The file's text with every marker block rewritten for `address` (None: no address yet)."""
    text = path.read_text(encoding="utf-8")
    names = block_names(text, path)
    for required in REQUIRED_BLOCKS.get(rel(path, root), []):
        if required not in names:
            find_block(text, required, path, root)  # raises the clear "has no block" message
    for name in names:
        match = find_block(text, name, path, root)
        if name.startswith("table "):
            body = link_table(match.group("body"), name.split(" ", 1)[1], address, path, root)
        elif name in RENDERERS:
            body = RENDERERS[name](address)
        else:
            raise LinkError(f"{rel(path, root)} has a block called '{name}', which make links does not know.",
                            f"{rel(path, root)}: `BEGIN make links: {name}`.",
                            f"use one of {', '.join(sorted(RENDERERS))} or `table GLOB`, or remove the markers.")
        if path.suffix == ".md":  # blank lines around the content keep Markdown from gluing it to the markers
            body = f"\n{body.strip(chr(10))}\n\n"
        elif body and not body.endswith("\n"):
            body += "\n"
        text = text[: match.start("body")] + body + text[match.end("body"):]
    return text


def linked_files(root: Path) -> list[Path]:
    return [root / name for name in REQUIRED_BLOCKS]


def check_yaml(root: Path, texts: dict[Path, str], address: Address | None) -> None:
    """Parse the new YAML before anything is written: the blocks must give exactly the values intended."""
    import yaml

    written = yaml.safe_load(texts[root / CITATION]).get("repository-code")
    site_url = (yaml.safe_load(texts[root / SITE_CONFIG]).get("repository") or {}).get("url")
    want_site = address.url if address and address.site_can_launch else None
    if written != (address.url if address else None) or site_url != want_site:
        raise LinkError(f"the new {CITATION} or {SITE_CONFIG} would not give the intended address (they would say "
                        f"{written!r} and {site_url!r}); nothing was written.",
                        f"{CITATION} and {SITE_CONFIG}: the lines around their `make links` markers.",
                        "check that no other `repository-code:` or `repository:` key is in those files, then run "
                        "make links again.")


def write(root: Path, address: Address | None) -> list[str]:
    texts = {path: render_file(path, root, address) for path in linked_files(root)}
    check_yaml(root, texts, address)
    changed = []
    for path, text in texts.items():
        if path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(rel(path, root))
    return changed


def out_of_date(root: Path) -> list[str]:
    address = read_address(root)
    return [rel(p, root) for p in linked_files(root) if p.read_text(encoding="utf-8") != render_file(p, root, address)]


def check_github(root: Path, environ: dict[str, str]) -> str:
    """CI on GitHub: README's Binder links must open the repository the workflow runs in."""
    repository = environ.get("GITHUB_REPOSITORY", "").strip()
    if not repository:
        raise LinkError("GITHUB_REPOSITORY is not set, so there is nothing to compare README.md's links with.",
                        "python tools/links.py check-github (meant for GitHub Actions, which sets it).",
                        "run it in GitHub Actions, or set GITHUB_REPOSITORY=OWNER/NAME to try it locally.")
    server = environ.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
    here = parse_address(f"{server}/{repository}", None, "GITHUB_SERVER_URL/GITHUB_REPOSITORY")
    readme = (root / "README.md").read_text(encoding="utf-8")
    links = BINDER_LINK.findall(readme)
    todo = (f"in a clone of {here.url} run `make links` (it takes the address from `origin`; or "
            f"`make links REPO={here.url}`), then commit README.md, CITATION.cff, book/ and instructors/.")
    if not links:
        raise LinkError(f"README.md has no Binder links, but this copy of the course is on GitHub as {repository}.",
                        "README.md (the badge under the title and the course tables).", todo)
    elsewhere = sorted({a.url for a in map(address_of_binder_link, links) if not same_repository(a, here)})
    if elsewhere:
        raise LinkError(f"README.md's Binder links open {', '.join(elsewhere)}, not this repository ({here.url}): "
                        "learners would get someone else's copy of the course.",
                        "README.md (the badge under the title and the course tables).", todo)
    return f"README.md: all {len(links)} Binder links open {here.url}."


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    write_cmd = commands.add_parser("write", help="write the address and every link made from it")
    write_cmd.add_argument("--repo", help="the public address, e.g. https://github.com/OWNER/NAME (default: origin)")
    write_cmd.add_argument("--branch", help=f"the branch learners get (default: {DEFAULT_BRANCH})")
    write_cmd.add_argument("--remove", action="store_true", help="remove the address and every link made from it")
    hub_cmd = commands.add_parser("hub-link", help="print the nbgitpuller link for a JupyterHub")
    hub_cmd.add_argument("--hub", default="", help="the hub's address, e.g. https://hub.example.edu")
    commands.add_parser("check", help="fail if any file disagrees with CITATION.cff's address or the notebooks")
    commands.add_parser("check-github", help="fail if README's links do not open $GITHUB_REPOSITORY")
    args = parser.parse_args(argv)
    try:
        if args.command == "write":
            if args.remove:
                address = None
            else:
                given = args.repo or origin_address(root)
                where = "make links REPO=..." if args.repo else "make links (the address of the `origin` remote)"
                address = parse_address(given, args.branch, where)
            changed = write(root, address)
            print(f"make links: {', '.join(changed) if changed else 'nothing'} changed.")
            if address is None:
                print("No address is set now: README.md says how to make the links.")
            else:
                print(f"Address: {address.url} (branch {address.branch}); Binder: {address.binder_link(START)}")
                if not address.site_can_launch:
                    print(f"Note: the website gets no launch buttons for {address.url} (jupyter-book's theme cannot "
                          "build a working Binder link for it); README.md and the guides have working links.")
            if changed:
                print("Commit the changed files. On GitHub, the workflow publishes the website to GitHub Pages once "
                      "Settings > Pages > Source is set to 'GitHub Actions'.")
        elif args.command == "hub-link":
            print(hub_link_command(root, args.hub))
        elif args.command == "check":
            stale = out_of_date(root)
            if stale:
                address = read_address(root)
                raise LinkError(f"{', '.join(stale)} do not match the address in CITATION.cff "
                                f"({address.url if address else 'none set'}) or the notebooks on disk.",
                                "the blocks between `BEGIN make links` and `END make links` markers.",
                                f"run `make links {address.make_args()}`" if address else
                                "run `python tools/links.py write --remove` (no address is set), or make links "
                                "REPO=... to set one.")
            print("links: every marked block agrees with CITATION.cff and the notebooks.")
        elif args.command == "check-github":
            print(check_github(root, dict(os.environ)))
    except LinkError as problem:
        command = {"write": "make links", "hub-link": "make hub-link"}.get(args.command, f"links {args.command}")
        print(f"{command}: {problem}", file=sys.stderr)
        return 1
    return 0


def hub_link_command(root: Path, hub: str) -> str:
    where = "make hub-link HUB=..."
    if not hub.strip():
        raise LinkError("No hub given.", where,
                        "give your JupyterHub's address: make hub-link HUB=https://hub.example.edu")
    parts = urlsplit(hub.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.query or parts.fragment:
        raise LinkError(f"'{hub}' is not a hub's address.", where,
                        "give the address you open the hub with, e.g. HUB=https://hub.example.edu (nothing after "
                        "'?' or '#').")
    address = read_address(root)
    if address is None:
        raise LinkError("The course has no address yet, so a hub would not know where to get it from.",
                        f"{CITATION} (no repository-code).",
                        "run `make links REPO=https://github.com/OWNER/NAME` first (or just `make links` in a clone).")
    return address.hub_link(hub.strip())


if __name__ == "__main__":
    sys.exit(main())
