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
from operator import itemgetter
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
# An order is delivered years later (ships, fighters): within this long after a deal whose goods
# have not been handed over, a claim that takes it further (agreed after offered, delivered after
# agreed) continues that deal rather than starting another.
DELIVERY_LEAD_DAYS = 10 * 365
_LIFECYCLE_RANK = {status: rank for rank, status in enumerate(LIFECYCLE)}
_HANDED_OVER_RANK = _LIFECYCLE_RANK["in_transit"]
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

    def derive(self, claims: list[ClaimFacts]) -> list[Derived]:
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
            derived.append(
                derive_claim(
                    claim.claim_id,
                    claim.supplier,
                    claim.recipient,
                    claim.items,
                    claim.categories,
                    claim.status,
                    claim.certainty,
                    claim.deal,
                    claim.confidence,
                    claim.reported_date,
                    claim.event_start,
                    claim.event_end,
                    published,
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


def derive_claim(
    claim_id: str,
    supplier: Party | None,
    recipient: Party | None,
    items: tuple[ItemFacts, ...],
    categories: list[str],
    status: str,
    certainty: str,
    deal: str,
    confidence: float,
    reported_date: str | None,
    event_start: str | None,
    event_end: str | None,
    published: str | None,
    canonical: str,
    origin_key: str,
    origin: Origin,
) -> Derived:
    """What FusionContext.derive gives for a claim, from its fields, its document's date and
    canonical id, and its origin (its own, else document_origin) with that origin's key."""
    reported = reported_date or published
    when = event_start or event_end or reported
    return (
        claim_id,
        supplier,
        recipient,
        items,
        categories,
        status,
        certainty,
        deal,
        confidence,
        reported,
        when,
        _day_number(when) if when else None,
        canonical,
        origin_key,
        origin,
    )


# What fusion reads of each claim, derived once, in this order: the claim's id, supplier,
# recipient, items and categories (as in ClaimFacts), status, certainty, deal and confidence; when
# it was reported (its own date, else its document's); the date that separates deals (the
# event's, else the reported one) as text and as a day number (None when it does not parse); the
# canonical document; the origin's key; the origin (the claim's, else its document's outlet).
Derived = tuple[
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


# A Derived's claim id; its day number; its day number and claim id (see Derived).
_CLAIM_ID = itemgetter(0)
_DAY = itemgetter(11)
_DAY_AND_ID = itemgetter(11, 0)


def _split_by_date(claims: list[Derived]) -> list[list[Derived]]:
    """Groups of claims that belong to one deal; undated claims join the latest group."""
    # Stable sorts: by (day, id) and by id, ties keep the claims' order.
    if None in map(_DAY, claims):
        dated = sorted([claim for claim in claims if claim[11] is not None], key=_DAY_AND_ID)
        undated = sorted([claim for claim in claims if claim[11] is None], key=_CLAIM_ID)
    else:
        dated, undated = sorted(claims, key=_DAY_AND_ID), []
    if not undated and dated and dated[-1][11] - dated[0][11] <= DEAL_GAP_DAYS:  # type: ignore[operator]
        # one deal, the common case: no gap between neighbours can exceed the whole span
        return [dated]
    groups: list[list[Derived]] = []
    latest = 0
    # how far the current deal has got, by claims not denied (-1: nowhere), and whether it ended
    furthest, ended = -1, False
    for claim in dated:
        day: int = claim[11]  # type: ignore[assignment]
        status = claim[5]
        rank = _LIFECYCLE_RANK.get(status, -1)
        gap = day - latest
        if not groups or (
            gap > DEAL_GAP_DAYS
            and not (
                gap <= DELIVERY_LEAD_DAYS
                and not ended
                and furthest < _HANDED_OVER_RANK
                and rank > furthest
            )
        ):
            groups.append([])
            furthest, ended = -1, False
        groups[-1].append(claim)
        if claim[6] != "denied":
            if rank > furthest:
                furthest = rank
            if status == "cancelled":
                ended = True
        latest = day
    if undated:
        if groups:
            groups[-1].extend(undated)
        else:
            groups.append(undated)
    return groups


def _merged_quantity(quantities: list[Quantity]) -> Quantity | None:
    """The merged range of every count given for the category; an open-ended count keeps it open.
    Of equal bounds (1 and 1.0) the first given is kept."""
    if not quantities:
        return None
    low = high = None
    open_ended = approx = False
    texts = set()
    for quantity in quantities:
        value = quantity.min if quantity.min is not None else quantity.max
        if value is not None and (low is None or value < low):
            low = value
        if quantity.max is None:
            open_ended = True
        elif high is None or quantity.max > high:
            high = quantity.max
        if quantity.approx:
            approx = True
        if quantity.text:
            texts.add(quantity.text)
    if open_ended:
        high = None
    return Quantity(
        min=low,
        max=high,
        approx=approx or len(quantities) > 1 and low != high,
        text="; ".join(sorted(texts)) or None,
    )


def _commonest_deal(counts: dict[str, int]) -> str:
    """The deal type most claims name; unspecified only when none names one."""
    if len(counts) < 2:
        return next(iter(counts), "unspecified")
    return min(counts, key=lambda deal: (-counts[deal], DEALS.index(deal) if deal in DEALS else 99))


def _disputes(
    asserted: dict[str, list[str]], disputing: list[tuple[str, str, str]]
) -> list[dict[str, Any]]:
    """_contradictions from what one pass gathered: asserted lifecycle statuses with their claim
    ids and the denied or unconfirmed lifecycle claims. Each asserted status is disputed by every
    (certainty, status) group of disputing claims at or before it in the lifecycle; entries come
    in the order of the asserted status's rank, then certainty and disputed status. `disputing`:
    (certainty, status, claim id) of each."""
    if not asserted or not disputing:
        return []
    # (certainty, status, rank, claim ids sorted and unique), in (certainty, status) order
    groups: list[tuple[str, str, int, list[str]]] = []
    group_certainty = group_status = None
    ids: list[str] = []
    for certainty, status, claim_id in sorted(disputing):
        if status != group_status or certainty != group_certainty:
            group_certainty, group_status, ids = certainty, status, [claim_id]
            groups.append((certainty, status, _RANK[status], ids))
        elif claim_id != ids[-1]:
            ids.append(claim_id)
    entries = []
    # lifecycle statuses only: no two share a rank
    for asserted_rank, asserted_status in sorted([(_RANK[status], status) for status in asserted]):
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


def _noisy_or(support: dict[str, float]) -> float:
    """1 - the product of (1 - value) over the values, each clamped to [0, 1], in their order."""
    doubt = 1.0
    for value in support.values():
        if value > 0.0:
            doubt *= 1.0 - value if value < 1.0 else 0.0
        elif value != value:  # NaN, which the clamp lets through
            doubt *= value
        # zero and below: a factor of exactly 1
    return 1.0 - doubt


class _StageRanks(dict[str, tuple[int, bool]]):
    """How far an asserted status takes a transfer: its rank, and whether it is an exit
    (suspended, cancelled), which wins a tie with the lifecycle status it ranks with."""

    def __missing__(self, status: str) -> tuple[int, bool]:
        rank = self[status] = (_RANK[status], status not in _LIFECYCLE)
        return rank


_STAGE_RANK = _StageRanks()


def _fuse_group(key: FusionKey, claims: list[Derived]) -> tuple[Transfer, set[str]]:
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
    disputing: list[tuple[str, str, str]] = []
    # an origin's best support (at least zero), counting asserted claims only, and every claim
    support_asserted: dict[str, float] = {}
    support_all: dict[str, float] = {}
    claim_ids: list[str] = []
    # the category's item labels, which the store's search text holds
    labels: set[str] = set()
    for (
        claim_id,
        claim_supplier,
        claim_recipient,
        items,
        categories,
        status,
        certainty,
        deal,
        claim_confidence,
        seen,
        when,
        day,
        document,
        origin_key,
        origin,
    ) in claims:
        if supplier is None:
            supplier = claim_supplier
        if recipient is None:
            recipient = claim_recipient
        claim_ids.append(claim_id)
        if origin_key not in origins:
            origins[origin_key] = origin
        if seen:
            if first_reported is None or seen < first_reported:
                first_reported = seen
            if last_reported is None or seen > last_reported:
                last_reported = seen
        # the earliest date (as written) that separates deals, among those that parse
        if day is not None and (first_dated is None or when < first_dated):  # type: ignore[operator]
            first_dated = when
        documents.add(document)
        for item in items:
            if item[0] == category:
                if item[1]:
                    labels.add(item[1])
                if item[2]:
                    designations.add(item[2])
                quantity = item[3]
                if quantity is not None and (quantity.min is not None or quantity.max is not None):
                    quantities.append(quantity)
        names_category = category in categories
        if names_category:
            any_naming = True
        value = claim_confidence * CERTAINTY_WEIGHT.get(certainty, 0.0)
        best = support_all.get(origin_key)
        if best is None:
            support_all[origin_key] = value if value > 0.0 else 0.0
        elif value > best:
            support_all[origin_key] = value
        if certainty in ASSERTED:
            best = support_asserted.get(origin_key)
            if best is None:
                support_asserted[origin_key] = value if value > 0.0 else 0.0
            elif value > best:
                support_asserted[origin_key] = value
            asserted_statuses.add(status)
            rank = _STAGE_RANK[status]
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
                disputing.append((certainty, status, claim_id))
        entry = timeline.get((status, certainty))
        if entry is None:
            timeline[(status, certainty)] = [seen or None, [claim_id]]
        else:
            entry[1].append(claim_id)
            if seen and (entry[0] is None or seen < entry[0]):
                entry[0] = seen
        if deal != "unspecified":
            deals[deal] = deals.get(deal, 0) + 1
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
    # by first seen, rank and certainty, then order of appearance (as a stable sort would)
    ordered = [
        (first_seen or "9999", _RANK[status], certainty, position, status, first_seen, ids)
        for position, ((status, certainty), (first_seen, ids)) in enumerate(timeline.items())
    ]
    ordered.sort()
    entries = []
    for _, _, certainty, _, status, first_seen, ids in ordered:
        ids.sort()
        entries.append(TimelineEntry(status, certainty, first_seen, ids))
    transfer_id = transfer_id_for(key, first_dated)
    quantity = _merged_quantity(quantities)
    deal = _commonest_deal(deals)
    names = [origin.name for origin in origins.values()]
    names.sort()
    claim_ids.sort()
    transfer = Transfer(
        transfer_id,
        supplier,
        recipient,
        category,
        stage,
        sorted(designations),
        unconfirmed,
        entries,
        quantity,
        deal,
        {"count": len(origins), "names": names},
        len(documents),
        first_reported,
        last_reported,
        contradictions,
        round(score, 3),
        claim_ids,
    )
    return transfer, labels


def fuse_claims(
    claims: Iterable[Claim],
    documents: dict[str, Document] | None = None,
    *,
    split_deals: bool = True,
) -> list[Transfer]:
    """Fuse claims into transfers, one per (supplier, recipient, category) and separate deal.

    A claim whose items name no category ("the purchase has not been completed") joins every
    transfer of its supplier and recipient that has one; it stands alone only when none does.
    `documents` (doc_id -> Document) supplies outlets, publication dates and near-duplicate links;
    without it each claim's document counts on its own. With `split_deals=False` every key is one
    transfer whatever the dates: the unit a gold document labels (`armswatch evaluate`).
    """
    facts = map(ClaimFacts.from_claim, claims)
    return [transfer for transfer, _ in fuse_facts(facts, documents, split_deals=split_deals)]


def fuse_facts(
    claims: Iterable[ClaimFacts],
    documents: dict[str, Document] | None = None,
    *,
    split_deals: bool = True,
) -> list[tuple[Transfer, set[str]]]:
    """fuse_claims on the slim ClaimFacts; each transfer comes with its category's item labels."""
    context = FusionContext(documents or {})
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
    transfers: list[tuple[Transfer, set[str]]] = []
    for pair in sorted(by_pair):
        transfers.extend(fuse_pair(pair, context.derive(by_pair[pair]), split_deals=split_deals))
    return transfers


def _by_category(derived: list[Derived]) -> dict[str, list[Derived]]:
    """A pair's claims under each category they count for, in their order: the categories they
    name, and for a claim naming no category, every category the pair's other claims name."""
    by_category: defaultdict[str, list[Derived]] = defaultdict(list)
    for item in derived:
        categories = item[4]
        if "unspecified" in categories:
            break
        for category in categories:
            by_category[category].append(item)
    else:
        return by_category
    # some claim names no category: start again, with the categories of all the others
    specific = sorted({c for item in derived for c in item[4] if c != "unspecified"})
    fallback = specific or ["unspecified"]
    by_category = defaultdict(list)
    for item in derived:
        categories = item[4]
        if "unspecified" in categories:
            categories = [c for c in categories if c != "unspecified"] or fallback
        for category in categories:
            by_category[category].append(item)
    return by_category


def fuse_pair(
    pair: tuple[str, str], derived: list[Derived], *, split_deals: bool = True
) -> list[tuple[Transfer, set[str]]]:
    """The transfers of one supplier-recipient pair from its claims, derived (in any order);
    each with its category's item labels. `split_deals=False`: one transfer per category."""
    supplier_key, recipient_key = pair
    by_category = _by_category(derived)
    transfers: list[tuple[Transfer, set[str]]] = []
    for category in sorted(by_category):
        key = (supplier_key, recipient_key, category)
        groups = _split_by_date(by_category[category])
        if not split_deals and len(groups) > 1:
            groups = [[item for group in groups for item in group]]
        for group in groups:
            transfers.append(_fuse_group(key, group))
    return transfers
