"""Search records: the running text's word forms, registry numbers and a territory named once.

Found by typing into the site's search as a reader would (issue 9's review): a word of
a bundle's summary in another form than on the page found nothing
("opiekunki" for "opiekunek"), a partner's NIP shown on its page found nothing, and a
town whose urban and rural gminas share a name read "Obszar: Ełk; Ełk".
"""

from __future__ import annotations

import contentkit as kit
from wiazki.format.teryt import load_register
from wiazki.model import Catalogue
from wiazki.search.records import RecordBuilder, SearchRecord

#: Ełk, the urban gmina and the rural one: two codes, one name.
ELK = ["2805011", "2805022"]


def _catalogue(**changes: object) -> Catalogue:
    bundle = kit.valid_bundle()
    bundle.update(changes)
    return Catalogue.from_documents([bundle], [kit.owes(), kit.gops(), kit.coop()], load_register())


def _hidden(record: SearchRecord) -> set[str]:
    return {w for _, group in record.hidden for w in group}


def test_forms_of_summary_words_are_index_only() -> None:
    catalogue = _catalogue(
        summary="Dom dziennego pobytu dla osób z demencją, grupa wsparcia dla opiekunek; streetworking w pustostanach.",
    )
    bundle = next(iter(catalogue.bundles.values()))
    record = RecordBuilder().bundle(bundle, catalogue, f"wiazki/{bundle.id}/")
    hidden = _hidden(record)
    visible = " ".join(text for _, text in record.fields)
    assert {"opiekunki", "pustostany", "demencja"} <= hidden
    assert "opiekunki" not in visible and "pustostany" not in visible


def test_a_partner_record_holds_its_registry_numbers() -> None:
    catalogue = _catalogue()
    owes = catalogue.partners["owes-konin"]
    record = RecordBuilder().partner(owes, catalogue, "partnerzy/owes-konin/")
    visible = " ".join(text for _, text in record.fields).split()
    assert {"5261040828", "0000123456", "123456785"} <= set(visible)


def test_a_territory_of_two_gminas_of_one_name_is_named_once() -> None:
    catalogue = _catalogue(territory=ELK)
    bundle = next(iter(catalogue.bundles.values()))
    record = RecordBuilder().bundle(bundle, catalogue, f"wiazki/{bundle.id}/")
    assert record.meta["territory"] == "Ełk"
