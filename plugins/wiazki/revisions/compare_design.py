"""The Design Thinking record compared, section by section: texts, tests, milestones."""

from __future__ import annotations

from typing import Any

from wiazki.polish import count
from wiazki.revisions.changes import Line
from wiazki.revisions.compare_values import as_map, as_text, keyed, nth, other_fields, texts_diff, value_change

#: The fields of each Design Thinking section (as in the format's schema).
_DESIGN_FIELDS: dict[str, frozenset[str]] = {
    "discover": frozenset({"methods", "findings"}),
    "define": frozenset({"challenge", "needs"}),
    "ideate": frozenset({"ideas", "chosen"}),
    "prototype": frozenset({"tests"}),
    "plan": frozenset({"start", "milestones", "risks"}),
}
_TEST_KNOWN = frozenset({"date", "participants", "method", "feedback", "changes"})


def _participants(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return count(value, "uczestnik", "uczestników", "uczestników")
    return "?"


def _tests(old: Any, new: Any) -> list[Line]:
    def key(t: dict[str, Any]) -> Any:
        return (as_text(t.get("date")), as_text(t.get("method")))

    before, after = keyed(old, key), keyed(new, key)
    lines = []
    for k, test in after.items():
        (date, method), n = k
        if k not in before:
            lines.append(
                Line("Nowy test ({}, {}): {}", (nth(date, n), _participants(test.get("participants")), method), 1)
            )
            continue
        previous, label = before[k], nth(date, n)
        lines += value_change(
            "Test {} – liczba uczestników", previous.get("participants"), test.get("participants"), 1, (label,)
        )
        lines += texts_diff(
            previous.get("feedback"),
            test.get("feedback"),
            "Test {} – nowa uwaga: {}",
            "Test {} – usunięta uwaga: {}",
            1,
            (label,),
        )
        lines += texts_diff(
            previous.get("changes"),
            test.get("changes"),
            "Test {} – nowa zmiana: {}",
            "Test {} – usunięta zmiana: {}",
            1,
            (label,),
        )
        lines += other_fields(
            previous, test, _TEST_KNOWN, "Test {}: zmienione pole {}", (label,), where="design.prototype.tests[]"
        )
    lines += [
        Line("Usunięty test ({}): {}", (nth(date, n), method), 1)
        for (date, method), n in before
        if ((date, method), n) not in after
    ]
    return lines


def _milestones(old: Any, new: Any) -> list[Line]:
    def key(m: dict[str, Any]) -> Any:
        return (as_text(m.get("date")), as_text(m.get("milestone")))

    before, after = keyed(old, key), keyed(new, key)
    lines = [
        Line("Nowy kamień milowy ({}): {}", (date, nth(text, n)), 1)
        for (date, text), n in after
        if ((date, text), n) not in before
    ]
    lines += [
        Line("Usunięty kamień milowy ({}): {}", (date, nth(text, n)), 1)
        for (date, text), n in before
        if ((date, text), n) not in after
    ]
    for k, milestone in after.items():
        if k in before:
            lines += other_fields(
                before[k],
                milestone,
                {"date", "milestone"},
                "Kamień milowy {}: zmienione pole {}",
                (nth(k[0][1], k[1]),),
                where="design.plan.milestones[]",
            )
    return lines


def design_lines(stage: str, old: Any, new: Any) -> list[Line]:
    a, b = as_map(old), as_map(new)
    lines: list[Line] = []
    if stage == "discover":
        lines += texts_diff(a.get("methods"), b.get("methods"), "Nowa metoda: {}", "Usunięta metoda: {}")
        lines += texts_diff(a.get("findings"), b.get("findings"), "Nowy wniosek: {}", "Usunięty wniosek: {}")
    elif stage == "define":
        lines += value_change("Wyzwanie", a.get("challenge"), b.get("challenge"), 1)
        lines += texts_diff(a.get("needs"), b.get("needs"), "Nowa potrzeba: {}", "Usunięta potrzeba: {}")
    elif stage == "ideate":
        lines += texts_diff(a.get("ideas"), b.get("ideas"), "Nowy pomysł: {}", "Usunięty pomysł: {}")
        lines += value_change("Wybrane rozwiązanie", a.get("chosen"), b.get("chosen"), 1)
    elif stage == "prototype":
        lines += _tests(a.get("tests"), b.get("tests"))
    elif stage == "plan":
        lines += value_change("Start wdrożenia", a.get("start"), b.get("start"), 1)
        lines += _milestones(a.get("milestones"), b.get("milestones"))
        lines += texts_diff(a.get("risks"), b.get("risks"), "Nowe ryzyko: {}", "Usunięte ryzyko: {}")
    return lines + other_fields(
        a, b, _DESIGN_FIELDS.get(stage, frozenset()), "Zmienione pole {}", where=f"design.{stage}"
    )
