"""A field an editor leaves as `""` gets one message that says to remove it (issue 10)."""

from __future__ import annotations

import contentkit as kit
from wiazki.validation.loader import load_text
from wiazki.validation.schema_messages import schema_problems


def problems_for(data: dict) -> list:
    text = kit.dump(data)
    doc, problems = load_text("x.yml", text)
    assert doc is not None and not problems
    return schema_problems("bundle", doc)


def test_a_cleared_optional_field_gets_one_message_telling_to_remove_it():
    bundle = kit.valid_bundle()
    bundle["contact"] = {"email": "biuro@example.org", "phone": ""}
    found = problems_for(bundle)
    assert [p.code for p in found] == ["empty"]
    assert "usuń z pliku cały wiersz" in found[0].message and 'phone: ""' in found[0].message


def test_a_cleared_select_and_a_cleared_id_get_the_same_message_once_each():
    bundle = kit.valid_bundle()
    bundle["canvas"]["value_proposition"]["services"][0]["fee"] = ""
    bundle["facilitator"] = ""
    found = problems_for(bundle)
    assert sorted(p.code for p in found) == ["empty", "empty"]
    assert all("usuń" in p.message for p in found)


def test_a_cleared_list_item_is_named_as_an_element():
    bundle = kit.valid_bundle()
    bundle["keywords"] = ["seniorzy", ""]
    (found,) = problems_for(bundle)
    assert found.code == "empty" and "usuń ten element z listy" in found.message
