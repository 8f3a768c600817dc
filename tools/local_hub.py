"""A real JupyterHub on 127.0.0.1 with nbgitpuller, for tests/test_hub.py and for measuring a class (`make hub-bench`).

What runs, all on 127.0.0.1 and all started here: `git daemon` serving a copy of the course over git:// (a school's
git server; `GitServer.plain_files` also serves it as plain files with `python3 -m http.server`), JupyterHub with configurable-http-proxy (npm) and SimpleLocalProcessSpawner (every learner's server is a
local process, with its home in a temporary folder), and nbgitpuller in each learner's server. A learner clicks the
link that `make hub-link` prints: the hub sends them to their server's nbgitpuller page, whose script asks
`git-pull/api` to clone or pull, then opens the notebook. `Learner.follow` does what that page's script does.

Everything is stopped by process id: the process tree under the hub and the git daemon is recorded while it runs,
and every process still alive after the hub has shut down is killed by its pid. Each wait has a deadline.

Usage: python tools/local_hub.py bench [--learners 5]   (make hub-bench; prints the figures of instructors/jupyterhub.md)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PROXY_PACKAGE = ROOT / "tests" / "hub"  # package.json and package-lock.json: `npm ci --prefix tests/hub`
COURSE = "news-course"  # the repository's name on the git server, and so the folder nbgitpuller clones into
NOT_COPIED = (".venv", "build", ".git", "artifacts", "__pycache__", ".pytest_cache", "*.egg-info",
              ".ipynb_checkpoints", "node_modules")


def proxy_command() -> str | None:
    """configurable-http-proxy: the copy `npm ci --prefix tests/hub` installed, else one on PATH."""
    local = PROXY_PACKAGE / "node_modules" / ".bin" / "configurable-http-proxy"
    return str(local) if local.exists() else shutil.which("configurable-http-proxy")


def missing() -> str | None:
    """Why the hub cannot run here (None: it can)."""
    if not proxy_command():
        return "configurable-http-proxy is not installed: run `npm ci --prefix tests/hub` (Node 20 or newer)"
    for module in ("jupyterhub", "nbgitpuller", "websocket", "psutil"):
        try:
            __import__(module)
        except ImportError:
            return f"the Python package {module} is not installed: run `make setup` (requirements/test.txt)"
    if not shutil.which("git"):
        return "git is not installed"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what: str, ready, timeout: float, interval: float = 0.2):
    """Call ready() until it returns something true, or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = ready()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not ready after {timeout:.0f} s")
        time.sleep(interval)


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Teacher", "GIT_AUTHOR_EMAIL": "teacher@example.org",
           "GIT_COMMITTER_NAME": "Teacher", "GIT_COMMITTER_EMAIL": "teacher@example.org", "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True,
                          timeout=60).stdout


class ProcessTree:
    """The processes we started and their descendants, remembered by pid so that each can be stopped by its id."""

    def __init__(self):
        self.roots: list[subprocess.Popen] = []
        self.seen: dict[int, float] = {}  # pid -> create_time (a pid reused later by another process is not ours)

    def start(self, args: list[str], **kwargs) -> subprocess.Popen:
        process = subprocess.Popen(args, start_new_session=True, **kwargs)
        self.roots.append(process)
        self.record()
        return process

    def record(self) -> None:
        import psutil

        for root in self.roots:
            try:
                parent = psutil.Process(root.pid)
                for process in [parent, *parent.children(recursive=True)]:
                    self.seen.setdefault(process.pid, process.create_time())
            except psutil.NoSuchProcess:
                pass

    def stop(self, grace: float = 5) -> list[int]:
        """SIGTERM to every recorded process, wait, then SIGKILL any still alive (and fail if one survives).
        Returns the pids that needed SIGKILL."""
        import psutil

        self.record()
        for pid, created in self.seen.items():  # all at once: the hub, the proxy, each server and its kernels
            try:
                process = psutil.Process(pid)
                if process.create_time() == created:
                    process.terminate()
            except psutil.NoSuchProcess:
                pass
        for root in self.roots:
            try:
                root.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                pass
        killed = []
        for pid, created in self.seen.items():
            try:
                process = psutil.Process(pid)
                if process.create_time() == created and process.status() != psutil.STATUS_ZOMBIE:
                    process.kill()
                    killed.append(process)
            except psutil.NoSuchProcess:
                pass
        for root in self.roots:
            if root.poll() is None:
                root.wait(timeout=grace)
        _, alive = psutil.wait_procs(killed, timeout=grace)
        if alive:
            raise RuntimeError(f"processes still running after SIGKILL: {[p.pid for p in alive]}")
        return [p.pid for p in killed]


class GitServer:
    """A copy of the course as a repository served over git:// by `git daemon`; the teacher commits in `work`."""

    def __init__(self, folder: Path, processes: ProcessTree):
        self.work = folder / "teacher" / COURSE
        self.served = folder / "served"
        shutil.copytree(ROOT, self.work, ignore=shutil.ignore_patterns(*NOT_COPIED))
        git("init", "-q", "-b", "main", cwd=self.work)
        git("add", "-A", cwd=self.work)
        git("commit", "-q", "-m", "The course", cwd=self.work)
        self.served.mkdir()
        git("clone", "-q", "--bare", str(self.work), str(self.served / f"{COURSE}.git"), cwd=folder)
        git("remote", "add", "origin", str(self.served / f"{COURSE}.git"), cwd=self.work)
        self.processes = processes
        self.port = free_port()
        self.process = processes.start(
            ["git", "daemon", "--reuseaddr", "--export-all", "--listen=127.0.0.1", f"--port={self.port}",
             f"--base-path={self.served}", str(self.served)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # the address as a school's server gives it (git daemon also finds news-course.git for news-course)
        self.url = f"git://127.0.0.1:{self.port}/{COURSE}"
        wait_for("git daemon", lambda: subprocess.run(["git", "ls-remote", self.url], capture_output=True,
                                                      timeout=10).returncode == 0, timeout=20)

    def plain_files(self, name: str = "kurs") -> str:
        """The course also as plain files on a web server (`python3 -m http.server`, git's *dumb HTTP*), as a school
        might put it on its website: a bare copy named NAME.git with `git update-server-info` run. Returns its
        address."""
        if not hasattr(self, "plain_url"):
            folder = self.served.parent / "website"
            folder.mkdir()
            git("clone", "-q", "--bare", str(self.served / f"{COURSE}.git"), str(folder / f"{name}.git"), cwd=folder)
            git("update-server-info", cwd=folder / f"{name}.git")
            port = free_port()
            self.processes.start([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port),
                                  "--directory", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.plain_url = f"http://127.0.0.1:{port}/{name}.git"
            wait_for("http.server", lambda: subprocess.run(["git", "ls-remote", self.plain_url], capture_output=True,
                                                           timeout=10).returncode == 0, timeout=20)
        return self.plain_url

    def commit(self, change, message: str) -> None:
        """The teacher changes the course (change(work_folder)), commits and pushes."""
        change(self.work)
        git("add", "-A", cwd=self.work)
        git("commit", "-q", "-m", message, cwd=self.work)
        git("push", "-q", "origin", "main", cwd=self.work)


class Hub:
    """JupyterHub on 127.0.0.1 with configurable-http-proxy and SimpleLocalProcessSpawner; learners' homes in `homes`."""

    def __init__(self, folder: Path, processes: ProcessTree, environment: dict[str, str] | None = None):
        import requests

        self.folder, self.homes = folder, folder / "homes"
        self.port, self.token = free_port(), secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.api = requests.Session()
        self.api.headers["Authorization"] = f"token {self.token}"
        singleuser = [str(Path(sys.executable).with_name("jupyterhub-singleuser"))]
        if os.geteuid() == 0:
            singleuser.append("--allow-root")  # Jupyter refuses root unless told (CI runs as root)
        config = {
            "JupyterHub": {"ip": "127.0.0.1", "port": self.port, "hub_ip": "127.0.0.1", "hub_port": free_port(),
                           "spawner_class": "simple", "authenticator_class": "dummy",
                           "db_url": f"sqlite:///{folder / 'jupyterhub.sqlite'}",
                           "services": [{"name": "teacher", "api_token": self.token}],
                           "load_roles": [{"name": "teacher", "services": ["teacher"], "scopes": [
                               "admin:users", "admin:servers", "admin:server_state", "tokens", "list:users"]}]},
            "ConfigurableHTTPProxy": {"command": [proxy_command()], "api_url": f"http://127.0.0.1:{free_port()}",
                                      "pid_file": str(folder / "proxy.pid")},
            "Spawner": {"cmd": singleuser, "default_url": "/lab", "start_timeout": 60, "http_timeout": 60,
                        "environment": {"JUPYTER_PREFER_ENV_PATH": "1", **(environment or {})}},
            "SimpleLocalProcessSpawner": {"home_dir_template": str(self.homes / "{username}")},
        }
        (folder / "jupyterhub_config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
        self.log = open(folder / "jupyterhub.log", "w", encoding="utf-8")  # noqa: SIM115 (closed in stop)
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
        self.process = processes.start([sys.executable, "-m", "jupyterhub", "-f", str(folder / "jupyterhub_config.json")],
                                        cwd=folder, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        wait_for("JupyterHub", lambda: self._up(), timeout=60)

    def _up(self) -> bool:
        import requests

        if self.process.poll() is not None:
            raise RuntimeError(f"JupyterHub stopped: see {self.folder / 'jupyterhub.log'}\n{self.log_tail()}")
        try:
            return self.api.get(f"{self.url}/hub/api/", timeout=5).status_code == 200
        except requests.ConnectionError:
            return False

    def log_tail(self, lines: int = 30) -> str:
        self.log.flush()
        return "\n".join((self.folder / "jupyterhub.log").read_text(encoding="utf-8").splitlines()[-lines:])

    def call(self, method: str, path: str, **kwargs):
        response = self.api.request(method, f"{self.url}/hub/api{path}", timeout=30, **kwargs)
        if response.status_code >= 400:
            raise RuntimeError(f"{method} /hub/api{path}: {response.status_code} {response.text[:300]}")
        return response.json() if response.content else None

    def add_learners(self, names: list[str]) -> list[Learner]:
        self.call("POST", "/users", json={"usernames": names})
        return [Learner(self, name) for name in names]

    def start_servers(self, learners: list[Learner], timeout: float = 90) -> float:
        """Start every learner's server at once (as a teacher does before class); seconds until all are ready."""
        started = time.monotonic()
        # each request waits for its server up to JupyterHub's slow_spawn_timeout (10 s): send them all at once
        requests = [threading.Thread(target=self.call, args=("POST", f"/users/{learner.name}/server")) for learner in learners]
        for request in requests:
            request.start()
        for request in requests:
            request.join(timeout)
        for learner in learners:
            wait_for(f"{learner.name}'s server", lambda learner=learner: self.server(learner).get("ready"), timeout)
        return time.monotonic() - started

    def server(self, learner: Learner) -> dict:
        return self.call("GET", f"/users/{learner.name}")["servers"].get("", {})


class Learner:
    """A learner: a browser-like session (cookies) for pages and links, and a token for the server's API."""

    def __init__(self, hub: Hub, name: str):
        import requests

        self.hub, self.name, self.home = hub, name, hub.homes / name
        token = hub.call("POST", f"/users/{name}/tokens", json={"note": "test learner", "expires_in": 3600})["token"]
        self.session = requests.Session()  # the server's API, as JupyterLab calls it
        self.session.headers["Authorization"] = f"token {token}"
        self.token = token
        self.browser = requests.Session()  # pages, with the hub's login cookie (DummyAuthenticator: any password)

    @property
    def server_url(self) -> str:
        return f"{self.hub.url}/user/{self.name}"

    def follow(self, link: str, timeout: float = 120) -> tuple[str, list[str]]:
        """Open an nbgitpuller link as a browser would, and run what its page's script runs: the hub redirects to the
        learner's server, the page asks git-pull/api to clone or pull (a stream of events), then opens its path.
        Returns the path opened (relative to the server) and the output of the pull."""
        page = self.browser.get(link, timeout=30)
        page.raise_for_status()
        if urlsplit(page.url).path == "/hub/login":  # not logged in yet: the hub's login form, then on to the link
            xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page.text)
            form = {"username": self.name, "password": "", **({"_xsrf": xsrf.group(1)} if xsrf else {})}
            page = self.browser.post(page.url, data=form, timeout=60)
            page.raise_for_status()
        if "/git-pull" not in urlsplit(page.url).path:
            raise RuntimeError(f"the link led to {page.url}, not to nbgitpuller")
        data = {key: unquote(value) for key, value in re.findall(r'data-([a-z-]+)="([^"]*)"', page.text)}
        query = {"repo": data["repo"], "targetpath": data["targetpath"]}
        query.update({key: data[key] for key in ("branch", "depth") if key in data})
        output, phase = [], None
        with self.session.get(f"{self.server_url}/git-pull/api", params=query, stream=True, timeout=timeout) as stream:
            deadline = time.monotonic() + timeout
            for line in stream.iter_lines(decode_unicode=True):
                if line.startswith("data: "):
                    event = json.loads(line[len("data: "):])
                    phase = event.get("phase")
                    output.append(event.get("output") or event.get("message") or "")
                    if phase in ("finished", "error"):
                        break
                if time.monotonic() > deadline:
                    raise TimeoutError(f"nbgitpuller did not finish within {timeout} s")
        if phase != "finished":
            raise RuntimeError(f"nbgitpuller: {phase}: {''.join(output)[-2000:]}")
        opened = self.browser.get(f"{self.hub.url}{data['base-url']}{data['path']}", timeout=30)
        opened.raise_for_status()
        return data["path"], output

    def contents(self, path: str) -> dict:
        response = self.session.get(f"{self.server_url}/api/contents/{path}", timeout=30)
        response.raise_for_status()
        return response.json()

    def save(self, path: str, model: dict) -> None:
        response = self.session.put(f"{self.server_url}/api/contents/{path}", json=model, timeout=30)
        response.raise_for_status()

    @contextmanager
    def kernel(self, notebook: str):
        """A kernel for `notebook`, started as JupyterLab starts one (a session: it runs in the notebook's folder)."""
        import websocket

        response = self.session.post(f"{self.server_url}/api/sessions", timeout=60, json={
            "path": notebook, "name": Path(notebook).name, "type": "notebook", "kernel": {"name": "python3"}})
        response.raise_for_status()
        session = response.json()
        url = f"{self.server_url.replace('http://', 'ws://')}/api/kernels/{session['kernel']['id']}/channels"
        connection = websocket.create_connection(url, header=[f"Authorization: token {self.token}"], timeout=60)
        try:
            yield KernelClient(connection)
        finally:
            connection.close()
            self.session.delete(f"{self.server_url}/api/sessions/{session['id']}", timeout=30)

    def run_notebook(self, notebook: str, timeout: float = 120) -> list[str]:
        """Run every code cell of a notebook in its own kernel through the server's API; the errors, if any."""
        cells = self.contents(notebook)["content"]["cells"]
        errors = []
        with self.kernel(notebook) as kernel:
            for number, cell in enumerate(cells, start=1):
                if cell["cell_type"] == "code":
                    errors += [f"cell {number}: {e}" for e in kernel.execute("".join(cell["source"]), timeout)]
        return errors


class KernelClient:
    """Jupyter's messaging protocol over the server's websocket, just enough to run cells and collect errors."""

    def __init__(self, connection):
        self.connection, self.session = connection, uuid.uuid4().hex

    def execute(self, code: str, timeout: float) -> list[str]:
        msg_id = uuid.uuid4().hex
        self.connection.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "session": self.session, "username": "",
                       "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        errors, replied, idle = [], False, False
        deadline = time.monotonic() + timeout
        while not (replied and idle):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the kernel did not answer within {timeout} s")
            message = json.loads(self.connection.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["header"]["msg_type"], message["content"]
            if kind == "error":
                errors.append(f"{content['ename']}: {content['evalue']}")
            elif kind == "stream" and content.get("name") == "stderr" and "Traceback" in content.get("text", ""):
                errors.append(content["text"][-300:])
            elif kind == "execute_reply":
                replied = True
                if content["status"] != "ok" and not errors:
                    errors.append(f"{content.get('ename', content['status'])}: {content.get('evalue', '')}")
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        return errors


def hub_link(hub: str, repo: str, *extra: str) -> str:
    """The link `make hub-link` prints (run as a teacher runs it, in the course folder; it changes no file)."""
    result = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "hub-link", f"HUB={hub}",
                             f"REPO={repo}", *extra], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError(f"make hub-link failed: {result.stderr}")
    return result.stdout.strip().splitlines()[-1]


@contextmanager
def class_of(learners: int, environment: dict[str, str] | None = None):
    """A git server with the course, a hub, and `learners` learners (not started yet): yields (git, hub, learners)."""
    processes = ProcessTree()
    folder = Path(tempfile.mkdtemp(prefix="newscheck-hub-"))
    hub = None
    try:
        served = GitServer(folder, processes)
        (folder / "hub").mkdir()
        hub = Hub(folder / "hub", processes, environment)
        names = [f"learner{n}" for n in range(1, learners + 1)]
        record = threading.Event()

        def keep_recording():  # kernels come and go: remember every process, so that stop() can kill leftovers
            while not record.wait(0.5):
                processes.record()

        recorder = threading.Thread(target=keep_recording, daemon=True)
        recorder.start()
        try:
            yield served, hub, hub.add_learners(names)
        finally:
            record.set()
            recorder.join(timeout=5)
    finally:
        processes.stop()
        if hub is not None:
            hub.log.close()
        shutil.rmtree(folder, ignore_errors=True)


# --- measuring a class ----------------------------------------------------------------------------------------------


def memory_of(learner: Learner, hub: Hub) -> tuple[float, float]:
    """(PSS, RSS) in MiB of a learner's server process and everything under it (its kernels)."""
    import psutil

    pid = hub.call("GET", f"/users/{learner.name}")["servers"][""]["state"]["pid"]
    tree = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    pss = sum(p.memory_full_info().pss for p in tree) / 2**20
    rss = sum(p.memory_info().rss for p in tree) / 2**20
    return pss, rss


def bench(learners: int) -> None:
    two = ["notebooks/02_who_says_what.ipynb", "notebooks/04_plot_the_loss_figures.ipynb"]
    with class_of(learners) as (served, hub, people):
        print(f"{learners} learners, {os.cpu_count()} cores; git:// server {served.url}")
        print(f"all {learners} servers started at once: ready after {hub.start_servers(people):.1f} s")
        link = hub_link(hub.url, served.url)
        times: dict[str, float] = {}

        first_cell: dict[str, float] = {}

        def click(learner: Learner):
            """The link, then what JupyterLab does when the notebook opens and the learner runs its first code cell:
            a kernel for it (a session in its folder), and that cell. (The browser's loading of JupyterLab's page,
            a few seconds more, is not in it.)"""
            started = time.monotonic()
            path, _ = learner.follow(link)
            notebook = unquote(path).removeprefix("lab/tree/")
            wait_for("the notebook on disk", (learner.home / notebook).is_file, timeout=30, interval=0.05)
            times[learner.name] = time.monotonic() - started
            code = next("".join(c["source"]) for c in learner.contents(notebook)["content"]["cells"]
                        if c["cell_type"] == "code")
            with learner.kernel(notebook) as kernel:
                if not kernel.execute(code, 120):
                    first_cell[learner.name] = time.monotonic() - started

        threads = [threading.Thread(target=click, args=(p,)) for p in people]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=180)
        print("link to start notebook on disk, all clicking at once: "
              + ", ".join(f"{times[p.name]:.1f} s" for p in people if p.name in times))
        print("link to the start notebook's first code cell run (kernel started, no browser): "
              + ", ".join(f"{first_cell[p.name]:.1f} s" for p in people if p.name in first_cell))
        started = time.monotonic()
        again = people[0].follow(link)[1]
        print(f"clicking the link again (a pull, nothing new): {time.monotonic() - started:.1f} s; {len(again)} events")
        # two notebooks open and run by every learner: sample the process trees while the kernels are alive
        peaks: dict[str, tuple[float, float]] = {}
        errors: dict[str, list[str]] = {}

        def two_notebooks(learner: Learner):
            done = threading.Event()

            def sample():  # the highest PSS (and RSS) of the learner's process tree, every 0.5 s while it runs
                import psutil

                while True:
                    try:
                        now = memory_of(learner, hub)
                    except psutil.Error:  # a process that ended between listing and reading: the next sample counts
                        now = (0, 0)
                    old = peaks.get(learner.name, (0, 0))
                    peaks[learner.name] = (max(old[0], now[0]), max(old[1], now[1]))
                    if done.wait(0.5):
                        return

            sampler = threading.Thread(target=sample)
            with learner.kernel(f"{COURSE}/{two[0]}") as first, learner.kernel(f"{COURSE}/{two[1]}") as second:
                sampler.start()
                found = []
                for kernel, notebook in [(first, two[0]), (second, two[1])]:
                    cells = learner.contents(f"{COURSE}/{notebook}")["content"]["cells"]
                    for cell in cells:
                        if cell["cell_type"] == "code":
                            found += kernel.execute("".join(cell["source"]), 120)
                errors[learner.name] = found
                time.sleep(1)
                done.set()
                sampler.join(timeout=30)

        threads = [threading.Thread(target=two_notebooks, args=(p,)) for p in people]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=600)
        for p in people:
            pss, rss = peaks.get(p.name, (float("nan"), float("nan")))
            print(f"{p.name}: server + 2 kernels ({', '.join(Path(n).stem for n in two)}, run), highest of samples "
                  f"every 0.5 s: PSS {pss:.0f} MiB, RSS {rss:.0f} MiB; errors: {errors.get(p.name)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    measure = commands.add_parser("bench", help="start a class on a local hub and print the figures")
    measure.add_argument("--learners", type=int, default=5)
    args = parser.parse_args(argv)
    reason = missing()
    if reason:
        print(f"hub-bench: {reason}.", file=sys.stderr)
        return 1
    bench(args.learners)
    return 0


if __name__ == "__main__":
    sys.exit(main())
