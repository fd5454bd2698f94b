"""Lighthouse mobile scores of the public site: home, offer, measure, funding, search in de and ar.

    python bench/lighthouse.py [--runs 1]

Builds a scratch copy of the demo (SQLite, its own var and static folders in a temp dir),
serves it with gunicorn (2 workers, DEBUG off, static files from WhiteNoise: hashed and
pre-compressed), installs the pinned Lighthouse into .tools/lighthouse with npm if missing
(needs Node 18.16 or newer), runs it with Debian's Chromium in its default mobile mode
(simulated slow 4G, 4x CPU slowdown) and appends the scores to bench/RESULTS.md. The bound
to compare with is the target itself: 100 in every category. With --runs above 1 the median
of each category is reported; "below 1" names the performance metrics that did not score
full marks (value and score). `--only "home de"` scores one page. Run it on an otherwise
idle machine.
"""

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
LIGHTHOUSE_VERSION = "12.8.2"
LIGHTHOUSE_DIR = ROOT / ".tools" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
COLUMNS = [*CATEGORIES, "below 1"]
LANGUAGES = ["de", "ar"]
# Page types to score, found in the demo by model; the search runs a query with results.
PAGE_MODELS = {
    "home": "HomePage",
    "offer": "OfferPage",
    "measure": "MeasurePage",
    "funding": "FundingSourcePage",
}

URLS_SCRIPT = """
import json, sys
import django
django.setup()
from site_pages import models as m
models = json.loads(sys.argv[1])
urls = {}
for language in json.loads(sys.argv[2]):
    for name, model in models.items():
        page = getattr(m, model).objects.live().public().filter(
            locale__language_code=language).order_by("path").first()
        urls[f"{name} {language}"] = page.url
    urls[f"search {language}"] = f"/{language}/suche/?q=Beratung"
print(json.dumps(urls))
"""


def install_lighthouse() -> None:
    """Install the pinned Lighthouse into .tools/lighthouse unless it is there already."""
    if LIGHTHOUSE.exists():
        return
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(LIGHTHOUSE_DIR),
         f"lighthouse@{LIGHTHOUSE_VERSION}"],
        check=True,
    )  # fmt: skip


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare_site(folder: Path) -> dict[str, str]:
    """Environment for a scratch demo in `folder`: migrated, loaded, static files collected."""
    env = {
        **os.environ,
        "TEILHABE_VAR_DIR": str(folder / "var"),
        "STATIC_ROOT": str(folder / "static"),
        "DEBUG": "0",
        "DJANGO_SETTINGS_MODULE": "cms.settings",
    }
    env.pop("DATABASE_URL", None)
    env.pop("SEARCH_URL", None)
    for command in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [str(PYTHON), "manage.py", *command, "--verbosity", "0"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return env


def wait_until_up(url: str, seconds: float = 30) -> None:
    """Return once `url` answers, or fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds} s")


# The performance metrics Lighthouse weighs, with the unit their numeric value is shown in.
METRICS = {
    "first-contentful-paint": ("FCP", "ms"),
    "largest-contentful-paint": ("LCP", "ms"),
    "speed-index": ("SI", "ms"),
    "total-blocking-time": ("TBT", "ms"),
    "cumulative-layout-shift": ("CLS", ""),
}


def score(url: str, output: Path) -> dict[str, int | str]:
    """One Lighthouse mobile run of `url`: the four category scores out of 100.

    `"below 1"` names each performance metric that scored less than full marks, with its
    value and score (what costs the performance points), or "-".

    Lighthouse sometimes fails to record a trace (NO_NAVSTART); such a run is repeated, up
    to three attempts.
    """
    for attempt in range(3):
        finished = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
             "--form-factor=mobile", f"--only-categories={','.join(CATEGORIES)}",
             "--chrome-flags=--headless=new --no-sandbox"],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
        )  # fmt: skip
        if finished.returncode == 0:
            break
        print(f"lighthouse failed on {url} (attempt {attempt + 1})", file=sys.stderr)
    else:
        raise SystemExit(f"lighthouse failed three times on {url}")
    report = json.loads(output.read_text())
    scores: dict[str, int | str] = {
        name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES
    }
    missed = []
    for audit_id, (label, unit) in METRICS.items():
        audit = report["audits"][audit_id]
        if audit["score"] is not None and audit["score"] < 1:
            value = audit["numericValue"]
            shown = f"{value:.0f} {unit}" if unit else f"{value:.3f}"
            missed.append(f"{label} {shown} ({audit['score']:.2f})")
    scores["below 1"] = ", ".join(missed) or "-"
    return scores


def main() -> int:
    """Serve a scratch demo, score each page, print the table and append it to RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median reported)")
    parser.add_argument(
        "--only", action="append", help='score only this page, e.g. --only "home de"; repeatable'
    )
    args = parser.parse_args()
    if shutil.which("npm") is None:
        raise SystemExit("npm is missing: Lighthouse needs Node 18.16 or newer")
    install_lighthouse()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="teilhabe-lighthouse-") as scratch:
        folder = Path(scratch)
        env = prepare_site(folder)
        urls = json.loads(
            subprocess.run(
                [str(PYTHON), "-c", URLS_SCRIPT, json.dumps(PAGE_MODELS), json.dumps(LANGUAGES)],
                cwd=ROOT, env=env, check=True, capture_output=True, text=True,
            ).stdout
        )  # fmt: skip
        port = free_port()
        server = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "cms.wsgi", "--workers", "2",
             "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base + "/de/")
            rows = []
            for name, path in urls.items():
                if args.only and name not in args.only:
                    continue
                runs = [score(base + path, folder / "report.json") for _ in range(args.runs)]
                medians = {c: int(statistics.median(r[c] for r in runs)) for c in CATEGORIES}
                medians["below 1"] = "; ".join(sorted({r["below 1"] for r in runs}))
                rows.append((name, path, medians))
                print(name, path, " ".join(f"{c}={medians[c]}" for c in COLUMNS), flush=True)
        finally:
            server.terminate()
            server.wait(timeout=10)
    load_after = os.getloadavg()
    write_results(rows, args.runs, load_before, load_after)
    return 0


def write_results(rows: list, runs: int, load_before: tuple, load_after: tuple) -> None:
    """Append this run's table to bench/RESULTS.md."""
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout
    lines = [
        "",
        f"## Lighthouse {LIGHTHOUSE_VERSION}, mobile, demo content ({date.today().isoformat()})",
        "",
        f"`python bench/lighthouse.py --runs {runs}`: gunicorn 2 workers, DEBUG off, SQLite, "
        f"static files from WhiteNoise; {chromium.strip()}, Node {node}; "
        f"{platform.machine()}, {os.cpu_count()} cores; load average "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after. Target (upper bound): 100.",
        "",
        "| page | path | " + " | ".join(COLUMNS) + " |",
        "|---|---|" + "---|" * len(COLUMNS),
    ]
    for name, path, scores in rows:
        figures = " | ".join(str(scores[column]) for column in COLUMNS)
        lines.append(f"| {name} | `{path}` | {figures} |")
    with open(ROOT / "bench" / "RESULTS.md", "a", encoding="utf-8") as results:
        results.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
