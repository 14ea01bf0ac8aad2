"""Feed bytes to entries: RSS 0.9x/1.0/2.0 and Atom via feedparser, after fixing the charset.

Real feeds lie about their encoding, put blank lines before ``<?xml`` and write dates in
French; this module absorbs that and raises ``ParseError`` only when nothing can be read.
"""

from __future__ import annotations

import calendar
import codecs
import html
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urljoin

import charset_normalizer
import feedparser
import lxml.html
from lxml import etree

from digests.errors import ParseError
from digests.ingest.urls import is_http_url


@dataclass
class FeedEntry:
    """One item of a feed, as plain text; dates are timezone-aware UTC."""

    guid: str | None
    link: str | None
    title: str
    summary: str = ""  # plain text, HTML stripped
    content: str = ""  # plain text of the fullest content the feed carries; "" if none
    published: datetime | None = None  # falls back to the only date given (RDF dc:date)
    updated: datetime | None = None
    author: str | None = None
    language: str | None = None


@dataclass
class ParsedFeed:
    """A parsed feed: channel metadata, entries, and notes on what had to be repaired."""

    title: str
    link: str | None
    language: str | None
    entries: list[FeedEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class HTMLPageError(ParseError):
    """An HTML page came back where a feed was expected; ``feed_links`` are the feeds it
    advertises (``<link rel="alternate">``), the likely right URLs."""

    def __init__(self, feed_links: list[str] | None = None) -> None:
        super().__init__("an HTML page, not a feed")
        self.feed_links = list(feed_links or [])

    def __reduce__(self) -> tuple[type[HTMLPageError], tuple[list[str]]]:
        # Parsing may run in a worker process; keep the links across the pickle.
        return (HTMLPageError, (self.feed_links,))


_BINARY_TYPES = ("image/", "audio/", "video/", "font/")
_BINARY_SUBTYPES = frozenset(
    {"application/pdf", "application/zip", "application/gzip", "application/octet-stream"}
)
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b")
_LEADING_JUNK = re.compile(rb"^(?:\s|<!--.*?-->|<\?(?!xml\b).*?\?>|<!DOCTYPE[^>]*>)*", re.S)
_HTML_START = re.compile(rb"^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF|channel)[\s>]", re.I)
_ALTERNATE_LINK = re.compile(
    r"<link\b[^>]*\btype=[\"']application/(?:rss|atom)\+xml[\"'][^>]*>", re.I
)
_HREF = re.compile(r"\bhref=[\"']([^\"']+)[\"']", re.I)
_WHITESPACE = re.compile(r"\s+")


# -- text --------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    re.findall(
        r"\w+",
        "address article aside blockquote dd div dl dt figure footer form h1 h2 h3 h4 h5 h6 "
        "header hr li main nav ol p pre section table tbody thead tfoot tr td th ul",
    )
)
_DROPPED_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "object",
    "embed",
    "template",
    "figcaption",
    "svg",
    "button",
    "select",
    "textarea",
)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def _normalise_lines(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: paragraphs as blank-line-separated blocks, scripts,
    styles and captions dropped, entities resolved."""
    if "<" not in fragment and "&" not in fragment:
        return _normalise_lines(fragment)
    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except (etree.ParserError, ValueError):
        return _normalise_lines(html.unescape(_TAG.sub(" ", fragment)))
    for element in list(root.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCK_TAGS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return _normalise_lines(root.text_content())


# -- charset -----------------------------------------------------------------------------

_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?\?>", re.S)
_DECLARED_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte Latin code pages that charset detection confuses with one another; undeclared
# Latin text on the web is windows-1252 far more often than any of them (WHATWG's default).
_LATIN_FAMILY = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp1258",
        "latin_1",
        "iso8859_2",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_15",
        "iso8859_16",
        "mac_roman",
        "mac_latin2",
        "cp437",
        "cp850",
        "cp852",
        "cp858",
        "cp775",
    }
)
# Pairs a UTF-8 sequence leaves behind when its bytes are read as windows-1252 or Latin-1.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    try:
        codec = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    # Browsers read Latin-1 and ASCII labels as windows-1252, and so do real feeds' authors.
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def _try_decode(content: bytes, codec: str) -> str | None:
    try:
        return content.decode(codec)
    except (UnicodeDecodeError, LookupError):
        if codec == "cp1252":  # five bytes are undefined in 1252; Latin-1 maps every byte
            return content.decode("latin-1")
        return None


def _detect(content: bytes) -> str:
    matches = list(charset_normalizer.from_bytes(content[:500_000]))
    if not matches:
        return "cp1252"
    best = min(match.chaos for match in matches)
    close = [match.encoding for match in matches if match.chaos <= best + 0.01]
    if any(encoding in _LATIN_FAMILY for encoding in close):
        return "cp1252"
    return close[0]


def decode_document(content: bytes, content_type: str | None) -> tuple[str, list[str]]:
    """Decode an XML or HTML document: BOM, else valid UTF-8, else the declared charset (the
    XML declaration, then an HTML meta tag, then HTTP), else detection. Returns the text and
    notes on any disagreement; the text has no leading whitespace and no characters XML
    forbids."""
    notes: list[str] = []
    text: str | None = None
    for bom, codec in _BOMS:
        if content.startswith(bom):
            text = _try_decode(content, codec)
            break
    head = content[:1024]
    declaration = _XML_DECLARATION.match(head)
    xml_match = _DECLARED_ENCODING.search(declaration.group(0)) if declaration else None
    xml_label = xml_match.group(1).decode("ascii", "replace") if xml_match else None
    meta_match = _META_CHARSET.search(content[:8192])
    meta_label = meta_match.group(1).decode("ascii", "replace") if meta_match else None
    http_match = re.search(r"charset\s*=\s*([^\s;]+)", content_type or "", re.I)
    http_label = http_match.group(1).strip("\"'") if http_match else None
    candidates = (xml_label, meta_label, http_label)
    labels = [label for label in candidates if label and _codec_name(label)]
    declared = [codec for codec in map(_codec_name, labels) if codec]
    if text is None:
        for codec in declared:
            if codec.startswith(("utf-16", "utf-32")):
                text = _try_decode(content, codec)
                if text is not None:
                    break
    if text is None:
        # Valid UTF-8 with non-ASCII bytes is almost never anything else, whatever is declared.
        text = _try_decode(content, "utf-8")
        if text is not None and any(codec != "utf-8" for codec in declared) and not text.isascii():
            notes.append(f"declared {labels[0]} but the bytes are UTF-8")
    if text is None:
        for codec in declared:
            if codec != "utf-8":
                text = _try_decode(content, codec)
                if text is not None:
                    break
    if text is None:
        guessed = _detect(content)
        text = _try_decode(content, guessed) or content.decode("cp1252", "replace")
        what = f"declared {labels[0]}, but" if labels else "no charset declared;"
        notes.append(f"{what} bytes read as {guessed}")
    text = text.lstrip("\ufeff \t\r\n")
    if _XML_ILLEGAL.search(text):
        text = _XML_ILLEGAL.sub("", text)
        notes.append("control characters removed")
    return _declare_utf8(text), notes


def _declare_utf8(text: str) -> str:
    if not text.startswith("<?xml"):
        return text
    end = text.find("?>")
    if end < 0:
        return text
    declaration = re.sub(r"""encoding\s*=\s*["'][^"']*["']""", 'encoding="utf-8"', text[: end + 2])
    return declaration + text[end + 2 :]


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as windows-1252/Latin-1 (``Ã©`` back to ``é``) when the whole string
    round-trips; anything else is returned unchanged."""
    if not _MOJIBAKE.search(text):
        return text
    for codec in ("cp1252", "latin-1"):
        try:
            repaired = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if len(_MOJIBAKE.findall(repaired)) < len(_MOJIBAKE.findall(text)):
            return repaired
    return text


# -- dates -------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier janv gennaio gen janeiro enero ene januar jänner jän",
        "february feb février fevrier févr fevr febbraio fevereiro fev febrero februar",
        "march mar mars marzo março marco märz maerz mär mrz",
        "april apr avril avr aprile abril abr",
        "may mai maggio mag maio mayo",
        "june jun juin giugno giu junho junio juni",
        "july jul juillet juil luglio lug julho julio juli",
        "august aug août aout agosto ago",
        "september sep sept septembre settembre set setembro septiembre setiembre",
        "october oct octobre ottobre ott outubro out octubre oktober okt",
        "november nov novembre novembro noviembre",
        "december dec décembre decembre déc dicembre dic dezembro dez diciembre dezember",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_ZONES = {
    "z": 0,
    "ut": 0,
    "utc": 0,
    "gmt": 0,
    "wet": 0,
    "bst": 60,
    "cet": 60,
    "cest": 120,
    "met": 60,
    "mest": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "ast": 180,
    "ist": 330,
    "est": -300,
    "edt": -240,
    "cst": -360,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
}
_TIME = re.compile(r"^(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:[.,]\d+)?$")
_OFFSET = re.compile(r"^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$")
_NUMERIC_DATE = re.compile(r"^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$")
_DATE_TOKENS = re.compile(r"[^\s,]+")


def _parse_tokens(tokens: list[str]) -> datetime | None:
    year = month = day = None
    hour = minute = second = 0
    offset: int | None = None
    pm: bool | None = None
    numbers: list[int] = []
    for token in tokens:
        word = token.strip(".|()[]–—")
        if word in ("", "-", "+"):
            continue
        if word in _MONTHS and month is None:
            month = _MONTHS[word]
        elif (clock := _TIME.match(word)) is not None:
            hour, minute = int(clock.group(1)), int(clock.group(2))
            second = int(clock.group(3) or 0)
        elif (shift := _OFFSET.match(word)) is not None and offset is None:
            sign = -1 if shift.group(1) == "-" else 1
            hours = int(shift.group(2))
            minutes = int(shift.group(3) or 0)
            if len(shift.group(2)) <= 2 and hours <= 14:
                offset = sign * (hours * 60 + minutes)
        elif word in _ZONES and offset is None:
            offset = _ZONES[word]
        elif word in ("am", "pm"):
            pm = word == "pm"
        elif (numeric := _NUMERIC_DATE.match(word)) is not None:
            first, middle, last = (int(group) for group in numeric.groups())
            if first > 31:  # 2026-09-21
                year, month, day = first, middle, last
            elif middle > 12:  # 09/21/2026, American
                year, month, day = last, first, middle
            else:  # 21.09.2026, as most of the world writes it
                year, month, day = last, middle, first
        elif word.isdigit():
            numbers.append(int(word))
    for number in numbers:
        if year is None and number > 31:
            year = number
        elif day is None and 1 <= number <= 31:
            day = number
        elif year is None and number < 100:
            year = 2000 + number
    if year is not None and year < 100:
        year += 2000
    if pm is not None and hour <= 12:
        hour = hour % 12 + (12 if pm else 0)
    if year is None or month is None or day is None:
        return None
    try:
        zone = timezone(timedelta(minutes=offset or 0))
        return datetime(year, month, day, hour, minute, second, tzinfo=zone).astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def parse_loose_date(value: str) -> datetime | None:
    """A date feedparser could not read: localised names (``Lundi, septembre 21, 2026 -
    10:19``, ``mer, 16 nov 2022``, ``Seg, 24 Set 2018``), Drupal's long form, day-first
    numbers. No zone means UTC. Returns an aware UTC datetime, or None."""
    tokens = _DATE_TOKENS.findall(value.lower()[:200])
    return _parse_tokens(tokens)


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def _check_not_binary(content: bytes, content_type: str | None) -> None:
    media = _media_type(content_type)
    # Servers label feeds octet-stream now and then; believe the bytes if they look like XML.
    looks_like_xml = media == "application/octet-stream" and content.lstrip()[:1] == b"<"
    if (media in _BINARY_SUBTYPES or media.startswith(_BINARY_TYPES)) and not looks_like_xml:
        raise ParseError(f"not a feed ({media})")
    if content.startswith(_BINARY_MAGIC):
        raise ParseError("not a feed (binary data)")


def _html_feed_links(text: str, base: str) -> list[str]:
    links = []
    for tag in _ALTERNATE_LINK.findall(text[:200_000]):
        href = _HREF.search(tag)
        if href:
            links.append(urljoin(base, html.unescape(href.group(1))))
    return links


def _clean_line(value: str | None) -> str:
    """One-line plain text: tags and entities resolved, whitespace collapsed, charset fixed."""
    if not value:
        return ""
    text = html_to_text(value) if "<" in value else value
    # Titles are often escaped twice (``&amp;mdash;``); a plain-text title has no entities.
    text = html.unescape(text)
    return repair_mojibake(_WHITESPACE.sub(" ", text).strip())


def _clean_block(value: str | None) -> str:
    if not value:
        return ""
    return repair_mojibake(html_to_text(value))


def _struct_to_datetime(value: time.struct_time | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _entry_date(entry: Any, key: str, notes: set[str]) -> datetime | None:
    parsed = _struct_to_datetime(entry.get(f"{key}_parsed"))
    if parsed is not None:
        return parsed
    raw = entry.get(key)
    if not raw:
        return None
    loose = parse_loose_date(str(raw))
    if loose is None:
        notes.add(f"unreadable date {str(raw)[:60]!r}")
    else:
        notes.add("dates in a non-standard format")
    return loose


def _language(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def _fullest_content(entry: Any) -> str:
    candidates = [part.get("value", "") for part in entry.get("content") or []]
    # yandex:full-text (Russian outlets) carries the whole article, escaped.
    for key in ("yandex_full-text", "yandex_fulltext", "fulltext"):
        if isinstance(entry.get(key), str):
            candidates.append(entry[key])
    texts = [_clean_block(value) for value in candidates if value]
    return max(texts, key=len, default="")


def _entry_link(entry: Any) -> str | None:
    # FeedBurner rewrites links to its click tracker; the origin link is the article.
    for candidate in (entry.get("feedburner_origlink"), entry.get("link")):
        if isinstance(candidate, str) and is_http_url(candidate.strip()):
            return candidate.strip()
    for link in entry.get("links") or []:
        href = link.get("href")
        if link.get("rel") == "alternate" and isinstance(href, str) and is_http_url(href):
            return href.strip()
    return None


def _to_entry(raw: Any, feed_language: str | None, notes: set[str]) -> FeedEntry | None:
    guid = raw.get("id")
    guid = guid.strip() if isinstance(guid, str) and guid.strip() else None
    link = _entry_link(raw)
    title = _clean_line(raw.get("title"))
    summary = _clean_block(raw.get("summary"))
    content = _fullest_content(raw)
    if content and content == summary:
        content = ""  # feedparser copies one into the other; keep "" to mean "no full text"
    if not (guid or link or title or summary or content):
        return None
    published = _entry_date(raw, "published", notes) or _entry_date(raw, "created", notes)
    updated = _entry_date(raw, "updated", notes)
    author = _clean_line(raw.get("author")) or None
    detail = raw.get("title_detail") or {}
    language = _language(detail.get("language")) or feed_language
    return FeedEntry(
        guid=guid,
        link=link,
        title=title,
        summary=summary,
        content=content,
        published=published or updated,
        updated=updated,
        author=author,
        language=language,
    )


def _drop_duplicate_guids(entries: list[FeedEntry], warnings: list[str]) -> list[FeedEntry]:
    """Repeated guid and link: the same item twice, keep the first. Repeated guid with other
    links: the feed's guids identify nothing, so those entries lose theirs."""
    by_guid: dict[str, list[FeedEntry]] = {}
    for entry in entries:
        if entry.guid is not None:
            by_guid.setdefault(entry.guid, []).append(entry)
    untrusted = {guid for guid, group in by_guid.items() if len({e.link for e in group}) > 1}
    kept: list[FeedEntry] = []
    seen: set[str] = set()
    repeats = 0
    for entry in entries:
        if entry.guid in untrusted:
            entry.guid = None
        elif entry.guid is not None:
            if entry.guid in seen:
                repeats += 1
                continue
            seen.add(entry.guid)
        kept.append(entry)
    if repeats:
        warnings.append(f"{repeats} repeated entries dropped (same guid and link)")
    if untrusted:
        warnings.append(f"{len(untrusted)} guids shared by different links; ignored")
    return kept


def parse_feed(content: bytes, *, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse feed bytes fetched from ``url`` (``content_type`` as the server sent it).

    Raises ``ParseError`` (an ``HTMLPageError`` for a web page) when no feed can be read;
    a feed with recoverable defects yields its entries and notes them in ``warnings``.
    """
    if not content or not content.strip():
        raise ParseError("not a feed: empty response")
    _check_not_binary(content, content_type)
    start = _LEADING_JUNK.match(content)
    head = content[start.end() if start else 0 :][:2048]
    if _HTML_START.match(head) and not _FEED_ROOT.search(head):
        text, _ = decode_document(content, content_type)
        raise HTMLPageError(_html_feed_links(text, url))

    text, charset_notes = decode_document(content, content_type)
    warnings = list(charset_notes)
    # Handed to feedparser as UTF-8 with a matching declaration, so it cannot second-guess us.
    utf8 = text.encode("utf-8")
    parsed = feedparser.parse(
        utf8,
        response_headers={
            "content-type": "application/xml; charset=utf-8",
            "content-location": url,
        },
        # Markup is turned into plain text here, so feedparser's HTML passes are wasted work.
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        warnings.append(f"broken XML, read leniently: {problem}")

    channel = parsed.get("feed") or {}
    version = parsed.get("version") or ""
    raw_entries = parsed.get("entries") or []
    if not raw_entries:
        if _HTML_START.match(head) or parsed.get("feed", {}).get("html"):
            raise HTMLPageError(_html_feed_links(text, url))
        if not version:
            reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
            raise ParseError(f"not a feed: {str(reason)[:120]}")
        if parsed.get("bozo"):
            reason = parsed.get("bozo_exception")
            raise ParseError(f"broken feed, no entries ({str(reason)[:120]})")

    feed_language = _language(channel.get("language"))
    notes: set[str] = set()
    entries: list[FeedEntry] = []
    skipped = 0
    for raw in raw_entries:
        entry = _to_entry(raw, feed_language, notes)
        if entry is None:
            skipped += 1
        else:
            entries.append(entry)
    if skipped:
        warnings.append(f"{skipped} empty entries skipped")
    warnings.extend(sorted(notes))
    entries = _drop_duplicate_guids(entries, warnings)
    link = channel.get("link")
    return ParsedFeed(
        title=_clean_line(channel.get("title")),
        link=link.strip() if isinstance(link, str) and is_http_url(link.strip()) else None,
        language=feed_language,
        entries=entries,
        warnings=warnings,
    )
