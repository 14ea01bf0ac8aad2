"""Folding of transliterated place names, so that Idlib/Idleb or Atareb/Al-Atarib compare equal.

Two keys per word: ``phonetic`` keeps vowels as three classes (a, i, u) and is the strong key;
``skeleton`` keeps consonants only and is the weak key, for vowels that differ between spellings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Apostrophes, ayn and hamza marks: "Ma'arrat", "`Ayn", "Ra’s" lose them.
_MARKS = "'’‘`´ʿʾʻʼ′"
_MARKS_TABLE = str.maketrans("", "", _MARKS)
# Latin letters that NFKD does not decompose.
_LETTERS_TABLE = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th"}
)

# The Arabic definite article in its assimilated forms (al-, el-, ad-, ar-, as-, an-, ash-...).
ARTICLES: frozenset[str] = frozenset(
    {
        "al", "el", "il", "ul", "l",
        "ad", "ar", "as", "an", "at", "az", "ath", "adh", "ash",
        "ed", "er", "es", "en", "et", "ez", "eth", "edh", "esh",
    }
)  # fmt: skip
# Articles that are also English words: only taken as articles when written "as-Sham" style
# or before a capitalised word.
ENGLISH_ARTICLES: frozenset[str] = frozenset({"as", "an", "at", "ad", "en", "et", "ed", "es", "er"})

_SUN_LETTERS = "tdrzsnl"
_VOWELS = frozenset("aeiou")
# A word written with its article fused in: "Ezzor" (ez-Zor), "Arraqqa" (ar-Raqqa).
_FUSED_ARTICLE = re.compile(rf"^[ae]([{_SUN_LETTERS}])\1(?=[a-z]{{2}})")
_DIGRAPHS = (
    ("sch", "$"),
    ("tch", "$"),
    ("kh", "x"),
    ("gh", "g"),
    ("sh", "$"),
    ("ch", "$"),
    ("th", "t"),
    ("dh", "t"),
    ("ph", "f"),
    ("dj", "j"),
    ("ck", "k"),
    ("mb", "nb"),
)
_CONSONANT_MAP = str.maketrans({"q": "k", "g": "k", "c": "k", "e": "i", "o": "u"})
_WORD = re.compile(r"[^\W\d_]+")
_QU_VOWEL = re.compile(r"qu(?=[aei])")


def base_fold(text: str) -> str:
    """Lower case, no accents, no apostrophe marks: "Ma’arrat an-Nu`man" -> "maarrat an-numan"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS_TABLE))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.translate(_MARKS_TABLE)


def words(text: str) -> list[str]:
    """The folded words of a name, hyphens and spaces as separators: "Deir ez-Zor" -> 3 words."""
    return _WORD.findall(base_fold(text))


def is_latin(word: str) -> bool:
    """True when a folded word is plain a-z (names in other scripts are not indexed)."""
    return word.isascii() and word.isalpha()


def strip_fused_article(word: str) -> str:
    """ "ezzor" -> "zor", "arraqqa" -> "raqqa", "alnouman" -> "nouman"; others unchanged."""
    if len(word) > 5 and word.startswith("al") and word[2] not in _VOWELS:
        return word[2:]
    return _FUSED_ARTICLE.sub(r"\1", word)


# Words that begin Arabic place names, spelled many ways but short enough that vowels matter
# to their keys: "Ein/Ain/Ayn", "Tel/Tal/Tell", "Deir/Dayr", "Kfar/Kafr", "Jebel/Jabal".
_PREFIX_WORDS = {
    **dict.fromkeys(("ain", "ayn", "ein", "aen", "eyn", "aïn"), "ain"),
    **dict.fromkeys(("tal", "tel", "tell", "tall", "til"), "tal"),
    **dict.fromkeys(("deir", "dayr", "dair", "dier", "der"), "dair"),
    **dict.fromkeys(("kafr", "kfar", "kefr", "kafar", "kfr", "kufr"), "kafr"),
    **dict.fromkeys(("jabal", "jebel", "jabel", "jbel", "djebel"), "jabal"),
    **dict.fromkeys(("umm", "um", "om", "oum", "omm"), "um"),
    **dict.fromkeys(("abu", "abou", "abo"), "abu"),
    **dict.fromkeys(("ras", "rass", "raas"), "ras"),
    **dict.fromkeys(("khirbet", "khirbat", "kherbet", "khirbit"), "xirbat"),
    **dict.fromkeys(("beit", "bayt", "bait", "beyt"), "bait"),
}


@lru_cache(maxsize=65536)
def phonetic(word: str) -> str:
    """The strong key of one folded word: consonants merged by sound, vowels as a/i/u classes.

    "idleb" and "idlib" give "idlib"; "nairab" and "nayrab" give "nairab"; "sweida" and
    "soueida" give "swiida"; "jableh" and "jablah" give "jabla".
    """
    if word in _PREFIX_WORDS:
        return _PREFIX_WORDS[word]
    w = _QU_VOWEL.sub("k", word)  # "Quamishli": French "qu" before a vowel is a plain q
    w = w.replace("oo", "u").replace("ou", "u").replace("ee", "i")
    w = _collapse_doubles(w)
    if len(w) > 3 and w.endswith("eh"):
        w = w[:-2] + "a"  # Levantine ta marbuta: Jableh/Jablah, Hasakeh/Hasakah
    for digraph, sound in _DIGRAPHS:
        w = w.replace(digraph, sound)
    w = w.translate(_CONSONANT_MAP)
    if len(w) > 2 and w[-1] == "h" and w[-2] in "aiu":
        w = w[:-1]  # ta marbuta: Hamah/Hama, Jableh/Jabla
    out: list[str] = []
    for i, ch in enumerate(w):
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if i > 0 and ch == "u" and nxt in "aiu" and nxt:
            out.append("w")  # "Douaileh": the u before a vowel is a w
        elif i > 0 and ch == "i" and nxt in "au" and nxt and out and out[-1] not in "aiu":
            out.append("y")  # "Baliun" is "Balyun"
        elif ch in "yw" and i > 0 and not (nxt and nxt in "aiu"):
            out.append("i" if ch == "y" else "u")  # a semivowel closing a syllable is a vowel
        else:
            out.append(ch)
    return _collapse_doubles("".join(out))


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The weak key of one folded word: its phonetic key without vowels ("termanin" -> "trmnn")."""
    key = phonetic(word)
    consonants = "".join(c for c in key if c not in "aiu")
    return consonants or key


def consonant_count(keys: tuple[str, ...]) -> int:
    """How many consonants a skeleton key has in all: short keys are too ambiguous to trust."""
    return sum(len(k.strip("aiu")) for k in keys)


def fold(text: str) -> str:
    """A name folded for comparison: words without articles, each by its phonetic key.

    "Jisr ash-Shughur" and "Jisr al-Shughour" fold to the same string.
    """
    return " ".join(name_keys(text)[0])


def name_keys(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(phonetic key, skeleton key) of a whole name, articles dropped; empty if not Latin."""
    kept = [w for w in words(text) if w not in ARTICLES]
    if not kept or not all(is_latin(w) for w in kept):
        return (), ()
    kept = [kept[0]] + [strip_fused_article(w) for w in kept[1:]]
    return tuple(phonetic(w) for w in kept), tuple(skeleton(w) for w in kept)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance of two short strings, stopping early once above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _collapse_doubles(word: str) -> str:
    out: list[str] = []
    for ch in word:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)
