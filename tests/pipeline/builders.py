"""Small RSS and article-page builders for pipeline tests (texts written for these tests)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape as html_escape
from xml.sax.saxutils import escape


@dataclass
class Item:
    title: str
    link: str | None
    guid: str | None
    summary: str
    pub_date: str | None = "Fri, 29 Nov 2024 06:00:00 GMT"


def rss(items: list[Item], *, title: str = "Test outlet") -> bytes:
    parts = []
    for item in items:
        fields = [f"<title>{escape(item.title)}</title>"]
        if item.link:
            fields.append(f"<link>{escape(item.link)}</link>")
        if item.guid:
            fields.append(f'<guid isPermaLink="false">{escape(item.guid)}</guid>')
        if item.pub_date:
            fields.append(f"<pubDate>{item.pub_date}</pubDate>")
        fields.append(f"<description>{escape(item.summary)}</description>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link>"
        + "".join(parts)
        + "</channel></rss>"
    ).encode()


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{html_escape(p)}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html_escape(title)}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
        "<div class='cookie'>We use cookies to improve your experience. Accept all cookies</div>"
        f"<article><h1>{html_escape(title)}</h1>{body}"
        "<p>Read more: Ceasefire talks stall in Doha</p></article>"
        "<aside><h3>Related</h3><ul><li><a href='/x'>Floods hit the coast</a></li></ul></aside>"
        "<footer>Sign up for our newsletter. Back to top button</footer></body></html>"
    ).encode()


MARKET = [
    "Warplanes struck a crowded vegetable market on the edge of Jisr al-Shughur on Sunday "
    "morning, killing at least nine people and wounding more than 30, rescuers said.",
    "The Syrian Civil Defence said its crews worked for hours to pull survivors from the "
    "rubble of stalls and trucks, and that several of the wounded were in a critical state.",
    "Residents said the market is the main source of food for villages around the town, and "
    "that traders had only just returned after weeks of shelling in the area.",
    "Local doctors appealed for blood donors as the hospital in the town filled up, and "
    "activists said ambulances were also taking the injured towards the Turkish border.",
]

CAMP = [
    "Shelling hit the edge of a camp for displaced families near Kafr Jales in the Idlib "
    "countryside on Monday, killing two children and injuring five people, a monitor said.",
    "The camp shelters about 400 families who fled fighting further south over recent years, "
    "and its tents offer no protection against artillery, aid workers said.",
    "Families said they had nowhere else to go, as every camp in the area was already full "
    "and rents in the nearby towns had risen far beyond what they could pay.",
]
