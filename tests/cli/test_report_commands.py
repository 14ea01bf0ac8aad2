"""``sitrep events``, ``digest`` and ``chart`` read the store's events as a person asks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.cli import main
from tests.cli.test_cli import environment  # noqa: F401  (the same isolated environment)
from tests.pipeline.builders import Item, rss
from tests.pipeline.test_analysis import ARIHA_SOHR, ARIHA_WHITE_HELMETS, RAQQA
from tests.support.site import LocalSite

ALLOWED_TAGS = {"b", "i", "u", "s", "a", "code", "pre", "blockquote"}


@pytest.fixture
def ingested(site: LocalSite, capsys: pytest.CaptureFixture[str]) -> None:
    items = [
        Item(t.split(". ", 1)[0], None, f"g{i}", t, pub_date="Thu, 21 Oct 2021 12:00:00 GMT")
        for i, t in enumerate((ARIHA_SOHR, RAQQA))
    ]
    other = Item("Ariha school", None, "w1", ARIHA_WHITE_HELMETS, "Thu, 21 Oct 2021 13:00:00 GMT")
    assert (
        main(
            [
                "ingest",
                "--feed",
                site.add("/a.xml", rss(items)),
                "--feed",
                site.add("/b.xml", rss([other])),
            ]
        )
        == 0
    )
    assert "articles read 3" in capsys.readouterr().out


def test_events_json_has_the_shape_other_tools_rely_on(
    ingested: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["events", "--since", "2021-10-01", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    raqqa = next(e for e in events if e["place"]["name"] == "Raqqa")
    assert set(raqqa["place"]) >= {"name", "admin1", "lat", "lon"}
    assert raqqa["date"] == "2021-10-21"
    assert raqqa["headline"]["killed"] == {"low": 3, "high": 3}
    assert "injured" not in raqqa["headline"]  # a kind with no figure is absent
    (figure,) = raqqa["figures"]
    assert {"kind", "group", "low", "high", "reports"} <= set(figure)
    assert {"count", "source", "outlet", "url"} <= set(figure["reports"][0])
    assert {"url", "outlet", "title"} <= set(raqqa["articles"][0])


def test_events_can_be_filtered_by_governorate_and_unknown_places_are_named(
    ingested: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["events", "--since", "2021-10-01", "--place", "Raqqa", "--json"]) == 0
    names = {e["place"]["name"] for e in json.loads(capsys.readouterr().out)}
    assert names == {"Raqqa"}
    assert main(["events", "--since", "2021-10-01", "--place", "Atlantis"]) == 1
    assert "no place called 'Atlantis'" in capsys.readouterr().err


def test_digest_prints_text_and_telegram_html_with_only_allowed_tags(
    ingested: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["digest", "--since", "2021-10-15"]) == 0
    text = capsys.readouterr().out
    assert "Raqqa" in text and "killed" in text
    assert not re.search(r"</?(b|i|u|s|a|code|pre|blockquote)[ >]", text)  # plain text
    assert main(["digest", "--since", "2021-10-15", "--format", "html"]) == 0
    html = capsys.readouterr().out
    tags = {t.lower() for t in re.findall(r"</?([a-zA-Z0-9]+)", html)}
    assert tags and tags <= ALLOWED_TAGS


def test_a_quiet_period_gets_a_calm_digest(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", "--since", "7d"]) == 0
    out = capsys.readouterr().out.lower()
    assert "no " in out and "killed" not in out.split("no ", 1)[0]


def test_chart_writes_a_png(
    ingested: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "trend.png"
    assert main(["chart", "--days", "30", "--out", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["chart", "--days", "0", "--out", str(out)]) == 2


def test_chart_ends_on_the_day_asked_for_and_refuses_a_bad_one(
    ingested: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "october.png"
    assert main(["chart", "--days", "30", "--until", "2021-10-31", "--out", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["chart", "--until", "31/10/2021", "--out", str(out)]) == 2
    assert "is not a date" in capsys.readouterr().err
