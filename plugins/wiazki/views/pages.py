"""What the views hand to a generator adapter: plain data, never HTML to parse.

`GeneratedPage` (a page's body, title, headings and kind) and `DataFile` (a file
published as it is); `HistoryProvider` is how an adapter passes a bundle's history in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from wiazki.model import Bundle


@dataclass(frozen=True)
class GeneratedPage:
    """A page to generate, as plain data for any adapter: it never needs to read the HTML.

    `kind` is one of PAGE_KINDS; `headings` are (level, id, escaped text) of the h1
    and h2 headings, for a table of contents.
    """

    src_uri: str
    #: The page's body: HTML without blank lines, so a Markdown processor keeps it as one raw block.
    html: str
    #: The page title, already escaped (Material prints meta titles unescaped).
    title: Markup
    #: The meta description, already escaped; None for the site's default.
    description: Markup | None = None
    #: The YAML file the page is made from, relative to the content folder.
    source: str | None = None
    kind: str = "page"
    headings: tuple[tuple[int, str, str], ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.headings:
            headings = tuple(
                (int(level), anchor, re.sub(r"<[^>]+>", "", inner).strip())
                for level, anchor, inner in _HEADING.findall(self.html)
            )
            object.__setattr__(self, "headings", headings)

    @property
    def in_nav(self) -> bool:
        """Listed in the site's navigation: the catalogue, the directory and other whole-site pages,
        not a page of every bundle or partner."""
        return self.kind not in ("bundle", "partner")

    @property
    def wide(self) -> bool:
        """Needs the page's full width (no table of contents beside it): the bundle's canvas does."""
        return self.kind == "bundle"


#: What a generated page is.
PAGE_KINDS = ("catalogue", "partners", "numbers", "bundle", "partner")


_HEADING = re.compile(r'<h([12]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


@dataclass(frozen=True)
class DataFile:
    """A file published as it is (open data, schemas)."""

    src_uri: str
    content: str | bytes


#: A history provider returns a bundle's change entries, newest first: objects like
#: `wiazki.revisions.history.HistoryEntry` (`date`, `subject`, `pr`, `pr_url()`, `stage_label`, `change`).
HistoryProvider = Callable[[Bundle], Sequence[Any]]
