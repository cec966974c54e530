"""Atom feeds (RFC 4287) of new and changed bundles: the catalogue's and one per województwo.

An entry is a bundle: `published` is the day its file first appeared in git, `updated`
the day of its last change (both from the one-pass history reader,
`wiazki.revisions.history`); without history both are its `reviewed` date. Newest
first, at most `MAX_ENTRIES` per feed. The XML is written by ElementTree, which
escapes markup; characters XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE,
U+FFFF) are removed from every text first, because no escape can carry them.
Ids are `urn:uuid:` UUID 5s (`wiazki.views.hsds.uid`), so they survive a move of the site.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from wiazki.model import Bundle, Catalogue
from wiazki.safetext import clip
from wiazki.views.hsds import uid
from wiazki.views.opendata import DataLicence, History, first_published, last_changed

ATOM_NS = "http://www.w3.org/2005/Atom"
#: Entries per feed: a reader polls often; the whole catalogue is in api/bundles.json.
MAX_ENTRIES = 100
CATALOGUE_FEED = "feeds/bundles.atom"
#: Longest commit subject quoted in an entry (as `wiazki.revisions.render.MAX_VALUE_CHARS`).
SUBJECT_CHARS = 160

# Everything outside XML 1.0's Char production: https://www.w3.org/TR/xml/#charsets
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry."""
    return _NOT_XML.sub("", text)


def voivodeship_feed(code: str) -> str:
    return f"feeds/voivodeship-{code}.atom"


def _timestamp(day: str) -> str:
    return f"{day}T00:00:00Z"


@dataclass(frozen=True)
class Feed:
    """One feed to write: where, its title, and the bundles it lists."""

    src_uri: str
    title: str
    #: The catalogue page the feed mirrors (site-relative URL, with a filter query).
    page_url: str
    bundles: tuple[Bundle, ...]
    #: The województwo's 2-digit TERYT code; None for the whole catalogue.
    code: str | None = None


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def atom(
    feed: Feed,
    catalogue: Catalogue,
    absolute: Callable[[str], str],
    bundle_url: Callable[[str], str],
    licence: DataLicence,
    history: History | None,
    generated: str,
) -> str:
    """The feed as an XML document (str, UTF-8 declared)."""
    dated = sorted(
        ((last_changed(b, history), first_published(b, history), b) for b in feed.bundles),
        key=lambda item: (item[0], item[2].id),
        reverse=True,
    )[:MAX_ENTRIES]
    # Plain tags under a default namespace declaration: readers see <feed xmlns="…Atom">,
    # not ElementTree's generated "ns0:" prefixes.
    root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": "pl"})
    _sub(root, "id", f"urn:uuid:{uid('feed', feed.src_uri)}")
    _sub(root, "title", feed.title)
    _sub(root, "subtitle", "Nowe i zmienione wiązki usług społecznych, od najnowszej zmiany.")
    _sub(root, "updated", _timestamp(dated[0][0] if dated else generated))
    _sub(root, "link", rel="self", type="application/atom+xml", href=absolute(feed.src_uri))
    _sub(root, "link", rel="alternate", type="text/html", href=absolute(feed.page_url))
    _sub(root, "link", rel="license", href=licence.url)
    author = _sub(root, "author")
    _sub(author, "name", "Katalog wiązek usług społecznych")
    _sub(root, "rights", licence.statement)
    _sub(root, "generator", "wiazki")
    for updated, published, bundle in dated:
        entries = history(bundle) if history else ()
        entry = _sub(root, "entry")
        _sub(entry, "id", f"urn:uuid:{uid('bundle', bundle.id)}")
        _sub(entry, "title", bundle.title)
        _sub(entry, "link", rel="alternate", type="text/html", href=bundle_url(bundle.id))
        _sub(entry, "published", _timestamp(published))
        _sub(entry, "updated", _timestamp(updated))
        _sub(entry, "category", term=bundle.stage, label=bundle.stage_label)
        _sub(entry, "summary", bundle.summary)
        _sub(entry, "content", _content(bundle, catalogue, entries), type="text")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _content(bundle: Bundle, catalogue: Catalogue, entries: Sequence[Any]) -> str:
    lines = [
        bundle.summary,
        f"Etap: {bundle.stage_label}.",
        "Obszar: " + "; ".join(catalogue.register.describe(code) for code in bundle.territory) + ".",
    ]
    services = [s.name for s in bundle.canvas.services]
    if services:
        lines.append("Usługi: " + "; ".join(services) + ".")
    if entries:
        # A commit subject is untrusted and was never validated like content: on one
        # line, without controls or bidi overrides, clipped (as the site's history shows it).
        lines.append(f"Ostatnia zmiana ({entries[0].date}): {clip(entries[0].subject, SUBJECT_CHARS)}")
    return "\n".join(lines)


def feeds(catalogue: Catalogue, catalogue_url: str) -> list[Feed]:
    """The catalogue's feed and one for each of the 16 województwa (empty ones too: stable URLs)."""
    bundles = tuple(catalogue.bundles.values())
    out = [Feed(CATALOGUE_FEED, "Katalog wiązek usług społecznych – nowe i zmienione wiązki", catalogue_url, bundles)]
    for unit in sorted((u for u in catalogue.register.units.values() if len(u.code) == 2), key=lambda unit: unit.code):
        out.append(
            Feed(
                voivodeship_feed(unit.code),
                f"Wiązki usług społecznych – województwo {unit.display_name}",
                f"{catalogue_url}?voivodeship={unit.code}",
                tuple(b for b in bundles if unit.code in catalogue.voivodeships_of(b)),
                unit.code,
            )
        )
    return out
