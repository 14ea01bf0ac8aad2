"""Wording of an incident: the kind of violence it names and a MinHash of its words."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from digests.events.model import Violence

NUM_PERM = 64
_SEED = 4  # fixed: fingerprints are persisted and compared across runs

# Words every conflict report uses: they say nothing about *which* incident it is.
_STOPWORD_TEXT = """
    the a an and or of in on at to for from by with as is are was were be been being has have had
    this that these those it its their they them he she his her who which what when where while
    after before during since until into over under than then there here not no but also more
    least most some about said says say saying told according report reported reports reporting
    killed kill kills killing dead death deaths die died wounded wound injured injuring injury
    injuries people person civilians civilian including include toll casualties casualty rose
    rise risen number total other others syria syrian observatory human rights monitor group
    local sources source official officials news agency statement per cent percent day today
    yesterday monday tuesday wednesday thursday friday saturday sunday morning evening night
    week month year hours hour least one two three four five six seven eight nine ten
    update updated latest earlier later new would could will may might did does do just
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)

# Patterns are matched on lower-cased wording; order breaks ties (the more specific first).
_VIOLENCE_PATTERNS: tuple[tuple[Violence, re.Pattern[str]], ...] = (
    (
        "massacre",
        re.compile(
            r"\bmassacre[sd]?\b|\bexecut(?:ed|ion|ions)\b|\bgunm[ae]n\b|\bshot dead\b"
            r"|\bsectarian killings?\b|\bsummary killings?\b|\bmass grave"
        ),
    ),
    (
        "bombing",
        re.compile(
            r"\bcar bomb|\bbooby.trapped|\bsuicide (?:bomb|attack)|\bexplosi(?:on|ve)s?\b"
            r"|\bexploded\b|\bblast\b|\bimprovised explosive"
            r"|\b(?<!barrel )(?<!aerial )(?<!guided )(?<!glide )bomb(?:s|ing|ings)?\b"
            r"|\blandmines?\b|\bied\b"
        ),
    ),
    (
        "airstrike",
        re.compile(
            r"\bair ?strikes?\b|\bair.?raids?\b|\bwarplanes?\b|\bjets?\b|\baircraft\b"
            r"|\bbarrel bombs?\b|\bdrone strikes?\b|\bdrones?\b|\bhelicopters?\b"
            r"|\baerial (?:bombardment|attack|bomb)s?\b|\b(?:guided|glide) (?:aerial )?bombs?\b"
            r"|\bstrikes? by (?:russian|syrian|israeli)"
        ),
    ),
    (
        "missile",
        re.compile(r"\bmissiles?\b|\bballistic\b"),
    ),
    (
        "shelling",
        re.compile(
            r"\bshell(?:ing|ed|s)\b|\bartillery\b|\bmortars?\b|\brockets?\b|\bbombardment\b"
            r"|\bgrad\b|\bmultiple.launch"
        ),
    ),
    (
        "clashes",
        re.compile(
            r"\bclash(?:es|ed)?\b|\bfighting\b|\bbattl(?:es?|ed|ing)\b|\boffensive\b|\bassault\b"
            r"|\bcounter-?attacks?\b"
            r"|\bstormed\b|\bgunfight\b|\bcombat\b|\bprison (?:attack|break)"
        ),
    ),
)
_PRIORITY: dict[str, int] = {name: i for i, (name, _) in enumerate(_VIOLENCE_PATTERNS)}


def fold(text: str) -> str:
    """Lower-case and strip accents, so "Maʿarat" and "Maarat" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _stem(word: str) -> str:
    # Light suffix stripping is enough for wording overlap ("strikes" ~ "strike").
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def salient_words(text: str) -> set[str]:
    """The words that tell one incident from another (stemmed, stopwords and numbers out)."""
    return {_stem(w) for w in _WORD.findall(fold(text)) if w not in _STOPWORDS}


_SCHEME = "affine32"  # pinned: persisted fingerprints must stay comparable across upgrades


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    # Generating permutations is the slow part of MinHash(); share one set.
    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations


def fingerprint(text: str) -> tuple[int, ...]:
    """A MinHash of the salient words of ``text`` (empty tuple when it has none)."""
    words = salient_words(text)
    if not words:
        return ()
    sketch = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=_permutations(), scheme=_SCHEME)
    sketch.update_batch([w.encode("utf-8") for w in sorted(words)])
    return tuple(int(v) for v in sketch.hashvalues)


def similarity(left: np.ndarray, right: np.ndarray) -> float:
    """Estimated Jaccard similarity of two fingerprints (0.0 when either is empty)."""
    if left.size == 0 or right.size != left.size:
        return 0.0
    return float(np.count_nonzero(left == right)) / left.size


def violence_of(weighted_texts: Iterable[tuple[str, int]]) -> Violence:
    """The kind of violence the wording names most, weighting incident-specific text higher."""
    scores: Counter[Violence] = Counter()
    for text, weight in weighted_texts:
        lowered = fold(text)
        for name, pattern in _VIOLENCE_PATTERNS:
            hits = len(pattern.findall(lowered))
            if hits:
                scores[name] += hits * weight
    if not scores:
        return "unknown"
    return max(scores, key=lambda name: (scores[name], -_PRIORITY[name]))
