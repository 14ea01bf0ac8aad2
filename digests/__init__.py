"""Sitrep's engine: feeds become articles, articles become figures, events and digests.

Nothing in this package knows about Telegram; ``bot`` builds on it.
"""

__version__ = "0.1.0"
