"""The ``sitrep`` command line, run in-process as a user would type it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.pipeline.builders import MARKET, Item, page, rss
from tests.support.site import LocalSite


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty feed list and a database of our own, whatever the machine's environment."""
    config = tmp_path / "test.toml"
    config.write_text("feeds = []\n")
    monkeypatch.setenv("SITREP_CONFIG", str(config))
    monkeypatch.setenv("SITREP_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    for name in ("TELEGRAM_BOT_TOKEN", "SITREP_ADMIN_IDS"):
        monkeypatch.delenv(name, raising=False)
    return config


def _outlet(site: LocalSite) -> str:
    site.add("/a.html", page("Market strike", MARKET), content_type="text/html")
    return site.add(
        "/feed.xml",
        rss([Item("Market strike", site.url("/a.html"), "g1", "Warplanes struck.")]),
        etag='"1"',
    )


def test_ingest_prints_a_summary_and_articles_json_has_the_promised_fields(
    site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = _outlet(site)
    assert main(["ingest", "--feed", feed]) == 0
    assert "feeds polled 1, not modified 0, new articles 1, revisions 0, failed 0" in (
        capsys.readouterr().out
    )
    assert main(["ingest", "--feed", feed]) == 0
    assert "not modified 1, new articles 0" in capsys.readouterr().out

    assert main(["articles", "--json"]) == 0
    (article,) = json.loads(capsys.readouterr().out)
    assert {"id", "url", "title", "outlet", "published", "text", "revisions"} <= set(article)
    assert article["url"] == site.url("/a.html")
    assert "killing at least nine people" in article["text"]
    assert [r["revision"] for r in article["revisions"]] == [1]


def test_ingest_reports_failed_feeds_and_still_exits_zero(
    site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = site.add("/missing.xml", b"no", status=404)
    assert main(["ingest", "--feed", missing, "--feed", _outlet(site)]) == 0
    out = capsys.readouterr().out
    assert "failed 1" in out and "HTTP 404" in out


def test_articles_since_filters_and_reads_periods(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["articles", "--since", "7d"]) == 0
    assert "no articles stored yet" in capsys.readouterr().out
    assert main(["articles", "--since", "last tuesday"]) == 1
    assert "cannot read 'last tuesday' as a period" in capsys.readouterr().err


def test_feeds_can_be_added_listed_exported_imported_and_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["feeds", "add", "https://example.org/rss", "--name", "Example"]) == 0
    assert main(["feeds", "list"]) == 0
    assert "Example" in capsys.readouterr().out
    opml = tmp_path / "out.opml"
    assert main(["feeds", "export-opml", "--out", str(opml)]) == 0
    assert main(["feeds", "remove", "https://example.org/rss"]) == 0
    assert main(["feeds", "import-opml", str(opml)]) == 0
    assert "imported 1 feeds" in capsys.readouterr().out
    assert main(["feeds", "list", "--json"]) == 0
    (feed,) = json.loads(capsys.readouterr().out)
    assert (feed["url"], feed["name"], feed["enabled"]) == (
        "https://example.org/rss",
        "Example",
        True,
    )


def test_bad_feed_input_gets_a_clear_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["feeds", "add", "ftp://example.org/rss"]) == 1
    assert "not an http(s) URL" in capsys.readouterr().err
    assert main(["feeds", "remove", "https://never.example/rss"]) == 1
    assert "no feed with URL" in capsys.readouterr().err
    bomb = tmp_path / "bomb.opml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        ']><opml><body><outline xmlUrl="&c;"/></body></opml>'
    )
    assert main(["feeds", "import-opml", str(bomb)]) == 1
    assert "not valid OPML" in capsys.readouterr().err
    assert main(["feeds", "import-opml", str(tmp_path / "absent.opml")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_invalid_configuration_is_reported_whole_and_exits_one(
    environment: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    environment.write_text('log_level = "LOUD"\n[ingest]\nmax_per_host = -1\n')
    assert main(["feeds", "list"]) == 1
    err = capsys.readouterr().err
    assert "invalid configuration" in err
    assert "log_level" in err and "ingest.max_per_host" in err
    assert "Traceback" not in err


def test_db_upgrade_and_current_report_the_schema_revision(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["db", "upgrade"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["db", "current"]) == 0
    assert "schema revision" in capsys.readouterr().out
