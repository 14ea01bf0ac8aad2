"""Pure decisions about feed entries: their identity, whether they changed, when they were out.

No I/O here: the pipeline asks, then fetches and stores (reader's Decider, STYLE.md 1).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from digests.ingest.feedparse import FeedEntry
from digests.ingest.urls import canonical_url, is_http_url


def _digest(*parts: str) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


def content_hash(title: str, text: str) -> str:
    """Identity of an article's content, insensitive to spacing and case."""
    return _digest(" ".join(title.split()).casefold(), " ".join(text.split()).casefold())


def entry_hash(entry: FeedEntry) -> str:
    """What the feed said about an entry; a change means the outlet edited it."""
    return _digest(entry.title, entry.summary, entry.content, entry.link or "")


def entry_link(entry: FeedEntry) -> str | None:
    """The entry's canonical link, when it has a usable one."""
    if entry.link and is_http_url(entry.link):
        return canonical_url(entry.link)
    return None


def entry_key(entry: FeedEntry) -> str:
    """How a feed's entry is recognised next time: its guid, else its link, else its content."""
    if entry.guid and entry.guid.strip():
        return "guid:" + entry.guid.strip()[:2000]
    link = entry_link(entry)
    if link:
        return "url:" + link[:2000]
    return "hash:" + _digest(entry.title, entry.summary, entry.content)


def article_url(entry: FeedEntry, feed_url: str) -> str:
    """The URL an article is stored under; an entry without a link gets a stable stand-in."""
    link = entry_link(entry)
    if link:
        return link
    return f"{feed_url}#entry-{_digest(entry.guid or '', entry.title, entry.summary)[:20]}"


def feed_text(entry: FeedEntry) -> str:
    """The fullest text the feed itself carries for an entry."""
    return entry.content if len(entry.content) >= len(entry.summary) else entry.summary


def published_time(
    entry: FeedEntry, page_published: datetime | None, fetched_at: datetime
) -> datetime:
    """The entry's date, else the page's, else the fetch time; never after the fetch."""
    when = entry.published or entry.updated or page_published or fetched_at
    return min(when, fetched_at)


@dataclass(frozen=True, slots=True)
class EntryPlan:
    """What to do with one entry of a fetched feed."""

    entry: FeedEntry
    key: str
    hash: str
    action: str  # new | revise | unchanged
    article_id: int | None = None


def plan_entries(entries: list[FeedEntry], seen: dict[str, tuple[int, str]]) -> list[EntryPlan]:
    """Decide per entry: new, a revision of a known article, or unchanged.

    ``seen`` maps entry keys already stored for this feed to (article id, entry hash). An entry
    repeated within one feed (duplicate guids) is taken once: the first occurrence wins.
    """
    plans: list[EntryPlan] = []
    taken: set[str] = set()
    for entry in entries:
        key = entry_key(entry)
        if key in taken:
            continue
        taken.add(key)
        digest = entry_hash(entry)
        known = seen.get(key)
        if known is None:
            plans.append(EntryPlan(entry, key, digest, "new"))
        elif known[1] == digest:
            plans.append(EntryPlan(entry, key, digest, "unchanged", known[0]))
        else:
            plans.append(EntryPlan(entry, key, digest, "revise", known[0]))
    return plans
