"""Each rule of the format, passing and failing, at the line of the offending value."""

from __future__ import annotations

from datetime import date

import pytest

import contentkit as kit
from wiazki.validation.validator import validate_content


def validate(tmp_path, bundles=None, partners=None, today=kit.TODAY):
    kit.write_content(tmp_path, bundles, partners)
    return validate_content(tmp_path, today=today).problems


def only(problems, code):
    found = [p for p in problems if p.code == code]
    assert found, f"no {code} in {problems}"
    return found


def located(tmp_path, bundle_id, problem, needle, occurrence=1):
    """Assert that `problem` sits on the line of the `occurrence`-th line containing `needle`."""
    text = (tmp_path / "bundles" / f"{bundle_id}.yml").read_text(encoding="utf-8")
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert problem.line == lines[occurrence - 1], (problem, needle, lines)


def partners_default():
    return {p["id"]: p for p in (kit.owes(), kit.gops(), kit.coop())}


def test_valid_content_has_no_problems(tmp_path):
    assert validate(tmp_path) == []


# --- rule 1 ------------------------------------------------------------------


def test_rule1_two_service_types_is_an_error_from_prototype(tmp_path):
    bundle = kit.valid_bundle()
    bundle["stage"] = "prototype"
    bundle["canvas"]["value_proposition"]["services"][2]["type"] = "care"
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "too-few-services")[0]
    assert problem.severity == "error"
    located(tmp_path, "senior-u-siebie", problem, "services:")


def test_rule1_two_services_is_an_error_when_closed(tmp_path):
    bundle = kit.valid_bundle()
    bundle["stage"] = "closed"
    del bundle["canvas"]["value_proposition"]["services"][2]
    bundle["canvas"]["key_partners"] = bundle["canvas"]["key_partners"][:3]
    assert only(validate(tmp_path, {"senior-u-siebie": bundle}), "too-few-services")[0].severity == "error"


def test_rule1_is_a_warning_before_prototype(tmp_path):
    bundle = kit.valid_bundle()
    bundle["stage"] = "ideate"
    del bundle["canvas"]["value_proposition"]["services"][1:]
    problems = validate(tmp_path, {"senior-u-siebie": bundle})
    assert [p.severity for p in only(problems, "too-few-services")] == ["warning"]
    assert not [p for p in problems if p.severity == "error"]


def test_rule1_three_types_pass_at_prototype(tmp_path):
    bundle = kit.valid_bundle()
    bundle["stage"] = "prototype"
    assert validate(tmp_path, {"senior-u-siebie": bundle}) == []


# --- rule 2 ------------------------------------------------------------------


@pytest.mark.parametrize("where", ["facilitator", "provider", "key_partner"])
def test_rule2_unknown_partner_is_an_error_at_its_value(tmp_path, where):
    bundle = kit.valid_bundle()
    if where == "facilitator":
        bundle["facilitator"] = "owes-nieznany"
    elif where == "provider":
        bundle["canvas"]["value_proposition"]["services"][0]["provider"] = "owes-nieznany"
        bundle["canvas"]["key_partners"].append({"partner": "owes-nieznany", "role": "provider", "contribution": "x"})
    else:
        bundle["canvas"]["key_partners"].append({"partner": "owes-nieznany", "role": "supporter", "contribution": "x"})
    problems = only(validate(tmp_path, {"senior-u-siebie": bundle}), "unknown-partner")
    assert all("owes-nieznany" in p.message and "content/partners/owes-nieznany.yml" in p.message for p in problems)
    for problem in problems:
        located(tmp_path, "senior-u-siebie", problem, "owes-nieznany", problems.index(problem) + 1)


def test_rule2_facilitator_must_be_an_owes(tmp_path):
    bundle = kit.valid_bundle()
    bundle["facilitator"] = "gops-kramsk"
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "facilitator-not-owes")[0]
    located(tmp_path, "senior-u-siebie", problem, "facilitator:")


# --- rule 3 ------------------------------------------------------------------


def test_rule3_provider_missing_from_key_partners(tmp_path):
    bundle = kit.valid_bundle()
    bundle["canvas"]["key_partners"] = [k for k in bundle["canvas"]["key_partners"] if k["partner"] != "gops-kramsk"]
    problems = validate(tmp_path, {"senior-u-siebie": bundle})
    problem = only(problems, "provider-not-key-partner")[0]
    assert "gops-kramsk" in problem.message
    located(tmp_path, "senior-u-siebie", problem, "provider: gops-kramsk")


# --- rule 4 ------------------------------------------------------------------


@pytest.mark.parametrize("code", ["99", "3099", "3010059", "1465999"])
def test_rule4_unknown_teryt_code(tmp_path, code):
    bundle = kit.valid_bundle()
    bundle["territory"] = [kit.KRAMSK, code]
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "unknown-teryt")[0]
    assert code in problem.message and "2020-01-01" in problem.message
    located(tmp_path, "senior-u-siebie", problem, code)


@pytest.mark.parametrize("code", ["30", "3010", "3010052", "1465058", "0201044", "0201011"])
def test_rule4_known_codes_of_every_level_pass(tmp_path, code):
    bundle = kit.valid_bundle()
    bundle["territory"] = [code]
    assert validate(tmp_path, {"senior-u-siebie": bundle}) == []


def test_rule4_teryt_in_partner_address(tmp_path):
    partner = kit.gops()
    partner["address"] = {"street": "ul. Leśna 1", "postal_code": "62-511", "city": "Kramsk", "teryt": "3010050"}
    partners = partners_default() | {"gops-kramsk": partner}
    problem = only(validate(tmp_path, partners=partners), "unknown-teryt")[0]
    assert problem.path.endswith("partners/gops-kramsk.yml")


def test_teryt_of_wrong_shape_is_a_schema_error(tmp_path):
    bundle = kit.valid_bundle()
    bundle["territory"] = ["301005"]
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "pattern")[0]
    assert "TERYT" in problem.message


# --- rule 5 ------------------------------------------------------------------


@pytest.mark.parametrize(
    "stage, missing",
    [
        ("define", "discover"),
        ("ideate", "define"),
        ("prototype", "ideate"),
        ("plan", "prototype"),
        ("available", "plan"),
        ("closed", "discover"),
    ],
)
def test_rule5_design_sections_before_the_stage_are_required(tmp_path, stage, missing):
    bundle = kit.valid_bundle()
    bundle["stage"] = stage
    del bundle["design"][missing]
    problems = only(validate(tmp_path, {"senior-u-siebie": bundle}), "stage-incomplete")
    assert any(f"design.{missing}" in p.message for p in problems)
    located(tmp_path, "senior-u-siebie", problems[0], "design:")


def test_rule5_empty_section_is_reported_at_the_section(tmp_path):
    bundle = kit.valid_bundle()
    bundle["stage"] = "ideate"
    bundle["design"]["define"] = {"challenge": " ", "needs": []}
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "stage-incomplete")[0]
    located(tmp_path, "senior-u-siebie", problem, "define:")


def test_rule5_later_sections_may_be_filled_and_earlier_stage_needs_nothing(tmp_path):
    bundle = kit.valid_bundle()
    bundle["stage"] = "discover"
    del bundle["contact"]
    bundle["design"] = {"plan": bundle["design"]["plan"]}
    bundle["canvas"] = {
        "value_proposition": bundle["canvas"]["value_proposition"],
        "key_partners": bundle["canvas"]["key_partners"],
    }
    assert validate(tmp_path, {"senior-u-siebie": bundle}) == []


@pytest.mark.parametrize(
    "block",
    ["customer_segments", "value_proposition", "channels", "revenue_streams", "cost_structure", "key_resources"],
)
def test_rule5_all_canvas_blocks_from_plan(tmp_path, block):
    bundle = kit.valid_bundle()
    bundle["stage"] = "plan"
    if block == "value_proposition":
        bundle["canvas"][block] = {}
    else:
        bundle["canvas"][block] = []
    problems = only(validate(tmp_path, {"senior-u-siebie": bundle}), "stage-incomplete")
    assert any(f"canvas.{block}" in p.message for p in problems)
    located(tmp_path, "senior-u-siebie", [p for p in problems if f"canvas.{block}" in p.message][0], f"{block}:")


def test_rule5_canvas_blocks_may_be_missing_before_plan(tmp_path):
    bundle = kit.valid_bundle()
    bundle["stage"] = "prototype"
    for block in (
        "channels",
        "customer_relationships",
        "revenue_streams",
        "cost_structure",
        "key_resources",
        "key_activities",
    ):
        del bundle["canvas"][block]
    assert validate(tmp_path, {"senior-u-siebie": bundle}) == []


def test_rule5_contact_is_required_from_available(tmp_path):
    bundle = kit.valid_bundle()
    del bundle["contact"]
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "stage-incomplete")[0]
    assert "contact" in problem.message
    located(tmp_path, "senior-u-siebie", problem, "stage:")
    bundle["stage"] = "plan"
    assert validate(tmp_path, {"senior-u-siebie": bundle}) == []


# --- rule 6 ------------------------------------------------------------------


def test_rule6_kind_must_fit_sector(tmp_path):
    partner = kit.gops()
    partner["kind"] = "foundation"
    problem = only(validate(tmp_path, partners=partners_default() | {"gops-kramsk": partner}), "kind-sector")[0]
    assert problem.line == 6 and "social_economy" in problem.message


def test_rule6_social_enterprise_only_for_social_economy(tmp_path):
    partner = kit.gops()
    partner["social_enterprise"] = True
    problem = only(
        validate(tmp_path, partners=partners_default() | {"gops-kramsk": partner}), "social-enterprise-kind"
    )[0]
    assert problem.line == 7


def test_rule6_social_enterprise_on_a_social_coop_passes(tmp_path):
    assert kit.coop()["social_enterprise"] is True
    assert validate(tmp_path) == []


# --- rule 7 ------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, value, code",
    [
        ("nip", "5261040827", "nip-checksum"),
        ("regon", "123456784", "regon-checksum"),
        ("regon", "12345678512348", "regon-checksum"),
    ],
)
def test_rule7_check_digits(tmp_path, field, value, code):
    partner = kit.owes()
    partner["identifiers"][field] = value
    problem = only(validate(tmp_path, partners=partners_default() | {"owes-konin": partner}), code)[0]
    assert value in problem.message


def test_rule7_valid_14_digit_regon_passes(tmp_path):
    partner = kit.owes()
    partner["identifiers"]["regon"] = "12345678512347"
    from stdnum.pl import regon

    assert regon.is_valid("12345678512347")
    assert validate(tmp_path, partners=partners_default() | {"owes-konin": partner}) == []


def test_identifier_written_as_a_number_gets_a_quoting_hint(tmp_path):
    text = kit.dump(kit.owes()).replace("nip: '5261040828'", "nip: 5261040828")
    problem = only(validate(tmp_path, partners=partners_default() | {"owes-konin": text}), "type")[0]
    assert "cudzysłów" in problem.message


# --- rule 8 ------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.org/x", "data:text/html,x", "//example.org", "https://"]
)
def test_rule8_only_http_and_https_urls(tmp_path, url):
    bundle = kit.valid_bundle()
    bundle["links"][0]["url"] = url
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "url-scheme")[0]
    located(tmp_path, "senior-u-siebie", problem, "url: ", occurrence=0)  # the last url: the link


def test_rule8_partner_website(tmp_path):
    partner = kit.owes()
    partner["website"] = "javascript:alert(1)"
    only(validate(tmp_path, partners=partners_default() | {"owes-konin": partner}), "url-scheme")


def test_rule8_markdown_link_in_description(tmp_path):
    bundle = kit.valid_bundle()
    bundle["description"] = "Zobacz [tu](javascript:alert(1)) i [tam](https://example.org) oraz <mailto:a@example.org>."
    problems = only(validate(tmp_path, {"senior-u-siebie": bundle}), "url-scheme")
    assert len(problems) == 1 and "javascript" in problems[0].message


# --- rule 9 ------------------------------------------------------------------


def test_rule9_single_sector_partnership_is_a_warning(tmp_path):
    bundle = kit.valid_bundle()
    for service in bundle["canvas"]["value_proposition"]["services"]:
        service["provider"] = "dobry-kat"
    bundle["canvas"]["key_partners"] = [k for k in bundle["canvas"]["key_partners"] if k["partner"] != "gops-kramsk"]
    partners = {p["id"]: p for p in (kit.owes(), kit.coop())}
    problems = validate(tmp_path, {"senior-u-siebie": bundle}, partners)
    problem = only(problems, "single-sector")[0]
    assert problem.severity == "warning"
    located(tmp_path, "senior-u-siebie", problem, "key_partners:")


# --- rule 10 -----------------------------------------------------------------


def test_rule10_unreferenced_partner_is_a_warning(tmp_path):
    extra = kit.gops("ops-nikt")
    problems = validate(tmp_path, partners=partners_default() | {"ops-nikt": extra})
    problem = only(problems, "unreferenced-partner")[0]
    assert problem.severity == "warning" and problem.path.endswith("ops-nikt.yml") and problem.line == 2


# --- rule 11 -----------------------------------------------------------------


def test_rule11_review_older_than_a_year_is_a_warning(tmp_path):
    bundle = kit.valid_bundle()
    bundle["reviewed"] = "2025-11-26"
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "review-old")[0]
    assert problem.severity == "warning"
    located(tmp_path, "senior-u-siebie", problem, "reviewed:")


def test_rule11_exactly_365_days_is_fine(tmp_path):
    bundle = kit.valid_bundle()
    bundle["reviewed"] = "2025-11-27"
    assert validate(tmp_path, {"senior-u-siebie": bundle}) == []


def test_reviewed_in_the_future_is_an_error(tmp_path):
    bundle = kit.valid_bundle()
    bundle["reviewed"] = "2026-11-28"
    assert only(validate(tmp_path, {"senior-u-siebie": bundle}), "reviewed-future")[0].severity == "error"


def test_today_comes_from_the_caller_not_the_clock(tmp_path):
    bundle = kit.valid_bundle()
    assert validate(tmp_path, {"senior-u-siebie": bundle}, today=date(2030, 1, 1))[0].code == "review-old"


def test_impossible_calendar_date(tmp_path):
    bundle = kit.valid_bundle()
    bundle["design"]["plan"]["start"] = "2026-02-30"
    only(validate(tmp_path, {"senior-u-siebie": bundle}), "invalid-date")


# --- identity and structure ----------------------------------------------------


def test_id_must_equal_the_file_name(tmp_path):
    bundle = kit.valid_bundle("inna-nazwa")
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "id-mismatch")[0]
    assert problem.line == 2


def test_file_name_must_be_a_valid_id(tmp_path):
    bundle = kit.valid_bundle("Senior_U_Siebie")
    problems = validate(tmp_path, {"Senior_U_Siebie": bundle})
    only(problems, "file-name")


def test_yaml_extension_is_reported_not_ignored(tmp_path):
    kit.write_content(tmp_path)
    (tmp_path / "bundles" / "zgubiona.yaml").write_text("a: 1\n", encoding="utf-8")
    problems = validate_content(tmp_path, today=kit.TODAY).problems
    assert only(problems, "file-extension")[0].path.endswith("zgubiona.yaml")


def test_unknown_field_with_a_suggestion(tmp_path):
    bundle = kit.valid_bundle()
    bundle["titel"] = "x"
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "unknown-field")[0]
    assert "`title`" in problem.message
    located(tmp_path, "senior-u-siebie", problem, "titel:")


def test_enum_error_lists_polish_labels(tmp_path):
    bundle = kit.valid_bundle()
    bundle["canvas"]["value_proposition"]["services"][0]["fee"] = "darmowa"
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "enum")[0]
    assert "bezpłatna (free)" in problem.message and "częściowo odpłatna (partly_paid)" in problem.message
    located(tmp_path, "senior-u-siebie", problem, "fee: darmowa")


def test_missing_required_field(tmp_path):
    bundle = kit.valid_bundle()
    del bundle["summary"]
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "required")[0]
    assert "`summary`" in problem.message


def test_title_length(tmp_path):
    bundle = kit.valid_bundle()
    bundle["title"] = "Abc"
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "too-short")[0]
    assert "3 znaki" in problem.message and "5" in problem.message


def test_yes_is_not_a_boolean(tmp_path):
    text = kit.dump(kit.coop()).replace("social_enterprise: true", "social_enterprise: yes")
    problem = only(validate(tmp_path, partners=partners_default() | {"dobry-kat": text}), "type")[0]
    assert "true" in problem.message and problem.line == 6


def test_infinite_amount_is_rejected(tmp_path):
    text = kit.dump(kit.valid_bundle()).replace("amount_pln: 96000", "amount_pln: .inf")
    only(validate(tmp_path, {"senior-u-siebie": text}), "non-finite-number")


def test_problems_are_sorted_and_complete(tmp_path):
    bad = kit.valid_bundle()
    bad["title"] = "x"
    bad["territory"] = ["3099"]
    broken = "a: [\n"
    problems = validate(tmp_path, {"senior-u-siebie": bad, "zepsuta": broken})
    assert problems == sorted(problems, key=lambda p: p.sort_key())
    assert {p.code for p in problems} >= {"too-short", "unknown-teryt", "syntax"}


def test_cached_validator_reparses_only_changed_files(tmp_path):
    from wiazki.validation.validator import ContentValidator

    kit.write_content(tmp_path)
    validator = ContentValidator(tmp_path)
    assert validator.validate(kit.TODAY).problems == [] and validator.parsed == 4
    assert validator.validate(kit.TODAY).problems == [] and validator.parsed == 0
    path = tmp_path / "bundles" / "senior-u-siebie.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Senior", "title: Nowy senior"), encoding="utf-8")
    result = validator.validate(kit.TODAY)
    assert validator.parsed == 1 and result.content.bundles["senior-u-siebie"].data["title"].startswith("Nowy")


def test_rule4_a_delegatura_is_not_a_gmina(tmp_path):
    bundle = kit.valid_bundle()
    bundle["territory"] = ["1261039"]
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "unknown-teryt")[0]
    assert "delegatura" in problem.message and "1261011" in problem.message


def test_unquoted_teryt_code_hint_keeps_the_leading_zero(tmp_path):
    text = kit.dump(kit.valid_bundle()).replace("- '3010052'", "- 0201011")
    problem = only(validate(tmp_path, {"senior-u-siebie": text}), "type")[0]
    assert '"0201011"' in problem.message


def test_symlinks_and_fifos_are_refused_not_followed(tmp_path):
    import os

    kit.write_content(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("token: abc\n", encoding="utf-8")
    (tmp_path / "bundles" / "link.yml").symlink_to(secret)
    os.mkfifo(tmp_path / "bundles" / "fifo.yml")
    problems = validate_content(tmp_path, today=kit.TODAY).problems
    assert sorted((p.path.rsplit("/", 1)[1], p.code) for p in problems) == [
        ("fifo.yml", "not-a-file"),
        ("link.yml", "not-a-file"),
    ]


# --- found in review: hostile types, cascades, nested fields -------------------


@pytest.mark.parametrize(
    "change",
    [
        lambda b, p: p["dobry-kat"].update(sector=["business"]),
        lambda b, p: p["dobry-kat"].update(kind={"a": 1}),
        lambda b, p: p["owes-konin"].update(kind=["owes"]),
        lambda b, p: b["canvas"]["key_partners"][0].update(partner=["owes-konin"]),
        lambda b, p: b["canvas"].update(key_partners={"a": 1}),
        lambda b, p: b.update(stage=["available"], facilitator={"x": 1}, territory="30", canvas=[], design=None),
        lambda b, p: b["canvas"]["value_proposition"].update(services=[None, 1, "x", {"provider": []}]),
    ],
)
def test_values_of_the_wrong_type_give_schema_errors_not_crashes(tmp_path, change):
    bundle, partners = kit.valid_bundle(), partners_default()
    change(bundle, partners)
    problems = validate(tmp_path, {"senior-u-siebie": bundle}, partners)
    assert problems and all(p.message for p in problems)
    assert any(p.code in ("type", "enum") for p in problems)


def test_wrong_type_on_an_enum_is_reported_once(tmp_path):
    bundle = kit.valid_bundle()
    bundle["stage"] = 5
    problems = validate(tmp_path, {"senior-u-siebie": bundle})
    assert [p.code for p in problems if p.line == kit.line_of(kit.dump(bundle), "stage:")] == ["type"]


def test_an_unreadable_partner_file_does_not_make_bundles_fail(tmp_path):
    partners = partners_default()
    partners["gops-kramsk"] = "name: [\n"
    problems = validate(tmp_path, partners=partners)
    assert {p.code for p in problems} == {"syntax"}
    assert all(p.path.endswith("gops-kramsk.yml") for p in problems)


def test_an_unreadable_bundle_suppresses_unreferenced_partner_warnings(tmp_path):
    problems = validate(tmp_path, {"senior-u-siebie": "\t- zepsuta\n"})
    assert {p.code for p in problems} in ({"tab-indent"}, {"syntax"})


@pytest.mark.parametrize(
    "section, field",
    [
        ("define", "challenge"),
        ("discover", "findings"),
        ("ideate", "chosen"),
        ("plan", "start"),
        ("plan", "risks"),
        ("prototype", "tests"),
    ],
)
def test_every_field_of_a_design_section_is_required(tmp_path, section, field):
    bundle = kit.valid_bundle()
    del bundle["design"][section][field]
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "required")[0]
    assert f"`{field}`" in problem.message


@pytest.mark.parametrize("section, field", [("plan", "milestones"), ("define", "needs"), ("discover", "methods")])
def test_a_required_section_needs_every_field_filled(tmp_path, section, field):
    bundle = kit.valid_bundle()
    bundle["design"][section][field] = []
    problem = only(validate(tmp_path, {"senior-u-siebie": bundle}), "stage-incomplete")[0]
    assert f"design.{section}.{field}" in problem.message
    located(tmp_path, "senior-u-siebie", problem, f"{field}:")


def test_the_current_stage_section_may_be_in_progress(tmp_path):
    bundle = kit.valid_bundle()
    bundle["stage"] = "define"
    bundle["design"]["define"]["needs"] = []
    del bundle["contact"]
    for block in ("channels", "revenue_streams"):
        bundle["canvas"][block] = []
    assert validate(tmp_path, {"senior-u-siebie": bundle}) == []


def test_value_proposition_needs_a_summary(tmp_path):
    bundle = kit.valid_bundle()
    del bundle["canvas"]["value_proposition"]["summary"]
    only(validate(tmp_path, {"senior-u-siebie": bundle}), "required")


@pytest.mark.parametrize(
    "phone, ok",
    [
        ("601 234 567", True),
        ("601-234-567", True),
        ("601234567", True),
        ("+48 601 234 567", True),
        ("+48601234567", True),
        ("0048 601 234 567", True),
        ("22 123 45 67", True),
        ("22-123-45-67", True),
        ("(22) 123 45 67", True),
        ("+48 (63) 241 22 10", True),
        ("601 23 45 67", True),
        ("12", False),
        ("601 234 56", False),
        ("+49 601 234 567", False),
        ("tel. 601 234 567", False),
        ("601 234 5678", False),
    ],
)
def test_polish_phone_numbers(tmp_path, phone, ok):
    bundle = kit.valid_bundle()
    bundle["contact"]["phone"] = phone
    problems = validate(tmp_path, {"senior-u-siebie": bundle})
    assert (problems == []) is ok, problems


def test_url_scheme_is_case_insensitive(tmp_path):
    bundle = kit.valid_bundle()
    bundle["links"][0]["url"] = "HTTPS://example.org/Regulamin.pdf"
    assert validate(tmp_path, {"senior-u-siebie": bundle}) == []


@pytest.mark.parametrize(
    "description",
    [
        "Zobacz [tu][1].\n\n[1]: javascript:alert(1)\n",
        "[x](javascript&#58;alert(1))",
        "[x]( JaVaScRiPt:alert(1))",
        "<vbscript:x>",
    ],
)
def test_rule8_catches_hidden_markdown_links(tmp_path, description):
    bundle = kit.valid_bundle()
    bundle["description"] = description
    only(validate(tmp_path, {"senior-u-siebie": bundle}), "url-scheme")


def test_control_characters_in_text_are_rejected(tmp_path):
    text = kit.dump(kit.valid_bundle()).replace("title: Senior u siebie", 'title: "Senior\\x07 u siebie', 1)
    text = text.replace("w gminie Kramsk\n", 'w gminie Kramsk"\n', 1)
    only(validate(tmp_path, {"senior-u-siebie": text}), "control-character")


def test_tab_inside_a_text_block_is_content(tmp_path):
    bundle = kit.dump(kit.valid_bundle())
    bundle = bundle.replace("description: 'Wiązka", "description: |\n  \tWiązka łączy trzy usługi.\nx: 'Wiązka", 1)
    from wiazki.validation.loader import load_text

    doc, problems = load_text("x.yml", "description: |\n  Akapit\n  \twcięty tabulatorem\n")
    assert problems == [] and "\twcięty" in doc.data["description"]


def test_huge_amounts_are_refused_and_never_crash(tmp_path):
    text = kit.dump(kit.valid_bundle()).replace("amount_pln: 96000", "amount_pln: 1" + "0" * 400)
    problem = only(validate(tmp_path, {"senior-u-siebie": text}), "maximum")[0]
    assert "1 000 000 000 000" in problem.message
    from wiazki.polish import amount

    assert (
        amount(10**30).endswith("zł")
        and amount(96000) == "96\u00a0000\u00a0zł"
        and amount(1250.5) == "1\u00a0250,50\u00a0zł"
    )


def test_cached_validator_still_applies_date_and_cross_file_rules(tmp_path):
    from wiazki.validation.validator import ContentValidator

    kit.write_content(tmp_path)
    validator = ContentValidator(tmp_path)
    assert validator.validate(kit.TODAY).problems == []
    assert [p.code for p in validator.validate(date(2030, 1, 1)).problems] == ["review-old"] and validator.parsed == 0
    (tmp_path / "partners" / "gops-kramsk.yml").unlink()
    codes = {p.code for p in validator.validate(kit.TODAY).problems}
    assert validator.parsed == 0 and "unknown-partner" in codes
