"""Turning untrusted text into safe HTML: descriptions, URLs, dates, search text.

Every string here comes from a YAML file anyone can propose in a pull request.
Plain text is escaped by Jinja's autoescape in the templates; the one field that
is Markdown (`description`) is parsed by `format.commonmark` (the same parse the
validator's link rule reads, raw HTML off), links with other schemes than
http, https and mailto lose their target, and nh3 sanitises the result as a
second line of defence.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import nh3
from markdown_it.token import Token
from markupsafe import Markup

from wiazki.format import commonmark
from wiazki.polish import polish_date  # noqa: F401  (its old home; templates' filter)

#: Link schemes a description may use (the format's rule 8).
SAFE_SCHEMES = commonmark.SAFE_SCHEMES

#: What a rendered description may contain: text structure, never media or forms.
_ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "del",
    "s",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"style"}, "td": {"style"}}


def _unsafe_link(token: Token) -> bool:
    return token.type == "link_open" and commonmark.link_scheme(str(token.attrs.get("href", ""))) not in (
        None,
        *SAFE_SCHEMES,
    )


def markdown_to_html(text: str) -> Markup:
    """A bundle description as sanitised HTML (safe to print unescaped).

    The validator refuses a description longer than `commonmark.MAX_MARKDOWN_CHARS`;
    a longer one reaching this function anyway is cut there, so rendering stays bounded.
    """
    parsed = commonmark.parse(text[: commonmark.MAX_MARKDOWN_CHARS])
    # The parse is shared (cached): a token to change is replaced by a changed copy.
    tokens = []
    for token in parsed.tokens:
        # A description sits under the page's h2 "Opis": its headings start at h3.
        if token.type in ("heading_open", "heading_close"):
            token = token.copy(tag=f"h{min(int(token.tag[1]) + 2, 6)}")
        children = token.children or []
        if any(_unsafe_link(child) for child in children):
            safe = []
            for child in children:
                if _unsafe_link(child):
                    child = child.copy(attrs={k: v for k, v in child.attrs.items() if k != "href"})
                safe.append(child)
            token = token.copy(children=safe)
        tokens.append(token)
    html = commonmark.render(tokens)
    clean = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=set(SAFE_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        # markdown-it aligns table columns with `style="text-align:…"`; nothing else passes.
        filter_style_properties={"text-align"},
    )
    return Markup(clean.rstrip("\n"))


def safe_url(url: str | None, schemes: frozenset[str] = frozenset({"http", "https"})) -> str | None:
    """`url` when its scheme is allowed, else None (the view prints the text without a link)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in schemes else None


def search_text(*parts: str) -> str:
    """Lower-cased text for the catalogue's free-text filter (one line, single spaces)."""
    return " ".join(" ".join(parts).split()).casefold()


_EXTENSION = re.compile(r"[, ]*\(?(?:[Ww]ewn?|[Ww]|ext)\.? ?([0-9]{1,5})\)?$")


def phone_href(phone: str) -> str | None:
    """A tel: URI for a Polish phone number ("+48 63 241 05 12" → "tel:+48632410512"),
    an extension as RFC 3966 writes it ("… wew. 25" → "…;ext=25"), short numbers too ("tel:112")."""
    phone = phone[:100]
    extension = _EXTENSION.search(phone)
    number = phone[: extension.start()] if extension else phone
    digits = re.sub(r"[^0-9+]", "", number)
    if digits.startswith("00"):  # 0048 is +48: a tel: URI writes the global form (RFC 3966)
        digits = "+" + digits[2:]
    if not re.fullmatch(r"\+?[0-9]{3,15}", digits):
        return None
    return f"tel:{digits};ext={extension.group(1)}" if extension else f"tel:{digits}"


_POLISH_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
_POLISH_ORDER = {letter: i for i, letter in enumerate(_POLISH_ALPHABET)}


def polish_key(text: str) -> list[int]:
    """A sort key in Polish alphabetical order ("Łódź" after "Lublin", "Śrem" after "Szczecin")."""
    return [
        _POLISH_ORDER[c] if c in _POLISH_ORDER else (-1000 + ord(c) if not c.isalpha() else 1000 + ord(c))
        for c in text.casefold()
    ]
