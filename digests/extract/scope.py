"""Scope: is a figure a running total over a long period ("since 2011") or one incident?"""

from __future__ import annotations

import re
from datetime import date

from digests.extract.calendar_words import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTH_NUMBERS

# A war word, not "warplanes", "war-torn", "war monitor" or "war crimes".
_WAR = (
    r"(?:civil war|war|conflict|uprising|revolution|crisis|intervention|invasion|revolt|"
    r"rebellion|turmoil|coup)(?![\w-]| planes?\b| monitor| crimes?\b)"
)
# Phrases that make a count a running total whatever the tense.
_ALWAYS = re.compile(
    r"\bhas since (?:killed|left|claimed|displaced)"
    r"|\b(?:years|decade|decades) of (?:war|conflict|fighting|turmoil)"
    r"|\b(?:over|in|during) the (?:past|last) (?:decade|\w+ years|few years|years|year|"
    r"twelve months|12 months)\b"
    r"|\bwhole of (?:19|20)\d\d|\bentire (?:war|conflict)"
    r"|\b(?:killed|died|dead|displaced|deaths|lives)\b(?: \S+){0,3} (?:in|during|throughout) "
    r"(?:the |syria'?s |its |this )?(?:[\w-]+ )?"
    + _WAR
    + r"|(?<!remnants of the )(?<!remnants of )\b(?:war|conflict) "
    r"(?:also |has |have |had |so far )*(?:killed|displaced|uprooted|claimed|cost)\b"
    r"|\bin the (?:war|conflict) so far"
    # "since the beginning of the full-scale invasion, 127 children were injured"
    r"|\bsince the (?:start|beginning|outbreak|onset) of (?:the |its |their )?(?:[\w-]+ )?"
    + _WAR
    + r"|\b(?:fled|escaped) (?:from )?(?:the |syria'?s )?(?:civil )?war\b"
    r"|\b(?:killed|died|dead|deaths|displaced|lives)\b(?: \S+){0,4} \S+-(?:year|month)"
    r"(?:-old|-long)? (?:civil )?(?:war|conflict|uprising|crisis)"
    r"|\bannual (?:figure|toll|total|count|tally)\b"
    r"|\b" + _WAR + r"[^.;:]{0,80}\b(?:has|have) "
    r"(?:so far |now |already )?(?:left|killed|claimed|displaced|uprooted|forced|caused)",
    re.IGNORECASE,
)
# "since the war began", "since its intervention": a running total when told in the perfect.
_SINCE_WAR = re.compile(
    r"\bsince (?:the )?(?:start|beginning|outbreak|onset) of (?:the |its |their )?(?:[\w-]+ )?"
    + _WAR
    + r"|\bsince (?:the |its |their |a )?(?:[\w'’-]+ )?(?:[\w'’-]+ )?"
    + _WAR,
    re.IGNORECASE,
)
_SINCE_YEAR = re.compile(
    r"\bsince (?:early |late |mid-?)?(?:[a-z]+ )?((?:19|20)\d\d)\b", re.IGNORECASE
)
# "since the start of the year", "from the beginning of this year to November 8", "so far
# this year", "since January", "since the beginning of 2024": a running
# total over months, whatever the tense ("since March, which left 214 dead"); not "since
# 3 June" or "since Saturday", which date an escalation.
_SINCE_PERIOD = re.compile(
    r"\b(?:since|from) (?:the )?(?:start|beginning|turn|outset) of (?:the |this |last )?"
    r"(?:current )?(?:year|(?:19|20)\d\d)\b|\bso far this year\b|\byear[- ]to[- ]date\b"
    # "the number of people killed in Idlib in 2023 ... has risen to 412": a year's tally
    r"|\b(?:number|toll|tally|total)\b[^.;]{0,100}\bin (?:19|20)\d\d\b[^.;]{0,80}"
    r"\b(?:has|have) (?:now )?(?:risen|climbed|reached)\b",
    re.IGNORECASE,
)
# "since April": a running total when the month is two or more months back; "since
# mid-February" in a March report is the month of escalation, still an incident.
# Full names first: "mar" must not stop "march" short.
_MONTH = "(" + "|".join([*MONTH_NAMES, *MONTH_ABBREVIATIONS]) + r")\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_SINCE_MONTH = re.compile(
    rf"\bsince (?:early |late |mid-?|the (?:start|beginning|end|middle) of )?(?:{_DAY} )?"
    rf"{_MONTH}\b(?! \d)"
    # "since the RSF tightened its siege on the city in May"
    rf"|\bsince (?:[\w'’-]+ ){{1,10}}?in (?:early |late |mid-?)?{_MONTH}\b(?! \d)",
    re.IGNORECASE,
)
# "during the year", "throughout 2023": a whole year's count, whichever year.
_WHOLE_YEAR = re.compile(
    r"\b(?:during|throughout|over) (?:the (?:whole |entire )?year|last year|all of (?:19|20)\d\d|"
    r"(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_MONTH_NUMBERS = MONTH_NUMBERS
_RUNNING_MONTHS = 2


# "since October 8 last year", "since 8 October 2023": a day with its year, months back.
# "since the start of the escalation on April 30, 2019": what began then, named between.
_SINCE_DAY_OF_YEAR = re.compile(
    rf"\bsince (?:[\w'’-]+ ){{0,8}}?(?:{_DAY} )?{_MONTH}(?: {_DAY})?,? (last year|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# "Between 1 January and 30 September 2023", "from January to September": a period's tally.
_BETWEEN_MONTHS = re.compile(
    rf"\b(?:between|from) (?:{_DAY} )?{_MONTH}(?: {_DAY})?(?:,? (?:19|20)\d\d)? (?:and|to|until) "
    rf"(?:the end of )?(?:{_DAY} )?{_MONTH}\b",
    re.IGNORECASE,
)


# "since October 8", "since 8 October": a day with no year, the last such before publication.
_SINCE_DAY = re.compile(
    rf"\bsince (?:{_DAY} {_MONTH}|{_MONTH} {_DAY})(?!\d|,? (?:19|20)\d\d)", re.IGNORECASE
)


def _since_months_ago(sentence: str, published: date) -> bool:
    for match in _SINCE_MONTH.finditer(sentence):
        month = _MONTH_NUMBERS[(match.group(1) or match.group(2)).lower()]
        if (published.month - month) % 12 >= _RUNNING_MONTHS:
            return True
    for match in _SINCE_DAY.finditer(sentence):
        month = _MONTH_NUMBERS[(match.group(1) or match.group(2)).lower()]
        # A dated start is often an offensive's first day: a season of it is its incident.
        if (published.month - month) % 12 > _RUNNING_MONTHS:
            return True
    for match in _SINCE_DAY_OF_YEAR.finditer(sentence):
        month = _MONTH_NUMBERS[match.group(1).lower()]
        said = match.group(2).lower()
        year = published.year - 1 if said == "last year" else int(said)
        # A dated start ("since 4 December 2018") is often an offensive's first day: a toll
        # over a season of it is still its incident; longer, a running total.
        if (published.year - year) * 12 + published.month - month > _RUNNING_MONTHS:
            return True
    for match in _BETWEEN_MONTHS.finditer(sentence):
        first = _MONTH_NUMBERS[match.group(1).lower()]
        last = _MONTH_NUMBERS[match.group(2).lower()]
        if (last - first) % 12 >= _RUNNING_MONTHS:
            return True
    return False


def _since_this_years_start(sentence: str, published: date) -> bool:
    """ "since early 2023" in a March 2023 report: the start of the year, months back."""
    return published.month > _RUNNING_MONTHS and any(
        int(m.group(1)) == published.year for m in _SINCE_YEAR.finditer(sentence)
    )


_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:has|have|had|'s)\b", re.IGNORECASE)
# "the first blast since 2011", "the deadliest day since the war began", "besieged since
# 2013": "since" says something else.
_OTHER_SINCE = re.compile(
    r"\b(?:first|deadliest|worst|bloodiest|largest|biggest|heaviest|highest)\b[^.;]{0,80}"
    r"\bsince\b|\b(?:divided|besieged|held|controlled|run|occupied|"
    r"closed|shut|encircled|surrounded|under siege) since\b",
    re.IGNORECASE,
)
_WAR_WORD = re.compile(r"\b" + _WAR, re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d,.])((?:19|20)\d\d)(?!\d|,\d)")
_MONTH_BEFORE = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s*$",
    re.IGNORECASE,
)

# A death toll this large is a war's running total, never one incident's; from the smaller
# size, a toll counted "since" some moment is one too ("35,000 killed since October 7").
WAR_SCALE_DEATHS = 50_000
RUNNING_TOTAL_DEATHS = 10_000
# No one attack kills a hundred medics, aid workers or journalists: so many is a war's tally.
PROFESSION_RUNNING_DEATHS = 100
# Millions of displaced told as a state ("remain displaced", "internally displaced people")
# are how many are displaced after years, not how many one offensive drove out.
STOCK_DISPLACED = 1_000_000
_STOCK = re.compile(
    r"\b(?:are|remain|remained|is|stay|still|now)\b(?: [\w-]+){0,2} displaced\b"
    r"|\binternally displaced\b|\bIDPs\b"
    r"|\bdisplaced (?:inside|within|across|throughout) (?:the )?country\b"
    r"|\b(?:have|has) been (?:displaced|forced from their homes|uprooted)\b"
    r"|\b(?:has|have) (?:\w+ )?(?:displaced|uprooted)\b",
    re.IGNORECASE,
)


def is_displacement_stock(sentence: str) -> bool:
    """Whether the sentence tells how many are displaced, rather than how many fled."""
    return _STOCK.search(sentence) is not None


def is_cumulative(sentence: str, published: date) -> bool:
    """True when the sentence counts over a long period: the war, years, a whole year."""
    other = _OTHER_SINCE.search(sentence)
    always = _ALWAYS.search(sentence)
    # "one of the deadliest days since the start of the war": a record, not a running total
    if always and not (other and always.start() < other.end() <= always.end()):
        return True
    if other:
        return False
    if _SINCE_PERIOD.search(sentence) or _since_months_ago(sentence, published):
        return True
    if _WHOLE_YEAR.search(sentence) or _since_this_years_start(sentence, published):
        return True
    if not _PERFECT.search(sentence):
        return False
    if _SINCE_WAR.search(sentence):
        return True
    if any(int(m.group(1)) < published.year for m in _SINCE_YEAR.finditer(sentence)):
        return True
    if _SINCE.search(sentence) or _WAR_WORD.search(sentence):
        # "since protests erupted in March 2011", "the civil war, ignited in 2011, has ..."
        for match in _YEAR.finditer(sentence):
            if _MONTH_BEFORE.search(sentence[: match.start()]) and not _SINCE.search(sentence):
                continue
            if int(match.group(1)) <= published.year - 2:
                return True
    return False


_SINCE_THEN = re.compile(r"\bsince then\b|\bever since\b", re.IGNORECASE)


def is_cumulative_since_then(sentence: str, before: str, published: date) -> bool:
    """ "... retook it in 2018. More than 1,900 have been killed since then": "then" is the
    year the sentence before names, and a count since a past year is a running total."""
    if not _SINCE_THEN.search(sentence) or not _PERFECT.search(sentence):
        return False
    return any(int(m.group(1)) < published.year for m in _YEAR.finditer(before))
