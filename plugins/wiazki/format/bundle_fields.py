"""The field tree of a bundle file (content/bundles/<id>.yml); read it through `wiazki.format.fields`."""

from __future__ import annotations

from dataclasses import replace

from wiazki import FORMAT_VERSION
from wiazki.format import vocab as v
from wiazki.format.field import (
    MARKDOWN_MAX,
    NAME_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
    Field,
    enum,
    group,
    items,
    text,
    texts,
    typed,
)


def format_field() -> Field:
    return Field(
        "format", "Wersja formatu", "Wersja formatu pliku; obecnie 1.", "const", required=True, const=FORMAT_VERSION
    )


def _period() -> Field:
    return typed("period", "period", "Okres", 'Np. 2026 albo "rocznie".')


SERVICE = group(
    "service",
    "Usługa",
    "Jedna usługa społeczna w wiązce.",
    (
        text(
            "name",
            "Nazwa usługi",
            "Krótka nazwa usługi, np. „Usługi opiekuńcze w miejscu zamieszkania”.",
            NAME_MAX,
            required=True,
        ),
        enum("type", v.SERVICE_TYPES, "Rodzaj usługi; wiązka ma co najmniej 3 różne rodzaje usług.", required=True),
        enum(
            "area",
            v.SERVICE_AREAS,
            "Obszar usług według ustawy o centrach usług społecznych (art. 2 ust. 1).",
            required=True,
        ),
        typed(
            "partner-ref",
            "provider",
            "Realizator",
            "Partner, który świadczy usługę; musi być na liście kluczowych partnerów.",
            required=True,
        ),
        text("description", "Opis usługi", "Na czym polega usługa.", required=True),
        text("access", "Dostęp", "Jak skorzystać z usługi: kto kieruje, jakie są warunki.", required=True),
        enum("fee", v.FEES, "Czy usługa jest płatna.", required=True),
        text("fee_note", "Uwagi o odpłatności", "Np. zasady częściowej odpłatności."),
    ),
    def_name="service",
)

TEST = group(
    "test",
    "Test prototypu",
    "Jeden test prototypu z użytkownikami.",
    (
        typed("date", "date", "Data testu", "Kiedy odbył się test (RRRR-MM-DD).", required=True),
        Field(
            "participants",
            "Liczba uczestników",
            "Ile osób wzięło udział w teście (co najmniej 1).",
            "int",
            required=True,
            minimum=1,
            maximum=1_000_000,
        ),
        text("method", "Metoda", "Jak testowano, np. „makieta usługi i wywiady”.", required=True),
        texts("feedback", "Informacje zwrotne", "Co powiedzieli uczestnicy.", "Informacja zwrotna", required=True),
        texts("changes", "Zmiany", "Co zmieniono po teście.", "Zmiana", required=True),
    ),
    def_name="test",
)


def _block(name: str) -> str:
    return v.CANVAS_BLOCKS.label(name)


CANVAS = group(
    "canvas",
    "Business Model Canvas",
    "Model wiązki w dziewięciu blokach. Przed etapem „Planowanie wdrożenia” bloki mogą być puste; "
    "od tego etapu wszystkie muszą być wypełnione.",
    (
        items(
            "customer_segments",
            _block("customer_segments"),
            "Dla kogo jest wiązka: grupy docelowe z opisem.",
            group(
                "",
                "Segment",
                "Grupa docelowa i jej opis.",
                (
                    enum("group", v.TARGET_GROUPS, "Grupa docelowa.", required=True),
                    text("description", "Opis segmentu", "Kim są te osoby i czego potrzebują.", required=True),
                ),
            ),
            required_from="plan",
        ),
        group(
            "value_proposition",
            _block("value_proposition"),
            "Co wiązka daje odbiorcom: podsumowanie i usługi.",
            (
                replace(
                    text(
                        "summary",
                        "Podsumowanie propozycji wartości",
                        "Jednym, dwoma zdaniami: jaką zmianę przynosi wiązka.",
                        required=True,
                    ),
                    required_from="plan",
                ),
                items(
                    "services",
                    "Usługi",
                    "Usługi wchodzące w skład wiązki (co najmniej 3 różnych rodzajów).",
                    SERVICE,
                    required=True,
                ),
            ),
            required_from="plan",
        ),
        texts(
            "channels",
            _block("channels"),
            "Jak odbiorcy dowiadują się o wiązce i do niej trafiają.",
            "Kanał",
            required_from="plan",
        ),
        texts(
            "customer_relationships",
            _block("customer_relationships"),
            "Jak partnerzy budują i utrzymują relację z odbiorcami.",
            "Relacja",
            required_from="plan",
        ),
        items(
            "revenue_streams",
            _block("revenue_streams"),
            "Z czego finansowana jest wiązka.",
            group(
                "",
                "Strumień przychodów",
                "Źródło finansowania i kwota.",
                (
                    enum("source", v.FUNDING_SOURCES, "Rodzaj źródła finansowania.", required=True),
                    text("description", "Opis", "Np. nazwa programu lub konkursu.", required=True),
                    typed("amount", "amount_pln", "Kwota (zł)", "Kwota w złotych, np. 96000."),
                    _period(),
                ),
            ),
            required_from="plan",
        ),
        texts(
            "key_resources",
            _block("key_resources"),
            "Ludzie, miejsca, sprzęt i wiedza potrzebne do działania.",
            "Zasób",
            required_from="plan",
        ),
        texts(
            "key_activities",
            _block("key_activities"),
            "Najważniejsze działania partnerstwa.",
            "Działanie",
            required_from="plan",
        ),
        items(
            "key_partners",
            _block("key_partners"),
            "Partnerzy wiązki, ich role i wkład; najlepiej z różnych sektorów.",
            group(
                "",
                "Partner wiązki",
                "Partner, jego rola i wkład.",
                (
                    typed(
                        "partner-ref",
                        "partner",
                        "Partner",
                        "Identyfikator partnera z content/partners/.",
                        required=True,
                    ),
                    enum("role", v.PARTNER_ROLES, "Rola partnera w wiązce.", required=True),
                    text("contribution", "Wkład", "Co partner wnosi do wiązki.", required=True),
                ),
            ),
            required_from="plan",
        ),
        items(
            "cost_structure",
            _block("cost_structure"),
            "Najważniejsze koszty wiązki.",
            group(
                "",
                "Koszt",
                "Pozycja kosztowa.",
                (
                    text("item", "Pozycja", "Na co są wydatki.", required=True),
                    typed("amount", "amount_pln", "Kwota (zł)", "Kwota w złotych, np. 48000."),
                    _period(),
                ),
            ),
            required_from="plan",
        ),
    ),
    required=True,
)


def _next_stage(stage: str) -> str:
    """The stage after `stage`: a design section is required from the stage that follows its own."""
    stages = list(v.STAGES)
    return stages[stages.index(stage) + 1]


def _section(stage: str, description: str, children: tuple[Field, ...]) -> Field:
    """A Design Thinking section: it and each of its fields must be filled from the next stage on (rule 5)."""
    due = _next_stage(stage)
    return group(
        stage,
        v.STAGES.label(stage),
        description,
        tuple(replace(child, required_from=due) for child in children),
        required_from=due,
    )


DESIGN = group(
    "design",
    "Zapis procesu Design Thinking",
    "Co partnerstwo ustaliło na każdym etapie. "
    "Na danym etapie sekcje wszystkich wcześniejszych etapów muszą być wypełnione.",
    (
        _section(
            "discover",
            "Etap odkrywania: jak badano potrzeby i czego się dowiedziano.",
            (
                texts(
                    "methods", "Metody", "Np. wywiady pogłębione, obserwacja, mapa empatii.", "Metoda", required=True
                ),
                texts("findings", "Wnioski", "Czego się dowiedziano o odbiorcach.", "Wniosek", required=True),
            ),
        ),
        _section(
            "define",
            "Etap definiowania wyzwania.",
            (
                text("challenge", "Wyzwanie", "Zwykle pytanie „Jak możemy…?”.", required=True),
                texts("needs", "Potrzeby", "Potrzeby odbiorców, na które odpowiada wiązka.", "Potrzeba", required=True),
            ),
        ),
        _section(
            "ideate",
            "Etap tworzenia rozwiązania.",
            (
                texts("ideas", "Pomysły", "Pomysły rozważane przez partnerstwo.", "Pomysł", required=True),
                text("chosen", "Wybrane rozwiązanie", "Które rozwiązanie wybrano i dlaczego.", required=True),
            ),
        ),
        _section(
            "prototype",
            "Etap prototypowania i testowania.",
            (items("tests", "Testy", "Testy prototypu z użytkownikami.", TEST, required=True),),
        ),
        _section(
            "plan",
            "Etap planowania wdrożenia.",
            (
                typed("date", "start", "Start", "Planowana data uruchomienia usług (RRRR-MM-DD).", required=True),
                items(
                    "milestones",
                    "Kamienie milowe",
                    "Najważniejsze kroki wdrożenia.",
                    group(
                        "",
                        "Kamień milowy",
                        "Data i opis kroku.",
                        (
                            typed("date", "date", "Data", "RRRR-MM-DD.", required=True),
                            text("milestone", "Kamień milowy", "Co ma być gotowe.", required=True),
                        ),
                    ),
                    required=True,
                ),
                texts("risks", "Ryzyka", "Co może pójść nie tak i jak temu zapobiec.", "Ryzyko", required=True),
            ),
        ),
    ),
    required=True,
)

BUNDLE = group(
    "",
    "Wiązka usług społecznych",
    "Plik content/bundles/<id>.yml: jedna wiązka usług społecznych (format w wersji 1).",
    (
        format_field(),
        typed("id", "id", "Identyfikator wiązki", "Równy nazwie pliku bez .yml, np. seniorzy-kramsk.", required=True),
        text("title", "Tytuł", f"Nazwa wiązki, 5–{TITLE_MAX} znaków.", TITLE_MAX, min_length=5, required=True),
        text(
            "summary",
            "Podsumowanie",
            f"Jedno lub dwa zdania do kart katalogu i wyników wyszukiwania, 20–{SUMMARY_MAX} znaków.",
            SUMMARY_MAX,
            min_length=20,
            required=True,
        ),
        text(
            "description",
            "Opis",
            "Dłuższy opis w Markdownie; surowy HTML nie jest wyświetlany.",
            MARKDOWN_MAX,
            type="markdown",
        ),
        enum("stage", v.STAGES, "Etap, na którym jest wiązka.", required=True),
        items(
            "territory",
            "Obszar",
            "Gdzie wiązka jest dostępna: kody TERYT (co najmniej jeden).",
            typed("teryt", "", "Kod TERYT", "Kod TERYT gminy, powiatu lub województwa."),
            min_items=1,
            required=True,
        ),
        typed(
            "partner-ref",
            "facilitator",
            "Facylitator (OWES)",
            "Identyfikator partnera – OWES, który facylituje wiązkę.",
            required=True,
        ),
        group(
            "contact",
            "Kontakt",
            "Jak pytać o wiązkę; wymagany od etapu „Dostępna”.",
            (
                typed("email", "email", "E-mail", "Adres e-mail do pytań o wiązkę.", required=True),
                typed("phone", "phone", "Telefon", "Numer telefonu w cudzysłowie."),
                typed("url", "url", "Strona", "Adres strony (https://…)."),
                text("note", "Uwagi", "Np. godziny dyżurów.", column=""),
            ),
            required_from="available",
        ),
        typed(
            "date",
            "reviewed",
            "Data przeglądu",
            "Kiedy ostatnio potwierdzono aktualność treści (RRRR-MM-DD); nie w przyszłości.",
            required=True,
        ),
        CANVAS,
        DESIGN,
        items(
            "links",
            "Odnośniki",
            "Dokumenty, regulaminy, strony partnerstwa.",
            group(
                "",
                "Odnośnik",
                "Tytuł i adres.",
                (
                    text("title", "Tytuł odnośnika", "Co jest pod adresem.", NAME_MAX, required=True),
                    typed("url", "url", "Adres", "https://…", required=True),
                ),
            ),
        ),
        texts("keywords", "Słowa kluczowe", "Dodatkowe słowa dla wyszukiwarki.", "Słowo kluczowe", NAME_MAX, column=""),
    ),
)
