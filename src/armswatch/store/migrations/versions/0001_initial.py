"""The initial register schema: documents, claims, transfers, origins, failures, feeds, SIPRI.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", sa.String(64), primary_key=True),
        sa.Column("doc_ref", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("byline", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("language", sa.String(16)),
        sa.Column("duplicate_of", sa.String(64)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("signature", sa.LargeBinary),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_duplicate_of", "documents", ["duplicate_of"])
    op.create_table(
        "document_bands",
        sa.Column("bucket", sa.String(48), primary_key=True),
        sa.Column(
            "doc_id",
            sa.String(64),
            sa.ForeignKey("documents.doc_id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_table(
        "claims",
        sa.Column("claim_id", sa.String(64), primary_key=True),
        sa.Column(
            "doc_id",
            sa.String(64),
            sa.ForeignKey("documents.doc_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("supplier_key", sa.String(200), nullable=False),
        sa.Column("supplier_name", sa.Text),
        sa.Column("recipient_key", sa.String(200), nullable=False),
        sa.Column("recipient_name", sa.Text),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("certainty", sa.String(32), nullable=False),
        sa.Column("deal", sa.String(32), nullable=False),
        sa.Column("reported_date", sa.String(32)),
        sa.Column("event_start", sa.String(32)),
        sa.Column("event_end", sa.String(32)),
        sa.Column("origin_key", sa.String(300)),
        sa.Column("origin_name", sa.Text),
        sa.Column("attribution", sa.JSON, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_claims_doc_id", "claims", ["doc_id"])
    op.create_index("ix_claims_pair", "claims", ["supplier_key", "recipient_key"])
    op.create_index("ix_claims_reported", "claims", ["reported_date"])
    op.create_table(
        "claim_items",
        sa.Column(
            "claim_id",
            sa.String(64),
            sa.ForeignKey("claims.claim_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("supplier_key", sa.String(200), nullable=False),
        sa.Column("recipient_key", sa.String(200), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("label", sa.Text),
        sa.Column("designation", sa.Text),
        sa.Column("quantity_min", sa.Integer),
        sa.Column("quantity_max", sa.Integer),
    )
    op.create_index(
        "ix_claim_items_key", "claim_items", ["supplier_key", "recipient_key", "category"]
    )
    op.create_table(
        "parties",
        sa.Column("party_key", sa.String(200), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_lower", sa.String(300), nullable=False),
        sa.Column("code", sa.String(8)),
        sa.Column("kind", sa.String(32), nullable=False),
    )
    op.create_index("ix_parties_name_lower", "parties", ["name_lower"])
    op.create_table(
        "origins",
        sa.Column("origin_key", sa.String(300), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("kind", sa.String(32), nullable=False),
    )
    op.create_table(
        "transfers",
        sa.Column("transfer_id", sa.String(32), primary_key=True),
        sa.Column("supplier_key", sa.String(200), nullable=False),
        sa.Column("supplier_name", sa.Text),
        sa.Column("recipient_key", sa.String(200), nullable=False),
        sa.Column("recipient_name", sa.Text),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("stage", sa.String(32)),
        sa.Column("stage_rank", sa.Integer, nullable=False),
        sa.Column("origin_count", sa.Integer, nullable=False),
        sa.Column("document_count", sa.Integer, nullable=False),
        sa.Column("first_reported", sa.String(32)),
        sa.Column("last_reported", sa.String(32)),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
    )
    op.create_index("ix_transfers_key", "transfers", ["supplier_key", "recipient_key", "category"])
    op.create_index("ix_transfers_recipient", "transfers", ["recipient_key", "category"])
    op.create_index("ix_transfers_category_stage", "transfers", ["category", "stage"])
    op.create_index("ix_transfers_stage", "transfers", ["stage", "origin_count"])
    op.create_index(
        "ix_transfers_last", "transfers", ["last_reported", "first_reported", "transfer_id"]
    )
    op.create_index("ix_transfers_first", "transfers", ["first_reported"])
    op.create_index("ix_transfers_origins", "transfers", ["origin_count"])
    op.create_table(
        "transfer_details",
        sa.Column("transfer_id", sa.String(32), primary_key=True),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "pending_keys",
        sa.Column("supplier_key", sa.String(200), primary_key=True),
        sa.Column("recipient_key", sa.String(200), primary_key=True),
        sa.Column("category", sa.String(32), primary_key=True),
    )
    op.create_table(
        "failures",
        sa.Column("failure_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("input", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "feed_state",
        sa.Column("feed_url", sa.String(1000), primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("modified", sa.Text),
        sa.Column("last_checked", sa.DateTime(timezone=True)),
        sa.Column("state", sa.JSON),
    )
    op.create_table(
        "sipri_deals",
        sa.Column("deal_id", sa.String(32), primary_key=True),
        sa.Column("supplier_key", sa.String(200), nullable=False),
        sa.Column("supplier_name", sa.Text, nullable=False),
        sa.Column("recipient_key", sa.String(200), nullable=False),
        sa.Column("recipient_name", sa.Text, nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("designation", sa.Text),
        sa.Column("description", sa.Text),
        sa.Column("order_year", sa.Integer),
        sa.Column("order_year_uncertain", sa.Boolean, nullable=False),
        sa.Column("delivery_years", sa.Text),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_sipri_pair", "sipri_deals", ["supplier_key", "recipient_key"])
    op.create_table(
        "sipri_links",
        sa.Column("transfer_id", sa.String(32), primary_key=True),
        sa.Column(
            "deal_id",
            sa.String(32),
            sa.ForeignKey("sipri_deals.deal_id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )


def downgrade() -> None:
    for table in (
        "sipri_links",
        "sipri_deals",
        "feed_state",
        "failures",
        "pending_keys",
        "transfer_details",
        "transfers",
        "origins",
        "parties",
        "claim_items",
        "claims",
        "document_bands",
        "documents",
    ):
        op.drop_table(table)
