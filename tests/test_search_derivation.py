"""Word families (search/derivation.py) and place names (WordForms.mark_places), with Morfeusz 2."""

from __future__ import annotations

from wiazki.search import derivation
from wiazki.search.forms import WordForms


def test_a_derived_word_leads_back_to_its_base() -> None:
    assert derivation.ancestors("pszczelarstwo", "n") == (("pszczelarz", "n"), ("pszczoła", "n"))
    assert ("krawiec", "n") in derivation.ancestors("krawcowa", "n")
    assert ("odnowić", "v") in derivation.ancestors("odnowa", "n")
    # Through a participle: kiszonka ← kiszony ← kisić.
    assert ("kisić", "v") in derivation.ancestors("kiszonka", "n")


def test_a_base_leads_to_the_words_derived_from_it() -> None:
    words = [w for w, _kind in derivation.descendants("krawiec", "n")]
    assert {"krawiectwo", "krawcowa", "krawiecki"} <= set(words)
    assert "kiszonka" in [w for w, _kind in derivation.descendants("kisić", "v")]


def test_every_word_a_rule_makes_is_one_the_dictionary_knows() -> None:
    # "ny" of a noun is no rule ("wolny" is no "wola"); a made-up stem gives nothing.
    assert derivation.ancestors("wolny", "a") == ()
    assert derivation.descendants("xyzkwa", "n") == ()


def test_page_words_carry_the_keys_of_their_bases_and_the_dictionary_their_derivatives() -> None:
    forms = WordForms()
    assert forms.keys("pszczelarzy") == ("pszczelarz", "pszczola")
    assert forms.keys("odnawianie") == forms.keys("odnowa")[1:]
    # A word of two readings is derived from neither: "szybka" (quick) is no small "szyb".
    assert "szyb" not in forms.keys("szybka")
    forms.keys("kiszenie")  # a page says "kiszenie"
    found = forms.dictionary()
    assert "pszczelarz" in found["pszczelarstwo"] and "pszczola" in found["pszczoly"]
    assert "kisic" in found["kiszonki"] and "kisic" in found["kiszona"]


def test_a_form_of_a_place_stands_for_the_place_only() -> None:
    forms = WordForms()
    forms.mark_places(["Radom", "Nowy Targ"])
    # "Radomiu" and a capitalised "Radom" are the town, not "rada" (of which "radom" is a form).
    assert forms.keys("Radomiu") == ("radom",) and forms.keys("Radom") == ("radom",)
    assert "rada" not in forms.of("Radom")
    # Nor is "radom" added to a page as a form of its "Rada" (a partner "Rada Seniorów").
    assert "radom" not in forms.of("Rada") and "radach" in forms.of("Rada")
    forms.keys("Rady")  # a page says "Rada Seniorów"
    found = forms.dictionary()
    assert found["radom"] == ["radom"] and found["radomiu"] == ["radom"]
    assert "rada" in found["rady"]
    # A name of several words makes none of its words a place.
    assert "targ" not in forms._places
