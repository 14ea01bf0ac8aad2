"""Split a message for Telegram: at most 4096 characters, cut on blank lines (event
boundaries), then lines, and only as a last resort inside a line, never inside a tag or entity.
"""

from __future__ import annotations

import re

TELEGRAM_LIMIT = 4096

_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|[^<&]+|[<&]")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")


def units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji counts two)."""
    return len(text.encode("utf-16-le")) // 2


def split_message(text: str, limit: int = TELEGRAM_LIMIT, *, html: bool = True) -> list[str]:
    """Pieces of ``text``, each at most ``limit`` units, in order; no empty piece."""
    if limit < 64:
        raise ValueError("limit too small to hold a line of a digest")
    pieces: list[str] = []
    for block in _pack(_safe_parts(text, "\n\n", html), "\n\n", limit):
        if units(block) <= limit:
            pieces.append(block)
            continue
        for lines in _pack(_safe_parts(block, "\n", html), "\n", limit):
            if units(lines) <= limit:
                pieces.append(lines)
            else:
                pieces.extend(_hard_split(lines, limit, html=html))
    return [p for p in (piece.strip("\n") for piece in pieces) if p.strip()]


def _tokens(text: str, html: bool) -> list[str]:
    return _TOKEN.findall(text) if html else [text]


def _tag(token: str) -> re.Match[str] | None:
    return _TAG.match(token) if token.startswith("<") else None


def _safe_parts(text: str, separator: str, html: bool) -> list[str]:
    """``text`` split at ``separator`` wherever no tag is open (a tag may span lines)."""
    if not html:
        return text.split(separator)
    parts: list[str] = []
    current = ""
    depth = 0
    for token in _tokens(text, html):
        tag = _tag(token)
        if tag is not None:
            depth += -1 if tag.group(1) else (0 if token.endswith("/>") else 1)
            depth = max(depth, 0)
            current += token
            continue
        if depth:
            current += token
            continue
        chunks = token.split(separator)
        current += chunks[0]
        for chunk in chunks[1:]:
            parts.append(current)
            current = chunk
    parts.append(current)
    return parts


def _pack(parts: list[str], joiner: str, limit: int) -> list[str]:
    """Join consecutive parts while they fit; a part too long on its own stays alone."""
    packed: list[str] = []
    current: str | None = None
    for part in parts:
        candidate = part if current is None else f"{current}{joiner}{part}"
        if units(candidate) <= limit:
            current = candidate
            continue
        if current is not None:
            packed.append(current)
        current = part
    if current is not None:
        packed.append(current)
    return packed


class _Cutter:
    """Accumulates tokens into pieces, closing open tags at each cut and reopening them after."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.pieces: list[str] = []
        self.open_tags: list[tuple[str, str]] = []  # (name, opening tag as written)
        self.current = ""

    def reopening(self) -> str:
        return "".join(tag for _, tag in self.open_tags)

    def closing(self) -> str:
        return "".join(f"</{name}>" for name, _ in reversed(self.open_tags))

    def fresh(self) -> bool:
        return self.current == self.reopening()

    def room(self) -> int:
        return self.limit - units(self.current) - units(self.closing())

    def flush(self) -> None:
        if not self.fresh() and self.current.strip():
            self.pieces.append(self.current + self.closing())
        self.current = self.reopening()

    def add_tag(self, token: str, tag: re.Match[str]) -> None:
        # Keep room for this tag and for a closer of its own, so the piece can always end.
        if units(token) + len(tag.group(2)) + 3 > self.room():
            self.flush()
        self.current += token
        name = tag.group(2).lower()
        if tag.group(1):
            if self.open_tags and self.open_tags[-1][0] == name:
                self.open_tags.pop()
        elif not token.endswith("/>"):
            self.open_tags.append((name, token))

    def add_text(self, token: str) -> None:
        rest = token
        while rest:
            if units(rest) <= self.room():
                self.current += rest
                return
            if token.startswith("&") and token.endswith(";"):
                if self.fresh():  # an entity is never cut; alone in a piece it must go in
                    self.current += rest
                    return
                self.flush()
                continue
            fit, at_break = _cut_point(rest, self.room())
            cut = at_break
            if cut == 0:
                if not self.fresh():
                    self.flush()  # the word may fit whole in the next piece
                    continue
                cut = max(fit, 1)  # a word longer than a message: cut it
            self.current += rest[:cut]
            rest = rest[cut:]
            self.flush()

    def finish(self) -> list[str]:
        if not self.fresh() and self.current.strip():
            self.pieces.append(self.current + self.closing())
        return self.pieces


def _hard_split(text: str, limit: int, *, html: bool) -> list[str]:
    """Cut one over-long line between tokens (or words), closing and reopening open tags."""
    cutter = _Cutter(limit)
    for token in _tokens(text, html):
        tag = _tag(token) if html else None
        if tag is not None:
            cutter.add_tag(token, tag)
        else:
            cutter.add_text(token)
    return cutter.finish()


def _cut_point(text: str, room: int) -> tuple[int, int]:
    """How many characters of ``text`` fit in ``room`` units, and how many up to the last
    space or newline among them (0 when there is none)."""
    fit = 0
    used = 0
    for index, char in enumerate(text):
        used += units(char)
        if used > room:
            break
        fit = index + 1
    breaks = max(text.rfind("\n", 0, fit), text.rfind(" ", 0, fit))
    return fit, breaks + 1
