"""The TERYT territorial register (TERC part), as published by GUS.

The project ships one snapshot in `data/TERC_<date>.csv`; `wiazki teryt import`
replaces it with a newer official file (`TERC_Urzedowy_YYYY-MM-DD.csv`).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
COLUMNS = ("WOJ", "POW", "GMI", "RODZ", "NAZWA", "NAZWA_DOD", "STAN_NA")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

VOIVODESHIP = "voivodeship"
POWIAT = "powiat"
GMINA = "gmina"


@dataclass(frozen=True)
class Unit:
    """One unit of the register: a województwo, a powiat or a gmina-level unit."""

    code: str
    name: str
    #: The register's own description (NAZWA_DOD), e.g. "gmina miejsko-wiejska".
    kind: str
    level: str

    @property
    def display_name(self) -> str:
        # The register writes województwa in capitals.
        return self.name.lower() if self.level == VOIVODESHIP else self.name

    @property
    def short_name(self) -> str:
        """The name in a list of places: "Kramsk", "powiat koniński",
        "Konin (miasto na prawach powiatu)", "woj. wielkopolskie"."""
        if self.level == POWIAT:
            return f"{self.name} ({self.kind})" if self.kind.startswith("miasto") else f"powiat {self.name}"
        if self.level == VOIVODESHIP:
            return f"woj. {self.display_name}"
        return self.name

    @property
    def long_name(self) -> str:
        """The name on its own, with what kind of unit it is and its code:
        "Kramsk, gmina wiejska (3010052)", "powiat koniński (3010)", "woj. wielkopolskie (30)"."""
        if self.level == GMINA or self.kind.startswith("miasto"):
            name = f"{self.name}, {self.kind}"
        elif self.level == POWIAT:
            name = f"powiat {self.name}"
        else:
            name = f"woj. {self.display_name}"
        return f"{name} ({self.code})"


class RegisterError(ValueError):
    """The file is not a TERC register."""


@dataclass(frozen=True)
class Register:
    date: str
    units: dict[str, Unit]

    def __contains__(self, code: object) -> bool:
        return code in self.units

    def get(self, code: str) -> Unit | None:
        return self.units.get(code)

    def voivodeship(self, code: str) -> Unit | None:
        return self.units.get(code[:2])

    def powiat(self, code: str) -> Unit | None:
        return self.units.get(code[:4]) if len(code) >= 4 else None

    def describe(self, code: str) -> str:
        """A Polish description such as "Kramsk (gmina wiejska), powiat koniński, woj. wielkopolskie"."""
        unit = self.units.get(code)
        if unit is None:
            return code
        parts = []
        if unit.level == GMINA:
            parts.append(f"{unit.name} ({unit.kind})")
        if unit.level in (GMINA, POWIAT):
            powiat = self.powiat(code)
            if powiat is not None:
                parts.append(
                    f"powiat {powiat.name}"
                    if not powiat.kind.startswith("miasto")
                    else f"{powiat.name} ({powiat.kind})"
                )
        voivodeship = self.voivodeship(code)
        if voivodeship is not None:
            parts.append(f"woj. {voivodeship.display_name}")
        return ", ".join(parts)


def parse_register(text: str) -> Register:
    """Parse the text of a TERC CSV file; raises RegisterError with a Polish message."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != COLUMNS:
        raise RegisterError(f"nieoczekiwany nagłówek; oczekiwano kolumn {';'.join(COLUMNS)}")
    units: dict[str, Unit] = {}
    dates = set()
    for number, row in enumerate(reader, start=2):
        if not row or not any(row):
            continue
        if len(row) != len(COLUMNS):
            raise RegisterError(f"wiersz {number}: oczekiwano {len(COLUMNS)} kolumn, jest {len(row)}")
        woj, pow_, gmi, rodz, name, kind, date = (cell.strip() for cell in row)
        if (
            not re.fullmatch(r"\d{2}", woj)
            or (pow_ and not re.fullmatch(r"\d{2}", pow_))
            or (gmi and not re.fullmatch(r"\d{2}", gmi))
            or (rodz and not re.fullmatch(r"\d", rodz))
        ):
            raise RegisterError(f"wiersz {number}: nieprawidłowy kod jednostki")
        if not _DATE.match(date):
            raise RegisterError(f"wiersz {number}: nieprawidłowa data w kolumnie STAN_NA")
        dates.add(date)
        if gmi:
            code, level = woj + pow_ + gmi + rodz, GMINA
        elif pow_:
            code, level = woj + pow_, POWIAT
        else:
            code, level = woj, VOIVODESHIP
        units[code] = Unit(code, name, kind, level)
    if not units:
        raise RegisterError("plik nie zawiera żadnej jednostki")
    return Register(date=max(dates), units=units)


def register_file(data_dir: Path = DATA_DIR) -> Path:
    files = sorted(data_dir.glob("TERC_*.csv"))
    if len(files) != 1:
        raise RegisterError(f"w {data_dir} powinien być dokładnie jeden plik TERC_*.csv, jest {len(files)}")
    return files[0]


@lru_cache(maxsize=4)
def load_register(path: Path | None = None) -> Register:
    """The shipped register (parsed once per process)."""
    return parse_register((path or register_file()).read_text(encoding="utf-8"))


def read_official_file(source: Path) -> str:
    """Text of an official GUS file, which comes in UTF-8 (often with a BOM) or Windows-1250."""
    raw = source.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1250")


def import_register(source: Path, data_dir: Path = DATA_DIR) -> tuple[Path, Register]:
    """Replace the shipped register with `source`; returns the new file and its register."""
    text = read_official_file(source)
    register = parse_register(text)
    match = re.search(r"(\d{4}-\d{2}-\d{2})", source.name)
    date = match.group(1) if match else register.date
    target = data_dir / f"TERC_{date}.csv"
    normalised = text.replace("\r\n", "\n").lstrip("\ufeff")
    old = [path for path in data_dir.glob("TERC_*.csv") if path != target]
    tmp = target.with_suffix(".csv.tmp")
    tmp.write_text(normalised, encoding="utf-8")
    tmp.replace(target)
    for path in old:
        path.unlink()
    load_register.cache_clear()
    return target, register
