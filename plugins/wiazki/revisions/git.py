"""Reading content at git revisions, without a shell and without one process per file.

Every call passes an argument list to `subprocess` (never a shell), puts
`--end-of-options` before anything a user typed, and turns git's failures into
`GitError` with a Polish message. Blobs are read through one long-lived
`git cat-file --batch` process.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

#: Git's own settings must not change what we parse (colours, pagers, localised messages).
_ENV_OVERRIDES = {"LC_ALL": "C", "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}


class GitError(Exception):
    """Git cannot answer: no git, not a repository, or an unknown revision (Polish message)."""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(_ENV_OVERRIDES)
    return env


def run_git(repo: Path, *args: str, input: bytes | None = None, check: bool = True) -> bytes:
    """Run `git -C repo args…` and return its standard output."""
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), "-c", "core.quotepath=off", *args],
            input=input,
            capture_output=True,
            env=_env(),
            check=False,
        )
    except FileNotFoundError as exc:
        raise GitError("nie znaleziono programu git; zainstaluj git, aby porównywać wersje treści") from exc
    if check and done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"polecenie git {args[0]} nie powiodło się: {message[-1] if message else done.returncode}")
    return done.stdout


def toplevel(path: Path) -> Path:
    """The root of the work tree that contains `path`."""
    try:
        out = run_git(path, "rev-parse", "--show-toplevel")
    except GitError as exc:
        if "nie znaleziono programu git" in str(exc):
            raise
        raise GitError(f"folder „{path}” nie jest częścią repozytorium git") from exc
    return Path(out.decode("utf-8").strip())


def resolve(repo: Path, revision: str) -> str:
    """The full SHA of the commit `revision` names; GitError when there is no such commit."""
    done = run_git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}", check=False)
    sha = done.decode("ascii", "replace").strip()
    if not sha:
        raise GitError(
            f"rewizja „{revision}” nie istnieje w tym repozytorium (sprawdź nazwę gałęzi lub SHA; "
            "w CI potrzebna jest pełna historia: fetch-depth: 0)"
        )
    return sha


def merge_base(repo: Path, base: str, head: str) -> str:
    """The commit where `head` branched off `base` (both full SHAs): a pull request's own changes start there."""
    out = run_git(repo, "merge-base", base, head, check=False).decode("ascii", "replace").strip()
    if not out:
        raise GitError("rewizje nie mają wspólnego przodka (w CI potrzebna jest pełna historia: fetch-depth: 0)")
    return out.split()[0]


def is_shallow(repo: Path) -> bool:
    return run_git(repo, "rev-parse", "--is-shallow-repository").strip() == b"true"


def shallow_boundary(repo: Path) -> set[str]:
    """Commits whose parents a shallow clone does not have: git shows their whole tree as added."""
    path = run_git(repo, "rev-parse", "--git-path", "shallow").decode("utf-8").strip()
    file = Path(path) if Path(path).is_absolute() else Path(repo) / path
    try:
        return {line.strip() for line in file.read_text(encoding="ascii").splitlines() if line.strip()}
    except OSError:
        return set()


@dataclass(frozen=True)
class TreeFile:
    path: str
    blob: str
    size: int


def list_files(repo: Path, commit: str, folder: str) -> dict[str, TreeFile]:
    """Every file under `folder` (relative to the repository root) at `commit`, by path."""
    out = run_git(repo, "ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", folder)
    files = {}
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, blob, size = meta.split()
        if kind != b"blob":
            continue
        path = name.decode("utf-8", "surrogateescape")
        files[path] = TreeFile(path, blob.decode("ascii"), int(size) if size.isdigit() else 0)
    return files


class BlobReader:
    """One `git cat-file --batch` process answering many object requests in turn."""

    def __init__(self, repo: Path) -> None:
        try:
            self._process = subprocess.Popen(
                ["git", "-C", str(repo), "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=_env(),
            )
        except FileNotFoundError as exc:
            raise GitError("nie znaleziono programu git") from exc

    def read(self, name: str, limit: int | None = None) -> bytes | None:
        """The content of object `name` (a SHA or `commit:path`); None when it does not exist.

        With `limit`, content longer than `limit` bytes is read and discarded and
        the first `limit + 1` bytes are returned, so the caller can see it is too long.
        """
        assert self._process.stdin is not None
        if "\n" in name:
            return None
        self._process.stdin.write(name.encode("utf-8", "surrogateescape") + b"\n")
        self._process.stdin.flush()
        return self._response(limit)

    def read_many(self, names: list[str], limit: int | None = None) -> Generator[bytes | None, None, None]:
        """`read` for many objects, in order, without a round trip per object.

        A thread writes every request while we read the answers: git answers as
        fast as it can instead of waiting for each next question.
        """
        assert self._process.stdin is not None
        stdin = self._process.stdin
        valid = ["\n" not in name for name in names]

        def feed() -> None:
            try:
                for name, ok in zip(names, valid, strict=False):
                    if ok:
                        stdin.write(name.encode("utf-8", "surrogateescape") + b"\n")
                stdin.flush()
            except (BrokenPipeError, ValueError):
                pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        finished = False
        try:
            for ok in valid:
                yield self._response(limit) if ok else None
            finished = True
        finally:
            if not finished:
                # Answers nobody will read would fill the pipe and block the writer.
                self._process.kill()
            writer.join()

    def _response(self, limit: int | None) -> bytes | None:
        assert self._process.stdout is not None
        header = self._process.stdout.readline()
        if not header or header.endswith(b" missing\n") or header.endswith(b" ambiguous\n"):
            return None
        size = int(header.split()[-1])
        data = self._process.stdout.read(size)
        self._process.stdout.read(1)  # the newline after the content
        if limit is not None and len(data) > limit:
            return data[: limit + 1]
        return data

    def close(self) -> None:
        if self._process.stdin:
            # git may already be gone (killed after an early stop).
            with contextlib.suppress(OSError):
                self._process.stdin.close()
        if self._process.stdout:
            self._process.stdout.close()
        self._process.wait()

    def __enter__(self) -> BlobReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def relative_to_repo(repo: Path, path: Path) -> str:
    """`path` as a POSIX path relative to the repository root; GitError when it lies outside."""
    try:
        relative = Path(os.path.realpath(path)).relative_to(os.path.realpath(repo))
    except ValueError as exc:
        raise GitError(f"folder „{path}” leży poza repozytorium {repo}") from exc
    text = relative.as_posix()
    return "" if text == "." else text


def changed_files(path: Path, base: str) -> set[str]:
    """Real paths of the files that differ between revision `base` and the working
    tree of the repository holding `path` (a pull request's files when `base` is its
    base commit and the merge commit is checked out). File names are bytes in git:
    they are decoded as the file system does (`os.fsdecode`), so they compare equal
    to the paths the validator reports."""
    repo = toplevel(path)
    out = run_git(repo, "diff", "--name-only", "-z", "--no-renames", base, "--")
    return {os.path.realpath(repo / os.fsdecode(name)) for name in out.split(b"\0") if name}
