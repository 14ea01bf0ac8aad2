"""Who reported a figure: "according to X", "X said", "as reported by X", normalised so
that SOHR, OSDH and "the Observatory" are one source."""

from __future__ import annotations

import re

from digests.extract.calendar_words import MONTH_NAMES, WEEKDAYS

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
        "britain-based monitoring group",
        "uk-based monitoring group",
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
_ACCORDING = re.compile(r"\b(?i:according to|as reported by|reported by|cited by|citing) " + _NAME)
# "... claimed two dozen more lives" is a way of saying killed, not of citing anyone.
_SAID = re.compile(
    _NAME
    + r"((?: [a-z-]{1,20}){0,2}),?(?: \([^)]{1,40}\))? (?:said|says|reported|reports|documented|"
    r"counted|recorded|confirmed|announced|stated|told|revealed|added|noted|estimated|"
    r"claimed(?!(?: [\w,-]+){0,4} li(?:fe|ves)\b)|quoted|cited|gave|put)\b"
)
# A sentence that opens with a name ("The Syrian Network for Human Rights documented ...");
# leading function words ("By Friday", "In the first hours") are not names.
_SUBJECT = re.compile(
    r"^(?:(?:But|And|However|Meanwhile|Separately|Also),? )?(?:the |The )?"
    r"(?!(?:By|On|In|At|From|Since|After|Before|During|For|With|When|While|Earlier|Later|"
    r"Elsewhere|Last|This|That|It|He|She|They|We|A|An|Some|More|Most|At|Up|Over)\b)"
    r"([A-Z][\w'’.-]{0,30}(?: (?:[A-Z][\w'’.-]{0,30}|of|for|the|and|on)){0,8})"
)
_SUBJECT_REACH = 70  # characters from a sentence's subject to its reporting verb
_REPORTING = re.compile(
    r"\b(?:said|says|reported|reports|documented|counted|recorded|confirmed|announced|stated|"
    r"told|revealed|added|noted|estimated|puts|put|gave|gives|listed|registered|"
    r"claimed(?!(?: [\w,-]+){0,4} li(?:fe|ves)\b))\b"
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
    while words and words[0].lower() in _NOT_NAMES:
        words.pop(0)  # "By Friday", "Local and media sources": no name
    while words and words[-1].lower() in ("of", "for", "the", "and", "de", "des", "on"):
        words.pop()
    if not any(w[:1].isupper() for w in words):
        return None
    return " ".join(words) or None


# Capitalised words that open sentences without naming anyone.
_NOT_NAMES = (
    frozenset(
        [
            "by",
            "on",
            "in",
            "at",
            "from",
            "since",
            "after",
            "before",
            "during",
            "for",
            "with",
            "when",
            "while",
            "earlier",
            "later",
            "elsewhere",
            "last",
            "this",
            "that",
            "it",
            "local",
            "medical",
            "security",
            "military",
            "official",
            "officials",
            "other",
            "several",
            "some",
            "confirmed",
            "activists",
            "residents",
            "witnesses",
            "sources",
            "rescuers",
            "and",
            "but",
            "however",
            "meanwhile",
            "also",
            "among",
            "including",
        ]
    )
    | frozenset(WEEKDAYS)
    | frozenset(MONTH_NAMES)
)
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


# Reporters a sentence does not name ("Local sources ... have spoken of", "Officials say"):
# a voice of their own, so the sentence does not inherit the last named source before it.
_UNNAMED = re.compile(
    r"^(?:(?:But|And|However|Meanwhile|Separately),? )?(?:the |The )?"
    r"((?:local|medical|security|military|hospital|opposition|government|rebel|humanitarian|"
    r"informed) sources|activists|residents|witnesses|rescuers|relatives|doctors|medics|"
    r"paramedics|officials|local officials|health officials)\b"
    r"[^.;:]{0,60}?\b(?:said|say|says|reported|report|told|tell|spoke of|have spoken of|"
    r"has spoken of|speak of|put|puts|gave|counted|estimated|estimate)\b",
    re.IGNORECASE,
)


# Nouns that end a description standing in for a name ("a Syrian volunteer rescue group").
_DESCRIBED_NOUNS = _ORGANISATION_NOUNS | frozenset(
    {"monitor", "organisation", "organization", "network", "charity", "team", "body", "ngo"}
)
_DESCRIPTION_WORDS = 5


def _described_by(after: str) -> str:
    """The lower-case words after a capitalised adjective that make it a description: in
    "according to a Syrian volunteer emergency rescue group", the source is the group, not
    "Syrian". Empty when no organisation noun follows within a few words."""
    words = after.split()[:_DESCRIPTION_WORDS]
    for end, word in enumerate(words):
        bare = word.strip(",.;:")
        if not bare.islower():
            return ""
        if bare in _DESCRIBED_NOUNS:
            return "".join(" " + w for w in words[:end]) + " " + bare
        if bare != word:
            return ""  # punctuation ends the phrase before any organisation noun
    return ""


def find_source(sentence: str) -> str | None:
    """The source a sentence names, if any: the one introduced by "according to", else the
    sentence's subject when it reports, else the name before "said", else any known source."""
    low = sentence.lower().replace("’", "'")
    for match in _ACCORDING.finditer(sentence):
        # "according to the Britain-based monitor": the words after the capitals count too
        source = _known_in(low[match.start(1) : match.start(1) + 70], first=True)
        source = source or normalise_source(
            match.group(1) + _described_by(sentence[match.end(1) : match.end(1) + 60])
        )
        if source:
            return source
    unnamed = _UNNAMED.match(sentence.lstrip())
    if unnamed:
        return unnamed.group(1)[0].upper() + unnamed.group(1)[1:].lower()
    subject = _SUBJECT.match(sentence)
    if subject and _REPORTING.search(sentence[: subject.end() + _SUBJECT_REACH], subject.end()):
        name = subject.group(1)
        if name.endswith(("'s", "’s")):
            rest = sentence[subject.end() : subject.end() + 40].split()[:2]
            kept = " ".join(w for w in rest if w.islower() and not _REPORTING.match(w))
            name += _name_tail(" " + kept)  # "Turkey's defence ministry"
        source = _known_in(low[: subject.end()], first=True) or normalise_source(name)
        if source and (" " in name or name.isupper()):
            return source
    for match in _SAID.finditer(sentence):
        name = match.group(1)
        tail = _name_tail(match.group(2) or "")
        if (
            match.start(1) == 0
            and " " not in name
            and not name.isupper()
            and not set(tail.split()) & _ORGANISATION_NOUNS
        ):
            continue  # "Confirmed reports said": a sentence's first word, not a name
        window = low[max(0, match.start(1) - 40) : match.end(2) if match.group(2) else match.end(1)]
        source = _known_in(window, first=False) or normalise_source(name + tail)
        if source:
            return source
    return _known_in(low, first=True) or ("SOHR" if _MONITOR.search(sentence) else None)


def _known_in(text: str, *, first: bool) -> str | None:
    """The known source named in ``text``: the first one, or the last (nearest a verb)."""
    found = [
        (match.start(), name)
        for alias, name in _LOOKUP
        if alias in text
        for match in re.finditer(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", text)
    ]
    if not found:
        return None
    return min(found)[1] if first else max(found)[1]
