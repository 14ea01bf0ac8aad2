"""Quiet, structured log lines: an event name and key=value context (STYLE.md 12)."""

from __future__ import annotations

import logging
from typing import Any


def _value(value: Any) -> str:
    text = str(value)
    if not text or any(c.isspace() for c in text) or '"' in text or "=" in text:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'
    return text


def format_event(event: str, **context: Any) -> str:
    """``event key=value ...``; None values are left out."""
    parts = [event]
    parts.extend(f"{key}={_value(value)}" for key, value in context.items() if value is not None)
    return " ".join(parts)


def log_event(logger: logging.Logger, level: int, event: str, **context: Any) -> None:
    if logger.isEnabledFor(level):
        logger.log(level, format_event(event, **context))


def configure_logging(level: str = "INFO") -> None:
    """One handler on stderr; the libraries we use stay at WARNING unless we debug."""
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)-7s %(name)s %(message)s",
        datefmt="%Y-%m-%dT%H:%M:%S",
        force=True,
    )
    noisy_libraries = (
        "httpx",
        "httpcore",
        "apscheduler",
        "trafilatura",
        "htmldate",
        "courlan",
        "charset_normalizer",
        "telegram",
        "alembic",
        "matplotlib",
    )
    for noisy in noisy_libraries:
        logging.getLogger(noisy).setLevel(logging.DEBUG if level == "DEBUG" else logging.WARNING)
