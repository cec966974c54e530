"""What a description's Markdown is, parsed once for the validator and the renderer.

People write descriptions in GitHub's editor and see GitHub's preview in the issue
form and the pull request, so a description is read as GitHub reads it: CommonMark
(https://spec.commonmark.org/0.31.2/) with GitHub's tables and strikethrough
(https://github.github.com/gfm/), never raw HTML. markdown-it-py parses it in time
linear in the text (measured in `benchmarks/bench_hostile.py`) and without unbounded
recursion (its `maxNesting`).

The validator's link rule (rule 8) and the renderer both use `parse()`: a link the
validator did not see cannot appear on the site. Link targets are kept whatever their
scheme (markdown-it would silently turn a `javascript:` link into text), so the rule
sees every target a person wrote and the renderer drops the unsafe ones itself.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from wiazki.format.field import MARKDOWN_MAX

#: Link schemes a description may use (the format's rule 8).
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
#: The longest description, in characters (the schema's `maxLength` of `description`).
MAX_MARKDOWN_CHARS = MARKDOWN_MAX
#: The deepest nesting of lists and block quotes a description may have. Deeper
#: nesting is refused by the validator (`markdown-too-deep`); nobody reads ten levels.
MAX_DEPTH = 8
#: The most table cells (header and body) in one description (`markdown-table-too-big`).
MAX_TABLE_CELLS = 1_000

# markdown-it's own bound on nested blocks and inline markup: past it, the rest of the
# text stays text. Each list level takes two levels (list and item), so a text nested
# deeper than MAX_DEPTH always reaches levels the validator counts and refuses.
_MAX_NESTING = 4 * MAX_DEPTH + 8

# A table with a long header row and many short rows gets its missing cells filled
# in (65,536 by default, 0.8 s and 650 KB of HTML from 10 KB of text); a description
# never needs more than MAX_TABLE_CELLS, so filling stops there.
# (The package re-exports the rule function under the module's name: fetch the module.)
_table_module = importlib.import_module("markdown_it.rules_block.table")
if not hasattr(_table_module, "MAX_AUTOCOMPLETED_CELLS"):  # pragma: no cover
    raise ImportError("markdown-it-py changed its table rule: check format/commonmark.py")
setattr(_table_module, "MAX_AUTOCOMPLETED_CELLS", MAX_TABLE_CELLS)  # noqa: B010

_CONTAINERS = frozenset({"bullet_list_open", "ordered_list_open", "blockquote_open"})
_CONTAINER_ENDS = frozenset({"bullet_list_close", "ordered_list_close", "blockquote_close"})


def _keep_every_link(url: str) -> bool:
    return True


def _markdown_it() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": _MAX_NESTING, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = _keep_every_link  # type: ignore[method-assign]
    return md


_MD = _markdown_it()


@dataclass(frozen=True)
class ParsedMarkdown:
    """A description parsed: markdown-it tokens and what the rules need to know of them."""

    tokens: list[Token]
    #: Every link and image target, in order, as the HTML would carry it.
    targets: list[str]
    #: The deepest nesting of lists and block quotes (0: none).
    depth: int
    #: How many table cells the text makes, header cells included.
    table_cells: int


@lru_cache(maxsize=2048)
def parse(text: str) -> ParsedMarkdown:
    """Parse `text` (at most MAX_MARKDOWN_CHARS characters; the caller checks the length).

    Time is linear in the length of the text; nothing recurses deeper than
    markdown-it's `maxNesting`. The result is cached (the link rule and the page read
    the same parse of a description): callers must not change its tokens.
    """
    tokens = _MD.parse(text)
    targets: list[str] = []
    depth = deepest = cells = 0
    for token in tokens:
        if token.type in _CONTAINERS:
            depth += 1
            deepest = max(deepest, depth)
        elif token.type in _CONTAINER_ENDS:
            depth -= 1
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "inline":
            for child in token.children or ():
                if child.type == "link_open":
                    targets.append(str(child.attrs.get("href", "")))
                elif child.type == "image":
                    targets.append(str(child.attrs.get("src", "")))
    return ParsedMarkdown(tokens, targets, deepest, cells)


def render(tokens: list[Token]) -> str:
    """The HTML of parsed tokens (not yet sanitised)."""
    return _MD.renderer.render(tokens, _MD.options, {})


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20]")


def link_scheme(target: str) -> str | None:
    """The scheme of a link target as a browser reads it (lower case), None for a relative link.

    Browsers ignore ASCII controls and spaces around and inside a scheme
    (WHATWG URL Standard, "basic URL parser"), so `java\tscript:` is `javascript:`.
    """
    match = _SCHEME.match(_IGNORED_IN_URLS.sub("", target))
    return match.group(1).lower() if match else None
