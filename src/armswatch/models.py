"""The data types of armswatch and their vocabularies; JSON in and out.

Field names and vocabulary values are the public contract (see ARCHITECTURE.md): renaming one
breaks every stored database and every consumer of the exports.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

# -- vocabularies -------------------------------------------------------------------------------

CATEGORIES: tuple[str, ...] = (
    "aircraft",
    "uav",
    "air_defence",
    "armoured_vehicles",
    "artillery",
    "missiles",
    "ammunition",
    "small_arms",
    "ships",
    "sensors",
    "engines",
    "other",
    "unspecified",
)
DEALS: tuple[str, ...] = ("sale", "aid", "loan", "licence", "unspecified")
# The lifecycle in order; the last two leave it.
LIFECYCLE: tuple[str, ...] = (
    "sought",
    "offered",
    "negotiating",
    "agreed",
    "in_transit",
    "delivered",
    "in_use",
)
STATUSES: tuple[str, ...] = (*LIFECYCLE, "suspended", "cancelled")
CERTAINTIES: tuple[str, ...] = ("confirmed", "reported", "unconfirmed", "speculative", "denied")
# Certainties that establish a stage as fact.
ASSERTED: frozenset[str] = frozenset({"confirmed", "reported"})
PARTY_KINDS: tuple[str, ...] = ("state", "group", "company", "unknown")
SOURCE_KINDS: tuple[str, ...] = (
    "government",
    "intelligence",
    "military",
    "company",
    "media",
    "group",
    "international",
    "expert",
    "anonymous",
    "other",
)


def status_rank(status: str) -> int:
    """Position of a status in the lifecycle; suspended/cancelled rank after agreed."""
    if status in LIFECYCLE:
        return LIFECYCLE.index(status)
    return LIFECYCLE.index("agreed")


# -- small value types --------------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    """A supplier, recipient or intermediary: a state (ISO3 code) or a named group/company."""

    name: str
    code: str | None = None
    kind: str = "state"

    @property
    def key(self) -> str:
        """Identity used for fusion: the state code, else the name."""
        return self.code or self.name

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Party | None:
        if not data:
            return None
        return cls(name=data["name"], code=data.get("code"), kind=data.get("kind", "state"))


@dataclass
class Quantity:
    """A count of items: exact when min == max, a range otherwise; max None means open-ended."""

    min: int | None = None
    max: int | None = None
    approx: bool = False
    text: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Quantity | None:
        if not data:
            return None
        return cls(
            min=data.get("min"),
            max=data.get("max"),
            approx=bool(data.get("approx")),
            text=data.get("text"),
        )


@dataclass
class Money:
    """A deal's value; kept apart from item counts."""

    amount: float
    currency: str
    text: str

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Money | None:
        if not data:
            return None
        return cls(amount=float(data["amount"]), currency=data["currency"], text=data["text"])


@dataclass
class Item:
    category: str
    label: str
    designation: str | None = None
    quantity: Quantity | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Item:
        return cls(
            category=data["category"],
            label=data["label"],
            designation=data.get("designation"),
            quantity=Quantity.from_dict(data.get("quantity")),
        )


@dataclass
class DateSpan:
    """An event date as a range of ISO dates, with the words it came from."""

    start: str | None = None
    end: str | None = None
    text: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> DateSpan:
        data = data or {}
        return cls(start=data.get("start"), end=data.get("end"), text=data.get("text"))


@dataclass
class Speaker:
    """Who is speaking, or whom a speaker cites."""

    speaker: str | None = None
    title: str | None = None
    org: str | None = None
    country: str | None = None
    kind: str = "other"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        return cls(
            speaker=data.get("speaker"),
            title=data.get("title"),
            org=data.get("org"),
            country=data.get("country"),
            kind=data.get("kind", "other"),
        )


@dataclass(frozen=True)
class Origin:
    """The deepest source of an attribution chain; claims are independent only if origins differ."""

    name: str
    country: str | None = None
    kind: str = "other"

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.country or ''}:{self.name}".lower()

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Origin | None:
        if not data:
            return None
        return cls(name=data["name"], country=data.get("country"), kind=data.get("kind", "other"))


@dataclass
class Evidence:
    """The sentence a claim rests on; offsets index into the Document's text."""

    start: int
    end: int
    text: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(start=int(data["start"]), end=int(data["end"]), text=data["text"])


# -- the main records ---------------------------------------------------------------------------


def normalize_text(text: str) -> str:
    """Unicode-normalized, whitespace-collapsed text: the basis of a document's identity."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def text_hash(text: str) -> str:
    return hashlib.sha1(normalize_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class Document:
    doc_id: str
    text: str
    doc_ref: str | None = None
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = "en"
    duplicate_of: str | None = None

    @classmethod
    def from_text(cls, text: str, **meta: Any) -> Document:
        """A document whose id is the hash of its normalized text."""
        return cls(doc_id=text_hash(text), text=text, **meta)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        fields = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in fields})


@dataclass
class Claim:
    """One assertion, in one document, that a transfer is at some stage."""

    claim_id: str
    doc_id: str
    supplier: Party | None
    recipient: Party | None
    items: list[Item]
    status: str
    certainty: str
    evidence: Evidence
    doc_ref: str | None = None
    via: list[Party] = field(default_factory=list)
    deal: str = "unspecified"
    value: Money | None = None
    event_date: DateSpan = field(default_factory=DateSpan)
    reported_date: str | None = None
    attribution: list[Speaker] = field(default_factory=list)
    cites: list[Speaker] = field(default_factory=list)
    origin: Origin | None = None
    confidence: float = 0.5

    @property
    def categories(self) -> list[str]:
        return sorted({item.category for item in self.items}) or ["unspecified"]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(
            claim_id=data["claim_id"],
            doc_id=data["doc_id"],
            doc_ref=data.get("doc_ref"),
            supplier=Party.from_dict(data.get("supplier")),
            recipient=Party.from_dict(data.get("recipient")),
            via=[p for p in (Party.from_dict(v) for v in data.get("via") or []) if p],
            items=[Item.from_dict(i) for i in data.get("items") or []],
            deal=data.get("deal", "unspecified"),
            value=Money.from_dict(data.get("value")),
            status=data["status"],
            certainty=data["certainty"],
            event_date=DateSpan.from_dict(data.get("event_date")),
            reported_date=data.get("reported_date"),
            attribution=[Speaker.from_dict(s) for s in data.get("attribution") or []],
            cites=[Speaker.from_dict(s) for s in data.get("cites") or []],
            origin=Origin.from_dict(data.get("origin")),
            evidence=Evidence.from_dict(data["evidence"]),
            confidence=float(data.get("confidence", 0.5)),
        )


@dataclass
class TimelineEntry:
    status: str
    certainty: str
    first_seen: str | None
    claim_ids: list[str]


@dataclass
class Transfer:
    """Claims fused by (supplier, recipient, category), split where dates show separate deals."""

    transfer_id: str
    supplier: Party | None
    recipient: Party | None
    category: str
    stage: str | None
    designations: list[str] = field(default_factory=list)
    unconfirmed_stages: list[str] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    quantity: Quantity | None = None
    deal: str = "unspecified"
    independent_origins: dict[str, Any] = field(default_factory=lambda: {"count": 0, "names": []})
    documents: int = 0
    first_reported: str | None = None
    last_reported: str | None = None
    contradictions: list[dict[str, Any]] = field(default_factory=list)
    confidence: float = 0.0
    claim_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Transfer:
        return cls(
            transfer_id=data["transfer_id"],
            supplier=Party.from_dict(data.get("supplier")),
            recipient=Party.from_dict(data.get("recipient")),
            category=data["category"],
            stage=data.get("stage"),
            designations=list(data.get("designations") or []),
            unconfirmed_stages=list(data.get("unconfirmed_stages") or []),
            timeline=[TimelineEntry(**t) for t in data.get("timeline") or []],
            quantity=Quantity.from_dict(data.get("quantity")),
            deal=data.get("deal", "unspecified"),
            independent_origins=dict(data.get("independent_origins") or {"count": 0, "names": []}),
            documents=int(data.get("documents", 0)),
            first_reported=data.get("first_reported"),
            last_reported=data.get("last_reported"),
            contradictions=list(data.get("contradictions") or []),
            confidence=float(data.get("confidence", 0.0)),
            claim_ids=list(data.get("claim_ids") or []),
        )


@dataclass
class Failure:
    """An input that could not be read or processed, recorded so the run can go on."""

    input: str
    reason: str
    stage: str = "read"

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"
