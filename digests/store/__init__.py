"""Storage: SQLAlchemy models, Alembic migrations and the ``Store`` that owns all SQL."""

from digests.store.store import Store, make_engine

__all__ = ["Store", "make_engine"]
