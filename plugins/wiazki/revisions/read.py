"""Reading the content files of two git revisions (the first of the diff's three parts)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from wiazki.revisions.changes import BUNDLES, PARTNERS, FilePair, Side
from wiazki.revisions.git import BlobReader, list_files
from wiazki.validation.loader import MAX_FILE_BYTES, load_bytes


def _content_files(files: Mapping[str, Any], folder: str) -> dict[str, Any]:
    """Files directly in `folder` with the .yml extension, by id (the file name's stem)."""
    found = {}
    for path, entry in files.items():
        pure = PurePosixPath(path)
        if pure.suffix == ".yml" and str(pure.parent) == folder:
            found[pure.stem] = entry
    return found


def side_of(path: str, raw: bytes | None) -> Side:
    """A file's data from its bytes, or the loader's first problem; None bytes: a file git could not give."""
    if raw is None:
        return Side(None, "nie można odczytać pliku z repozytorium")
    doc, problems = load_bytes(path, raw)
    # The loader reports only errors; a file with any (an alias, a custom tag)
    # is not in the format, even when it could build data from it.
    if doc is None or problems:
        first = problems[0] if problems else None
        where = f" (wiersz {first.line}, kolumna {first.column})" if first else ""
        return Side(None, (first.message if first else "nieznany błąd") + where)
    return Side(doc.data)


def read_revisions(
    repo: Path, base_sha: str, head_sha: str, content: str
) -> tuple[list[FilePair], list[tuple[str, Side]]]:
    """The content files that differ between two commits, and every partner file of both by id (base first).

    `content` is the content folder relative to the repository root ("" for the root).
    Files with the same blob on both sides are not read.
    """
    prefix = f"{content}/" if content else ""
    pairs: list[FilePair] = []
    partners: list[tuple[str, Side]] = []
    with BlobReader(repo) as reader:

        def read(entry: Any) -> Side:
            return side_of(entry.path, reader.read(entry.blob, limit=MAX_FILE_BYTES))

        trees = {}
        for folder in (BUNDLES, PARTNERS):
            old = _content_files(list_files(repo, base_sha, prefix + folder), prefix + folder)
            new = _content_files(list_files(repo, head_sha, prefix + folder), prefix + folder)
            trees[folder] = (old, new)
        for side in (0, 1):
            partners += [(pid, read(entry)) for pid, entry in trees[PARTNERS][side].items()]
        for folder in (BUNDLES, PARTNERS):
            old, new = trees[folder]
            for fid in sorted(set(old) | set(new)):
                before, after = old.get(fid), new.get(fid)
                if before is not None and after is not None and before.blob == after.blob:
                    continue
                pairs.append(FilePair(folder, fid, read(before) if before else None, read(after) if after else None))
    return pairs, partners


def read_files(old: Mapping[str, bytes], new: Mapping[str, bytes]) -> tuple[list[FilePair], list[tuple[str, Side]]]:
    """As `read_revisions`, for two sets of files given as bytes by path in the content folder.

    Paths are like "bundles/<id>.yml" and "partners/<id>.yml"; other paths are
    ignored. No git: for comparing two folders, and for testing the comparison.
    """
    trees = {folder: (_content_files(old, folder), _content_files(new, folder)) for folder in (BUNDLES, PARTNERS)}
    partners = [
        (pid, side_of(f"{PARTNERS}/{pid}.yml", raw)) for side in (0, 1) for pid, raw in trees[PARTNERS][side].items()
    ]
    pairs = []
    for folder in (BUNDLES, PARTNERS):
        before, after = trees[folder]
        for fid in sorted(set(before) | set(after)):
            a, b = before.get(fid), after.get(fid)
            if a != b:
                path = f"{folder}/{fid}.yml"
                pairs.append(
                    FilePair(
                        folder,
                        fid,
                        side_of(path, a) if a is not None else None,
                        side_of(path, b) if b is not None else None,
                    )
                )
    return pairs, partners
