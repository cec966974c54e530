"""Atom feeds and iCalendar files: valid, escaped, stable, dated from history, never from the clock."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import icalendar
import time_machine

import contentkit as kit
from sitehelpers import IMG, SCRIPT, injection_site, sample_site  # noqa: F401 - fixtures
from wiazki.format.teryt import load_register
from wiazki.model import Catalogue
from wiazki.views import calendars, feeds
from wiazki.views.opendata import data_licence

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = f"Zmiana {SCRIPT} {IMG} ]]> &amp; \x00\x01\x0b\x1b\ufffe\ud800 koniec"


@dataclass(frozen=True)
class Change:
    date: str
    subject: str


def catalogue(**changes: str) -> Catalogue:
    bundle = kit.valid_bundle()
    for key, value in changes.items():
        bundle[key] = value
    return Catalogue.from_documents([bundle], [kit.owes(), kit.gops(), kit.coop()], load_register())


def check_atom(text: str) -> ET.Element:
    """Parse the feed and check what RFC 4287 requires of a feed and its entries."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}") is not None, name
    assert root.find(f"{ATOM}author/{ATOM}name") is not None  # covers every entry
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    assert root.find(f"{ATOM}rights") is not None
    for entry in root.iter(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
        datetime.fromisoformat(entry.findtext(f"{ATOM}updated") or "")
    return root


def render(cat: Catalogue, history=None) -> str:
    feed = feeds.feeds(cat, "wiazki/")[0]
    return feeds.atom(
        feed,
        cat,
        lambda path: "https://example.org/" + path,
        lambda bundle_id: f"https://example.org/wiazki/{bundle_id}/",
        data_licence(),
        history,
        "2026-11-27",
    )


def test_feed_is_valid_atom_with_hostile_text_escaped_and_forbidden_characters_dropped() -> None:
    cat = catalogue(title=f"Wiązka {SCRIPT} \x07", summary=HOSTILE)
    text = render(cat, lambda bundle: [Change("2026-11-20", HOSTILE), Change("2026-01-02", "Nowa")])
    root = check_atom(text)
    entry = root.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}title") == f"Wiązka {SCRIPT} "
    assert SCRIPT in (entry.findtext(f"{ATOM}summary") or "")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\x00" not in text and "\x1b" not in text and "\ufffe" not in text
    # Dated from history: first appearance and last change.
    assert entry.findtext(f"{ATOM}published") == "2026-01-02T00:00:00Z"
    assert entry.findtext(f"{ATOM}updated") == "2026-11-20T00:00:00Z"


def test_without_history_entries_are_dated_by_reviewed() -> None:
    entry = check_atom(render(catalogue(reviewed="2026-10-15"))).find(f"{ATOM}entry")
    assert entry is not None and entry.findtext(f"{ATOM}updated") == "2026-10-15T00:00:00Z"


def test_one_feed_per_voivodeship_lists_only_its_bundles() -> None:
    all_feeds = feeds.feeds(catalogue(), "wiazki/")
    assert len(all_feeds) == 17
    wielkopolskie = next(f for f in all_feeds if f.code == "30")
    assert [b.id for b in wielkopolskie.bundles] == ["senior-u-siebie"]
    assert all(not f.bundles for f in all_feeds[1:] if f.code != "30")


def test_calendar_round_trips_with_stable_uids_and_no_clock() -> None:
    cat = catalogue()
    url = lambda bundle_id: f"https://example.org/wiazki/{bundle_id}/"  # noqa: E731
    with time_machine.travel(datetime(2030, 1, 1, tzinfo=UTC), tick=False):
        first = calendars.calendars(cat, url, data_licence(), None, "2026-01-01")
    with time_machine.travel(datetime(2031, 6, 1, tzinfo=UTC), tick=False):
        second = calendars.calendars(cat, url, data_licence(), None, "2026-01-01")
    assert first == second
    ics = first["calendars/bundles/senior-u-siebie.ics"]
    parsed = icalendar.Calendar.from_ical(ics)
    assert parsed.to_ical() == ics
    events = parsed.walk("VEVENT")
    milestones = kit.valid_bundle()["design"]["plan"]["milestones"]
    assert len(events) == len(milestones)
    assert [str(e.decoded("DTSTART")) for e in events] == [m["date"] for m in milestones]
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert "CC BY 4.0" in str(parsed["DESCRIPTION"])


def test_catalogue_calendar_keeps_milestones_from_the_data_date_on() -> None:
    bundle = kit.valid_bundle()
    bundle["design"]["plan"]["milestones"] = [
        {"date": day, "milestone": f"Etap {day}"} for day in ("2026-03-01", "2026-12-01", "2027-02-01")
    ]
    cat = Catalogue.from_documents([bundle], [kit.owes(), kit.gops(), kit.coop()], load_register())
    dates = ["2026-03-01", "2026-12-01", "2027-02-01"]
    url = lambda bundle_id: f"https://example.org/wiazki/{bundle_id}/"  # noqa: E731
    ics = calendars.calendars(cat, url, data_licence(), None, dates[1])[calendars.CATALOGUE_CALENDAR]
    events = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert [str(e.decoded("DTSTART")) for e in events] == dates[1:]


def test_hostile_milestone_text_round_trips(tmp_path: Path) -> None:
    bundle = kit.valid_bundle()
    bundle["design"]["plan"]["milestones"][0]["milestone"] = "Etap; z, przecinkiem\\n i\nnową linią " + SCRIPT + "\x00"
    cat = Catalogue.from_documents([bundle], [kit.owes(), kit.gops(), kit.coop()], load_register())
    ics = calendars.calendars(cat, lambda i: "https://example.org/", data_licence(), None, "2026-01-01")
    parsed = icalendar.Calendar.from_ical(ics["calendars/bundles/senior-u-siebie.ics"])
    summary = str(parsed.walk("VEVENT")[0]["SUMMARY"])
    assert summary.startswith("Etap; z, przecinkiem\\n i\nnową linią " + SCRIPT)
    assert "\x00" not in summary


def test_sample_site_feeds_and_calendars_are_valid(sample_site: Path) -> None:
    feed_files = sorted((sample_site / "feeds").glob("*.atom"))
    assert len(feed_files) == 17
    for path in feed_files:
        check_atom(path.read_text(encoding="utf-8"))
    root = check_atom((sample_site / "feeds" / "bundles.atom").read_text(encoding="utf-8"))
    assert len(root.findall(f"{ATOM}entry")) == 12
    for path in (sample_site / "calendars").rglob("*.ics"):
        raw = path.read_bytes()
        assert icalendar.Calendar.from_ical(raw).to_ical() == raw, path


def test_feed_dates_come_from_git_history(tmp_path: Path) -> None:
    from git_helpers import bundle, commit, init_repo, write_bundle, write_partners
    from wiazki.revisions.history import read_history
    from wiazki.validation.validator import ContentValidator

    repo = init_repo(tmp_path / "repo")
    write_partners(repo)
    write_bundle(repo, bundle("senior-kramsk", "Senior u siebie w Kramsku", reviewed="2026-01-10"))
    commit(repo, "Nowa wiązka", date="2026-01-12T09:00:00+01:00")
    write_bundle(repo, bundle("senior-kramsk", "Senior u siebie w Kramsku – poprawki", reviewed="2026-01-10"))
    commit(repo, f"Poprawki {SCRIPT} (#7)", date="2026-04-20T18:00:00+02:00")
    histories = read_history(repo, repo / "content")
    validator = ContentValidator(repo / "content")
    result = validator.validate(datetime(2026, 6, 1).date())
    from wiazki.model import build_catalogue

    cat = build_catalogue(result, validator.register)
    root = check_atom(render(cat, lambda b: histories.get(b.id, ())))
    entry = root.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}published") == "2026-01-12T00:00:00Z"
    assert entry.findtext(f"{ATOM}updated") == "2026-04-20T00:00:00Z"
    assert f"Poprawki {SCRIPT} (#7)" in (entry.findtext(f"{ATOM}content") or "")


def test_injection_site_feeds_calendars_and_hsds_stay_inert(injection_site: Path) -> None:
    for path in (injection_site / "feeds").glob("*.atom"):
        text = path.read_text(encoding="utf-8")
        check_atom(text)
        assert "<script" not in text and "<img" not in text, path
    feed = ET.fromstring((injection_site / "feeds" / "bundles.atom").read_bytes())
    assert SCRIPT in (feed.findtext(f"{ATOM}entry/{ATOM}title") or "")
    for path in (injection_site / "calendars").rglob("*.ics"):
        raw = path.read_bytes()
        assert icalendar.Calendar.from_ical(raw).to_ical() == raw
    for path in (injection_site / "api" / "hsds").glob("*.json"):
        assert "<" not in path.read_text(encoding="utf-8"), path


def test_a_partner_change_moves_the_data_date() -> None:
    from wiazki.views.publish import OpenData

    cat = catalogue(reviewed="2026-10-15")
    assert OpenData(cat, data_licence(), None, "wiazki/").generated == "2026-10-15"
    last_change = {"partners/gops-kramsk.yml": "2026-11-02"}.get
    assert OpenData(cat, data_licence(), None, "wiazki/", last_change).generated == "2026-11-02"


def test_site_views_hand_history_to_feeds_calendars_and_exports() -> None:
    import json

    from wiazki.views import SiteViews

    views = SiteViews(catalogue(reviewed="2026-01-05"), history=lambda b: [Change("2026-09-09", "Zmiana")])
    files = {f.src_uri: f.content for f in views.data_files("https://example.org/")}
    assert json.loads(files["api/hsds/services.json"])["generated"] == "2026-09-09"
    feed = check_atom(str(files["feeds/bundles.atom"]))
    assert feed.findtext(f"{ATOM}entry/{ATOM}updated") == "2026-09-09T00:00:00Z"
    ics = files["calendars/bundles/senior-u-siebie.ics"]
    assert isinstance(ics, bytes) and b"DTSTAMP:20260909T000000Z" in ics


def test_a_commit_subject_reaches_the_feed_on_one_line_without_bidi_and_clipped() -> None:
    # Commit subjects are not content: no validation ran on them. A bidi override can
    # make a feed reader show a line other than the one written; a newline or U+2028
    # forges a line of the entry; git allows a subject of any length.
    subject = "Poprawka \u202egnp.exe\u202c\u2066x\u2069 linia\u2028druga\nlinia\x85 " + "długo " * 2000
    entry = check_atom(render(catalogue(), lambda bundle: [Change("2026-11-20", subject)])).find(f"{ATOM}entry")
    assert entry is not None
    last = (entry.findtext(f"{ATOM}content") or "").splitlines()[-1]
    assert last.startswith("Ostatnia zmiana (2026-11-20): Poprawka gnp.exe x linia druga linia długo")
    assert not set(last) & {"\u202e", "\u202c", "\u2066", "\u2069", "\u2028", "\x85"}
    assert len(last) < 300 and last.endswith("…")


def test_the_event_url_is_a_uri_even_for_a_site_url_in_polish_letters() -> None:
    # RFC 5545 gives URL the value type URI (RFC 3986): an IDN host goes as IDNA.
    ics = calendars.calendars(
        catalogue(), lambda i: f"https://wiązki.example/ścieżka/{i}/", data_licence(), None, "2026-01-01"
    )
    event = icalendar.Calendar.from_ical(ics["calendars/bundles/senior-u-siebie.ics"]).walk("VEVENT")[0]
    assert str(event["URL"]) == "https://xn--wizki-4wa.example/%C5%9Bcie%C5%BCka/senior-u-siebie/"


def test_a_title_on_two_lines_names_the_calendar_on_one(tmp_path: Path) -> None:
    # The format lets a title hold a line break (a YAML "\n" or a block scalar); the
    # library refuses one in the calendar's NAME and X-WR-CALNAME (AssertionError).
    from wiazki.model import build_catalogue
    from wiazki.validation.validator import ContentValidator

    text = kit.dump(kit.valid_bundle()).replace(
        "title: Senior u siebie w gminie Kramsk", 'title: "Senior u siebie,\\r\\nw gminie; Kramsk\\r"'
    )
    kit.write_content(tmp_path, bundles={"senior-u-siebie": text})
    validator = ContentValidator(tmp_path)
    result = validator.validate(kit.TODAY)
    assert result.errors == []
    cat = build_catalogue(result, validator.register)
    ics = calendars.calendars(cat, lambda i: "https://example.org/", data_licence(), None, "2026-01-01")
    for raw in ics.values():
        parsed = icalendar.Calendar.from_ical(raw)
        assert parsed.to_ical() == raw
    parsed = icalendar.Calendar.from_ical(ics["calendars/bundles/senior-u-siebie.ics"])
    assert str(parsed["NAME"]) == str(parsed["X-WR-CALNAME"]) == "Kamienie milowe: Senior u siebie, w gminie; Kramsk"
    # An event's SUMMARY is text that may hold lines: they stay (escaped as "\\n").
    assert "Senior u siebie,\nw gminie; Kramsk" in str(parsed.walk("VEVENT")[0]["SUMMARY"])


def full_event(properties: dict[str, object]) -> bytes:
    """The library's serialisation of the whole event, property by property `add`-ed."""
    event = icalendar.Event()
    for name, value in properties.items():
        event.add(name, value)
    return event.to_ical()


def test_each_event_is_the_librarys_own_serialisation_of_the_whole_event() -> None:
    # EventWriter reuses the lines events share; the bytes must stay what the library
    # writes for the event: long multibyte text folded at 75 octets, an escape at the
    # fold, line breaks, commas and semicolons, an IDN address, a stamp not in UTC.
    writer = calendars.EventWriter()
    stamp = datetime(2026, 3, 1, 1, 0, tzinfo=timezone(timedelta(hours=1)))
    summaries = [
        "Krótko",
        "Zażółć gęślą jaźń – " * 9,
        "x" * 60 + "; ,\\" + "ż" * 40,
        "Etap, z przecinkiem;\nnową linią i \\n ukośnikiem " + SCRIPT,
        "a" * 64 + "\\" * 30,
    ]
    for number, summary in enumerate(summaries):
        for day in (datetime(2026, 5, 15).date(), datetime(2027, 1, 31).date()):
            properties: dict[str, object] = {
                "uid": f"{number}-{day}@owes-katalog.github.io",
                "dtstamp": stamp,
                "dtstart": day,
                "dtend": day + timedelta(days=1),
                "summary": summary,
                "url": "https://xn--wizki-4wa.example/%C5%9Bcie%C5%BCka/" + "w" * number * 20 + "/",
                "transp": "TRANSPARENT",
            }
            assert writer.event(properties) == full_event(properties)


def test_catalogue_calendar_is_the_bundles_upcoming_events_byte_for_byte() -> None:
    first, second = kit.valid_bundle(), kit.valid_bundle("dom-dziennego-pobytu")
    first["design"]["plan"]["milestones"] = [
        {"date": day, "milestone": f"Etap {day}"} for day in ("2026-12-01", "2026-03-01", "2027-02-01", "2026-12-01")
    ]
    second["design"]["plan"]["milestones"] = [
        {"date": day, "milestone": f"Krok {day}"} for day in ("2027-01-10", "2026-12-01", "2025-01-01")
    ]
    cat = Catalogue.from_documents([first, second], [kit.owes(), kit.gops(), kit.coop()], load_register())
    url = lambda bundle_id: f"https://example.org/wiazki/{bundle_id}/"  # noqa: E731
    ics = calendars.calendars(cat, url, data_licence(), None, "2026-12-01")

    def events(raw: bytes) -> list[bytes]:
        return [b"BEGIN:VEVENT" + part.split(b"END:VCALENDAR")[0] for part in raw.split(b"BEGIN:VEVENT")[1:]]

    per_bundle = {
        bundle_id: events(ics[calendars.bundle_calendar(bundle_id)])
        for bundle_id in ("senior-u-siebie", "dom-dziennego-pobytu")
    }
    assert [len(found) for found in per_bundle.values()] == [4, 3]
    dated = [
        (milestone["date"], bundle["id"], event)
        for bundle in (first, second)
        for milestone, event in zip(bundle["design"]["plan"]["milestones"], per_bundle[bundle["id"]], strict=True)
        if milestone["date"] >= "2026-12-01"
    ]
    assert events(ics[calendars.CATALOGUE_CALENDAR]) == [event for *_, event in sorted(dated, key=lambda d: d[:2])]
    # Each event is the library's serialisation of it, parsed back unchanged.
    for raw in ics.values():
        assert icalendar.Calendar.from_ical(raw).to_ical() == raw
