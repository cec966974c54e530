"""The catalogue: every usable bundle and partner, with the indexes the site needs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from wiazki.format.teryt import POWIAT, Register
from wiazki.model.build import bundle_from_data, partner_from_data
from wiazki.model.records import Bundle, Participation, Partner


@dataclass
class Catalogue:
    """All usable bundles and partners, with the indexes the site needs."""

    bundles: dict[str, Bundle]
    partners: dict[str, Partner]
    register: Register
    _participation: dict[str, list[Participation]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.bundles = dict(
            sorted(
                self.bundles.items(),
                key=lambda item: (_STATUS_ORDER[item[1].status], item[1].title.casefold(), item[0]),
            )
        )
        self.partners = dict(sorted(self.partners.items(), key=lambda item: (item[1].name.casefold(), item[0])))
        for bundle in self.bundles.values():
            for partner_id in bundle.partner_ids():
                self._participation.setdefault(partner_id, []).append(
                    Participation(
                        bundle=bundle,
                        roles=tuple(k for k in bundle.canvas.key_partners if k.partner == partner_id),
                        services=tuple(s for s in bundle.canvas.services if s.provider == partner_id),
                        is_facilitator=bundle.facilitator == partner_id,
                    )
                )

    @classmethod
    def from_documents(
        cls, bundles: Iterable[dict[str, Any]], partners: Iterable[dict[str, Any]], register: Register
    ) -> Catalogue:
        return cls(
            bundles={b.id: b for b in map(bundle_from_data, bundles)},
            partners={p.id: p for p in map(partner_from_data, partners)},
            register=register,
        )

    def participation(self, partner_id: str) -> list[Participation]:
        return self._participation.get(partner_id, [])

    def by_status(self, status: str) -> list[Bundle]:
        return [b for b in self.bundles.values() if b.status == status]

    def voivodeships_of(self, bundle: Bundle) -> tuple[str, ...]:
        """2-digit codes of the województwa the bundle's territory lies in."""
        return tuple(dict.fromkeys(code[:2] for code in bundle.territory))

    def powiats_of(self, bundle: Bundle) -> tuple[str, ...]:
        """4-digit codes of the powiaty the bundle is offered in; a whole województwo
        covers every powiat in it, so a powiat filter still finds the bundle."""
        codes: list[str] = []
        for code in bundle.territory:
            if len(code) >= 4:
                codes.append(code[:4])
            else:
                codes.extend(
                    u.code for u in self.register.units.values() if u.level == POWIAT and u.code.startswith(code)
                )
        return tuple(dict.fromkeys(codes))

    def territory_name(self, code: str) -> str:
        unit = self.register.get(code)
        return unit.display_name if unit else code

    def stats(self) -> dict[str, int]:
        return {
            "available": len(self.by_status("available")),
            "design": len(self.by_status("design")),
            "closed": len(self.by_status("closed")),
            "partners": len(self.partners),
            "voivodeships": len({v for b in self.bundles.values() for v in self.voivodeships_of(b)}),
        }


_STATUS_ORDER = {"available": 0, "design": 1, "closed": 2}


def build_catalogue(result: Any, register: Register) -> Catalogue:
    """The catalogue of every file that validated without errors (a `validate.Result`)."""
    return Catalogue.from_documents(
        (doc.data for doc in result.usable_bundles().values()),
        (doc.data for doc in result.usable_partners().values()),
        register,
    )
