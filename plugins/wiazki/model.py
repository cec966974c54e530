"""The domain: bundles, partners and the catalogue that indexes them.

Built only from files that validated without errors, so the model can trust
types; it knows nothing of files, YAML or MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from wiazki.format import vocab
from wiazki.format.teryt import POWIAT, Register
from wiazki.format.values import filled


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(item for item in value or () if isinstance(item, str))


def _opt(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


@dataclass(frozen=True)
class Contact:
    email: str
    phone: str | None = None
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Service:
    name: str
    type: str
    area: str
    provider: str
    description: str
    access: str
    fee: str
    fee_note: str | None = None

    @property
    def type_label(self) -> str:
        return vocab.SERVICE_TYPES.label(self.type)

    @property
    def area_label(self) -> str:
        return vocab.SERVICE_AREAS.label(self.area)

    @property
    def fee_label(self) -> str:
        return vocab.FEES.label(self.fee)


@dataclass(frozen=True)
class Segment:
    group: str
    description: str

    @property
    def label(self) -> str:
        return vocab.TARGET_GROUPS.label(self.group)


@dataclass(frozen=True)
class Revenue:
    source: str
    description: str
    amount_pln: float | None = None
    period: str | None = None

    @property
    def label(self) -> str:
        return vocab.FUNDING_SOURCES.label(self.source)


@dataclass(frozen=True)
class Cost:
    item: str
    amount_pln: float | None = None
    period: str | None = None


@dataclass(frozen=True)
class KeyPartner:
    partner: str
    role: str
    contribution: str

    @property
    def role_label(self) -> str:
        return vocab.PARTNER_ROLES.label(self.role)


@dataclass(frozen=True)
class Canvas:
    customer_segments: tuple[Segment, ...] = ()
    value_summary: str | None = None
    services: tuple[Service, ...] = ()
    channels: tuple[str, ...] = ()
    customer_relationships: tuple[str, ...] = ()
    revenue_streams: tuple[Revenue, ...] = ()
    key_resources: tuple[str, ...] = ()
    key_activities: tuple[str, ...] = ()
    key_partners: tuple[KeyPartner, ...] = ()
    cost_structure: tuple[Cost, ...] = ()

    def is_filled(self, block: str) -> bool:
        if block == "value_proposition":
            return bool(self.value_summary) or bool(self.services)
        return bool(getattr(self, block))

    @property
    def revenue_total(self) -> float:
        return sum(r.amount_pln for r in self.revenue_streams if r.amount_pln is not None)

    @property
    def cost_total(self) -> float:
        return sum(c.amount_pln for c in self.cost_structure if c.amount_pln is not None)


@dataclass(frozen=True)
class PrototypeTest:
    date: str
    participants: int
    method: str
    feedback: tuple[str, ...]
    changes: tuple[str, ...]


@dataclass(frozen=True)
class Milestone:
    date: str
    milestone: str


@dataclass(frozen=True)
class Design:
    methods: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()
    challenge: str | None = None
    needs: tuple[str, ...] = ()
    ideas: tuple[str, ...] = ()
    chosen: str | None = None
    tests: tuple[PrototypeTest, ...] = ()
    start: str | None = None
    milestones: tuple[Milestone, ...] = ()
    risks: tuple[str, ...] = ()
    #: Which of the five sections hold anything.
    filled_sections: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Bundle:
    id: str
    title: str
    summary: str
    stage: str
    territory: tuple[str, ...]
    facilitator: str
    reviewed: str
    canvas: Canvas
    design: Design
    description: str | None = None
    contact: Contact | None = None
    links: tuple[Link, ...] = ()
    keywords: tuple[str, ...] = ()

    @property
    def stage_label(self) -> str:
        return vocab.STAGES.label(self.stage)

    @property
    def status(self) -> str:
        """ "available", "design" (the five Design Thinking stages) or "closed"."""
        if self.stage in ("available", "closed"):
            return self.stage
        return "design"

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.group for s in self.canvas.customer_segments))

    @property
    def service_types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.type for s in self.canvas.services))

    @property
    def service_areas(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.area for s in self.canvas.services))

    @property
    def fees(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.fee for s in self.canvas.services))

    def partner_ids(self) -> tuple[str, ...]:
        ids = (
            [self.facilitator]
            + [k.partner for k in self.canvas.key_partners]
            + [s.provider for s in self.canvas.services]
        )
        return tuple(dict.fromkeys(ids))


@dataclass(frozen=True)
class Address:
    street: str
    postal_code: str
    city: str
    teryt: str | None = None


@dataclass(frozen=True)
class Partner:
    id: str
    name: str
    sector: str
    kind: str
    short_name: str | None = None
    social_enterprise: bool = False
    krs: str | None = None
    nip: str | None = None
    regon: str | None = None
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    address: Address | None = None
    territory: tuple[str, ...] = ()
    description: str | None = None

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def sector_label(self) -> str:
        return vocab.SECTORS.label(self.sector)

    @property
    def kind_label(self) -> str:
        return vocab.PARTNER_KINDS.label(self.kind)


@dataclass(frozen=True)
class Participation:
    """A partner's part in one bundle: its roles and the services it provides."""

    bundle: Bundle
    roles: tuple[KeyPartner, ...]
    services: tuple[Service, ...]
    is_facilitator: bool


def _number(value: Any) -> float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _period(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    return str(value) if isinstance(value, (str, int)) else None


def bundle_from_data(data: dict[str, Any]) -> Bundle:
    canvas = data.get("canvas") or {}
    value = canvas.get("value_proposition") or {}
    design = data.get("design") or {}
    discover, define, ideate = design.get("discover") or {}, design.get("define") or {}, design.get("ideate") or {}
    prototype, plan = design.get("prototype") or {}, design.get("plan") or {}
    contact = data.get("contact")
    return Bundle(
        id=data["id"],
        title=data["title"],
        summary=data["summary"],
        description=_opt(data.get("description")),
        stage=data["stage"],
        territory=_texts(data.get("territory")),
        facilitator=data["facilitator"],
        reviewed=data["reviewed"],
        contact=Contact(
            contact["email"], _opt(contact.get("phone")), _opt(contact.get("url")), _opt(contact.get("note"))
        )
        if isinstance(contact, dict) and contact.get("email")
        else None,
        canvas=Canvas(
            customer_segments=tuple(
                Segment(s["group"], s["description"]) for s in canvas.get("customer_segments") or ()
            ),
            value_summary=_opt(value.get("summary")),
            services=tuple(
                Service(
                    s["name"],
                    s["type"],
                    s["area"],
                    s["provider"],
                    s["description"],
                    s["access"],
                    s["fee"],
                    _opt(s.get("fee_note")),
                )
                for s in value.get("services") or ()
            ),
            channels=_texts(canvas.get("channels")),
            customer_relationships=_texts(canvas.get("customer_relationships")),
            revenue_streams=tuple(
                Revenue(r["source"], r["description"], _number(r.get("amount_pln")), _period(r.get("period")))
                for r in canvas.get("revenue_streams") or ()
            ),
            key_resources=_texts(canvas.get("key_resources")),
            key_activities=_texts(canvas.get("key_activities")),
            key_partners=tuple(
                KeyPartner(k["partner"], k["role"], k["contribution"]) for k in canvas.get("key_partners") or ()
            ),
            cost_structure=tuple(
                Cost(c["item"], _number(c.get("amount_pln")), _period(c.get("period")))
                for c in canvas.get("cost_structure") or ()
            ),
        ),
        design=Design(
            methods=_texts(discover.get("methods")),
            findings=_texts(discover.get("findings")),
            challenge=_opt(define.get("challenge")),
            needs=_texts(define.get("needs")),
            ideas=_texts(ideate.get("ideas")),
            chosen=_opt(ideate.get("chosen")),
            tests=tuple(
                PrototypeTest(
                    t["date"], t["participants"], t["method"], _texts(t.get("feedback")), _texts(t.get("changes"))
                )
                for t in prototype.get("tests") or ()
            ),
            start=_opt(plan.get("start")),
            milestones=tuple(Milestone(m["date"], m["milestone"]) for m in plan.get("milestones") or ()),
            risks=_texts(plan.get("risks")),
            filled_sections=frozenset(s for s in vocab.DESIGN_STAGES if filled(design.get(s))),
        ),
        links=tuple(Link(link["title"], link["url"]) for link in data.get("links") or ()),
        keywords=_texts(data.get("keywords")),
    )


def partner_from_data(data: dict[str, Any]) -> Partner:
    identifiers = data.get("identifiers") or {}
    address = data.get("address")
    return Partner(
        id=data["id"],
        name=data["name"],
        short_name=_opt(data.get("short_name")),
        sector=data["sector"],
        kind=data["kind"],
        social_enterprise=data.get("social_enterprise") is True,
        krs=_opt(identifiers.get("krs")),
        nip=_opt(identifiers.get("nip")),
        regon=_opt(identifiers.get("regon")),
        website=_opt(data.get("website")),
        email=_opt(data.get("email")),
        phone=_opt(data.get("phone")),
        address=Address(address["street"], address["postal_code"], address["city"], _opt(address.get("teryt")))
        if isinstance(address, dict)
        else None,
        territory=_texts(data.get("territory")),
        description=_opt(data.get("description")),
    )


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
