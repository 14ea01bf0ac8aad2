"""The shipped gazetteer: places with coordinates, indexed by folded spellings for fast matching.

The data files and their order are listed in ``digests/data/gazetteer/sources.toml``; a later
file may add places or amend earlier ones by id (display name, extra or wrong spellings).
"""

from __future__ import annotations

import copy
import csv
import math
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from digests.errors import SitrepError
from digests.extract.model import Place, PlaceMention
from digests.extract.translit import (
    ARTICLES,
    consonant_count,
    is_latin,
    name_keys,
    phonetic,
    words,
)

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"

# How much a kind of place counts when a name is ambiguous: a city before a village.
FEATURE_WEIGHT: dict[str, float] = {
    "country": 4.0,
    "province": 4.0,
    "region": 3.0,
    "capital": 3.5,
    "city": 3.0,
    "town": 2.0,
    "camp": 2.0,
    "district": 2.0,
    "neighbourhood": 1.0,
    "settlement": 0.5,
    "village": 0.5,
    "farm village": 0.0,
    "airport": 0.5,
    "village (abandoned)": -1.0,
    "village (destroyed)": -1.0,
}
# Features that are named in news by themselves, without "the village of" to introduce them.
MAJOR_FEATURES = frozenset(
    {"country", "province", "region", "capital", "city", "town", "camp", "district"}
)
_MAX_NAME_WORDS = 6


class GazetteerError(SitrepError, ValueError):
    """The gazetteer data files are missing or malformed."""

    default_message = "invalid gazetteer data"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Words the matcher needs besides place names, read from the data folder."""

    not_places: tuple[str, ...] = ()  # never a place alone: "Hope", "Nur", "Sham"
    person_prefixes: tuple[str, ...] = ()  # start a person's name: "Abu", "bin"
    given_names: tuple[str, ...] = ()  # "Idris Nassan": the next name is a surname
    demonyms: Mapping[str, str] = field(default_factory=dict)  # "Syrian" -> "SY"


@dataclass(slots=True)
class _Record:
    """A place while the files are read: amendable until the index is built."""

    place: Place
    names: list[str]
    importance: float = 0.0
    dropped: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One spelling of one place in the index."""

    place: int  # index into Gazetteer.places
    phonetic: tuple[str, ...]
    primary: bool  # the place's display name, not one of its alternate spellings


class Gazetteer:
    """Places and the index of their spellings. Immutable once built."""

    def __init__(
        self,
        places: Sequence[Place],
        names: Sequence[Sequence[str]],
        importance: Sequence[float],
        preferred_admin1: Sequence[str] = (),
        vocabulary: Vocabulary | None = None,
    ) -> None:
        self.vocabulary = vocabulary or Vocabulary()
        # Words that alone are never a place (common words, given names), and words that
        # start a person's name ("Abu Bakr"): both folded, from the data folder.
        self.not_places: frozenset[str] = frozenset(
            " ".join(w for w in words(p) if w not in ARTICLES) for p in self.vocabulary.not_places
        ) - {""}
        self.person_prefixes = frozenset(
            " ".join(words(w)) for w in self.vocabulary.person_prefixes
        )
        self.given_names = frozenset(" ".join(words(w)) for w in self.vocabulary.given_names)
        # "Syrian", "Iraqi": a word that puts a country in play without naming a place.
        self.demonyms: dict[str, str] = {
            phonetic(w): country
            for word, country in self.vocabulary.demonyms.items()
            for w in words(word)[:1]
            if is_latin(w)
        }
        self.places: tuple[Place, ...] = tuple(places)
        self.importance: tuple[float, ...] = tuple(importance)
        self._names: tuple[tuple[str, ...], ...] = tuple(tuple(n) for n in names)
        self.by_phonetic: dict[tuple[str, ...], list[NameEntry]] = {}
        self.by_skeleton: dict[tuple[str, ...], list[NameEntry]] = {}
        self.prefixes: set[tuple[str, ...]] = set()
        self.max_words = 1
        for index, spellings in enumerate(self._names):
            seen: set[tuple[str, ...]] = set()
            for rank, spelling in enumerate(spellings):
                phon, skel = name_keys(spelling)
                if not phon or len(phon) > _MAX_NAME_WORDS or phon in seen:
                    continue
                seen.add(phon)
                entry = NameEntry(index, phon, rank == 0)
                self.by_phonetic.setdefault(phon, []).append(entry)
                self.by_skeleton.setdefault(skel, []).append(entry)
                self.max_words = max(self.max_words, len(skel))
                for end in range(1, len(skel) + 1):
                    self.prefixes.add(skel[:end])
        self.preferred_admin1 = _admin1_keys(preferred_admin1)
        self._index_of = {place: index for index, place in enumerate(self.places)}
        self._admin1_of = tuple(_admin1_key(p.admin1) if p.admin1 else "" for p in self.places)
        self._major = tuple((p.feature or "") in MAJOR_FEATURES for p in self.places)

    @classmethod
    def load(cls, path: Path | None = None, preferred_admin1: Sequence[str] = ()) -> Gazetteer:
        """Read the data files that a sources.toml lists: ``path`` is that file or its folder.

        Without ``path``, the shipped data. Raises ``GazetteerError`` on missing or bad data.
        """
        folder = path or DEFAULT_DIR
        if folder.is_file():
            folder = folder.parent
        records, vocabulary = _read_sources(folder)
        places, names, importance = [], [], []
        for record in records:
            kept = [n for n in record.names if n.casefold() not in record.dropped]
            places.append(record.place)
            names.append(kept)
            importance.append(record.importance)
        return cls(places, names, importance, preferred_admin1, vocabulary)

    def with_preferred_admin1(self, preferred_admin1: Sequence[str]) -> Gazetteer:
        """The same places, preferring another region when a name is ambiguous."""
        other = copy.copy(self)  # the index is shared: only the preference differs
        other.preferred_admin1 = _admin1_keys(preferred_admin1)
        return other

    def find(self, text: str) -> list[PlaceMention]:
        """Places named in ``text``, in text order, resolved and filtered of common words."""
        from digests.extract.places import find_places  # the matcher needs this class

        return find_places(self, text)

    def lookup(self, name: str) -> Place | None:
        """Resolve one name a person typed ("Idleb", "Idlib province"), or None."""
        for candidate in _lookup_forms(name):
            phon, skel = name_keys(candidate)
            if not phon:
                continue
            entries = self.by_phonetic.get(phon)
            if not entries and consonant_count(skel) >= 3:
                entries = self.by_skeleton.get(skel)
            if entries:
                best = max(entries, key=lambda e: self.prior(e.place) + 0.5 * e.primary)
                return self.places[best.place]
        return None

    def names_of(self, place: Place) -> set[str]:
        """Every spelling of ``place``, folded as ``translit.fold`` folds text."""
        index = self._index_of.get(place)
        if index is None:
            return set()
        return {" ".join(name_keys(n)[0]) for n in self._names[index]} - {""}

    def spellings(self, index: int) -> tuple[str, ...]:
        """The spellings of the place at ``index``, display name first."""
        return self._names[index]

    def prior(self, index: int) -> float:
        """How likely the place at ``index`` is meant, before reading the article around it."""
        return self.importance[index] + 3.0 * self.is_preferred(index)

    def is_preferred(self, index: int) -> bool:
        return self._admin1_of[index] in self.preferred_admin1

    def is_major(self, index: int) -> bool:
        """A place news names without introducing it (a city, province, camp or country)."""
        return self._major[index]


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places, in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process."""
    return Gazetteer.load()


_LOOKUP_SUFFIXES = ("province", "governorate", "city", "countryside", "region", "camp", "town")


def _lookup_forms(name: str) -> Iterable[str]:
    yield name
    folded = " ".join(words(name))
    for suffix in _LOOKUP_SUFFIXES:
        if folded.endswith(" " + suffix):
            yield folded[: -len(suffix) - 1]


def _admin1_keys(names: Iterable[str]) -> frozenset[str]:
    return frozenset(key for key in map(_admin1_key, names) if key)


@lru_cache(maxsize=1024)
def _admin1_key(name: str) -> str:
    """A governorate name folded loosely: "Idlib", "Idleb"; "Deir-ez-Zor", "Deir Ezzor"."""
    return " ".join(name_keys(name)[1])


def _word_lists(folder: Path, files: list[object]) -> tuple[str, ...]:
    """The words of some one-per-line files ("#" starts a comment line)."""
    found: list[str] = []
    for word_file in files:
        text = (folder / str(word_file)).read_text(encoding="utf-8")
        found += [w.strip() for w in text.splitlines() if w.strip() and w[0] != "#"]
    return tuple(found)


def _read_sources(folder: Path) -> tuple[list[_Record], Vocabulary]:
    manifest = folder / "sources.toml"
    try:
        config = tomllib.loads(manifest.read_text(encoding="utf-8"))
        not_places = _word_lists(folder, config.get("not_places", []))
        given_names = _word_lists(folder, config.get("given_names", []))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise GazetteerError(f"cannot read {manifest}: {e}") from e
    person_prefixes = tuple(str(w) for w in config.get("person_prefixes", []))
    records: list[_Record] = []
    by_id: dict[str, _Record] = {}
    demonyms: dict[str, str] = {}
    for source in config.get("files", []):
        path = folder / str(source["path"])
        country = str(source.get("country", ""))
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                for line, row in enumerate(csv.DictReader(handle), start=2):
                    _apply_row(row, country, records, by_id, f"{path.name}:{line}")
                    for demonym in (row.get("demonyms") or "").split("|"):
                        if demonym.strip():
                            demonyms[demonym.strip()] = row.get("country") or country
        except OSError as e:
            raise GazetteerError(f"cannot read {path}: {e}") from e
        except (KeyError, ValueError) as e:
            raise GazetteerError(f"{path}: {e}") from e
    return records, Vocabulary(tuple(not_places), person_prefixes, given_names, demonyms)


def _apply_row(
    row: dict[str, str],
    default_country: str,
    records: list[_Record],
    by_id: dict[str, _Record],
    where: str,
) -> None:
    """Add the place a CSV row describes, or amend the earlier place with the same id."""

    def get(*keys: str) -> str:
        for key in keys:
            value = row.get(key)
            if value:
                return value.strip()
        return ""

    place_id = get("pcode", "id")
    name = get("name_en", "name")
    alt_names = [a.strip() for a in get("alt_names").split("|") if a.strip()]
    dropped = {a.strip().casefold() for a in get("drop_alt_names").split("|") if a.strip()}
    extra_importance = float(get("importance") or 0)
    existing = by_id.get(place_id) if place_id else None
    if existing is not None:
        old = existing.place
        existing.place = replace(
            old,
            name=display_name(name) if name else old.name,
            admin1=get("admin1") or old.admin1,
            feature=get("feature") or old.feature,
            country=get("country") or old.country,
        )
        existing.names = _unique([existing.place.name, *existing.names, *alt_names])
        existing.dropped |= dropped
        existing.importance += extra_importance + _feature_weight(existing.place.feature)
        existing.importance -= _feature_weight(old.feature)
        return
    try:
        lat = float(get("latitude", "lat"))
        lon = float(get("longitude", "lon"))
    except ValueError as e:
        raise GazetteerError(f"{where}: bad coordinates") from e
    if not name:
        raise GazetteerError(f"{where}: a place without a name")
    feature = get("feature") or None
    place = Place(
        name=display_name(name),
        country=get("country") or default_country,
        admin1=get("admin1") or None,
        lat=lat,
        lon=lon,
        admin2=get("admin2") or None,
        feature=feature,
        place_id=place_id or None,
    )
    names = _unique([name, place.name, *alt_names])
    latin_names = sum(1 for n in names if n.isascii())
    importance = _feature_weight(feature) + min(3.0, math.log2(1 + latin_names) / 1.5)
    record = _Record(place, names, importance + extra_importance, dropped)
    records.append(record)
    if place_id:
        by_id[place_id] = record


_EDGE_MARKS = re.compile(r"(?:(?<=^)|(?<=[\s-]))['’‘`ʿʾ]+|['’‘`ʿʾ]+(?=$|[\s-])")


def display_name(name: str) -> str:
    """A name as printed: ayn marks at word edges dropped ("'Ayn al 'Arab" -> "Ayn al Arab")."""
    return _EDGE_MARKS.sub("", name).replace("`", "'").strip()


def _feature_weight(feature: str | None) -> float:
    return FEATURE_WEIGHT.get(feature or "", 0.0)


def _unique(names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.add(name)
            out.append(name)
    return out
