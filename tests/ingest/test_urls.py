"""canonical_url gives one spelling per article; is_http_url accepts only absolute http(s)."""

from __future__ import annotations

import pytest

from digests.ingest.urls import canonical_url, is_http_url


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        (
            "HTTPS://WWW.BBC.co.uk:443/news/articles/c1?at_medium=RSS&at_campaign=rss#0",
            "https://www.bbc.co.uk/news/articles/c1",
        ),
        (
            "https://www.aljazeera.com/news/2026/10/4/x?traffic_source=rss",
            "https://www.aljazeera.com/news/2026/10/4/x",
        ),
        ("https://www.dw.com/en/a-1?maca=en-rss-en-all-1573-rdf", "https://www.dw.com/en/a-1"),
        (
            "http://example.org/a?utm_source=x&utm_medium=y&b=2&a=1&fbclid=z&gclid=q",
            "http://example.org/a?a=1&b=2",
        ),
        ("http://example.org:8080/a?ocid=1&cmpid=2&id=7", "http://example.org:8080/a?id=7"),
        ("http://Example.org", "http://example.org/"),
        ("http://example.org/a%20b", "http://example.org/a%20b"),
        ("http://example.org/a b", "http://example.org/a%20b"),
        (" http://example.org/x#section ", "http://example.org/x"),
    ],
)
def test_canonical_url(raw: str, canonical: str) -> None:
    assert canonical_url(raw) == canonical


def test_canonical_url_is_idempotent() -> None:
    url = "HTTP://Example.ORG:80/path/%D8%A7?z=1&utm_term=x&a=%20b#frag"
    once = canonical_url(url)
    assert canonical_url(once) == once == "http://example.org/path/%D8%A7?a=%20b&z=1"


def test_query_values_that_matter_are_kept() -> None:
    assert canonical_url("https://example.org/story.php?id=42&page=2") == (
        "https://example.org/story.php?id=42&page=2"
    )


def test_non_http_urls_come_back_unchanged() -> None:
    assert canonical_url("mailto:desk@example.org") == "mailto:desk@example.org"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/feed", True),
        ("http://127.0.0.1:8000/x", True),
        ("ftp://example.org/", False),
        ("javascript:alert(1)", False),
        ("/relative/path", False),
        ("http://", False),
        ("http://[::1", False),
    ],
)
def test_is_http_url(url: str, ok: bool) -> None:
    assert is_http_url(url) is ok
