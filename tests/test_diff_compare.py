"""The diff's comparison on data: content files as bytes before and after, no git.

The files are written to a folder by the same helpers as the git tests; a "commit"
here is a snapshot of the folder's bytes, compared by `read_files` and `compare`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from git_helpers import COOP, GOPS, bundle, write_bundle, write_partners, write_yaml
from wiazki.format import vocab
from wiazki.format.teryt import load_register
from wiazki.polish import amount
from wiazki.revisions import diff
from wiazki.revisions.changes import ContentDiff
from wiazki.revisions.compare import compare, partner_names
from wiazki.revisions.diff import render_markdown, render_text
from wiazki.revisions.read import read_files


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A folder (not a repository) with content/partners and two bundles."""
    write_partners(tmp_path)
    write_bundle(tmp_path, bundle("senior-kramsk", "Senior u siebie w Kramsku"))
    write_bundle(tmp_path, bundle("stara-wiazka", "Wiązka, którą zamknięto"))
    return tmp_path


def commit(folder: Path, message: str) -> dict[str, bytes]:
    """The content files' bytes now, by path in the content folder ("bundles/x.yml")."""
    content = folder / "content"
    return {path.relative_to(content).as_posix(): path.read_bytes() for path in sorted(content.glob("*/*.yml"))}


def compute_diff(folder: Path, base: dict[str, bytes], head: dict[str, bytes]) -> ContentDiff:
    pairs, partners = read_files(base, head)
    return compare(pairs, partner_names(partners), load_register(), "a" * 40, "b" * 40)


def test_added_removed_and_changed_bundles_are_listed(repo: Path) -> None:
    base = commit(repo, "pusty commit")
    changed = bundle("senior-kramsk", "Senior u siebie – Kramsk i okolice")
    changed["canvas"]["value_proposition"]["services"].append(
        {
            "name": "Teleopieka",
            "type": "telecare",
            "area": "health_promotion",
            "provider": COOP,
            "description": "Opaska SOS.",
            "access": "Skierowanie z GOPS.",
            "fee": "free",
        }
    )
    del changed["canvas"]["value_proposition"]["services"][1]  # "Obiady z dowozem"
    changed["canvas"]["value_proposition"]["services"][0]["fee"] = "partly_paid"
    write_bundle(repo, changed)
    (repo / "content/bundles/stara-wiazka.yml").unlink()
    write_bundle(repo, bundle("rodzina-razem", "Rodzina razem w Kramsku", stage="discover"))
    head = commit(repo, "Zmiany")

    result = compute_diff(repo, base, head)
    assert [(c.id, c.status) for c in result.bundles] == [
        ("senior-kramsk", "changed"),
        ("rodzina-razem", "added"),
        ("stara-wiazka", "removed"),
    ]
    text = render_text(result)
    assert "Wiązki: 1 nowa, 1 zmieniona, 1 usunięta. Partnerzy: bez zmian." in text
    assert "Nowa wiązka: Rodzina razem w Kramsku (rodzina-razem)" in text
    assert "  Etap: Odkrywanie" in text
    assert "Usunięta wiązka: Wiązka, którą zamknięto (stara-wiazka)" in text
    assert "Tytuł: Senior u siebie w Kramsku → Senior u siebie – Kramsk i okolice" in text
    assert "Dodana usługa: Teleopieka (Teleopieka, realizuje: SS Dobry Kąt)" in text
    assert "Usunięta usługa: Obiady z dowozem" in text
    assert "Usługa Usługi opiekuńcze: odpłatność Bezpłatna → Częściowo odpłatna" in text


def test_stage_transition_uses_the_vocabulary_labels(repo: Path) -> None:
    base = commit(repo, "baza")
    moved = bundle("senior-kramsk", "Senior u siebie w Kramsku", stage="plan")
    moved["design"]["plan"] = {
        "start": "2026-05-01",
        "milestones": [{"date": "2026-04-01", "milestone": "Uchwała rady gminy"}],
        "risks": ["Brak opiekunek latem"],
    }
    moved["design"]["prototype"]["tests"].append(
        {
            "date": "2026-02-10",
            "participants": 18,
            "method": "Spotkanie w klubie seniora.",
            "feedback": ["Więcej dowozów"],
            "changes": ["Bus co tydzień"],
        }
    )
    moved["design"]["discover"]["findings"].append("Rodziny mieszkają daleko")
    write_bundle(repo, moved)
    head = commit(repo, "Etap planowania")

    text = render_text(compute_diff(repo, base, head))
    expected = f"Etap: {vocab.STAGES.label('prototype')} → {vocab.STAGES.label('plan')}"
    assert expected == "Etap: Prototypowanie i testowanie → Planowanie wdrożenia"
    assert expected in text
    assert "Design Thinking – Odkrywanie:" in text
    assert "Nowy wniosek: Rodziny mieszkają daleko" in text
    assert "Nowy test (2026-02-10, 18 uczestników): Spotkanie w klubie seniora." in text
    assert "Nowy kamień milowy (2026-04-01): Uchwała rady gminy" in text
    assert "Nowe ryzyko: Brak opiekunek latem" in text
    assert "Start wdrożenia: dodano 2026-05-01" in text


def test_amounts_and_totals_before_and_after_in_polish_format(repo: Path) -> None:
    base = commit(repo, "baza")
    data = bundle("senior-kramsk", "Senior u siebie w Kramsku")
    data["canvas"]["revenue_streams"][0]["amount_pln"] = 430000
    data["canvas"]["revenue_streams"].append(
        {"source": "pfron", "description": "Dofinansowanie transportu.", "amount_pln": 12500.5}
    )
    data["canvas"]["cost_structure"][1]["amount_pln"] = 130000
    write_bundle(repo, data)
    head = commit(repo, "Nowy budżet")

    text = render_text(compute_diff(repo, base, head))
    assert amount(412000) == "412\u00a0000\u00a0zł"
    assert f"Budżet JST (Budżet gminy na usługi opiekuńcze.): {amount(412000)} → {amount(430000)}" in text
    assert f"Dodano: PFRON (Dofinansowanie transportu.) – {amount(12500.5)}" in text
    assert "12\u00a0500,50\u00a0zł" in text
    assert f"Razem: {amount(466000)} → {amount(496500.5)}" in text
    assert f"Obiady z dowozem: {amount(124000)} → {amount(130000)}" in text
    assert f"Razem: {amount(466000)} → {amount(472000)}" in text


def test_partners_joining_and_leaving_key_partners(repo: Path) -> None:
    base = commit(repo, "baza")
    data = bundle("senior-kramsk", "Senior u siebie w Kramsku")
    partners = data["canvas"]["key_partners"]
    partners[:] = [p for p in partners if p["partner"] != COOP]
    partners.append({"partner": "kgw-nowe", "role": "supporter", "contribution": "Prowadzi klub."})
    partners[0]["role"] = "funder"
    write_bundle(repo, data)
    write_yaml(
        repo,
        "content/partners/kgw-nowe.yml",
        {
            "format": 1,
            "id": "kgw-nowe",
            "name": "Koło Gospodyń Wiejskich Nowe",
            "sector": "community",
            "kind": "rural_housewives_circle",
        },
    )
    head = commit(repo, "Partnerzy")

    result = compute_diff(repo, base, head)
    text = render_text(result)
    assert "Dołącza: Koło Gospodyń Wiejskich Nowe – Wspierający" in text
    assert "Odchodzi: SS Dobry Kąt – Realizator usług" in text
    assert "GOPS Kramsk: rola Koordynator → Finansujący" in text
    assert [(c.id, c.status) for c in result.partners] == [("kgw-nowe", "added")]
    assert "Nowy partner: Koło Gospodyń Wiejskich Nowe (kgw-nowe)" in text
    assert "Partnerzy: 1 nowy." in text


def test_changed_partner_fields(repo: Path) -> None:
    base = commit(repo, "baza")
    write_yaml(
        repo,
        f"content/partners/{GOPS}.yml",
        {
            "format": 1,
            "id": GOPS,
            "name": "Gminny Ośrodek Pomocy Społecznej w Kramsku",
            "short_name": "GOPS w Kramsku",
            "sector": "public",
            "kind": "social_services_centre",
        },
    )
    head = commit(repo, "CUS")
    text = render_text(compute_diff(repo, base, head))
    assert "Zmieniony partner: Gminny Ośrodek Pomocy Społecznej w Kramsku (gops-test)" in text
    assert "Nazwa skrócona: GOPS Kramsk → GOPS w Kramsku" in text
    assert (
        f"Rodzaj partnera: {vocab.PARTNER_KINDS.label('social_assistance_centre')} → "
        f"{vocab.PARTNER_KINDS.label('social_services_centre')}" in text
    )


def test_territory_contact_and_links_changes(repo: Path) -> None:
    base = commit(repo, "baza")
    data = bundle("senior-kramsk", "Senior u siebie w Kramsku", territory=["3010043", "3010", "30", "1817011"])
    data["contact"] = {"email": "gops@example.org"}
    data["links"] = [{"title": "Raport z diagnozy", "url": "https://example.org/raport"}]
    write_bundle(repo, data)
    head = commit(repo, "Obszar")
    text = render_text(compute_diff(repo, base, head))
    assert "Obszar: dodano Kleczew, gmina miejsko-wiejska (3010043)" in text
    assert "Obszar: dodano powiat koniński (3010)" in text
    assert "Obszar: dodano woj. wielkopolskie (30)" in text
    assert "Obszar: usunięto Kramsk, gmina wiejska (3010052)" in text
    assert "Kontakt – e-mail: dodano gops@example.org" in text
    assert "Nowy link: Raport z diagnozy (https://example.org/raport)" in text


def test_segments_text_blocks_and_design_entries(repo: Path) -> None:
    base = commit(repo, "baza")
    data = bundle("senior-kramsk", "Senior u siebie w Kramsku")
    data["canvas"]["customer_segments"].append({"group": "informal_carers", "description": "Rodziny seniorów."})
    data["canvas"]["channels"] = ["Sołtysi i KGW"]
    data["design"]["define"]["needs"].append("Ciepły posiłek")
    data["design"]["ideate"]["ideas"].append("Senior-bus")
    data["design"]["ideate"]["chosen"] = "Pakiet pięciu usług."
    data["design"]["prototype"]["tests"][0]["feedback"].append("Opaska niewygodna w nocy")
    data["wlasne_pole"] = "x"
    write_bundle(repo, data)
    head = commit(repo, "Iteracja")
    text = render_text(compute_diff(repo, base, head))
    assert "Segmenty klientów:\n    Dodana grupa docelowa: Opiekunowie faktyczni" in text
    assert "Kanały:\n    Dodano: Sołtysi i KGW\n    Usunięto: Pracownicy socjalni GOPS" in text
    assert "Nowa potrzeba: Ciepły posiłek" in text
    assert "Nowy pomysł: Senior-bus" in text
    assert "Wybrane rozwiązanie: Pakiet trzech usług z jednym punktem wejścia. → Pakiet pięciu usług." in text
    assert "Test 2025-09-15 – nowa uwaga: Opaska niewygodna w nocy" in text
    assert "Zmienione pole wlasne_pole" in text


def test_identical_content_reports_no_changes(repo: Path) -> None:
    base = commit(repo, "baza")
    (repo / "README.md").write_text("Inny plik\n", encoding="utf-8")
    head = commit(repo, "Nie treść")
    assert "Brak zmian w plikach wiązek i partnerów." in render_text(compute_diff(repo, base, head))


def test_comment_only_change_is_named(repo: Path) -> None:
    base = commit(repo, "baza")
    path = repo / "content/bundles/senior-kramsk.yml"
    path.write_text("# komentarz\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    head = commit(repo, "komentarz")
    assert "Zmiany tylko w formatowaniu lub komentarzach" in render_text(compute_diff(repo, base, head))


def test_bad_yaml_on_one_side_is_reported_not_raised(repo: Path) -> None:
    base = commit(repo, "baza")
    (repo / "content/bundles/senior-kramsk.yml").write_text(
        "id: senior-kramsk\ntitle: [niezamknięta\n", encoding="utf-8"
    )
    (repo / "content/bundles/aliasy.yml").write_text("a: &x 1\nb: *x\n", encoding="utf-8")
    head = commit(repo, "Zepsuty plik")
    result = compute_diff(repo, base, head)
    statuses = {c.id: c.status for c in result.bundles}
    assert statuses == {"senior-kramsk": "unreadable", "aliasy": "unreadable"}
    text = render_text(result)
    assert "Wiązka – błąd pliku: Senior u siebie w Kramsku (senior-kramsk)" in text
    assert re.search(r"Nie można odczytać pliku po zmianie: błąd składni YAML: .*\(wiersz \d+, kolumna \d+\)", text)
    assert "kotwice YAML (&x) nie są dozwolone" in text
    # The other direction: the file is broken at the base and fixed in head.
    fixed = render_text(compute_diff(repo, head, base))
    assert "Nie można odczytać pliku przed zmianą" in fixed


def test_hostile_text_cannot_inject_markdown_or_html(repo: Path) -> None:
    base = commit(repo, "baza")
    hostile = bundle(
        "senior-kramsk",
        "# Nagłówek <script>alert(1)</script> [klik](javascript:alert(1)) | a | b |",
    )
    hostile["design"]["discover"]["findings"].append(
        "wiersz\n## wstrzyknięty nagłówek\n<img src=x onerror=alert(1)>\n| x | y |\n|---|---|"
    )
    hostile["design"]["discover"]["findings"].append(
        "![obraz](https://example.org/x.png) **pogrubienie** `kod` @organizacja/zespol"
    )
    write_bundle(repo, hostile)
    head = commit(repo, "Wrogi tekst")
    markdown = render_markdown(compute_diff(repo, base, head))
    assert "<script" not in markdown and "<img" not in markdown
    assert "&lt;script&gt;" in markdown
    assert "](" not in markdown
    assert "\\[klik\\]" in markdown
    for line in markdown.splitlines():
        # Only our own headings and list items start a line; user text never does.
        assert re.match(
            r"^(#{2,4} (Zmiany w treści|Wiązki|Partnerzy|Nowa|Zmieniona|Usunięta|Wiązka)|\s*- |Porównanie |$)", line
        ), line
        # A table needs a line starting with a pipe; escaped pipes are fine.
        assert not re.search(r"(?<!\\)\|", line), line
    assert "\\*\\*pogrubienie\\*\\*" in markdown


def test_long_text_and_many_changes_are_bounded(repo: Path) -> None:
    base = commit(repo, "baza")
    data = bundle("senior-kramsk", "Senior " + "bardzo " * 200 + "długi tytuł")
    data["design"]["discover"]["findings"] = [f"Wniosek numer {i}: " + "x" * 3000 for i in range(120)]
    write_bundle(repo, data)
    for i in range(300):
        write_bundle(repo, bundle(f"wiazka-{i:03d}", f"Wiązka {i} " + "ż" * 500))
    head = commit(repo, "Dużo zmian")
    result = compute_diff(repo, base, head)
    for render in (render_markdown, render_text):
        out = render(result)
        assert len(out.encode("utf-8")) <= diff.MAX_OUTPUT_BYTES
        assert "… i 83 kolejne zmiany" in out  # 123 lines (title, heading, 120 new findings, 1 removed), 40 shown
        assert "… wynik skrócony do 60 KiB: pominięto" in out
        assert max(len(line) for line in out.splitlines()) < 2 * diff.MAX_VALUE_CHARS + 100
    assert "x" * (diff.MAX_VALUE_CHARS + 1) not in render_text(result)


# --- every change is reported: items sharing a key, every field, the safety net ---


def _only_formatting(text: str) -> bool:
    return "Zmiany tylko w formatowaniu lub komentarzach" in text


def test_a_second_cost_item_with_the_same_text_is_added_not_swallowed(repo: Path) -> None:
    base = commit(repo, "baza")
    data = bundle("senior-kramsk", "Senior u siebie w Kramsku")
    data["canvas"]["cost_structure"].append({"item": "Usługi opiekuńcze", "amount_pln": 20000, "period": "2027"})
    write_bundle(repo, data)
    middle = commit(repo, "Druga pozycja o tej samej nazwie")
    text = render_text(compute_diff(repo, base, middle))
    assert not _only_formatting(text)
    assert f"Dodano: Usługi opiekuńcze (2.) – {amount(20000)}" in text
    assert f"Razem: {amount(466000)} → {amount(486000)}" in text
    # Items sharing a key pair in order: the second with the second.
    data["canvas"]["cost_structure"][2].update(amount_pln=25000, period="2028")
    write_bundle(repo, data)
    head = commit(repo, "Inna kwota drugiej pozycji")
    text = render_text(compute_diff(repo, middle, head))
    assert not _only_formatting(text)
    assert f"Usługi opiekuńcze (2.): {amount(20000)} → {amount(25000)}" in text
    assert "Usługi opiekuńcze (2.): okres 2027 → 2028" in text
    assert f"Usługi opiekuńcze: {amount(342000)}" not in text


def test_duplicate_services_texts_and_keywords_count_repeats(repo: Path) -> None:
    base = commit(repo, "baza")
    data = bundle("senior-kramsk", "Senior u siebie w Kramsku")
    services = data["canvas"]["value_proposition"]["services"]
    services.append(dict(services[0], type="telecare"))
    data["canvas"]["key_resources"].append("Zespół opiekunek")
    write_bundle(repo, data)
    head = commit(repo, "Powtórzenia")
    text = render_text(compute_diff(repo, base, head))
    assert "Dodana usługa: Usługi opiekuńcze (2.) (Teleopieka, realizuje: SS Dobry Kąt)" in text
    assert "Kluczowe zasoby:\n    Dodano: Zespół opiekunek" in text


def test_prototype_test_participants_change_is_reported(repo: Path) -> None:
    base = commit(repo, "baza")
    data = bundle("senior-kramsk", "Senior u siebie w Kramsku")
    data["design"]["prototype"]["tests"][0]["participants"] = 8
    write_bundle(repo, data)
    head = commit(repo, "Mniej uczestników")
    text = render_text(compute_diff(repo, base, head))
    assert not _only_formatting(text)
    assert "Test 2025-09-15 – liczba uczestników: 12 → 8" in text


def test_link_title_change_with_the_same_url_is_reported(repo: Path) -> None:
    data = bundle("senior-kramsk", "Senior u siebie w Kramsku")
    data["links"] = [{"title": "Regulamin", "url": "https://example.org/regulamin"}]
    write_bundle(repo, data)
    base = commit(repo, "Link")
    data["links"][0]["title"] = "Regulamin usług 2026"
    write_bundle(repo, data)
    head = commit(repo, "Tytuł linku")
    text = render_text(compute_diff(repo, base, head))
    assert not _only_formatting(text)
    assert "Link https://example.org/regulamin – tytuł: Regulamin → Regulamin usług 2026" in text


def test_every_field_of_matched_items_is_compared(repo: Path) -> None:
    base = commit(repo, "baza")
    data = bundle(
        "senior-kramsk", "Senior u siebie w Kramsku", contact={"email": "gops@example.org", "fax": "63 241 22 11"}
    )
    data["canvas"]["value_proposition"]["services"][0]["pilotaz"] = True
    data["canvas"]["value_proposition"]["zasieg"] = "gmina"
    data["canvas"]["customer_segments"][0]["liczba"] = 120
    data["canvas"]["key_partners"][0]["od"] = "2026"
    data["canvas"]["revenue_streams"][1]["uwagi"] = "Zależnie od dochodu"
    data["canvas"]["cost_structure"][0]["uwagi"] = "Dwie opiekunki"
    data["canvas"]["nowy_blok"] = ["x"]
    data["design"]["prototype"]["tests"][0]["miejsce"] = "Klub seniora"
    data["design"]["define"]["persona"] = "Pani Halina"
    data["design"]["plan"] = {
        "start": "2026-05-01",
        "milestones": [{"date": "2026-04-01", "milestone": "Uchwała"}],
        "risks": ["Lato"],
    }
    write_bundle(repo, data)
    middle = commit(repo, "Pola spoza formatu")
    data["design"]["plan"]["milestones"][0]["odpowiada"] = "Wójt"
    data["format"] = 2
    write_bundle(repo, data)
    head = commit(repo, "Jeszcze jedno pole")
    text = render_text(compute_diff(repo, base, middle))
    for expected in (
        "Kontakt – e-mail: dodano gops@example.org",
        "Kontakt – pole fax: dodano 63 241 22 11",
        "Usługa Usługi opiekuńcze: zmienione pole pilotaz",
        "Propozycja wartości:\n    Usługa Usługi opiekuńcze: zmienione pole pilotaz\n    Zmienione pole zasieg",
        "Grupa Osoby starsze: zmienione pole liczba",
        "GOPS Kramsk: zmienione pole od",
        "Odpłatność użytkowników (Odpłatność za obiady.): zmienione pole uwagi",
        "Usługi opiekuńcze: zmienione pole uwagi",
        "Zmienione pole canvas.nowy_blok",
        "Test 2025-09-15: zmienione pole miejsce",
        "Design Thinking – Definiowanie wyzwania:\n    Zmienione pole persona",
    ):
        assert expected in text, expected
    text = render_text(compute_diff(repo, middle, head))
    assert "Kamień milowy Uchwała: zmienione pole odpowiada" in text
    assert "Wersja formatu: 1 → 2" in text


def test_data_change_without_words_names_the_changed_paths(repo: Path) -> None:
    base = commit(repo, "baza")
    data = bundle("senior-kramsk", "Senior u siebie w Kramsku")
    # A period written as a number instead of text, and services in another order:
    # the data differ although no line above has words for it.
    data["canvas"]["cost_structure"][1]["period"] = 2026
    data["canvas"]["channels"] = ["Pracownicy socjalni GOPS"]
    write_bundle(repo, data)
    head = commit(repo, "Okres liczbą")
    text = render_text(compute_diff(repo, base, head))
    assert not _only_formatting(text)
    assert "Inne zmiany: canvas.cost_structure[1].period" in text

    services = data["canvas"]["value_proposition"]["services"]
    services[:] = services[1:] + services[:1]
    write_bundle(repo, data)
    reordered = commit(repo, "Inna kolejność usług")
    text = render_text(compute_diff(repo, head, reordered))
    assert not _only_formatting(text)
    assert "Inne zmiany: canvas.value_proposition.services[0].name, " in text
    assert re.search(r"i \d+ (inne pola|innych pól)", text)


def test_changed_paths_names_every_difference() -> None:
    old = {
        "canvas": {"cost_structure": [{"amount_pln": 1}, {"amount_pln": 2}]},
        "design": {"prototype": {"tests": [{"participants": 8}]}},
    }
    new = {
        "canvas": {"cost_structure": [{"amount_pln": 1}, {"amount_pln": 3}]},
        "design": {"prototype": {"tests": [{"participants": 12}]}},
        "x": None,
    }
    assert diff.changed_paths(old, new) == [
        "canvas.cost_structure[1].amount_pln",
        "design.prototype.tests[0].participants",
        "x",
    ]
    assert diff.changed_paths(old, old) == []
    assert diff.changed_paths({"a": 1}, {"a": 1.0}) == [] and diff.changed_paths({"a": 1}, {"a": True}) == ["a"]
    assert diff.changed_paths({"a": [1]}, {"a": [1, 2]}) == ["a[1]"]


def test_partner_identifiers_address_and_unknown_fields_in_words(repo: Path) -> None:
    data = dict(
        diff_partner := {
            "format": 1,
            "id": GOPS,
            "name": "Gminny Ośrodek Pomocy Społecznej w Kramsku",
            "sector": "public",
            "kind": "social_assistance_centre",
            "identifiers": {"nip": "6651234567", "regon": "310000000"},
            "address": {"street": "ul. Leśna 4", "postal_code": "62-511", "city": "Kramsk"},
        }
    )
    write_yaml(repo, f"content/partners/{GOPS}.yml", data)
    base = commit(repo, "Identyfikatory")
    changed = dict(
        diff_partner,
        identifiers={"nip": "6659876543", "krs": "0000123456", "inny": "X1"},
        address={"street": "ul. Leśna 6", "postal_code": "62-511", "city": "Kramsk"},
        territory=["3010052"],
        uwagi="y",
    )
    write_yaml(repo, f"content/partners/{GOPS}.yml", changed)
    head = commit(repo, "Nowy NIP")
    text = render_text(compute_diff(repo, base, head))
    assert "NIP: 6651234567 → 6659876543" in text
    assert "KRS: dodano 0000123456" in text
    assert "REGON: usunięto 310000000" in text
    assert "Identyfikator inny: dodano X1" in text
    assert "Adres – ulica i numer: ul. Leśna 4 → ul. Leśna 6" in text
    assert "Obszar działania: dodano Kramsk, gmina wiejska (3010052)" in text
    assert "Zmienione pole uwagi" in text
    assert "{" not in text


def test_markdown_neutralises_mentions_and_text_strips_c1_controls(repo: Path) -> None:
    base = commit(repo, "baza")
    data = bundle("senior-kramsk", "Senior \x9b31m u siebie\x1b[2J @owes-katalog/zespol")
    data["design"]["discover"]["findings"].append("Pytanie do @jan-kowalski i @org/team\x85koniec")
    write_bundle(repo, data)
    head = commit(repo, "Wzmianki")
    result = compute_diff(repo, base, head)
    markdown = render_markdown(result)
    assert "@\u200bjan\\-kowalski" in markdown and "@\u200borg/team" in markdown and "@\u200bowes\\-katalog" in markdown
    assert not re.search(r"@(?!\u200b)", markdown)
    text = render_text(result)
    assert "@jan-kowalski" in text  # a terminal notifies no one
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    assert "Senior 31m u siebie [2J @owes-katalog/zespol" in text
