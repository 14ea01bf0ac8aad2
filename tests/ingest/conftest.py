"""Helpers for ingestion tests that read the shared real material (feeds and pages).

The ``site`` fixture (a live local server) comes from tests/conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def shared_files(folder: str, pattern: str) -> list[Path]:
    """Files under ../shared/data/``folder`` for parametrising; empty where it is absent."""
    path = SHARED / "data" / folder
    return sorted(path.glob(pattern)) if path.is_dir() else []


def skip_without_shared() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (only on the team's machines)")
