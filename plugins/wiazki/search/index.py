"""Writing the Pagefind index of a built site (PyPI `pagefind[bin]`: the Pagefind binary, MIT).

`write_index` writes each record as a small HTML document into a temporary folder
and runs the Pagefind binary over it, with the index going into
`<site_dir>/pagefind/`: only ever into a built site, never into the repository.
Pagefind loads, per query, only the index chunks holding the query's words and
the fragments of the results shown.

The binary is run as a command, not through the package's Python service: the
service's `write_files` answers before every file is on disk, and closing it then
left `pagefind-worker.js` empty in about one build out of three (seen with 1.5.2).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wiazki.search.records import SearchRecord, pagefind_html

#: The folder of the index inside the built site; assets/search.js loads it from there.
INDEX_DIR = "pagefind"

#: Files Pagefind writes for its own ready-made interfaces; our script uses none of them.
_UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the message is Polish and names the cause."""


@dataclass(frozen=True)
class IndexStats:
    records: int
    #: Seconds spent writing the documents and running Pagefind.
    seconds: float
    #: Bytes of the index folder on disk.
    size: int


def pagefind_executable() -> Path:
    """The Pagefind binary of the `pagefind_bin` package; SearchIndexError when it is missing."""
    try:
        import pagefind_bin

        return Path(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError) as exc:
        raise SearchIndexError(
            "brak programu Pagefind (pakiet pagefind[bin]); zainstaluj zależności: make install"
        ) from exc


def _document_path(url: str) -> str:
    """The file Pagefind must read to give a result `url` (site-relative, no leading slash)."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def write_index(records: Iterable[SearchRecord], site_dir: Path, timeout: float = 600) -> IndexStats:
    """Index `records` into `site_dir/pagefind/` (replacing an earlier index there).

    Raises SearchIndexError when the binary is missing, fails or runs over `timeout` seconds.
    """
    executable = pagefind_executable()
    out = Path(site_dir).resolve() / INDEX_DIR
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    count = 0
    with tempfile.TemporaryDirectory(prefix="wiazki-search-") as tmp:
        for record in records:
            path = Path(tmp) / _document_path(record.url)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(pagefind_html(record), encoding="utf-8")
            count += 1
        command = [str(executable), "--site", tmp, "--output-path", str(out), "--force-language", "pl", "--silent"]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SearchIndexError(f"Pagefind nie zbudował indeksu wyszukiwarki: {exc}") from exc
    if done.returncode != 0 or not (out / "pagefind.js").is_file():
        detail = (done.stderr or done.stdout).strip()[-500:]
        raise SearchIndexError(f"Pagefind nie zbudował indeksu wyszukiwarki (kod {done.returncode}): {detail}")
    for name in _UNUSED:
        (out / name).unlink(missing_ok=True)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return IndexStats(count, time.perf_counter() - start, size)
