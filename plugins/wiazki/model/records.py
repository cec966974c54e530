"""The domain's records: a bundle with its canvas and Design Thinking record, a partner.

Frozen dataclasses with typed fields and the Polish labels of their vocabulary ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from wiazki.format import vocab


@dataclass(frozen=True)
class Contact:
    email: str
    phone: str | None = None
    url: str | None = None
    note: str | None = None
    #: Optional fields of the tree this class does not name (see `Bundle.extra`).
    extra: tuple[tuple[str, Any], ...] = ()


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
    #: Optional fields of the tree this class does not name (see `Bundle.extra`).
    extra: tuple[tuple[str, Any], ...] = ()

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
    #: Optional fields of the tree this class does not name: (name, value) in the tree's
    #: order. Pages show them as label and value, so a field added to the tree is shown.
    extra: tuple[tuple[str, Any], ...] = ()

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
    #: Per section, the filled fields of the tree this record does not name:
    #: ((section, ((name, value), ...)), ...); `section_extra` reads it.
    extra: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()

    def section_extra(self, section: str) -> tuple[tuple[str, Any], ...]:
        """(name, value) of the section's fields that pages show generically."""
        return next((found for name, found in self.extra if name == section), ())


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
    #: The file's data as validated: the open-data export walks it through the field
    #: tree (`wiazki.views.tree_export`), so a field the model does not name is published too.
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    #: Optional fields of the tree this class does not name: (name, value) in the tree's
    #: order. Pages show them as label and value, so a field added to the tree is shown.
    extra: tuple[tuple[str, Any], ...] = ()

    @property
    def stage_label(self) -> str:
        return vocab.STAGES.label(self.stage)

    @property
    def status(self) -> str:
        """ "available", "design" (the five Design Thinking stages) or "closed"."""
        if self.stage in ("available", "closed"):
            return self.stage
        return "design"

    @cached_property  # asked by every card and facet that shows the bundle
    def groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.group for s in self.canvas.customer_segments))

    @cached_property
    def service_types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.type for s in self.canvas.services))

    @cached_property
    def service_areas(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.area for s in self.canvas.services))

    @cached_property
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
    #: Optional fields of the tree this class does not name (see `Bundle.extra`).
    extra: tuple[tuple[str, Any], ...] = ()


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
    #: The file's data as validated (see `Bundle.data`).
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    #: Optional fields of the tree this class does not name: (name, value) in the tree's
    #: order. Pages show them as label and value, so a field added to the tree is shown.
    extra: tuple[tuple[str, Any], ...] = ()

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
