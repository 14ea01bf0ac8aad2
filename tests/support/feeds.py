"""Builders of test feeds and article pages, with the project's own short fixture articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape


@dataclass
class Item:
    """One feed entry; ``content`` is HTML for content:encoded (RSS) or content (Atom)."""

    title: str
    link: str | None = None
    guid: str | None = None
    summary: str = ""
    content: str | None = None
    published: datetime | None = None
    author: str | None = None
    extra_xml: str = ""  # raw elements added inside the item, for odd cases
    categories: list[str] = field(default_factory=list)


def _cdata(html: str) -> str:
    return "<![CDATA[" + html.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def rss_feed(
    items: list[Item],
    *,
    title: str = "Sitrep test wire",
    link: str = "http://127.0.0.1/",
    language: str | None = "en",
    encoding: str = "utf-8",
    declared_encoding: str | None = None,
    declaration: bool = True,
) -> bytes:
    """RSS 2.0 bytes in ``encoding``; ``declared_encoding`` may lie about it on purpose."""
    parts = []
    if declaration:
        parts.append(f'<?xml version="1.0" encoding="{declared_encoding or encoding}"?>')
    parts.append(
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
    )
    parts.append(f"<title>{escape(title)}</title><link>{escape(link)}</link>")
    parts.append("<description>Fixture feed for Sitrep tests</description>")
    if language:
        parts.append(f"<language>{language}</language>")
    for item in items:
        parts.append("<item>")
        parts.append(f"<title>{escape(item.title)}</title>")
        if item.link is not None:
            parts.append(f"<link>{escape(item.link)}</link>")
        if item.guid is not None:
            parts.append(f'<guid isPermaLink="false">{escape(item.guid)}</guid>')
        if item.summary:
            parts.append(f"<description>{_cdata(item.summary)}</description>")
        if item.content is not None:
            parts.append(f"<content:encoded>{_cdata(item.content)}</content:encoded>")
        if item.published is not None:
            parts.append(f"<pubDate>{format_datetime(item.published, usegmt=True)}</pubDate>")
        if item.author:
            parts.append(f"<dc:creator>{escape(item.author)}</dc:creator>")
        for category in item.categories:
            parts.append(f"<category>{escape(category)}</category>")
        parts.append(item.extra_xml)
        parts.append("</item>")
    parts.append("</channel></rss>\n")
    return "\n".join(parts).encode(encoding)


def atom_feed(
    items: list[Item], *, title: str = "Sitrep test wire", link: str = "http://127.0.0.1/"
) -> bytes:
    """Atom 1.0 bytes, UTF-8."""
    updated = max((i.published for i in items if i.published), default=datetime(2026, 1, 1))
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        f"<title>{escape(title)}</title>",
        f'<link rel="alternate" href="{escape(link)}"/>',
        f"<id>{escape(link)}</id><updated>{_iso(updated)}</updated>",
    ]
    for item in items:
        parts.append("<entry>")
        parts.append(f"<title>{escape(item.title)}</title>")
        if item.link is not None:
            parts.append(f'<link rel="alternate" href="{escape(item.link)}"/>')
        if item.guid is not None:
            parts.append(f"<id>{escape(item.guid)}</id>")
        if item.published is not None:
            parts.append(f"<published>{_iso(item.published)}</published>")
            parts.append(f"<updated>{_iso(item.published)}</updated>")
        if item.author:
            parts.append(f"<author><name>{escape(item.author)}</name></author>")
        if item.summary:
            parts.append(f'<summary type="html">{escape(item.summary)}</summary>')
        if item.content is not None:
            parts.append(f'<content type="html">{escape(item.content)}</content>')
        parts.append(item.extra_xml)
        parts.append("</entry>")
    parts.append("</feed>\n")
    return "\n".join(parts).encode("utf-8")


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- fixture articles, written for these tests ----------------------------------------------


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    paragraphs: tuple[str, ...]

    @property
    def teaser(self) -> str:
        return self.paragraphs[0].split(". ")[0] + "."

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


ARTICLES: tuple[Article, ...] = (
    Article(
        "market-shelling",
        "Shelling hits a market in a northern town",
        (
            "Artillery shells struck a crowded vegetable market in a northern town on Tuesday "
            "morning, killing at least nine civilians and wounding 23 others, local rescue "
            "workers said.",
            "The shells landed minutes apart as traders were setting up their stalls, according "
            "to a volunteer who helped carry the wounded to a field clinic on the edge of town.",
            "Two of the injured were children, and four people were taken to a hospital across "
            "the provincial border because the local clinic had run out of blood supplies.",
            "Residents said it was the third attack on the market this month. Many families "
            "left for camps further north by nightfall, carrying what they could load onto "
            "pick-up trucks and motorbikes.",
            "A spokesperson for the civil defence said teams were still searching the rubble of "
            "two shops that collapsed, and that the toll could rise.",
        ),
    ),
    Article(
        "camp-flooding",
        "Floods sweep through displacement camps after two days of rain",
        (
            "Heavy rain flooded more than 40 displacement camps over the weekend, damaging "
            "about 1,200 tents and forcing roughly 6,000 people to move to schools and mosques, "
            "an aid coordination office reported on Monday.",
            "Water rose knee-deep in low-lying camps within hours. Aid workers said access roads "
            "turned to mud, delaying deliveries of blankets and fuel.",
            "One elderly man died when his tent collapsed during the night, and three people "
            "were treated for hypothermia, the office said in its daily update.",
            "Camp managers have asked for gravel and drainage work before the next storm, which "
            "forecasters expect by the end of the week.",
        ),
    ),
    Article(
        "convoy-strike",
        "Drone strike on aid convoy kills two drivers",
        (
            "A drone struck a clearly marked aid convoy on a highway south of the city late on "
            "Thursday, killing two drivers and injuring a third, the organisation that "
            "chartered the lorries said.",
            "The convoy of seven trucks was carrying flour and medical kits to a district where "
            "aid agencies estimate 80,000 people have had no deliveries for six weeks.",
            "The organisation said it had shared the route and timing with all parties in "
            "advance, and it suspended movements in the area pending an investigation.",
            "Local officials said the injured driver was in a stable condition. The remaining "
            "trucks returned to the warehouse with their cargo intact.",
        ),
    ),
)

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def article_items(base_url: str, *, full: bool = False, start: datetime = NOW) -> list[Item]:
    """Feed items for ``ARTICLES`` linking to ``base_url``/<slug>; teasers unless ``full``."""
    items = []
    for index, article in enumerate(ARTICLES):
        body = "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
        items.append(
            Item(
                title=article.title,
                link=f"{base_url.rstrip('/')}/{article.slug}?utm_source=rss&utm_medium=feed",
                guid=f"tag:sitrep.test,2026:{article.slug}",
                summary=f"<p>{escape(article.teaser)}</p>",
                content=body if full else None,
                published=start - timedelta(hours=index),
                author="Sitrep desk",
            )
        )
    return items


# Furniture that real pages put inside the article body itself, where a main-text extractor
# keeps it; the line filter after extraction has to catch each one.
LEAKED_LINES: tuple[str, ...] = (
    "Loading Now",
    "Credit: (Civil Defence/Social Media)",
    "See also  Aid agencies warn of winter shortages",
    "Read more: How the ceasefire talks stalled",
    "Related: Talks resume in the capital after a month-long pause",
    "Subscribe to our newsletter",
    "Newsletter signup",
    "Please wait...",
    "Thank you for sign up!",
    "Original Source: www.example.com",
    "Source :",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Post Comment",
    "Back to top button",
    "Share this article",
    "We use cookies to improve your experience. By continuing you accept our use of cookies.",
)


def article_page(
    article: Article,
    *,
    published: datetime = NOW,
    boilerplate: bool = True,
    leaks: bool = False,
    lang: str = "en",
) -> bytes:
    """An HTML article page as news sites build them: the article amid the furniture that
    extraction must drop (navigation, cookie banner, newsletter box, related links, comments
    form, share buttons, image credit); with ``leaks``, ``LEAKED_LINES`` sit inside the
    article body as paragraphs."""
    paragraphs = [f"<p>{escape(p)}</p>" for p in article.paragraphs]
    if leaks:
        middle = len(paragraphs) // 2
        leaked = [f"<p>{escape(line)}</p>" for line in LEAKED_LINES]
        paragraphs = leaked[:3] + paragraphs[:middle] + leaked[3:5] + paragraphs[middle:]
        paragraphs += leaked[5:]
    body = "\n".join(paragraphs)
    furniture_top = furniture_bottom = ""
    if boilerplate:
        furniture_top = """
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/region">Region</a></li><li><a href="/about">About us</a></li></ul></nav></header>
<div class="cookie-banner"><p>We use cookies to improve your experience. By continuing you
accept our use of cookies.</p><button>Accept</button></div>
<div class="loader">Loading Now</div>"""
        furniture_bottom = """
<figure><img src="/img/1.jpg"><figcaption>Image credit: Staff photographer</figcaption></figure>
<p>Photo: Sitrep Agency</p>
<div class="share"><p>Share this article</p><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<p>See also  Aid agencies warn of winter shortages</p>
<p>Read more: How the ceasefire talks stalled</p>
<section class="related"><h3>Related</h3><ul>
<li><a href="/a">Talks resume in the capital after a month-long pause</a></li>
<li><a href="/b">Farmers count the cost of a dry season</a></li></ul></section>
<div class="newsletter"><h4>Subscribe to our newsletter</h4><p>Newsletter signup</p>
<p>Please wait...</p><p>Thank you for sign up!</p></div>
<div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be published.
Required fields are marked *</p><p>Post Comment</p></div>
<a href="#top">Back to top button</a>
<footer><p>© 2026 Sitrep Test Agency. All rights reserved.</p></footer>"""
    page = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(article.title)}</title>
<meta property="og:title" content="{escape(article.title)}">
<meta property="article:published_time" content="{published.isoformat()}">
</head><body>{furniture_top}
<main><article><h1>{escape(article.title)}</h1>
<p class="byline">By Sitrep desk</p>
{body}
</article>{furniture_bottom}</main></body></html>
"""
    return page.encode("utf-8")
