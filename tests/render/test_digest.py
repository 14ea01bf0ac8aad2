"""Rendering digests: hostile text stays text, only Telegram's tags appear, calm days read calm."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from digests.events import EventBook
from digests.events.period import Period
from digests.render import build_digest, make_environment, render_digest, render_messages
from digests.render.templating import TemplateError
from tests.events.fixtures import MAARAT, article, at, killed, market_airstrike_reports
from tests.events.test_area_figures import uossm_release

ALLOWED_TAGS = {"b", "i", "u", "s", "a", "code", "pre", "blockquote"}
WEEK = Period.ending(date(2019, 7, 22), 7)


class TagCollector(HTMLParser):
    """Every tag and attribute a Telegram client would parse, and whether they balance."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.stack: list[str] = []
        self.balanced = True
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.balanced = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(html)
    collector.close()
    collector.balanced = collector.balanced and not collector.stack
    return collector


def hostile_reports() -> list:
    base = market_airstrike_reports()
    return [
        replace(
            base[0],
            published=at("2019-07-23", 12),  # the newest report: its title leads the event
            title='<script>alert("x")</script> Strikes & "raids" kill 14 <b>now</b>',
            outlet="Evil <i>Outlet</i> & Co",
            figures=(
                killed(14, source='SOHR"><a href="javascript:x">', place=MAARAT, day="2019-07-22"),
            ),
        ),
        replace(base[1], url="javascript:alert(1)"),
        *base[2:],
    ]


def digest_of(articles, period: Period = WEEK, fmt: str = "html") -> str:
    book = EventBook()
    book.add_all(articles)
    return render_digest(build_digest(book.events(), period), fmt)  # type: ignore[arg-type]


def test_hostile_titles_outlets_and_sources_are_escaped_never_markup() -> None:
    html = digest_of(hostile_reports())
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Evil &lt;i&gt;Outlet&lt;/i&gt; &amp; Co" in html
    assert "javascript:" not in html.replace("javascript:x", "")  # no link to a script URL
    parsed = parse(html)
    assert parsed.balanced
    hrefs = [dict(attrs).get("href") for tag, attrs in parsed.tags if tag == "a"]
    assert hrefs and all(h and h.startswith("https://") for h in hrefs)


def test_only_telegram_tags_appear_and_links_carry_only_href() -> None:
    parsed = parse(digest_of(hostile_reports()))
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    for tag, attrs in parsed.tags:
        assert [name for name, _ in attrs] == (["href"] if tag == "a" else [])


def test_the_text_digest_is_plain_and_keeps_hostile_text_verbatim() -> None:
    text = digest_of(hostile_reports(), fmt="text")
    assert '<script>alert("x")</script>' in text  # plain text: nothing to escape, nothing runs
    assert "&amp;" not in text
    assert "12–14 killed (" in text


def test_a_digest_names_period_totals_escalation_and_the_top_event() -> None:
    text = digest_of(market_airstrike_reports(), fmt="text")
    assert "16–22 Jul 2019" in text
    assert "12–14 killed in 1 event" in text
    assert "after 4 quiet weeks" in text  # nothing in the baseline: no ratio invented
    assert "12–14 killed (SOHR 14, White Helmets 12, +2 outlets)" in text
    assert "Maarat al-Numan, Idleb — 22 Jul 2019 — airstrike" in text


def test_calm_variant_when_nothing_happened() -> None:
    quiet = Period.ending(date(2019, 9, 1), 7)
    for fmt in ("html", "text"):
        rendered = digest_of(market_airstrike_reports(), quiet, fmt)
        assert "All quiet" in rendered
        assert "killed" not in rendered


def test_a_user_template_folder_overrides_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "digest.txt.j2").write_text("Custom {{ period }}: {{ event_count }} events\n")
    book = EventBook()
    book.add_all(market_airstrike_reports())
    context = build_digest(book.events(), WEEK)
    env = make_environment(tmp_path)
    assert render_digest(context, "text", env) == "Custom 16–22 Jul 2019: 1 events"
    assert "<b>" in render_digest(context, "html", env)  # not overridden: shipped template


def test_a_broken_user_template_raises_a_sitrep_error(tmp_path: Path) -> None:
    (tmp_path / "digest.txt.j2").write_text("{{ no_such_field }}")
    context = build_digest([], WEEK)
    with pytest.raises(TemplateError, match=r"digest\.txt\.j2"):
        render_digest(context, "text", make_environment(tmp_path))


def many_events(count: int) -> list:
    places = [
        replace(MAARAT, name=f"Village {i} <&>", place_id=f"test:{i}", lat=30 + i, lon=40)
        for i in range(count)
    ]
    return [
        article(
            100 + i,
            f"Outlet {i}",
            f"Shelling kills {i + 1} in village {i} & around <it>",
            at("2019-07-20"),
            "Artillery shelling hit the village.",
            [killed(i + 1, place=place, quote="shelling killed")],
            places=(place,),
        )
        for i, place in enumerate(places)
    ]


def test_long_digests_split_under_4096_on_event_boundaries() -> None:
    book = EventBook()
    book.add_all(many_events(120))
    context = build_digest(book.events(), WEEK, top=120)
    whole = render_digest(context, "html")
    messages = render_messages(context, "html")
    assert len(messages) > 1
    for message in messages:
        assert len(message.encode("utf-16-le")) // 2 <= 4096
        assert parse(message).balanced
        assert not re.search(r"<[^>]*$", message)  # no tag cut at the end
    assert "\n\n".join(messages) == whole  # cut only at blank lines: nothing lost or changed


def test_event_blocks_are_never_cut_in_the_middle() -> None:
    book = EventBook()
    book.add_all(many_events(120))
    messages = render_messages(build_digest(book.events(), WEEK, top=120), "html")
    for message in messages:
        blocks = message.split("\n\n")
        for block in blocks:
            if block.startswith("📍"):
                assert "Read:" in block  # an event's header and its links travel together


def test_each_article_is_linked_once_per_event_and_a_lone_report_only_under_it() -> None:
    """Five reports: each URL linked at most once, the newest always. One report: its link
    stands once under the event, not again beside every figure."""
    html = digest_of(market_airstrike_reports())
    links = re.findall(r'href="([^"]+)"', html)
    assert links and len(links) == len(set(links))
    newest = max(market_airstrike_reports(), key=lambda a: a.published)
    assert newest.url in links
    (lone,) = [market_airstrike_reports()[0]]
    single = digest_of([lone])
    assert re.findall(r'href="([^"]+)"', single) == [lone.url]


def test_a_figure_names_who_was_among_the_dead_as_its_own_sources_say() -> None:
    """Breakdowns from the figure's own sources ("incl. 5 children, 1 woman"), singular for
    one; a side's claim about militants beside another source's toll is not a breakdown."""
    report = article(
        90,
        "AFP",
        "Strike on Maarat al-Numan school kills 50",
        at("2019-07-22"),
        "The civil defence said 50 people were killed, among them five children and a woman. "
        "The army said 19 militants died.",
        [
            killed(50, source="White Helmets", place=MAARAT, day="2019-07-22", quote="50"),
            killed(5, group="children", source="White Helmets", place=MAARAT, quote="five"),
            killed(1, group="women", source="White Helmets", place=MAARAT, quote="a woman"),
            killed(19, group="combatants", source="army", place=MAARAT, quote="19 militants"),
        ],
    )
    text = digest_of([report], fmt="text")
    assert "50 killed, incl. 5 children, 1 woman (White Helmets)" in text
    assert "fighters" not in text


def test_the_rest_of_an_area_figure_says_what_it_leaves_to_the_specific_event() -> None:
    """ "At least 37 at the market ... 73 in the last two days": the market shows its 37, the
    area what is left, with the whole figure its source gave; the totals are the 73."""
    book = EventBook()
    book.add(uossm_release())
    text = render_digest(build_digest(book.events(), WEEK), "text")
    assert "73 killed · 110 injured in 2 events" in text
    assert "  at least 37 killed (UOSSM)\n" in text
    assert "  36 killed besides 37 counted separately (UOSSM at least 73)\n" in text
    html = render_digest(build_digest(book.events(), WEEK), "html")
    assert "<b>36 killed besides 37 counted separately</b> (UOSSM at least 73)" in html
