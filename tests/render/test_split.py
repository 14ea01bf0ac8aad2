"""Splitting for Telegram when a single block or line is itself too long."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digests.render.split import split_message, units
from tests.render.test_digest import parse


def text_of(html: str) -> str:
    return "".join(parse(html).text)


def test_short_messages_are_left_whole() -> None:
    assert split_message("<b>one</b>\n\ntwo") == ["<b>one</b>\n\ntwo"]


def test_blocks_are_packed_greedily_up_to_the_limit() -> None:
    blocks = ["x" * 40] * 10
    pieces = split_message("\n\n".join(blocks), limit=100)
    assert pieces == ["x" * 40 + "\n\n" + "x" * 40] * 5


def test_an_over_long_line_is_cut_between_words_closing_and_reopening_tags() -> None:
    line = (
        "<b>"
        + " ".join(f"word{i} &amp;" for i in range(300))
        + '</b> <a href="https://e.x/">end</a>'
    )
    pieces = split_message(line, limit=200)
    assert len(pieces) > 5
    for piece in pieces:
        assert units(piece) <= 200
        assert parse(piece).balanced
        assert not re.search(r"&[#\w]*$", piece)  # no entity cut in half
    assert " ".join(text_of(p) for p in pieces).split() == text_of(line).split()


def test_emoji_count_as_two_units_like_telegram_counts_them() -> None:
    pieces = split_message("😀" * 100, limit=100)
    assert [units(p) for p in pieces] == [100, 100]


def test_a_limit_too_small_for_any_line_is_refused() -> None:
    with pytest.raises(ValueError, match="limit"):
        split_message("text", limit=10)


@given(
    st.lists(
        st.tuples(st.sampled_from(["", "b", "i", "a"]), st.text(min_size=0, max_size=300)),
        max_size=40,
    ),
    st.integers(min_value=64, max_value=500),
)
def test_any_escaped_input_splits_within_the_limit_into_balanced_pieces(
    parts: list[tuple[str, str]], limit: int
) -> None:
    from markupsafe import escape

    html = ""
    for tag, text in parts:
        body = str(escape(text))
        if tag == "a":
            html += f'<a href="https://example.org/">{body}</a>'
        elif tag:
            html += f"<{tag}>{body}</{tag}>"
        else:
            html += body
    for piece in split_message(html, limit=limit):
        assert units(piece) <= limit
        assert parse(piece).balanced
