"""Typed settings: shipped defaults, then the SITREP_CONFIG file, then environment variables.

Every invalid setting is reported at once, naming the file (or variable) and key it came from.
The Telegram token is a ``SecretStr``: it never appears in a repr, a log line or an error.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
)

from digests.errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parent.parent
SHIPPED_CONFIG = REPO_ROOT / "config" / "sitrep.toml"
DEFAULT_TELEGRAM_API = "https://api.telegram.org/bot"

# Environment variable -> dotted settings key.
ENV_KEYS: dict[str, str] = {
    "SITREP_DATABASE_URL": "database_url",
    "TELEGRAM_BOT_TOKEN": "telegram.token",
    "TELEGRAM_API_BASE_URL": "telegram.api_base_url",
    "SITREP_ADMIN_IDS": "telegram.admin_ids",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TelegramSettings(_Strict):
    token: SecretStr = SecretStr("")
    api_base_url: str = DEFAULT_TELEGRAM_API
    admin_ids: tuple[int, ...] = ()

    @field_validator("api_base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        secret = value.get_secret_value()
        if secret and (":" not in secret or any(c.isspace() for c in secret)):
            # Never echo the value: say only what is wrong with it.
            raise ValueError("does not look like a bot token (expected digits:letters)")
        return value

    @property
    def enabled(self) -> bool:
        return bool(self.token.get_secret_value())


class RegionSettings(_Strict):
    name: str = "North-west Syria"
    admin1: tuple[str, ...] = ()


class IngestSettings(_Strict):
    default_interval_minutes: float = Field(30, gt=0, le=7 * 24 * 60)
    disable_after_failures: int = Field(20, ge=1)
    connect_timeout_seconds: float = Field(10, gt=0, le=300)
    read_timeout_seconds: float = Field(30, gt=0, le=600)
    max_response_megabytes: float = Field(10, gt=0, le=200)
    max_concurrency: int = Field(20, ge=1, le=500)
    max_per_host: int = Field(4, ge=1, le=100)
    page_retry_minutes: float = Field(60, gt=0)
    page_max_attempts: int = Field(5, ge=1)
    # Processes that extract article text from pages (CPU work); None: one per core,
    # 0: in a thread of the main process.
    page_workers: int | None = Field(None, ge=0, le=64)


class FeedSettings(_Strict):
    name: str = Field(min_length=1)
    url: str
    interval_minutes: float | None = Field(None, gt=0, le=7 * 24 * 60)
    language: str | None = None
    region: str | None = None

    @field_validator("url")
    @classmethod
    def _feed_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://", "file://")):
            raise ValueError("must be an http(s) URL")
        return value


class Settings(_Strict):
    database_url: str = ""
    data_dir: Path = Path("data")
    log_level: str = "INFO"
    telegram: TelegramSettings = TelegramSettings()
    region: RegionSettings = RegionSettings()
    ingest: IngestSettings = IngestSettings()
    feeds: tuple[FeedSettings, ...] = ()

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR")
        return level

    @field_validator("database_url")
    @classmethod
    def _db_url(cls, value: str) -> str:
        if value and "://" not in value:
            raise ValueError("must be a URL such as sqlite:///path or postgresql+psycopg://host/db")
        return value

    def resolved_database_url(self) -> str:
        """The database URL, defaulting to an SQLite file under ``data_dir``."""
        if self.database_url:
            url = self.database_url
            # Accept the plain postgresql:// form users copy from elsewhere; we speak psycopg 3.
            if url.startswith(("postgresql://", "postgres://")):
                url = "postgresql+psycopg://" + url.split("://", 1)[1]
            return url
        return f"sqlite:///{(self.data_dir / 'sitrep.db').as_posix()}"


def load_settings(
    *,
    environ: Mapping[str, str],
    shipped: Path = SHIPPED_CONFIG,
    cwd: Path | None = None,
) -> Settings:
    """Build settings from the shipped TOML, the SITREP_CONFIG file and ``environ``.

    Raises ``ConfigError`` listing every problem, each with the file or variable it came from.
    """
    problems: list[str] = []
    merged: dict[str, Any] = {}
    origin: dict[str, str] = {}

    def overlay(data: Mapping[str, Any], where: str, prefix: str = "") -> None:
        for key, value in data.items():
            dotted = f"{prefix}{key}"
            if isinstance(value, Mapping) and key != "feeds":
                overlay(value, where, dotted + ".")
                continue
            _set_dotted(merged, dotted, value)
            origin[dotted] = where

    for path in _config_files(shipped, environ, cwd, problems):
        data = _read_toml(path, problems)
        if data is not None:
            overlay(data, str(path))

    for var, dotted in ENV_KEYS.items():
        if var in environ:
            value: Any = environ[var]
            if dotted == "telegram.admin_ids":
                value = _parse_admin_ids(value, var, problems)
                if value is None:
                    continue
            _set_dotted(merged, dotted, value)
            origin[dotted] = f"environment variable {var}"

    settings: Settings | None = None
    try:
        settings = Settings.model_validate(merged)
    except ValidationError as e:
        for err in e.errors():
            loc = ".".join(str(p) for p in err["loc"])
            problems.append(f"{_where(loc, origin)}: {loc}: {err['msg']}")
    if problems or settings is None:
        raise ConfigError(problems)
    base = cwd or Path.cwd()
    if not settings.data_dir.is_absolute():
        settings = settings.model_copy(update={"data_dir": base / settings.data_dir})
    return settings


def _config_files(
    shipped: Path, environ: Mapping[str, str], cwd: Path | None, problems: list[str]
) -> list[Path]:
    files = [shipped] if shipped.exists() else []
    user = environ.get("SITREP_CONFIG")
    if user:
        path = Path(user)
        if not path.is_absolute() and cwd is not None:
            path = cwd / path
        if path.is_file():
            files.append(path)
        else:
            problems.append(f"environment variable SITREP_CONFIG: no such file: {path}")
    return files


def _read_toml(path: Path, problems: list[str]) -> dict[str, Any] | None:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as e:
        problems.append(f"{path}: not valid TOML: {e}")
    except OSError as e:
        problems.append(f"{path}: cannot be read: {e.strerror}")
    return None


def _parse_admin_ids(raw: str, var: str, problems: list[str]) -> list[int] | None:
    raw = raw.strip()
    if not raw:
        return []
    try:
        parsed = json.loads(raw) if raw.startswith("[") else raw.replace(";", ",").split(",")
        return [int(str(item).strip()) for item in parsed if str(item).strip()]
    except (ValueError, TypeError):
        problems.append(
            f"environment variable {var}: telegram.admin_ids: "
            "must be Telegram user ids separated by commas"
        )
        return None


def _set_dotted(target: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    node = target
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value


def _where(loc: str, origin: Mapping[str, str]) -> str:
    """The file or variable that set ``loc`` or its nearest parent key."""
    parts = loc.split(".")
    while parts:
        key = ".".join(parts)
        if key in origin:
            return origin[key]
        parts.pop()
    return "defaults"
