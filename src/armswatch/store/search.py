"""The `--text` index: an FTS5 trigram table on SQLite, a pg_trgm index on PostgreSQL.

Both serve the same question as the plain `search_text LIKE '%word%'` they replace: which
transfers' search text contains this substring. The index only narrows the candidates; the LIKE
is still applied to them, so results are identical with or without it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

# SQLite: rowid = the transfer id read as hex, so stale entries are deleted by rowid lookups.
SEARCH_TABLE = "transfer_search"
# Trigrams: the index answers substrings of three characters or more; shorter ones scan.
MIN_INDEXED_LENGTH = 3
# No positions (detail=none) and no column sizes: a third cheaper to write than a full index. A
# substring then matches every one of its trigrams rather than the phrase, which proposes a few
# more candidates; the LIKE applied to them decides, as before.
SQLITE_OPTIONS = "tokenize='trigram case_sensitive 1', detail=none, columnsize=0"
PG_INDEX = "ix_transfers_search_trgm"


def search_rowid(transfer_id: str) -> int:
    """A stable 63-bit integer for a transfer id (its value when it is up to 15 hex digits)."""
    if len(transfer_id) <= 15:
        try:
            return int(transfer_id, 16)
        except ValueError:
            pass
    # Other ids: a hash, offset past every 15-hex-digit value so the two kinds never collide.
    digest = int(hashlib.sha1(transfer_id.encode("utf-8")).hexdigest()[:15], 16)
    return (1 << 60) + digest % ((1 << 63) - (1 << 60))


def ensure_index(engine: Engine) -> bool:
    """Create the index if missing (filling it from the stored transfers); True if usable."""
    dialect = engine.dialect.name
    if dialect == "sqlite":
        with engine.connect() as connection:
            if _sqlite_table_options(connection) == SQLITE_OPTIONS:
                return True
        writer = engine.connect().execution_options(sqlite_begin="IMMEDIATE")
        with writer as connection, connection.begin():
            options = _sqlite_table_options(connection)
            if options != SQLITE_OPTIONS:
                # A store from an earlier armswatch: its index is rebuilt with today's options.
                if options is not None:
                    connection.exec_driver_sql(f"DROP TABLE {SEARCH_TABLE}")
                connection.exec_driver_sql(
                    f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5("
                    f"transfer_id UNINDEXED, search_text, {SQLITE_OPTIONS})"
                )
                rows = connection.exec_driver_sql(
                    "SELECT transfer_id, search_text FROM transfers"
                ).all()
                add_sqlite(connection, [(row[0], row[1]) for row in rows])
        return True
    if dialect == "postgresql":
        return _ensure_pg_index(engine)
    return False


def _sqlite_table_options(connection: Connection) -> str | None:
    """The options the index was created with ('' for an index without any), None without one."""
    found = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE name = ?", (SEARCH_TABLE,)
    ).first()
    if found is None:
        return None
    definition = str(found[0])
    marker = "search_text, "
    return definition[definition.find(marker) + len(marker) : -1] if marker in definition else ""


def _ensure_pg_index(engine: Engine) -> bool:
    """A GIN trigram index serves LIKE '%word%'; without the pg_trgm extension, LIKE scans."""
    try:
        with engine.begin() as connection:
            if connection.execute(
                text("SELECT 1 FROM pg_indexes WHERE indexname = :name"), {"name": PG_INDEX}
            ).first():
                return True
            if not connection.execute(
                text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
            ).first():
                return False
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            connection.execute(
                text(
                    f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON transfers "
                    "USING gin (search_text gin_trgm_ops)"
                )
            )
        return True
    except SQLAlchemyError:
        # No right to create the extension: queries still work, by scanning.
        return False


def add_sqlite(connection: Connection, rows: Sequence[tuple[str, str]]) -> None:
    """Index (transfer_id, search_text) rows of transfers just written (stale ones removed first);
    as for the transfers table, the first row of an id wins."""
    unique = {
        search_rowid(transfer_id): (transfer_id, words) for transfer_id, words in reversed(rows)
    }
    if unique:
        # In rowid order: FTS5 writes its pending terms out as a new segment whenever a rowid is
        # lower than the one before, so random order would write (and merge) one per row.
        connection.exec_driver_sql(
            f"INSERT INTO {SEARCH_TABLE} (rowid, transfer_id, search_text) VALUES (?, ?, ?)",
            [(rowid, *unique[rowid]) for rowid in sorted(unique)],
        )


def remove_sqlite(connection: Connection, transfer_ids: Sequence[str]) -> None:
    if transfer_ids:
        # In rowid order, as for inserts: deletions go through the same pending terms.
        connection.exec_driver_sql(
            f"DELETE FROM {SEARCH_TABLE} WHERE rowid = ?",
            [(rowid,) for rowid in sorted({search_rowid(t) for t in transfer_ids})],
        )


def match_expression(words: str) -> str | None:
    """The FTS5 query for a substring (every trigram of it), or None when it is too short to index."""
    if len(words) < MIN_INDEXED_LENGTH:
        return None
    trigrams = dict.fromkeys(words[i : i + 3] for i in range(len(words) - 2))
    return " AND ".join('"' + trigram.replace('"', '""') + '"' for trigram in trigrams)


def candidates(connection: Connection, phrase: str, limit: int) -> list[str]:
    """Up to `limit` transfer ids whose search text contains the phrase (SQLite)."""
    rows = connection.exec_driver_sql(
        f"SELECT transfer_id FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ? LIMIT ?",
        (phrase, limit),
    )
    return [row[0] for row in rows]
