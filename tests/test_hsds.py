"""The HSDS 3.0 export: every record validates against Open Referral's compiled schemas."""

from __future__ import annotations

import hashlib
import json
import lzma
import re
import sys
import time
import uuid
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import contentkit as kit
from sitehelpers import REPO, sample_site  # noqa: F401 - fixture
from wiazki.format.teryt import load_register
from wiazki.model import Catalogue
from wiazki.views.hsds import NAMESPACE, HsdsExport, uid
from wiazki.views.opendata import data_licence

SCHEMAS = Path(__file__).parent / "data" / "hsds-3.0"
#: The digests tests/data/hsds-3.0/README.md gives for the uncompressed official files.
DIGESTS = {
    "organization": "e429ffe3b585da12da10b75cf30dfc0a67ef96b34f5e1b21141a2b627ca28119",
    "service": "5cd7c2ecb5776947e437a4d5b9656f9a80db56bef3ad49f5bb142d49dbe66156",
}


# RFC 3986, section 3 and appendix A: an absolute URI ("uri" in JSON Schema), written
# out because jsonschema checks "uri" only with an optional package we do not install.
_UNRESERVED, _SUB_DELIMS, _PCT = r"A-Za-z0-9._~\-", "!$&'()*+,;=", "%[0-9A-Fa-f]{2}"
_PCHAR = f"(?:[{_UNRESERVED}{_SUB_DELIMS}:@]|{_PCT})"
URI = re.compile(
    rf"[A-Za-z][A-Za-z0-9+.\-]*:(?://(?:(?:[{_UNRESERVED}{_SUB_DELIMS}:]|{_PCT})*@)?"
    rf"(?:\[[0-9A-Fa-f:.]+\]|(?:[{_UNRESERVED}{_SUB_DELIMS}]|{_PCT})*)(?::[0-9]*)?)?"
    rf"(?:/?{_PCHAR}*)(?:/{_PCHAR}*)*(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?"
)


@cache
def validator(kind: str) -> jsonschema.protocols.Validator:
    raw = lzma.decompress((SCHEMAS / f"{kind}.json.xz").read_bytes())
    assert hashlib.sha256(raw).hexdigest() == DIGESTS[kind]
    schema = json.loads(raw)
    cls = jsonschema.validators.validator_for(schema)
    # The formats the schemas use (uuid, email, uri) are checked, not only the shapes.
    checker = jsonschema.FormatChecker()
    checker.checks("uri")(lambda value: not isinstance(value, str) or URI.fullmatch(value) is not None)
    return cls(schema, format_checker=checker)


def problems(kind: str, records: list[dict[str, Any]]) -> list[str]:
    out = []
    for record in records:
        for error in validator(kind).iter_errors(record):
            out.append(f"{record.get('name')}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    return out


def export(catalogue: Catalogue) -> HsdsExport:
    return HsdsExport(
        catalogue,
        lambda bundle_id: f"https://example.org/wiazki/{bundle_id}/",
        lambda partner_id: f"https://example.org/partnerzy/{partner_id}/",
        data_licence(),
        "2026-11-27",
    )


def test_the_shipped_schemas_are_the_official_files() -> None:
    # validator() checks the digests from the README.
    assert validator("organization") and validator("service")
    readme = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    assert all(digest in readme for digest in DIGESTS.values())
    assert "Attribution Share-Alike 4.0" in (SCHEMAS / "LICENSE").read_text(encoding="utf-8")


def test_the_validation_can_fail() -> None:
    assert problems("service", [{"id": "not-a-uuid", "name": "x"}])  # no status, bad uuid
    service = {"id": uid("service", "x"), "name": "x", "status": "active"}
    assert problems("service", [{**service, "url": "https://example.org/a b"}])  # not a URI
    assert problems("service", [{**service, "url": "https://przykład.pl/"}])  # an IRI, not a URI
    assert problems("service", [{**service, "url": "https://example.org/a?b=%C4%85#c"}]) == []
    assert problems("organization", [{"id": uid("organization", "x"), "name": "x"}])  # no description


def test_every_record_of_the_sample_site_validates(sample_site: Path) -> None:
    hsds = sample_site / "api" / "hsds"
    organizations = json.loads((hsds / "organizations.json").read_text(encoding="utf-8"))
    services = json.loads((hsds / "services.json").read_text(encoding="utf-8"))
    assert organizations["total_items"] == len(organizations["contents"]) == 53
    assert services["total_items"] == len(services["contents"]) > 0
    assert problems("organization", organizations["contents"]) == []
    assert problems("service", services["contents"]) == []
    index = json.loads((hsds / "index.json").read_text(encoding="utf-8"))
    assert index["version"] == "3.0"
    assert index["services"] == "https://owes-katalog.github.io/wiazki/api/hsds/services.json"


def test_identifiers_areas_fees_and_programs_are_mapped() -> None:
    catalogue = Catalogue.from_documents([kit.valid_bundle()], [kit.owes(), kit.gops(), kit.coop()], load_register())
    hsds = export(catalogue)
    owes = next(o for o in hsds.organizations if o["name"] == kit.owes()["name"])
    ids = {i["identifier_type"]: i["identifier"] for i in owes["organization_identifiers"]}
    assert ids == {"KRS": "0000123456", "NIP": "5261040828", "REGON": "123456785"}
    assert owes["locations"][0]["addresses"][0]["state_province"] == "województwo wielkopolskie"
    source = kit.valid_bundle()["canvas"]["value_proposition"]["services"][0]
    service = hsds.services[0]
    assert service["organization_id"] == uid("organization", source["provider"])
    assert [a["name"] for a in service["service_areas"]] == [
        "Kramsk (gmina wiejska), powiat koniński, woj. wielkopolskie"
    ]
    assert service["program"]["name"] == kit.valid_bundle()["title"]
    assert service["program_id"] == service["program"]["id"]
    assert service["cost_options"][0]["currency"] == "PLN"
    assert service["eligibility_description"].startswith(source["access"])
    # The same content gives the same ids.
    assert export(catalogue).services == hsds.services


def test_only_available_bundles_become_services() -> None:
    draft = kit.valid_bundle("w-projekcie")
    draft["stage"] = "define"
    catalogue = Catalogue.from_documents([draft], [kit.owes(), kit.gops(), kit.coop()], load_register())
    hsds = export(catalogue)
    assert hsds.services == [] and hsds.services_page()["empty"] is True
    assert len(hsds.organizations) == 3


@pytest.mark.slow
def test_every_record_of_1000_generated_bundles_validates() -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from bench_build import generate

    bundles, partners = generate(1000)
    catalogue = Catalogue.from_documents(bundles, partners, load_register())
    start = time.perf_counter()
    hsds = export(catalogue)
    built = time.perf_counter() - start
    assert len(hsds.services) > 1000
    assert len({s["id"] for s in hsds.services}) == len(hsds.services)
    assert problems("organization", hsds.organizations) == []
    assert problems("service", hsds.services) == []
    assert built < 5, f"HSDS export of 1,000 bundles took {built:.1f} s"


def references(hsds: HsdsExport) -> list[str]:
    """Every `organization_id` of a service or a program that names no organization of the export."""
    known = {o["id"] for o in hsds.organizations}
    programs = [s["program"] for s in hsds.services] + [p for o in hsds.organizations for p in o.get("programs", [])]
    named = [(f"usługa {s['name']}", s) for s in hsds.services] + [(f"program {p['name']}", p) for p in programs]
    return [name for name, record in named if "organization_id" in record and record["organization_id"] not in known]


def test_a_partner_left_out_for_its_errors_leaves_no_dangling_reference(tmp_path: Path) -> None:
    # The bundle names valid partner ids, but the files of its provider and its
    # coordinator have errors: the catalogue (and a build without --strict) keeps the
    # bundle and drops the partners, so no organization has their ids.
    from wiazki.model import build_catalogue
    from wiazki.validation.validator import ContentValidator

    coop, gops = kit.coop(), kit.gops()
    coop["identifiers"] = {"nip": "123"}
    gops["kind"] = "nie-ma-takiego"
    partners = {p["id"]: p for p in (kit.owes(), gops, coop)}
    kit.write_content(tmp_path, bundles={"senior-u-siebie": kit.valid_bundle()}, partners=partners)
    validator = ContentValidator(tmp_path)
    catalogue = build_catalogue(validator.validate(kit.TODAY), validator.register)
    assert list(catalogue.bundles) == ["senior-u-siebie"] and list(catalogue.partners) == ["owes-konin"]
    hsds = export(catalogue)
    assert len(hsds.services) == 3
    assert references(hsds) == []
    assert problems("service", hsds.services) == []
    # The program falls back to the bundle's OWES, which is still there.
    assert {s["program"]["organization_id"] for s in hsds.services} == {uid("organization", "owes-konin")}


def test_every_reference_of_the_sample_site_resolves(sample_site: Path) -> None:
    hsds = sample_site / "api" / "hsds"
    organizations = json.loads((hsds / "organizations.json").read_text(encoding="utf-8"))["contents"]
    services = json.loads((hsds / "services.json").read_text(encoding="utf-8"))["contents"]
    known = {o["id"] for o in organizations}
    programs = {p["id"]: p for o in organizations for p in o.get("programs", [])}
    for service in services:
        assert service["organization_id"] in known, service["name"]
        assert programs[service["program_id"]] == service["program"], service["name"]
    assert all(p["organization_id"] in known for p in programs.values())


def test_addresses_the_format_allows_become_uris(tmp_path: Path) -> None:
    # URL_PATTERN takes any visible characters after "https://": an IDN host, Polish
    # letters, quotes, brackets, a lone "%". HSDS asks for RFC 3986 URIs ("uri").
    from wiazki.model import build_catalogue
    from wiazki.validation.validator import ContentValidator

    bundle, owes = kit.valid_bundle(), kit.owes()
    bundle["contact"]["url"] = 'https://example.org/ścieżka?a="<x>"&b={y}|`^ 100%#c#d'.replace(" ", "")
    owes["website"] = "https://zażółć.pl:443/gęś?q=[1]"
    partners = {p["id"]: p for p in (owes, kit.gops(), kit.coop())}
    kit.write_content(tmp_path, bundles={"senior-u-siebie": bundle}, partners=partners)
    validator_ = ContentValidator(tmp_path)
    result = validator_.validate(kit.TODAY)
    assert result.errors == []
    hsds = export(build_catalogue(result, validator_.register))
    assert problems("organization", hsds.organizations) == []
    assert problems("service", hsds.services) == []
    website = next(o["website"] for o in hsds.organizations if o["name"] == owes["name"])
    assert website == "https://xn--za-6ja4f8n1l.pl:443/g%C4%99%C5%9B?q=%5B1%5D"
    assert hsds.services[0]["url"] == (
        "https://example.org/%C5%9Bcie%C5%BCka?a=%22%3Cx%3E%22&b=%7By%7D%7C%60%5E100%25#c%23d"
    )


def test_ids_are_the_standard_library_uuid5_of_their_path() -> None:
    # uid() writes the UUID from the SHA-1 itself (speed); it must stay uuid.uuid5's text.
    paths = [("service", "senior-u-siebie", "0"), ("taxonomy_term", "target_group", "older_persons"), ("",)]
    paths += [("milestone", "żółć-ąę", "2026-05-15", "1"), ("feed", "x" * 300 + "😀\u0301")]
    paths += [(f"organization/{n}", str(n * 7919)) for n in range(2000)]
    for parts in paths:
        assert uid(*parts) == str(uuid.uuid5(NAMESPACE, "/".join(parts)))
    with pytest.raises(UnicodeEncodeError):
        uid("bundle", "\ud800")
