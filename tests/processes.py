"""Run the project in fresh interpreters with a clean environment, as a newcomer would.

Besides one-off runs, this starts several processes at once (workers racing each other) and
serves the site from a process of its own, so that tests can send it truly concurrent
requests.
"""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from django.db import connection, connections

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_environment(env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """Only PATH, HOME, the settings module, a private var dir and `env`."""
    return {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "TEILHABE_VAR_DIR": str(tmp_path / "var"),
        **env,
    }


def run_python(
    args: list[str], env: dict[str, str], tmp_path: Path, timeout: int = 120
) -> subprocess.CompletedProcess:
    """Run Python in a clean environment (only PATH, HOME and `env`) from the project root."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=clean_environment(env, tmp_path),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def start_python(args: list[str], env: dict[str, str], tmp_path: Path) -> subprocess.Popen:
    """Start Python like `run_python`, without waiting for it."""
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        env=clean_environment(env, tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish_all(processes: list[subprocess.Popen], timeout: int = 180) -> list[tuple[str, str]]:
    """Wait for every process; their (stdout, stderr). Processes still running are killed."""
    outputs = []
    try:
        for process in processes:
            outputs.append(process.communicate(timeout=timeout))
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.communicate()
    return outputs


def _answers(port: int) -> bool:
    """Whether an HTTP server answers on 127.0.0.1:`port`."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("HEAD", "/")
        connection.getresponse()
    except OSError:
        return False
    finally:
        connection.close()
    return True


@contextlib.contextmanager
def serving(env: dict[str, str], tmp_path: Path) -> Iterator[str]:
    """The site served by `manage.py runserver` (one thread per request); yields its base URL."""
    port = free_port()
    server = start_python(
        ["manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
        env,
        tmp_path,
    )
    try:
        deadline = time.monotonic() + 60
        while not _answers(port):
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                _out, err = server.communicate()
                raise RuntimeError(f"the server did not start: {err[-3000:]}")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.communicate()


def database_url() -> str:
    """The test database (PostgreSQL) as a URL for another process."""
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def in_own_connection(work: Callable[[], object]) -> None:
    """Run `work` in a thread, i.e. on a separate, autocommitting database connection.

    What it writes is committed, so other processes (and the test, on PostgreSQL) see it.
    """
    errors = []

    def run() -> None:
        try:
            work()
        except Exception as error:  # reported in the test's thread
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
