"""The history of each bundle ("Historia zmian"), read from git in one pass.

One `git log` over the whole bundles folder lists every commit that touched a
bundle file; one `git cat-file --batch` process reads the stage each file had
after the change. The main line is followed (`--first-parent`), so a pull
request merged with a merge commit is one entry, with its number, as a squashed
one is.

A checkout without history degrades to an empty history, never an error: no git,
not a repository (a tarball), or a shallow clone, whose oldest commits would
show every file as just added.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from wiazki import REPO_URL
from wiazki.format import vocab
from wiazki.revisions.git import BlobReader, GitError, is_shallow, relative_to_repo, run_git, shallow_boundary, toplevel

log = logging.getLogger(__name__)

ADDED, MODIFIED, DELETED = "added", "modified", "deleted"
_STATUS = {"A": ADDED, "M": MODIFIED, "D": DELETED, "T": MODIFIED}

# "Merge pull request #12 from owes-konin/senior" (GitHub's merge commits).
# A pull request number has at most 10 ASCII digits (GitHub's ids are 32-bit): a
# longer run is not one, and int() of over 4,300 digits would raise.
_MERGE_PR = re.compile(r"^Merge pull request #([0-9]{1,10}) from \S+")
# "Zmiana etapu (#9)" (GitHub's squash and rebase merges).
_SQUASH_PR = re.compile(r"\(#([0-9]{1,10})\)\s*$")
# The top-level `stage:` of a bundle; reading the whole YAML of every revision of
# every bundle would cost more than the build, and a stage is one plain word.
# A file saved on Windows ends its lines with CR LF.
_STAGE = re.compile(rb"^stage:[ \t]*[\"']?([a-z]+)[\"']?[ \t]*(?:#[^\r\n]*)?\r?$", re.MULTILINE)
#: A stage line is near the top of a bundle; no need to read megabytes.
_STAGE_READ_LIMIT = 64 * 1024


@dataclass(frozen=True)
class HistoryEntry:
    """One change to one bundle file."""

    commit: str
    #: The author date of the commit, YYYY-MM-DD.
    date: str
    #: The commit's subject; for a merge commit, the pull request's title. Untrusted text.
    subject: str
    #: The pull request number, from a merge or squash subject.
    pr: int | None
    #: The bundle's stage after the change (None when the file was deleted or unreadable).
    stage: str | None
    #: ADDED, MODIFIED or DELETED.
    change: str

    @property
    def stage_label(self) -> str | None:
        return vocab.STAGES.label(self.stage) if self.stage else None

    def pr_url(self, repo_url: str = REPO_URL) -> str | None:
        return f"{repo_url.rstrip('/')}/pull/{self.pr}" if self.pr is not None else None


def pull_request_number(subject: str) -> int | None:
    """The pull request a commit subject names, if any."""
    match = _MERGE_PR.match(subject) or _SQUASH_PR.search(subject)
    return int(match.group(1)) if match else None


def _subject(subject: str, body: str) -> str:
    if _MERGE_PR.match(subject):
        # GitHub writes the pull request's title as the first line of the body.
        for line in body.splitlines():
            if line.strip():
                return line.strip()
    return subject


def _stage(raw: bytes | None) -> str | None:
    if raw is None:
        return None
    match = _STAGE.search(raw[:_STAGE_READ_LIMIT])
    if match is None:
        return None
    stage = match.group(1).decode("ascii")
    return stage if stage in vocab.STAGES else None


def head_commit(repo_root: Path) -> str | None:
    """The commit checked out, or None without git history; cheap, for caching."""
    try:
        return run_git(repo_root, "rev-parse", "--verify", "--quiet", "HEAD").decode("ascii").strip() or None
    except (GitError, OSError):
        return None


def read_history(repo_root: Path, content_dir: Path) -> dict[str, list[HistoryEntry]]:
    """Every change to each bundle file, newest first, keyed by bundle id.

    Empty (with an info log) when there is no usable history.
    """
    content_dir = content_dir if content_dir.is_absolute() else Path(repo_root) / content_dir
    try:
        root = toplevel(Path(repo_root))
        folder = "/".join(p for p in (relative_to_repo(root, content_dir), "bundles") if p)
        if head_commit(root) is None:
            log.info("Historia zmian: repozytorium nie ma jeszcze żadnego commita")
            return {}
        boundary: set[str] = set()
        if is_shallow(root):
            boundary = shallow_boundary(root)
            log.info(
                "Historia zmian: płytki klon repozytorium (shallow); pomijam najstarsze commity, "
                "historia może być niepełna"
            )
        out = run_git(
            root,
            "log",
            "--first-parent",
            "--diff-merges=first-parent",
            "--no-renames",
            "--format=%x1e%H%x1f%aI%x1f%s%x1f%b%x1f",
            # --raw gives each change's new blob id: reading a blob by id spares
            # git a tree walk per request (3.5 s → 1.5 s for 7,000 changes of 1,000 bundles).
            "--raw",
            "--no-abbrev",
            "-z",
            "HEAD",
            "--",
            folder,
        )
    except GitError as exc:
        log.info("Historia zmian niedostępna: %s", exc)
        return {}
    except OSError as exc:
        log.info("Historia zmian niedostępna: %s", exc)
        return {}

    ids: list[str] = []
    changes: list[tuple[str, str, str, str, str, str]] = []  # commit, date, subject, body, change, blob
    for record in out.decode("utf-8", "replace").split("\x1e"):
        fields = record.split("\x1f")
        if len(fields) != 5 or not re.fullmatch(r"[0-9a-f]{40}", fields[0]):
            continue
        commit, date, subject, body, tail = fields
        if commit in boundary:
            continue
        items = tail.strip("\0\n").split("\0")
        # Each change: ":old_mode new_mode old_blob new_blob STATUS", then the path.
        for meta, path in zip(items[0::2], items[1::2], strict=False):
            parts = meta.split()
            pure = PurePosixPath(path.strip("\n"))
            if len(parts) != 5 or pure.suffix != ".yml" or str(pure.parent) != folder or parts[4][:1] not in _STATUS:
                continue
            changes.append((commit, date[:10], subject, body, _STATUS[parts[4][:1]], parts[3]))
            ids.append(pure.stem)

    history: dict[str, list[HistoryEntry]] = {}
    try:
        with BlobReader(root) as reader:
            wanted = [blob for _, _, _, _, change, blob in changes if change != DELETED]
            blobs = iter(reader.read_many(wanted, limit=_STAGE_READ_LIMIT))
            for bundle_id, (commit, date, subject, body, change, _) in zip(ids, changes, strict=False):
                stage = None if change == DELETED else _stage(next(blobs))
                history.setdefault(bundle_id, []).append(
                    HistoryEntry(commit, date, _subject(subject, body), pull_request_number(subject), stage, change)
                )
    except (GitError, OSError) as exc:
        log.info("Historia zmian niedostępna: %s", exc)
        return {}
    return history


class HistoryCache:
    """`read_history` once per checked-out commit: `mkdocs serve` rebuilds reuse it."""

    def __init__(self) -> None:
        self._key: tuple[str, str, str] | None = None
        self._value: dict[str, list[HistoryEntry]] = {}

    def get(self, repo_root: Path, content_dir: Path) -> dict[str, list[HistoryEntry]]:
        head = head_commit(repo_root)
        key = (str(repo_root), str(content_dir), head or "")
        if head is None:
            return {}
        if key != self._key:
            self._value = read_history(repo_root, content_dir)
            self._key = key
        return self._value
