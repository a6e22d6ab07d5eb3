"""Claims -> Transfers: one row per (supplier, recipient, category) deal, with its evidence fused.

The rules (stage, unconfirmed stages, independent origins, contradictions, confidence) are
explained in docs/register.md; this module is pure: claims in, transfers out.
"""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
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
class _Context:
    """What fusion needs to know about each claim's document."""

    documents: dict[str, Document]
    _origins: dict[str, Origin] = field(default_factory=dict)
    _canonical: dict[str, str] = field(default_factory=dict)

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

    def origin(self, claim: ClaimFacts) -> Origin:
        """The claim's origin; without one, its (canonical) document's outlet is the origin."""
        if claim.origin is not None:
            return claim.origin
        found = self._origins.get(claim.doc_id)
        if found is None:
            found = self._origins[claim.doc_id] = self._document_origin(claim.doc_id)
        return found

    def _document_origin(self, doc_id: str) -> Origin:
        canonical = self.canonical(doc_id)
        document = self.documents.get(canonical) or self.documents.get(doc_id)
        if document is not None and document.outlet:
            return Origin(name=document.outlet, kind="media")
        if document is not None and document.url:
            host = urlsplit(document.url).hostname
            if host:
                return Origin(name=host.removeprefix("www."), kind="media")
        # Nothing names the source: the report itself is the origin.
        return Origin(name=f"unattributed report {canonical}", kind="media")

    def reported(self, claim: ClaimFacts) -> str | None:
        return claim.reported_date or self.published(claim.doc_id)

    def when(self, claim: ClaimFacts) -> str | None:
        """The date used to separate deals: the event's start, else when it was reported."""
        return claim.event_start or claim.event_end or self.reported(claim)


def _split_by_date(claims: list[ClaimFacts], context: _Context) -> list[list[ClaimFacts]]:
    """Groups of claims that belong to one deal; undated claims join the latest group."""
    # (day number, claim id, position): sorts by date, then id, without comparing claims
    dated: list[tuple[int, str, int]] = []
    undated: list[ClaimFacts] = []
    when = context.when
    for position, claim in enumerate(claims):
        value = when(claim)
        parsed = _parse_date_text(value) if value else None
        if parsed is None:
            undated.append(claim)
        else:
            dated.append((parsed.toordinal(), claim.claim_id, position))
    dated.sort()
    undated.sort(key=lambda claim: claim.claim_id)
    groups: list[list[ClaimFacts]] = []
    latest = 0
    for day, _, position in dated:
        if not groups or day - latest > DEAL_GAP_DAYS:
            groups.append([])
        groups[-1].append(claims[position])
        latest = day
    if undated:
        if groups:
            groups[-1].extend(undated)
        else:
            groups.append(undated)
    return groups


def _merged_quantity(quantities: list[Quantity]) -> Quantity | None:
    """The merged range of every count given for the category; an open-ended count keeps it open."""
    if not quantities:
        return None
    lows = [q.min if q.min is not None else q.max for q in quantities]
    low = min(v for v in lows if v is not None)
    open_ended = any(q.max is None for q in quantities)
    high = None if open_ended else max(q.max for q in quantities if q.max is not None)
    texts = sorted({q.text for q in quantities if q.text})
    return Quantity(
        min=low,
        max=high,
        approx=any(q.approx for q in quantities) or len(quantities) > 1 and low != high,
        text="; ".join(texts) or None,
    )


def _commonest_deal(counts: dict[str, int]) -> str:
    """The deal type most claims name; unspecified only when none names one."""
    if not counts:
        return "unspecified"
    return min(counts, key=lambda deal: (-counts[deal], DEALS.index(deal) if deal in DEALS else 99))


def _disputes(asserted: dict[str, list[str]], disputing: list[ClaimFacts]) -> list[dict[str, Any]]:
    """_contradictions from what one pass gathered: asserted lifecycle statuses with their claim
    ids (in order of first appearance) and the denied or unconfirmed lifecycle claims."""
    if not asserted or not disputing:
        return []
    ranks = [(status, _RANK[status], claim_ids) for status, claim_ids in asserted.items()]
    found: dict[tuple[str, str, str], list[str]] = {}
    for claim in disputing:
        certainty, status = claim.certainty, claim.status
        rank = _RANK[status]
        for asserted_status, asserted_rank, _ in ranks:
            if rank > asserted_rank:
                continue
            key = (asserted_status, certainty, status)
            disputing_ids = found.get(key)
            if disputing_ids is None:
                found[key] = [claim.claim_id]
            else:
                disputing_ids.append(claim.claim_id)
    asserted_ids = {status: sorted(set(claim_ids)) for status, _, claim_ids in ranks}
    entries = [
        {
            "status": asserted_status,
            "asserted": list(asserted_ids[asserted_status]),
            "disputed_by": certainty,
            "disputed_status": status,
            "disputing": sorted(set(disputing_ids)),
        }
        for (asserted_status, certainty, status), disputing_ids in found.items()
    ]
    return sorted(
        entries, key=lambda e: (_RANK[e["status"]], e["disputed_by"], e["disputed_status"])
    )


def _noisy_or(support: dict[str, float]) -> float:
    doubt = 1.0
    for value in support.values():
        doubt *= 1.0 - min(max(value, 0.0), 1.0)
    return 1.0 - doubt


def _fuse_group(key: FusionKey, claims: list[ClaimFacts], context: _Context) -> Transfer:
    """One transfer from one deal's claims, by the rules of docs/register.md (stage, unconfirmed
    stages, timeline, quantity, deal, origins, contradictions, confidence); one pass over the
    claims gathers what every rule reads."""
    category = key[2]
    supplier = recipient = None
    origins: dict[str, Origin] = {}
    first_reported: str | None = None
    last_reported: str | None = None
    designations: set[str] = set()
    documents: set[str] = set()
    first_dated: str | None = None
    # stage: the furthest asserted status among claims naming this category, else among all
    naming_stage: str | None = None
    naming_rank: tuple[int, bool] = (-2, False)
    all_stage: str | None = None
    all_rank: tuple[int, bool] = (-2, False)
    any_naming = False
    asserted_statuses: set[str] = set()
    hedged_statuses: set[str] = set()
    timeline: dict[tuple[str, str], list[Any]] = {}
    quantities: list[Quantity] = []
    deals: dict[str, int] = {}
    asserted_lifecycle: dict[str, list[str]] = {}
    disputing: list[ClaimFacts] = []
    # an origin's best support, counting asserted claims only, and counting every claim
    support_asserted: dict[str, float] = {}
    support_all: dict[str, float] = {}
    claim_ids: list[str] = []
    origin_of, reported_of, canonical = context.origin, context.reported, context.canonical
    for claim in claims:
        if supplier is None:
            supplier = claim.supplier
        if recipient is None:
            recipient = claim.recipient
        claim_id, status, certainty = claim.claim_id, claim.status, claim.certainty
        claim_ids.append(claim_id)
        origin = claim.origin or origin_of(claim)
        origin_key = cached_origin_key(origin)
        if origin_key not in origins:
            origins[origin_key] = origin
        seen = claim.reported_date or reported_of(claim)
        if seen:
            if first_reported is None or seen < first_reported:
                first_reported = seen
            if last_reported is None or seen > last_reported:
                last_reported = seen
        # the date that separates deals: the event's, else when it was reported
        when = claim.event_start or claim.event_end or seen
        if when and (first_dated is None or when < first_dated) and _parse_date(when):
            first_dated = when
        documents.add(canonical(claim.doc_id))
        for item in claim.items:
            if item[0] == category:
                if item[2]:
                    designations.add(item[2])
                quantity = item[3]
                if quantity is not None and (quantity.min is not None or quantity.max is not None):
                    quantities.append(quantity)
        names_category = category in claim.categories
        any_naming = any_naming or names_category
        asserted = certainty in ASSERTED
        if asserted:
            asserted_statuses.add(status)
            # an exit (suspended, cancelled) wins a tie with the lifecycle status it ranks with
            rank = (_RANK[status], status not in _LIFECYCLE)
            if rank > all_rank:
                all_stage, all_rank = status, rank
            if names_category and rank > naming_rank:
                naming_stage, naming_rank = status, rank
            if status in _LIFECYCLE:
                ids = asserted_lifecycle.get(status)
                if ids is None:
                    asserted_lifecycle[status] = [claim_id]
                else:
                    ids.append(claim_id)
        else:
            hedged_statuses.add(status)
            if (certainty == "denied" or certainty == "unconfirmed") and status in _LIFECYCLE:
                disputing.append(claim)
        entry = timeline.get((status, certainty))
        if entry is None:
            timeline[(status, certainty)] = [seen or None, [claim_id]]
        else:
            entry[1].append(claim_id)
            if seen and (entry[0] is None or seen < entry[0]):
                entry[0] = seen
        deal = claim.deal
        if deal != "unspecified":
            deals[deal] = deals.get(deal, 0) + 1
        value = claim.confidence * CERTAINTY_WEIGHT.get(certainty, 0.0)
        support_all[origin_key] = max(support_all.get(origin_key, 0.0), value)
        if asserted:
            support_asserted[origin_key] = max(support_asserted.get(origin_key, 0.0), value)
    # a claim that names no kind of weapon ("has been buying American weapons") joins the pair's
    # transfers as evidence, but only claims about this category set how far it has got
    stage = naming_stage if any_naming else all_stage
    floor = _RANK[stage] if stage else -1
    unconfirmed = sorted(
        (s for s in hedged_statuses if s not in asserted_statuses and _RANK[s] > floor),
        key=lambda status: (_RANK[status], status),
    )
    contradictions = _disputes(asserted_lifecycle, disputing)
    if stage is None:
        score = min(_noisy_or(support_all), UNASSERTED_CEILING)
    else:
        score = _noisy_or(support_asserted)
    score *= CONTRADICTION_PENALTY ** min(len(contradictions), 2)
    entries = [
        TimelineEntry(
            status=status, certainty=certainty, first_seen=first_seen, claim_ids=sorted(ids)
        )
        for (status, certainty), (first_seen, ids) in timeline.items()
    ]
    entries.sort(key=lambda e: (e.first_seen or "9999", _RANK[e.status], e.certainty))
    return Transfer(
        transfer_id=transfer_id_for(key, first_dated),
        supplier=supplier,
        recipient=recipient,
        category=category,
        stage=stage,
        designations=sorted(designations),
        unconfirmed_stages=unconfirmed,
        timeline=entries,
        quantity=_merged_quantity(quantities),
        deal=_commonest_deal(deals),
        independent_origins={
            "count": len(origins),
            "names": sorted(origin.name for origin in origins.values()),
        },
        documents=len(documents),
        first_reported=first_reported,
        last_reported=last_reported,
        contradictions=contradictions,
        confidence=round(score, 3),
        claim_ids=sorted(claim_ids),
    )


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
) -> list[tuple[Transfer, list[ClaimFacts]]]:
    """fuse_claims on the slim ClaimFacts; each transfer comes with the claims it fused."""
    context = _Context(documents or {})
    by_pair: dict[tuple[str, str], list[ClaimFacts]] = defaultdict(list)
    for claim in claims:
        supplier, recipient = claim.supplier, claim.recipient
        pair = (
            supplier.key if supplier is not None else "",
            recipient.key if recipient is not None else "",
        )
        by_pair[pair].append(claim)
    transfers: list[tuple[Transfer, list[ClaimFacts]]] = []
    for (supplier_key, recipient_key), pair_claims in sorted(by_pair.items()):
        specific = sorted(
            {c for claim in pair_claims for c in claim.categories if c != "unspecified"}
        )
        # a claim naming no category joins every category the pair's other claims name
        fallback = specific or ["unspecified"]
        by_key: dict[FusionKey, list[ClaimFacts]] = defaultdict(list)
        for claim in pair_claims:
            categories = claim.categories
            if "unspecified" in categories:
                categories = [c for c in categories if c != "unspecified"] or fallback
            for category in categories:
                by_key[(supplier_key, recipient_key, category)].append(claim)
        for key in sorted(by_key):
            for group in _split_by_date(by_key[key], context):
                transfers.append((_fuse_group(key, group, context), group))
    return transfers
