"""The search dictionary: a query word's keys, for words of the running text in other forms.

Found by typing into the site's search (issue 9's second review): "usamodzielnianie" did
not find the bundle that says "usamodzielnienie" (a verbal noun of the other aspect), and
a description's words were found only in the forms Pagefind's stemmer joins.
"""

from __future__ import annotations

import json
from pathlib import Path

import contentkit as kit
from wiazki.format.teryt import load_register
from wiazki.model import Catalogue
from wiazki.search import dictionary
from wiazki.search.forms import WordForms, aspect_partners, fold
from wiazki.search.index import write_index
from wiazki.search.records import RecordBuilder


def test_aspect_partners_are_regular_pairs_the_dictionary_knows() -> None:
    assert aspect_partners("usamodzielnić") == ("usamodzielniać",)
    assert "usamodzielnić" in aspect_partners("usamodzielniać")
    assert "zapisywać" in aspect_partners("zapisać")
    assert aspect_partners("xqzwyć") == ()


def test_one_key_for_a_verb_its_other_aspect_and_their_nouns() -> None:
    forms = WordForms()
    keys = {w: forms.keys(w) for w in ["usamodzielnianie", "usamodzielnienie", "usamodzielnianej"]}
    assert len(set(keys.values())) == 1 and keys["usamodzielnianie"] == ("usamodzielniac",)
    assert forms.keys("radości") == ("radosc",) and forms.keys("Radomiu") == ("radom",)
    # "jest" says nothing; unknown and short words have no key.
    assert forms.keys("jest") == () and forms.keys("xqzwy") == () and forms.keys("w") == ()


def test_the_dictionary_maps_forms_to_keys_but_not_personal_verb_forms() -> None:
    forms = WordForms()
    for word in ["usamodzielnienie", "radości", "woleli", "osób"]:
        forms.keys(word)
    entries = forms.dictionary()
    assert entries["usamodzielnianie"] == ["usamodzielniac"] and entries["usamodzielniac"] == ["usamodzielniac"]
    assert entries["radosciami"] == ["radosc"] and entries["osob"] == ["osoba"]
    # "wolą" (they prefer) folds to "wola" (will): a verb's personal forms are left out.
    assert "wola" not in entries and entries["woleniem"] == ["wolec"]


def test_shard_names_are_plain_ascii() -> None:
    assert dictionary.shard_name("radosc") == "ra.json" and dictionary.shard_name("radosc", 3) == "rad.json"
    assert dictionary.shard_name(fold("Żółw"), 3) == "zol.json"
    assert dictionary.shard_name("straße", 5) == "stra_df.json" and dictionary.shard_name("aß") == "a_df.json"


def _entries_of(folder: Path, folded: str) -> dict:
    """The shard assets/search.js reads for a folded word: one letter more while split."""
    letters = dictionary.PREFIX
    while True:
        entries = json.loads((folder / dictionary.shard_name(folded, letters)).read_text(encoding="utf-8"))
        if not entries.get("+") or len(folded) <= letters:
            return entries
        letters += 1


def _catalogue(**changes: object) -> Catalogue:
    bundle = kit.valid_bundle()
    bundle.update(changes)
    return Catalogue.from_documents([bundle], [kit.owes(), kit.gops(), kit.coop()], load_register())


def test_a_description_word_gets_its_key_index_only_and_the_dictionary_is_written(tmp_path: Path) -> None:
    catalogue = _catalogue(description="Wspieramy usamodzielnianie młodzieży i dajemy dużo radości.")
    bundle = next(iter(catalogue.bundles.values()))
    builder = RecordBuilder()
    record = builder.bundle(bundle, catalogue, f"wiazki/{bundle.id}/")
    hidden = {w for _, group in record.hidden for w in group}
    visible = " ".join(text for _, text in record.fields)
    assert {"usamodzielniac", "radosc"} <= hidden and "radosc" not in visible
    write_index([record], tmp_path, forms=builder.forms)
    folder = tmp_path / "pagefind" / dictionary.FOLDER
    assert _entries_of(folder, "usamodzielnienie")["usamodzielnienie"] == ["usamodzielniac"]
    assert _entries_of(folder, "radosciach")["radosciach"] == ["radosc"]


def test_a_large_shard_is_split_letter_by_letter(monkeypatch) -> None:
    forms = WordForms()
    for word in ["radości", "radnych", "rad"]:
        forms.keys(word)
    monkeypatch.setattr(dictionary, "SPLIT_BYTES", 100)
    files = {name: json.loads(text) for name, text in dictionary.shards(forms).items()}
    assert files["ra.json"] == {"+": 1} and files["rad.json"]["+"] == 1 and "radosc" not in files["rad.json"]

    def entries_of(folded: str) -> dict:  # as assets/search.js follows the marks
        letters = dictionary.PREFIX
        while files[dictionary.shard_name(folded, letters)].get("+") and len(folded) > letters:
            letters += 1
        return files[dictionary.shard_name(folded, letters)]

    assert entries_of("radosciami")["radosciami"] == ["radosc"] and "radny" in entries_of("radnych")["radnych"]
    assert entries_of("rad")["rad"] and all(len(text) <= 100 or "+" in files[name] for name, text in files.items())


def test_a_shard_lists_its_forms_of_the_catalogues_place_names() -> None:
    """assets/search.js takes such a query word as a place named wherever it stands
    ("Gdańsk opieka dla seniorów"), as it takes a word after "w"."""
    forms = WordForms()
    forms.mark_places(["Radom", "Gdańsk", "Nowy Targ"])
    for word in ["Radomiu", "Gdańsku", "radości", "seniorów", "Targu"]:
        forms.keys(word)
    files = {name: json.loads(text) for name, text in dictionary.shards(forms).items()}
    places = {form for entries in files.values() for form in entries.get("@", [])}
    assert {"radom", "radomiu", "gdansk", "gdansku", "gdanska"} <= places
    # Not a common word, nor a word of a name of several words.
    assert not places & {"radosc", "radosci", "seniorow", "senior", "targu", "targ", "nowy"}
    for entries in files.values():
        assert set(entries.get("@", [])) <= set(entries)  # listed in its own file
