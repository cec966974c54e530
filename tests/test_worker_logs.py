"""A warning logged in the forked worker is handled by this process's loggers: shown
once, and counted by `mkdocs build --strict` (wiazki/worker_logs.py)."""

from __future__ import annotations

import logging
import os
import time

import pytest

import sitehelpers as h
from test_cores import alone  # noqa: F401 - a fresh pytest when this one has threads
from wiazki import cores as workers

PARENT = os.getpid()
log = logging.getLogger("wiazki.test_worker_logs")


class _Odd:
    """An argument that does not survive pickling."""

    def __reduce__(self):
        raise TypeError("nie do przesłania")

    def __str__(self) -> str:
        return "dziwny"


def _warn(name: str) -> int:
    log.warning("ostrzeżenie %s z procesu %d (%s)", name, os.getpid(), _Odd(), extra={"odd": _Odd()})
    return os.getpid()


def _warn_then_fail() -> None:
    try:
        raise KeyError("klucz")
    except KeyError:
        log.exception("zadanie %d nie wyszło", os.getpid())
    raise ValueError("zły plik")


def _check(item: int, context: object) -> tuple[int, int]:
    time.sleep(0.01)  # so that the worker takes a share
    if item % workers.CHUNK == 0:
        log.warning("element %d w procesie %d", item, os.getpid())
    return item, os.getpid()


def _ours(caplog) -> list[logging.LogRecord]:
    """Ours, each once (caplog sees a record twice once the plugin forwards the core's
    records to MkDocs' loggers, which propagate to the root here: two ways up)."""
    return list({id(record): record for record in caplog.records if record.name == log.name}.values())


def test_a_jobs_records_reach_this_process_once(alone, caplog):
    fork = workers.can_fork()
    with caplog.at_level(logging.DEBUG, logger="wiazki"), workers.Beside([lambda: _warn("A"), _warn_then_fail]) as b:
        pid = b.result(0)
        assert b.result(0) == pid  # asked twice, handled once
        with pytest.raises(ValueError, match="zły plik"):
            b.result(1)
    assert (pid != os.getpid()) is fork
    records = _ours(caplog)
    assert [(r.levelno, r.getMessage()) for r in records] == [
        (logging.WARNING, f"ostrzeżenie A z procesu {pid} (dziwny)"),
        (logging.ERROR, f"zadanie {pid} nie wyszło"),
    ]
    assert "KeyError: 'klucz'" in caplog.text  # the traceback came as text
    assert str(records[0].odd) == "dziwny" or records[0].odd.startswith("<")  # `extra` that cannot travel: its repr


def test_check_all_records_come_back_with_their_chunks(alone, caplog):
    items, fork = list(range(4 * workers.CHUNK)), workers.can_fork()
    with caplog.at_level(logging.WARNING, logger="wiazki"):
        out = workers.check_all(items, _check, parallel=True)
    pids = dict(out)
    expected = sorted(f"element {item} w procesie {pids[item]}" for item in items if item % workers.CHUNK == 0)
    assert sorted(r.getMessage() for r in _ours(caplog)) == expected
    assert (len(set(pids.values())) == 2) is fork


def test_a_warning_in_the_worker_fails_a_strict_build(alone, tmp_path, monkeypatch):
    from mkdocs.exceptions import Abort

    from wiazki.search import index

    project = h.make_project(tmp_path / "projekt")
    h.fixture_content(project / "content")
    documents = index.prepare_documents

    def warning_then_documents(*args):  # the search documents' job, in the worker when it forks
        logging.getLogger("wiazki.search.index").warning("dokumenty w procesie %d", os.getpid())
        return documents(*args)

    monkeypatch.setattr(index, "prepare_documents", warning_then_documents)
    fork = workers.can_fork()
    mkdocs_saw: list[logging.LogRecord] = []  # what MkDocs' own handlers (its output, its count) get
    seen = logging.Handler()
    seen.emit = mkdocs_saw.append
    logging.getLogger("mkdocs").addHandler(seen)
    try:
        with pytest.raises(Abort, match="1 warnings in strict mode"):
            h.build(project, strict=True, site_dir=tmp_path / "site")
    finally:
        logging.getLogger("mkdocs").removeHandler(seen)
    shown = [r.getMessage() for r in mkdocs_saw if r.getMessage().startswith("dokumenty w procesie")]
    assert len(shown) == 1, "shown once"
    assert (shown[0] != f"dokumenty w procesie {os.getpid()}") is fork
