"""Scope: is a figure a running total over a long period ("since 2011") or one incident?"""

from __future__ import annotations

import re
from datetime import date

_WAR = r"(?:civil war|war|conflict|uprising|revolution|crisis|intervention|invasion|revolt)"
_ALWAYS_CUMULATIVE = re.compile(
    r"\bsince (?:the )?(?:start|beginning|outbreak|onset) of (?:the |its |their )?"
    + r"(?:\w+ )?"
    + _WAR
    + r"|\bsince (?:the |its |their |a )?(?:\w+ )?(?:\w+ )?"
    + _WAR
    + r"\b"
    + r"|\bsince (?:it|the war|the conflict) (?:began|started|erupted)"
    + r"|\bhas since (?:killed|left|claimed|displaced)"
    + r"|\b(?:years|decade|decades) of (?:war|conflict|fighting)"
    + r"|\b(?:over|in|during) the (?:past|last) (?:decade|\w+ years|few years|years)"
    + r"|\bwhole of (?:19|20)\d\d|\bentire (?:war|conflict)"
    + r"|\b(?:killed|died|dead|deaths|displaced|lives)\b(?: \S+){0,4} \S+-(?:year|month)"
    + r"(?:-old|-long)? (?:civil )?(?:war|conflict|uprising|crisis)"
    + r"|\b(?:civil war|war|conflict|uprising|revolution|crisis)\b[^.;:]{0,50}\b(?:has|have) "
    + r"(?:so far |now |already )?(?:left|killed|claimed|displaced|uprooted|forced|caused)",
    re.IGNORECASE,
)
_SINCE_YEAR = re.compile(r"\bsince (?:early |late |mid-?)?((?:19|20)\d\d)\b", re.IGNORECASE)
_WAR_WORD = re.compile(r"\b" + _WAR + r"\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d,.])((?:19|20)\d\d)(?![\d,])")
_MONTH_BEFORE = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s*$",
    re.IGNORECASE,
)


def is_cumulative(sentence: str, published: date) -> bool:
    """True when the sentence counts over a long period: the war, years, a whole year."""
    if _ALWAYS_CUMULATIVE.search(sentence):
        return True
    for match in _SINCE_YEAR.finditer(sentence):
        if int(match.group(1)) < published.year:
            return True
    if _WAR_WORD.search(sentence):
        for match in _YEAR.finditer(sentence):
            if _MONTH_BEFORE.search(sentence[: match.start()]):
                continue
            if int(match.group(1)) <= published.year - 2:
                return True
    return False
