"""The extractor: an article (text, publication date) reduced to figures and places.

Pure: no I/O, no state between calls. ``default_extractor`` loads the shipped gazetteer once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from digests.extract.damage import find_damage
from digests.extract.dates import resolve_date
from digests.extract.figures import may_hold_figures, read_sentence
from digests.extract.model import Extraction, Figure, Kind, Place, PlaceMention, Qualifier
from digests.extract.numbers import Token, tokenize
from digests.extract.phrases import Phrase
from digests.extract.scope import (
    RUNNING_TOTAL_DEATHS,
    WAR_SCALE_DEATHS,
    is_cumulative,
    is_cumulative_since_then,
)
from digests.extract.sentences import Sentence, segment
from digests.extract.sources import find_source
from digests.extract.translit import fold

if TYPE_CHECKING:
    from digests.extract.gazetteer import Gazetteer

# Articles run to tens of kilobytes; what lies beyond this is not an article, and reading it
# would only let a hostile input make extraction slow.
MAX_ARTICLE_CHARS = 300_000
_MAX_QUOTE = 400
_SOURCE_REACH = 6  # sentences back in a paragraph where a source may have been named
_COMPATIBLE_GROUPS = frozenset({"people", "civilians"})


class PlaceFinder(Protocol):
    """What the extractor needs of a gazetteer: the places named in a text, in order."""

    def find(self, text: str) -> list[PlaceMention]: ...


@dataclass(slots=True)
class _Found:
    """A figure with what deciding duplicates needs to know about where it came from."""

    figure: Figure
    places: frozenset[str]
    explicit_source: bool
    explicit_date: bool
    definite: bool
    stale: bool
    headline: bool = False  # read from the first line: a headline restates the body
    spot: tuple[int, int] = (-1, -1)  # sentence and offset: two counts of one sentence differ


class Extractor:
    """Reads figures and places from articles with one gazetteer."""

    def __init__(self, gazetteer: Gazetteer | PlaceFinder) -> None:
        self._gazetteer = gazetteer

    def extract(self, text: str, published: date) -> Extraction:
        """Figures and places of one article; never raises on any string."""
        if not isinstance(text, str) or not text.strip():
            return Extraction()
        if isinstance(published, datetime):
            published = published.date()  # dates are compared with dates only
        text = text[:MAX_ARTICLE_CHARS]
        segmented = segment(text)
        mentions = sorted(
            (m for m in self._find_places(text) if not segmented.is_skipped(m.start)),
            key=lambda m: m.start,
        )
        reading = _Reading(segmented.sentences, mentions, published)
        for index, sentence in enumerate(segmented.sentences):
            damage_words = _DAMAGE_WORDS.search(sentence.text) is not None
            if not damage_words and not may_hold_figures(sentence.text):
                continue
            tokens = tokenize(sentence.text)
            reading.read(index, tokens)
            if damage_words:
                reading.read_damage(index, tokens)
        return Extraction(figures=_deduplicate(reading.found), places=_distinct_places(mentions))

    def _find_places(self, text: str) -> list[PlaceMention]:
        try:
            return list(self._gazetteer.find(text))
        except (ValueError, LookupError, IndexError, TypeError):
            return []  # a gazetteer fault must not cost the figures


_SENTENCE_ENDS = (".", "!", "?", '"', "”")
_DAMAGE_WORDS = re.compile(r"damag|destroy|levelled|leveled|razed|flattened", re.IGNORECASE)


@dataclass(slots=True)
class _SentenceContext:
    """What every figure of one sentence shares: source, date, scope, places."""

    source: str | None
    when: date | None
    cumulative: bool
    since: bool  # the sentence counts "since" some moment
    places: list[PlaceMention]
    specific: list[PlaceMention] = field(default_factory=list)  # no reference points
    clause_breaks: list[tuple[int, int]] = field(default_factory=list)  # within the sentence


@dataclass(frozen=True, slots=True)
class _Setting:
    """Where and when a figure happened, for the parts that break it down."""

    mention: PlaceMention | None
    when: date | None


class _Reading:
    """The state of reading one article, sentence after sentence."""

    def __init__(
        self, sentences: Sequence[Sentence], mentions: list[PlaceMention], published: date
    ) -> None:
        self.sentences = sentences
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.published = published
        self.main_place = _main_place(mentions, sentences)
        self.found: list[_Found] = []
        self.previous: Phrase | None = None
        self.scopes: dict[int, bool] = {}
        self.known_kinds: dict[int, str] = {}
        self.source_cache: dict[int, str | None] = {}
        self.settings: dict[int, _Setting] = {}  # where and when each figure read happened
        self.paragraph_places: dict[int, PlaceMention] = {}  # last figure's place per paragraph

    def context(self, index: int) -> _SentenceContext:
        sentence = self.sentences[index]
        low = bisect_left(self.starts, sentence.start)
        high = bisect_left(self.starts, sentence.end)
        places = [m for m in self.mentions[low:high] if m.place.feature != "country"]
        # "Since 28 April, UOSSM has recorded:" then "- at least 637 people killed": a list
        # item is read with its header, which says over what period it counts.
        header = _list_header(self.sentences, index)
        framed = f"{header} {sentence.text}" if header else sentence.text
        return _SentenceContext(
            source=_source(self.sentences, index, self.source_cache),
            when=resolve_date(sentence.text, self.published),
            cumulative=is_cumulative(framed, self.published)
            or (
                index > 0
                and self.sentences[index - 1].paragraph == sentence.paragraph
                and is_cumulative_since_then(
                    sentence.text, self.sentences[index - 1].text, self.published
                )
            ),
            since=" since " in f" {framed.lower()} ",
            places=places,
            specific=_specific_places(places, sentence) or places,
            clause_breaks=[(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence.text)]
            if places
            else [],
        )

    def read(self, index: int, tokens: list[Token]) -> None:
        """The figures of one sentence."""
        previous_kind = self.previous.kind if self.previous else None
        phrases = read_sentence(tokens, self.previous, previous_kind, self.known_kinds)
        if not phrases:
            return
        context = self.context(index)
        update_at = _running_total_update(tokens)
        for phrase in phrases:
            # "1,300 fled, bringing the number since January to 41,000": the newcomers are
            # the incident, only the total after the update verb runs over the period
            before_update = update_at is not None and phrase.first < update_at
            cumulative = self._cumulative(
                phrase, context.cumulative and not before_update, context.since
            )
            linked = phrase.parent or phrase.sibling
            by_group = phrase.group is not None and phrase.group != "people"
            self.add(
                index,
                context,
                offset=tokens[phrase.amount.start].start,
                inherited=self.settings.get(id(linked)) if linked and by_group else None,
                key=id(phrase),
                kind=_kind(phrase.kind),
                count=phrase.value,
                group=phrase.resolved_group(),
                qualifier=_qualifier(phrase.qualifier),
                cumulative=cumulative,
                high=phrase.high,
                definite=phrase.definite,
                stale=phrase.stale,
            )
            if phrase.value is not None and phrase.kind:
                self.known_kinds.setdefault(phrase.value, phrase.kind)
        self.previous = phrases[-1]

    def read_damage(self, index: int, tokens: list[Token]) -> None:
        """Counts of damaged buildings in one sentence (kind ``damaged``)."""
        damages = find_damage(tokens)
        if not damages:
            return
        context = self.context(index)
        for damage in damages:
            self.add(
                index,
                context,
                offset=tokens[damage.start].start,
                kind="damaged",
                count=damage.value,
                group=damage.group,
                qualifier=_qualifier(damage.qualifier),
                cumulative=context.cumulative,
            )

    def _cumulative(self, phrase: Phrase, sentence_cumulative: bool, since: bool) -> bool:
        """A breakdown shares its total's scope; a war-scale death toll is always a total."""
        linked = phrase.parent or phrase.sibling
        cumulative = sentence_cumulative
        if linked is not None and self.scopes.get(id(linked), False):
            cumulative = True
        deaths = (phrase.value or 0) if phrase.kind == "killed" else 0
        if deaths >= WAR_SCALE_DEATHS or (deaths >= RUNNING_TOTAL_DEATHS and since):
            cumulative = True  # "35,000 killed since October 7": a running total
        self.scopes[id(phrase)] = cumulative
        return cumulative

    def add(
        self,
        index: int,
        context: _SentenceContext,
        *,
        offset: int,
        kind: Kind,
        inherited: _Setting | None = None,
        key: int = 0,
        count: int | None,
        group: str,
        qualifier: Qualifier,
        cumulative: bool,
        high: int | None = None,
        definite: bool = False,
        stale: bool = False,
    ) -> None:
        sentence = self.sentences[index]
        when = context.when
        if inherited is not None:
            # "including six children": a part happened where and when its total did
            mention, when = inherited.mention, when or inherited.when
        else:
            mention = (
                _nearest(context, sentence, offset)
                or self.paragraph_places.get(sentence.paragraph)
                or self.main_place
            )
        if mention is not None:
            self.paragraph_places[sentence.paragraph] = mention
        self.settings[key] = _Setting(mention, when)
        figure = Figure(
            kind=kind,
            count=count,
            group=group,
            qualifier=qualifier,
            scope="cumulative" if cumulative else "incident",
            place=mention.place.name if mention else None,
            date=when,
            source=context.source,
            quote=_quote(sentence.text),
            count_high=high,
            place_record=mention.place if mention else None,
        )
        self.found.append(
            _Found(
                figure,
                places=frozenset(m.place.name for m in context.places),
                explicit_source=context.source is not None,
                explicit_date=context.when is not None,
                definite=definite,
                stale=stale,
                headline=_restates(index, sentence.text),
                spot=(index, offset),
            )
        )


_LIST_ITEM_CHARS = 80  # a short line without a full stop: a key-figures item or a heading


def _restates(index: int, text: str) -> bool:
    """A headline, or a short key-figures line ("- 2 deaths reported"), restates the body."""
    stripped = text.rstrip()
    if stripped.endswith(_SENTENCE_ENDS):
        return False
    return index == 0 or len(stripped) <= _LIST_ITEM_CHARS


_UPDATE_VERBS = frozenset({"bringing", "raising", "taking", "pushing", "lifting"})
_TOTAL_WORDS = frozenset({"total", "toll", "tally", "number", "count", "figure"})


def _running_total_update(tokens: list[Token]) -> int | None:
    """The token of "bringing/raising ... the total" in a sentence, if any."""
    lows = [t.low for t in tokens]
    for i, low in enumerate(lows):
        if low in _UPDATE_VERBS and not _TOTAL_WORDS.isdisjoint(lows[i + 1 : i + 5]):
            return i
    return None


def default_extractor(preferred_admin1: Sequence[str] = ()) -> Extractor:
    """An extractor over the shipped gazetteer, read once per process."""
    from digests.extract.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    if preferred_admin1:
        gazetteer = gazetteer.with_preferred_admin1(preferred_admin1)
    return Extractor(gazetteer)


def _kind(kind: str | None) -> Kind:
    allowed: tuple[Kind, ...] = ("killed", "injured", "displaced", "missing", "detained", "damaged")
    for candidate in allowed:
        if candidate == kind:
            return candidate
    return "killed"


def _qualifier(qualifier: str) -> Qualifier:
    allowed: tuple[Qualifier, ...] = ("exact", "at_least", "more_than", "about", "up_to", "vague")
    for candidate in allowed:
        if candidate == qualifier:
            return candidate
    return "exact"


def _quote(text: str) -> str:
    quote = " ".join(text.split())
    if len(quote) > _MAX_QUOTE:
        quote = quote[: _MAX_QUOTE - 1].rstrip() + "…"
    return quote


_BULLETS = ("-", "•", "*", "–", "·")


def _list_header(sentences: Sequence[Sentence], index: int) -> str | None:
    """The line ending in a colon that a list item belongs to, when the sentence is one."""
    if not sentences[index].text.lstrip().startswith(_BULLETS):
        return None
    # Items may stand in paragraphs of their own (each <li> or <p> of a web page): the
    # header is the nearest sentence before them that is not an item.
    for back in range(index - 1, -1, -1):
        text = sentences[back].text.strip()
        if not text.startswith(_BULLETS):
            return text if text.endswith(":") else None
    return None


def _source(sentences: Sequence[Sentence], index: int, cache: dict[int, str | None]) -> str | None:
    """The source the sentence names, else the last one named shortly before in its
    paragraph."""
    paragraph = sentences[index].paragraph
    for back in range(index, max(-1, index - _SOURCE_REACH), -1):
        if sentences[back].paragraph != paragraph:
            break
        if back not in cache:
            cache[back] = find_source(sentences[back].text)
        if cache[back] is not None:
            return cache[back]
    return None


# How specific a kind of place is: an article is about the most specific place it opens with.
_SPECIFICITY = {
    "neighbourhood": 0,
    "camp": 0,
    "village": 0,
    "town": 0,
    "city": 1,
    "district": 2,
    "region": 3,
    "province": 3,
}
_LEAD_SENTENCES = 2


def _main_place(mentions: list[PlaceMention], sentences: Sequence[Sentence]) -> PlaceMention | None:
    """The place an article is about: the most specific place of its headline and lead,
    else the first place it names (countries only when nothing else is named)."""
    local = [m for m in mentions if m.place.feature != "country"]
    if not local:
        return mentions[0] if mentions else None
    lead_end = sentences[min(len(sentences), _LEAD_SENTENCES) - 1].end if sentences else 0
    lead = [m for m in local if m.start < lead_end]
    if not lead:
        return local[0]
    # "Idlib's Ariha": Idlib names the province Ariha is in, so Ariha is the place
    containers = {fold(m.place.admin1) for m in lead if m.place.admin1}
    inner = [m for m in lead if fold(m.place.name) not in containers] or lead
    return min(inner, key=lambda m: (_SPECIFICITY.get(m.place.feature or "", 1), m.start))


# "in Ariha, south of Idlib city", "10 km east of Saraqib": a point of reference, not the
# place where it happened.
_REFERENCE_BEFORE = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|"
    r"north-west|south-east|south-west)(?:ern)?\s+of\s+(?:the\s+)?(?:(?:city|town|village)\s+"
    r"of\s+)?$|\b(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:from|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _nearest(context: _SentenceContext, sentence: Sentence, offset: int) -> PlaceMention | None:
    """The place of a figure: the nearest place of its clause that is not a reference
    point ("south of Idlib") nor the province of another place named there."""
    if not context.specific:
        return None
    absolute = sentence.start + offset
    clause = _clause_span(context.clause_breaks, len(sentence.text), offset)
    in_clause = [m for m in context.specific if clause[0] <= m.start - sentence.start < clause[1]]
    return min(in_clause or context.specific, key=lambda m: abs(m.start - absolute))


# Where one clause of a sentence ends and another, about something else, begins.
_CLAUSE_BREAK = re.compile(
    r"[,;]\s+(?:while|whereas|but|meanwhile|and|as)\b|;|\s[-–—]\s", re.IGNORECASE
)


def _clause_span(breaks: list[tuple[int, int]], length: int, offset: int) -> tuple[int, int]:
    """The character span (within the sentence) of the clause holding ``offset``."""
    after = bisect_left(breaks, (offset, -1))
    start = breaks[after - 1][1] if after > 0 and breaks[after - 1][1] <= offset else 0
    end = breaks[after][0] if after < len(breaks) else length
    return start, end


_MAX_SPECIFIC = 40  # places of one sentence weighed against each other; beyond, all count


def _specific_places(mentions: list[PlaceMention], sentence: Sentence) -> list[PlaceMention]:
    if not mentions or len(mentions) > _MAX_SPECIFIC:
        return mentions
    names = {id(m): fold(m.place.name) for m in mentions}
    several = len(set(names.values())) > 1
    inside = {
        fold(m.place.admin1)
        for m in mentions
        if m.place.admin1 and m.place.feature not in ("province", "region", "country")
    }
    kept = []
    for mention in mentions:
        lead = sentence.text[
            max(0, mention.start - sentence.start - 40) : mention.start - sentence.start
        ]
        if _REFERENCE_BEFORE.search(lead):
            continue
        if several and names[id(mention)] in inside:
            continue  # "Ariha in Idlib province": Idlib says where Ariha is
        kept.append(mention)
    return kept


def _distinct_places(mentions: list[PlaceMention]) -> tuple[Place, ...]:
    seen: set[tuple[str, float, float]] = set()
    places: list[Place] = []
    for mention in mentions:
        key = (mention.place.name, mention.place.lat, mention.place.lon)
        if key not in seen:
            seen.add(key)
            places.append(mention.place)
    return tuple(places)


def _same_figure(a: _Found, b: _Found) -> bool:
    fa, fb = a.figure, b.figure
    if fa.kind != fb.kind or fa.count != fb.count or fa.count is None:
        return False
    if a.spot[0] == b.spot[0] and a.spot != b.spot:
        return False  # "a nurse and a volunteer were killed": two people, not one said twice
    restated = a.headline or b.headline  # a headline's source and date are the body's
    # "Ambush kills 14" over "killed 14 soldiers": a headline leaves the group unsaid
    vague_headline = restated and "people" in (fa.group, fb.group)
    if fa.group != fb.group and not ({fa.group, fb.group} <= _COMPATIBLE_GROUPS or vague_headline):
        return False
    if (
        not restated
        and a.explicit_source
        and b.explicit_source
        and fa.source != fb.source
        and (fa.place is None or fa.place != fb.place)
    ):
        return False  # two sources agreeing on one place's count report one figure
    if not restated and a.explicit_date and b.explicit_date and fa.date != fb.date:
        return False
    return not (a.places and b.places and not a.places & b.places)


def _deduplicate(found: list[_Found]) -> tuple[Figure, ...]:
    """One figure per fact: a count said twice (headline and body) is kept once, and an
    earlier toll gives way to a newer count of the same kind."""
    current = {f.figure.kind for f in found if not f.stale and f.figure.count is not None}
    kept: list[_Found] = []
    # Only figures of one kind and count can be twins: looked up by both, not compared all
    # against all (a hostile text holds thousands of counts).
    by_count: dict[tuple[str, int | None], list[_Found]] = {}
    for item in found:
        if item.stale and item.figure.kind in current:
            continue
        figure = item.figure
        same_count = by_count.setdefault((figure.kind, figure.count), [])
        if item.definite and same_count:
            continue  # "all four children": the four already counted
        twin = next((k for k in same_count if _same_figure(k, item)), None)
        if twin is None:
            kept.append(item)
            same_count.append(item)
            continue
        if twin.figure.group == "people" and figure.group != "people":
            twin.figure = _with_group(twin.figure, figure.group)
    return tuple(k.figure for k in kept)


def _with_group(figure: Figure, group: str) -> Figure:
    from dataclasses import replace

    return replace(figure, group=group)
