"""A whole ingestion pass against a real local web site, into a real store."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import timedelta

import pytest

from digests.app import Sitrep, make_sitrep
from digests.settings import Settings
from digests.store import Store
from tests.conftest import FakeClock
from tests.pipeline.builders import CAMP, MARKET, Item, page, rss
from tests.support.site import UNKNOWN_HOST_URL, LocalSite


@pytest.fixture
def app(store: Store, clock: FakeClock, make_settings: Callable[..., Settings]) -> Sitrep:
    settings = make_settings(
        extra="[ingest]\nconnect_timeout_seconds = 2\nread_timeout_seconds = 2\n"
    )
    return make_sitrep(settings, _store=store, _clock=clock)


def _serve_outlet(site: LocalSite, *, feed_path: str = "/feed.xml", etag: bool = True) -> str:
    site.add("/news/market.html?utm_source=rss", b"")  # never asked for: tracking is stripped
    site.add("/news/market.html", page("Market strike", MARKET), content_type="text/html")
    site.add("/news/camp.html", page("Camp shelled", CAMP), content_type="text/html")
    feed = rss(
        [
            Item(
                "Strike on Jisr al-Shughur market",
                site.url("/news/market.html?utm_source=rss&utm_medium=feed"),
                "market-1",
                "Warplanes struck a market.",
            ),
            Item("Camp shelled near Kafr Jales", site.url("/news/camp.html"), "camp-1", "A camp."),
        ]
    )
    return site.add(
        feed_path, feed, content_type="application/rss+xml", etag='"v1"' if etag else None
    )


def _ingest(app: Sitrep, *urls: str):  # type: ignore[no-untyped-def]
    return asyncio.run(app.ingest(list(urls)))


def test_a_pass_stores_clean_full_text_once_and_the_next_pass_is_conditional(
    app: Sitrep, site: LocalSite
) -> None:
    feed_url = _serve_outlet(site)
    first = _ingest(app, feed_url)
    assert (first.new_articles, first.count("failed")) == (2, 0)

    articles = {a.title: a for a in app.store.articles()}
    market = articles["Strike on Jisr al-Shughur market"]
    assert market.url == site.url("/news/market.html")  # utm_* removed
    assert market.text_source == "page"
    assert "killing at least nine people" in market.text
    assert "Activists said ambulances" not in market.text  # sanity: text is the page's own
    for boilerplate in ("cookies", "Read more", "Related", "newsletter", "Back to top", "Sport"):
        assert boilerplate not in market.text
    assert market.published_at.isoformat() == "2024-11-29T06:00:00+00:00"
    assert market.outlet == app.store.feeds()[0].name

    second = _ingest(app, feed_url)
    assert site.last_headers["/feed.xml"].get("if-none-match") == '"v1"'
    assert (second.count("not_modified"), second.new_articles) == (1, 0)
    assert app.store.count_articles() == 2
    assert site.hits["/news/market.html"] == 1  # pages are not fetched again


def test_a_feed_without_validators_served_again_stores_nothing_new(
    app: Sitrep, site: LocalSite
) -> None:
    feed_url = _serve_outlet(site, etag=False)
    _ingest(app, feed_url)
    again = _ingest(app, feed_url)
    assert again.new_articles == 0 and again.revisions == 0
    assert app.store.count_articles() == 2


def test_the_same_article_in_two_feeds_is_stored_once(app: Sitrep, site: LocalSite) -> None:
    one = _serve_outlet(site, feed_path="/one.xml")
    two = _serve_outlet(site, feed_path="/two.xml")
    report = _ingest(app, one, two)
    assert report.new_articles == 2
    stored = app.store.articles()
    assert len(stored) == 2
    assert all(len(a.feeds) == 2 for a in stored)


def test_an_edited_entry_becomes_a_revision_of_the_same_article(
    app: Sitrep, site: LocalSite, clock: FakeClock
) -> None:
    summary = "Shelling on the camp killed two children and injured five people, a monitor said."
    longer = summary + " " + " ".join(CAMP)
    site.add("/feed.xml", rss([Item("Camp shelled", None, "camp-9", longer)]))
    _ingest(app, site.url("/feed.xml"))
    updated = longer.replace("killed two children", "killed four children")
    site.add("/feed.xml", rss([Item("Camp shelled: toll rises", None, "camp-9", updated)]))
    clock.advance(hours=1)
    report = _ingest(app, site.url("/feed.xml"))
    assert (report.new_articles, report.revisions) == (0, 1)
    (article,) = app.store.articles()
    assert article.revision == 2 and article.title == "Camp shelled: toll rises"
    assert [("four" in r.text) for r in article.revisions] == [False, True]


def test_an_unreachable_page_keeps_the_feed_text_and_is_fetched_later(
    app: Sitrep, site: LocalSite, clock: FakeClock
) -> None:
    site.add("/news/market.html", b"busy", status=503)
    site.add(
        "/feed.xml",
        rss([Item("Market strike", site.url("/news/market.html"), "m", "Warplanes struck.")]),
    )
    first = _ingest(app, site.url("/feed.xml"))
    (article,) = app.store.articles()
    assert first.new_articles == 1
    assert (article.text, article.page_state) == ("Warplanes struck.", "pending")

    site.add("/news/market.html", page("Market strike", MARKET), content_type="text/html")
    clock.advance(minutes=30)
    assert asyncio.run(app.ingest([site.url("/feed.xml")])).pages_retried == 0  # not due yet
    clock.advance(hours=1)
    assert asyncio.run(app.ingest([site.url("/feed.xml")])).pages_retried == 1
    (article,) = app.store.articles()
    assert "killing at least nine people" in article.text
    assert article.page_state == "done"


def test_broken_feeds_show_in_health_and_the_log_and_never_stop_the_pass(
    app: Sitrep, site: LocalSite, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="sitrep.ingest")
    good = _serve_outlet(site)
    broken = {
        "missing": site.add("/missing.xml", b"nope", status=404),
        "gone": site.add("/gone.xml", b"gone", status=410),
        "busy": site.add("/busy.xml", b"slow down", status=429, headers={"Retry-After": "7200"}),
        "error": site.add("/error.xml", b"oops", status=500),
        "html": site.add("/page.html", page("Home", ["Welcome."]), content_type="text/html"),
        "xml": site.add(
            "/bad.xml", b"<rss version='2.0'><channel><title>Cut", content_type="text/xml"
        ),
        "loop": site.redirect_loop("/loop"),
        "refused": site.refused_url("/feed.xml"),
        "unknown": UNKNOWN_HOST_URL,
        "slow": site.add("/slow.xml", rss([]), delay=3.0),
        "huge": site.big_body("/huge.xml"),
        "bomb": site.gzip_bomb("/bomb.xml"),
    }
    report = _ingest(app, good, *broken.values())
    assert report.new_articles == 2
    assert report.count("failed") == len(broken)

    health = {f.url: f for f in app.store.feeds()}
    for name, url in broken.items():
        assert health[url].consecutive_failures == 1, name
        assert health[url].last_error, name
    assert not health[broken["gone"]].enabled
    assert health[broken["gone"]].disabled_reason == "410 Gone"
    assert all(health[u].enabled for k, u in broken.items() if k != "gone")
    busy = health[broken["busy"]]
    assert busy.next_poll_at is not None
    assert busy.next_poll_at - clock() >= timedelta(hours=2)  # Retry-After honoured
    assert "HTML" in (health[broken["html"]].last_error or "")
    failures = [r.getMessage() for r in caplog.records if "feed.failed" in r.getMessage()]
    for name, url in broken.items():
        line = next((m for m in failures if f"url={url}" in m), None)
        assert line is not None, name
        assert f"error={_quoted(health[url].last_error)}" in line, name


def _quoted(error: str | None) -> str:
    return f'"{error}"' if error and (" " in error or "," in error) else str(error)


def test_dates_in_the_future_are_clamped_to_the_fetch_time(
    app: Sitrep, site: LocalSite, clock: FakeClock
) -> None:
    text = " ".join(CAMP)
    item = Item("From the future", None, "f1", text, pub_date="Mon, 01 Jan 2035 10:00:00 GMT")
    site.add("/feed.xml", rss([item]))
    _ingest(app, site.url("/feed.xml"))
    (article,) = app.store.articles()
    assert article.published_at == clock()


def test_an_entry_without_link_or_guid_is_stored_once_across_passes(
    app: Sitrep, site: LocalSite
) -> None:
    site.add("/feed.xml", rss([Item("No identity", None, None, " ".join(CAMP))]))
    _ingest(app, site.url("/feed.xml"))
    _ingest(app, site.url("/feed.xml"))
    (article,) = app.store.articles()
    assert article.url.startswith(site.url("/feed.xml") + "#entry-")


def test_recoverable_defects_still_give_their_articles(app: Sitrep, site: LocalSite) -> None:
    """Wrong declared charset, duplicate guids, a PDF where a page should be: articles kept."""
    text = " ".join(CAMP)
    latin = rss([Item("Réfugiés à Idleb", None, "fr-1", text)]).replace(b"UTF-8", b"ISO-8859-1")
    twice = rss(
        [
            Item("Camp shelled", None, "dup", text),
            Item("Camp shelled", None, "dup", text),
        ]
    )
    site.add("/report.pdf", b"%PDF-1.4 binary", content_type="application/pdf")
    pdf = rss([Item("Report", site.url("/report.pdf"), "pdf-1", "Summary of a report.")])
    feeds = [
        site.add("/latin.xml", latin, content_type="application/rss+xml; charset=ISO-8859-1"),
        site.add("/twice.xml", twice),
        site.add("/pdf.xml", pdf),
    ]
    report = _ingest(app, *feeds)
    assert report.count("failed") == 0
    titles = {a.title: a for a in app.store.articles()}
    assert "Réfugiés à Idleb" in titles  # declared Latin-1, really UTF-8: decoded right
    assert "Camp shelled" in titles and report.new_articles == 3
    kept = titles["Report"]  # kept with the feed's text; a PDF is not retried as a page
    assert (kept.text, kept.page_state) == ("Summary of a report.", "failed")


def test_a_feed_added_by_url_alone_takes_its_channel_name_and_a_named_one_keeps_it(
    app: Sitrep, site: LocalSite
) -> None:
    feed_url = _serve_outlet(site)
    app.add_feed(feed_url)
    assert app.store.feed_by_url(feed_url).name == "127.0.0.1"  # type: ignore[union-attr]

    _ingest(app, feed_url)
    assert app.store.feed_by_url(feed_url).name == "Test outlet"  # type: ignore[union-attr]
    assert {a.outlet for a in app.store.articles()} == {"Test outlet"}

    named_url = _serve_outlet(site, feed_path="/named.xml")
    app.add_feed(named_url, name="My outlet")
    _ingest(app, named_url)
    assert app.store.feed_by_url(named_url).name == "My outlet"  # type: ignore[union-attr]
