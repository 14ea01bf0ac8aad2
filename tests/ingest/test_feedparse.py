"""parse_feed on the project's own feeds: formats, defects, charsets, dates, odd entries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from digests.errors import ParseError
from digests.ingest.feedparse import (
    HTMLPageError,
    decode_document,
    html_to_text,
    parse_feed,
    parse_loose_date,
    repair_mojibake,
)
from tests.support.feeds import ARTICLES, NOW, Item, article_items, atom_feed, rss_feed

URL = "http://127.0.0.1:8000/feed.xml"


def test_rss_entries_come_out_as_plain_text_with_utc_dates() -> None:
    feed = parse_feed(rss_feed(article_items("http://127.0.0.1/news", full=True)), url=URL)
    assert feed.title == "Sitrep test wire" and feed.language == "en"
    assert [e.title for e in feed.entries] == [a.title for a in ARTICLES]
    first = feed.entries[0]
    assert first.guid == "tag:sitrep.test,2026:market-shelling"
    assert first.link is not None and first.link.startswith("http://127.0.0.1/news/market-shelling")
    assert first.summary == ARTICLES[0].teaser
    assert first.content == ARTICLES[0].text  # paragraphs kept, tags gone
    assert first.published == NOW and first.published.tzinfo is not None
    assert first.author == "Sitrep desk" and first.language == "en"
    assert feed.warnings == []


def test_atom_entries_are_read() -> None:
    feed = parse_feed(atom_feed(article_items("http://127.0.0.1/news", full=True)), url=URL)
    assert len(feed.entries) == 3
    entry = feed.entries[1]
    assert entry.guid == "tag:sitrep.test,2026:camp-flooding"
    assert entry.published == NOW - timedelta(hours=1)
    assert entry.content == ARTICLES[1].text and entry.author == "Sitrep desk"


def test_rdf_feed_with_dc_date_only_gets_a_published_date() -> None:
    rdf = b"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://127.0.0.1/"><title>RDF wire</title><link>http://127.0.0.1/</link>
<description>d</description></channel>
<item rdf:about="http://127.0.0.1/a/1"><title>Camp flooded</title>
<link>http://127.0.0.1/a/1</link><description>Tents damaged.</description>
<dc:date>2026-11-19T08:30:00+01:00</dc:date></item></rdf:RDF>"""
    entry = parse_feed(rdf, url=URL).entries[0]
    assert entry.guid == "http://127.0.0.1/a/1"
    assert entry.published == datetime(2026, 11, 19, 7, 30, tzinfo=UTC)


def test_rss_091_is_read() -> None:
    old = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old wire</title>
<link>http://127.0.0.1/</link><description>d</description><language>fr</language>
<item><title>Convoi touch\xc3\xa9</title><link>http://127.0.0.1/c</link>
<description>Deux chauffeurs tu\xc3\xa9s.</description></item></channel></rss>"""
    feed = parse_feed(old, url=URL)
    assert feed.entries[0].title == "Convoi touché" and feed.entries[0].language == "fr"


def test_invalid_xml_still_yields_its_entries_with_a_warning() -> None:
    broken = rss_feed(article_items("http://127.0.0.1/news")).replace(
        b"<title>Drone strike",
        b"<title>Drone & strike",  # a bare ampersand
    )
    feed = parse_feed(broken, url=URL)
    assert len(feed.entries) == 3
    assert any("broken XML" in warning for warning in feed.warnings)


def test_truncated_feed_keeps_the_entries_before_the_cut() -> None:
    whole = rss_feed(article_items("http://127.0.0.1/news"))
    cut = whole[: whole.index(b"<item>", whole.index(b"</item>"))] + b"<item><title>Half"
    feed = parse_feed(cut, url=URL)
    assert [e.title for e in feed.entries][:1] == [ARTICLES[0].title]
    assert feed.warnings


def test_truncated_feed_without_entries_is_a_clear_error() -> None:
    cut = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><!-- error -->'
    with pytest.raises(ParseError, match=r"^broken feed, no entries"):
        parse_feed(cut, url=URL)


def test_html_page_instead_of_a_feed_is_a_clear_error_naming_the_real_feed() -> None:
    page = b"""<!DOCTYPE html><html><head><title>News</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml"></head>
<body><p>Welcome</p></body></html>"""
    with pytest.raises(HTMLPageError) as caught:
        parse_feed(page, url="http://127.0.0.1:8000/news/", content_type="text/html")
    assert caught.value.message == "an HTML page, not a feed"
    assert caught.value.feed_links == ["http://127.0.0.1:8000/rss.xml"]


def test_feed_served_as_text_html_is_still_read() -> None:
    body = rss_feed(article_items("http://127.0.0.1/news"))
    assert len(parse_feed(body, url=URL, content_type="text/html").entries) == 3


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        (b"", None, "not a feed: empty response"),
        (b"%PDF-1.7 binary", "application/pdf", "not a feed (application/pdf)"),
        (b"\x89PNG\r\n\x1a\n....", None, "not a feed (binary data)"),
    ],
)
def test_non_feeds_are_clear_errors(body: bytes, content_type: str | None, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_feed(body, url=URL, content_type=content_type)
    assert caught.value.message == message


def test_plain_text_is_not_a_feed() -> None:
    with pytest.raises(ParseError, match=r"^not a feed"):
        parse_feed(b"Service temporarily unavailable, try later", url=URL)


def test_wrong_declared_charset_utf8_bytes_labelled_latin1() -> None:
    items = [Item("Évacuation à Idleb — 6 000 déplacés", "http://127.0.0.1/e", "e1", "Résumé")]
    body = rss_feed(items, declared_encoding="ISO-8859-1")
    feed = parse_feed(body, url=URL, content_type="application/rss+xml; charset=ISO-8859-1")
    assert feed.entries[0].title == "Évacuation à Idleb — 6 000 déplacés"
    assert feed.entries[0].summary == "Résumé"
    assert any("bytes are UTF-8" in w for w in feed.warnings)


def test_latin1_bytes_declared_utf8_are_redecoded() -> None:
    items = [Item("Réfugiés à la frontière", "http://127.0.0.1/r", "r1", "Été difficile")]
    body = rss_feed(items, encoding="latin-1", declared_encoding="utf-8")
    feed = parse_feed(body, url=URL)
    assert feed.entries[0].title == "Réfugiés à la frontière"


def test_windows_1256_arabic_feed_is_decoded_as_declared() -> None:
    title = "قصف سوق في إدلب"
    body = rss_feed([Item(title, "http://127.0.0.1/ar", "ar1", "")], encoding="cp1256")
    assert parse_feed(body, url=URL).entries[0].title == title


def test_leading_blank_lines_before_the_xml_declaration_are_tolerated() -> None:
    body = b"\n\n  " + rss_feed(article_items("http://127.0.0.1/news"))
    feed = parse_feed(body, url=URL)
    assert len(feed.entries) == 3 and not any("broken" in w for w in feed.warnings)


def test_entry_without_link_or_guid_is_kept() -> None:
    items = [Item("Camp shelled", summary="Two tents burned.", published=NOW)]
    entry = parse_feed(rss_feed(items), url=URL).entries[0]
    assert (entry.guid, entry.link, entry.title) == (None, None, "Camp shelled")
    assert entry.summary == "Two tents burned."


def test_duplicate_guid_with_the_same_link_keeps_the_first_entry() -> None:
    items = [
        Item("First", "http://127.0.0.1/a", "g1", "one"),
        Item("First again", "http://127.0.0.1/a", "g1", "one"),
        Item("Second", "http://127.0.0.1/b", "g2", "two"),
    ]
    feed = parse_feed(rss_feed(items), url=URL)
    assert [e.title for e in feed.entries] == ["First", "Second"]
    assert any("repeated" in w for w in feed.warnings)


def test_guid_shared_by_different_links_is_dropped_so_links_identify_entries() -> None:
    items = [
        Item("Strike on market", "http://127.0.0.1/a", "same", "one"),
        Item("Floods in camps", "http://127.0.0.1/b", "same", "two"),
    ]
    feed = parse_feed(rss_feed(items), url=URL)
    assert [(e.guid, e.link) for e in feed.entries] == [
        (None, "http://127.0.0.1/a"),
        (None, "http://127.0.0.1/b"),
    ]


def test_date_in_the_future_is_kept_as_given() -> None:
    future = datetime(2031, 1, 2, 3, 4, 5, tzinfo=UTC)
    items = [Item("From the future", "http://127.0.0.1/f", "f", "x", published=future)]
    assert parse_feed(rss_feed(items), url=URL).entries[0].published == future


def test_localised_and_drupal_dates_in_pubdate_are_parsed() -> None:
    items = [
        Item(
            "a",
            "http://127.0.0.1/a",
            "a",
            extra_xml="<pubDate>Lundi, septembre 21, 2026 - 10:19</pubDate>",
        ),
        Item(
            "b",
            "http://127.0.0.1/b",
            "b",
            extra_xml="<pubDate>mer, 16 nov 2022 00:38:15 +0100</pubDate>",
        ),
        Item(
            "c",
            "http://127.0.0.1/c",
            "c",
            extra_xml="<pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate>",
        ),
    ]
    feed = parse_feed(rss_feed(items), url=URL)
    assert [e.published for e in feed.entries] == [
        datetime(2026, 9, 21, 10, 19, tzinfo=UTC),
        datetime(2022, 11, 15, 23, 38, 15, tzinfo=UTC),
        datetime(2018, 9, 24, 22, 42, 40, tzinfo=UTC),
    ]
    assert "dates in a non-standard format" in feed.warnings


def test_unreadable_date_leaves_published_empty_and_says_so() -> None:
    items = [Item("a", "http://127.0.0.1/a", "a", extra_xml="<pubDate>yesterday-ish</pubDate>")]
    feed = parse_feed(rss_feed(items), url=URL)
    assert feed.entries[0].published is None
    assert any("unreadable date" in w for w in feed.warnings)


def test_feedburner_origin_link_wins_over_the_tracker() -> None:
    extra = (
        '<feedburner:origLink xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">'
        "http://127.0.0.1/real-article</feedburner:origLink>"
    )
    items = [Item("a", "http://feeds.example.net/~r/x/~3/abc/", "a", extra_xml=extra)]
    assert parse_feed(rss_feed(items), url=URL).entries[0].link == "http://127.0.0.1/real-article"


def test_double_escaped_title_entities_are_resolved() -> None:
    items = [Item("Talks resume &mdash; again", "http://127.0.0.1/a", "a")]
    assert parse_feed(rss_feed(items), url=URL).entries[0].title == "Talks resume — again"


def test_javascript_links_are_not_kept() -> None:
    items = [Item("a", "javascript:alert(1)", "a", "x")]
    assert parse_feed(rss_feed(items), url=URL).entries[0].link is None


def test_billion_laughs_entity_expansion_does_not_blow_up() -> None:
    bomb = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>
<rss version="2.0"><channel><title>&g;</title><item><title>x</title>
<link>http://127.0.0.1/x</link></item></channel></rss>"""
    try:
        feed = parse_feed(bomb, url=URL)
    except ParseError:
        return
    assert len(feed.title) < 10_000_000


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    html = "<p>One &amp; two.</p><script>x()</script><div>Three<br>four</div>"
    html += "<figure><img src='a.jpg'><figcaption>Photo credit</figcaption></figure>"
    assert html_to_text(html) == "One & two.\n\nThree\nfour"


def test_repair_mojibake_fixes_utf8_read_as_cp1252_only() -> None:
    assert repair_mojibake("DÃ©placÃ©s Ã\xa0 Idleb") == "Déplacés à Idleb"
    assert repair_mojibake("SÃO PAULO") == "SÃO PAULO"  # a real Ã stays
    assert repair_mojibake("plain") == "plain"


def test_decode_document_detects_undeclared_latin1() -> None:
    body = "<rss><channel><title>Notícias do Brasil: eleição é disputada</title>".encode("latin-1")
    text, notes = decode_document(body, None)
    assert "Notícias do Brasil: eleição é disputada" in text
    assert notes == ["no charset declared; bytes read as cp1252"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Friday, September 25, 2026 - 15:56", datetime(2026, 9, 25, 15, 56, tzinfo=UTC)),
        ("25 décembre 2025 à 08:00 GMT+2", datetime(2025, 12, 25, 6, 0, tzinfo=UTC)),
        ("21.09.2026 10h19", datetime(2026, 9, 21, 10, 19, tzinfo=UTC)),
        ("3 marzo 2024 4:05 pm CET", datetime(2024, 3, 3, 15, 5, tzinfo=UTC)),
        ("nonsense", None),
        ("31 février 2024", None),
    ],
)
def test_parse_loose_date(raw: str, expected: datetime | None) -> None:
    assert parse_loose_date(raw) == expected


def test_relative_links_resolve_against_the_feed_url_and_scripts_are_dropped() -> None:
    body = (
        b'<rss version="2.0"><channel><title>x</title><link>/</link><item><title>a</title>'
        b"<link>/news/1</link><description>&lt;script&gt;alert(1)&lt;/script&gt;Hello "
        b"&lt;b&gt;there&lt;/b&gt;</description></item></channel></rss>"
    )
    feed = parse_feed(body, url="http://127.0.0.1:9/feed.xml")
    assert feed.link == "http://127.0.0.1:9/"
    assert (feed.entries[0].link, feed.entries[0].summary) == (
        "http://127.0.0.1:9/news/1",
        "Hello there",
    )
