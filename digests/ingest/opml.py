"""OPML in and out: the feed-list format every reader imports and exports."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass

from digests.errors import ParseError

MAX_OPML_BYTES = 5_000_000


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    url: str
    title: str | None


def parse_opml(data: bytes) -> list[OpmlFeed]:
    """The feeds in an OPML document (nested outlines included), in document order.

    Raises ``ParseError`` for anything that is not OPML, and for any document with a DTD.
    """
    if len(data) > MAX_OPML_BYTES:
        raise ParseError("OPML file larger than 5 MB")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        # OPML never needs a DTD; refusing one rules out entity-expansion tricks entirely.
        raise ParseError("not valid OPML: documents with a DTD are refused")
    try:
        root = ET.fromstring(data.lstrip())
    except ET.ParseError as e:
        raise ParseError(f"not valid OPML: {e}") from e
    if root.tag.lower() != "opml":
        raise ParseError(f"not OPML: the document is <{root.tag}>")
    feeds: list[OpmlFeed] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url and url not in seen:
            seen.add(url)
            title = outline.get("title") or outline.get("text")
            feeds.append(OpmlFeed(url=url, title=title.strip() if title else None))
    return feeds


def render_opml(feeds: Iterable[OpmlFeed], *, title: str = "Sitrep feeds") -> bytes:
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(root, "body")
    for feed in feeds:
        name = feed.title or feed.url
        ET.SubElement(body, "outline", type="rss", text=name, title=name, xmlUrl=feed.url)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
