"""Writing the Pagefind index of a built site (PyPI `pagefind[bin]`: the Pagefind binary, MIT).

`IndexJob` writes each record as a small HTML document into a temporary folder and
runs the Pagefind binary over it in the background (a generator starts it as soon as
it knows the records and finishes it after the build, so that it runs on another
core while pages render); the index goes into `<site_dir>/pagefind/`: only ever into
a built site, never into the repository. `write_index` does both at once. The
temporary folders and Pagefind runs never outlive the build, however it ends: scratch.py.
Pagefind loads, per query, only the index chunks holding the query's words and
the fragments of the results shown.

The binary is run as a command, not through the package's Python service: the
service's `write_files` answers before every file is on disk, and closing it then
left `pagefind-worker.js` empty in about one build out of three (seen with 1.5.2).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from wiazki import termination
from wiazki.search import bundle_words, dictionary, scratch
from wiazki.search.forms import WordForms
from wiazki.search.records import SearchRecord, pagefind_html
from wiazki.search.scratch import documents_folder, documents_of, remove_documents

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


@dataclass(frozen=True)
class PreparedDocuments:
    """The documents Pagefind will read, written to `folder/documents/` (a temporary
    folder the `IndexJob` made of them removes)."""

    folder: Path
    count: int


def prepare_documents(
    records: Iterable[SearchRecord], forms: WordForms | None = None, folder: Path | None = None
) -> PreparedDocuments:
    """Write one small HTML document per record into `folder` (from `documents_folder`;
    a new one when None, removed again if writing fails), and with `forms` (the word
    forms the records were made with) their dictionary and word files (`write_dictionary`),
    which `IndexJob.finish` puts beside the index.

    Separate from starting Pagefind so that another process can do it (wiazki/cores.py):
    that process writes into a folder this one made, so that this one removes it."""
    if folder is None:
        folder = documents_folder()
        try:
            return prepare_documents(records, forms, folder)
        except BaseException:
            remove_documents(folder)
            raise
    documents = documents_of(folder)
    count = 0
    records = list(records)
    for record in records:
        path = documents / _document_path(record.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(pagefind_html(record), encoding="utf-8")
        count += 1
    documents.mkdir(exist_ok=True)
    if forms is not None:
        write_dictionary(forms, folder, records)
    return PreparedDocuments(folder, count)


def write_dictionary(forms: WordForms, folder: Path, records: Iterable[SearchRecord] = ()) -> None:
    """The dictionary of the word forms the records were made with (`dictionary.shards`)
    into `folder/formy/`, and which of the `records`' bundles hold which words
    (`bundle_words.shards`, the catalogue's check) into `folder/slowa/`; `IndexJob.finish`
    puts both beside the index. Pagefind reads neither: the build writes them while
    Pagefind indexes (`SearchDocuments`)."""
    _write_files(folder / dictionary.FOLDER, dictionary.shards(forms))
    _write_files(folder / bundle_words.FOLDER, bundle_words.shards(records))


def _write_files(target: Path, files: dict[str, str]) -> None:
    target.mkdir(exist_ok=True)  # written again after a dead worker
    for name, text in files.items():
        (target / name).write_text(text, encoding="utf-8")


class SearchDocuments:
    """A build's search documents as two jobs for `wiazki.cores.Beside`: `documents`
    (make the records, write their HTML: Pagefind can start) and then `dictionary`
    (write the forms the records were made with and the bundles' word files, while
    Pagefind indexes).

    `make_records` makes the records with `forms` (a `RecordBuilder`'s), filling it.
    When `dictionary` runs where `documents` did not (the worker died in between), it
    makes the records again first, so that `forms` holds their words there too."""

    def __init__(self, make_records: Callable[[], list[SearchRecord]], forms: WordForms, folder: Path) -> None:
        self._make_records, self._forms, self._folder = make_records, forms, folder
        self._made = False
        self._records: list[SearchRecord] = []

    def documents(self) -> PreparedDocuments:
        self._records = self._make_records()
        prepared = prepare_documents(self._records, None, self._folder)
        self._made = True
        return prepared

    def dictionary(self) -> None:
        if not self._made:
            self._records = self._make_records()
        write_dictionary(self._forms, self._folder, self._records)


def _document_path(url: str) -> str:
    """The file Pagefind must read to give a result `url` (site-relative, no leading slash)."""
    return url + "index.html" if url == "" or url.endswith("/") else url


class IndexJob:
    """Pagefind indexing `records` in the background, so that it overlaps the rest of a build.

    Made with records, it writes the documents (`prepare_documents`) and starts the
    binary (output into the same temporary folder); made with `PreparedDocuments`, it
    only starts the binary on them.
    `finish` waits for it and moves the index into the built site; `cancel` stops it.
    """

    def __init__(self, records: Iterable[SearchRecord] | PreparedDocuments, forms: WordForms | None = None) -> None:
        """`forms`: the word forms `records` were made with (`prepare_documents`)."""
        try:
            executable = pagefind_executable()
        except SearchIndexError:
            if isinstance(records, PreparedDocuments):
                remove_documents(records.folder)
            raise
        self.started = time.perf_counter()
        prepared = records if isinstance(records, PreparedDocuments) else prepare_documents(records, forms)
        self._tmp, self.count = prepared.folder, prepared.count
        documents, self._out = documents_of(self._tmp), self._tmp / "index"
        command = [executable, "--site", documents, "--output-path", self._out, "--force-language", "pl", "--silent"]
        # Pagefind runs beside the build, which needs the cores for the pages: one thread
        # (its rayon pool would take every core) at a lower priority. It still ends before
        # MkDocs does at 1,000 bundles (make bench); alone it would take 2.4 s, not 3.1 s.
        env = dict(os.environ, RAYON_NUM_THREADS="1")
        try:
            # A log that cannot be opened (a full disk) is a reason too, never a silent end.
            self._log = (self._tmp / "pagefind.log").open("w+", encoding="utf-8")
            with termination.deferred():  # SIGTERM now: Pagefind is noted for the clean-up first
                self._process: subprocess.Popen[bytes] | None = subprocess.Popen(
                    [str(part) for part in command], stdout=self._log, stderr=subprocess.STDOUT, env=env
                )
                scratch.started(self._process)
        except OSError as exc:
            self.cancel()
            raise SearchIndexError(f"Pagefind nie zbudował indeksu wyszukiwarki: {exc}") from exc
        with contextlib.suppress(AttributeError, OSError):  # not on Windows
            os.setpriority(os.PRIO_PROCESS, self._process.pid, 10)

    def finish(self, site_dir: Path, timeout: float = 600) -> IndexStats:
        """Wait for Pagefind and put the index at `site_dir/pagefind/` (replacing an earlier one).

        Raises SearchIndexError when the binary fails or runs over `timeout` seconds.
        """
        try:
            if self._process is None:
                raise SearchIndexError("Pagefind nie zbudował indeksu wyszukiwarki: przerwano")
            try:
                code = self._process.wait(timeout=timeout)
            except subprocess.TimeoutExpired as exc:
                raise SearchIndexError(f"Pagefind nie zbudował indeksu wyszukiwarki w {timeout:.0f} s") from exc
            if code != 0 or not (self._out / "pagefind.js").is_file():
                self._log.seek(0)
                detail = self._log.read().strip()[-500:]
                raise SearchIndexError(f"Pagefind nie zbudował indeksu wyszukiwarki (kod {code}): {detail}")
            for name in _UNUSED:
                (self._out / name).unlink(missing_ok=True)
            target = Path(site_dir).resolve() / INDEX_DIR
            shutil.rmtree(target, ignore_errors=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(self._out), str(target))
            for extra in (dictionary.FOLDER, bundle_words.FOLDER):
                if (self._tmp / extra).is_dir():
                    shutil.move(str(self._tmp / extra), str(target / extra))
            size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
            return IndexStats(self.count, time.perf_counter() - self.started, size)
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop Pagefind if it still runs and remove the temporary folder (idempotent)."""
        process, self._process = getattr(self, "_process", None), None
        if process is not None:
            scratch.stop(process)
        log = getattr(self, "_log", None)
        if log is not None and not log.closed:
            log.close()
        remove_documents(self._tmp)


class BackgroundIndex:
    """A generator's index job: `start` replaces a running one, `finish` ends the current one."""

    def __init__(self) -> None:
        self._job: IndexJob | None = None
        self._folder: Path | None = None
        self._lock = threading.Lock()

    def documents_folder(self) -> Path:
        """A new folder for `prepare_documents` (here or in a worker): the next `start`
        takes it over; `cancel` (a build error) removes it, as the exit of this process does."""
        self.cancel()
        self._folder = documents_folder()
        return self._folder

    @property
    def folder(self) -> Path | None:
        """The folder of `documents_folder` no job has taken over yet."""
        return self._folder

    def start(self, records: Iterable[SearchRecord] | PreparedDocuments, forms: WordForms | None = None) -> str | None:
        """Start indexing `records` (or documents already written; made with `forms`, whose
        dictionary goes beside the index); the Polish reason when Pagefind cannot start, else None."""
        if isinstance(records, PreparedDocuments) and records.folder == self._folder:
            self._folder = None  # the job removes it now
        self.cancel()
        try:
            self._job = IndexJob(records, forms)
        except SearchIndexError as exc:
            return str(exc)
        return None

    def start_prepared(self, prepared: PreparedDocuments) -> str | None:
        """`start` on documents written into this index's `documents_folder`, once: a
        later call for that folder, from any thread, does nothing (None). The build
        calls it from the thread that receives the worker's documents, the moment they
        arrive, and again once it needs them (wiazki/cores.py, `Beside.on_result`)."""
        with self._lock:
            return self.start(prepared) if prepared.folder == self._folder else None

    def finish(self, site_dir: Path) -> IndexStats | None:
        """The started index, now in `site_dir` (None when none was started); SearchIndexError."""
        job, self._job = self._job, None
        return job.finish(site_dir) if job is not None else None

    def cancel(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.cancel()
        folder, self._folder = self._folder, None
        if folder is not None:
            remove_documents(folder)


def write_index(
    records: Iterable[SearchRecord], site_dir: Path, timeout: float = 600, forms: WordForms | None = None
) -> IndexStats:
    """Index `records` into `site_dir/pagefind/` (replacing an earlier index there), waiting for it;
    with `forms`, their dictionary into `site_dir/pagefind/formy/`.

    Raises SearchIndexError when the binary is missing, fails or runs over `timeout` seconds.
    """
    return IndexJob(records, forms).finish(site_dir, timeout)
