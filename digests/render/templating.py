"""The Jinja2 environment for digests: shipped templates, overridable from a user folder.

HTML templates are autoescaped, so no untrusted title or source can add markup.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Literal

import jinja2

from digests.errors import SitrepError
from digests.render.digest import DigestContext
from digests.render.split import TELEGRAM_LIMIT, split_message

SHIPPED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE_NAMES = {"html": "digest.html.j2", "text": "digest.txt.j2"}

Format = Literal["html", "text"]

_BLANK_RUNS = re.compile(r"\n{3,}")


class TemplateError(SitrepError):
    """A digest template is missing or broken (a user override, usually)."""

    default_message = "digest template error"


def make_environment(override_dir: Path | None = None) -> jinja2.Environment:
    """Templates from ``override_dir`` (e.g. config/templates/) first, then the shipped ones."""
    loaders: list[jinja2.BaseLoader] = []
    if override_dir is not None and override_dir.is_dir():
        loaders.append(jinja2.FileSystemLoader(override_dir))
    loaders.append(jinja2.FileSystemLoader(SHIPPED_TEMPLATES))
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "html.j2"), default_for_string=False
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


@functools.cache
def default_environment() -> jinja2.Environment:
    """The shipped templates only, compiled once per process."""
    return make_environment()


def tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row: blank lines mark split points."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines))


def render_digest(
    context: DigestContext, fmt: Format = "html", env: jinja2.Environment | None = None
) -> str:
    """The whole digest as one string (may exceed Telegram's limit: see ``render_messages``)."""
    environment = env or default_environment()
    try:
        template = environment.get_template(TEMPLATE_NAMES[fmt])
        return tidy(template.render(context.as_dict()))
    except jinja2.TemplateError as e:
        raise TemplateError(f"cannot render {TEMPLATE_NAMES[fmt]}: {e}") from e


def render_messages(
    context: DigestContext,
    fmt: Format = "html",
    env: jinja2.Environment | None = None,
    limit: int = TELEGRAM_LIMIT,
) -> list[str]:
    """The digest split into messages of at most ``limit`` characters, on event boundaries."""
    return split_message(render_digest(context, fmt, env), limit=limit, html=fmt == "html")
