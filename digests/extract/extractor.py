"""The extractor: an article (text, publication date) reduced to figures and places.

Pure: no I/O, no state between calls. ``default_extractor`` loads the shipped gazetteer once.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from digests.extract.dates import resolve_date
from digests.extract.figures import may_hold_figures, read_sentence
from digests.extract.model import Extraction, Figure, Kind, Place, PlaceMention, Qualifier
from digests.extract.numbers import tokenize
from digests.extract.phrases import Phrase
from digests.extract.scope import is_cumulative
from digests.extract.sentences import Sentence, segment
from digests.extract.sources import find_source

if TYPE_CHECKING:
    from digests.extract.gazetteer import Gazetteer

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


class Extractor:
    """Reads figures and places from articles with one gazetteer."""

    def __init__(self, gazetteer: Gazetteer | PlaceFinder) -> None:
        self._gazetteer = gazetteer

    def extract(self, text: str, published: date) -> Extraction:
        """Figures and places of one article; never raises on any string."""
        if not isinstance(text, str) or not text.strip():
            return Extraction()
        segmented = segment(text)
        mentions = [
            m
            for m in self._find_places(text)
            if not segmented.is_skipped(m.start) and m.place is not None
        ]
        mentions.sort(key=lambda m: m.start)
        starts = [m.start for m in mentions]
        main_place = mentions[0] if mentions else None
        found: list[_Found] = []
        previous: Phrase | None = None
        previous_kind: str | None = None
        scopes: dict[int, bool] = {}
        known_kinds: dict[int, str] = {}
        source_cache: dict[int, str | None] = {}
        sentences = segmented.sentences
        for index, sentence in enumerate(sentences):
            if not may_hold_figures(sentence.text):
                continue
            tokens = tokenize(sentence.text)
            phrases = read_sentence(tokens, previous, previous_kind, known_kinds)
            if not phrases:
                continue
            inherited = _source(sentences, index, source_cache)
            cumulative = is_cumulative(sentence.text, published)
            when = resolve_date(sentence.text, published)
            low, high = (
                bisect_left(starts, sentence.start),
                bisect_left(starts, sentence.end),
            )
            sentence_places = mentions[low:high]
            for phrase in phrases:
                linked = phrase.parent or phrase.sibling
                scope_cumulative = cumulative or (
                    phrase.from_previous and linked is not None and scopes.get(id(linked), False)
                )
                if linked is not None and id(linked) in scopes and not phrase.from_previous:
                    scope_cumulative = scope_cumulative or scopes[id(linked)]
                scopes[id(phrase)] = scope_cumulative
                mention = _nearest(sentence_places, sentence, tokens[phrase.amount.start].start)
                place_mention = mention or main_place
                figure = Figure(
                    kind=_kind(phrase.kind),
                    count=phrase.value,
                    group=phrase.resolved_group(),
                    qualifier=_qualifier(phrase.qualifier),
                    scope="cumulative" if scope_cumulative else "incident",
                    place=place_mention.place.name if place_mention else None,
                    date=when,
                    source=inherited,
                    quote=_quote(sentence.text),
                    count_high=phrase.high,
                    place_record=place_mention.place if place_mention else None,
                )
                found.append(
                    _Found(
                        figure,
                        places=frozenset(
                            m.place.name for m in sentence_places if m.place.feature != "country"
                        ),
                        explicit_source=inherited is not None,
                        explicit_date=when is not None,
                        definite=phrase.definite,
                        stale=phrase.stale,
                    )
                )
            for phrase in phrases:
                if phrase.value is not None and phrase.kind:
                    known_kinds.setdefault(phrase.value, phrase.kind)
            previous = phrases[-1]
            previous_kind = previous.kind
        return Extraction(figures=_deduplicate(found), places=_distinct_places(mentions))

    def _find_places(self, text: str) -> list[PlaceMention]:
        try:
            return list(self._gazetteer.find(text))
        except (ValueError, LookupError, IndexError, TypeError):
            return []  # a gazetteer fault must not cost the figures


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


def _nearest(mentions: list[PlaceMention], sentence: Sentence, offset: int) -> PlaceMention | None:
    if not mentions:
        return None
    absolute = sentence.start + offset
    return min(mentions, key=lambda m: abs(m.start - absolute))


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
    if fa.group != fb.group and not {fa.group, fb.group} <= _COMPATIBLE_GROUPS:
        return False
    if a.explicit_source and b.explicit_source and fa.source != fb.source:
        return False
    if a.explicit_date and b.explicit_date and fa.date != fb.date:
        return False
    return not (a.places and b.places and not a.places & b.places)


def _deduplicate(found: list[_Found]) -> tuple[Figure, ...]:
    """One figure per fact: a count said twice (headline and body) is kept once, and an
    earlier toll gives way to a newer count of the same kind."""
    current = {f.figure.kind for f in found if not f.stale and f.figure.count is not None}
    kept: list[_Found] = []
    for item in found:
        if item.stale and item.figure.kind in current:
            continue
        figure = item.figure
        if item.definite and any(
            k.figure.count == figure.count and k.figure.kind == figure.kind for k in kept
        ):
            continue  # "all four children": the four already counted
        twin = next((k for k in kept if _same_figure(k, item)), None)
        if twin is None:
            kept.append(item)
            continue
        if twin.figure.group == "people" and figure.group == "civilians":
            twin.figure = _with_group(twin.figure, "civilians")
    return tuple(k.figure for k in kept)


def _with_group(figure: Figure, group: str) -> Figure:
    from dataclasses import replace

    return replace(figure, group=group)
