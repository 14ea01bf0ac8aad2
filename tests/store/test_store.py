"""The store on every backend: feeds and their health, articles, revisions, entries, pages."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from digests.errors import NotFoundError
from digests.store import Store
from digests.store.migrate import current_revision, head_revision
from digests.store.records import NewArticle, NewEntry, NewFeed, PollOutcome

NOW = datetime(2024, 11, 29, 8, 0, tzinfo=UTC)


def _article(url: str = "https://news.example/a", text: str = "Body.") -> NewArticle:
    return NewArticle(
        url=url,
        title="Strike on a market",
        outlet="Example News",
        published_at=NOW - timedelta(hours=2),
        language="en",
        text=text,
        content_hash=f"hash-of-{text}",
        text_source="page",
        page_state="done",
    )


def test_migrations_reach_head_and_running_them_again_is_harmless(store: Store) -> None:
    from digests.store.migrate import upgrade

    assert current_revision(store.engine) == head_revision(store.engine)
    upgrade(store.engine)
    assert current_revision(store.engine) == head_revision(store.engine)


def test_config_feeds_are_synced_without_touching_user_feeds(store: Store) -> None:
    store.sync_config_feeds(
        [NewFeed("https://a.example/rss", "A"), NewFeed("https://b/rss", "B")], NOW
    )
    store.add_feed(NewFeed("https://mine.example/rss", "Mine"), NOW)
    store.sync_config_feeds([NewFeed("https://a.example/rss", "A renamed")], NOW)
    feeds = {f.url: f for f in store.feeds()}
    assert set(feeds) == {"https://a.example/rss", "https://mine.example/rss"}
    assert feeds["https://a.example/rss"].name == "A renamed"
    assert feeds["https://mine.example/rss"].origin == "user"


def test_poll_outcomes_keep_validators_and_count_failures(store: Store) -> None:
    feed = store.add_feed(NewFeed("https://a.example/rss", "A"), NOW)
    ok = PollOutcome(NOW, NOW + timedelta(minutes=30), 200, etag='"v1"', last_modified="Mon")
    store.record_poll(feed.id, ok)
    store.record_poll(feed.id, PollOutcome(NOW, NOW + timedelta(hours=1), 500, error="HTTP 500"))
    failed = store.record_poll(
        feed.id, PollOutcome(NOW, NOW + timedelta(hours=2), 500, error="HTTP 500")
    )
    assert failed.consecutive_failures == 2
    assert failed.last_error == "HTTP 500"
    assert failed.etag == '"v1"' and failed.last_success_at == NOW
    healed = store.record_poll(feed.id, PollOutcome(NOW, NOW + timedelta(minutes=30), 304))
    assert healed.consecutive_failures == 0 and healed.last_error is None
    assert healed.etag == '"v1"'  # a 304 keeps the validators it did not repeat


def test_a_disabled_feed_keeps_its_reason_and_is_re_enabled_when_added_again(store: Store) -> None:
    feed = store.add_feed(NewFeed("https://gone.example/rss", "Gone"), NOW)
    store.record_poll(
        feed.id, PollOutcome(NOW, NOW, 410, error="HTTP 410", disable_reason="410 Gone")
    )
    assert store.feeds(enabled_only=True) == []
    assert store.feeds()[0].disabled_reason == "410 Gone"
    again = store.add_feed(NewFeed("https://gone.example/rss", "Gone"), NOW)
    assert again.enabled and again.disabled_reason is None


def test_removing_an_unknown_feed_is_a_clear_error(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no feed with URL"):
        store.remove_feed("https://never.example/rss")


def test_articles_keep_every_revision_and_the_feeds_they_came_from(store: Store) -> None:
    one = store.add_feed(NewFeed("https://a.example/rss", "A"), NOW)
    two = store.add_feed(NewFeed("https://b.example/rss", "B"), NOW)
    article_id = store.add_article(
        _article(text="12 killed."), NOW, feed_id=one.id, entry_key="guid:1", entry_hash="e1"
    )
    store.link_entry(two.id, "guid:x", article_id, "e2", NOW)
    unchanged = store.revise_article(
        article_id,
        title="Strike on a market",
        text="12 killed.",
        content_hash="hash-of-12 killed.",
        text_source="page",
        now=NOW,
    )
    assert unchanged is None
    revision = store.revise_article(
        article_id,
        title="Toll rises",
        text="19 killed.",
        content_hash="hash-of-19 killed.",
        text_source="page",
        now=NOW + timedelta(hours=1),
    )
    assert revision == 2
    stored = store.article(article_id)
    assert stored.text == "19 killed." and stored.title == "Toll rises"
    assert [r.text for r in stored.revisions] == ["12 killed.", "19 killed."]
    assert stored.feeds == ("https://a.example/rss", "https://b.example/rss")
    assert store.entries_seen(one.id, ["guid:1", "guid:2"])["guid:1"].entry_hash == "e1"


def test_entries_carrying_a_stored_article_are_linked_not_stored_again(store: Store) -> None:
    one = store.add_feed(NewFeed("https://a.example/rss", "A"), NOW)
    two = store.add_feed(NewFeed("https://b.example/rss", "B"), NOW)
    first = store.add_article(_article(), NOW, feed_id=one.id, entry_key="k", entry_hash="h")
    same_url = replace(_article(), content_hash="other")
    same_text = replace(_article(), url="https://mirror.example/a")
    stored = store.store_entries(
        two.id,
        [
            NewEntry("k1", "h1", same_url),
            NewEntry("k2", "h2", same_text),
            NewEntry(
                "k3", "h3", replace(_article(), url="https://news.example/b", content_hash="b")
            ),
            NewEntry(
                "k4", "h4", replace(_article(), url="https://news.example/b", content_hash="c")
            ),
        ],
        NOW,
    )
    (second_new, _) = stored[2]
    assert stored == [(first, False), (first, False), (second_new, True), (second_new, False)]
    assert store.count_articles() == 2


def test_articles_are_listed_newest_first_and_filtered_by_time(store: Store) -> None:
    feed = store.add_feed(NewFeed("https://a.example/rss", "A"), NOW)
    for days in (1, 5, 10):
        item = replace(
            _article(url=f"https://news.example/{days}", text=f"text {days}"),
            published_at=NOW - timedelta(days=days),
        )
        store.add_article(item, NOW, feed_id=feed.id, entry_key=f"k{days}", entry_hash="h")
    recent = store.articles(since=NOW - timedelta(days=7))
    assert [a.url.rsplit("/", 1)[1] for a in recent] == ["1", "5"]
    assert store.count_articles() == 3


def test_pending_pages_come_due_and_give_up_after_the_last_attempt(store: Store) -> None:
    feed = store.add_feed(NewFeed("https://a.example/rss", "A"), NOW)
    pending = replace(
        _article(), page_state="pending", page_retry_at=NOW + timedelta(hours=1), text_source="feed"
    )
    article_id = store.add_article(pending, NOW, feed_id=feed.id, entry_key="k", entry_hash="h")
    assert store.pending_pages(NOW) == []
    due = store.pending_pages(NOW + timedelta(hours=1))
    assert [p.article_id for p in due] == [article_id]
    store.record_page_failure(article_id, "HTTP 503", retry_at=None)
    assert store.pending_pages(NOW + timedelta(days=10)) == []
    assert store.article(article_id).page_state == "failed"


def test_unknown_article_and_feed_ids_raise_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.article(999)
    with pytest.raises(NotFoundError):
        store.record_poll(999, PollOutcome(NOW, NOW, 200))
    assert store.feed(999) is None
