"""Reading values of content files as plain data, whatever a (possibly invalid) file holds."""

from __future__ import annotations

from typing import Any


def get(data: Any, *path: Any) -> Any:
    """The value at `path` (keys and list indices), or None where the data has no such place."""
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or not -len(data) <= part < len(data):
                return None
        elif not isinstance(data, dict):
            return None
        data = data[part] if isinstance(part, int) else data.get(part)
    return data


def filled(value: Any) -> bool:
    """Whether a block or section holds anything: a non-blank text, a number, a non-empty list or mapping."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(filled(item) for item in value)
    if isinstance(value, dict):
        return any(filled(item) for item in value.values())
    return True
