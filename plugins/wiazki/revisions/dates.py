"""The date each source file last changed, from git, in one pass.

One `git log --name-only` over the given folders (the content folder and docs/) gives,
for every file, the newest commit on the main line that changed it; the site uses it
for `<lastmod>` in sitemap.xml and for "Ostatnia zmiana" on a bundle page. Like the
bundles' history (`revisions/history.py`), it follows the main line (`--first-parent`),
takes the author date (for a merge commit: when the pull request was merged), and
degrades to no dates, never an error: no git, no repository, no commit yet. In a
shallow clone the boundary commits are skipped, as they would show every file as
changed on the day of the oldest commit fetched.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from pathlib import Path

from wiazki.revisions.git import GitError, is_shallow, relative_to_repo, run_git, shallow_boundary, toplevel
from wiazki.revisions.history import head_commit

log = logging.getLogger(__name__)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_last_changes(repo_root: Path, folders: Iterable[Path]) -> dict[Path, str]:
    """{absolute path of a file: YYYY-MM-DD of its last change}, for files in `folders`.

    Files never committed have no date; folders outside the repository are skipped.
    Empty (with an info log) without a usable history.
    """
    try:
        root = toplevel(Path(repo_root))
        if head_commit(root) is None:
            return {}
        paths = []
        for folder in folders:
            try:
                paths.append(relative_to_repo(root, folder if folder.is_absolute() else Path(repo_root) / folder))
            except GitError:
                continue
        if not paths:
            return {}
        boundary = shallow_boundary(root) if is_shallow(root) else set()
        out = run_git(
            root,
            "log",
            "--first-parent",
            "--diff-merges=first-parent",
            "--no-renames",
            "--format=%x1e%H%x1f%aI%x1f",
            "--name-only",
            "-z",
            "HEAD",
            "--",
            *(p or "." for p in paths),
        )
    except (GitError, OSError, ValueError) as exc:
        log.info("Daty zmian niedostępne: %s", exc)
        return {}
    dates: dict[Path, str] = {}
    top = Path(os.path.realpath(root))
    for record in out.decode("utf-8", "replace").split("\x1e"):
        fields = record.split("\x1f")
        if len(fields) != 3 or fields[0] in boundary or not _DATE.match(fields[1]):
            continue
        day = fields[1][:10]
        for name in fields[2].split("\0"):
            name = name.strip("\n")
            # Newest first: the first date seen for a file is its last change.
            if name and (top / name) not in dates:
                dates[top / name] = day
    return dates


class LastChangeCache:
    """`read_last_changes` once per checked-out commit (`mkdocs serve` rebuilds reuse it)."""

    def __init__(self) -> None:
        self._key: tuple[str, ...] | None = None
        self._value: dict[Path, str] = {}

    def get(self, repo_root: Path, folders: Iterable[Path]) -> dict[Path, str]:
        folders = list(folders)
        head = head_commit(repo_root)
        if head is None:
            return {}
        key = (str(repo_root), head, *map(str, folders))
        if key != self._key:
            self._value = read_last_changes(repo_root, folders)
            self._key = key
        return self._value


class SourceDates:
    """Last-change dates of a site's sources, looked up by what a page is made from."""

    def __init__(self, dates: dict[Path, str], content_dir: Path) -> None:
        self._dates = dates
        self._content_dir = Path(os.path.realpath(content_dir))
        self._newest: str | None = None
        self._newest_known = False

    def file(self, path: str | Path) -> str | None:
        """The date of a file (a hand-written page's Markdown), or None."""
        return self._dates.get(Path(os.path.realpath(path)))

    def content(self, source: str) -> str | None:
        """The date of a content file given relative to the content folder ("bundles/x.yml")."""
        # Most files are no symlink: found without `realpath`'s lstat of every folder
        # on the way (2,000 look-ups at 1,000 bundles).
        found = self._dates.get(self._content_dir / source)
        return found if found is not None else self.file(self._content_dir / source)

    @property
    def newest_content(self) -> str | None:
        """The newest date of any content file: pages built from the whole catalogue."""
        if not self._newest_known:
            inside = [day for path, day in self._dates.items() if path.is_relative_to(self._content_dir)]
            self._newest = max(inside, default=None)
            self._newest_known = True
        return self._newest

    def page(self, source: str | None, generated: bool, hand_file: str | None, from_catalogue: bool) -> str | None:
        """The date of a page (its `<lastmod>` in sitemap.xml): a generated page's
        content file (`source`; none: the whole catalogue, e.g. the catalogue page), or
        a hand page's Markdown (`hand_file`), the newest content too when the page shows
        numbers from the catalogue (`from_catalogue`); None when unknown."""
        if generated:
            return self.content(source) if source else self.newest_content
        day = self.file(hand_file) if hand_file else None
        if from_catalogue:
            day = max(filter(None, (day, self.newest_content)), default=None)
        return day
