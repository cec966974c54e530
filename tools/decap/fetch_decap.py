"""Fetch Decap CMS's browser bundle from the npm registry, pinned and verified.

The `decap-cms` package declares React and the whole of Decap's source tree as
dependencies, none of which the prebuilt bundle needs: `npm ci` would install
hundreds of packages to use one folder. This script asks npm for the one tarball
(`npm pack decap-cms@<version>`), checks its sha512 against the integrity pinned in
`package.json` (field `wiazki.decap-cms`, the value npm's own lock files record),
and extracts only the scripts and styles of `dist/` (no source maps) into
`vendor/decap-cms/`. Nothing here is committed: `make` runs it on a fresh machine.

Exit codes: 0 done (or already there), 1 the tarball does not match the pin,
2 npm is missing or failed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "vendor" / "decap-cms"
#: What the browser loads: the entry script, its lazily loaded chunks, the licence notice.
WANTED_SUFFIXES = (".decap-cms.js", "decap-cms.js", "decap-cms.js.LICENSE.txt")


def pin() -> tuple[str, str]:
    """(version, integrity) from package.json; KeyError when the pin is missing."""
    meta = json.loads((HERE / "package.json").read_text(encoding="utf-8"))
    entry = meta["wiazki"]["decap-cms"]
    return entry["version"], entry["integrity"]


def sri(data: bytes) -> str:
    """The Subresource Integrity string npm records: `sha512-` and base64 of the digest."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def main() -> int:
    version, integrity = pin()
    stamp = TARGET / ".version"
    if stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == f"{version} {integrity}":
        return 0
    npm = shutil.which("npm")
    if npm is None:
        print(
            "fetch_decap: brak npm – edytor /admin/ nie zostanie zbudowany (zainstaluj Node.js z npm)",
            file=sys.stderr,
        )
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [npm, "pack", f"decap-cms@{version}", "--silent", "--pack-destination", tmp],
            capture_output=True,
            text=True,
            check=False,
        )
        tarballs = list(Path(tmp).glob("*.tgz"))
        if done.returncode != 0 or len(tarballs) != 1:
            print(f"fetch_decap: npm pack decap-cms@{version} nie powiódł się:\n{done.stderr}", file=sys.stderr)
            return 2
        data = tarballs[0].read_bytes()
        if sri(data) != integrity:
            print(
                f"fetch_decap: decap-cms@{version} ma sumę {sri(data)}, a przypięta to {integrity}; "
                "nic nie rozpakowano",
                file=sys.stderr,
            )
            return 1
        if TARGET.exists():
            shutil.rmtree(TARGET)
        TARGET.mkdir(parents=True)
        with tarfile.open(tarballs[0]) as tar:
            for member in tar.getmembers():
                name = member.name.removeprefix("package/dist/")
                if member.isfile() and "/" not in name and name.endswith(WANTED_SUFFIXES):
                    source = tar.extractfile(member)
                    assert source is not None
                    (TARGET / name).write_bytes(source.read())
    stamp.write_text(f"{version} {integrity}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
