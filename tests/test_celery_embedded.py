"""On the embedded default (no Redis) Celery still delivers tasks to a real worker."""

from tests.processes import run_python

WORKER_SCRIPT = """
import os, pathlib, time
import django
django.setup()
from celery.contrib.testing.worker import start_worker
from cms.celery import app

marker = pathlib.Path(os.environ["MARKER"])

@app.task(name="tests.touch")
def touch(path):
    pathlib.Path(path).write_text("delivered")

touch.delay(str(marker))  # queued before any worker runs: the message waits on disk
queued = sorted(os.listdir(os.environ["TEILHABE_VAR_DIR"] + "/celery/queue"))
with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING"):
    deadline = time.monotonic() + 30
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
print(app.conf.broker_url, len(queued), marker.read_text() if marker.exists() else "missing")
"""


def test_filesystem_broker_delivers_a_task_to_a_real_worker(tmp_path):
    marker = tmp_path / "marker.txt"
    result = run_python(["-c", WORKER_SCRIPT], {"MARKER": str(marker)}, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "filesystem:// 1 delivered"
