"""An article page reduced to the text a reader would keep, and when a feed entry needs one.

trafilatura finds the main text; a line filter then removes the boilerplate it lets through
(newsletter prompts, "Read more" links, comment forms, image credits).
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import htmldate
import trafilatura
from lxml import etree

from digests.errors import ParseError
from digests.extract.sentences import LEAK_MARKER, LIST_ITEM
from digests.ingest.feedparse import FeedEntry, decode_document, parse_loose_date
from digests.ingest.urls import is_http_url


@dataclass
class PageText:
    """What an article page gave: its main text and the metadata found beside it."""

    text: str
    title: str | None
    published: datetime | None  # timezone-aware UTC
    language: str | None


MIN_ARTICLE_WORDS = 15
# A feed body this short is a teaser, whatever its shape; news articles run to hundreds.
TEASER_MAX_WORDS = 120
_TRUNCATION_TAIL = re.compile(
    r"(\.\.\.|…|\[…\]|\[\.\.\.\]|\[&hellip;\]|read more|continue reading|read the full"
    r"|full story|appeared first on .{0,120})\W*$",
    re.IGNORECASE,
)

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml", "text/xml"})
_HTML_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body|p|div|article)[\s>]", re.I)
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b")
_HTML_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.I)
_HEAD_SCAN = 200_000  # characters searched for metadata; heads are rarely longer
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_META_NAME = re.compile(r"\b(?:property|name|itemprop)\s*=\s*[\"']([^\"']+)[\"']", re.I)
_META_CONTENT = re.compile(r"\bcontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.I)
_TITLE_META = re.compile(r"og:title|twitter:title|title|headline")
_DATE_META = re.compile(
    r"article:published_time|og:published_time|datepublished|pubdate|publishdate"
    r"|publish[-_]date|dc\.date\.issued|dcterms\.(?:created|issued)|sailthru\.date|date"
)
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_H1_TAG = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")
_JSONLD_DATE = re.compile(r"\"datePublished\"\s*:\s*\"([^\"]{8,40})\"")
_TIME_TAG = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']{8,40})[\"']", re.I)
_WHITESPACE = re.compile(r"\s+")

# Whole lines that are never article text. Matched against a trimmed line; each pattern is
# anchored, so a real sentence that merely contains these words survives.
_BOILERPLATE_LINES = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"loading( now)?\W*",
        r"back to top( button)?\W*",
        r"(leave a (reply|comment)|post (a )?comment|add (a )?comment|comments?)\W*",
        r"your email address will not be published.*",
        r"required fields are marked.*",
        r"(subscribe|sign up|signup|register)\b.{0,60}\b(newsletter|updates|email|inbox)\W*",
        r"newsletter( signup| sign-up)?\W*",
        r"(please wait|thank you for (signing|sign) up|thanks for subscribing)\W*.*",
        r"(read|see) (more|also|next)\b.{0,160}",
        # A label alone, or a label, a colon and the headline it links to.
        r"(also read|related( articles?| stories| posts| content| coverage| news| topics)?"
        r"|more on this( story)?|more from [\w .-]{1,40}|recommended( for you)?"
        r"|most (read|popular|viewed)|trending( now)?|you (may|might) also like|more"
        r"|what to read next|top stories|latest news)\s*([:|–—-]\s*.{0,160})?",
        r"also on [\w.-]+\.\w+\b.*",
        r"continue reading( the main story)?\W*",
        r"(share|follow) (this|us|on)\b.{0,80}",
        r"like us on\b.{0,60}",
        r"like this story\?.*",
        r"(share|tweet|email|print|copy link|whatsapp|facebook|twitter|telegram)\W*",
        r"(click|tap) here\b.{0,100}",
        r"(advertisement|sponsored|skip to (main )?content|skip advertisement)\W*",
        r"(image|media|photo|picture|video) (caption|copyright|credit)\b.*",
        r"(photo|image|picture|credit|credits|source|sources)\s*:.{0,80}",
        r"original source\s*:.{0,100}",
        r"(\(|\[)?(photo|image|picture)s? (by|courtesy|credit)\b.{0,100}",
        r".{0,80}\b(getty images|afp via getty|reuters/[\w ]+|ap photo|epa-efe)\W*\)?\W*",
        r"(©|copyright|\(c\)).{0,120}",
        r"all rights reserved\W*.*",
        r"_{3,}|-{3,}|\*{3,}",
    )
]
# Cookie and consent banners: a short line that talks about cookies and what to do with them.
_COOKIE_WORDS = re.compile(r"\bcookies?\b", re.IGNORECASE)
_CONSENT_WORDS = re.compile(
    r"\b(accept|consent|privacy|agree|settings|preferences|use of|we use)\b", re.IGNORECASE
)
_MAX_BOILERPLATE_LEN = 220
# Soft hyphens and zero-width marks split words ("Netan\u00adyahu") for every later matcher.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_WORDS = re.compile(r"\w+")


def _is_boilerplate(line: str) -> bool:
    if len(line) > _MAX_BOILERPLATE_LEN:
        return False
    if _COOKIE_WORDS.search(line) and _CONSENT_WORDS.search(line):
        return True
    return any(pattern.fullmatch(line) for pattern in _BOILERPLATE_LINES)


def _comparable(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def _is_dateline(line: str) -> bool:
    """A line that is only a date and time ("November 20, 2019 - 11:28 AMT")."""
    return (
        len(line) <= 48
        and not line.rstrip().endswith((".", "!", "?"))
        and parse_loose_date(line) is not None
        and sum(word.isalpha() for word in line.split()) <= 3
    )


_MAX_MARKER_LEN = 40  # "Read more", "Most read": a line of its own, never a sentence


def scrub_boilerplate(text: str, *, titles: Iterable[str] = ()) -> str:
    """Drop lines that are page furniture, not article: boilerplate, datelines, the headline
    (any of ``titles``) repeated, invisible characters, repeated lines. Paragraphs are kept
    apart by a blank line."""
    kept: list[str] = []
    seen: set[str] = {_comparable(title) for title in titles}
    in_other_stories = False
    for raw_line in _INVISIBLE.sub("", text).splitlines():
        line = raw_line.strip()
        if not line:
            continue
        if len(line) <= _MAX_MARKER_LEN and LEAK_MARKER.match(line):
            in_other_stories = True  # "Read more", then a list of other stories' headlines
            continue
        if in_other_stories and LIST_ITEM.match(line):
            continue
        in_other_stories = False
        if _is_boilerplate(line) or _is_dateline(line):
            continue
        if _comparable(line) in seen:
            continue
        seen.add(_comparable(line))
        kept.append(line)
    return "\n\n".join(kept)


def needs_full_text(entry: FeedEntry) -> bool:
    """True when the entry carries a teaser or summary rather than the article, and has a
    page to fetch: the fullest body is under ``TEASER_MAX_WORDS`` words or ends cut off."""
    if not entry.link or not is_http_url(entry.link):
        return False
    body = max(entry.content, entry.summary, key=len).strip()
    if len(body.split()) < TEASER_MAX_WORDS:
        return True
    return bool(_TRUNCATION_TAIL.search(body[-200:]))


def _check_is_html(content: bytes, content_type: str | None) -> None:
    media = (content_type or "").split(";")[0].strip().lower()
    if media and media not in _HTML_TYPES and not media.startswith("text/"):
        raise ParseError(f"not an HTML page ({media})")
    if content.lstrip()[:8].startswith(_BINARY_MAGIC):
        raise ParseError("not an HTML page (binary data)")
    if not _HTML_SNIFF.search(content[:65536]):
        raise ParseError(f"not an HTML page ({media or 'no markup'})")


def _published(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        return parse_loose_date(value)
    if when.tzinfo is None:  # a date with no zone: the publisher's day, read as UTC
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def _meta_contents(head: str, names: re.Pattern[str]) -> list[str]:
    values = []
    for tag in _META_TAG.findall(head):
        name = _META_NAME.search(tag)
        content = _META_CONTENT.search(tag)
        if name and content and names.fullmatch(name.group(1).lower()):
            value = content.group(1) if content.group(1) is not None else content.group(2)
            values.append(html_lib.unescape(value).strip())
    return [value for value in values if value]


def _page_title(html: str, head: str) -> tuple[str | None, list[str]]:
    """The page's headline and every spelling of it worth dropping from the text."""
    spellings = _meta_contents(head, _TITLE_META)
    heading = _H1_TAG.search(html[: _HEAD_SCAN * 2])
    if heading:
        spellings.append(
            _WHITESPACE.sub(" ", html_lib.unescape(_TAG.sub(" ", heading.group(1)))).strip()
        )
    tag = _TITLE_TAG.search(head)
    if tag:
        full = _WHITESPACE.sub(" ", html_lib.unescape(tag.group(1))).strip()
        spellings.append(full)
        # "Headline | Outlet" and "Headline - Outlet": the headline alone is what the text repeats.
        spellings.append(_SITE_SUFFIX.sub("", full))
    spellings = [s for s in spellings if s]
    return (spellings[0] if spellings else None), spellings


def _page_date(html: str, head: str) -> datetime | None:
    """The publication date from the markup publishers use (Open Graph, schema.org, Dublin
    Core, <time>); htmldate's slower search only when none is there."""
    candidates = _meta_contents(head, _DATE_META)
    candidates += _JSONLD_DATE.findall(html[: _HEAD_SCAN * 2])
    candidates += _TIME_TAG.findall(html[: _HEAD_SCAN * 2])[:1]
    for candidate in candidates:
        when = _published(candidate)
        if when is not None:
            return when
    try:
        found = htmldate.find_date(
            html, extensive_search=True, original_date=True, outputformat="%Y-%m-%d"
        )
    except (ValueError, TypeError, etree.LxmlError):
        return None
    return _published(found)


def extract_page(content: bytes, *, url: str, content_type: str | None) -> PageText:
    """The main text of an article page, boilerplate removed, with title, date and language.

    Raises ``ParseError`` for anything but an HTML page, or when no article text is found.
    """
    if not content.strip():
        raise ParseError("empty page")
    _check_is_html(content, content_type)
    html, _notes = decode_document(content, content_type)
    try:
        # Metadata is read below from the head: trafilatura's own pass doubles the cost.
        document = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=False,
        )
    except (etree.LxmlError, ValueError, TypeError, RecursionError) as e:
        raise ParseError("unreadable HTML page") from e
    if document is None or isinstance(document, dict):
        raise ParseError("no article text found on the page")
    head = html[: html.find("</head>") + 1 or _HEAD_SCAN][:_HEAD_SCAN]
    title, spellings = _page_title(html, head)
    text = scrub_boilerplate(document.text or "", titles=spellings)
    if len(text.split()) < MIN_ARTICLE_WORDS:  # a menu or a login wall, not an article
        raise ParseError("no article text found on the page")
    lang_attr = _HTML_LANG.search(html[:_HEAD_SCAN])
    return PageText(
        text=text,
        title=title,
        published=_page_date(html, head),
        language=lang_attr.group(1).lower() if lang_attr else None,
    )
