"""Claims -> Transfers: one row per (supplier, recipient, category) deal, with its evidence fused.

The rules (stage, unconfirmed stages, independent origins, contradictions, confidence) are
explained in docs/register.md; this module is pure: claims in, transfers out.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from armswatch.models import (
    ASSERTED,
    DEALS,
    LIFECYCLE,
    Claim,
    Document,
    Origin,
    Party,
    Quantity,
    TimelineEntry,
    Transfer,
    status_rank,
)

# Claims whose dates are further apart than this belong to separate deals (a 1987 sale, a 2022 sale).
DEAL_GAP_DAYS = 3 * 365
# How much a claim's certainty counts towards the transfer's confidence.
CERTAINTY_WEIGHT = {
    "confirmed": 1.0,
    "reported": 0.8,
    "unconfirmed": 0.3,
    "speculative": 0.3,
    "denied": 0.0,
}
# Each distinct contradiction multiplies the confidence by this, at most twice.
CONTRADICTION_PENALTY = 0.75
# A transfer with no asserted stage is at most this sure.
UNASSERTED_CEILING = 0.3

FusionKey = tuple[str, str, str]
_LIFECYCLE = frozenset(LIFECYCLE)


class _Ranks(dict[str, int]):
    """status_rank of every status fusion meets: `_RANK[status]`, computed on first sight."""

    def __missing__(self, status: str) -> int:
        rank = self[status] = status_rank(status)
        return rank


_RANK = _Ranks()


@functools.lru_cache(maxsize=4096)
def cached_origin_key(origin: Origin) -> str:
    """Origin.key, computed once per distinct origin (it is built from three strings)."""
    return origin.key


# What fusion reads of an item: (category, label, designation, quantity).
ItemFacts = tuple[str, str | None, str | None, Quantity | None]


@dataclass(slots=True)
class ClaimFacts:
    """The part of a claim fusion reads: the store builds these straight from its rows, so a
    refresh never rebuilds whole Claim objects (evidence, attribution, value)."""

    claim_id: str
    doc_id: str
    supplier: Party | None
    recipient: Party | None
    items: tuple[ItemFacts, ...]
    status: str
    certainty: str
    deal: str
    event_start: str | None
    event_end: str | None
    reported_date: str | None
    origin: Origin | None
    confidence: float
    categories: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.categories:
            self.categories = sorted({item[0] for item in self.items}) or ["unspecified"]

    @classmethod
    def from_claim(cls, claim: Claim) -> ClaimFacts:
        return cls(
            claim_id=claim.claim_id,
            doc_id=claim.doc_id,
            supplier=claim.supplier,
            recipient=claim.recipient,
            items=tuple(
                (item.category, item.label, item.designation, item.quantity) for item in claim.items
            ),
            status=claim.status,
            certainty=claim.certainty,
            deal=claim.deal,
            event_start=claim.event_date.start,
            event_end=claim.event_date.end,
            reported_date=claim.reported_date,
            origin=claim.origin,
            confidence=claim.confidence,
        )


def party_key(party: Any) -> str:
    """The fusion identity of a party ('' when the text named none)."""
    return party.key if party is not None else ""


def claim_keys(claim: Claim | ClaimFacts) -> list[FusionKey]:
    """The (supplier, recipient, category) keys a claim contributes to, one per item category."""
    supplier, recipient = party_key(claim.supplier), party_key(claim.recipient)
    return [(supplier, recipient, category) for category in claim.categories]


def transfer_id_for(key: FusionKey, first_date: str | None) -> str:
    """Deterministic id: the same key and first date bucket (year) give the same transfer id."""
    bucket = (first_date or "")[:4] or "undated"
    raw = "\x1f".join((*key, bucket))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    return _parse_date_text(value)


@functools.lru_cache(maxsize=65536)
def _parse_date_text(value: str) -> date | None:
    """Dates repeat across a store's claims: each distinct text is parsed once."""
    try:
        if len(value) == 4:
            return date(int(value), 1, 1)
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1)
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass
class FusionContext:
    """What fusion needs to know about each claim's document."""

    documents: dict[str, Document]
    _origins: dict[str, Origin] = field(default_factory=dict)
    _canonical: dict[str, str] = field(default_factory=dict)
    # doc_id -> (published, canonical doc_id)
    _by_document: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    _origin_keys: dict[int, str] = field(default_factory=dict)

    def canonical(self, doc_id: str) -> str:
        """The earliest document of a near-duplicate chain, so syndicated copies count once."""
        found = self._canonical.get(doc_id)
        if found is None:
            found = self._canonical[doc_id] = self._follow(doc_id)
        return found

    def _follow(self, doc_id: str) -> str:
        seen: set[str] = set()
        while doc_id not in seen:
            seen.add(doc_id)
            document = self.documents.get(doc_id)
            if document is None or not document.duplicate_of:
                return doc_id
            doc_id = document.duplicate_of
        return doc_id

    def published(self, doc_id: str) -> str | None:
        document = self.documents.get(doc_id)
        return document.published if document else None

    def origin_of_document(self, doc_id: str) -> Origin:
        """The origin of a claim that names none: its (canonical) document's outlet."""
        canonical = self.canonical(doc_id)
        return document_origin(
            self.documents.get(canonical) or self.documents.get(doc_id), canonical
        )

    def derive(self, claims: Iterable[ClaimFacts]) -> list[Derived]:
        """Derived for each claim; what depends only on the document is looked up once."""
        by_document = self._by_document
        origin_keys = self._origin_keys
        derived: list[Derived] = []
        for claim in claims:
            doc_id = claim.doc_id
            document = by_document.get(doc_id)
            if document is None:
                document = by_document[doc_id] = (self.published(doc_id), self.canonical(doc_id))
            published, canonical = document
            origin = claim.origin
            if origin is None:
                origin = self._origins.get(doc_id)
                if origin is None:
                    origin = self._origins[doc_id] = self.origin_of_document(doc_id)
            # by id(): the claims and this context hold the origins while the context lives
            origin_key = origin_keys.get(id(origin))
            if origin_key is None:
                origin_key = origin_keys[id(origin)] = cached_origin_key(origin)
            reported = claim.reported_date or published
            when = claim.event_start or claim.event_end or reported
            day = _day_number(when) if when else None
            claim_id = claim.claim_id
            derived.append(
                (
                    (UNDATED if day is None else day, claim_id),
                    claim_id,
                    claim.supplier,
                    claim.recipient,
                    claim.items,
                    claim.categories,
                    claim.status,
                    claim.certainty,
                    claim.deal,
                    claim.confidence,
                    reported,
                    when,
                    day,
                    canonical,
                    origin_key,
                    origin,
                )
            )
        return derived


def document_origin(document: Document | None, canonical: str) -> Origin:
    """The origin of a claim that names none, from its canonical document: the outlet, else the
    URL's host, else the report itself."""
    if document is not None and document.outlet:
        return Origin(name=document.outlet, kind="media")
    if document is not None and document.url:
        host = urlsplit(document.url).hostname
        if host:
            return Origin(name=host.removeprefix("www."), kind="media")
    # Nothing names the source: the report itself is the origin.
    return Origin(name=f"unattributed report {canonical}", kind="media")


# Undated claims come after every dated one in a deal's order (day numbers stay below 4 million).
UNDATED = 10_000_000

# What fusion derives once per claim, in this order: the claim's place in its deal's order ((day
# number, or UNDATED, and claim id): where two claims tie on a rule, the earlier one decides);
# the claim's id, supplier, recipient, items and categories, status, certainty, deal and
# confidence; when it was reported (its own date, else its document's); the date that separates
# deals (the event's, else the reported one) as text and as a day number (None when it does not
# parse); the canonical document; the origin's key; the origin (the claim's, else its document's).
Derived = tuple[
    tuple[int, str],
    str,
    Party | None,
    Party | None,
    tuple[ItemFacts, ...],
    list[str],
    str,
    str,
    str,
    float,
    str | None,
    str | None,
    int | None,
    str,
    str,
    Origin,
]


@functools.lru_cache(maxsize=65536)
def _day_number(value: str) -> int | None:
    parsed = _parse_date_text(value)
    return parsed.toordinal() if parsed is not None else None


def day_number(value: str | None) -> int | None:
    """The date that separates deals as a day number (None when absent or unparseable)."""
    return _day_number(value) if value else None


# (rank, leaves the lifecycle) of each status: an exit wins a tie with the status it ranks with.
class _StageRanks(dict[str, tuple[int, bool]]):
    def __missing__(self, status: str) -> tuple[int, bool]:
        rank = self[status] = (status_rank(status), status not in _LIFECYCLE)
        return rank


_STAGE_RANK = _StageRanks()
_DEAL_INDEX = {deal: index for index, deal in enumerate(DEALS)}


class _Deal:
    """One deal's claims, folded one at a time and in any order into what the rules of
    docs/register.md read. Where a rule keeps the first of equals (the parties, an origin's name,
    the order of origins in the noisy-or, a tie between exits, the order of timeline entries, the
    first of equal counts), the claim first in (day, claim id) order decides, as if the claims had
    been folded in that order."""

    __slots__ = (
        "lo",
        "hi",
        "supplier",
        "supplier_at",
        "recipient",
        "recipient_at",
        "claim_ids",
        "origins",
        "first_reported",
        "last_reported",
        "first_dated",
        "documents",
        "designations",
        "labels",
        "quantity",
        "any_naming",
        "stage_all",
        "stage_naming",
        "asserted",
        "hedged",
        "asserted_lifecycle",
        "disputing",
        "timeline",
        "deals",
        "deal_first",
    )

    def __init__(self, day: int | None) -> None:
        # the range of the deal's dated claims' days (None for the undated claims of a key)
        self.lo = self.hi = day
        self.supplier: Party | None = None
        self.supplier_at: tuple[int, str] | None = None
        self.recipient: Party | None = None
        self.recipient_at: tuple[int, str] | None = None
        self.claim_ids: list[str] = []
        # origin key -> [first order, origin, support, first asserted order, asserted support]:
        # an origin's best support (at least zero) over every claim and over asserted claims
        self.origins: dict[str, list[Any]] = {}
        self.first_reported: str | None = None
        self.last_reported: str | None = None
        self.first_dated: str | None = None
        self.documents: set[str] = set()
        self.designations: set[str] = set()
        self.labels: set[str] = set()
        # [count, low, low's place, high, high's place, open-ended, approx, texts]
        self.quantity: list[Any] | None = None
        self.any_naming = False
        # (rank, order, status) of the furthest asserted status, among all claims and among
        # claims naming the category
        self.stage_all: tuple[tuple[int, bool], tuple[int, str], str] | None = None
        self.stage_naming: tuple[tuple[int, bool], tuple[int, str], str] | None = None
        self.asserted: set[str] = set()
        self.hedged: set[str] = set()
        self.asserted_lifecycle: dict[str, list[str]] = {}
        # (certainty, status) -> ids of denied or unconfirmed lifecycle claims
        self.disputing: dict[tuple[str, str], list[str]] = {}
        # (status, certainty) -> [first seen, claim ids, order of its first claim]
        self.timeline: dict[tuple[str, str], list[Any]] = {}
        self.deals: dict[str, int] = {}
        self.deal_first: dict[str, tuple[int, str]] = {}

    def add(self, claim: Derived, category: str, names_category: bool) -> None:
        """Fold one claim in; `names_category`: the claim itself names this category."""
        (
            order,
            claim_id,
            supplier,
            recipient,
            items,
            _,
            status,
            certainty,
            deal,
            confidence,
            seen,
            when,
            day,
            document,
            origin_key,
            origin,
        ) = claim
        if supplier is not None and (self.supplier_at is None or order < self.supplier_at):
            self.supplier, self.supplier_at = supplier, order
        if recipient is not None and (self.recipient_at is None or order < self.recipient_at):
            self.recipient, self.recipient_at = recipient, order
        self.claim_ids.append(claim_id)
        value = confidence * CERTAINTY_WEIGHT.get(certainty, 0.0)
        if not value > 0.0:
            value = 0.0
        asserted = certainty in ASSERTED
        entry = self.origins.get(origin_key)
        if entry is None:
            self.origins[origin_key] = (
                [order, origin, value, order, value]
                if asserted
                else [order, origin, value, None, None]
            )
        else:
            if order < entry[0]:
                entry[0] = order
                entry[1] = origin
            if value > entry[2]:
                entry[2] = value
            if asserted:
                if entry[3] is None:
                    entry[3] = order
                    entry[4] = value
                else:
                    if order < entry[3]:
                        entry[3] = order
                    if value > entry[4]:
                        entry[4] = value
        if seen:
            if self.first_reported is None or seen < self.first_reported:
                self.first_reported = seen
            if self.last_reported is None or seen > self.last_reported:
                self.last_reported = seen
        # the earliest date (as written) that separates deals, among those that parse
        if day is not None and (self.first_dated is None or when < self.first_dated):  # type: ignore[operator]
            self.first_dated = when
        self.documents.add(document)
        for index, item in enumerate(items):
            if item[0] == category:
                if item[2]:
                    self.designations.add(item[2])
                if item[1]:
                    self.labels.add(item[1])
                quantity = item[3]
                if quantity is not None and (quantity.min is not None or quantity.max is not None):
                    self._add_quantity(quantity, order, index)
        if names_category:
            self.any_naming = True
        if asserted:
            self.asserted.add(status)
            rank = _STAGE_RANK[status]
            best = self.stage_all
            if best is None or rank > best[0] or (rank == best[0] and order < best[1]):
                self.stage_all = (rank, order, status)
            if names_category:
                best = self.stage_naming
                if best is None or rank > best[0] or (rank == best[0] and order < best[1]):
                    self.stage_naming = (rank, order, status)
            if status in _LIFECYCLE:
                ids = self.asserted_lifecycle.get(status)
                if ids is None:
                    self.asserted_lifecycle[status] = [claim_id]
                else:
                    ids.append(claim_id)
        else:
            self.hedged.add(status)
            if (certainty == "denied" or certainty == "unconfirmed") and status in _LIFECYCLE:
                ids = self.disputing.get((certainty, status))
                if ids is None:
                    self.disputing[(certainty, status)] = [claim_id]
                else:
                    ids.append(claim_id)
        step = self.timeline.get((status, certainty))
        if step is None:
            self.timeline[(status, certainty)] = [seen or None, [claim_id], order]
        else:
            step[1].append(claim_id)
            if seen and (step[0] is None or seen < step[0]):
                step[0] = seen
            if order < step[2]:
                step[2] = order
        if deal != "unspecified":
            self.deals[deal] = self.deals.get(deal, 0) + 1
            if deal not in _DEAL_INDEX:
                # deals outside the vocabulary tie on rank: the first named wins
                first = self.deal_first.get(deal)
                if first is None or order < first:
                    self.deal_first[deal] = order

    def _add_quantity(self, quantity: Quantity, order: tuple[int, str], index: int) -> None:
        """The merged range: lowest minimum, highest maximum (the first of equal values, so that
        1 and 1.0 come out as in date order), open-ended if any count is."""
        low = quantity.min if quantity.min is not None else quantity.max
        high = quantity.max
        merged = self.quantity
        if merged is None:
            self.quantity = [
                1,
                low,
                (order, index),
                high,
                (order, index),
                high is None,
                bool(quantity.approx),
                {quantity.text} if quantity.text else set(),
            ]
            return
        merged[0] += 1
        if low < merged[1] or (low == merged[1] and (order, index) < merged[2]):
            merged[1] = low
            merged[2] = (order, index)
        if high is None:
            merged[5] = True
        elif (
            merged[3] is None
            or high > merged[3]
            or (high == merged[3] and (order, index) < merged[4])
        ):
            merged[3] = high
            merged[4] = (order, index)
        if quantity.approx:
            merged[6] = True
        if quantity.text:
            merged[7].add(quantity.text)

    def absorb(self, other: _Deal) -> None:
        """Fold another deal's claims of the same key into this one."""
        if other.lo is not None:
            if self.lo is None or other.lo < self.lo:
                self.lo = other.lo
            if self.hi is None or other.hi > self.hi:  # type: ignore[operator]
                self.hi = other.hi
        if other.supplier_at is not None and (
            self.supplier_at is None or other.supplier_at < self.supplier_at
        ):
            self.supplier, self.supplier_at = other.supplier, other.supplier_at
        if other.recipient_at is not None and (
            self.recipient_at is None or other.recipient_at < self.recipient_at
        ):
            self.recipient, self.recipient_at = other.recipient, other.recipient_at
        self.claim_ids.extend(other.claim_ids)
        for origin_key, theirs in other.origins.items():
            entry = self.origins.get(origin_key)
            if entry is None:
                self.origins[origin_key] = list(theirs)
                continue
            if theirs[0] < entry[0]:
                entry[0], entry[1] = theirs[0], theirs[1]
            if theirs[2] > entry[2]:
                entry[2] = theirs[2]
            if theirs[3] is not None:
                if entry[3] is None:
                    entry[3], entry[4] = theirs[3], theirs[4]
                else:
                    if theirs[3] < entry[3]:
                        entry[3] = theirs[3]
                    if theirs[4] > entry[4]:
                        entry[4] = theirs[4]
        for seen in (other.first_reported, other.last_reported):
            if seen:
                if self.first_reported is None or seen < self.first_reported:
                    self.first_reported = seen
                if self.last_reported is None or seen > self.last_reported:
                    self.last_reported = seen
        if other.first_dated is not None and (
            self.first_dated is None or other.first_dated < self.first_dated
        ):
            self.first_dated = other.first_dated
        self.documents |= other.documents
        self.designations |= other.designations
        self.labels |= other.labels
        theirs_quantity = other.quantity
        if theirs_quantity is not None:
            merged = self.quantity
            if merged is None:
                self.quantity = [*theirs_quantity[:7], set(theirs_quantity[7])]
            else:
                merged[0] += theirs_quantity[0]
                low, low_at = theirs_quantity[1], theirs_quantity[2]
                if low < merged[1] or (low == merged[1] and low_at < merged[2]):
                    merged[1], merged[2] = low, low_at
                high, high_at = theirs_quantity[3], theirs_quantity[4]
                if high is not None and (
                    merged[3] is None
                    or high > merged[3]
                    or (high == merged[3] and high_at < merged[4])
                ):
                    merged[3], merged[4] = high, high_at
                merged[5] = merged[5] or theirs_quantity[5]
                merged[6] = merged[6] or theirs_quantity[6]
                merged[7] |= theirs_quantity[7]
        self.any_naming = self.any_naming or other.any_naming
        self.stage_all = _further(self.stage_all, other.stage_all)
        self.stage_naming = _further(self.stage_naming, other.stage_naming)
        self.asserted |= other.asserted
        self.hedged |= other.hedged
        for status, ids in other.asserted_lifecycle.items():
            self.asserted_lifecycle.setdefault(status, []).extend(ids)
        for group, ids in other.disputing.items():
            self.disputing.setdefault(group, []).extend(ids)
        for step_key, theirs_step in other.timeline.items():
            step = self.timeline.get(step_key)
            if step is None:
                self.timeline[step_key] = [theirs_step[0], list(theirs_step[1]), theirs_step[2]]
                continue
            step[1].extend(theirs_step[1])
            seen = theirs_step[0]
            if seen and (step[0] is None or seen < step[0]):
                step[0] = seen
            if theirs_step[2] < step[2]:
                step[2] = theirs_step[2]
        for deal, count in other.deals.items():
            self.deals[deal] = self.deals.get(deal, 0) + count
        for deal, first in other.deal_first.items():
            mine_first = self.deal_first.get(deal)
            if mine_first is None or first < mine_first:
                self.deal_first[deal] = first

    def transfer(self, key: FusionKey) -> Transfer:
        """The transfer, by the rules of docs/register.md."""
        # a claim that names no kind of weapon ("has been buying American weapons") joins the
        # pair's transfers as evidence, but only claims about this category set how far it has got
        best = self.stage_naming if self.any_naming else self.stage_all
        stage = best[2] if best is not None else None
        floor = _RANK[stage] if stage else -1
        unconfirmed = sorted(
            (s for s in self.hedged if s not in self.asserted and _RANK[s] > floor),
            key=lambda status: (_RANK[status], status),
        )
        contradictions = _disputes(self.asserted_lifecycle, self.disputing)
        # origins in the order their first claims come, as the noisy-or multiplies them
        origins = self.origins.values()
        if stage is None:
            support = [entry[2] for entry in sorted(origins, key=_first_claim)]
            score = min(_noisy_or(support), UNASSERTED_CEILING)
        else:
            asserted = sorted(
                (entry for entry in origins if entry[3] is not None), key=_first_asserted
            )
            score = _noisy_or([entry[4] for entry in asserted])
        score *= CONTRADICTION_PENALTY ** min(len(contradictions), 2)
        # by first seen, rank and certainty, then the order of their first claims
        ordered = sorted(
            (first_seen or "9999", _RANK[status], certainty, first, status, first_seen, ids)
            for (status, certainty), (first_seen, ids, first) in self.timeline.items()
        )
        entries = [
            TimelineEntry(
                status=status, certainty=certainty, first_seen=first_seen, claim_ids=sorted(ids)
            )
            for _, _, certainty, _, status, first_seen, ids in ordered
        ]
        return Transfer(
            transfer_id=transfer_id_for(key, self.first_dated),
            supplier=self.supplier,
            recipient=self.recipient,
            category=key[2],
            stage=stage,
            designations=sorted(self.designations),
            unconfirmed_stages=unconfirmed,
            timeline=entries,
            quantity=self._merged_quantity(),
            deal=self._commonest_deal(),
            independent_origins={
                "count": len(self.origins),
                "names": sorted(entry[1].name for entry in origins),
            },
            documents=len(self.documents),
            first_reported=self.first_reported,
            last_reported=self.last_reported,
            contradictions=contradictions,
            confidence=round(score, 3),
            claim_ids=sorted(self.claim_ids),
        )

    def _merged_quantity(self) -> Quantity | None:
        merged = self.quantity
        if merged is None:
            return None
        count, low, _, high, _, open_ended, approx, texts = merged
        if open_ended:
            high = None
        return Quantity(
            min=low,
            max=high,
            approx=approx or count > 1 and low != high,
            text="; ".join(sorted(texts)) or None,
        )

    def _commonest_deal(self) -> str:
        """The deal type most claims name; unspecified only when none names one."""
        counts = self.deals
        if not counts:
            return "unspecified"
        first = self.deal_first
        return min(
            counts,
            key=lambda deal: (-counts[deal], _DEAL_INDEX.get(deal, 99), first.get(deal, ("",))),
        )


Stage = tuple[tuple[int, bool], tuple[int, str], str]


def _further(mine: Stage | None, theirs: Stage | None) -> Stage | None:
    """The further of two stages (rank, order, status); of equal ranks, the earlier claim's."""
    if theirs is None:
        return mine
    if mine is None or theirs[0] > mine[0] or (theirs[0] == mine[0] and theirs[1] < mine[1]):
        return theirs
    return mine


def _first_claim(entry: list[Any]) -> Any:
    return entry[0]


def _first_asserted(entry: list[Any]) -> Any:
    return entry[3]


class _KeyFold:
    """The deals of one (supplier, recipient, category) key: dated claims whose days lie within
    DEAL_GAP_DAYS of each other form one deal (so a claim may join two deals into one); undated
    claims join the latest deal."""

    __slots__ = ("dated", "undated")

    def __init__(self) -> None:
        # in order of their days; any two are more than DEAL_GAP_DAYS apart
        self.dated: list[_Deal] = []
        self.undated: _Deal | None = None

    def deal_for(self, day: int | None) -> _Deal:
        """The deal a claim of this day joins (made, or two merged, as needed)."""
        if day is None:
            if self.undated is None:
                self.undated = _Deal(None)
            return self.undated
        dated = self.dated
        for position, deal in enumerate(dated):
            low, high = deal.lo, deal.hi
            if day < low - DEAL_GAP_DAYS:  # type: ignore[operator]
                dated.insert(position, _Deal(day))
                return dated[position]
            if day <= high + DEAL_GAP_DAYS:  # type: ignore[operator]
                if day < low:  # type: ignore[operator]
                    deal.lo = day
                elif day > high:  # type: ignore[operator]
                    deal.hi = day
                    # the day may close the gap to the next deal: one deal, then
                    if position + 1 < len(dated) and dated[position + 1].lo - day <= DEAL_GAP_DAYS:  # type: ignore[operator]
                        deal.absorb(dated.pop(position + 1))
                return deal
        dated.append(_Deal(day))
        return dated[-1]

    def deals(self) -> list[_Deal]:
        """The deals in date order, the undated claims folded into the latest."""
        deals = self.dated
        if self.undated is not None:
            if deals:
                deals[-1].absorb(self.undated)
            else:
                deals = [self.undated]
            self.undated = None
        return deals


class PairFold:
    """The transfers of one supplier-recipient pair, folded claim by claim in any order.

    A claim joins the deal of each category it names; a claim naming none waits, because it joins
    every category the pair's other claims name. `transfers()` finishes the fold (it can be called
    once)."""

    __slots__ = ("keys", "unplaced")

    def __init__(self) -> None:
        self.keys: dict[str, _KeyFold] = {}
        self.unplaced: list[Derived] = []

    def add(self, claim: Derived) -> None:
        categories = claim[5]
        if len(categories) == 1:
            category = categories[0]
            if category == "unspecified":
                self.unplaced.append(claim)
                return
            self._fold(category, claim, True)
            return
        specific = [category for category in categories if category != "unspecified"]
        if not specific:
            self.unplaced.append(claim)
            return
        for category in specific:
            self._fold(category, claim, True)

    def _fold(self, category: str, claim: Derived, names_category: bool) -> None:
        key = self.keys.get(category)
        if key is None:
            key = self.keys[category] = _KeyFold()
        key.deal_for(claim[12]).add(claim, category, names_category)

    def transfers(self, supplier_key: str, recipient_key: str) -> list[tuple[Transfer, set[str]]]:
        """Each transfer with the item labels of its category (for the search text)."""
        if self.unplaced:
            # a claim naming no category joins every category the pair's other claims name
            fallback = sorted(self.keys) or ["unspecified"]
            for claim in self.unplaced:
                for category in fallback:
                    self._fold(category, claim, category in claim[5])
            self.unplaced = []
        transfers = []
        for category in sorted(self.keys):
            key = (supplier_key, recipient_key, category)
            for deal in self.keys[category].deals():
                transfers.append((deal.transfer(key), deal.labels))
        return transfers


def _disputes(
    asserted: dict[str, list[str]], by_group: dict[tuple[str, str], list[str]]
) -> list[dict[str, Any]]:
    """_contradictions from what the fold gathered: asserted lifecycle statuses with their claim
    ids and the ids of denied or unconfirmed lifecycle claims by (certainty, status). Each
    asserted status is disputed by every such group at or before it in the lifecycle; entries
    come in the order of the asserted status's rank, then certainty and disputed status."""
    if not asserted or not by_group:
        return []
    groups = sorted(
        (certainty, status, _RANK[status], sorted(set(ids)))
        for (certainty, status), ids in by_group.items()
    )
    entries = []
    # lifecycle statuses only: no two share a rank
    for asserted_rank, asserted_status in sorted((_RANK[status], status) for status in asserted):
        asserted_ids: list[str] | None = None
        for certainty, status, rank, disputing_ids in groups:
            if rank > asserted_rank:
                continue
            if asserted_ids is None:
                asserted_ids = sorted(set(asserted[asserted_status]))
            entries.append(
                {
                    "status": asserted_status,
                    "asserted": asserted_ids.copy(),
                    "disputed_by": certainty,
                    "disputed_status": status,
                    "disputing": disputing_ids.copy(),
                }
            )
    return entries


def _noisy_or(support: list[float]) -> float:
    doubt = 1.0
    for value in support:
        doubt *= 1.0 - min(max(value, 0.0), 1.0)
    return 1.0 - doubt


def fuse_claims(
    claims: Iterable[Claim], documents: dict[str, Document] | None = None
) -> list[Transfer]:
    """Fuse claims into transfers, one per (supplier, recipient, category) and separate deal.

    A claim whose items name no category ("the purchase has not been completed") joins every
    transfer of its supplier and recipient that has one; it stands alone only when none does.
    `documents` (doc_id -> Document) supplies outlets, publication dates and near-duplicate links;
    without it each claim's document counts on its own.
    """
    return [transfer for transfer, _ in fuse_facts(map(ClaimFacts.from_claim, claims), documents)]


def fuse_facts(
    claims: Iterable[ClaimFacts], documents: dict[str, Document] | None = None
) -> list[tuple[Transfer, set[str]]]:
    """fuse_claims on the slim ClaimFacts; each transfer comes with its category's item labels."""
    folds: dict[tuple[str, str], PairFold] = {}
    fold_facts(claims, FusionContext(documents or {}), folds)
    transfers: list[tuple[Transfer, set[str]]] = []
    for pair in sorted(folds):
        transfers.extend(folds[pair].transfers(*pair))
    return transfers


def fold_facts(
    claims: Iterable[ClaimFacts],
    context: FusionContext,
    folds: dict[tuple[str, str], PairFold],
) -> None:
    """Fold claims into the folds of their supplier-recipient pairs (made where missing)."""
    by_pair: dict[tuple[str, str], list[ClaimFacts]] = {}
    for claim in claims:
        supplier, recipient = claim.supplier, claim.recipient
        pair = (
            supplier.key if supplier is not None else "",
            recipient.key if recipient is not None else "",
        )
        pair_claims = by_pair.get(pair)
        if pair_claims is None:
            by_pair[pair] = [claim]
        else:
            pair_claims.append(claim)
    for pair, pair_claims in by_pair.items():
        fold = folds.get(pair)
        if fold is None:
            fold = folds[pair] = PairFold()
        for derived in context.derive(pair_claims):
            fold.add(derived)
