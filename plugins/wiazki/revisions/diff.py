"""A semantic diff of the content between two git revisions, for reviewers.

Reviewers of a pull request read what changed in the canvas and in the Design
Thinking record ("usługa dodana", "412 000 zł → 430 000 zł", "Etap: A → B")
instead of a YAML diff. Three parts, each its own module:

- `read`: the files that differ between two commits, parsed (git);
- `compare`: those files compared as plain data into a `ContentDiff` (pure);
- `render`: the changes as text (`render_text`) or Markdown (`render_markdown`).
"""

from __future__ import annotations

from pathlib import Path

from wiazki.format.teryt import Register, load_register
from wiazki.revisions.changes import ContentDiff, FileChange, Line
from wiazki.revisions.compare import compare, partner_names
from wiazki.revisions.compare_values import changed_paths
from wiazki.revisions.git import merge_base, resolve
from wiazki.revisions.read import read_revisions
from wiazki.revisions.render import (
    MAX_LINES_PER_FILE,
    MAX_OUTPUT_BYTES,
    MAX_VALUE_CHARS,
    clip,
    render_markdown,
    render_text,
)

__all__ = [
    "MAX_LINES_PER_FILE",
    "MAX_OUTPUT_BYTES",
    "MAX_VALUE_CHARS",
    "ContentDiff",
    "FileChange",
    "Line",
    "changed_paths",
    "clip",
    "compute_diff",
    "render_markdown",
    "render_text",
]


def compute_diff(
    repo: Path,
    base: str,
    head: str,
    content: str = "content",
    register: Register | None = None,
    from_merge_base: bool = False,
) -> ContentDiff:
    """Compare the content folder (relative to the repository root) at two revisions.

    With `from_merge_base`, compare from where `head` branched off `base` (as
    `git diff BASE...HEAD` does): a pull request's own changes, not the ones
    merged into the base branch since. Raises `GitError` (Polish message) when a
    revision does not exist.
    """
    base_sha, head_sha = resolve(repo, base), resolve(repo, head)
    if from_merge_base:
        base_sha = merge_base(repo, base_sha, head_sha)
    pairs, partners = read_revisions(repo, base_sha, head_sha, content)
    return compare(pairs, partner_names(partners), register or load_register(), base_sha, head_sha)
