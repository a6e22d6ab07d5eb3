"""The SIPRI link: read a SIPRI trade-register CSV and tell which transfers SIPRI already records.

SIPRI's export puts a few metadata lines above the header row; the header has unnamed columns
after "Year of order", "Number ordered" and "Number delivered" that hold a "?" when the value
before it is uncertain. Numbers SIPRI estimates are printed in parentheses, e.g. "(40)".
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select, tuple_

from armswatch.errors import InputError

# SIPRI's weapon descriptions, by keyword, mapped to armswatch categories (first match wins).
DESCRIPTION_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("uav", "uav"),
    ("unmanned", "uav"),
    ("loitering munition", "uav"),
    ("sam system", "air_defence"),
    ("air defence", "air_defence"),
    ("air defense", "air_defence"),
    ("aa gun", "air_defence"),
    ("sam", "missiles"),
    ("missile", "missiles"),
    ("rocket", "artillery"),
    ("mrl", "artillery"),
    ("howitzer", "artillery"),
    ("mortar", "artillery"),
    ("gun", "artillery"),
    ("tank", "armoured_vehicles"),
    ("apc", "armoured_vehicles"),
    ("ifv", "armoured_vehicles"),
    ("armoured", "armoured_vehicles"),
    ("armored", "armoured_vehicles"),
    ("helicopter", "aircraft"),
    ("aircraft", "aircraft"),
    ("fighter", "aircraft"),
    ("fga", "aircraft"),
    ("transport ac", "aircraft"),
    ("trainer", "aircraft"),
    ("radar", "sensors"),
    ("sonar", "sensors"),
    ("engine", "engines"),
    ("turbofan", "engines"),
    ("turbojet", "engines"),
    ("diesel", "engines"),
    ("frigate", "ships"),
    ("corvette", "ships"),
    ("submarine", "ships"),
    ("ship", "ships"),
    ("patrol craft", "ships"),
    ("destroyer", "ships"),
)
# SIPRI counts UAVs as aircraft; ammunition and small arms are outside its register.
SIPRI_CATEGORY = {"uav": "aircraft"}
OUTSIDE_SIPRI = frozenset({"ammunition", "small_arms"})
# Deals and transfers link when their years are this close (orders precede reports by years).
YEAR_SLACK = 3


def category_of(description: str | None) -> str:
    """The armswatch category of a SIPRI weapon description ('SAM system' -> air_defence)."""
    text = f" {(description or '').lower()} "
    for keyword, category in DESCRIPTION_CATEGORIES:
        if re.search(rf"\b{re.escape(keyword)}\b", text):
            return category
    return "other"


@lru_cache(maxsize=1)
def _state_codes() -> dict[str, str]:
    """Country names and aliases (lower-case) -> ISO3 codes, from the extractor's gazetteer."""
    codes: dict[str, str] = {}
    try:
        lines = (
            resources.files("armswatch.extract")
            .joinpath("data/states.jsonl")
            .read_text(encoding="utf-8")
            .splitlines()
        )
    except (FileNotFoundError, ModuleNotFoundError):
        return codes
    for line in lines:
        if not line.strip():
            continue
        state = json.loads(line)
        for name in [state["name"], *state.get("aliases", [])]:
            codes.setdefault(name.lower(), state["code"])
        codes.setdefault(state["code"].lower(), state["code"])
    return codes


def party_key_for(name: str) -> str:
    """The fusion key of a SIPRI party name: its ISO3 code when known, else the name itself."""
    cleaned = re.sub(r"\*+$", "", name).strip()
    return _state_codes().get(cleaned.lower(), cleaned)


def _number(cell: str) -> tuple[int | None, bool]:
    """A SIPRI count: '(40)' is an estimate; returns (value, uncertain)."""
    cell = cell.strip()
    uncertain = cell.startswith("(") or "?" in cell
    digits = re.sub(r"[^\d]", "", cell)
    return (int(digits) if digits else None, uncertain)


def _years(cell: str) -> list[int]:
    """Delivery years: '2022; 2023', '2021-2023' or '(2022)'."""
    years: set[int] = set()
    for start, end in re.findall(r"(\d{4})(?:\s*-\s*(\d{4}))?", cell):
        first = int(start)
        last = int(end) if end else first
        years.update(range(first, last + 1))
    return sorted(years)


def _find_header(rows: list[list[str]]) -> int:
    for index, row in enumerate(rows):
        cells = [cell.strip().lower() for cell in row]
        if len(cells) >= 2 and cells[0] == "recipient" and cells[1] == "supplier":
            return index
    raise ValueError("no header row starting 'Recipient,Supplier'")


def parse_register(text: str, source: str = "<sipri>") -> list[dict[str, Any]]:
    """SIPRI deals (rows for the sipri_deals table) from the text of a trade-register CSV."""
    rows = list(csv.reader(io.StringIO(text)))
    try:
        header_at = _find_header(rows)
    except ValueError as exc:
        raise InputError(source, f"not a SIPRI trade register: {exc}") from exc
    header = [cell.strip() for cell in rows[header_at]]
    # Unnamed columns are the "?" flags of the column before them.
    names: list[str] = []
    for cell in header:
        names.append(cell if cell else f"{names[-1]} uncertain" if names else "uncertain")
    deals: list[dict[str, Any]] = []
    for row in rows[header_at + 1 :]:
        if not any(cell.strip() for cell in row):
            continue
        record: dict[str, Any] = {
            name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(names)
        }
        recipient, supplier = record.get("Recipient", ""), record.get("Supplier", "")
        if not recipient or not supplier:
            continue
        order_year, order_uncertain = _number(record.get("Year of order", ""))
        ordered, ordered_uncertain = _number(record.get("Number ordered", ""))
        delivered, delivered_uncertain = _number(record.get("Number delivered", ""))
        description = record.get("Weapon description", "")
        record.update(
            {
                "order_year_uncertain": order_uncertain
                or bool(record.get("Year of order uncertain")),
                "number_ordered": ordered,
                "number_ordered_uncertain": ordered_uncertain
                or bool(record.get("Number ordered uncertain")),
                "number_delivered": delivered,
                "number_delivered_uncertain": delivered_uncertain
                or bool(record.get("Number delivered uncertain")),
            }
        )
        delivery_years = _years(record.get("Year(s) of delivery", ""))
        deal_id = hashlib.sha1(
            json.dumps([row, header_at], ensure_ascii=False).encode("utf-8")
        ).hexdigest()[:16]
        deals.append(
            {
                "deal_id": deal_id,
                "supplier_key": party_key_for(supplier),
                "supplier_name": supplier,
                "recipient_key": party_key_for(recipient),
                "recipient_name": recipient,
                "category": category_of(description),
                "designation": record.get("Weapon designation") or None,
                "description": description or None,
                "order_year": order_year,
                "order_year_uncertain": bool(record["order_year_uncertain"]),
                "delivery_years": ";".join(str(year) for year in delivery_years) or None,
                "data": record,
            }
        )
    return deals


def read_register(path: str | Path) -> list[dict[str, Any]]:
    """SIPRI deals from a trade-register CSV file; InputError names the file when it can't."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from exc
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise InputError(str(path), "cannot decode the file (expected UTF-8 or Windows-1252)")
    return parse_register(text, str(path))


def _normalise_designation(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _years_of_transfer(row: dict[str, Any]) -> tuple[int, int] | None:
    data = row["data"]
    dates = [row.get("first_reported"), row.get("last_reported")]
    dates += [entry.get("first_seen") for entry in data.get("timeline") or []]
    years = [int(d[:4]) for d in dates if d and d[:4].isdigit()]
    return (min(years), max(years)) if years else None


def _years_of_deal(deal: Any) -> tuple[int, int] | None:
    years = [int(y) for y in (deal.delivery_years or "").split(";") if y]
    if deal.order_year:
        years.append(int(deal.order_year))
    return (min(years), max(years)) if years else None


def deal_matches(transfer_row: dict[str, Any], deal: Any) -> bool:
    """Whether a SIPRI deal accounts for a transfer: same parties, weapon and period."""
    category = transfer_row["category"]
    if category in OUTSIDE_SIPRI:
        return False
    transfer_years, deal_years = _years_of_transfer(transfer_row), _years_of_deal(deal)
    if (
        transfer_years
        and deal_years
        and (
            transfer_years[0] > deal_years[1] + YEAR_SLACK
            or transfer_years[1] < deal_years[0] - YEAR_SLACK
        )
    ):
        return False
    designations = {
        _normalise_designation(d) for d in transfer_row["data"].get("designations") or []
    }
    deal_designation = _normalise_designation(deal.designation or "")
    if designations and deal_designation:
        return any(d and (d in deal_designation or deal_designation in d) for d in designations)
    return SIPRI_CATEGORY.get(category, category) == SIPRI_CATEGORY.get(
        deal.category, deal.category
    )


def link_rows(
    connection: Connection, transfer_rows: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """sipri_links rows for the transfers (rows of the transfers table) that SIPRI records."""
    from armswatch.store.schema import sipri_deals

    pairs = sorted({(row["supplier_key"], row["recipient_key"]) for row in transfer_rows})
    if not pairs:
        return []
    deals_by_pair: dict[tuple[str, str], list[Any]] = {}
    for start in range(0, len(pairs), 500):
        chunk = pairs[start : start + 500]
        query = select(sipri_deals).where(
            tuple_(sipri_deals.c.supplier_key, sipri_deals.c.recipient_key).in_(chunk)
        )
        for deal in connection.execute(query):
            deals_by_pair.setdefault((deal.supplier_key, deal.recipient_key), []).append(deal)
    links = []
    for row in transfer_rows:
        for deal in deals_by_pair.get((row["supplier_key"], row["recipient_key"]), []):
            if deal_matches(row, deal):
                links.append({"transfer_id": row["transfer_id"], "deal_id": deal.deal_id})
    return links


def deals_summary(deals: Iterable[dict[str, Any]]) -> str:
    """'3 deals: Russia -> India, ...' for the import-sipri summary line."""
    deals = list(deals)
    pairs = sorted({f"{d['supplier_name']} -> {d['recipient_name']}" for d in deals})
    shown = ", ".join(pairs[:5]) + (", ..." if len(pairs) > 5 else "")
    return f"{len(deals)} deals ({shown})" if deals else "0 deals"
