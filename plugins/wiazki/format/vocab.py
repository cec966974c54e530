"""The vocabularies of the bundle format, each id with its Polish label.

This module is the single source of every vocabulary: the JSON Schemas, the
validator's messages and the site all read from here, so a label is typed once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Vocabulary:
    """An ordered set of ids, each with its Polish label."""

    name: str
    title: str
    labels: Mapping[str, str]
    #: Words people use for an id besides its label ("seniorzy" for older_persons); only
    #: for "did you mean" answers, never shown as a label.
    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __contains__(self, key: object) -> bool:
        # A hostile file may put a list or a mapping where an id belongs.
        return isinstance(key, str) and key in self.labels

    def __iter__(self) -> Iterator[str]:
        return iter(self.labels)

    def __len__(self) -> int:
        return len(self.labels)

    def label(self, key: str) -> str:
        """The Polish label of `key`, or `key` itself when it is not in the vocabulary."""
        return self.labels.get(key, key)


STAGES = Vocabulary(
    "stage",
    "Etap",
    {
        "discover": "Odkrywanie",
        "define": "Definiowanie wyzwania",
        "ideate": "Tworzenie rozwiązania",
        "prototype": "Prototypowanie i testowanie",
        "plan": "Planowanie wdrożenia",
        "available": "Dostępna (usługi są świadczone)",
        "closed": "Zakończona",
    },
)

#: The five Design Thinking stages, in order; each has a section in `design`.
DESIGN_STAGES: tuple[str, ...] = ("discover", "define", "ideate", "prototype", "plan")


def stage_index(stage: str) -> int:
    """Position of a stage in the life of a bundle (discover = 0 … closed = 6)."""
    return list(STAGES).index(stage)


TARGET_GROUPS = Vocabulary(
    "group",
    "Grupa docelowa",
    {
        "older_persons": "Osoby starsze",
        "persons_with_disabilities": "Osoby z niepełnosprawnościami",
        "children_with_disabilities": "Dzieci z niepełnosprawnościami",
        "persons_needing_daily_support": "Osoby potrzebujące wsparcia w codziennym funkcjonowaniu",
        "dependent_persons": "Osoby niesamodzielne",
        "informal_carers": "Opiekunowie faktyczni",
        "families_with_children": "Rodziny z dziećmi",
        "families_in_crisis": "Rodziny przeżywające trudności opiekuńczo-wychowawcze",
        "large_families": "Rodziny wielodzietne",
        "children_youth": "Dzieci i młodzież",
        "foster_care_leavers": "Osoby opuszczające pieczę zastępczą",
        "homeless": "Osoby w kryzysie bezdomności",
        "poverty_exclusion_risk": "Osoby zagrożone ubóstwem lub wykluczeniem społecznym",
        "unemployed": "Osoby bezrobotne",
        "economically_inactive": "Osoby bierne zawodowo",
        "mental_health": "Osoby z zaburzeniami psychicznymi",
        "addiction": "Osoby uzależnione",
        "ex_offenders": "Osoby opuszczające zakłady karne",
        "violence_affected": "Osoby doświadczające przemocy domowej",
        "migrants_refugees": "Cudzoziemcy, w tym uchodźcy",
        "persons_living_alone": "Osoby samotnie zamieszkujące",
        "local_community": "Społeczność lokalna",
    },
    synonyms={
        "older_persons": ("seniorzy", "seniorki"),
        "informal_carers": ("opiekunowie rodzinni",),
        "children_youth": ("młodzi", "nastolatki"),
    },
)

SERVICE_AREAS = Vocabulary(
    "area",
    "Obszar usług",
    {
        "family_policy": "Polityka prorodzinna",
        "family_support": "Wspieranie rodziny",
        "foster_care": "System pieczy zastępczej",
        "social_assistance": "Pomoc społeczna",
        "health_promotion": "Promocja i ochrona zdrowia",
        "disability_support": "Wspieranie osób niepełnosprawnych",
        "public_education": "Edukacja publiczna",
        "unemployment_prevention": "Przeciwdziałanie bezrobociu",
        "culture": "Kultura",
        "sport_tourism": "Kultura fizyczna i turystyka",
        "civic_engagement": "Pobudzanie aktywności obywatelskiej",
        "housing": "Mieszkalnictwo",
        "environment": "Ochrona środowiska",
        "reintegration": "Reintegracja zawodowa i społeczna",
    },
)

SERVICE_TYPES = Vocabulary(
    "type",
    "Rodzaj usługi",
    {
        "care": "Usługi opiekuńcze",
        "specialist_care": "Specjalistyczne usługi opiekuńcze",
        "respite_care": "Opieka wytchnieniowa",
        "personal_assistance": "Asystencja osobista",
        "family_assistant": "Asystent rodziny",
        "counselling": "Poradnictwo specjalistyczne",
        "crisis_intervention": "Interwencja kryzysowa",
        "supported_housing": "Mieszkania wspomagane i treningowe",
        "day_support": "Wsparcie dzienne (kluby, dzienne domy, świetlice)",
        "meals": "Posiłki",
        "transport": "Transport",
        "telecare": "Teleopieka",
        "health_rehabilitation": "Profilaktyka zdrowotna i rehabilitacja",
        "education": "Edukacja i rozwój",
        "vocational_activation": "Aktywizacja zawodowa",
        "social_reintegration": "Reintegracja społeczna",
        "culture_leisure": "Kultura, sport i rekreacja",
        "volunteering": "Wolontariat i aktywność obywatelska",
        "home_adaptation": "Drobne naprawy i adaptacja mieszkań",
        "other": "Inne",
    },
)

FUNDING_SOURCES = Vocabulary(
    "source",
    "Źródło finansowania",
    {
        "public_task_entrustment": "Zlecenie zadania publicznego – powierzenie",
        "public_task_support": "Zlecenie zadania publicznego – wsparcie",
        "small_grant_19a": "Tryb pozakonkursowy (art. 19a)",
        "regranting": "Regranting",
        "local_initiative": "Inicjatywa lokalna",
        "public_procurement": "Zamówienie publiczne",
        "reserved_contract": "Zamówienie zastrzeżone / klauzule społeczne",
        "efs_plus_regional": "EFS+ – program regionalny",
        "fers": "FERS (np. Premia społeczna)",
        "pfron": "PFRON",
        "labour_fund": "Fundusz Pracy",
        "solidarity_fund": "Fundusz Solidarnościowy",
        "local_budget": "Budżet JST",
        "state_grant": "Dotacja celowa z budżetu państwa",
        "user_fees": "Odpłatność użytkowników",
        "commercial_sales": "Sprzedaż usług i produktów",
        "donations_csr": "Darowizny, sponsoring, CSR",
        "other": "Inne",
    },
)

FEES = Vocabulary(
    "fee",
    "Odpłatność",
    {
        "free": "Bezpłatna",
        "partly_paid": "Częściowo odpłatna",
        "paid": "Odpłatna",
    },
)

PARTNER_ROLES = Vocabulary(
    "role",
    "Rola partnera",
    {
        "coordinator": "Koordynator",
        "provider": "Realizator usług",
        "funder": "Finansujący",
        "referrer": "Kierujący odbiorców",
        "facilitator": "Facylitator (OWES)",
        "supporter": "Wspierający",
    },
)

SECTORS = Vocabulary(
    "sector",
    "Sektor",
    {
        "public": "Sektor publiczny",
        "social_economy": "Ekonomia społeczna",
        "business": "Biznes",
        "science_education": "Nauka i edukacja",
        "community": "Grupy nieformalne i społeczność",
        "other": "Inne",
    },
)

PARTNER_KINDS = Vocabulary(
    "kind",
    "Rodzaj partnera",
    {
        # public
        "gmina": "Gmina",
        "powiat": "Powiat",
        "voivodeship_government": "Samorząd województwa",
        "social_assistance_centre": "Ośrodek pomocy społecznej (OPS/MOPS/GOPS)",
        "social_services_centre": "Centrum usług społecznych (CUS)",
        "family_support_centre": "Powiatowe centrum pomocy rodzinie (PCPR)",
        "labour_office": "Powiatowy urząd pracy (PUP)",
        "regional_social_policy_centre": "Regionalny ośrodek polityki społecznej (ROPS)",
        "school": "Szkoła lub placówka oświatowa",
        "cultural_institution": "Instytucja kultury",
        "health_provider": "Podmiot leczniczy",
        "other_public": "Inna jednostka publiczna",
        # social economy
        "owes": "Ośrodek wsparcia ekonomii społecznej (OWES)",
        "social_coop": "Spółdzielnia socjalna",
        "wtz": "Warsztat terapii zajęciowej (WTZ)",
        "zaz": "Zakład aktywności zawodowej (ZAZ)",
        "cis": "Centrum integracji społecznej (CIS)",
        "kis": "Klub integracji społecznej (KIS)",
        "worker_coop": "Spółdzielnia pracy",
        "foundation": "Fundacja",
        "association": "Stowarzyszenie",
        "church_legal_person": "Kościelna osoba prawna",
        "nonprofit_company": "Spółka non-profit",
        "other_social_economy": "Inny podmiot ekonomii społecznej",
        # business
        "company": "Spółka lub przedsiębiorstwo",
        "sole_trader": "Jednoosobowa działalność gospodarcza",
        "other_business": "Inny podmiot biznesowy",
        # science and education
        "university": "Uczelnia",
        "research_institute": "Instytut badawczy",
        "other_science_education": "Inny podmiot nauki i edukacji",
        # community
        "informal_group": "Grupa nieformalna",
        "rural_housewives_circle": "Koło gospodyń wiejskich (KGW)",
        "seniors_council": "Rada seniorów",
        "other_community": "Inna grupa społeczna",
        # other
        "other": "Inny",
    },
)

#: Which partner kinds fit each sector (rule 6).
KINDS_BY_SECTOR: Mapping[str, tuple[str, ...]] = {
    "public": (
        "gmina",
        "powiat",
        "voivodeship_government",
        "social_assistance_centre",
        "social_services_centre",
        "family_support_centre",
        "labour_office",
        "regional_social_policy_centre",
        "school",
        "cultural_institution",
        "health_provider",
        "other_public",
    ),
    "social_economy": (
        "owes",
        "social_coop",
        "wtz",
        "zaz",
        "cis",
        "kis",
        "worker_coop",
        "foundation",
        "association",
        "church_legal_person",
        "nonprofit_company",
        "other_social_economy",
    ),
    "business": ("company", "sole_trader", "other_business"),
    "science_education": ("university", "research_institute", "other_science_education"),
    "community": ("informal_group", "rural_housewives_circle", "seniors_council", "other_community"),
    "other": ("other",),
}

SECTOR_OF_KIND: Mapping[str, str] = {kind: sector for sector, kinds in KINDS_BY_SECTOR.items() for kind in kinds}

#: The nine blocks of the Business Model Canvas, in the order of the format document.
CANVAS_BLOCKS = Vocabulary(
    "canvas",
    "Business Model Canvas",
    {
        "customer_segments": "Segmenty klientów",
        "value_proposition": "Propozycja wartości",
        "channels": "Kanały",
        "customer_relationships": "Relacje z klientami",
        "revenue_streams": "Strumienie przychodów",
        "key_resources": "Kluczowe zasoby",
        "key_activities": "Kluczowe działania",
        "key_partners": "Kluczowi partnerzy",
        "cost_structure": "Struktura kosztów",
    },
)

ALL: tuple[Vocabulary, ...] = (
    STAGES,
    TARGET_GROUPS,
    SERVICE_AREAS,
    SERVICE_TYPES,
    FUNDING_SOURCES,
    FEES,
    PARTNER_ROLES,
    SECTORS,
    PARTNER_KINDS,
)
