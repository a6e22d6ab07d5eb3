"""The database schema (SQLAlchemy Core); migrations/ holds the same schema as Alembic revisions."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("doc_id", String(64), primary_key=True),
    Column("doc_ref", Text),
    Column("url", Text),
    Column("title", Text),
    Column("byline", Text),
    Column("outlet", Text),
    Column("published", String(32)),
    Column("language", String(16)),
    Column("duplicate_of", String(64), index=True),
    Column("text", Text, nullable=False),
    Column("signature", LargeBinary),
    Column("added_at", DateTime(timezone=True), nullable=False),
)

# Locality-sensitive bands of each document's MinHash signature: near-duplicate candidates are
# found by SQL lookups, so the index survives restarts and is shared by concurrent writers. The
# bucket is a 64-bit hash of (band, band values); a rare collision only adds a candidate, which is
# verified against the signature. No rowid on SQLite: the primary key is the only B-tree.
document_bands = Table(
    "document_bands",
    metadata,
    Column("bucket", BigInteger, primary_key=True),
    Column(
        "doc_id",
        String(64),
        ForeignKey("documents.doc_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sqlite_with_rowid=False,
)

# One row per claim. Columns hold what queries filter, sort and read; `detail` holds the rest of the
# claim as compact JSON (items, party codes and kinds, origin, evidence offsets, attribution...),
# laid out by armswatch.store.core.claim_detail; Store.claims() gives the full Claim back.
claims = Table(
    "claims",
    metadata,
    Column("claim_id", String(64), primary_key=True),
    Column(
        "doc_id",
        String(64),
        ForeignKey("documents.doc_id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("supplier_key", String(200), nullable=False),
    Column("supplier_name", Text),
    Column("recipient_key", String(200), nullable=False),
    Column("recipient_name", Text),
    Column("status", String(32), nullable=False),
    Column("certainty", String(32), nullable=False),
    Column("deal", String(32), nullable=False),
    Column("reported_date", String(32)),
    Column("event_start", String(32)),
    Column("event_end", String(32)),
    Column("origin_key", String(300)),
    Column("origin_name", Text),
    # The claim's item categories, sorted, each between spaces (" missiles uav "): `--category`.
    Column("categories", String(200), nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("detail", Text, nullable=False),
    Index("ix_claims_pair", "supplier_key", "recipient_key"),
    Index("ix_claims_reported", "reported_date"),
)

# Every supplier and recipient seen, so a query by name ("russia") resolves to keys by index.
parties = Table(
    "parties",
    metadata,
    Column("party_key", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_lower", String(300), nullable=False, index=True),
    Column("code", String(8)),
    Column("kind", String(32), nullable=False),
)

origins = Table(
    "origins",
    metadata,
    Column("origin_key", String(300), primary_key=True),
    Column("name", Text, nullable=False),
    Column("country", String(8)),
    Column("kind", String(32), nullable=False),
)

transfers = Table(
    "transfers",
    metadata,
    Column("transfer_id", String(32), primary_key=True),
    Column("supplier_key", String(200), nullable=False),
    Column("supplier_name", Text),
    Column("recipient_key", String(200), nullable=False),
    Column("recipient_name", Text),
    Column("category", String(32), nullable=False),
    Column("stage", String(32)),
    Column("stage_rank", Integer, nullable=False),
    Column("origin_count", Integer, nullable=False),
    Column("document_count", Integer, nullable=False),
    Column("first_reported", String(32)),
    Column("last_reported", String(32)),
    Column("confidence", Float, nullable=False),
    Column("search_text", Text, nullable=False),
    Index("ix_transfers_key", "supplier_key", "recipient_key", "category"),
    Index("ix_transfers_recipient", "recipient_key", "category"),
    Index("ix_transfers_category_stage", "category", "stage"),
    Index("ix_transfers_stage", "stage", "origin_count"),
    # Covers the period filter (--since/--until) and the default order without row lookups.
    Index("ix_transfers_last", "last_reported", "first_reported", "transfer_id"),
    Index("ix_transfers_first", "first_reported"),
    Index("ix_transfers_origins", "origin_count"),
)

# The full transfer, kept apart so that filtering scans only the narrow rows above.
transfer_details = Table(
    "transfer_details",
    metadata,
    Column("transfer_id", String(32), primary_key=True),
    Column("data", JSON, nullable=False),
)

# Supplier-recipient pairs given claims since the last refresh, which refresh_transfers re-fuses
# whole: each named with one category of its new claims, one row per writing transaction at most.
pending_keys = Table(
    "pending_keys",
    metadata,
    Column("supplier_key", String(200), primary_key=True),
    Column("recipient_key", String(200), primary_key=True),
    Column("category", String(32), primary_key=True),
)

failures = Table(
    "failures",
    metadata,
    Column("failure_id", Integer, primary_key=True, autoincrement=True),
    Column("input", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("stage", String(32), nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)

feed_state = Table(
    "feed_state",
    metadata,
    Column("feed_url", String(1000), primary_key=True),
    Column("etag", Text),
    Column("modified", Text),
    Column("last_checked", DateTime(timezone=True)),
    Column("state", JSON),
)

# Deals from a SIPRI trade-register export, and which transfers they account for.
sipri_deals = Table(
    "sipri_deals",
    metadata,
    Column("deal_id", String(32), primary_key=True),
    Column("supplier_key", String(200), nullable=False),
    Column("supplier_name", Text, nullable=False),
    Column("recipient_key", String(200), nullable=False),
    Column("recipient_name", Text, nullable=False),
    Column("category", String(32), nullable=False),
    Column("designation", Text),
    Column("description", Text),
    Column("order_year", Integer),
    Column("order_year_uncertain", Boolean, nullable=False),
    Column("delivery_years", Text),
    Column("data", JSON, nullable=False),
    Index("ix_sipri_pair", "supplier_key", "recipient_key"),
)

sipri_links = Table(
    "sipri_links",
    metadata,
    Column("transfer_id", String(32), primary_key=True),
    Column(
        "deal_id",
        String(32),
        ForeignKey("sipri_deals.deal_id", ondelete="CASCADE"),
        primary_key=True,
    ),
)
