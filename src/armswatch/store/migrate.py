"""Schema versions: Alembic revisions shipped in the package, run on an open connection."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from armswatch.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The schema revision this version of armswatch expects."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:
        raise StoreError("armswatch ships no migrations; the installation is broken")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def is_empty(engine: Engine) -> bool:
    """True when the database holds no tables at all (a new database)."""
    return not inspect(engine).get_table_names()


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the schema to the head revision; returns (revision before, revision after)."""
    before = current_revision(engine)
    if before is None and not is_empty(engine):
        raise StoreError(
            f"{engine.url.render_as_string(hide_password=True)}: has tables but no armswatch "
            "schema version; it is not an armswatch database"
        )
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")
    return before, head_revision()


def check(engine: Engine, url_text: str) -> None:
    """Raise StoreError unless the database's schema is the one this code expects."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return
    if current is None:
        raise StoreError(f"{url_text}: has tables but is not an armswatch database")
    known = {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}
    if current in known:
        raise StoreError(
            f"{url_text}: the database schema ({current}) is older than this armswatch ({head}); "
            "run `armswatch db upgrade`"
        )
    raise StoreError(
        f"{url_text}: the database schema ({current}) is newer than this armswatch ({head}); "
        "upgrade armswatch"
    )
