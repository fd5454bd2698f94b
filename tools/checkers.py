"""Fetch the pinned page checkers for the accessibility tests from the npm registry.

axe-core (MPL-2.0) runs the WCAG 2.1 A/AA rules inside headless Chromium; the Nu Html Checker
(npm `vnu-jar`, MIT) validates the HTML and needs Java. Neither is shipped with the site, so
they live in .tools/checkers/ (not committed). `make test` calls this; it downloads only when
a file is missing, and every tarball must match the registry's integrity value pinned here.

    .venv/bin/python tools/checkers.py          # fetch what is missing, print the paths
"""

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKERS_DIR = ROOT / ".tools" / "checkers"


@dataclass(frozen=True)
class Checker:
    """One npm package, pinned by version and integrity, and the file the tests use from it."""

    package: str
    version: str
    integrity: str
    member: str  # path inside the tarball
    filename: str  # name under .tools/checkers/

    @property
    def tarball_url(self) -> str:
        """Where the npm registry serves this version."""
        return f"https://registry.npmjs.org/{self.package}/-/{self.package}-{self.version}.tgz"

    @property
    def path(self) -> Path:
        """The extracted file, with the version in its name so a new pin fetches again."""
        stem, dot, suffix = self.filename.partition(".")
        return CHECKERS_DIR / f"{stem}-{self.version}{dot}{suffix}"


AXE = Checker(
    package="axe-core",
    version="4.14.1",
    integrity=(
        "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NP"
        "jCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
    ),
    member="package/axe.min.js",
    filename="axe.min.js",
)
VNU = Checker(
    package="vnu-jar",
    version="26.9.27",
    integrity=(
        "sha512-TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxB"
        "exLz9+rS2DNtjn7+RPUiZhgli0SghgBX6RJRNea0KA=="
    ),
    member="package/build/dist/vnu.jar",
    filename="vnu.jar",
)
CHECKERS = (AXE, VNU)


def _verified(data: bytes, integrity: str) -> bytes:
    """`data` if its sha512 matches the npm `integrity` value, else SystemExit."""
    algorithm, _, expected = integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        raise SystemExit(f"integrity mismatch: expected {integrity}, got {algorithm}-{actual}")
    return data


def fetch(checker: Checker) -> Path:
    """The checker's file, downloaded, verified and extracted first if it is missing."""
    if checker.path.exists():
        return checker.path
    with urllib.request.urlopen(checker.tarball_url, timeout=120) as response:
        data = _verified(response.read(), checker.integrity)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        extracted = archive.extractfile(checker.member)
        if extracted is None:
            raise SystemExit(f"{checker.member} is not a file in {checker.tarball_url}")
        content = extracted.read()
    CHECKERS_DIR.mkdir(parents=True, exist_ok=True)
    partial = checker.path.with_suffix(checker.path.suffix + ".part")
    partial.write_bytes(content)
    partial.replace(checker.path)
    return checker.path


def main() -> int:
    """Fetch every checker that is missing and print where each one is."""
    for checker in CHECKERS:
        print(f"{checker.package} {checker.version}: {fetch(checker).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
