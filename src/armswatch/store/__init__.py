"""The register's store: SQLite by default, PostgreSQL by URL; migrations ship in migrations/."""

from armswatch.errors import StoreError
from armswatch.store.core import Store, resolve_url

__all__ = ["Store", "StoreError", "resolve_url", "upgrade_database"]


def upgrade_database(url: str | None = None) -> tuple[str | None, str]:
    """Upgrade the schema of the database at `url`; returns (revision before, revision after)."""
    from armswatch.store import migrate
    from armswatch.store.core import _create_engine

    engine = _create_engine(resolve_url(url))
    try:
        return migrate.upgrade(engine)
    finally:
        engine.dispose()
