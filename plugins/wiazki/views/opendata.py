"""What every open-data file says about itself: licence, format version, date.

The catalogue's data licence is a site option (`data_licence`, an SPDX id from
`LICENCES`, default `CC-BY-4.0`); the code keeps its own licence (MIT). Every JSON
export carries `metadata()`; the Atom feeds and the calendars state the licence
where their formats have a place for it.

`generated` is the date of the data, not of the build: the newest of the bundles'
`reviewed` dates and of the dates of the commits that changed a bundle file (or,
given the site's last-change dates, a partner file: `wiazki.views.publish`). The
same content therefore always gives byte-identical files (as the sitemap and the
exports promise), and the date still moves whenever the data does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from wiazki.model import Bundle, Catalogue


@dataclass(frozen=True)
class DataLicence:
    """A licence for the published data: SPDX id, Polish name, the licence's own page."""

    id: str
    name: str
    url: str

    def record(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "url": self.url}

    @property
    def statement(self) -> str:
        """One Polish sentence for places that take plain text (feeds, calendars)."""
        return f"Dane katalogu udostępniamy na licencji {self.name}: {self.url}"


#: The licences a site may choose (SPDX ids). Names as the licensors' Polish pages give them.
LICENCES: dict[str, DataLicence] = {
    lic.id: lic
    for lic in (
        DataLicence(
            "CC-BY-4.0",
            "Creative Commons Uznanie autorstwa 4.0 Międzynarodowe (CC BY 4.0)",
            "https://creativecommons.org/licenses/by/4.0/deed.pl",
        ),
        DataLicence(
            "CC-BY-SA-4.0",
            "Creative Commons Uznanie autorstwa – Na tych samych warunkach 4.0 Międzynarodowe (CC BY-SA 4.0)",
            "https://creativecommons.org/licenses/by-sa/4.0/deed.pl",
        ),
        DataLicence(
            "CC0-1.0",
            "Creative Commons CC0 1.0 Powszechne – przekazanie do domeny publicznej (CC0 1.0)",
            "https://creativecommons.org/publicdomain/zero/1.0/deed.pl",
        ),
        DataLicence(
            "ODbL-1.0",
            "Open Data Commons Open Database License 1.0 (ODbL 1.0)",
            "https://opendatacommons.org/licenses/odbl/1-0/",
        ),
    )
}

DEFAULT_LICENCE = "CC-BY-4.0"


def data_licence(licence_id: str = DEFAULT_LICENCE) -> DataLicence:
    """The licence with this SPDX id.

    Raises ValueError (with a Polish message naming the known ids) for any other id.
    """
    try:
        return LICENCES[licence_id]
    except KeyError:
        known = ", ".join(LICENCES)
        raise ValueError(f"nieznana licencja danych {licence_id!r}; dostępne: {known}") from None


#: Format versions of the files, raised only when the meaning or name of an existing
#: field changes (added fields keep the version). /dane/ lists them.
FORMAT_VERSIONS = {"json": 1, "hsds": 1, "atom": 1, "ics": 1}

#: A history provider: a bundle's changes, newest first, each with a `date` (YYYY-MM-DD).
History = Callable[[Bundle], Sequence[Any]]


def last_changed(bundle: Bundle, history: History | None) -> str:
    """The day the bundle last changed: its newest commit, or `reviewed` without history."""
    entries = history(bundle) if history else ()
    return max(entries[0].date, bundle.reviewed) if entries else bundle.reviewed


def first_published(bundle: Bundle, history: History | None) -> str:
    """The day the bundle file first appeared in git, or `reviewed` without history."""
    entries = history(bundle) if history else ()
    return entries[-1].date if entries else bundle.reviewed


def data_date(catalogue: Catalogue, history: History | None) -> str:
    """`generated`: the newest change among the bundles (YYYY-MM-DD); "1970-01-01" when empty."""
    return max((last_changed(b, history) for b in catalogue.bundles.values()), default="1970-01-01")


def metadata(kind: str, licence: DataLicence, generated: str) -> dict[str, Any]:
    """The self-description each JSON export starts with."""
    return {"format_version": FORMAT_VERSIONS[kind], "generated": generated, "licence": licence.record()}
