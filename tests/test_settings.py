"""Settings: shipped defaults, then SITREP_CONFIG, then the environment; errors all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from digests.errors import ConfigError
from digests.settings import SHIPPED_CONFIG, load_settings

TOKEN = "123456:ABC-secret-token-value"


def test_shipped_defaults_load_with_real_outlets_and_sqlite_under_data_dir(tmp_path: Path) -> None:
    settings = load_settings(environ={}, cwd=tmp_path)
    assert settings.resolved_database_url() == f"sqlite:///{tmp_path / 'data' / 'sitrep.db'}"
    names = {f.name for f in settings.feeds}
    assert {
        "Al Jazeera English",
        "BBC News Middle East",
        "Syrian Observatory for Human Rights",
    } <= (names)
    assert not settings.telegram.enabled
    assert settings.region.admin1 == ("Idleb", "Aleppo")


def test_config_file_overrides_defaults_and_environment_overrides_both(tmp_path: Path) -> None:
    config = tmp_path / "mine.toml"
    config.write_text(
        'database_url = "sqlite:///from-file.db"\n'
        "[ingest]\nmax_per_host = 2\n"
        '[[feeds]]\nname = "Only"\nurl = "https://example.org/rss"\n'
    )
    settings = load_settings(
        environ={
            "SITREP_CONFIG": str(config),
            "SITREP_DATABASE_URL": "postgresql://u@db/sitrep",
            "SITREP_ADMIN_IDS": "11, 22",
            "TELEGRAM_BOT_TOKEN": TOKEN,
        },
        cwd=tmp_path,
    )
    assert settings.ingest.max_per_host == 2
    assert settings.ingest.max_concurrency == 20  # untouched keys keep the shipped default
    assert [f.name for f in settings.feeds] == ["Only"]  # a feed list replaces, not appends
    assert settings.resolved_database_url() == "postgresql+psycopg://u@db/sitrep"
    assert settings.telegram.admin_ids == (11, 22)
    assert settings.telegram.enabled


def test_every_invalid_setting_is_reported_at_once_with_its_file_and_key(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(
        'log_level = "LOUD"\n[ingest]\nmax_per_host = 0\nunknown_key = 1\n'
        '[[feeds]]\nname = "x"\nurl = "ftp://nope"\n'
    )
    with pytest.raises(ConfigError) as caught:
        load_settings(
            environ={"SITREP_CONFIG": str(config), "SITREP_ADMIN_IDS": "alice"}, cwd=tmp_path
        )
    problems = caught.value.problems
    text = "\n".join(problems)
    assert len(problems) == 5, text
    for key in ("log_level", "ingest.max_per_host", "ingest.unknown_key", "feeds.0.url"):
        assert f"{config}: {key}:" in text
    assert "environment variable SITREP_ADMIN_IDS" in text


def test_a_bad_token_is_rejected_without_echoing_it(tmp_path: Path) -> None:
    secret = "no colon but secret words"
    with pytest.raises(ConfigError) as caught:
        load_settings(environ={"TELEGRAM_BOT_TOKEN": secret}, cwd=tmp_path)
    message = str(caught.value)
    assert "environment variable TELEGRAM_BOT_TOKEN: telegram.token" in message
    assert secret not in message


def test_the_token_never_shows_in_repr_or_dumps(tmp_path: Path) -> None:
    settings = load_settings(environ={"TELEGRAM_BOT_TOKEN": TOKEN}, cwd=tmp_path)
    assert TOKEN not in repr(settings)
    assert TOKEN not in str(settings.model_dump())
    assert settings.telegram.token.get_secret_value() == TOKEN


def test_unreadable_or_missing_config_files_are_named(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("this is = = not toml")
    with pytest.raises(ConfigError, match=r"broken\.toml: not valid TOML"):
        load_settings(environ={"SITREP_CONFIG": str(broken)}, cwd=tmp_path)
    with pytest.raises(ConfigError, match="SITREP_CONFIG: no such file"):
        load_settings(environ={"SITREP_CONFIG": str(tmp_path / "absent.toml")}, cwd=tmp_path)


def test_the_shipped_configuration_is_the_one_in_the_repository() -> None:
    assert SHIPPED_CONFIG.name == "sitrep.toml"
    assert SHIPPED_CONFIG.parent.name == "config"
    assert SHIPPED_CONFIG.is_file()
