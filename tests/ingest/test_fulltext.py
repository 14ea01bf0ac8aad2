"""Full text: when an entry needs its page, and pages reduced to the article without furniture."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from digests.errors import ParseError
from digests.ingest.feedparse import FeedEntry
from digests.ingest.fulltext import extract_page, needs_full_text, scrub_boilerplate
from digests.ingest.http import PAGE_ACCEPT, Fetcher
from tests.support.feeds import ARTICLES, LEAKED_LINES, NOW, Article, article_page
from tests.support.site import LocalSite

URL = "http://127.0.0.1:8000/news/story"
LONG_BODY = " ".join(ARTICLES[0].paragraphs * 2)


def entry(summary: str = "", content: str = "", link: str | None = URL) -> FeedEntry:
    return FeedEntry(guid="g", link=link, title="t", summary=summary, content=content)


def test_teaser_needs_the_page() -> None:
    assert needs_full_text(entry(summary=ARTICLES[0].teaser))


def test_full_content_in_the_feed_does_not_need_the_page() -> None:
    assert not needs_full_text(entry(summary=ARTICLES[0].teaser, content=LONG_BODY))


def test_long_summary_cut_off_with_an_ellipsis_needs_the_page() -> None:
    assert needs_full_text(entry(summary=LONG_BODY + " The toll could […]"))
    assert needs_full_text(entry(summary=LONG_BODY + " Continue reading"))


def test_entry_without_a_link_cannot_need_a_page() -> None:
    assert not needs_full_text(entry(summary="Short.", link=None))
    assert not needs_full_text(entry(summary="Short.", link="javascript:void(0)"))


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_page_text_is_the_article_and_nothing_else(article: Article) -> None:
    html = article_page(article, leaks=True)
    page = extract_page(html, url=URL, content_type="text/html; charset=utf-8")
    assert page.text == article.text
    assert page.title == article.title
    assert page.published == NOW
    assert page.language == "en"


def test_scrub_drops_each_leaked_line_and_keeps_sentences_that_resemble_them() -> None:
    kept = [
        "More than 2,500 civilians have been killed in the fighting so far this year.",
        "Related talks between the two sides collapsed in March, officials said.",
        "See the full report, published on Monday, for the breakdown by province.",
        "Sources said at least 12 people were detained at the crossing overnight, including two "
        "women, and that the detainees had been moved to a facility near the border.",
    ]
    text = "\n".join([*LEAKED_LINES[:8], kept[0], kept[1], *LEAKED_LINES[8:], *kept[2:]])
    assert scrub_boilerplate(text) == "\n\n".join(kept)


def test_scrub_removes_invisible_characters_and_the_repeated_headline() -> None:
    text = "Strike on convoy\nNetan\u00adyahu spoke on Tues\u200bday.\nNetanyahu spoke on Tuesday."
    assert scrub_boilerplate(text, titles=["Strike on convoy"]) == "Netanyahu spoke on Tuesday."


def test_scrub_drops_a_dateline() -> None:
    text = "November 20, 2026 - 11:28 AMT\nAt least 12 people were killed, the group said."
    assert scrub_boilerplate(text) == "At least 12 people were killed, the group said."


@pytest.mark.parametrize(
    ("content_type", "body", "message"),
    [
        ("application/pdf", b"%PDF-1.7\n...", "not an HTML page (application/pdf)"),
        ("image/jpeg", b"\xff\xd8\xff\xe0....", "not an HTML page (image/jpeg)"),
        (None, b"%PDF-1.7\n...", "not an HTML page (binary data)"),
        ("text/plain", b"just words, no markup", "not an HTML page (text/plain)"),
        ("text/html", b"   ", "empty page"),
    ],
)
def test_non_html_pages_are_clear_errors(
    content_type: str | None, body: bytes, message: str
) -> None:
    with pytest.raises(ParseError) as caught:
        extract_page(body, url=URL, content_type=content_type)
    assert caught.value.message == message


def test_page_without_article_text_is_a_clear_error() -> None:
    empty = b"<html><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(ParseError, match=r"^no article text found on the page$"):
        extract_page(empty, url=URL, content_type="text/html")


def test_page_in_a_legacy_charset_is_decoded() -> None:
    paragraphs = [
        "Les secours ont dégagé onze blessés des décombres du marché, a indiqué la défense "
        "civile, qui craint un bilan plus lourd dans la soirée.",
        "Selon les médecins de l'hôpital régional, quatre enfants font partie des victimes et "
        "deux blessés ont été transférés vers la frontière.",
        "Les habitants ont quitté le quartier à pied, emportant couvertures et réserves d'eau, "
        "tandis que les bombardements reprenaient au nord de la ville.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (
        '<html lang="fr"><head><meta charset="windows-1252"><title>Marché</title></head>'
        f"<body><article><h1>Marché bombardé</h1>{body}</article></body></html>"
    ).encode("cp1252")
    page = extract_page(html, url=URL, content_type="text/html")
    assert page.text == "\n\n".join(paragraphs)
    assert page.language == "fr"


def test_page_fetched_over_http_and_a_pdf_link_is_refused(site: LocalSite) -> None:
    """End to end against 127.0.0.1: an HTML article extracts; a PDF article is a clear error."""
    article = ARTICLES[1]
    html_url = site.add("/news/camp.html", article_page(article), content_type="text/html")
    pdf_url = site.add("/docs/report.pdf", b"%PDF-1.5\n%binary", content_type="application/pdf")

    async def fetch_both() -> tuple[bytes, str | None, bytes, str | None]:
        async with Fetcher() as fetcher:
            html = await fetcher.get(html_url, accept=PAGE_ACCEPT)
            pdf = await fetcher.get(pdf_url, accept=PAGE_ACCEPT)
        return html.content, html.content_type, pdf.content, pdf.content_type

    html, html_type, pdf, pdf_type = asyncio.run(fetch_both())
    assert extract_page(html, url=html_url, content_type=html_type).text == article.text
    with pytest.raises(ParseError, match=r"^not an HTML page \(application/pdf\)$"):
        extract_page(pdf, url=pdf_url, content_type=pdf_type)
    assert site.last_headers["/news/camp.html"]["accept"] == PAGE_ACCEPT


def test_page_date_without_zone_is_read_as_utc() -> None:
    page = extract_page(
        article_page(ARTICLES[2], published=datetime(2026, 3, 1, 9, 30)),
        url=URL,
        content_type="text/html",
    )
    assert page.published is not None and page.published.tzinfo is not None
    assert page.published.astimezone(UTC).date() == datetime(2026, 3, 1).date()
