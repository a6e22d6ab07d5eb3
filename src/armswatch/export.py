"""Interchange formats for transfers: JSON, CSV, SIPRI trade register, CAMEO/GDELT, PLOVER, GraphML.

Every writer streams: transfers come from the store one at a time and go straight to the file.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, TextIO
from xml.sax.saxutils import quoteattr

from armswatch.models import ASSERTED, Claim, Transfer, status_rank

if TYPE_CHECKING:
    from armswatch.store import Store

FORMATS = ("json", "csv", "sipri", "cameo", "plover", "graphml")

TRANSFER_COLUMNS = (
    "transfer_id",
    "supplier",
    "supplier_code",
    "recipient",
    "recipient_code",
    "category",
    "designations",
    "stage",
    "unconfirmed_stages",
    "quantity_min",
    "quantity_max",
    "quantity_text",
    "deal",
    "independent_origins",
    "origin_names",
    "documents",
    "first_reported",
    "last_reported",
    "contradictions",
    "confidence",
)

# SIPRI's layout: the unnamed column after a value holds "?" when that value is uncertain.
SIPRI_COLUMNS = (
    "Recipient",
    "Supplier",
    "Year of order",
    "",
    "Number ordered",
    "",
    "Weapon designation",
    "Weapon description",
    "Number delivered",
    "",
    "Year(s) of delivery",
    "status",
    "Comments",
)

GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"{actor}{field}"
        for actor in ("Actor1", "Actor2")
        for field in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{place}Geo_{field}"
        for place in ("Actor1", "Actor2", "Action")
        for field in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
)

# CAMEO codes by lifecycle status (ARCHITECTURE.md); denials and rejected requests are decided apart.
CAMEO_BY_STATUS = {
    "sought": "0232",
    "offered": "0332",
    "negotiating": "062",
    "agreed": "062",
    "in_transit": "072",
    "delivered": "072",
    "in_use": "072",
    "suspended": "1622",
    "cancelled": "1622",
}
CAMEO_DENY = "016"
CAMEO_REJECT_REQUEST = "1222"
# The statuses where the recipient acts (asks); in all others the supplier does.
RECIPIENT_ACTS = frozenset({"sought"})


def _quad_class(code: str) -> int:
    """CAMEO quad class: verbal/material cooperation (1, 2), verbal/material conflict (3, 4)."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 14:
        return 3
    return 4


def _humanize(category: str) -> str:
    return category.replace("_", " ")


def transfer_record(transfer: Transfer) -> dict[str, Any]:
    """A flat row of a transfer for CSV."""
    quantity = transfer.quantity
    return {
        "transfer_id": transfer.transfer_id,
        "supplier": transfer.supplier.name if transfer.supplier else "",
        "supplier_code": transfer.supplier.code or "" if transfer.supplier else "",
        "recipient": transfer.recipient.name if transfer.recipient else "",
        "recipient_code": transfer.recipient.code or "" if transfer.recipient else "",
        "category": transfer.category,
        "designations": "; ".join(transfer.designations),
        "stage": transfer.stage or "",
        "unconfirmed_stages": "; ".join(transfer.unconfirmed_stages),
        "quantity_min": quantity.min if quantity and quantity.min is not None else "",
        "quantity_max": quantity.max if quantity and quantity.max is not None else "",
        "quantity_text": quantity.text or "" if quantity else "",
        "deal": transfer.deal,
        "independent_origins": transfer.independent_origins.get("count", 0),
        "origin_names": "; ".join(transfer.independent_origins.get("names", [])),
        "documents": transfer.documents,
        "first_reported": transfer.first_reported or "",
        "last_reported": transfer.last_reported or "",
        "contradictions": "; ".join(
            f"{c['status']} vs {c['disputed_by']} {c['disputed_status']}"
            for c in transfer.contradictions
        ),
        "confidence": transfer.confidence,
    }


# -- SIPRI ----------------------------------------------------------------------------------------


def _sipri_count(transfer: Transfer, uncertain: bool) -> tuple[str, str]:
    """SIPRI's count cell and its flag: estimates in parentheses, '?' when unconfirmed."""
    quantity = transfer.quantity
    if quantity is None or quantity.min is None:
        return "", ""
    exact = not quantity.approx and quantity.max == quantity.min
    cell = str(quantity.min) if exact else f"({quantity.min})"
    return cell, "?" if uncertain or quantity.max is None and not exact else ""


def sipri_row(transfer: Transfer) -> list[str]:
    """One SIPRI trade-register row; values not confirmed or reported are marked uncertain."""
    ordered = [e for e in transfer.timeline if status_rank(e.status) >= status_rank("agreed")]
    ordered.sort(key=lambda e: (e.certainty not in ASSERTED, e.first_seen or "9999"))
    order_year, order_flag = "", ""
    if ordered and ordered[0].first_seen:
        order_year = ordered[0].first_seen[:4]
        order_flag = "" if ordered[0].certainty in ASSERTED else "?"
    delivery = [e for e in transfer.timeline if e.status in ("delivered", "in_use")]
    delivered_asserted = any(e.certainty in ASSERTED for e in delivery)
    years: list[str] = []
    for entry in sorted(delivery, key=lambda e: e.first_seen or ""):
        if entry.first_seen and entry.certainty != "denied":
            year = entry.first_seen[:4]
            year = year if entry.certainty in ASSERTED else f"({year})"
            if year not in years and year.strip("()") not in years:
                years.append(year)
    number_ordered, ordered_flag = (
        _sipri_count(transfer, uncertain=bool(order_flag)) if ordered else ("", "")
    )
    number_delivered, delivered_flag = ("", "")
    if delivery and any(e.certainty != "denied" for e in delivery):
        number_delivered, delivered_flag = _sipri_count(transfer, uncertain=not delivered_asserted)
    comments = [f"armswatch transfer {transfer.transfer_id}"]
    comments.append(
        f"{transfer.independent_origins.get('count', 0)} independent origin(s): "
        + ", ".join(transfer.independent_origins.get("names", []))
    )
    if transfer.unconfirmed_stages:
        comments.append("unconfirmed: " + ", ".join(transfer.unconfirmed_stages))
    if transfer.quantity and transfer.quantity.text:
        comments.append(f"quantity as reported: {transfer.quantity.text}")
    for contradiction in transfer.contradictions:
        comments.append(
            f"contradicted: {contradiction['status']} vs {contradiction['disputed_by']} "
            f"{contradiction['disputed_status']}"
        )
    if transfer.deal != "unspecified":
        comments.append(f"deal: {transfer.deal}")
    return [
        transfer.recipient.name if transfer.recipient else "unknown recipient",
        transfer.supplier.name if transfer.supplier else "unknown supplier",
        order_year,
        order_flag,
        number_ordered,
        ordered_flag,
        "; ".join(transfer.designations),
        _humanize(transfer.category),
        number_delivered,
        delivered_flag,
        "; ".join(years),
        transfer.stage or "unconfirmed",
        "; ".join(comments),
    ]


# -- CAMEO / GDELT --------------------------------------------------------------------------------


def cameo_code(status: str, certainty: str, transfer: Transfer) -> str:
    """The CAMEO event code of one timeline entry of a transfer."""
    if certainty == "denied":
        return CAMEO_DENY
    if status in ("suspended", "cancelled"):
        reached = [
            e.status
            for e in transfer.timeline
            if e.certainty in ASSERTED and e.status not in ("suspended", "cancelled")
        ]
        # Stopped before anything was offered or agreed: the supplier turned the request down.
        if reached and max(status_rank(s) for s in reached) == status_rank("sought"):
            return CAMEO_REJECT_REQUEST
    return CAMEO_BY_STATUS[status]


def _actor_cells(party: Any) -> list[str]:
    cells = [""] * 10
    if party is None:
        return cells
    cells[0] = party.code or ""
    cells[1] = party.name.upper()
    cells[2] = party.code or ""
    if party.kind in ("group", "company"):
        cells[7] = "REB" if party.kind == "group" else "BUS"
    return cells


def _event_id(*parts: str) -> int:
    return int(hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12], 16)


def cameo_rows(
    transfer: Transfer, source_urls: dict[str, str], added: datetime | None = None
) -> Iterator[list[str]]:
    """GDELT event rows, one per timeline entry (status and certainty) of a transfer."""
    added = added or datetime.now(UTC)
    for entry in transfer.timeline:
        code = cameo_code(entry.status, entry.certainty, transfer)
        when = _parse_day(entry.first_seen)
        actor1, actor2 = transfer.supplier, transfer.recipient
        if entry.status in RECIPIENT_ACTS and code != CAMEO_DENY:
            actor1, actor2 = actor2, actor1
        url = next((source_urls[c] for c in entry.claim_ids if source_urls.get(c)), "")
        row = [
            str(_event_id(transfer.transfer_id, entry.status, entry.certainty)),
            when.strftime("%Y%m%d") if when else "",
            when.strftime("%Y%m") if when else "",
            str(when.year) if when else "",
            f"{when.year + (when.timetuple().tm_yday - 1) / 365:.4f}" if when else "",
            *_actor_cells(actor1),
            *_actor_cells(actor2),
            "1",
            code,
            code[:3],
            code[:2],
            str(_quad_class(code)),
            "",
            str(len(entry.claim_ids)),
            str(transfer.independent_origins.get("count", 0)),
            str(transfer.documents),
            "",
            *([""] * 24),
            added.strftime("%Y%m%d%H%M%S"),
            url,
        ]
        yield row


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# -- PLOVER ---------------------------------------------------------------------------------------


def plover_events(
    transfer: Transfer, claims_by_id: dict[str, Claim], urls: dict[str, str]
) -> Iterator[dict[str, Any]]:
    """PLOVER AID events (context military), one per timeline entry, with the source sentence."""
    for entry in transfer.timeline:
        first = next((claims_by_id[c] for c in entry.claim_ids if c in claims_by_id), None)
        actor, recipient = transfer.supplier, transfer.recipient
        yield {
            "id": f"{transfer.transfer_id}-{entry.status}-{entry.certainty}",
            "event_type": "AID",
            "mode": None,
            "context": ["military"],
            "date": entry.first_seen,
            "actor": actor.name if actor else None,
            "actor_country": actor.code if actor else None,
            "recipient": recipient.name if recipient else None,
            "recipient_country": recipient.code if recipient else None,
            "event_text": first.evidence.text if first else None,
            "source_url": next((urls[c] for c in entry.claim_ids if urls.get(c)), None),
            "armswatch": {
                "transfer_id": transfer.transfer_id,
                "category": transfer.category,
                "status": entry.status,
                "certainty": entry.certainty,
                "claim_ids": entry.claim_ids,
                "designations": transfer.designations,
            },
        }


# -- writers --------------------------------------------------------------------------------------


def _claims_and_urls(store: Store, transfer: Transfer) -> tuple[dict[str, Claim], dict[str, str]]:
    """The transfer's claims by id, and each claim's document URL (or reference)."""
    claims = {claim.claim_id: claim for claim in store.iter_claims(claim_ids=transfer.claim_ids)}
    doc_ids = sorted({claim.doc_id for claim in claims.values()})
    locations = {
        document.doc_id: document.url or document.doc_ref or ""
        for document in store.iter_documents(doc_ids=doc_ids, with_text=False)
    }
    return claims, {cid: locations.get(claim.doc_id, "") for cid, claim in claims.items()}


def write_json(transfers: Iterable[Transfer], out: TextIO) -> int:
    """A JSON array of transfers, written one element at a time."""
    count = 0
    out.write("[")
    for transfer in transfers:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(transfer.to_dict(), ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write_csv(transfers: Iterable[Transfer], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=TRANSFER_COLUMNS)
    writer.writeheader()
    count = 0
    for transfer in transfers:
        writer.writerow(transfer_record(transfer))
        count += 1
    return count


def write_sipri(transfers: Iterable[Transfer], out: TextIO) -> int:
    """A SIPRI trade-register-shaped CSV (with SIPRI's metadata lines on top)."""
    out.write("Transfers reported in the news: armswatch register in SIPRI trade-register layout\n")
    out.write(
        "\"Counts in parentheses are estimates; '?' after a value marks it as not confirmed.\"\n"
    )
    out.write(f"Information generated: {datetime.now(UTC).strftime('%d %B %Y')}\n\n")
    writer = csv.writer(out)
    writer.writerow(SIPRI_COLUMNS)
    count = 0
    for transfer in transfers:
        writer.writerow(sipri_row(transfer))
        count += 1
    return count


def write_cameo(transfers: Iterable[Transfer], out: TextIO, store: Store) -> int:
    """GDELT event table layout (tab-separated, with a header row), CAMEO-coded."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(GDELT_COLUMNS)
    count = 0
    added = datetime.now(UTC)
    for transfer in transfers:
        _, urls = _claims_and_urls(store, transfer)
        for row in cameo_rows(transfer, urls, added):
            writer.writerow(row)
            count += 1
    return count


def write_plover(transfers: Iterable[Transfer], out: TextIO, store: Store) -> int:
    """PLOVER events as JSON lines."""
    count = 0
    for transfer in transfers:
        claims, urls = _claims_and_urls(store, transfer)
        for event in plover_events(transfer, claims, urls):
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
            count += 1
    return count


def write_graphml(transfers: Iterable[Transfer], out: TextIO) -> int:
    """GraphML: parties as nodes, one supplier -> recipient edge per transfer."""
    edge_keys = (
        ("transfer_id", "string"),
        ("category", "string"),
        ("stage", "string"),
        ("unconfirmed_stages", "string"),
        ("designations", "string"),
        ("independent_origins", "int"),
        ("documents", "int"),
        ("first_reported", "string"),
        ("last_reported", "string"),
        ("confidence", "double"),
    )
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    out.write('  <key id="name" for="node" attr.name="name" attr.type="string"/>\n')
    out.write('  <key id="code" for="node" attr.name="code" attr.type="string"/>\n')
    for name, kind in edge_keys:
        out.write(f'  <key id="{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>\n')
    out.write('  <graph id="transfers" edgedefault="directed">\n')
    seen_nodes: set[str] = set()
    count = 0
    for transfer in transfers:
        ends = []
        for party in (transfer.supplier, transfer.recipient):
            node_id = party.key if party else "unknown"
            ends.append(node_id)
            if node_id not in seen_nodes:
                seen_nodes.add(node_id)
                out.write(f"    <node id={quoteattr(node_id)}>")
                out.write(f'<data key="name">{_xml(party.name if party else "unknown")}</data>')
                if party and party.code:
                    out.write(f'<data key="code">{_xml(party.code)}</data>')
                out.write("</node>\n")
        values = {
            "transfer_id": transfer.transfer_id,
            "category": transfer.category,
            "stage": transfer.stage or "",
            "unconfirmed_stages": " ".join(transfer.unconfirmed_stages),
            "designations": "; ".join(transfer.designations),
            "independent_origins": transfer.independent_origins.get("count", 0),
            "documents": transfer.documents,
            "first_reported": transfer.first_reported or "",
            "last_reported": transfer.last_reported or "",
            "confidence": transfer.confidence,
        }
        out.write(
            f"    <edge id={quoteattr(transfer.transfer_id)} source={quoteattr(ends[0])} "
            f"target={quoteattr(ends[1])}>"
        )
        out.write("".join(f'<data key="{k}">{_xml(str(v))}</data>' for k, v in values.items()))
        out.write("</edge>\n")
        count += 1
    out.write("  </graph>\n</graphml>\n")
    return count


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def export(store: Store, fmt: str, out: TextIO, **filters: Any) -> int:
    """Write the store's transfers (filtered as `Store.transfers`) in a format; returns rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    transfers = store.iter_transfers(**filters)
    writers: dict[str, Callable[[], int]] = {
        "json": lambda: write_json(transfers, out),
        "csv": lambda: write_csv(transfers, out),
        "sipri": lambda: write_sipri(transfers, out),
        "cameo": lambda: write_cameo(transfers, out, store),
        "plover": lambda: write_plover(transfers, out, store),
        "graphml": lambda: write_graphml(transfers, out),
    }
    return writers[fmt]()
