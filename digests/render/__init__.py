"""Rendering: digest contexts, Jinja2 templates, Telegram-sized messages, numbers for reading."""

from digests.render.digest import DigestContext, build_digest
from digests.render.split import split_message
from digests.render.templating import make_environment, render_digest, render_messages

__all__ = [
    "DigestContext",
    "build_digest",
    "make_environment",
    "render_digest",
    "render_messages",
    "split_message",
]
