"""Invented bundles for the public-query test (test_search_public.py): topics, places and
words that the sample content does not have, written as a person would write them."""

from __future__ import annotations


def _bundle(bundle_id: str, title: str, summary: str, territory: str, body: str, services: str, groups: str) -> str:
    return f"""format: 1
id: {bundle_id}
title: "{title}"
summary: >-
  {summary}
description: |
{body}
stage: discover
territory:
  - "{territory}"
facilitator: owes-konin
reviewed: 2026-10-20
canvas:
  customer_segments:
{groups}
  value_proposition:
    summary: >-
      {summary}
    services:
{services}
  key_partners:
    - partner: owes-konin
      role: facilitator
      contribution: Facylitacja partnerstwa.
    - partner: ss-dobry-kat
      role: provider
      contribution: Prowadzenie usług.
    - partner: pup-konin
      role: coordinator
      contribution: Kierowanie osób i koordynacja.
design: {{}}
"""


def _service(name: str, type_: str, area: str, description: str) -> str:
    return f"""      - name: {name}
        type: {type_}
        area: {area}
        provider: ss-dobry-kat
        description: >-
          {description}
        access: Zgłoszenie telefoniczne albo osobiście w biurze.
        fee: free
"""


def _group(group: str, description: str) -> str:
    return f"""    - group: {group}
      description: >-
        {description}
"""


def _indent(text: str) -> str:
    return "".join("  " + line + "\n" if line else "\n" for line in text.strip().splitlines())


BUNDLES: dict[str, str] = {
    "miodowy-ul-kolo": _bundle(
        "miodowy-ul-kolo",
        "Miodowy Ul – praca w pasiece w Kole",
        "Spółdzielnia socjalna pszczelarzy zatrudnia osoby z niepełnosprawnościami przy ulach, "
        "wirowaniu miodu i sprzedaży na targu.",
        "3009011",
        _indent(
            "Pszczelarz-instruktor uczy pracy przy pasiece: przeglądu uli, odbierania ramek,\n"
            "wirowania i rozlewania miodu. Uczestnicy przygotowują świece z wosku."
        ),
        _service(
            "Praca w pasiece", "vocational_activation", "unemployment_prevention", "Zatrudnienie wspierane przy ulach."
        )
        + _service("Warsztaty woskowe", "education", "culture", "Wyrabianie świec z wosku pszczelego.")
        + _service("Sklepik z miodem", "social_reintegration", "reintegration", "Sprzedaż miodu na targu w Kole."),
        _group("persons_with_disabilities", "Dorośli z niepełnosprawnością intelektualną z powiatu kolskiego."),
    ),
    "kawiarnia-napraw-brzeg": _bundle(
        "kawiarnia-napraw-brzeg",
        "Kawiarnia Napraw w Brzegu",
        "Raz w tygodniu sąsiedzi przynoszą zepsute rzeczy, a wolontariusze pomagają je naprawić: "
        "odnawianie mebli, reperowanie rowerów i drobnej elektroniki.",
        "1601011",
        _indent(
            "Złote rączki z klubu seniora i uczniowie technikum naprawiają razem czajniki, lampy i\n"
            "krzesła. Przy kawie można się nauczyć cerowania i lutowania."
        ),
        _service("Naprawianie sprzętu", "volunteering", "environment", "Naprawy drobnego sprzętu domowego.")
        + _service("Odnawianie mebli", "education", "environment", "Szlifowanie i malowanie starych mebli.")
        + _service("Serwis rowerowy", "culture_leisure", "sport_tourism", "Reperowanie rowerów dzieci i dorosłych."),
        _group("local_community", "Mieszkańcy Brzegu, którzy nie chcą wyrzucać zepsutych rzeczy."),
    ),
    "spizarnia-sasiedzka-pulawy": _bundle(
        "spizarnia-sasiedzka-pulawy",
        "Spiżarnia sąsiedzka w Puławach",
        "Wspólne kiszenie kapusty i ogórków, suszenie owoców i pasteryzowanie przetworów z "
        "nadwyżek działkowców dla rodzin w trudnej sytuacji.",
        "0614011",
        _indent(
            "W kuchni społecznej przy parafii działkowcy i seniorzy uczą młode rodziny, jak robić\n"
            "przetwory na zimę. Słoiki trafiają do spiżarni, z której korzysta każdy potrzebujący."
        ),
        _service("Warsztaty kiszenia", "education", "family_support", "Kiszenie kapusty, buraków i ogórków.")
        + _service("Spiżarnia dla potrzebujących", "meals", "social_assistance", "Słoiki z przetworami za darmo.")
        + _service("Suszarnia owoców", "volunteering", "environment", "Suszenie jabłek i śliwek z sadów."),
        _group("poverty_exclusion_risk", "Rodziny z dziećmi, którym brakuje pieniędzy na jedzenie."),
    ),
    "pracownia-krawiecka-gora": _bundle(
        "pracownia-krawiecka-gora",
        "Pracownia krawiecka dla kobiet w Górze",
        "Kurs szycia na maszynie, przeróbki odzieży i szycie na zamówienie: kobiety po przerwie "
        "w pracy zdobywają zawód krawcowej.",
        "0204014",
        _indent(
            "Krawcowa z trzydziestoletnim stażem uczy kroju i szycia. Po kursie uczestniczki szyją\n"
            "torby, zasłony i stroje dla zespołu ludowego."
        ),
        _service("Kurs szycia", "vocational_activation", "unemployment_prevention", "Nauka szycia na maszynie.")
        + _service("Przeróbki odzieży", "social_reintegration", "reintegration", "Skracanie i zwężanie ubrań.")
        + _service("Opieka nad dziećmi w czasie kursu", "day_support", "family_support", "Kącik zabaw dla dzieci."),
        _group("unemployed", "Kobiety długotrwale bezrobotne, często matki po urlopie wychowawczym."),
    ),
    "dowoz-na-wozku-zgierz": _bundle(
        "dowoz-na-wozku-zgierz",
        "Dowóz na wózku – przewóz osób z niepełnosprawnościami w Zgierzu",
        "Bus z windą zawozi osoby poruszające się na wózkach inwalidzkich do lekarza, na rehabilitację i do urzędu.",
        "1020031",
        _indent(
            "Kierowca pomaga wyjechać z mieszkania i wsiąść do busa. Przejazd zamawia się telefonicznie\n"
            "dzień wcześniej."
        ),
        _service("Przewóz do lekarza", "transport", "health_promotion", "Dowożenie na wizyty i badania.")
        + _service("Asystent w podróży", "personal_assistance", "disability_support", "Pomoc przy wsiadaniu.")
        + _service("Wypożyczalnia wózków", "other", "disability_support", "Wózki inwalidzkie na krótki czas."),
        _group("persons_with_disabilities", "Osoby z niepełnosprawnością ruchu, które nie wychodzą z domu."),
    ),
    "chwila-wytchnienia-lask": _bundle(
        "chwila-wytchnienia-lask",
        "Chwila wytchnienia w Łasku",
        "Opieka wytchnieniowa: na kilka godzin albo na weekend opiekun zastępczy przejmuje "
        "opiekę nad osobą zależną, a rodzina może odpocząć.",
        "1003024",
        _indent(
            "Rodzice dorosłych dzieci z autyzmem i małżonkowie osób z demencją mówili, że od lat nie\n"
            "mieli wolnego dnia. Zastępstwo zapewniają przeszkolone asystentki."
        ),
        _service("Pobyt wytchnieniowy", "respite_care", "disability_support", "Całodobowy pobyt w ośrodku.")
        + _service("Zastępstwo w domu", "care", "social_assistance", "Asystentka przychodzi do domu.")
        + _service("Grupa wsparcia", "counselling", "family_support", "Spotkania rodzin co dwa tygodnie."),
        _group("informal_carers", "Rodziny, które na co dzień same opiekują się bliskimi."),
    ),
    "porada-dla-dluznikow-radom": _bundle(
        "porada-dla-dluznikow-radom",
        "Wyjście z długów – poradnictwo dla zadłużonych w Radomiu",
        "Bezpłatna porada prawna i plan spłaty dla osób zadłużonych: rozmowa z komornikiem, "
        "upadłość konsumencka, pisma do wierzycieli.",
        "1463011",
        _indent(
            "Prawnik i doradca finansowy pomagają dłużnikom zrozumieć nakaz zapłaty i ułożyć\n"
            "domowy budżet. Spotkania odbywają się w świetlicy przy ul. Żeromskiego."
        ),
        _service("Porady prawne", "counselling", "social_assistance", "Pomoc przy sprzeciwie od nakazu zapłaty.")
        + _service("Plan spłaty", "education", "social_assistance", "Układanie domowego budżetu.")
        + _service("Wsparcie psychologa", "crisis_intervention", "health_promotion", "Rozmowa w kryzysie."),
        _group("poverty_exclusion_risk", "Osoby, które mają kilka pożyczek i boją się egzekucji."),
    ),
}
