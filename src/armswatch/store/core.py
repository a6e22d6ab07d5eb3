"""The register's store: documents with their claims, fused transfers, failures and feed state.

SQLite (WAL, busy timeout) by default, PostgreSQL by URL. Every document is written together
with its claims in one transaction; transfers are re-fused only for the keys new claims touch.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain
from operator import itemgetter
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

import orjson
from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    exists,
    func,
    insert,
    literal_column,
    or_,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql import Insert

from armswatch.errors import StoreError
from armswatch.fuse import (
    ClaimFacts,
    Derived,
    FusionContext,
    ItemFacts,
    cached_origin_key,
    derive_claim,
    document_origin,
    fuse_pair,
)
from armswatch.models import (
    Claim,
    DateSpan,
    Document,
    Evidence,
    Failure,
    Item,
    Money,
    Origin,
    Party,
    Quantity,
    Speaker,
    Transfer,
    status_rank,
)
from armswatch.store import migrate, search
from armswatch.store.schema import (
    claims,
    document_bands,
    documents,
    failures,
    feed_state,
    origins,
    parties,
    pending_keys,
    sipri_deals,
    sipri_links,
    transfer_details,
    transfers,
)

DEFAULT_DB = "armswatch.db"
# MinHash bands: 16 bands of 8 rows find pairs above ~0.7 similarity; candidates are then verified.
LSH_BANDS = 16
# Band multipliers by values per band (see _buckets).
_MULTIPLIERS: dict[int, Any] = {}
# Rows a multi-row INSERT writes on SQLite (see Store._bulk_insert).
ROWS_PER_INSERT = 32
# Rows streamed per fetch when reading many rows.
WRITE_BATCH = 2000
# Supplier-recipient pairs re-fused per query; bounds the claims held in memory at once.
PAIRS_PER_QUERY = 100
# Column orders of the tuples written by executemany.
DOCUMENT_COLUMNS = (
    "doc_id",
    "doc_ref",
    "url",
    "title",
    "byline",
    "outlet",
    "published",
    "language",
    "duplicate_of",
    "text",
    "signature",
    "added_at",
)
PARTY_COLUMNS = ("party_key", "name", "name_lower", "code", "kind")
ORIGIN_COLUMNS = ("origin_key", "name", "country", "kind")
KEY_COLUMNS = ("supplier_key", "recipient_key", "category")
CLAIM_COLUMNS = (
    "claim_id",
    "doc_id",
    "supplier_key",
    "supplier_name",
    "recipient_key",
    "recipient_name",
    "status",
    "certainty",
    "deal",
    "reported_date",
    "event_start",
    "event_end",
    "origin_key",
    "origin_name",
    "categories",
    "evidence_text",
    "confidence",
    "detail",
)
# What a refresh reads of a stored claim to fuse it (see _facts_from_row).
FACT_COLUMNS = (
    "claim_id",
    "doc_id",
    "supplier_name",
    "recipient_name",
    "status",
    "certainty",
    "deal",
    "reported_date",
    "event_start",
    "event_end",
    "origin_name",
    "confidence",
    "detail",
)
BAND_COLUMNS = ("bucket", "doc_id")
# Claims added by this process and kept in memory for the next refresh, at most (see
# _FusionCache); about 1 KB each, counting the parties, origins and quantities of the caller's
# claims they keep alive (tracemalloc), so at most about 125 MB.
CACHED_CLAIMS = 120_000
# SQLite page cache per connection (KiB).
CACHE_KIB = 16 * 1024
# Page size of a new SQLite store (SQLite: 4 KiB). Bulk writes insert claims into indexes at random
# places, dirtying most of their pages in each transaction; in 16 KiB pages the same entries make a
# quarter as many pages, each written to the WAL with its own frame header and checksum, and a
# quarter as many page splits (docs/register.md, Performance). An existing store keeps its size.
PAGE_BYTES = 16384
# WAL bytes after which a commit copies the WAL back into the database (SQLite: 1000 pages).
WAL_CHECKPOINT_BYTES = 64 * 1024 * 1024
# Documents a refresh remembers between pairs (about 0.5 KB each) before it starts again.
KNOWN_DOCUMENTS = 50_000
# Above this many trigram-index candidates, `--text` walks the date index instead.
TEXT_INDEX_CANDIDATES = 1000
# How long a writer waits for another writer's lock before failing (SQLite).
BUSY_TIMEOUT_SECONDS = 60


def resolve_url(url: str | None) -> str:
    """A SQLAlchemy URL from a path, a sqlite:/// URL or a postgresql:// URL (psycopg 3 driver)."""
    url = url or os.environ.get("ARMSWATCH_DB") or DEFAULT_DB
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if "://" in url:
        return url
    return f"sqlite:///{Path(url).expanduser().absolute()}"


def _now() -> datetime:
    return datetime.now(UTC)


def _party_columns(party: Party | None) -> tuple[str, str | None]:
    return (party.key, party.name) if party is not None else ("", None)


class Store:
    """The register: `with Store("armswatch.db") as store: store.add(document, claims)`."""

    def __init__(self, url: str | None = None) -> None:
        self.url = resolve_url(url)
        self.engine = _create_engine(self.url)
        self.dialect = self.engine.dialect.name
        self._cache = _FusionCache()
        try:
            if migrate.is_empty(self.engine):
                migrate.upgrade(self.engine)
            else:
                migrate.check(self.engine, self.display_url)
            self.text_index = search.ensure_index(self.engine)
        except StoreError:
            self.engine.dispose()
            raise
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(
                f"{self.display_url}: cannot open the database: {_reason(exc)}"
            ) from exc

    @property
    def display_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _write(self, *, foreign_keys: bool = True) -> Any:
        """A write transaction; on SQLite it takes the write lock up front (BEGIN IMMEDIATE).

        `foreign_keys=False`: SQLite does not check foreign keys in this transaction (only for
        add_batch, whose claims and bands name documents the same transaction inserts first;
        checking them cost an index lookup per row). Every other transaction checks them."""
        return self.engine.connect().execution_options(
            sqlite_begin="IMMEDIATE", sqlite_foreign_keys=foreign_keys
        )

    def _insert_ignore(self, table: Any) -> Insert:
        """INSERT that skips rows whose primary key is already stored."""
        if self.dialect == "postgresql":
            return postgresql.insert(table).on_conflict_do_nothing()
        if self.dialect == "sqlite":
            return sqlite.insert(table).on_conflict_do_nothing()
        raise StoreError(f"{self.display_url}: unsupported database {self.dialect}")

    def _bulk_insert(
        self,
        connection: Connection,
        table: Any,
        names: Sequence[str],
        rows: Sequence[tuple[Any, ...]],
        *,
        ignore: bool = False,
    ) -> None:
        """executemany of plain tuples straight on the driver (JSON columns already serialised):
        SQLAlchemy's per-row parameter handling would cost more than the insert itself.

        On SQLite, rows go in ROWS_PER_INSERT at a time, in one multi-row INSERT each (the rest
        one by one), which spares most of a statement's fixed cost per row. Such an INSERT says
        OR ROLLBACK: a multi-row statement that could abort midway must first copy every page
        it changes into a statement journal, so that it can undo itself alone; one that rolls back
        the whole transaction on a violated constraint needs no such copy. The transaction fails
        either way, as it would have: every caller lets the error end it. `ignore` skips rows whose
        primary key is stored already (ON CONFLICT DO NOTHING), in either dialect."""
        if not rows:
            return
        conflict = " ON CONFLICT DO NOTHING" if ignore else ""
        if self.dialect != "sqlite":
            sql = (
                f"INSERT INTO {table.name} ({', '.join(names)}) "
                f"VALUES ({', '.join('%s' for _ in names)}){conflict}"
            )
            connection.exec_driver_sql(sql, list(rows))
            return
        head = f"INSERT OR ROLLBACK INTO {table.name} ({', '.join(names)}) VALUES "
        row = f"({', '.join('?' for _ in names)})"
        # at most 999 parameters a statement, the limit of SQLite before 3.32
        per_insert = max(1, min(ROWS_PER_INSERT, 999 // len(names)))
        whole = len(rows) - len(rows) % per_insert
        if whole:
            connection.exec_driver_sql(
                head + ", ".join([row] * per_insert) + conflict,
                [
                    tuple(chain.from_iterable(rows[start : start + per_insert]))
                    for start in range(0, whole, per_insert)
                ],
            )
        if whole < len(rows):
            connection.exec_driver_sql(head + row + conflict, list(rows[whole:]))

    # -- writing -----------------------------------------------------------------------------

    def add(
        self,
        document: Document,
        claims_of_document: Sequence[Claim],
        *,
        signature: bytes | None = None,
    ) -> bool:
        """Store a document with its claims atomically; False (and no change) if already stored.

        `signature` is the document's MinHash signature as bytes
        (`signature_to_bytes(minhash_signature(text))`), when a worker has computed it already.
        """
        signatures = {document.doc_id: signature} if signature is not None else None
        return self.add_many([(document, claims_of_document)], signatures=signatures) == 1

    def add_many(
        self,
        batch: Iterable[tuple[Document, Sequence[Claim]]],
        *,
        signatures: dict[str, bytes] | None = None,
    ) -> int:
        """Store several documents with their claims in one transaction; returns how many were new.

        Each document still goes in with all its claims or not at all; documents already stored
        are skipped. `signatures` (doc_id -> MinHash bytes) saves recomputing them here.
        """
        return len(self.add_batch(batch, signatures=signatures))

    def add_batch(
        self,
        batch: Iterable[tuple[Document, Sequence[Claim]]],
        *,
        signatures: dict[str, bytes] | None = None,
    ) -> list[str]:
        """add_many, returning the ids of the documents that were new (in batch order)."""
        signatures = signatures or {}
        prepared = []
        for document, document_claims in batch:
            for claim in document_claims:
                if claim.doc_id != document.doc_id:
                    raise StoreError(
                        f"claim {claim.claim_id} belongs to {claim.doc_id}, not {document.doc_id}"
                    )
            signature = signatures.get(document.doc_id) or _signature(document.text)
            prepared.append((document, list(document_claims), signature))
        if not prepared:
            return []
        try:
            with (
                _collector_paused(),
                self._write(foreign_keys=False) as connection,
                connection.begin(),
            ):
                added, learned = self._add_prepared(connection, prepared)
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.display_url}: cannot store documents: {_reason(exc)}") from exc
        # Only once the transaction has committed does the cache describe the database.
        self._cache.learn(learned)
        return added

    def _add_prepared(
        self, connection: Connection, prepared: list[tuple[Document, list[Claim], bytes | None]]
    ) -> tuple[list[str], _Learned]:
        ids = [document.doc_id for document, _, _ in prepared]
        stored = self._stored_ids(connection, ids)
        added: list[str] = []
        document_rows: list[tuple[Any, ...]] = []
        band_rows: list[tuple[int, str]] = []
        claim_rows: list[tuple[Any, ...]] = []
        party_rows: dict[str, tuple[Any, ...]] = {}
        origin_rows: dict[str, tuple[Any, ...]] = {}
        # A refresh re-fuses whole supplier-recipient pairs, so one pending row per pair says
        # all it needs: the pair with the first category its new claims name.
        pending: dict[tuple[str, str], str] = {}
        learned = _Learned()
        buckets_of = _buckets_by_document(
            [
                (document.doc_id, signature)
                for document, _, signature in prepared
                if document.doc_id not in stored
            ]
        )
        # Candidates already stored, and those earlier in this batch, keyed by LSH bucket.
        candidates_by_bucket = self._stored_candidates(
            connection, sorted({b for buckets in buckets_of.values() for b in buckets})
        )
        now = _now()
        added_at = self._datetime_parameter(now)
        claims_of_pair = learned.facts
        origin_keys: dict[int, str] = {}
        dumps = orjson.dumps
        # What the fusion cache keeps of the batch's claims shares one object per distinct party
        # and per single category: fewer objects held until the refresh (and freed then, long
        # after they were made), the caller's own freed with its batch.
        parties_seen: dict[tuple[Any, ...], Party] = {}
        one_category: dict[str, list[str]] = {}
        outlet_origins: dict[str, tuple[Origin, str]] = {}
        for document, document_claims, signature in prepared:
            doc_id = document.doc_id
            if doc_id in stored:
                continue
            stored.add(doc_id)
            added.append(doc_id)
            buckets = buckets_of.get(doc_id, ())
            if signature and document.duplicate_of is None:
                nearby = [
                    c for b in buckets if b in candidates_by_bucket for c in candidates_by_bucket[b]
                ]
                document.duplicate_of = _near_duplicate(signature, nearby) if nearby else None
            if signature:
                candidate = _Candidate(doc_id, signature, document.duplicate_of, now)
                for bucket in buckets:
                    candidates_by_bucket.setdefault(bucket, []).append(candidate)
                band_rows.extend([(bucket, doc_id) for bucket in buckets])
            document_rows.append(
                (
                    doc_id,
                    document.doc_ref,
                    document.url,
                    document.title,
                    document.byline,
                    document.outlet,
                    document.published,
                    document.language,
                    document.duplicate_of,
                    document.text,
                    signature,
                    added_at,
                )
            )
            published = document.published
            copy_of = document.duplicate_of
            if copy_of:
                # A copy's claims count its original's outlet: the refresh derives them, knowing
                # the documents as a read of their pair would.
                learned.documents[doc_id] = Document(
                    doc_id=doc_id,
                    text="",
                    outlet=document.outlet,
                    url=document.url,
                    published=published,
                    duplicate_of=copy_of,
                )
            # (origin, its key) for the claims that name none: the document's outlet
            outlet_origin: tuple[Origin, str] | None = None
            for claim in document_claims:
                supplier, recipient, origin = claim.supplier, claim.recipient, claim.origin
                status, certainty, deal = claim.status, claim.certainty, claim.deal
                confidence, reported_date = claim.confidence, claim.reported_date
                event_date, evidence = claim.event_date, claim.evidence
                event_start, event_end = event_date.start, event_date.end
                claim_items = claim.items
                if len(claim_items) == 1:
                    # most claims name one item: no set to build and sort
                    item = claim_items[0]
                    category, label = item.category, item.label
                    designation, quantity = item.designation, item.quantity
                    items: tuple[ItemFacts, ...] = ((category, label, designation, quantity),)
                    categories = one_category.get(category)  # (never changed)
                    if categories is None:
                        categories = one_category[category] = [category]
                    categories_text = f" {category} "
                    item_rows = [
                        [
                            category,
                            label,
                            designation,
                            None
                            if quantity is None
                            else [quantity.min, quantity.max, quantity.approx, quantity.text],
                        ]
                    ]
                else:
                    items = tuple(
                        [(i.category, i.label, i.designation, i.quantity) for i in claim_items]
                    )
                    categories = sorted({item[0] for item in items}) or ["unspecified"]
                    categories_text = " " + " ".join(categories) + " "
                    item_rows = [
                        [category, label, designation, _quantity_row(quantity)]
                        for category, label, designation, quantity in items
                    ]
                # claim_detail's JSON, built here from what the row reads anyway
                detail: dict[str, Any] = {
                    "items": item_rows,
                    "evidence": [evidence.start, evidence.end],
                }
                if supplier is None:
                    supplier_key, supplier_name = "", None
                else:
                    supplier_name, code, kind = supplier.name, supplier.code, supplier.kind
                    supplier_key = code or supplier_name  # Party.key
                    if supplier_key not in party_rows:
                        party_rows[supplier_key] = _party_row(supplier)
                    detail["supplier"] = [code, kind]
                    supplier = parties_seen.setdefault(
                        (type(supplier), supplier_name, code, kind), supplier
                    )
                if recipient is None:
                    recipient_key, recipient_name = "", None
                else:
                    recipient_name, code, kind = recipient.name, recipient.code, recipient.kind
                    recipient_key = code or recipient_name  # Party.key
                    if recipient_key not in party_rows:
                        party_rows[recipient_key] = _party_row(recipient)
                    detail["recipient"] = [code, kind]
                    recipient = parties_seen.setdefault(
                        (type(recipient), recipient_name, code, kind), recipient
                    )
                if origin is None:
                    origin_key = origin_name = None
                else:
                    # by id(): `prepared` holds every claim, and so its origin, for this call
                    origin_key = origin_keys.get(id(origin))
                    if origin_key is None:
                        origin_key = origin_keys[id(origin)] = cached_origin_key(origin)
                        if origin_key not in origin_rows:
                            origin_rows[origin_key] = (
                                origin_key,
                                origin.name,
                                origin.country,
                                origin.kind,
                            )
                    origin_name = origin.name
                    detail["origin"] = [origin.country, origin.kind]
                if (
                    event_date.text is not None
                    or claim.doc_ref is not None
                    or claim.via
                    or claim.value is not None
                    or claim.attribution
                    or claim.cites
                ):
                    _detail_rest(claim, detail)
                try:  # as _json_text
                    detail_text = dumps(detail).decode()
                except TypeError:
                    detail_text = json.dumps(detail)
                claim_rows.append(
                    (
                        claim.claim_id,
                        doc_id,
                        supplier_key,
                        supplier_name,
                        recipient_key,
                        recipient_name,
                        status,
                        certainty,
                        deal,
                        reported_date,
                        event_start,
                        event_end,
                        origin_key,
                        origin_name,
                        categories_text,
                        evidence.text,
                        confidence,
                        detail_text,
                    )
                )
                pair = (supplier_key, recipient_key)
                pair_facts = claims_of_pair.get(pair)
                if pair_facts is None:
                    pair_facts = claims_of_pair[pair] = _CachedPair()
                    pending[pair] = categories[0]
                elif categories[0] < pending[pair]:
                    pending[pair] = categories[0]
                event_date = claim.event_date
                if copy_of:
                    pair_facts.copies.append(
                        ClaimFacts(
                            claim.claim_id,
                            doc_id,
                            supplier,
                            recipient,
                            items,
                            status,
                            certainty,
                            deal,
                            event_start,
                            event_end,
                            reported_date,
                            origin,
                            confidence,
                            categories,
                        )
                    )
                    continue
                # What a refresh's FusionContext.derive would give, while the document is at hand.
                if origin is None:
                    if outlet_origin is None:
                        # documents of one outlet share its origin (an Origin is made of the
                        # outlet's name alone)
                        outlet_origin = outlet_origins.get(document.outlet or "")
                        if outlet_origin is None:
                            found = document_origin(document, doc_id)
                            outlet_origin = (found, cached_origin_key(found))
                            if document.outlet:
                                outlet_origins[document.outlet] = outlet_origin
                    origin, origin_key = outlet_origin
                pair_facts.derived.append(
                    derive_claim(
                        claim.claim_id,
                        supplier,
                        recipient,
                        items,
                        categories,
                        status,
                        certainty,
                        deal,
                        confidence,
                        reported_date,
                        event_start,
                        event_end,
                        published,
                        doc_id,
                        origin_key,  # type: ignore[arg-type]
                        origin,
                    )
                )
        # Which pairs had no claims before this transaction: their claims are all in `learned`.
        learned.new_pairs = self._pairs_without_claims(
            connection, [pair for pair in claims_of_pair if self._cache.unknown(pair)]
        )
        self._bulk_insert(connection, documents, DOCUMENT_COLUMNS, document_rows)
        self._bulk_insert(connection, document_bands, BAND_COLUMNS, band_rows, ignore=True)
        self._bulk_insert(connection, claims, CLAIM_COLUMNS, claim_rows)
        self._bulk_insert(
            connection, parties, PARTY_COLUMNS, list(party_rows.values()), ignore=True
        )
        self._bulk_insert(
            connection, origins, ORIGIN_COLUMNS, list(origin_rows.values()), ignore=True
        )
        self._bulk_insert(
            connection,
            pending_keys,
            KEY_COLUMNS,
            sorted(
                (supplier, recipient, category)
                for (supplier, recipient), category in pending.items()
            ),
            ignore=True,
        )
        return added, learned

    def _datetime_parameter(self, moment: datetime) -> Any:
        """A timestamp as the driver takes it for a DateTime column (SQLite stores text). On
        SQLite, the text its driver's registered adapter makes of it, made once here rather than
        again for every row that binds it."""
        processor = documents.c.added_at.type.bind_processor(self.engine.dialect)
        if processor:
            return processor(moment)
        if self.dialect == "sqlite":
            adapter = sqlite3.adapters.get((type(moment), sqlite3.PrepareProtocol))
            if adapter is not None:
                return adapter(moment)
        return moment

    def _pairs_without_claims(
        self, connection: Connection, pairs: list[tuple[str, str]]
    ) -> set[tuple[str, str]]:
        """The supplier-recipient pairs that have no stored claim yet (each looked up in the pair
        index, 400 pairs a query)."""
        marker = "?" if self.dialect == "sqlite" else "%s"
        found: set[tuple[str, str]] = set()
        for start in range(0, len(pairs), 400):
            chunk = pairs[start : start + 400]
            values = ", ".join(f"({marker}, {marker})" for _ in chunk)
            found.update(
                (row[0], row[1])
                for row in connection.exec_driver_sql(
                    f"WITH pairs (supplier, recipient) AS (VALUES {values}) "
                    "SELECT supplier, recipient FROM pairs WHERE NOT EXISTS (SELECT 1 FROM claims "
                    "WHERE supplier_key = pairs.supplier AND recipient_key = pairs.recipient)",
                    tuple(value for pair in chunk for value in pair),
                )
            )
        return found

    def _in_list(self, count: int) -> str:
        """Placeholders for `IN (...)` on the driver: SQLAlchemy would build a parameter per value."""
        marker = "?" if self.dialect == "sqlite" else "%s"
        return ", ".join([marker] * count)

    def _stored_ids(self, connection: Connection, ids: list[str]) -> set[str]:
        """Which of these document ids are stored already."""
        stored: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = tuple(ids[start : start + 500])
            stored.update(
                row[0]
                for row in connection.exec_driver_sql(
                    f"SELECT doc_id FROM documents WHERE doc_id IN ({self._in_list(len(chunk))})",
                    chunk,
                )
            )
        return stored

    def _stored_candidates(
        self, connection: Connection, buckets: list[int]
    ) -> dict[int, list[_Candidate]]:
        """Stored documents sharing an LSH bucket with the new ones, by bucket."""
        found: dict[int, list[_Candidate]] = {}
        # Timestamps as SQLAlchemy's DateTime would read them (SQLite stores text).
        to_datetime = documents.c.added_at.type.result_processor(self.engine.dialect, None)
        for start in range(0, len(buckets), 500):
            chunk = tuple(buckets[start : start + 500])
            rows = connection.exec_driver_sql(
                "SELECT document_bands.bucket, documents.doc_id, documents.signature, "
                "documents.duplicate_of, documents.added_at FROM document_bands "
                "JOIN documents ON document_bands.doc_id = documents.doc_id "
                f"WHERE document_bands.bucket IN ({self._in_list(len(chunk))})",
                chunk,
            )
            for bucket, doc_id, signature, duplicate_of, added_at in rows:
                found.setdefault(bucket, []).append(
                    _Candidate(
                        doc_id,
                        bytes(signature) if signature is not None else None,
                        duplicate_of,
                        to_datetime(added_at) if to_datetime else added_at,
                    )
                )
        return found

    def add_failure(self, failure: Failure) -> None:
        """Record an input that could not be read or processed."""
        try:
            with self._write() as connection, connection.begin():
                connection.execute(
                    insert(failures).values(
                        input=failure.input,
                        reason=failure.reason,
                        stage=failure.stage,
                        recorded_at=_now(),
                    )
                )
        except SQLAlchemyError as exc:
            raise StoreError(
                f"{self.display_url}: cannot record a failure: {_reason(exc)}"
            ) from exc

    def set_feed_state(
        self,
        feed_url: str,
        *,
        etag: str | None = None,
        modified: str | None = None,
        state: dict[str, Any] | None = None,
    ) -> None:
        """Remember what a feed returned last, so the next poll asks only for what is new."""
        with self._write() as connection, connection.begin():
            connection.execute(delete(feed_state).where(feed_state.c.feed_url == feed_url))
            connection.execute(
                insert(feed_state).values(
                    feed_url=feed_url,
                    etag=etag,
                    modified=modified,
                    last_checked=_now(),
                    state=state or {},
                )
            )

    def feed_state(self, feed_url: str) -> dict[str, Any] | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(feed_state).where(feed_state.c.feed_url == feed_url)
            ).first()
        if row is None:
            return None
        return {
            "feed_url": row.feed_url,
            "etag": row.etag,
            "modified": row.modified,
            "last_checked": row.last_checked,
            "state": row.state or {},
        }

    # -- fusion ------------------------------------------------------------------------------

    def refresh_transfers(self) -> int:
        """Re-fuse the supplier-recipient pairs with claims added since the last refresh.

        Returns the number of transfer rows written. Claims are streamed key by key, so memory
        stays flat however large the store is.
        """
        try:
            with _collector_paused(), self._write() as connection, connection.begin():
                written = self._refresh(connection)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"{self.display_url}: cannot refresh transfers: {_reason(exc)}"
            ) from exc
        # The pairs are fused; later claims for them join claims this process does not hold.
        self._cache.clear()
        return written

    def _refresh(self, connection: Connection) -> int:
        if self.dialect == "postgresql":
            # Writers adding claims for a key wait until this refresh has consumed it.
            connection.execute(select(pending_keys).with_for_update()).all()
        # Fusion works pair by pair: a claim naming no category joins the pair's other transfers.
        pairs = sorted(
            set(
                connection.execute(
                    select(pending_keys.c.supplier_key, pending_keys.c.recipient_key)
                ).all()
            )
        )
        if not pairs:
            return 0
        written = 0
        sipri_known = connection.execute(select(sipri_deals.c.deal_id).limit(1)).first() is not None
        # A document's claims span many pairs: what fusion reads of it is read once per refresh.
        known_documents: dict[str, Document] = {}
        for start in range(0, len(pairs), PAIRS_PER_QUERY):
            chunk = [tuple(pair) for pair in pairs[start : start + PAIRS_PER_QUERY]]
            if len(known_documents) > KNOWN_DOCUMENTS:
                known_documents.clear()
            written += self._refresh_pairs(connection, chunk, sipri_known, known_documents)
        connection.execute(delete(pending_keys))
        return written

    def _refresh_pairs(
        self,
        connection: Connection,
        pairs: list[tuple[Any, ...]],
        sipri_known: bool,
        known_documents: dict[str, Document],
    ) -> int:
        """Replace the transfers of some (supplier, recipient) pairs by a fresh fusion."""
        marker = "?" if self.dialect == "sqlite" else "%s"
        # OR of equalities, not a row-value IN: SQLite serves each term from the pair index.
        # Plain SQL on the driver: SQLAlchemy's statement building and per-row result handling
        # cost more than the queries themselves.
        pair_terms = " OR ".join(
            f"(supplier_key = {marker} AND recipient_key = {marker})" for _ in pairs
        )
        parameters = tuple(value for pair in pairs for value in pair)
        stale: dict[str, str] = {
            row[0]: row[1]
            for row in connection.exec_driver_sql(
                f"SELECT transfer_id, search_text FROM transfers WHERE {pair_terms}", parameters
            )
        }
        if stale:
            for table in ("transfer_details", "transfers"):
                connection.exec_driver_sql(
                    f"DELETE FROM {table} WHERE transfer_id = {marker}",
                    [(transfer_id,) for transfer_id in stale],
                )
        context: dict[str, Document] = {}
        cached = self._cached_facts(connection, pairs)
        copies = [fact for pair_facts in cached.values() for fact in pair_facts.copies]
        if copies:
            self._copies_context(connection, copies, context)
        facts: list[ClaimFacts] = []
        read_pairs = [pair for pair in pairs if pair not in cached]
        if read_pairs:
            self._read_facts(connection, read_pairs, facts, context, known_documents)
        # The claims this process added come derived; copies' claims and those read back are
        # derived here, in one context (as a read of every pair would).
        derived_by_pair: dict[tuple[Any, ...], list[Derived]] = {
            pair: pair_facts.derived for pair, pair_facts in cached.items()
        }
        if copies or facts:
            fusion = FusionContext(context)
            for pair, pair_claims in _by_pair([*copies, *facts]).items():
                found = fusion.derive(pair_claims)
                earlier = derived_by_pair.get(pair)
                derived_by_pair[pair] = found if earlier is None else earlier + found
        rows = [
            _transfer_row(transfer, labels)
            for pair in sorted(derived_by_pair)
            for transfer, labels in fuse_pair(pair, derived_by_pair[pair])
        ]
        if rows:
            self._write_transfers(connection, rows, sipri_known)
        if self.dialect == "sqlite":
            # Most re-fused transfers keep their id and words: only changes touch the index.
            fresh: dict[str, str] = {}
            for row in rows:
                fresh.setdefault(row["transfer_id"], row["search_text"])
            search.remove_sqlite(
                connection, [key for key, words in stale.items() if fresh.get(key) != words]
            )
            search.add_sqlite(
                connection,
                [(key, words) for key, words in fresh.items() if stale.get(key) != words],
            )
        return len(rows)

    def _cached_facts(
        self, connection: Connection, pairs: list[tuple[Any, ...]]
    ) -> dict[tuple[Any, ...], _CachedPair]:
        """The pairs whose every stored claim this process holds in memory, with those claims.

        A pair counts only if the database holds exactly as many claims for it as the cache
        (claims are never deleted), so another writer's claims send it back to a read."""
        cached = {pair: self._cache.facts[pair] for pair in pairs if pair in self._cache.facts}
        if not cached:
            return {}
        marker = "?" if self.dialect == "sqlite" else "%s"
        # Each pair counted by its own lookup in the pair index: an OR of the pairs with GROUP BY
        # made SQLite gather every claim's rowid and sort them all (12x slower).
        values = ", ".join(f"({marker}, {marker})" for _ in cached)
        counts = {
            (row[0], row[1]): row[2]
            for row in connection.exec_driver_sql(
                f"WITH pairs (supplier, recipient) AS (VALUES {values}) "
                "SELECT supplier, recipient, (SELECT count(*) FROM claims "
                "WHERE supplier_key = pairs.supplier AND recipient_key = pairs.recipient) "
                "FROM pairs",
                tuple(value for pair in cached for value in pair),
            )
        }
        return {
            pair: pair_facts
            for pair, pair_facts in cached.items()
            if counts.get(pair) == len(pair_facts.derived) + len(pair_facts.copies)
        }

    def _copies_context(
        self, connection: Connection, copies: list[ClaimFacts], context: dict[str, Document]
    ) -> None:
        """The documents of cached copies' claims, and the originals they point to, into context
        (as a read would put them there: an original without its own duplicate_of). The other
        cached claims' documents need no entry: each is its own canonical document, and a read
        gives the outlet, URL and date the cache has."""
        known = self._cache.documents
        for fact in copies:
            context[fact.doc_id] = known[fact.doc_id]
        missing = sorted(
            {
                document.duplicate_of
                for document in context.values()
                if document.duplicate_of and document.duplicate_of not in context
            }
        )
        for start in range(0, len(missing), 500):
            rows = connection.execute(
                select(
                    documents.c.doc_id, documents.c.outlet, documents.c.url, documents.c.published
                ).where(documents.c.doc_id.in_(missing[start : start + 500]))
            )
            for doc_id, outlet, url, published in rows:
                context[doc_id] = Document(
                    doc_id=doc_id, text="", outlet=outlet, url=url, published=published
                )

    def _read_facts(
        self,
        connection: Connection,
        pairs: list[tuple[Any, ...]],
        facts: list[ClaimFacts],
        context: dict[str, Document],
        known_documents: dict[str, Document],
    ) -> None:
        """Read the stored claims of some pairs as ClaimFacts, and their documents into context
        (each document with its near-duplicate link, and the original it points to without
        one), reading from the database only documents not in known_documents."""
        marker = "?" if self.dialect == "sqlite" else "%s"
        sql = (
            "SELECT "
            + ", ".join(FACT_COLUMNS)
            + " FROM claims WHERE "
            + " OR ".join(f"(supplier_key = {marker} AND recipient_key = {marker})" for _ in pairs)
        )
        parameters = tuple(value for pair in pairs for value in pair)
        builder = _FactsBuilder()
        doc_ids: dict[str, None] = {}
        for row in connection.exec_driver_sql(sql, parameters):
            fact = builder.facts(row)
            facts.append(fact)
            doc_ids[fact.doc_id] = None
        originals: dict[str, None] = {}
        missing = [doc_id for doc_id in doc_ids if doc_id not in known_documents]
        for doc_id, outlet, url, published, duplicate_of in self._document_rows(
            connection, missing, "outlet, url, published, duplicate_of"
        ):
            known_documents[doc_id] = Document(
                doc_id=doc_id,
                text="",
                outlet=outlet,
                url=url,
                published=published,
                duplicate_of=duplicate_of,
            )
        for doc_id in doc_ids:
            document = known_documents.get(doc_id)
            if document is not None and doc_id not in context:
                context[doc_id] = document
                if document.duplicate_of:
                    originals[document.duplicate_of] = None
        wanted = [doc_id for doc_id in originals if doc_id not in context]
        for doc_id, outlet, url, published in self._document_rows(
            connection, wanted, "outlet, url, published"
        ):
            context[doc_id] = Document(
                doc_id=doc_id, text="", outlet=outlet, url=url, published=published
            )

    def _document_rows(
        self, connection: Connection, doc_ids: list[str], columns: str
    ) -> Iterator[Sequence[Any]]:
        """(doc_id, *columns) of these stored documents, 500 ids a query."""
        for start in range(0, len(doc_ids), 500):
            chunk = tuple(doc_ids[start : start + 500])
            yield from connection.exec_driver_sql(
                f"SELECT doc_id, {columns} FROM documents "
                f"WHERE doc_id IN ({self._in_list(len(chunk))})",
                chunk,
            )

    def _write_transfers(
        self, connection: Connection, rows: list[dict[str, Any]], sipri_known: bool
    ) -> int:
        names = [name for name in rows[0] if name != "transfer"]
        columns = itemgetter(*names)
        self._bulk_insert(connection, transfers, names, [columns(row) for row in rows], ignore=True)
        self._bulk_insert(
            connection,
            transfer_details,
            ("transfer_id", "data"),
            [(row["transfer_id"], _transfer_json(row["transfer"])) for row in rows],
            ignore=True,
        )
        if sipri_known:
            from armswatch.sipri import link_rows

            ids = [row["transfer_id"] for row in rows]
            connection.execute(delete(sipri_links).where(sipri_links.c.transfer_id.in_(ids)))
            links = link_rows(connection, _with_data(rows))
            if links:
                connection.execute(self._insert_ignore(sipri_links), links)
        return len(rows)

    # -- SIPRI -------------------------------------------------------------------------------

    def import_sipri(self, deals: Sequence[dict[str, Any]]) -> tuple[int, int]:
        """Replace the stored SIPRI deals and link transfers to them; returns (deals, links)."""
        from armswatch.sipri import link_rows

        try:
            with self._write() as connection, connection.begin():
                connection.execute(delete(sipri_links))
                connection.execute(delete(sipri_deals))
                if deals:
                    connection.execute(self._insert_ignore(sipri_deals), list(deals))
                linked = 0
                batch: list[dict[str, Any]] = []
                stream = connection.execute(
                    select(transfer_details.c.transfer_id, transfer_details.c.data),
                    execution_options={"yield_per": WRITE_BATCH},
                )
                link_buffer: list[dict[str, Any]] = []
                for row in stream:
                    batch.append(_transfer_row(Transfer.from_dict(row.data), set()))
                    if len(batch) >= WRITE_BATCH:
                        link_buffer.extend(link_rows(connection, _with_data(batch)))
                        batch = []
                stream.close()
                if batch:
                    link_buffer.extend(link_rows(connection, _with_data(batch)))
                if link_buffer:
                    connection.execute(self._insert_ignore(sipri_links), link_buffer)
                    linked = len({link["transfer_id"] for link in link_buffer})
                return len(deals), linked
        except SQLAlchemyError as exc:
            raise StoreError(
                f"{self.display_url}: cannot import SIPRI deals: {_reason(exc)}"
            ) from exc

    def sipri_deals_for(self, transfer_id: str) -> list[dict[str, Any]]:
        """The SIPRI deals a transfer is linked to (empty when SIPRI does not have it)."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(sipri_deals.c.data)
                .join(sipri_links, sipri_links.c.deal_id == sipri_deals.c.deal_id)
                .where(sipri_links.c.transfer_id == transfer_id)
            )
            return [dict(row.data) for row in rows]

    # -- reading -----------------------------------------------------------------------------

    def _party_keys(self, connection: Connection, text: str) -> list[str]:
        """Keys a user's party name or code stands for ('russia', 'RUS', 'Wagner Group')."""
        found = connection.scalars(
            select(parties.c.party_key).where(
                or_(
                    parties.c.party_key == text,
                    parties.c.party_key == text.upper(),
                    parties.c.name_lower == text.lower(),
                )
            )
        ).all()
        return sorted(set(found)) or [text]

    def iter_transfers(
        self,
        *,
        supplier: str | None = None,
        recipient: str | None = None,
        category: str | None = None,
        stage: str | None = None,
        min_origins: int | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        new_only: bool = False,
        limit: int | None = None,
    ) -> Iterator[Transfer]:
        """Transfers matching every filter given, most recently reported first; streamed."""
        with self.engine.connect() as connection:
            # Filter and order the narrow rows first; fetch the full transfers for the page only.
            query = select(transfers.c.transfer_id, transfers.c.last_reported)
            if supplier:
                query = query.where(
                    transfers.c.supplier_key.in_(self._party_keys(connection, supplier))
                )
            if recipient:
                query = query.where(
                    transfers.c.recipient_key.in_(self._party_keys(connection, recipient))
                )
            if category:
                query = query.where(transfers.c.category == category)
            if stage:
                query = query.where(transfers.c.stage == stage)
            if min_origins:
                query = query.where(transfers.c.origin_count >= min_origins)
            if since:
                query = query.where(transfers.c.last_reported >= since)
            if until:
                query = query.where(transfers.c.first_reported <= until)
            # A word search with few matches is answered from the trigram index; with many, walking
            # the date index finds the newest 100 matches sooner than looking up every candidate.
            few_candidates = False
            if text:
                words = text.lower()
                phrase = search.match_expression(words)
                if self.dialect == "sqlite" and phrase is not None:
                    candidates = search.candidates(connection, phrase, TEXT_INDEX_CANDIDATES + 1)
                    few_candidates = len(candidates) <= TEXT_INDEX_CANDIDATES
                    if few_candidates:
                        query = query.where(transfers.c.transfer_id.in_(candidates))
                # The index only proposes candidates: the LIKE stays the definition.
                query = query.where(transfers.c.search_text.contains(words, autoescape=True))
            if new_only:
                query = query.where(
                    ~exists().where(sipri_links.c.transfer_id == transfers.c.transfer_id)
                )
            newest = transfers.c.last_reported.desc()
            if few_candidates:
                # Sorting the few candidates beats walking the date index.
                newest = literal_column("+transfers.last_reported").desc()
            page = query.order_by(newest, transfers.c.transfer_id).limit(limit).subquery()
            query = (
                select(transfer_details.c.data)
                .join(page, page.c.transfer_id == transfer_details.c.transfer_id)
                .order_by(page.c.last_reported.desc(), page.c.transfer_id)
            )
            result = connection.execute(query, execution_options={"yield_per": 1000})
            for row in result:
                yield Transfer.from_dict(row.data)

    def transfers(
        self,
        *,
        supplier: str | None = None,
        recipient: str | None = None,
        category: str | None = None,
        stage: str | None = None,
        min_origins: int | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        new_only: bool = False,
        limit: int | None = None,
    ) -> list[Transfer]:
        """Transfers matching every filter given (see iter_transfers), as a list."""
        return list(
            self.iter_transfers(
                supplier=supplier,
                recipient=recipient,
                category=category,
                stage=stage,
                min_origins=min_origins,
                since=since,
                until=until,
                text=text,
                new_only=new_only,
                limit=limit,
            )
        )

    def transfer(self, transfer_id: str) -> Transfer | None:
        """One transfer by id, or by an unambiguous prefix of its id."""
        prefix = transfer_id.strip().lower()
        if not prefix:
            return None
        with self.engine.connect() as connection:
            # A range rather than LIKE, so the primary key index serves prefix lookups.
            rows = connection.execute(
                select(transfer_details.c.data)
                .where(
                    transfer_details.c.transfer_id >= prefix,
                    transfer_details.c.transfer_id < prefix + "\uffff",
                )
                .limit(2)
            ).all()
        if len(rows) != 1:
            return None
        return Transfer.from_dict(rows[0].data)

    def count_transfers(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.scalar(select(func.count()).select_from(transfers)) or 0)

    def iter_claims(
        self,
        *,
        supplier: str | None = None,
        recipient: str | None = None,
        category: str | None = None,
        status: str | None = None,
        certainty: str | None = None,
        doc_id: str | None = None,
        claim_ids: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> Iterator[Claim]:
        """Claims matching every filter given, most recently reported first; streamed."""
        with self.engine.connect() as connection:
            query = select(*(claims.c[name] for name in CLAIM_READ_COLUMNS))
            if supplier:
                query = query.where(
                    claims.c.supplier_key.in_(self._party_keys(connection, supplier))
                )
            if recipient:
                query = query.where(
                    claims.c.recipient_key.in_(self._party_keys(connection, recipient))
                )
            if category:
                query = query.where(claims.c.categories.contains(f" {category} ", autoescape=True))
            if status:
                query = query.where(claims.c.status == status)
            if certainty:
                query = query.where(claims.c.certainty == certainty)
            if doc_id:
                query = query.where(claims.c.doc_id == doc_id)
            if claim_ids is not None:
                query = query.where(claims.c.claim_id.in_(list(claim_ids)))
            query = query.order_by(claims.c.reported_date.desc(), claims.c.claim_id).limit(limit)
            for row in connection.execute(query, execution_options={"yield_per": 1000}):
                yield _claim_from_row(row)

    def claims(
        self,
        *,
        supplier: str | None = None,
        recipient: str | None = None,
        category: str | None = None,
        status: str | None = None,
        certainty: str | None = None,
        doc_id: str | None = None,
        claim_ids: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> list[Claim]:
        """Claims matching every filter given (see iter_claims), as a list."""
        return list(
            self.iter_claims(
                supplier=supplier,
                recipient=recipient,
                category=category,
                status=status,
                certainty=certainty,
                doc_id=doc_id,
                claim_ids=claim_ids,
                limit=limit,
            )
        )

    def iter_documents(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        doc_ids: Sequence[str] | None = None,
        with_text: bool = True,
        limit: int | None = None,
    ) -> Iterator[Document]:
        """Documents matching every filter given, most recently added first; streamed."""
        columns = [c for c in documents.c if c.name not in ("signature", "added_at")]
        if not with_text:
            columns = [c for c in columns if c.name != "text"]
        query = select(*columns)
        if outlet:
            query = query.where(func.lower(documents.c.outlet) == outlet.lower())
        if since:
            query = query.where(documents.c.published >= since)
        if until:
            query = query.where(documents.c.published <= until)
        if doc_ids is not None:
            query = query.where(documents.c.doc_id.in_(list(doc_ids)))
        query = query.order_by(documents.c.added_at.desc(), documents.c.doc_id).limit(limit)
        with self.engine.connect() as connection:
            for row in connection.execute(query, execution_options={"yield_per": 500}):
                values = row._asdict()
                values.setdefault("text", "")
                yield Document.from_dict(values)

    def documents(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        doc_ids: Sequence[str] | None = None,
        with_text: bool = True,
        limit: int | None = None,
    ) -> list[Document]:
        """Documents matching every filter given (see iter_documents), as a list."""
        return list(
            self.iter_documents(
                outlet=outlet,
                since=since,
                until=until,
                doc_ids=doc_ids,
                with_text=with_text,
                limit=limit,
            )
        )

    def document(self, doc_id: str) -> Document | None:
        found = self.documents(doc_ids=[doc_id], limit=1)
        return found[0] if found else None

    def failures(self, *, limit: int | None = None) -> list[Failure]:
        """Inputs that could not be read or processed, most recent first."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(failures.c.input, failures.c.reason, failures.c.stage)
                .order_by(failures.c.failure_id.desc())
                .limit(limit)
            )
            return [Failure(input=row.input, reason=row.reason, stage=row.stage) for row in rows]

    def counts(self) -> dict[str, int]:
        """How many documents, claims, transfers and failures the store holds."""
        with self.engine.connect() as connection:
            return {
                name: int(connection.scalar(select(func.count()).select_from(table)) or 0)
                for name, table in (
                    ("documents", documents),
                    ("claims", claims),
                    ("transfers", transfers),
                    ("failures", failures),
                )
            }


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: bulk writes allocate many acyclic objects, and
    full collections over a large heap (a loaded spaCy model) would cost more than the writes."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def party_key(party: Party | None) -> str:
    return party.key if party is not None else ""


def _party_row(party: Party) -> tuple[Any, ...]:
    """The parties-table row, in PARTY_COLUMNS order."""
    return (party.key, party.name, party.name.lower(), party.code, party.kind)


def _speaker_row(speaker: Speaker) -> list[Any]:
    return [speaker.speaker, speaker.title, speaker.org, speaker.country, speaker.kind]


def _quantity_row(quantity: Quantity | None) -> list[Any] | None:
    if quantity is None:
        return None
    return [quantity.min, quantity.max, quantity.approx, quantity.text]


def claim_detail(claim: Claim, items: Sequence[ItemFacts] | None = None) -> str:
    """The claims.detail column: what of a claim no other column holds, as compact JSON.

    Always `items`: [[category, label, designation, quantity]] with quantity [min, max, approx,
    text] or null. `supplier`, `recipient`: [code, kind] (the name is a column), absent when the
    text names no party; `origin`: [country, kind] likewise; `evidence`: [start, end] (the
    sentence is a column). Only when not empty: `event_text`, `doc_ref`, `via` ([[name, code,
    kind]]), `value` ([amount, currency, text]), `attribution` and `cites` ([[speaker, title, org,
    country, kind]]).
    """
    if items is None:
        items = [(i.category, i.label, i.designation, i.quantity) for i in claim.items]
    detail: dict[str, Any] = {
        "items": [
            [category, label, designation, _quantity_row(quantity)]
            for category, label, designation, quantity in items
        ],
        "evidence": [claim.evidence.start, claim.evidence.end],
    }
    if claim.supplier is not None:
        detail["supplier"] = [claim.supplier.code, claim.supplier.kind]
    if claim.recipient is not None:
        detail["recipient"] = [claim.recipient.code, claim.recipient.kind]
    if claim.origin is not None:
        detail["origin"] = [claim.origin.country, claim.origin.kind]
    _detail_rest(claim, detail)
    return _json_text(detail)


def _detail_rest(claim: Claim, detail: dict[str, Any]) -> None:
    """claim_detail's keys after `origin`, those present only when not empty, into detail.
    (Store._add_prepared builds the keys before them itself, in the same order.)"""
    if claim.event_date.text is not None:
        detail["event_text"] = claim.event_date.text
    if claim.doc_ref is not None:
        detail["doc_ref"] = claim.doc_ref
    if claim.via:
        detail["via"] = [[party.name, party.code, party.kind] for party in claim.via]
    if claim.value is not None:
        detail["value"] = [claim.value.amount, claim.value.currency, claim.value.text]
    if claim.attribution:
        detail["attribution"] = [_speaker_row(speaker) for speaker in claim.attribution]
    if claim.cites:
        detail["cites"] = [_speaker_row(speaker) for speaker in claim.cites]


def _quantity_from(row: list[Any] | None) -> Quantity | None:
    if row is None:
        return None
    return Quantity(min=row[0], max=row[1], approx=bool(row[2]), text=row[3])


def _speaker_from(row: list[Any]) -> Speaker:
    return Speaker(speaker=row[0], title=row[1], org=row[2], country=row[3], kind=row[4])


def _party_from(name: str | None, code_kind: list[Any] | None) -> Party | None:
    if code_kind is None or name is None:
        return None
    return Party(name=name, code=code_kind[0], kind=code_kind[1])


def _loads(detail: Any) -> dict[str, Any]:
    """A JSON column as stored (text) or as a driver hands it back already decoded."""
    return orjson.loads(detail) if isinstance(detail, str | bytes) else detail


# The columns Store.claims() reads, in the order _claim_from_row takes them.
CLAIM_READ_COLUMNS = (
    "claim_id",
    "doc_id",
    "supplier_name",
    "recipient_name",
    "status",
    "certainty",
    "deal",
    "reported_date",
    "event_start",
    "event_end",
    "origin_name",
    "evidence_text",
    "confidence",
    "detail",
)


def _claim_from_row(row: Sequence[Any]) -> Claim:
    """The full Claim from its columns (CLAIM_READ_COLUMNS order) and its detail JSON."""
    (
        claim_id,
        doc_id,
        supplier_name,
        recipient_name,
        status,
        certainty,
        deal,
        reported_date,
        event_start,
        event_end,
        origin_name,
        evidence_text,
        confidence,
        detail_text,
    ) = row
    detail = _loads(detail_text)
    origin = detail.get("origin")
    value = detail.get("value")
    start, end = detail["evidence"]
    return Claim(
        claim_id=claim_id,
        doc_id=doc_id,
        supplier=_party_from(supplier_name, detail.get("supplier")),
        recipient=_party_from(recipient_name, detail.get("recipient")),
        items=[
            Item(
                category=category, label=label, designation=designation, quantity=_quantity_from(q)
            )
            for category, label, designation, q in detail["items"]
        ],
        status=status,
        certainty=certainty,
        evidence=Evidence(start=start, end=end, text=evidence_text),
        doc_ref=detail.get("doc_ref"),
        via=[Party(name=name, code=code, kind=kind) for name, code, kind in detail.get("via", ())],
        deal=deal,
        value=None
        if value is None
        else Money(amount=float(value[0]), currency=value[1], text=value[2]),
        event_date=DateSpan(start=event_start, end=event_end, text=detail.get("event_text")),
        reported_date=reported_date,
        attribution=[_speaker_from(speaker) for speaker in detail.get("attribution", ())],
        cites=[_speaker_from(speaker) for speaker in detail.get("cites", ())],
        origin=None
        if origin is None or origin_name is None
        else Origin(name=origin_name, country=origin[0], kind=origin[1]),
        confidence=float(confidence),
    )


def _json_text(value: Any) -> str:
    """JSON text for a JSON column: orjson, or json for what orjson refuses (huge integers)."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value)


def _party_data(party: Party | None) -> dict[str, Any] | None:
    return None if party is None else {"name": party.name, "code": party.code, "kind": party.kind}


def _speaker_data(speaker: Any) -> dict[str, Any]:
    return {
        "speaker": speaker.speaker,
        "title": speaker.title,
        "org": speaker.org,
        "country": speaker.country,
        "kind": speaker.kind,
    }


def claim_data(claim: Claim) -> dict[str, Any]:
    """`claim.to_dict()` without dataclasses.asdict's deep copies (it dominates bulk inserts)."""
    quantity_fields = ("min", "max", "approx", "text")
    return {
        "claim_id": claim.claim_id,
        "doc_id": claim.doc_id,
        "supplier": _party_data(claim.supplier),
        "recipient": _party_data(claim.recipient),
        "items": [
            {
                "category": item.category,
                "label": item.label,
                "designation": item.designation,
                "quantity": None
                if item.quantity is None
                else {name: getattr(item.quantity, name) for name in quantity_fields},
            }
            for item in claim.items
        ],
        "status": claim.status,
        "certainty": claim.certainty,
        "evidence": {
            "start": claim.evidence.start,
            "end": claim.evidence.end,
            "text": claim.evidence.text,
        },
        "doc_ref": claim.doc_ref,
        "via": [_party_data(party) for party in claim.via],
        "deal": claim.deal,
        "value": None
        if claim.value is None
        else {
            "amount": claim.value.amount,
            "currency": claim.value.currency,
            "text": claim.value.text,
        },
        "event_date": {
            "start": claim.event_date.start,
            "end": claim.event_date.end,
            "text": claim.event_date.text,
        },
        "reported_date": claim.reported_date,
        "attribution": [_speaker_data(s) for s in claim.attribution],
        "cites": [_speaker_data(s) for s in claim.cites],
        "origin": None
        if claim.origin is None
        else {
            "name": claim.origin.name,
            "country": claim.origin.country,
            "kind": claim.origin.kind,
        },
        "confidence": claim.confidence,
    }


def _with_data(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Transfer rows with the transfer as a dict under "data", as armswatch.sipri reads them."""
    return [row | {"data": transfer_data(row["transfer"])} for row in rows]


def _transfer_json(transfer: Transfer) -> str:
    """transfer_data(transfer) as JSON text; orjson walks the dataclasses itself, in field order."""
    try:
        return orjson.dumps(transfer).decode()
    except TypeError:
        return json.dumps(transfer_data(transfer))


def transfer_data(transfer: Transfer) -> dict[str, Any]:
    """`transfer.to_dict()` without dataclasses.asdict's deep copies."""
    quantity = transfer.quantity
    return {
        "transfer_id": transfer.transfer_id,
        "supplier": _party_data(transfer.supplier),
        "recipient": _party_data(transfer.recipient),
        "category": transfer.category,
        "stage": transfer.stage,
        "designations": list(transfer.designations),
        "unconfirmed_stages": list(transfer.unconfirmed_stages),
        "timeline": [
            {
                "status": entry.status,
                "certainty": entry.certainty,
                "first_seen": entry.first_seen,
                "claim_ids": list(entry.claim_ids),
            }
            for entry in transfer.timeline
        ],
        "quantity": None
        if quantity is None
        else {
            "min": quantity.min,
            "max": quantity.max,
            "approx": quantity.approx,
            "text": quantity.text,
        },
        "deal": transfer.deal,
        "independent_origins": {
            "count": transfer.independent_origins.get("count", 0),
            "names": list(transfer.independent_origins.get("names", [])),
        },
        "documents": transfer.documents,
        "first_reported": transfer.first_reported,
        "last_reported": transfer.last_reported,
        "contradictions": [dict(c) for c in transfer.contradictions],
        "confidence": transfer.confidence,
        "claim_ids": list(transfer.claim_ids),
    }


def _transfer_row(transfer: Transfer, labels: set[str]) -> dict[str, Any]:
    """The transfers-table row, with the transfer under "transfer"; `labels` are the item labels
    of its category, which its search text holds beside names and designations."""
    supplier_key, supplier_name = _party_columns(transfer.supplier)
    recipient_key, recipient_name = _party_columns(transfer.recipient)
    words = [
        supplier_key,
        supplier_name or "",
        recipient_key,
        recipient_name or "",
        transfer.category,
        *transfer.designations,
        *sorted(labels),
        *transfer.independent_origins.get("names", []),
    ]
    return {
        "transfer_id": transfer.transfer_id,
        "supplier_key": supplier_key,
        "supplier_name": supplier_name,
        "recipient_key": recipient_key,
        "recipient_name": recipient_name,
        "category": transfer.category,
        "stage": transfer.stage,
        "stage_rank": status_rank(transfer.stage) if transfer.stage else -1,
        "origin_count": int(transfer.independent_origins.get("count", 0)),
        "document_count": transfer.documents,
        "first_reported": transfer.first_reported,
        "last_reported": transfer.last_reported,
        "confidence": transfer.confidence,
        "search_text": " ".join(filter(None, words)).lower(),
        "transfer": transfer,
    }


class _FactsBuilder:
    """ClaimFacts from stored claim rows; parties and origins repeat, so each is built once."""

    def __init__(self) -> None:
        self._parties: dict[tuple[Any, ...], Party] = {}
        self._origins: dict[tuple[Any, ...], Origin] = {}

    def _party(self, name: str | None, code_kind: list[Any] | None) -> Party | None:
        if code_kind is None or name is None:
            return None
        key = (name, code_kind[0], code_kind[1])
        party = self._parties.get(key)
        if party is None:
            party = self._parties[key] = Party(name=name, code=key[1], kind=key[2])
        return party

    def _origin(self, name: str | None, country_kind: list[Any] | None) -> Origin | None:
        if country_kind is None or name is None:
            return None
        key = (name, country_kind[0], country_kind[1])
        origin = self._origins.get(key)
        if origin is None:
            origin = self._origins[key] = Origin(name=name, country=key[1], kind=key[2])
        return origin

    def facts(self, row: Sequence[Any]) -> ClaimFacts:
        """ClaimFacts from a row in FACT_COLUMNS order."""
        (
            claim_id,
            doc_id,
            supplier_name,
            recipient_name,
            status,
            certainty,
            deal,
            reported_date,
            event_start,
            event_end,
            origin_name,
            confidence,
            detail_text,
        ) = row
        detail = _loads(detail_text)
        get = detail.get
        return ClaimFacts(
            claim_id=claim_id,
            doc_id=doc_id,
            supplier=self._party(supplier_name, get("supplier")),
            recipient=self._party(recipient_name, get("recipient")),
            items=tuple(
                (category, label, designation, _quantity_from(quantity))
                for category, label, designation, quantity in detail["items"]
            ),
            status=status,
            certainty=certainty,
            deal=deal,
            event_start=event_start,
            event_end=event_end,
            reported_date=reported_date,
            origin=self._origin(origin_name, get("origin")),
            confidence=float(confidence),
        )


def _signature(text: str) -> bytes | None:
    """The document's MinHash signature as bytes (None for text too short to shingle)."""
    from armswatch.ingest.dedup import minhash_signature, signature_to_bytes

    if not text.strip():
        return None
    return signature_to_bytes(minhash_signature(text))


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
    """LSH buckets: each band's values mixed into one signed 64-bit integer (a weighted sum with
    constants that differ per band and row, modulo 2**64). Documents sharing any bucket are
    near-duplicate candidates, then verified on the whole signature. A signature that does not
    split into whole 64-bit values per band (none that armswatch.ingest.dedup makes) has none."""
    import numpy as np

    width, rest = divmod(len(signature) // 8, LSH_BANDS)
    if width == 0 or rest or len(signature) % 8:
        return []
    multipliers = _MULTIPLIERS.get(width)
    if multipliers is None:
        multipliers = _MULTIPLIERS[width] = _band_multipliers(width)
    values = np.frombuffer(signature, dtype="<u8").reshape(LSH_BANDS, width)
    # unsigned array arithmetic wraps modulo 2**64 without a warning
    mixed = (values * multipliers).sum(axis=1, dtype=np.uint64)
    return list(mixed.view(np.int64).tolist())


def _buckets_by_document(signatures: Sequence[tuple[str, bytes | None]]) -> dict[str, list[int]]:
    """_buckets of many documents' signatures (doc_id -> buckets), those of the usual length in
    one array operation; documents without a signature have none."""
    import numpy as np

    found: dict[str, list[int]] = {}
    by_length: dict[int, list[tuple[str, bytes]]] = {}
    for doc_id, signature in signatures:
        if signature:
            by_length.setdefault(len(signature), []).append((doc_id, signature))
    for length, group in by_length.items():
        width, rest = divmod(length // 8, LSH_BANDS)
        if width == 0 or rest or length % 8:
            continue
        multipliers = _MULTIPLIERS.get(width)
        if multipliers is None:
            multipliers = _MULTIPLIERS[width] = _band_multipliers(width)
        values = np.frombuffer(b"".join(signature for _, signature in group), dtype="<u8")
        mixed = (values.reshape(len(group), LSH_BANDS, width) * multipliers).sum(
            axis=2, dtype=np.uint64
        )
        for (doc_id, _), buckets in zip(group, mixed.view(np.int64).tolist(), strict=True):
            found[doc_id] = buckets
    return found


Pair = tuple[Any, ...]


class _CachedPair:
    """A pair's claims added by this process, derived for fusion as they were added; the claims
    of copies (documents with duplicate_of) wait as ClaimFacts, derived by the refresh."""

    __slots__ = ("derived", "copies")

    def __init__(self) -> None:
        self.derived: list[Derived] = []
        self.copies: list[ClaimFacts] = []

    def __len__(self) -> int:
        return len(self.derived) + len(self.copies)

    def extend(self, other: _CachedPair) -> None:
        self.derived.extend(other.derived)
        self.copies.extend(other.copies)


@dataclass
class _Learned:
    """What one committed add_many teaches the fusion cache."""

    facts: dict[Pair, _CachedPair] = field(default_factory=dict)
    # the copies among the new documents (the refresh needs them to derive their claims)
    documents: dict[str, Document] = field(default_factory=dict)
    # Pairs that had no stored claim before the transaction: all their claims are in `facts`.
    new_pairs: set[Pair] = field(default_factory=set)


class _FusionCache:
    """Claims this process added to supplier-recipient pairs that had none before, kept derived
    for fusion (see FusionContext.derive) with what fusion reads of them, so the next refresh
    fuses those pairs without reading the claims back and decoding their JSON. Holds at most
    CACHED_CLAIMS claims (beyond that, those pairs are read back as before) and is emptied by
    every refresh."""

    def __init__(self) -> None:
        self.facts: dict[Pair, _CachedPair] = {}
        self.documents: dict[str, Document] = {}
        # Pairs this process has seen with claims it does not hold: a refresh reads them.
        self.read_back: set[Pair] = set()
        self.size = 0
        self._lock = threading.Lock()

    def unknown(self, pair: Pair) -> bool:
        return pair not in self.facts and pair not in self.read_back

    def learn(self, learned: _Learned) -> None:
        with self._lock:
            for pair, facts in learned.facts.items():
                cached = self.facts.get(pair)
                if cached is not None:
                    cached.extend(facts)
                elif pair in learned.new_pairs and pair not in self.read_back:
                    self.facts[pair] = facts
                else:
                    self.read_back.add(pair)
                    continue
                self.size += len(facts)
                for fact in facts.copies:
                    self.documents[fact.doc_id] = learned.documents[fact.doc_id]
            if self.size > CACHED_CLAIMS:
                self.read_back.update(self.facts)
                self.facts.clear()
                self.documents.clear()
                self.size = 0

    def clear(self) -> None:
        with self._lock:
            self.facts.clear()
            self.documents.clear()
            self.read_back.clear()
            self.size = 0


def _by_pair(claims: list[ClaimFacts]) -> dict[Pair, list[ClaimFacts]]:
    """Claims grouped by (supplier key, recipient key)."""
    found: dict[Pair, list[ClaimFacts]] = {}
    for claim in claims:
        found.setdefault((party_key(claim.supplier), party_key(claim.recipient)), []).append(claim)
    return found


class _Candidate(NamedTuple):
    """A stored (or earlier in the batch) document that shares an LSH bucket with a new one."""

    doc_id: str
    signature: bytes | None
    duplicate_of: str | None
    added_at: Any


def _near_duplicate(signature: bytes, candidates: list[_Candidate]) -> str | None:
    """The earliest candidate this signature nearly duplicates (its chain's root), if any."""
    from armswatch.ingest.dedup import DEFAULT_THRESHOLD

    unique = {candidate.doc_id: candidate for candidate in candidates if candidate.signature}
    matches = [
        candidate
        for candidate in unique.values()
        if candidate.signature and _similarity(signature, candidate.signature) >= DEFAULT_THRESHOLD
    ]
    if not matches:
        return None
    earliest = min(matches, key=lambda c: (_as_utc(c.added_at), c.doc_id))
    return earliest.duplicate_of or earliest.doc_id


def _as_utc(moment: Any) -> datetime:
    """Timestamps as aware UTC datetimes (SQLite hands them back naive)."""
    if not isinstance(moment, datetime):
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity: the share of MinHash values two signatures have in common."""
    from armswatch.ingest.dedup import signature_from_bytes

    a, b = signature_from_bytes(first), signature_from_bytes(second)
    if len(a) == 0 or len(a) != len(b):
        return 0.0
    return float((a == b).mean())


def _reason(exc: BaseException) -> str:
    """The first line of a database error, without SQLAlchemy's boilerplate."""
    original = getattr(exc, "orig", None)
    return str(original or exc).strip().splitlines()[0]


def _create_engine(url: str) -> Engine:
    try:
        # JSON columns are written and read with orjson (the same JSON, several times faster).
        codec: dict[str, Any] = {"json_serializer": _json_text, "json_deserializer": orjson.loads}
        if url.startswith("sqlite"):
            engine = create_engine(
                url,
                connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
                **codec,
            )
            _configure_sqlite(engine)
            return engine
        return create_engine(url, pool_pre_ping=True, **codec)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"{url}: cannot open the database: {exc}") from exc


def _bind_none_directly() -> None:
    """Let sqlite3 bind None without searching for an adapter first.

    For a parameter that is not exactly int, float, str or bytearray, Python's sqlite3 looks up
    a registered adapter, then asks its protocol and the value to adapt it, and binds NULL only
    when none does: about 0.3 us for each None, and a claim's row often holds two to four. An
    adapter registered for None that gives None back ends that search at the first lookup. It is
    a function written in C (an empty dict's `get`, which answers None for any key), because
    calling a Python function would cost a frame for every NULL. It changes what nobody can see:
    None is still NULL, for every connection in the process."""
    if (type(None), sqlite3.PrepareProtocol) not in sqlite3.adapters:
        sqlite3.register_adapter(type(None), _NONE)


# None for None, without a Python frame (see _bind_none_directly).
_NONE: Any = {}.get


def _configure_sqlite(engine: Engine) -> None:
    _bind_none_directly()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # armswatch issues BEGIN itself, so writers can take the lock up front (IMMEDIATE).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # Before anything is written: it only applies to a database that has no tables yet.
        cursor.execute(f"PRAGMA page_size={PAGE_BYTES}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
        # Sorting for index builds and large IN lists stays off the disk.
        cursor.execute("PRAGMA temp_store=MEMORY")
        # Writes touch index pages all over the file; a bounded cache larger than SQLite's 2 MB
        # default keeps them between transactions, whatever the size of the store.
        cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        # Checkpoint every 64 MiB of WAL rather than SQLite's 4 MiB: index pages rewritten by
        # several bulk transactions are copied into the database once, not once per transaction.
        page_bytes = cursor.execute("PRAGMA page_size").fetchone()[0]
        cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_BYTES // page_bytes}")
        cursor.execute(f"PRAGMA journal_size_limit={WAL_CHECKPOINT_BYTES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        options = connection.get_execution_options()
        # Foreign keys can be switched only outside a transaction: here, before BEGIN, and only
        # when the transaction wants another setting than the connection's last one.
        foreign_keys = bool(options.get("sqlite_foreign_keys", True))
        state = connection.connection.info
        if state.get("foreign_keys", True) != foreign_keys:
            connection.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
            state["foreign_keys"] = foreign_keys
        mode = options.get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")
