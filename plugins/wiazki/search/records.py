"""Search records: what the index holds for a bundle, a partner or a hand-written page.

A record is built from the model, not parsed back from the built HTML: its visible
fields in reading order, each with a weight (Pagefind ranks a word by the weight
of the element it is in), the metadata a result shows (kind, stage, territory),
the filters the catalogue needs (kind, bundle id) and the index-only words (the
inflected forms and the spellings without "ł" of `forms`). `pagefind_html`
renders it as the small HTML document Pagefind indexes; that document is never
published, so the index-only words are never page text.

The index-only words come after `HIDDEN_MARK`; the search script never shows the
words after it in a snippet.
"""

from __future__ import annotations

import html
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

import yaml

from wiazki.format import vocab
from wiazki.model import Bundle, Catalogue, Partner
from wiazki.search.forms import WordForms, fold_l

#: Separates the visible text from the index-only words in a record's content
#: (punctuation only, so Pagefind indexes no word for it). Also in assets/search.js.
HIDDEN_MARK = "¦¦"

#: The kinds of record, their Polish labels (shown on each result) and rank factors
#: (assets/search.js multiplies a result's score by it: bundles first for the same match).
KINDS: dict[str, str] = {"bundle": "Wiązka", "partner": "Partner", "page": "Strona"}

#: Element weights (Pagefind's data-pagefind-weight, 0–10; an h1 alone would get 7).
TITLE, SUMMARY, LABELS, PLACES, NAMES, BODY, REST, FORMS = 10.0, 4.0, 3.0, 3.0, 2.0, 1.0, 0.5, 1.0
#: The weight of the forms of the running text's words (descriptions, canvas, design).
FREE_FORMS = 0.5


@dataclass(frozen=True)
class SearchRecord:
    """One search result: its site-relative URL (no leading slash) and its text."""

    url: str
    kind: str
    title: str
    #: (weight, text) in reading order; all of it may appear in a snippet.
    fields: Sequence[tuple[float, str]]
    #: Words only the index sees, in groups of one weight: (weight, words).
    hidden: Sequence[tuple[float, Sequence[str]]] = ()
    meta: dict[str, str] = field(default_factory=dict)
    filters: dict[str, list[str]] = field(default_factory=dict)


class RecordBuilder:
    """Builds the records of a catalogue; one `WordForms` cache serves every page and build."""

    def __init__(self, forms: WordForms | None = None) -> None:
        self.forms = forms or WordForms()

    def _hidden(
        self,
        fields: Iterable[tuple[float, str]],
        inflect: Sequence[tuple[float, Iterable[str]]],
        unshown: Sequence[str] = (),
    ) -> list[tuple[float, list[str]]]:
        """Index-only words by weight: the forms of the `inflect` texts (the forms of a title
        word rank like the title), the dictionary keys (`WordForms.keys`) of every word
        of `fields` at `FREE_FORMS` (the search script looks a query word up in the
        dictionary and searches its keys: a description's "usamodzielnianej" is found by
        "usamodzielnienie", its "radości" by "radość"), and each word with "ł" spelt with
        "l" at its own weight. A form already on the page at the same or a higher weight is
        left out. The words of the `unshown` texts (in no snippet: the rest of the design
        record) count by their keys only, at `FREE_FORMS`."""
        keyed_words, keyed_forms = self.forms.keyed_words, self.forms.keyed_forms
        fields = list(fields)
        # Heaviest first (a page's own word before a form of the same weight): a key's first
        # weight is its best, and what is new at each step is a set difference.
        # Only a field at least as heavy as some generated form can make one redundant.
        lowest = min((weight for weight, _ in inflect), default=0.0)
        steps = [(-weight, 0, n, text) for n, (weight, text) in enumerate(fields) if weight >= lowest]
        steps += [(-weight, 1, n, text) for n, (weight, texts) in enumerate(inflect) for text in texts]
        steps.sort(key=_step_order)
        best: dict[str, float] = {}
        by_weight: dict[float, dict[str, None]] = {}
        for negative, generated, _n, text in steps:
            weight = -negative
            if not generated:
                best.update(dict.fromkeys(keyed_words(text).keys() - best.keys(), weight))
                continue
            forms = keyed_forms(text)
            new = forms.keys() - best.keys()
            if new:
                best.update(dict.fromkeys(new, weight))
                group = by_weight.setdefault(weight, {})
                for key in [k for k in forms if k in new]:
                    group[forms[key]] = None
                    if "ł" in key:
                        group[fold_l(forms[key])] = None
        free = by_weight.setdefault(FREE_FORMS, {})
        for weight, text in fields:
            if with_l := self.forms.spelt_with_l(text):
                by_weight.setdefault(weight, {}).update(dict.fromkeys(with_l))
            for key in self.forms.new_keys_of_text(text):
                if key not in best:
                    free[key] = None
        for text in unshown:
            for key in self.forms.keys_of_text(text):
                if key not in best:
                    free[key] = None
        return [(w, list(group)) for w, group in sorted(by_weight.items(), reverse=True) if group]

    def mark_places(self, catalogue: Catalogue) -> None:
        """Tell the word forms the catalogue's places (every unit of every territory, the
        partners' cities) before any record is made: `WordForms.mark_places`."""
        register = catalogue.register
        codes = {c for b in catalogue.bundles.values() for c in b.territory}
        codes |= {c for p in catalogue.partners.values() for c in p.territory}
        names = [u for code in sorted(codes) for u in _unit_names(register.describe(code))]
        names += [p.address.city for p in catalogue.partners.values() if p.address]
        self.forms.mark_places(names)

    def bundle(self, bundle: Bundle, catalogue: Catalogue, url: str) -> SearchRecord:
        register = catalogue.register
        places = [register.describe(code) for code in bundle.territory]
        names = [catalogue.territory_name(code) for code in bundle.territory]
        groups = [vocab.TARGET_GROUPS.label(g) for g in bundle.groups]
        kinds = [vocab.SERVICE_TYPES.label(t) for t in bundle.service_types]
        areas = [vocab.SERVICE_AREAS.label(a) for a in bundle.service_areas]
        services = [s.name for s in bundle.canvas.services]
        body = [bundle.canvas.value_summary or "", *(s.description for s in bundle.canvas.customer_segments)]
        body += [s.description for s in bundle.canvas.services]
        body += [_markdown_text(bundle.description) if bundle.description else ""]
        rest = _canvas_and_design_text(bundle, catalogue)
        fields = [
            (TITLE, bundle.title),
            (SUMMARY, bundle.summary),
            (LABELS, "Dla kogo: " + ", ".join(groups)),
            (PLACES, "Obszar: " + "; ".join(places)),
            (LABELS, "Usługi: " + ", ".join(kinds + areas)),
            (NAMES, ". ".join(services)),
            (BODY, " ".join(t for t in body if t)),
            (REST, rest),
        ]
        # Every gmina, powiat and województwo the territory lies in, by name: "Koninie" finds Konin.
        units = [unit for place in places for unit in _unit_names(place)]
        # The words that matter: the title, the vocabulary labels, the places, the
        # bundle's own keywords, the service names and the summary (the stemmer misses
        # genitive plurals: "opiekunek" is not "opiekunki"). Not the rest of the running
        # text: at 1,000 bundles its forms made the index 70% larger (4.6 → 7.9 MB) and
        # every result's fragment heavier, for words the stemmer mostly covers.
        inflect = [
            (TITLE, [bundle.title]),
            (LABELS, [*groups, *kinds, *areas, *names, *units, *bundle.keywords]),
            (NAMES, services),
            (SUMMARY, [bundle.summary]),
        ]
        # The bundle's own `keywords` (in `inflect`) are search words, never shown: index-only.
        hidden = self._hidden(fields, inflect, [_design_notes(bundle)])
        return SearchRecord(
            url=url,
            kind="bundle",
            title=bundle.title,
            fields=[(w, t) for w, t in fields if t],
            hidden=hidden,
            # A town's urban and rural gmina share a name: "Ełk", not "Ełk; Ełk".
            meta={"kind": KINDS["bundle"], "stage": bundle.stage_label, "territory": "; ".join(dict.fromkeys(names))},
            filters={"kind": ["bundle"], "bundle": [bundle.id]},
        )

    def partner(self, partner: Partner, catalogue: Catalogue, url: str) -> SearchRecord:
        city = partner.address.city if partner.address else ""
        places = [catalogue.register.describe(code) for code in partner.territory]
        titles = [p.bundle.title for p in catalogue.participation(partner.id)]
        fields = [
            (TITLE, partner.name),
            (NAMES, partner.short_name or ""),
            # The page shows the registry numbers: a partner is found by its NIP, KRS or REGON.
            (NAMES, " ".join(filter(None, [partner.nip, partner.krs, partner.regon]))),
            (LABELS, f"{partner.kind_label}, {partner.sector_label}"),
            (PLACES, "; ".join(filter(None, [city, *places]))),
            (BODY, partner.description or ""),
            (BODY, "Wiązki: " + "; ".join(titles) if titles else ""),
        ]
        units = [u for p in places for u in _unit_names(p)]
        inflect = [(TITLE, [partner.name]), (LABELS, [partner.kind_label, city, *units])]
        return SearchRecord(
            url=url,
            kind="partner",
            title=partner.name,
            fields=[(w, t) for w, t in fields if t],
            hidden=self._hidden(fields, inflect),
            meta={"kind": KINDS["partner"]},
            filters={"kind": ["partner"]},
        )

    def page(self, url: str, title: str, content_html: str) -> SearchRecord:
        """A hand-written page from its rendered body (HTML from Markdown; the site's own text)."""
        return self._page(url, title, _text_of(content_html))

    def page_from_markdown(self, url: str, title: str, source: str) -> SearchRecord:
        """A hand-written page from its Markdown source (before the build renders it, so
        that the index can be made while pages render); HTML comments and tags are dropped."""
        return self._page(url, title, _markdown_text(_text_of(_COMMENT.sub(" ", source))))

    def hand_pages(self, pages: Iterable[tuple[str, str]]) -> list[SearchRecord]:
        """Records of hand-written pages from (url, Markdown source with optional YAML front
        matter). Material's front matter `search: {exclude: true}` leaves a page out; the title
        is the front matter's `title`, else the first "# " heading, else the URL."""
        records = []
        for url, source in pages:
            meta: object = {}
            found = _FRONT_MATTER.match(source)
            if found:
                try:
                    meta = yaml.safe_load(found.group(1)) or {}
                except yaml.YAMLError:
                    meta = {}
                source = source[found.end() :]
            meta = meta if isinstance(meta, dict) else {}
            if isinstance(meta.get("search"), dict) and meta["search"].get("exclude"):
                continue
            heading = re.search(r"^#\s+(.+?)\s*#*\s*$", source, re.M)
            title = str(meta.get("title") or (heading.group(1) if heading else url or "Start"))
            records.append(self.page_from_markdown(url, title, source))
        return records

    def _page(self, url: str, title: str, text: str) -> SearchRecord:
        return SearchRecord(
            url=url,
            kind="page",
            title=title,
            fields=[(TITLE, title), (BODY, text)],
            hidden=self._hidden([(TITLE, title), (BODY, text)], [(TITLE, [title])]),
            meta={"kind": KINDS["page"]},
            filters={"kind": ["page"]},
        )


def _canvas_and_design_text(bundle: Bundle, catalogue: Catalogue) -> str:
    """The rest of a bundle page's text: the other canvas blocks, the partners, the design
    challenge and needs (not the whole design record: notes of a process, not what people
    look for, and every word of it would weigh on each result a query loads)."""
    c, d = bundle.canvas, bundle.design
    partners = [catalogue.partners[p].display_name for p in bundle.partner_ids() if p in catalogue.partners]
    parts = [*partners, *(k.role_label + ": " + k.contribution for k in c.key_partners)]
    parts += [*c.key_activities, *c.key_resources, *c.channels, *c.customer_relationships]
    parts += [r.label + ": " + r.description for r in c.revenue_streams] + [x.item for x in c.cost_structure]
    parts += [d.challenge or "", *d.needs, d.chosen or ""]
    parts += [bundle.contact.note or ""] if bundle.contact else []
    return " ".join(p.strip() for p in parts if p and p.strip())


#: (-weight, generated, position) of a step of `RecordBuilder._hidden`: heaviest first, a
#: page's own words before forms, then in order (never the text: ties keep their order).
_step_order = operator.itemgetter(0, 1, 2)


def _design_notes(bundle: Bundle) -> str:
    """The design record's parts that `_canvas_and_design_text` leaves out: methods, findings,
    ideas, tests, milestones and risks (found by their words' keys, never shown in a snippet)."""
    d = bundle.design
    parts = [*d.methods, *d.findings, *d.ideas, *d.risks, *(m.milestone for m in d.milestones)]
    parts += [text for t in d.tests for text in (t.method, *t.feedback, *t.changes)]
    return " ".join(parts)


def _unit_names(description: str) -> list[str]:
    """ "Kramsk (gmina wiejska), powiat koniński, woj. wielkopolskie" → the names in it."""
    parts = re.split(r"[,;]", re.sub(r"\([^)]*\)", "", description))
    return [p.replace("powiat", "").replace("woj.", "").strip() for p in parts if p.strip()]


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.S)
#: Markdown's link targets and markup characters: what a description's text is without.
# A destination stops at white space or a bracket, so each "](" looks ahead only to
# the next one: linear, where "[^)]*" was quadratic on "](" repeated (issue 8).
_MARKDOWN_LINK = re.compile(r"\]\([^\s()\[\]]*\)")
_MARKDOWN_MARKS = re.compile(r"[*_`#>|\[\]]+")


def _markdown_text(source: str) -> str:
    """The words of a Markdown description, cheaply (the page renders it; the index needs words)."""
    return " ".join(_MARKDOWN_MARKS.sub(" ", _MARKDOWN_LINK.sub("] ", source)).split())


class _PageText(HTMLParser):
    """The text of a page body, without scripts, styles, SVG, heading permalinks ("¶")
    and elements marked `data-pagefind-ignore` (Pagefind's own convention)."""

    _VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._VOID:
            return
        names = {name for name, _ in attrs}
        classes = (dict(attrs).get("class") or "").split()
        if (
            self._skipping
            or tag in ("script", "style", "svg")
            or "data-pagefind-ignore" in names
            or tag == "a"
            and "headerlink" in classes
        ):
            self._skipping.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _text_of(content_html: str) -> str:
    parser = _PageText()
    parser.feed(content_html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def pagefind_html(record: SearchRecord) -> str:
    """The document Pagefind indexes for `record` (never published).

    Text is escaped; metadata and filters sit outside the indexed body in attributes,
    so that commas in a territory do not split them.
    """
    e = lambda text: html.escape(text, quote=True)  # noqa: E731
    meta = dict(record.meta)
    # The title with its index-only forms, as metadata: Pagefind ranks a match in the
    # title metadata far above one in the text, and the site's script weighs this
    # field instead of the plain title, so "seniorów" ranks "Senior u siebie" high.
    meta["titles"] = " ".join([record.title, *(w for weight, group in record.hidden if weight >= TITLE for w in group)])
    head = [f'<span data-pagefind-meta="{e(k)}[data-v]" data-v="{e(v)}"></span>' for k, v in meta.items() if v]
    head += [
        f'<span data-pagefind-filter="{e(k)}[data-v]" data-v="{e(v)}"></span>'
        for k, vs in record.filters.items()
        for v in vs
    ]
    body = [f'<h1 data-pagefind-weight="{TITLE}">{e(record.title)}</h1>']
    body += [f'<p data-pagefind-weight="{w}">{e(t)}</p>' for w, t in record.fields[1:]]
    if record.hidden:
        body.append(f"<p>{HIDDEN_MARK}</p>")
        body += [f'<p data-pagefind-weight="{w}">{e(" ".join(group))}</p>' for w, group in record.hidden if group]
    return (
        '<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><title>'
        + e(record.title)
        + "</title></head><body>"
        + "".join(head)
        + "<main data-pagefind-body>"
        + "".join(body)
        + "</main></body></html>"
    )
