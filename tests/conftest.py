"""Shared fixtures: stores on every backend, a controllable clock, settings, a local web site."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

from digests.settings import Settings, load_settings
from digests.store import Store
from tests.support.site import LocalSite

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
POSTGRES_URL = os.environ.get("SITREP_TEST_POSTGRES_URL", "")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test where that folder is absent (a user's clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only on the team's machines)")
    return path


class FakeClock:
    """A clock tests move by hand; always UTC-aware."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2024, 11, 29, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _postgres_schema_url() -> Iterator[str]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database on each backend (PostgreSQL when SITREP_TEST_POSTGRES_URL is set)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'sitrep.db'}"
        return
    if not POSTGRES_URL:
        pytest.skip("SITREP_TEST_POSTGRES_URL is not set")
    yield from _postgres_schema_url()


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store.open(database_url)
    yield opened
    opened.close()


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    """Build settings as the CLI does, with an explicit environment and a temporary data dir."""

    def build(environ: dict[str, str] | None = None, **toml: str) -> Settings:
        env = {"SITREP_DATABASE_URL": f"sqlite:///{tmp_path / 'sitrep.db'}"}
        env.update(environ or {})
        if toml:
            config = tmp_path / "sitrep-test.toml"
            config.write_text("\n".join(toml.values()))
            env["SITREP_CONFIG"] = str(config)
        return load_settings(environ=env, cwd=tmp_path)

    return build


@pytest.fixture
def site() -> Iterator[LocalSite]:
    with LocalSite() as local:
        yield local
