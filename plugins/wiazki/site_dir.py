"""Whether MkDocs can write the built site into its folder, checked before the build.

MkDocs itself fails at the first file it copies into a folder it cannot write with a
traceback (NotADirectoryError when a part of the path is a file, PermissionError,
read-only file systems); the plugin checks first and stops with one Polish line.
"""

from __future__ import annotations

import os
from pathlib import Path


def unwritable(site_dir: Path) -> str | None:
    """The Polish reason the site cannot be written into `site_dir` (made as needed,
    as MkDocs does), or None when it can. Looks at the folder, or its nearest existing
    parent when it does not exist yet: a file there, or no write permission (os.access:
    the process's rights, read-only file systems included). Never raises."""
    path = Path(os.path.abspath(site_dir))
    existing = next((p for p in [path, *path.parents] if os.path.lexists(p)), None)
    if existing is None:
        return None
    if not existing.is_dir():
        return f"„{existing}” jest plikiem, nie folderem"
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"brak prawa zapisu w folderze „{existing}”"
    return None


def cannot_write(site_dir: str | Path) -> str | None:
    """The plugin's error for `unwritable(site_dir)` (None when the site can be written):
    "wiazki: nie można zapisać strony w „<site_dir>”: <reason> (opcja -d / site_dir)"."""
    reason = unwritable(Path(site_dir))
    return (
        None if reason is None else f"wiazki: nie można zapisać strony w „{site_dir}”: {reason} (opcja -d / site_dir)"
    )
