"""Alembic environment: armswatch passes its open connection in `config.attributes`."""

from __future__ import annotations

from alembic import context

from armswatch.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("armswatch migrations run through `armswatch db upgrade`, not bare alembic")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
