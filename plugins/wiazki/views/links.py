"""Relative links between the site's pages (no MkDocs: the views make every link)."""

from __future__ import annotations

import posixpath


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at site-relative URL `from_url` to `to_url` (a path, maybe
    with "?query"): "../../partnerzy/b/" from "wiazki/a/". What `posixpath.relpath`
    answers for the path, a folder's link ending in "/" ("./" for the page's own)."""
    base = posixpath.dirname(from_url.rstrip("/")) if not from_url.endswith("/") else from_url.rstrip("/")
    target, _, query = to_url.partition("?")
    if ".." in target or ".." in base or target.startswith("/") or base.startswith("/"):
        rel = posixpath.relpath(target or ".", base or ".")
    else:
        # Both from the site's root: what `relpath` answers, without its `abspath` and
        # `normpath` of both (18,600 links at 1,000 bundles, 13,000 of them different).
        from_parts = [part for part in base.split("/") if part not in ("", ".")]
        to_parts = [part for part in target.split("/") if part not in ("", ".")]
        common = 0
        for mine, theirs in zip(from_parts, to_parts, strict=False):
            if mine != theirs:
                break
            common += 1
        rel = "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."
    if target == "" or target.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"?{query}" if query else "")
