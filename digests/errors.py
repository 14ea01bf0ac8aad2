"""The one exception root of Sitrep, and the errors each part raises.

Third-party errors are wrapped once, at the boundary that meets them (``raise ... from e``),
so callers catch ``SitrepError`` subclasses and never httpx, feedparser or SQLAlchemy errors.
"""

from __future__ import annotations


class SitrepError(Exception):
    """Root of every error Sitrep raises on purpose."""

    default_message = "Sitrep error"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)

    @property
    def message(self) -> str:
        return str(self.args[0])


class ConfigError(SitrepError, ValueError):
    """The settings are invalid; ``problems`` lists every one, each naming its file and key."""

    default_message = "invalid configuration"

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("invalid configuration:\n" + "\n".join(f"  - {p}" for p in problems))


class StorageError(SitrepError):
    """The store could not do what was asked (database unreachable, migration failed)."""

    default_message = "storage error"


class NotFoundError(SitrepError, LookupError):
    """A thing asked for by id or URL is not in the store."""

    default_message = "not found"


class FeedError(SitrepError):
    """Polling a feed failed; ``reason`` is short and fit for feed health and logs."""

    default_message = "feed error"


class FetchError(FeedError):
    """An HTTP fetch failed: network error, bad status, or a limit was exceeded.

    ``status`` is the HTTP status when there was one; ``retry_after`` the seconds the server
    asked us to wait (429/503), already bounded; ``permanent`` means do not try again (410).
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
        permanent: bool = False,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after
        self.permanent = permanent


class ParseError(FeedError, ValueError):
    """The fetched document is not a feed we can read (HTML page, no entries, broken XML)."""

    default_message = "not a feed"


class InvalidFeedURLError(FeedError, ValueError):
    """A feed URL is not an absolute http(s) URL."""

    default_message = "invalid feed URL"


class ExtractionInputError(SitrepError, ValueError):
    """Input to ``sitrep extract`` is malformed (bad JSON line, bad date)."""

    default_message = "invalid extraction input"


class InvalidPeriodError(SitrepError, ValueError):
    """A period or date typed by a person could not be read."""

    default_message = "invalid period"
