"""Compact claims: no full-claim JSON beside the columns, items inside the claim row, LSH bands
keyed by a 64-bit integer in a table without rowid.

Each claim's `data` (the whole claim as JSON) and `attribution` columns give way to `detail`,
which holds only what no column holds, and `categories`, which the `--category` filter reads;
`claim_items` goes (its rows are the items in `detail`). `document_bands` is rebuilt from the
stored MinHash signatures. The layout of `detail` is documented in armswatch.store.core.claim_detail;
this revision writes it from the 0001 JSON on its own, so it stays valid whatever the code becomes.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Rows converted per statement, so memory stays flat however many claims are stored.
CHUNK = 2000
LSH_BANDS = 16
# Band multipliers by values per band (see _buckets).
_MULTIPLIERS: dict[int, Any] = {}


def _speaker(data: dict[str, Any]) -> list[Any]:
    return [
        data.get("speaker"),
        data.get("title"),
        data.get("org"),
        data.get("country"),
        data.get("kind", "other"),
    ]


def _quantity(data: dict[str, Any] | None) -> list[Any] | None:
    if not data:
        return None
    return [data.get("min"), data.get("max"), bool(data.get("approx")), data.get("text")]


def _detail(data: dict[str, Any]) -> tuple[str, str]:
    """(categories, detail) of a claim stored as 0001's full JSON."""
    items = data.get("items") or []
    detail: dict[str, Any] = {
        "items": [
            [
                item["category"],
                item.get("label"),
                item.get("designation"),
                _quantity(item.get("quantity")),
            ]
            for item in items
        ],
        "evidence": [int(data["evidence"]["start"]), int(data["evidence"]["end"])],
    }
    for role in ("supplier", "recipient"):
        party = data.get(role)
        if party:
            detail[role] = [party.get("code"), party.get("kind", "state")]
    origin = data.get("origin")
    if origin:
        detail["origin"] = [origin.get("country"), origin.get("kind", "other")]
    event_text = (data.get("event_date") or {}).get("text")
    if event_text is not None:
        detail["event_text"] = event_text
    if data.get("doc_ref") is not None:
        detail["doc_ref"] = data["doc_ref"]
    if data.get("via"):
        detail["via"] = [[p["name"], p.get("code"), p.get("kind", "state")] for p in data["via"]]
    value = data.get("value")
    if value:
        detail["value"] = [float(value["amount"]), value["currency"], value["text"]]
    for role in ("attribution", "cites"):
        if data.get(role):
            detail[role] = [_speaker(speaker) for speaker in data[role]]
    categories = sorted({item["category"] for item in items}) or ["unspecified"]
    return " " + " ".join(categories) + " ", json.dumps(
        detail, ensure_ascii=False, separators=(",", ":")
    )


def _band_multipliers(width: int) -> Any:
    """Odd 64-bit constants, one per value of each band, fixed forever (derived from SHA-256)."""
    import numpy as np

    return np.array(
        [
            [
                int.from_bytes(hashlib.sha256(f"{band}:{row}".encode()).digest()[:8], "little") | 1
                for row in range(width)
            ]
            for band in range(LSH_BANDS)
        ],
        dtype=np.uint64,
    )


def _buckets(signature: bytes) -> list[int]:
    """As armswatch.store.core._buckets at this revision. LSH buckets: each band's values mixed into one signed 64-bit integer (a weighted sum with
    constants that differ per band and row, modulo 2**64). Documents sharing any bucket are
    near-duplicate candidates, then verified on the whole signature."""
    # numpy only here: Alembic imports every revision whenever a store opens.
    import numpy as np

    width, rest = divmod(len(signature) // 8, LSH_BANDS)
    if width == 0 or rest or len(signature) % 8:
        return []
    multipliers = _MULTIPLIERS.get(width)
    if multipliers is None:
        multipliers = _MULTIPLIERS[width] = _band_multipliers(width)
    values = np.frombuffer(signature, dtype="<u8").reshape(LSH_BANDS, width)
    with np.errstate(over="ignore"):
        mixed = (values * multipliers).sum(axis=1, dtype=np.uint64)
    return [int(bucket) for bucket in mixed.view(np.int64)]


def upgrade() -> None:
    bind = op.get_bind()
    # The items are in each claim's JSON; dropping the table first also keeps SQLite's rebuild of
    # `claims` below from cascading into it.
    op.drop_index("ix_claim_items_key", table_name="claim_items")
    op.drop_table("claim_items")
    op.add_column("claims", sa.Column("categories", sa.String(200)))
    op.add_column("claims", sa.Column("detail", sa.Text))
    claims = sa.table(
        "claims",
        sa.column("claim_id", sa.String),
        sa.column("data", sa.JSON),
        sa.column("categories", sa.String),
        sa.column("detail", sa.Text),
    )
    update = (
        sa.update(claims)
        .where(claims.c.claim_id == sa.bindparam("key"))
        .values(categories=sa.bindparam("new_categories"), detail=sa.bindparam("new_detail"))
    )
    last = ""
    while True:
        rows = bind.execute(
            sa.select(claims.c.claim_id, claims.c.data)
            .where(claims.c.claim_id > last)
            .order_by(claims.c.claim_id)
            .limit(CHUNK)
        ).all()
        if not rows:
            break
        changes = []
        for claim_id, data in rows:
            if isinstance(data, str | bytes):
                data = json.loads(data)
            categories, detail = _detail(data)
            changes.append({"key": claim_id, "new_categories": categories, "new_detail": detail})
        bind.execute(update, changes)
        last = rows[-1][0]
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("data")
        batch.drop_column("attribution")
        batch.alter_column("categories", existing_type=sa.String(200), nullable=False)
        batch.alter_column("detail", existing_type=sa.Text, nullable=False)

    op.drop_table("document_bands")
    op.create_table(
        "document_bands",
        sa.Column("bucket", sa.BigInteger, primary_key=True),
        sa.Column(
            "doc_id",
            sa.String(64),
            sa.ForeignKey("documents.doc_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sqlite_with_rowid=False,
    )
    documents = sa.table("documents", sa.column("doc_id", sa.String), sa.column("signature"))
    bands = sa.table("document_bands", sa.column("bucket"), sa.column("doc_id"))
    last = ""
    while True:
        rows = bind.execute(
            sa.select(documents.c.doc_id, documents.c.signature)
            .where(documents.c.doc_id > last, documents.c.signature.is_not(None))
            .order_by(documents.c.doc_id)
            .limit(CHUNK)
        ).all()
        if not rows:
            break
        band_rows = [
            {"bucket": bucket, "doc_id": doc_id}
            for doc_id, signature in rows
            for bucket in sorted(set(_buckets(bytes(signature))))
        ]
        if band_rows:
            bind.execute(sa.insert(bands), band_rows)
        last = rows[-1][0]


def downgrade() -> None:
    raise NotImplementedError(
        "armswatch 0002 cannot be downgraded in place; restore a copy of the 0001 database"
    )
