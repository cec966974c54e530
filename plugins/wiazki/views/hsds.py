"""The catalogue in Open Referral's Human Services Data Specification 3.0 (HSDS).

Three files under `api/hsds/`: `index.json` (what this export is), `organizations.json`
and `services.json`, each an HSDS API page (`total_items`, `total_pages`, `page_number`,
`size`, `first_page`, `last_page`, `empty`, `contents`) holding every record on one page,
with our `format_version`, `generated` and `licence` beside it.

- organization: every partner; NIP, REGON and KRS as `organization_identifiers`; the
  address as a physical location; the bundles it coordinates as `programs`.
- service: every service of every available bundle; the provider is its organization,
  the bundle its program (owned by the bundle's coordinator, else its OWES), `access`
  its eligibility, `fee` and `fee_note` its cost option and fees description, the
  bundle's TERYT territory its service areas (with names), the bundle's contact its
  contact, the bundle's revenue streams its funding, `reviewed` its `assured_date`.

Ids are UUID 5 in `NAMESPACE` of a path that names the thing ("organization/<partner
id>", "service/<bundle id>/<position>", …): the same content gives the same ids on
every build and every fork. The field-by-field mapping and what HSDS has no place for
are documented on /dane/ (docs/dane.md). Source of the field names and requirements:
HSDS 3.0 compiled schemas, schema/compiled/{organization,service}.json.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import uuid
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from wiazki.format import vocab
from wiazki.model import Bundle, Catalogue, Partner, Service
from wiazki.views.opendata import DataLicence, metadata

#: The namespace of every id in the export (a UUID 5 of the catalogue's original address).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://owes-katalog.github.io/wiazki/hsds/")

HSDS_VERSION = "3.0"
HSDS_PROFILE = "https://docs.openreferral.org/en/v3.0/"
CURRENCY = "PLN"

#: Our identifiers and the names HSDS readers see as `identifier_type`.
_IDENTIFIERS = (("krs", "KRS"), ("nip", "NIP"), ("regon", "REGON"))


_NAMESPACE_BYTES = NAMESPACE.bytes


def uid(*parts: str) -> str:
    """A stable UUID 5 for the path `parts` (joined with "/"): the text of
    `uuid.uuid5(NAMESPACE, path)` (RFC 4122, section 4.3: the first 16 bytes of the SHA-1
    of the namespace and the name, with the version and variant bits set), written from
    the digest without building a `uuid.UUID`, which was two thirds of the cost of the
    37,500 ids of a 1,000-bundle build (HSDS, feeds, calendars). UnicodeEncodeError for
    a lone surrogate, as `uuid.uuid5` raises."""
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + "/".join(parts).encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


# RFC 3986: what may stand unescaped in a host (sub-delims), in user information (and
# ":"), and in a path or a query (pchar, "/" and "?"); "%" stays where it starts an escape.
_HOST_SAFE = "!$&'()*+,;="
_PATH_SAFE = _HOST_SAFE + ":@/?%"
_LONE_PERCENT = re.compile("%(?![0-9A-Fa-f]{2})")
_AUTHORITY = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<authority>[^/?#]*)(?P<rest>.*)", re.S)
_HOST_PORT = re.compile(r"(?P<host>\[[0-9A-Fa-f:.]+\]|[^:]*)(?::(?P<port>[0-9]*))?")


@lru_cache(maxsize=256)  # a site's pages share one host: 2,600 addresses at 1,000 bundles
def _host(host: str) -> str:
    # IDNA 2003 (Python's own codec); a host it refuses (an empty or over-long label)
    # stays as it is, and its percent-encoded UTF-8 below is still a URI.
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    return quote(host, safe=_HOST_SAFE)


def as_uri(url: str) -> str:
    """`url` as an RFC 3986 URI (what HSDS's `"format": "uri"` fields ask for).

    Our format takes any visible characters after `http(s)://` (URL_PATTERN): a host
    in Polish letters becomes its IDNA form ("xn--…"), every other character a URI may
    not carry is percent-encoded as UTF-8 (RFC 3987, section 3.1), a "%" that starts
    no escape included. A URI comes back unchanged.
    """
    match = _AUTHORITY.fullmatch(url)
    if match is None:
        return quote(_LONE_PERCENT.sub("%25", url), safe=_PATH_SAFE + "#")
    userinfo, at, host_port = match["authority"].rpartition("@")
    parts = _HOST_PORT.fullmatch(host_port)
    host, port = (parts["host"], parts["port"]) if parts else (host_port, None)
    authority = (quote(userinfo, safe=_HOST_SAFE + ":") + at if at else "") + (
        host if host.startswith("[") else _host(host)
    )
    authority += f":{port}" if port is not None else ""
    path, hash_, fragment = _LONE_PERCENT.sub("%25", match["rest"]).partition("#")
    return match["scheme"] + authority + quote(path, safe=_PATH_SAFE) + hash_ + quote(fragment, safe=_PATH_SAFE)


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v is not None and v != [] and v != ""}


def _page(kind: str, records: list[dict[str, Any]], licence: DataLicence, generated: str) -> dict[str, Any]:
    return {
        **metadata("hsds", licence, generated),
        "hsds_version": HSDS_VERSION,
        "total_items": len(records),
        "total_pages": 1,
        "page_number": 1,
        "size": len(records),
        "first_page": True,
        "last_page": True,
        "empty": not records,
        "contents": records,
    }


def _organization_id(partner_id: str, catalogue: Catalogue) -> str | None:
    """The organization's id, or None when the partner is not in the catalogue (its file
    has errors: a build without --strict keeps the bundles that name it). HSDS requires
    no `organization_id` of a service or a program, and one naming no record misleads."""
    return uid("organization", partner_id) if partner_id in catalogue.partners else None


def _program_owner(bundle: Bundle, catalogue: Catalogue) -> str | None:
    """The bundle's first coordinator in the catalogue, else its OWES, else None."""
    candidates = [k.partner for k in bundle.canvas.key_partners if k.role == "coordinator"]
    return next((p for p in [*candidates, bundle.facilitator] if p in catalogue.partners), None)


def program_record(bundle: Bundle, url: str, catalogue: Catalogue) -> dict[str, Any]:
    owner = _program_owner(bundle, catalogue)
    return _clean(
        {
            "id": uid("program", bundle.id),
            "organization_id": uid("organization", owner) if owner else None,
            "name": bundle.title,
            "description": f"{bundle.summary}\n\nWiązka usług społecznych: {url}",
        }
    )


def organization_record(
    partner: Partner, catalogue: Catalogue, url: str, programs: list[dict[str, Any]]
) -> dict[str, Any]:
    org_id = uid("organization", partner.id)
    identifiers = [
        {
            "id": uid("organization", partner.id, "identifier", field),
            "organization_id": org_id,
            "identifier_type": label,
            "identifier": value,
        }
        for field, label in _IDENTIFIERS
        if (value := getattr(partner, field))
    ]
    locations = []
    address = partner.address
    region_code = (address.teryt if address and address.teryt else None) or next(iter(partner.territory), None)
    region = catalogue.register.voivodeship(region_code) if region_code else None
    if address is not None and region is not None:
        location_id = uid("organization", partner.id, "location")
        locations.append(
            {
                "id": location_id,
                "location_type": "physical",
                "organization_id": org_id,
                "name": partner.display_name,
                "addresses": [
                    {
                        "id": uid("organization", partner.id, "address"),
                        "location_id": location_id,
                        "address_1": address.street,
                        "city": address.city,
                        "state_province": f"województwo {region.display_name}",
                        "postal_code": address.postal_code,
                        "country": "PL",
                        "address_type": "physical",
                    }
                ],
            }
        )
    phones = (
        [{"id": uid("organization", partner.id, "phone"), "organization_id": org_id, "number": partner.phone}]
        if partner.phone
        else []
    )
    return _clean(
        {
            "id": org_id,
            "name": partner.name,
            "alternate_name": partner.short_name,
            # HSDS requires a description; a partner without one is described by its kind.
            "description": partner.description or f"{partner.kind_label} ({partner.sector_label}).",
            "email": partner.email,
            "website": as_uri(partner.website) if partner.website else None,
            "legal_status": partner.kind_label,
            "uri": as_uri(url),
            "phones": phones,
            "locations": locations,
            "programs": programs,
            "organization_identifiers": identifiers,
        }
    )


def _fees_description(service: Service) -> str:
    label = vocab.FEES.label(service.fee)
    return f"{label}. {service.fee_note}" if service.fee_note else f"{label}."


def _cost_option(service_id: str, service: Service) -> dict[str, Any]:
    option: dict[str, Any] = {
        "id": uid("cost_option", service_id),
        "service_id": service_id,
        "option": vocab.FEES.label(service.fee),
        "currency": CURRENCY,
        "amount_description": service.fee_note,
    }
    if service.fee == "free":
        option["amount"] = 0
    return _clean(option)


#: Our vocabularies as HSDS taxonomies: (key in the id paths, vocabulary, Polish name).
_TAXONOMIES = (
    ("service_type", vocab.SERVICE_TYPES, "Rodzaje usług"),
    (
        "service_area",
        vocab.SERVICE_AREAS,
        "Obszary usług społecznych (ustawa o centrach usług społecznych, art. 2 ust. 1)",
    ),
    ("target_group", vocab.TARGET_GROUPS, "Grupy odbiorców"),
)


def _attributes(service_id: str, service: Service, bundle: Bundle) -> list[dict[str, Any]]:
    """The service's type and area and the bundle's target groups as taxonomy terms."""
    codes = {"service_type": [service.type], "service_area": [service.area], "target_group": list(bundle.groups)}
    attributes = []
    for key, vocabulary, name in _TAXONOMIES:
        for code in codes[key]:
            term_id = uid("taxonomy_term", key, code)
            attributes.append(
                {
                    "id": uid("attribute", service_id, key, code),
                    "link_id": service_id,
                    "link_entity": "service",
                    "taxonomy_term_id": term_id,
                    "taxonomy_term": {
                        "id": term_id,
                        "code": code,
                        "name": vocabulary.label(code),
                        "description": f"{name}: {vocabulary.label(code)}",
                        "taxonomy": f"{name} – format wiązek usług społecznych, wersja 1",
                        "language": "pl",
                    },
                }
            )
    return attributes


def service_record(
    bundle: Bundle, position: int, service: Service, catalogue: Catalogue, url: str, program: dict[str, Any]
) -> dict[str, Any]:
    service_id = uid("service", bundle.id, str(position))
    register = catalogue.register
    groups = "; ".join(vocab.TARGET_GROUPS.label(g) for g in bundle.groups)
    contact = bundle.contact
    contacts = []
    if contact is not None:
        contact_id = uid("contact", service_id)
        phones = (
            [
                _clean(
                    {
                        "id": uid("phone", contact_id),
                        "contact_id": contact_id,
                        "number": contact.phone,
                        "description": contact.note,
                    }
                )
            ]
            if contact.phone
            else []
        )
        contacts.append(_clean({"id": contact_id, "service_id": service_id, "email": contact.email, "phones": phones}))
    return _clean(
        {
            "id": service_id,
            "organization_id": _organization_id(service.provider, catalogue),
            "program_id": program["id"],
            "name": service.name,
            "description": service.description,
            "url": as_uri((contact.url if contact and contact.url else None) or url),
            "email": contact.email if contact else None,
            "status": "active",
            "application_process": contact.note if contact else None,
            "eligibility_description": f"{service.access}\n\nDla kogo (wiązka): {groups}."
            if groups
            else service.access,
            "fees_description": _fees_description(service),
            "assured_date": bundle.reviewed,
            "service_areas": [
                {
                    "id": uid("service_area", service_id, code),
                    "service_id": service_id,
                    "name": register.describe(code),
                    "description": f"Kod TERYT (TERC): {code}",
                }
                for code in bundle.territory
            ],
            "cost_options": [_cost_option(service_id, service)],
            "funding": [
                {
                    "id": uid("funding", service_id, str(i)),
                    "service_id": service_id,
                    "source": f"{vocab.FUNDING_SOURCES.label(r.source)}: {r.description}",
                }
                for i, r in enumerate(bundle.canvas.revenue_streams)
            ],
            "contacts": contacts,
            "attributes": _attributes(service_id, service, bundle),
            "program": program,
        }
    )


class HsdsExport:
    """The three HSDS files of one catalogue; records are built once and shared."""

    def __init__(
        self,
        catalogue: Catalogue,
        bundle_url: Callable[[str], str],
        partner_url: Callable[[str], str],
        licence: DataLicence,
        generated: str,
    ) -> None:
        self.catalogue = catalogue
        self.licence = licence
        self.generated = generated
        available = catalogue.by_status("available")
        programs = {b.id: program_record(b, bundle_url(b.id), catalogue) for b in available}
        owned: dict[str | None, list[dict[str, Any]]] = {}
        for bundle in available:
            owned.setdefault(_program_owner(bundle, catalogue), []).append(programs[bundle.id])
        self.organizations = [
            organization_record(p, catalogue, partner_url(p.id), owned.get(p.id, []))
            for p in catalogue.partners.values()
        ]
        self.services = [
            service_record(b, i, s, catalogue, bundle_url(b.id), programs[b.id])
            for b in available
            for i, s in enumerate(b.canvas.services)
        ]

    def index(self, base_url: str) -> dict[str, Any]:
        return {
            **metadata("hsds", self.licence, self.generated),
            "version": HSDS_VERSION,
            "profile": HSDS_PROFILE,
            "organizations": base_url + "organizations.json",
            "services": base_url + "services.json",
            "total_organizations": len(self.organizations),
            "total_services": len(self.services),
        }

    def organizations_page(self) -> dict[str, Any]:
        return _page("organizations", self.organizations, self.licence, self.generated)

    def services_page(self) -> dict[str, Any]:
        return _page("services", self.services, self.licence, self.generated)
