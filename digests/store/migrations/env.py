"""Alembic environment: runs migrations on the engine handed over by ``digests.store.migrate``."""

from alembic import context

from digests.store.schema import Base

engine = context.config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
