"""The search index's temporary folder and Pagefind process never outlive the build.

Ctrl-C raises KeyboardInterrupt, which MkDocs does not pass to `on_build_error`; the
documents may be written by a forked worker (wiazki/cores.py). Whatever ends the build,
the folder in the temporary directory goes and Pagefind is stopped (search/index.py).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import sitehelpers as h
from test_cores import alone  # noqa: F401 - a fresh pytest when this one has threads
from wiazki.search import scratch
from wiazki.search.index import BackgroundIndex, prepare_documents

REPO = Path(__file__).resolve().parents[1]


def _group(leader: int) -> list[str]:
    """The processes (with their state) still in the process group `leader` started."""
    left = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            name_end = (text := stat.read_text()).rindex(")")
        except (OSError, ValueError):
            continue
        state, _, group = text[name_end + 2 :].split()[:3]
        if int(group) == leader:
            left.append(f"{text[: name_end + 1]} {state}")
    return left


def test_the_end_of_the_process_stops_pagefind_and_removes_the_documents(tmp_path):
    # A build that dies on an exception MkDocs does not report to the plugin.
    script = textwrap.dedent(
        """
        from wiazki.search.index import BackgroundIndex, prepare_documents
        from wiazki.search.records import RecordBuilder

        index = BackgroundIndex()
        folder = index.documents_folder()
        prepared = prepare_documents(RecordBuilder().hand_pages([("o-nas/", "# O nas\\n\\nTekst.")]), None, folder)
        assert index.start(prepared) is None
        print(index._job._process.pid, flush=True)
        raise KeyboardInterrupt
        """
    )
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    run = subprocess.run(
        [sys.executable, "-c", script],
        env=dict(os.environ, TMPDIR=str(temporary), WIAZKI_RAM_DIR=str(temporary), PYTHONPATH=str(REPO / "plugins")),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == -signal.SIGINT and "KeyboardInterrupt" in run.stderr
    pagefind = int(run.stdout)
    assert list(temporary.iterdir()) == []
    assert not Path(f"/proc/{pagefind}").exists(), "Pagefind was stopped and reaped"


def test_a_folder_for_a_worker_goes_with_cancel_and_a_failed_write_takes_its_own(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    monkeypatch.setenv("WIAZKI_RAM_DIR", str(tmp_path))
    background = BackgroundIndex()
    folder = background.documents_folder()
    assert folder.parent == tmp_path and folder in scratch._LEFT
    background.cancel()  # on_build_error before the documents reached Pagefind
    assert not folder.exists() and folder not in scratch._LEFT

    def failing():
        yield from ()
        raise OSError("dysk pełny")

    with pytest.raises(OSError):
        prepare_documents(failing())
    assert list(tmp_path.iterdir()) == [] and not scratch._LEFT


@pytest.mark.slow
def test_ctrl_c_in_a_build_leaves_no_search_folder_and_no_process(tmp_path):
    project = h.make_project(tmp_path / "projekt")
    h.fixture_content(project / "content")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = dict(os.environ, TMPDIR=str(temporary), WIAZKI_RAM_DIR=str(temporary), WIAZKI_TODAY=h.TODAY)
    env["NO_MKDOCS_2_WARNING"] = "1"
    mkdocs = Path(sys.executable).parent / "mkdocs"
    build = subprocess.Popen(
        [str(mkdocs), "build", "-q", "-d", str(tmp_path / "site")],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a terminal's Ctrl-C reaches the whole foreground group
    )
    try:
        deadline = time.monotonic() + 120
        while not list(temporary.glob("wiazki-search-*/pagefind.log")):  # Pagefind starts
            assert build.poll() is None, build.stderr.read() if build.stderr else ""
            assert time.monotonic() < deadline
            time.sleep(0.01)
        os.killpg(build.pid, signal.SIGINT)
        _, errors = build.communicate(timeout=60)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    assert build.returncode == 1 and b"Aborted!" in errors
    assert b"Traceback" not in errors
    assert list(temporary.iterdir()) == []
    deadline = time.monotonic() + 10  # a process that has just ended may wait to be reaped
    while [line for line in _group(build.pid) if not line.endswith(" Z")] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [line for line in _group(build.pid) if not line.endswith(" Z")] == []


def _write_then_die(folder: Path, records: list, forms) -> object:
    prepared = prepare_documents(records, forms, folder)
    if os.getpid() != PARENT:
        os._exit(9)  # killed for memory after writing: the job runs again here
    return prepared


PARENT = os.getpid()


def test_documents_a_dead_worker_wrote_are_written_again_here(alone, tmp_path, monkeypatch):
    from wiazki import cores
    from wiazki.search.records import RecordBuilder

    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    monkeypatch.setenv("WIAZKI_RAM_DIR", str(tmp_path / "ram"))
    (tmp_path / "ram").mkdir()
    builder = RecordBuilder()
    records = builder.hand_pages([("o-nas/", "# O nas\n\nSeniorzy i opiekunowie w gminie.")])
    background = BackgroundIndex()
    folder = background.documents_folder()
    fork = cores.can_fork()
    with cores.Beside([lambda: _write_then_die(folder, records, builder.forms)], parallel=True) as beside:
        assert beside.forked == fork
        prepared = beside.result(0)
    assert prepared.folder == folder and prepared.count == 1
    # The documents went to the RAM folder, the dictionary beside the index to come.
    assert (tmp_path / "ram" / f"{folder.name}-documents" / "o-nas" / "index.html").is_file()
    assert list((folder / "formy").iterdir())
    background.cancel()
    assert list(tmp_path.iterdir()) == [tmp_path / "ram"] and not list((tmp_path / "ram").iterdir())


def _die_in_worker() -> None:
    if os.getpid() != PARENT:
        os._exit(9)  # the worker killed between the documents and their dictionary


def test_the_dictionary_is_whole_when_the_worker_died_after_the_documents(alone, tmp_path, monkeypatch):
    # The build writes the documents, starts Pagefind, then writes the dictionary; a
    # worker that dies in between leaves this process a `forms` the records never filled.
    from wiazki import cores
    from wiazki.search.index import SearchDocuments
    from wiazki.search.records import RecordBuilder

    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    monkeypatch.setenv("WIAZKI_RAM_DIR", str(tmp_path / "ram"))
    (tmp_path / "ram").mkdir()
    pages = [("o-nas/", "# O nas\n\nSeniorzy i opiekunowie w gminie Wołomin.")]
    dictionaries = []
    for die in (False, True):
        builder, background = RecordBuilder(), BackgroundIndex()
        search = SearchDocuments(lambda b=builder: b.hand_pages(pages), builder.forms, background.documents_folder())
        jobs = [search.documents, _die_in_worker, search.dictionary] if die else [search.documents, search.dictionary]
        with cores.Beside(jobs, parallel=True) as beside:
            prepared = beside.result(0)
            for index in range(1, len(jobs)):
                beside.result(index)
        assert prepared.count == 1
        shards = prepared.folder / "formy"
        dictionaries.append({p.name: p.read_text(encoding="utf-8") for p in shards.iterdir()})
        background.cancel()
    assert dictionaries[0] and dictionaries[1] == dictionaries[0]
    assert any("wolominie" in text for text in dictionaries[0].values())  # keys without Polish letters


def test_a_log_pagefind_cannot_write_is_a_reason_not_a_silent_end(tmp_path, monkeypatch):
    # Found by the attacker: the OSError went up the thread that starts Pagefind, where it
    # is dropped, and the build ended without search and without a word.
    from wiazki.search.records import RecordBuilder

    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    monkeypatch.setenv("WIAZKI_RAM_DIR", str(tmp_path / "ram"))
    (tmp_path / "ram").mkdir()
    background = BackgroundIndex()
    folder = background.documents_folder()
    prepared = prepare_documents(RecordBuilder().hand_pages([("o-nas/", "# O nas\n\nTekst.")]), None, folder)
    (folder / "pagefind.log").mkdir()  # opening it to write fails, as on a full disk
    problem = background.start_prepared(prepared)
    assert problem is not None and problem.startswith("Pagefind nie zbudował indeksu wyszukiwarki")
    assert background.finish(tmp_path / "site") is None
    assert not folder.exists() and not list((tmp_path / "ram").iterdir())
