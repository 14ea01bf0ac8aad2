"""Who reported a figure: "according to X", "X said", "as reported by X", normalised so
that SOHR, OSDH and "the Observatory" are one source."""

from __future__ import annotations

import re

# Normalised names, each with the lower-case spellings that mean it.
_ALIASES: dict[str, tuple[str, ...]] = {
    "SOHR": (
        "syrian observatory for human rights",
        "observatoire syrien des droits de l'homme",
        "sohr",
        "osdh",
        "the observatory",
        "observatory",
        "war monitor",
        "the monitor",
        "britain-based monitor",
        "uk-based monitor",
        "britain-based observatory",
        "monitoring group",
    ),
    "White Helmets": (
        "white helmets",
        "syrian civil defence",
        "syria civil defence",
        "syrian civil defense",
        "syria civil defense",
        "civil defence",
        "civil defense",
    ),
    "SNHR": ("syrian network for human rights", "snhr"),
    "OCHA": (
        "united nations office for the coordination of humanitarian affairs",
        "un office for the coordination of humanitarian affairs",
        "ocha",
    ),
    "UNICEF": ("unicef",),
    "SANA": ("sana", "syrian arab news agency"),
    "UOSSM": ("uossm",),
    "MSF": ("doctors without borders", "médecins sans frontières", "msf"),
    "WHO": ("world health organization", "world health organisation"),
    "SAMS": ("syrian american medical society", "sams"),
    "IOM": ("international organization for migration", "iom"),
    "ICRC": ("international committee of the red cross", "icrc"),
    "UN": ("united nations", "the un", "un"),
}
_LOOKUP = sorted(
    ((alias, name) for name, aliases in _ALIASES.items() for alias in aliases),
    key=lambda pair: -len(pair[0]),
)
# Words of a name: capitalised words, with "of", "for", "the" inside ("Syrian Observatory for
# Human Rights"); bounded so that matching stays linear.
_WORD = r"(?:[A-Z][\w'’.-]{0,30}|of|for|the|and|de|des|on)"
_CAPITAL = r"[A-Z][\w'’.-]{0,30}"
_NAME = r"((?:the |a )?" + _CAPITAL + r"(?: " + _WORD + r"){0,8})"
_ACCORDING = re.compile(r"\b(?:according to|as reported by|reported by|cited by|citing) " + _NAME)
_SAID = re.compile(
    _NAME
    + r"((?: [a-z-]{1,20}){0,2}),?(?: \([^)]{1,40}\))? (?:said|says|reported|reports|documented|"
    r"counted|recorded|confirmed|announced|stated|told|revealed|added|noted|estimated|"
    r"claimed|quoted|cited|gave|put)\b"
)
_MONITOR = re.compile(
    r"\b(?:the |a )?(?:britain-based |uk-based |war )?(?:monitor|observatory)\b", re.IGNORECASE
)
_STOP_NAMES = frozenset({"it", "he", "she", "they", "the", "a", "we", "officials", "this"})


def normalise_source(name: str) -> str | None:
    """One name per source: "the Observatory" and "OSDH" are "SOHR"; None for pronouns."""
    clean = " ".join(name.replace("’", "'").split()).strip(" ,.")
    low = clean.lower()
    if not low or low in _STOP_NAMES:
        return None
    for alias, normal in _LOOKUP:
        if re.search(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", low):
            return normal
    for prefix in ("the ", "a "):
        if low.startswith(prefix):
            clean = clean[len(prefix) :]
    words = clean.split()
    while words and words[-1].lower() in ("of", "for", "the", "and", "de", "des", "on"):
        words.pop()
    return " ".join(words) or None


_ORGANISATION_NOUNS = frozenset(
    {
        "ministry",
        "office",
        "agency",
        "council",
        "group",
        "army",
        "police",
        "service",
        "committee",
        "directorate",
        "authorities",
        "officials",
        "source",
        "sources",
        "media",
    }
)
_TAIL_STOPS = frozenset(
    {
        "now",
        "also",
        "later",
        "earlier",
        "then",
        "had",
        "has",
        "have",
        "was",
        "were",
        "is",
        "are",
        "on",
        "it",
        "they",
        "which",
        "who",
        "that",
        "and",
        "in",
        "first",
    }
)


def _name_tail(tail: str) -> str:
    """The lower-case words that still belong to a name ("defence ministry"), up to a stop."""
    kept: list[str] = []
    for word in tail.split():
        if word in _TAIL_STOPS:
            break
        kept.append(word)
    return "".join(" " + w for w in kept)


def find_source(sentence: str) -> str | None:
    """The source a sentence names, if any: a known source first, else the first name
    introduced by "according to" or followed by "said"."""
    low = sentence.lower().replace("’", "'")
    known = [
        (match.start(), name)
        for alias, name in _LOOKUP
        if alias in low
        for match in re.finditer(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", low)
    ]
    if known:
        return min(known)[1]
    for pattern in (_ACCORDING, _SAID):
        for match in pattern.finditer(sentence):
            name = match.group(1)
            tail = _name_tail(match.group(2) or "") if pattern is _SAID else ""
            if (
                match.start(1) == 0
                and " " not in name
                and not name.isupper()
                and not set(tail.split()) & _ORGANISATION_NOUNS
            ):
                continue  # "Confirmed reports said": a sentence's first word, not a name
            name += tail  # "Turkey's defence ministry said"
            source = normalise_source(name)
            if source:
                return source
    if _MONITOR.search(sentence):
        return "SOHR"
    return None
