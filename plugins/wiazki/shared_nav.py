"""Material's navigation rendered once for the pages outside the nav that share its links.

Material renders the whole site navigation (`partials/nav.html`) into every page. For a
page outside the nav (a bundle's, a partner's) no nav item is active, so the nav's HTML
differs between two such pages only by its relative links, and MkDocs makes those
(`mkdocs.utils.get_relative_url`) from the page's folder: when no link of the nav leads
into that folder, the links depend only on the folder's parent and its depth. The 1,000
bundle pages of `wiazki/<id>/` then share one nav: Material renders it for the first and
the others reuse its text (a 1,000-bundle build: make bench; the nav was about a fifth of
MkDocs' page rendering).

theme/partials/nav.html calls `key`, `get` and `keep` (as the template global
`wiazki_nav`) and includes Material's own partial through the loader prefix `BASE`, so a
page in the nav, or one that a nav link leads into, is rendered by Material as before. A
theme's own custom_dir partials/nav.html comes first and then replaces ours; a custom_dir
with another partial of the nav (`NAV_PARTIALS`: nav-item.html may read the page) turns the
sharing off (`install(shared=False)`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2

#: Loader prefix of the theme's templates without ours: "base/partials/nav.html" is Material's.
BASE = "wiazki-base"
#: The partials Material's nav renders: one of them in a theme's custom_dir may read the page.
NAV_PARTIALS = ("nav.html", "nav-item.html", "logo.html", "source.html")

Key = tuple[tuple[str, ...], int]


def _parts(url: str) -> tuple[str, ...]:
    """A URL's folder segments as `get_relative_url` reads a page's URL (a last segment with
    a dot is a file name), or a link's target: "wiazki/a/" → ("wiazki", "a")."""
    parts: list[str] = []
    for part in url.split("/"):
        if part == "..":  # as MkDocs normalises a link: "wiazki/../wiazki/a/" is "wiazki/a/"
            parts = parts[:-1]
        elif part and part != ".":
            parts.append(part)
    return tuple(parts)


class SharedNav:
    """The nav's HTML by `Key` (a page's folder without its last segment, and its depth), for one build.

    A key is given only for a page outside the nav whose folder no nav link leads into;
    every other page gets None and Material renders its nav itself."""

    def __init__(self, extra_urls: Sequence[str] = (), shared: bool = True) -> None:
        """`extra_urls`: other site-relative URLs the nav template links to (the logo, a
        configured home page), checked as the nav's own links are; `shared` False: no
        page gets a key (Material renders every nav)."""
        self._shared = shared
        self._html: dict[Key, str] = {}
        self._extra = [_parts(url) for url in extra_urls]
        self._nav: Any = None
        self._in_nav: set[int] = set()
        self._targets: list[tuple[str, ...]] = []

    def _learn(self, nav: Any) -> None:
        self._nav, self._html = nav, {}
        self._in_nav = {id(page) for page in nav.pages}
        targets, items = list(self._extra), list(nav.items)
        while items:
            item = items.pop()
            url = getattr(item, "url", None)
            if isinstance(url, str) and "://" not in url and not url.startswith(("/", "#", "mailto:")):
                targets.append(_parts(url.split("#")[0]))
            items.extend(getattr(item, "children", None) or ())
        self._targets = targets

    def key(self, page: Any, nav: Any) -> Key | None:
        """The key of `page`'s nav, or None when Material must render it (a page in the nav,
        one a nav link leads into, or no page)."""
        if not self._shared or page is None or nav is None or getattr(page, "url", None) is None:
            return None
        if nav is not self._nav:
            self._learn(nav)
        if id(page) in self._in_nav:
            return None
        url = page.url
        folder, _, name = url.rpartition("/")
        parts = _parts(folder if "." in name else url)
        if not parts or any(target[: len(parts)] == parts for target in self._targets):
            return None
        return parts[:-1], len(parts)

    def get(self, key: Key | None) -> str | None:
        """The nav's HTML kept for `key`, or None."""
        return None if key is None else self._html.get(key)

    def keep(self, key: Key | None, html: str) -> str:
        """Keep `html` for `key` (none for None); returns `html`."""
        if key is not None:
            self._html[key] = html
        return html


def install(
    env: jinja2.Environment, base_dirs: Sequence[str], extra_urls: Sequence[str] = (), shared: bool = True
) -> SharedNav:
    """Give `env` a new `SharedNav` as the global `wiazki_nav`, and the loader prefix `BASE`
    for the templates of `base_dirs` (the theme's folders after ours). Call once per build
    (MkDocs' `on_env`): the kept HTML belongs to one build's nav and site_url."""
    shared_nav = SharedNav(extra_urls, shared)
    env.globals["wiazki_nav"] = shared_nav
    loader = env.loader
    if isinstance(loader, jinja2.ChoiceLoader) and getattr(loader, "wiazki_base", False):
        loader = loader.loaders[0]
    base = jinja2.PrefixLoader({BASE: jinja2.FileSystemLoader(list(base_dirs))})
    combined = jinja2.ChoiceLoader([loader, base]) if loader is not None else jinja2.ChoiceLoader([base])
    combined.wiazki_base = True  # type: ignore[attr-defined]
    env.loader = combined
    return shared_nav


def overrides_nav(custom_dir: str | None) -> bool:
    """Whether a theme's `custom_dir` has a partial of the nav (`NAV_PARTIALS`) of its own."""
    return bool(custom_dir) and any((Path(str(custom_dir)) / "partials" / name).is_file() for name in NAV_PARTIALS)
