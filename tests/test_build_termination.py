"""SIGTERM and SIGHUP end a build as Ctrl-C does, and a build killed outright leaves
nothing that piles up (wiazki/termination.py, wiazki/search/scratch.py).

Builds here are real `mkdocs build` processes. A stage of the build is made to last
(the test's own script wraps a real function of the build to print a line and wait),
so that the signal comes at that stage every time, not now and then.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import sitehelpers as h
from test_search_cleanup import _group
from wiazki.search import scratch

REPO = Path(__file__).resolve().parents[1]

#: Runs `mkdocs build` with one function of the build wrapped: it prints "stage <pid>"
#: (the pid of the process running it) and waits, then does its work.
BUILD = """
import os, sys, time
import {module} as target
from mkdocs.__main__ import cli

real = getattr(target, {name!r})

def waiting(*args, **kwargs):
    print("stage", os.getpid(), flush=True)
    time.sleep(30)
    return real(*args, **kwargs)

def slow_pagefind():  # a Pagefind that says it runs (into its log) and takes its time
    from pathlib import Path
    return Path({fake!r})

setattr(target, {name!r}, slow_pagefind if {name!r} == "pagefind_executable" else waiting)
sys.argv = ["mkdocs", "build", "-q", "-d", {site!r}]
cli()
"""

#: Where a build waits: validating (nothing to clean yet), the search documents in the
#: forked worker (its folder made, the worker busy), MkDocs rendering pages after
#: Pagefind was started, Pagefind indexing (a stand-in that waits: the real one is done
#: in a fraction of a second at this size).
STAGES = {
    "walidacja": ("wiazki.validation.validator", "check_all"),
    "dokumenty w procesie obok": ("wiazki.search.index", "prepare_documents"),
    "strony MkDocs": ("mkdocs.commands.build", "_build_page"),
    "Pagefind w toku": ("wiazki.search.index", "pagefind_executable"),
}


def _build(tmp_path: Path, stage: str) -> tuple[subprocess.Popen[str], Path]:
    project = h.make_project(tmp_path / "projekt")
    h.fixture_content(project / "content")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = dict(os.environ, TMPDIR=str(temporary), WIAZKI_RAM_DIR=str(temporary), WIAZKI_TODAY=h.TODAY)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "plugins"), env.get("PYTHONPATH", "")])
    module, name = STAGES[stage]
    fake = tmp_path / "slow-pagefind"
    fake.write_text("#!/bin/sh\necho stage $$\nexec sleep 30\n")
    fake.chmod(0o755)
    script = BUILD.format(module=module, name=name, site=str(tmp_path / "site"), fake=str(fake))
    build = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal or `timeout` gives it
    )
    return build, temporary


def _wait_for_stage(build: subprocess.Popen[str], temporary: Path, stage: str) -> str:
    """Wait until the build reaches `stage` (`STAGES`); its "stage <pid>" line."""
    assert build.stdout is not None
    if stage == "Pagefind w toku":
        line, deadline = "", time.monotonic() + 60
        while not line.startswith("stage") and build.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
            line = "".join(p.read_text() for p in temporary.glob("wiazki-search-*/pagefind.log"))
    else:
        line = build.stdout.readline()
    assert line.startswith("stage"), build.stderr.read() if build.stderr else ""
    return line


def _left(leader: int) -> list[str]:
    """The processes of the group still alive (a zombie waits only for its reaping)."""
    deadline = time.monotonic() + 10
    while (alive := [p for p in _group(leader) if not p.endswith(" Z")]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


@pytest.mark.slow
@pytest.mark.parametrize(
    ("stage", "signum", "to_group"),
    [
        ("walidacja", signal.SIGTERM, False),
        ("dokumenty w procesie obok", signal.SIGTERM, False),
        ("dokumenty w procesie obok", signal.SIGHUP, True),
        ("strony MkDocs", signal.SIGTERM, False),
        ("strony MkDocs", signal.SIGHUP, False),
        ("Pagefind w toku", signal.SIGTERM, False),
        ("Pagefind w toku", signal.SIGTERM, True),
    ],
)
def test_a_signal_ends_the_build_without_leftovers(tmp_path, stage, signum, to_group):
    build, temporary = _build(tmp_path, stage)
    try:
        line = _wait_for_stage(build, temporary, stage)
        if stage == "dokumenty w procesie obok" and int(line.split()[1]) == build.pid:
            pytest.fail("the documents were to be written in the forked worker (two cores, one thread)")
        if stage == "strony MkDocs":
            assert list(temporary.glob("wiazki-search-*/pagefind.log")), "Pagefind was started"
        time.sleep(0.2)
        started = time.monotonic()
        if to_group:  # `timeout`, a closed terminal: the whole group
            os.killpg(build.pid, signum)
        else:  # `kill PID`: the build alone; its worker and Pagefind are its business
            os.kill(build.pid, signum)
        _, errors = build.communicate(timeout=60)
        took = time.monotonic() - started
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    assert list(temporary.iterdir()) == []
    assert _left(build.pid) == []
    assert took < 20, "ended at once, not after the stage's 30 s wait (a loaded machine may take seconds)"
    if stage == "walidacja":  # nothing held yet: the default, the process ends at once
        assert build.returncode == -signum
    else:
        assert build.returncode == 128 + signum, errors
        assert f"wiazki: przerwano sygnałem {signal.Signals(signum).name}" in errors
    assert "Traceback" not in errors, errors


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["strony MkDocs", "Pagefind w toku"])
@pytest.mark.parametrize(
    ("first", "expected_code"),
    [(signal.SIGINT, 1), (signal.SIGTERM, 128 + signal.SIGTERM)],
)
def test_more_signals_while_the_first_unwinds_do_not_cut_the_clean_up(tmp_path, stage, first, expected_code):
    # Ctrl-C pressed again (or after `kill`) 20-50 ms later cut the clean-up at exit: the
    # build's temporary folders stayed, without a word (a fresh attacker, 5 of 9 tries).
    build, temporary = _build(tmp_path, stage)
    try:
        _wait_for_stage(build, temporary, stage)
        time.sleep(0.2)
        if first == signal.SIGINT:
            os.killpg(build.pid, signal.SIGINT)  # a terminal's Ctrl-C: the whole group
        else:
            os.kill(build.pid, first)
        for gap in (0.02, 0.03, 0.05):
            time.sleep(gap)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(build.pid, signal.SIGINT)
        _, errors = build.communicate(timeout=60)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    assert list(temporary.iterdir()) == []
    assert _left(build.pid) == []
    assert build.returncode == expected_code, errors
    assert "Traceback" not in errors and "Exception ignored" not in errors, errors


def _hold_a_folder(temporary: Path) -> subprocess.Popen[str]:
    """A process that made a documents folder (as a build does) and waits."""
    script = textwrap.dedent(
        """
        import time
        from wiazki.search import scratch
        print(scratch.documents_folder(), flush=True)
        time.sleep(60)
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script],
        env=dict(
            os.environ, TMPDIR=str(temporary), WIAZKI_RAM_DIR=str(temporary / "ram"), PYTHONPATH=str(REPO / "plugins")
        ),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    return holder


def test_the_next_build_removes_what_a_killed_one_left(tmp_path, monkeypatch):
    temporary = tmp_path / "tmp"
    (temporary / "ram").mkdir(parents=True)
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    monkeypatch.setenv("WIAZKI_RAM_DIR", str(temporary / "ram"))
    killed, alive = _hold_a_folder(temporary), _hold_a_folder(temporary)
    try:
        assert killed.stdout is not None and alive.stdout is not None
        dead_folder, live_folder = Path(killed.stdout.readline().strip()), Path(alive.stdout.readline().strip())
        killed.kill()  # SIGKILL: nothing of it runs any more
        killed.wait(timeout=30)
        fresh = temporary / "wiazki-search-swiezy"  # made a moment ago, not locked yet
        fresh.mkdir()
        foreign = temporary / "wiazki-search-obcy"  # another user's
        foreign.mkdir()
        os.chown(foreign, 65534, 65534)
        plain = temporary / "wiazki-search-plik"
        plain.write_text("nie folder")
        hour_ago = time.time() - 3600
        for path in [dead_folder, live_folder, foreign, plain, *(temporary / "ram").iterdir()]:
            os.utime(path, (hour_ago, hour_ago))
        assert len(list((temporary / "ram").iterdir())) == 2

        ours = scratch.documents_folder()  # a later build starts
        try:
            assert not dead_folder.exists() and not (temporary / "ram" / f"{dead_folder.name}-documents").exists()
            assert live_folder.is_dir() and (temporary / "ram" / f"{live_folder.name}-documents").is_dir()
            assert fresh.is_dir() and foreign.is_dir() and plain.is_file()
            # Old and no longer locked: the next one removes it (`STALE_AFTER`).
            assert scratch.remove_stale(time.time() + 2 * scratch.STALE_AFTER) == [fresh]
        finally:
            scratch.remove_documents(ours)
        assert ours not in scratch._LEFT and not ours.exists()
    finally:
        for process in (killed, alive):
            process.kill()
            process.wait(timeout=30)
    # The living one's folders are left to it.
    assert live_folder.is_dir()


#: Scripts run as `python -c`; each prints a line when it is ready for the signal.
GUARD_SCRIPTS = {
    # `nohup` ignores SIGHUP: a build under it keeps running when the terminal closes.
    "nohup": """
import os, signal, time
from wiazki import termination
signal.signal(signal.SIGHUP, signal.SIG_IGN)
termination.guard(True)
print("gotowy", flush=True)
time.sleep(0.5)
print("żyje", flush=True)
time.sleep(30)
""",
    # Nothing held any more: the default is back, the process ends at once.
    "off": """
import time
from wiazki import termination
termination.guard(True)
termination.guard(False)
print("gotowy", flush=True)
time.sleep(30)
""",
    # A signal while a folder is made and noted: raised once the block ends.
    "deferred": """
import time
from wiazki import termination
termination.guard(True)
try:
    with termination.deferred():
        print("gotowy", flush=True)
        time.sleep(0.5)
        print("blok skończony", flush=True)
except SystemExit:
    print("po bloku", flush=True)
    raise
""",
    # Another thread in such a block (Pagefind started from the thread that receives the
    # worker's answers): the signal still unwinds the main thread at once.
    "deferred in a thread": """
import threading, time
from wiazki import termination
termination.guard(True)
def start_pagefind():
    with termination.deferred():
        time.sleep(0.5)
thread = threading.Thread(target=start_pagefind)
thread.start()
try:
    print("gotowy", flush=True)
    time.sleep(30)
except SystemExit:
    print("główny wątek przerwany", flush=True)
    raise
""",
}


def _script(source: str) -> subprocess.Popen[str]:
    """`source` running in a new Python that imports the plugins (stdout and stderr piped)."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "plugins"))
    return subprocess.Popen(
        [sys.executable, "-c", source], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _run_script(source: str) -> subprocess.CompletedProcess[str]:
    """`source` run to its end in a new Python that imports the plugins (at most 60 s)."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "plugins"))
    return subprocess.run([sys.executable, "-c", source], env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("name", "signum", "expected_code", "expected_out"),
    [
        ("nohup", signal.SIGHUP, None, "żyje"),
        ("nohup", signal.SIGTERM, 143, ""),
        ("off", signal.SIGTERM, -signal.SIGTERM, ""),
        ("deferred", signal.SIGTERM, 143, "blok skończony\npo bloku"),
        ("deferred in a thread", signal.SIGTERM, 143, "główny wątek przerwany"),
    ],
)
def test_the_guard_leaves_other_dispositions_and_defers_inside_a_block(name, signum, expected_code, expected_out):
    script = _script(GUARD_SCRIPTS[name])
    try:
        assert script.stdout is not None and script.stdout.readline() == "gotowy\n"
        script.send_signal(signum)
        if expected_code is None:
            assert script.stdout.readline().strip() == expected_out
            assert script.poll() is None
            return
        out, errors = script.communicate(timeout=30)
    finally:
        if script.poll() is None:
            script.kill()
            script.wait(timeout=30)
    assert script.returncode == expected_code, errors
    assert out.strip() == expected_out and "Traceback" not in errors


#: A signal whose handler Python runs inside a weakref callback (the executor of
#: wiazki/cores.py makes many): the exception cannot propagate from there. The script
#: sends the signal from inside such a callback, then would run for 20 s.
LOST_SIGNAL = """
import os, signal, sys, time, weakref
from wiazki import termination
termination.guard(True)
class Answer:
    pass
answer = Answer()
def forget(ref):
    os.kill(os.getpid(), {signum})  # its handler runs before `kill` returns: in here
    print("sygnał w wywołaniu zwrotnym", flush=True)
ref = weakref.ref(answer, forget)
del answer
start = time.monotonic()
while time.monotonic() - start < 20:
    time.sleep(0.01)
print("przebiegł do końca", flush=True)
"""


@pytest.mark.parametrize(
    ("signum", "expected_code", "expected_error"),
    [
        (signal.SIGINT, -signal.SIGINT, "KeyboardInterrupt"),
        (signal.SIGTERM, 143, "wiazki: przerwano sygnałem SIGTERM"),
        (signal.SIGHUP, 129, "wiazki: przerwano sygnałem SIGHUP"),
    ],
)
def test_a_signal_raised_inside_a_weakref_callback_still_ends_the_process(signum, expected_code, expected_error):
    # Python printed "Exception ignored in …" and went on: once in CI, a loop of
    # tests/test_cores.py ran on after Ctrl-C until the test's timeout.
    started = time.monotonic()
    done = _run_script(LOST_SIGNAL.format(signum=int(signum)))
    assert "przebiegł do końca" not in done.stdout and time.monotonic() - started < 15
    assert done.returncode == expected_code, done.stderr
    assert "Exception ignored" not in done.stderr
    assert [line for line in done.stderr.splitlines() if line.startswith(expected_error)] == [expected_error]


#: Ctrl-C inside `deferred` (wiazki/cores.py starts and stops its worker in one: the
#: executor is not safe from an exception at any point) is raised when the block ends.
DEFERRED_CTRL_C = """
import os, signal
from wiazki import termination
try:
    with termination.deferred():
        os.kill(os.getpid(), signal.SIGINT)
        print("blok skończony", flush=True)
except KeyboardInterrupt:
    print("przerwany po bloku", flush=True)
assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
with termination.deferred():
    print("drugi blok", flush=True)
"""


def test_ctrl_c_inside_a_deferred_block_is_raised_when_it_ends():
    done = _run_script(DEFERRED_CTRL_C)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["blok skończony", "przerwany po bloku", "drugi blok"]


#: A build whose clean-up hangs after Ctrl-C (`termination.GRACE` is the grace period).
HANGING_CLEAN_UP = """
import time
from wiazki import termination
termination.GRACE = 3.0
termination.guard(True)
try:
    print("gotowy", flush=True)
    time.sleep(30)
except KeyboardInterrupt:
    print("sprzątam", flush=True)
    time.sleep(30)
"""


def test_a_signal_after_the_grace_period_ends_a_hanging_clean_up_at_once():
    script = _script(HANGING_CLEAN_UP)
    try:
        assert script.stdout is not None and script.stdout.readline() == "gotowy\n"
        script.send_signal(signal.SIGINT)
        assert script.stdout.readline() == "sprzątam\n"
        script.send_signal(signal.SIGINT)  # at once: ignored, the clean-up goes on
        script.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        assert script.poll() is None
        time.sleep(3.0)  # past the grace period
        script.send_signal(signal.SIGINT)
        script.wait(timeout=10)
    finally:
        if script.poll() is None:
            script.kill()
            script.wait(timeout=30)
    assert script.returncode == -signal.SIGINT
