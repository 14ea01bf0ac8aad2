"""Find the places an article names: match folded word n-grams, then judge each by its context.

A name matches the gazetteer by its phonetic key (strong) or its consonant skeleton (weak).
Capitalisation, the words around it ("the village of", "in", "said") and the other places of
the article decide whether it is a place and, when several places share the name, which one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from digests.extract.calendar_words import MONTH_WORDS, WEEKDAYS
from digests.extract.gazetteer import Gazetteer, NameEntry, distance_km
from digests.extract.model import Place, PlaceMention
from digests.extract.sentences import LEAK_WORDS
from digests.extract.translit import (
    ARTICLES,
    ENGLISH_ARTICLES,
    base_fold,
    consonant_count,
    edit_distance,
    is_latin,
    phonetic,
    skeleton,
    strip_fused_article,
)

_TOKEN = re.compile(r"[^\W\d_]+(?:['’‘`ʿʾ](?![sS]\b)[^\W\d_]+)*")
# Between two words of one name only spaces, one hyphen or an apostrophe may stand.
_JOINING_GAP = re.compile(r"[ \t\u00a0]*[-‐‑–]?[ \t\u00a0]*['’‘`ʿʾ]?")
_FORCED_CAPITAL_GAP = re.compile(r"[.!?:\n|•*#>]")
_SENTENCE_GAP = re.compile(r"[.!?:;\n\"“”(\[|•*#>]")
# "Related:", "See also", "Read more": headlines of other stories follow, up to a blank line.
_OTHER_STORIES = re.compile(
    r"^[ \t]*" + LEAK_WORDS + r"\b[^\n]{0,40}$", re.IGNORECASE | re.MULTILINE
)
# Places too big to be a person's first name: a capital word after them is a headline's.
_BIG_FEATURES = frozenset({"city", "capital", "province", "country", "region"})
_MAX_ANCHORS = 40  # enough places to place an article; bounds the work on long texts
_MAX_ACRONYM = 4  # "SANA", "SDF": a short word in capitals is an acronym, not a name
_MAX_WORD = 40  # no word of a place name is longer; longer runs are never folded
# Places are read from the first 200,000 characters: no news article is longer, and the
# bound keeps hostile input (a megabyte of place names) fast.
_MAX_TEXT = 200_000

# Words for kinds of place: "the village of X", "X camp", "X countryside".
_PLACE_TYPES = frozenset(
    {
        "village", "villages", "town", "towns", "city", "cities", "camp", "camps",
        "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "district",
        "districts", "suburb", "suburbs", "area", "areas", "region",
        "province", "governorate", "countryside", "outskirts", "vicinity", "municipality",
        "county", "oblast", "quarter", "refugee", "idp", "settlement", "crossing", "hamlet",
        "countrysides", "locality", "airport", "airbase",
    }
)  # fmt: skip
# Kinds of place that a type word names, to check a loose match against.
_KIND_OF_TYPE = {
    "camp": "camp",
    "camps": "camp",
    "neighbourhood": "neighbourhood",
    "neighborhood": "neighbourhood",
    "neighbourhoods": "neighbourhood",
    "neighborhoods": "neighbourhood",
    "quarter": "neighbourhood",
}
# Words after which a place name often stands: "in X", "near X", "north of X".
_LOCATIVES = frozenset(
    {
        "in", "near", "at", "on", "from", "outside", "around", "towards", "toward", "to", "into",
        "across", "inside", "within", "between", "through", "via", "nearby", "besieged",
        "reached", "entered", "captured", "hit", "struck", "shelled", "targeted", "bombed",
        "liberated", "encircled", "stormed", "seized", "retook", "recaptured", "left", "fled",
    }
)  # fmt: skip
# Words after a name that make it a broadcaster or a paper: "al-Mayadeen TV".
_OUTLET_WORDS = frozenset({"tv", "television", "channel", "radio", "newspaper", "agency"})
# Nouns of what a government says or does: "no comment from Ankara" is not in Ankara.
_VOICE_NOUNS = frozenset(
    {
        "comment", "comments", "statement", "response", "reaction", "word", "officials",
        "condemnation", "denial", "confirmation", "pressure", "support", "backing", "envoy",
        "delegation", "orders", "request", "demand", "demands", "approval", "ties",
    }
)  # fmt: skip
_DIRECTIONS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
        "southeastern", "southwestern", "central", "rural", "greater", "upper", "lower", "old",
        "downtown", "coastal", "countryside", "outskirts", "parts", "edge", "heart", "centre",
        "center", "residents", "people", "outside", "environs", "entrance",
    }
)  # fmt: skip
# A capitalised word before a place that does not make it part of a longer proper name.
_FREE_PRECEDERS = _DIRECTIONS | _PLACE_TYPES | frozenset(
    {
        *WEEKDAYS, *MONTH_WORDS, "in", "near", "at", "from", "and", "or", "the",
        "capital", "city", "town", "village", "province", "governorate", "camp", "across",
        "kurdish", "arab",
    }
)  # fmt: skip
_NATIONALITIES = frozenset(
    {
        "syrian", "iraqi", "turkish", "kurdish", "lebanese", "jordanian", "israeli",
        "palestinian", "iranian", "russian", "american", "british", "french", "german",
        "ukrainian", "sudanese", "yemeni", "saudi", "egyptian", "libyan", "emirati", "qatari",
        "afghan", "pakistani", "congolese", "rwandan", "ethiopian", "somali", "chinese",
        "european", "arab", "western", "eastern", "northern", "southern",
    }
)  # fmt: skip
_TITLES = frozenset(
    {
        "mr", "mrs", "ms", "dr", "president", "minister", "general", "gen", "colonel", "col",
        "captain", "capt", "commander", "lieutenant", "lt", "brigadier", "major", "sergeant",
        "king", "prince", "princess", "queen", "emir", "pope", "father", "brother", "sister",
        "saint", "st", "imam", "mufti", "judge", "professor", "prof", "ambassador", "envoy",
        "spokesman", "spokeswoman", "spokesperson", "chief", "director", "mayor", "governor",
        "senator", "secretary", "journalist", "activist", "reporter", "correspondent",
    }
)  # fmt: skip
# Subjects after a verb that opens a question ("Has this happened", "Were they warned").
_QUESTION_SUBJECTS = frozenset({"this", "that", "it", "there", "anyone", "they", "we", "you"})
# Words after which a capitalised name is a person or an outlet: "told Al Jazeera".
_ADDRESSEE_BEFORE = frozenset(
    {"told", "tell", "tells", "telling", "thanked", "interviewed", "quoted", "by", "mr", "ms"}
)
# English endings that Arabic place names do not have: such a word is only ever a place
# when its spelling is in the gazetteer as written ("Islamic" is not "Salmuk").
_ENGLISH_ENDING = re.compile(
    r"(?:ic|ics|ian|ians|ish|ing|ings|ed|ly|tion|tions|sion|ness|ment|ments|ers|ies|ous|ive|"
    r"able|ible|ful|less|est|ity|ance|ence|ists?|ism|ward|wards|y)$"
)
_SPEECH = frozenset(
    {
        "said", "says", "told", "tells", "added", "adds", "explained", "stated", "wrote",
        "tweeted", "posted", "recalled", "described", "urged", "warned", "stressed", "noted",
        "asked", "replied", "insisted", "confirmed", "denied", "claimed", "who", "whose", "his",
        "her", "himself", "herself", "time", "reported", "reports", "cited", "aired",
        "broadcast", "quoted",
    }
)  # fmt: skip


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    raw: str
    word: str  # folded
    capitalised: bool
    article: bool
    joined: bool  # joined to the previous word (no punctuation between)
    sentence_start: bool  # after any punctuation that ends a phrase
    forced_capital: bool  # where English capitalises any word: a sentence or line start
    skel: str | None
    skel_inner: str | None  # the key inside a name: fused article stripped ("Ezzor" -> "zor")
    phon: str | None
    phon_inner: str | None
    possessive_phon: str | None  # the key without a final "s" ("Aleppos" -> "aleppo")
    caps_run: bool = False  # joined to a long word in capitals: a heading's, not an acronym


@dataclass(slots=True)
class _Match:
    first: int  # token indices, inclusive
    last: int
    entries: list[NameEntry]
    strong: bool
    surface_phonetic: tuple[str, ...]


@dataclass(slots=True)
class _Judged:
    match: _Match
    typed: bool  # a word for a kind of place stands next to it
    locative: bool  # "in", "near", "north of" before it
    accepted: bool
    choice: int  # index of the chosen place
    pending: bool  # accepted only if near the article's other places
    capital: bool  # a capital named without "in": maybe its government
    loose_word: bool = False  # one word matched by a loose spelling: maybe an English word
    said_where: bool = False  # "in", "near" before it, whatever the spelling


def find_places(gazetteer: Gazetteer, text: str) -> list[PlaceMention]:
    """The places ``text`` names, in text order: one mention per occurrence."""
    text = text[:_MAX_TEXT]
    tokens = _Tokens(text)
    matches = _match_names(gazetteer, tokens)
    # Words that surely belong to a place name: next to them, a capitalised word is no sign
    # of a person's or a group's name ("Aleppo Idlib and Hama" where commas were lost).
    covered = {
        i
        for m in matches
        if m.strong
        and any(gazetteer.is_major(e.place) for e in m.entries)
        and _surface(tokens, m) not in gazetteer.not_places
        for i in range(m.first, m.last + 1)
    }
    skipped = _other_story_spans(text)
    judged: list[_Judged] = []
    for match in matches:
        start = tokens[match.first].start
        if any(a <= start < b for a, b in skipped):
            continue
        verdict = _judge(gazetteer, tokens, match, covered)
        if verdict is not None:
            judged.append(verdict)
    _share_list_types(tokens, judged)
    _resolve_with_neighbours(gazetteer, judged)
    _keep_countries_in_play(gazetteer, tokens, judged)
    mentions: list[PlaceMention] = []
    for item in judged:
        if not item.accepted:
            continue
        first = item.match.first
        if first > 0 and tokens[first - 1].article and tokens[first].joined:
            first -= 1  # keep "al-" in the surface: "al-Bab"
        start, end = tokens[first].start, tokens[item.match.last].end
        mentions.append(PlaceMention(start, end, text[start:end], gazetteer.places[item.choice]))
    return mentions


_Keys = tuple[str, str | None, str | None, str | None, str | None, str | None]
_NO_KEYS: _Keys = ("", None, None, None, None, None)  # a word too long to be part of a name


@lru_cache(maxsize=131072)
def _word_keys(raw: str) -> _Keys:
    word = base_fold(raw)
    if not is_latin(word):
        return word, None, None, None, None, None
    inner = strip_fused_article(word)
    possessive = phonetic(word[:-1]) if len(word) > 4 and word[-1] == "s" else None
    return word, skeleton(word), skeleton(inner), phonetic(word), phonetic(inner), possessive


# "#AlNayrab", "#DaratIzza": a hashtag runs a name's words together, each capitalised.
_CAMEL_WORD = re.compile(r"[A-Z][^\W\d_A-Z]+")


def _hashtag_words(text: str, found: re.Match[str]) -> list[tuple[int, int]]:
    """The words of a token; a camel-cased hashtag is cut into the words it runs together."""
    start, end = found.span()
    word = found.group()
    if start == 0 or text[start - 1] != "#" or word.istitle() or not word[0].isupper():
        return [(start, end)]
    parts = [m.span() for m in _CAMEL_WORD.finditer(word)]
    if len(parts) < 2 or sum(b - a for a, b in parts) != len(word):
        return [(start, end)]
    return [(start + a, start + b) for a, b in parts]


class _Tokens:
    """The words of a text, each built into a ``_Token`` only when something looks at it.

    Most words of an article are lower-case and never looked at: building them all would
    cost more than the matching itself.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        if "#" in text:
            spans = [
                span for found in _TOKEN.finditer(text) for span in _hashtag_words(text, found)
            ]
        else:
            spans = [found.span() for found in _TOKEN.finditer(text)]
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]
        self.raws = [text[a:b] for a, b in spans]
        self._built: list[_Token | None] = [None] * len(spans)
        self._lowercase: frozenset[str] | None = None

    @property
    def lowercase_words(self) -> frozenset[str]:
        """Words written in lower case somewhere in the text (as written, lower-cased)."""
        if self._lowercase is None:
            self._lowercase = frozenset(r.lower() for r in self.raws if r[0].islower())
        return self._lowercase

    def __len__(self) -> int:
        return len(self.raws)

    def __getitem__(self, index: int) -> _Token:
        token = self._built[index]
        if token is None:
            token = self._build(index)
            self._built[index] = token
        return token

    def span_words(self, first: int, last: int) -> list[str]:
        """The folded words from ``first`` to ``last``, inclusive."""
        return [_word_keys(raw)[0] for raw in self.raws[first : last + 1]]

    def _gap(self, index: int) -> str:
        return self.text[self.ends[index - 1] : self.starts[index]] if index > 0 else ""

    def _joined(self, index: int) -> bool:
        gap = self._gap(index)
        return index > 0 and (gap == " " or _JOINING_GAP.fullmatch(gap) is not None)

    def _in_caps_run(self, index: int) -> bool:
        """Whether a word is joined to a long word in capitals: "TAL RIFAAT", "DEIR EZZOR" in a
        heading or dateline are a name's words, not acronyms."""
        for other, joined_at in ((index - 1, index), (index + 1, index + 1)):
            if 0 <= other < len(self.raws) and self._joined(joined_at):
                raw = self.raws[other]
                if raw.isupper() and len(raw) > _MAX_ACRONYM:
                    return True
        return False

    def _build(self, index: int) -> _Token:
        raw = self.raws[index]
        keys = _word_keys(raw) if len(raw) <= _MAX_WORD else _NO_KEYS
        word, skel, skel_inner, phon, phon_inner, possessive = keys
        gap = self._gap(index)
        first = index == 0
        capitalised = raw[0].isupper()
        article = False
        if word in ARTICLES and index + 1 < len(self.raws) and self._joined(index + 1):
            hyphened = "-" in self._gap(index + 1)
            next_capitalised = self.raws[index + 1][0].isupper()
            if word in ENGLISH_ARTICLES:
                # "as-Sham", "As Suwayda": "as", "an", "at" are articles only when tied to a name.
                article = hyphened or (next_capitalised and capitalised)
            else:
                article = hyphened or next_capitalised
        plain = gap == " "
        return _Token(
            caps_run=raw.isupper() and self._in_caps_run(index),
            start=self.starts[index],
            end=self.ends[index],
            raw=raw,
            word=word,
            capitalised=capitalised,
            article=article,
            joined=not first and (plain or _JOINING_GAP.fullmatch(gap) is not None),
            sentence_start=first or (not plain and _SENTENCE_GAP.search(gap) is not None),
            forced_capital=first
            or (
                not plain and not gap.endswith("#") and _FORCED_CAPITAL_GAP.search(gap) is not None
            ),
            skel=skel,
            skel_inner=skel_inner,
            phon=phon,
            phon_inner=phon_inner,
            possessive_phon=possessive,
        )


def _matchable(token: _Token) -> bool:
    """A word that may be part of a place name: capitalised, not an acronym like "SANA"."""
    if token.skel is None or not token.capitalised:
        return False
    raw = token.raw
    acronym = raw.rstrip("s")  # "ISILs", "NGOs"
    return token.caps_run or not (acronym.isupper() and len(acronym) <= _MAX_ACRONYM)


def _match_names(gazetteer: Gazetteer, tokens: _Tokens) -> list[_Match]:
    """Leftmost-longest matches of gazetteer names over the words, articles skipped inside."""
    matches: list[_Match] = []
    i = 0
    n = len(tokens)
    raws = tokens.raws
    prefixes = gazetteer.prefixes
    while i < n:
        raw = raws[i]
        if not raw[0].isupper() or len(raw) > _MAX_WORD:
            i += 1  # a name starts with a capital: most words are skipped unbuilt
            continue
        keys = _word_keys(raw)
        if (keys[1],) not in prefixes or keys[0] in ARTICLES:
            i += 1  # no name starts with this word
            continue
        token = tokens[i]
        if token.article or not _matchable(token):
            i += 1
            continue
        best: _Match | None = None
        skel: tuple[str, ...] = ()
        phon: tuple[str, ...] = ()
        lower_inside = False
        j = i
        while j < n and len(skel) < gazetteer.max_words:
            current = tokens[j]
            if j > i:
                if not current.joined:
                    break
                if current.word in ARTICLES:
                    j += 1  # the trie decides whether the name goes on after "an", "al"
                    continue
                if not _matchable(current):
                    # "Deir ezzor", "Ras al-ain": a lower-case word may end a name spelled
                    # exactly, never a loose one, and never a common word ("The toll").
                    if current.skel is None or current.raw.isupper():
                        break
                    if current.word in gazetteer.not_places:
                        break
                    lower_inside = True
            inner = j > i
            skel = (*skel, (current.skel_inner if inner else current.skel) or "")
            phon = (*phon, (current.phon_inner if inner else current.phon) or "")
            if skel not in gazetteer.prefixes:
                break
            strong = gazetteer.by_phonetic.get(phon)
            if not strong and current.possessive_phon:
                # "Aleppos", "Idlibs": a possessive whose apostrophe was lost.
                stem = gazetteer.by_phonetic.get((*phon[:-1], current.possessive_phon), [])
                strong = [e for e in stem if gazetteer.is_major(e.place)]
            if strong:
                best = _Match(i, j, list(strong), True, phon)
            elif not lower_inside and _weak_allowed(skel, current):
                weak = gazetteer.by_skeleton.get(skel)
                if weak:
                    best = _Match(i, j, list(weak), False, phon)
            j += 1
        if best is None or len(" ".join(tokens.span_words(best.first, best.last))) < 3:
            i += 1
            continue
        if not best.strong and best.last > i and token.word in gazetteer.not_places:
            i += 1  # "In Idlib" is no loose "Ayn ad Dulbah": the name starts after "In"
            continue
        matches.append(best)
        i = best.last + 1
    return matches


def _weak_allowed(skel: tuple[str, ...], last: _Token) -> bool:
    """A match by consonants only needs three of them and a word that does not look English."""
    return consonant_count(skel) >= 3 and not _ENGLISH_ENDING.search(last.word)


@dataclass(slots=True)
class _Context:
    """The words around a match that decide whether it names a place."""

    before: int | None  # the word before, articles skipped, in the same sentence
    before2: int | None
    after: int | None
    word_before: str
    word_before2: str
    word_after: str
    single: bool  # a one-word name
    typed: bool  # a word for a kind of place next to it: "the village of X", "X camp"
    locative: bool  # "in X", "near X", "north of X"
    named: bool  # written with its article: "al-Tall" is a name, "Tall" may be a word


def _context(tokens: _Tokens, match: _Match) -> _Context:
    before = _previous_word(tokens, match.first)
    before2 = _previous_word(tokens, before) if before is not None else None
    after = match.last + 1 if match.last + 1 < len(tokens) else None
    if after is not None and tokens[after].sentence_start:
        after = None
    word_before = tokens[before].word if before is not None else ""
    word_before2 = tokens[before2].word if before2 is not None else ""
    word_after = tokens[after].word if after is not None else ""
    typed = (
        word_after in _PLACE_TYPES
        or word_before in _PLACE_TYPES
        or (word_before == "of" and word_before2 in _PLACE_TYPES)
    )
    voiced = word_before in ("from", "by", "to", "with") and word_before2 in _VOICE_NOUNS
    locative = (word_before in _LOCATIVES and not voiced) or (
        word_before == "of" and word_before2 in _DIRECTIONS | _PLACE_TYPES
    )
    first = match.first
    named = first > 0 and tokens[first - 1].article and tokens[first].joined
    return _Context(
        before,
        before2,
        after,
        word_before,
        word_before2,
        word_after,
        match.first == match.last,
        typed,
        locative,
        named,
    )


def _judge(
    gazetteer: Gazetteer, tokens: _Tokens, match: _Match, covered: set[int]
) -> _Judged | None:
    """Decide from the words around a match whether it names a place; None when it does not."""
    ctx = _context(tokens, match)
    if _kind_contradicts(gazetteer, match, ctx) or _a_word_not_a_place(
        gazetteer, tokens, match, ctx, covered
    ):
        return None
    if not match.strong:
        # "Israeli" is not a mention of Israel: a country is only ever named as spelled.
        match.entries = [e for e in match.entries if gazetteer.places[e.place].feature != "country"]
        if not match.entries:
            return None
    choice = max(match.entries, key=lambda e: _prior(gazetteer, e, match)).place
    major = gazetteer.is_major(choice) and match.strong
    if tokens[match.first].word in gazetteer.person_prefixes and not (
        ctx.typed or ctx.locative or major
    ):
        return None  # "Abu Bakr": a person unless the text makes it a place
    big = major and gazetteer.places[choice].feature in _BIG_FEATURES
    if _part_of_longer_name(gazetteer, tokens, match, ctx, covered, major, big):
        return None
    loose = not match.strong and ctx.single and not ctx.typed
    if not match.strong:
        if loose:
            major = False  # a loose spelling of one word needs neighbours nearby
        elif tokens[match.first].word in gazetteer.not_places:
            return None  # "In Deir": a sentence's first word is not part of the name
    accepted = ctx.typed or major
    capital = (
        accepted
        and gazetteer.places[choice].feature == "capital"
        and not (ctx.typed or ctx.locative)
    )
    return _Judged(
        match,
        ctx.typed,
        ctx.locative and not loose,
        accepted and not capital,
        choice,
        not accepted,
        capital,
        loose_word=loose,
        said_where=ctx.locative,
    )


_LIST_JOINS = frozenset({"and", "or"})


def _share_list_types(tokens: _Tokens, judged: list[_Judged]) -> None:
    """ "the towns of Kansafra and al-Bara", "the Ansari, al-Kallaseh and Bustan al-Qasr
    neighbourhoods": the word that says what one item of a list is says it of all."""
    runs: list[list[_Judged]] = []
    for item in judged:
        if runs and _joined_by_list(tokens, runs[-1][-1].match, item.match):
            runs[-1].append(item)
        else:
            runs.append([item])
    for run in runs:
        if len(run) > 1 and (any(item.typed for item in run) or _typed_after(tokens, run)):
            for item in run:
                if item.pending:
                    item.typed, item.accepted, item.pending = True, True, False


_LIST_TAIL = 4  # words of one more name, unknown to the gazetteer, that may end a list


def _typed_after(tokens: _Tokens, run: list[_Judged]) -> bool:
    """ "... al-Kallaseh and al-Saleheen neighbourhoods": the list ends in a plural type word,
    maybe after a last name the gazetteer does not know."""
    k = run[-1].match.last + 1
    for _ in range(_LIST_TAIL + 1):
        if k >= len(tokens) or tokens[k].sentence_start:
            return False
        token = tokens[k]
        if token.word in _PLACE_TYPES and token.word.endswith("s"):
            return True
        if not (token.capitalised or token.article or token.word in _LIST_JOINS):
            return False
        k += 1
    return False


def _joined_by_list(tokens: _Tokens, left: _Match, right: _Match) -> bool:
    """Two names in one list: between them only commas, "and", "or" and at most a name the
    gazetteer does not know ("Bustan al-Qasr, al-Ferdous, al-Kallaseh")."""
    between = range(left.last + 1, right.first)
    if len(between) > _LIST_TAIL or tokens[right.first].sentence_start:
        return False
    words = [tokens[i] for i in between]
    joins = sum(t.word in _LIST_JOINS for t in words)
    return joins <= 1 and all(
        not t.sentence_start and (t.word in _LIST_JOINS or t.article or t.capitalised)
        for t in words
    )


def _kind_contradicts(gazetteer: Gazetteer, match: _Match, ctx: _Context) -> bool:
    """ "Maram camp" read loosely as the village "Al Marami": the text names another kind."""
    if match.strong or not ctx.typed:
        return False
    said_kinds = {
        _KIND_OF_TYPE[w]
        for w in (ctx.word_after, ctx.word_before, ctx.word_before2)
        if w in _KIND_OF_TYPE
    }
    kinds = {gazetteer.places[e.place].feature for e in match.entries}
    return bool(said_kinds) and not said_kinds & kinds


_PARENT_WORDS = frozenset({"umm", "um", "abu", "abou"})


def _a_word_not_a_place(
    gazetteer: Gazetteer, tokens: _Tokens, match: _Match, ctx: _Context, covered: set[int]
) -> bool:
    """Common words, persons and outlets that happen to be spelled like a place."""
    first = tokens[match.first]
    surface = _surface(tokens, match)
    if ctx.typed:
        return False  # "the village of Abu Bakr", "Watan camp": the text says it is a place
    if (
        ctx.single
        and not ctx.named
        and first.raw.lower() in tokens.lowercase_words
        and not (match.strong and any(gazetteer.is_major(e.place) for e in match.entries))
    ):
        return True  # the article writes it in lower case elsewhere: "Price" is the word price
    # "Hope", "Nur", "Sham", "al-Qaeda"; but "al-Tall" names a town as "Tall" would not.
    exact_town = (
        ctx.named and match.strong and any(gazetteer.is_major(e.place) for e in match.entries)
    )
    plural_of_word = surface.endswith("s") and surface[:-1] in gazetteer.not_places  # "Hopes"
    if not exact_town and (surface in gazetteer.not_places or plural_of_word):
        return True
    if ctx.word_before in _ADDRESSEE_BEFORE or ctx.word_before in _SPEECH:
        return True  # "told Al Jazeera", "said Barazi": an outlet or a person
    if ctx.word_before == "old" and ctx.word_before2 in {"year", "years", "month", "months"}:
        return True  # "eight-year-old Rimas"
    if ctx.word_after in _OUTLET_WORDS and ctx.after is not None and tokens[ctx.after].joined:
        return True  # "al-Mayadeen TV", "Halab Today channel": an outlet named after a place
    if not match.strong and first.forced_capital and ctx.single:
        return True  # "Calls for calm": capitalised by the sentence, not by a name
    if first.sentence_start and ctx.single and ctx.word_after in _QUESTION_SUBJECTS:
        return True  # "Has this happened before?": a question's verb, not the village Has
    if not match.strong and ctx.single and first.raw.isupper() and len(first.raw) > 2:
        return True  # "AANES", "SOHR": an acronym spelled loosely like a village
    if (
        ctx.before is not None
        and ctx.before not in covered
        and (ctx.word_before in _TITLES or ctx.word_before in gazetteer.person_prefixes)
    ):
        return True  # "Abu Hamid", "President Assad"
    if (
        ctx.before is not None
        and ctx.before == match.first - 1
        and tokens[match.first].joined
        and tokens[ctx.before].capitalised
        and ctx.word_before in gazetteer.given_names
    ):
        return True  # "Idris Nassan, a Kurdish official": a surname
    if (
        match.last > match.first
        and first.word in _PARENT_WORDS
        and tokens[match.first + 1].word in gazetteer.given_names
    ):
        return True  # "Umm Ahmad, a mother of three": a parent named after a child
    return (  # "Hamid said", but not "shelling hit Ariha, said Barazi"
        ctx.word_after in _SPEECH
        and ctx.single
        and ctx.after is not None
        and tokens[ctx.after].joined
    )


def _part_of_longer_name(
    gazetteer: Gazetteer,
    tokens: _Tokens,
    match: _Match,
    ctx: _Context,
    covered: set[int],
    major: bool,
    big: bool,
) -> bool:
    """A capitalised word next to the match that is no place makes one longer proper name."""
    if ctx.typed:
        return False
    before, before2, after = ctx.before, ctx.before2, ctx.after
    article_before = tokens[match.first - 1].article if match.first > 0 else False
    # "Tahrir al-Sham", "Jaish al-Islam", "Bashar Assad".
    if (
        before is not None
        and before not in covered
        and tokens[before].capitalised
        and (not tokens[before].sentence_start or article_before)
        # joined to it: "Tahrir al-Sham" is one name, "al-Ferdous, al-Kallaseh" two
        and (tokens[match.first - 1].joined if article_before else tokens[match.first].joined)
        and not _free_preceder(gazetteer, tokens[before].word)
        and not tokens[before].raw.isupper()
    ):
        return True
    # "Commission of Inquiry", "Ministry of Defence".
    if (
        ctx.word_before == "of"
        and before2 is not None
        and before2 not in covered
        and tokens[before2].capitalised
        and not tokens[before2].sentence_start
        and not _free_preceder(gazetteer, ctx.word_before2)
        and not major
    ):
        return True
    # "Mark Cutts", "Sham al-Islam": the name goes on with a capitalised word.
    if after is None or after in covered or not ctx.single:
        return False
    nxt = after + 1 if tokens[after].article else after
    if not (
        nxt < len(tokens)
        and tokens[nxt].capitalised
        and tokens[nxt].joined
        and nxt not in covered
        and not _free_preceder(gazetteer, tokens[nxt].word)
        and not tokens[nxt].raw.isupper()
        and not (big and _ENGLISH_ENDING.search(tokens[nxt].word))
    ):
        return False  # "Damascus Monitoring group", "Damascus University": English words
    if not big:
        return True
    # A city's name before one more capitalised word ("al-Raqqa Shaliyat and ...") starts a
    # longer name; before a run of them ("Damascus Car Bomb Kills") it is a headline's.
    last = nxt + 1
    return last >= len(tokens) or tokens[last].sentence_start or not tokens[last].capitalised


def _free_preceder(gazetteer: Gazetteer, word: str) -> bool:
    """A capitalised word that may stand before a place without being part of its name.

    Directions, months, "Capital", nationalities ("the Syrian city Aleppo") and place names
    with a possessive s whose apostrophe was lost ("Syrias Deir Ezzor").
    """
    if word in _FREE_PRECEDERS or word in _NATIONALITIES:
        return True
    if len(word) > 3 and word.endswith("s"):
        stem = gazetteer.by_phonetic.get((phonetic(word[:-1]),), [])
        return any(gazetteer.is_major(e.place) for e in stem)
    return False


def _surface(tokens: _Tokens, match: _Match) -> str:
    """The folded words of a match without articles, as ``not_places`` lists them."""
    return " ".join(w for w in tokens.span_words(match.first, match.last) if w not in ARTICLES)


def _previous_word(tokens: _Tokens, index: int) -> int | None:
    """The index of the word before ``index`` in the same sentence, articles skipped."""
    i = index
    while i > 0:
        if tokens[i].sentence_start:
            return None
        i -= 1
        if not tokens[i].article:
            return i
    return None


def _prior(gazetteer: Gazetteer, entry: NameEntry, match: _Match) -> float:
    score = gazetteer.prior(entry.place) + 0.5 * entry.primary
    if not match.strong:
        score -= 0.5 * _spelling_gap(match.surface_phonetic, entry.phonetic)
    return score


@lru_cache(maxsize=65536)
def _spelling_gap(said: tuple[str, ...], known: tuple[str, ...]) -> int:
    """How far a loose spelling is from a gazetteer spelling (edits, capped at 5)."""
    return edit_distance(" ".join(said), " ".join(known), 4)


def _proximity_bonus(km: float) -> float:
    if km < 25:
        return 4.0
    if km < 60:
        return 3.0
    if km < 150:
        return 2.0
    if km < 400:
        return 1.0
    return 0.0


def _resolve_with_neighbours(gazetteer: Gazetteer, judged: list[_Judged]) -> None:
    """Choose among same-named places by the article's other places; settle pending matches."""
    places = gazetteer.places
    anchors = list(
        dict.fromkeys(
            j.choice for j in judged if j.accepted and places[j.choice].feature != "country"
        )
    )[:_MAX_ANCHORS]
    countries = Counter(places[a].country for a in anchors if places[a].feature != "capital")
    home = countries.most_common(1)[0][0] if countries else None
    # Long texts name the same places again and again: each decision is made once.
    decided: dict[tuple[object, ...], int] = {}
    nearness: dict[tuple[int, tuple[int, ...]], float] = {}
    for item in judged:
        candidates = tuple(dict.fromkeys(e.place for e in item.match.entries))
        others = [places[a] for a in anchors if a not in candidates]
        if len(candidates) > 1 and others:
            key = (candidates, item.match.strong, item.match.surface_phonetic)
            if key not in decided:
                decided[key] = _nearest_choice(gazetteer, item.match, others)
            item.choice = decided[key]
        if item.capital:
            # A capital abroad is its government ("agreed by Moscow and Ankara") unless the
            # text puts something there ("in Moscow").
            item.accepted = item.locative or home is None or places[item.choice].country == home
        elif item.pending:
            near_key = (item.choice, candidates)
            if near_key not in nearness:
                place = places[item.choice]
                nearness[near_key] = min((distance_km(place, o) for o in others), default=1e9)
            # A loose spelling of one word ("Fierce" for Furaykah, "Forum" for Farram) is
            # an English word as often as a village: only "in", "near" ... make it a place.
            item.accepted = (
                item.locative
                or (nearness[near_key] < 60 and (item.said_where or not item.loose_word))
                or (gazetteer.is_preferred(item.choice) and item.match.strong)
            )


def _keep_countries_in_play(gazetteer: Gazetteer, tokens: _Tokens, judged: list[_Judged]) -> None:
    """Drop villages of countries the article is not about ("Logar" is no Syrian village).

    A country is in play when the text names it, one of its cities or provinces, or its
    people ("Syrian"). An article with no country at all keeps its villages.
    """
    places = gazetteer.places
    in_play = {
        places[j.choice].country
        for j in judged
        if j.accepted and gazetteer.is_major(j.choice) and j.match.strong
    }
    demonym_countries = {
        gazetteer.demonyms[key]
        for raw in tokens.raws
        if raw[0].isupper() and (key := _word_keys(raw)[3]) in gazetteer.demonyms
    }
    in_play |= demonym_countries
    if not in_play:
        return
    for item in judged:
        if item.accepted and not gazetteer.is_major(item.choice):
            item.accepted = places[item.choice].country in in_play
    # A lone place of one country among several places of another ("al-Daraj" read as a
    # Syrian town in a Gaza article) is a misreading; countries named as actors do not count.
    named_places: dict[str, set[int]] = {}
    for item in judged:
        if item.accepted and places[item.choice].feature != "country":
            named_places.setdefault(places[item.choice].country, set()).add(item.choice)
    if len(named_places) < 2:
        return
    countries_named = {
        places[j.choice].country
        for j in judged
        if j.accepted and places[j.choice].feature == "country"
    } | demonym_countries
    for item in judged:
        country = places[item.choice].country
        if not item.accepted or country in countries_named:
            continue
        if places[item.choice].feature == "capital":
            continue  # "an attack on Abu Dhabi": capitals are named from afar
        alone = named_places.get(country, set()) <= {item.choice}
        outnumbered = any(len(ids) >= 2 for c, ids in named_places.items() if c != country)
        if alone and outnumbered:
            item.accepted = False


def _nearest_choice(gazetteer: Gazetteer, match: _Match, others: list[Place]) -> int:
    """The candidate place likeliest by its own weight and its nearness to the other places."""

    def score(entry: NameEntry) -> float:
        place = gazetteer.places[entry.place]
        if place.feature == "country":
            near = 0.0  # a country is near everything in it; its centre means nothing
        else:
            near = min(distance_km(place, other) for other in others)
        return _prior(gazetteer, entry, match) + _proximity_bonus(near)

    return max(match.entries, key=score).place


def _other_story_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of "Related:" lists: headlines of other stories, not this one's places."""
    spans: list[tuple[int, int]] = []
    for found in _OTHER_STORIES.finditer(text):
        blank = text.find("\n\n", found.end())
        end = len(text) if blank < 0 else blank
        spans.append((found.start(), end))
    return spans
