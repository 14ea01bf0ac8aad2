"""Split one article's figures into incidents: one per (place, date) the article reports on.

Cumulative figures are context, never part of an incident; an article with only cumulative
figures yields no incident at all. A figure for a wider area or a longer period that includes
the article's specific incident becomes an area incident of its own (see ``AREA_RATIO``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date

from digests.events.model import ArticleFacts, ArticleRef, Incident, Violence
from digests.events.parts import Draft, fold_parts
from digests.events.places import is_broad, place_key, within
from digests.events.wording import fingerprint, fold, violence_of
from digests.extract.model import Figure, Place

# Incidents are about casualties and displacement; damage or detention figures ride along
# with such an incident but never open one by themselves.
INCIDENT_KINDS = frozenset({"killed", "injured", "displaced", "missing"})

RUN_DAYS = 7  # dates of one place in one article this close belong to one incident
LEDE_WORDS = 80  # the opening of a report describes its main incident
# A figure with no place of its own (or only an area's) that is more than this many times the
# largest count of its kind in the incident it would join is not that incident's toll but a
# wider one that includes it: "double-tap strikes on the market kill at least 37 ... in the
# last two days alone at least 73 people have been killed". Restatements ("at least 37") and
# parts are at most the toll itself, and within one report a toll grows by less than half
# ("seven dead ... the toll rose to ten"), so anything up to half again is read as the
# incident's own count, as before; beyond that, doubling figures are the typical area figure.
AREA_RATIO = 1.5

GroupKey = tuple[str | None, date | None]


def article_ref(article: ArticleFacts) -> ArticleRef:
    published = article.published
    if published.tzinfo is None:  # naive means UTC here; mixing both would break ordering
        published = published.replace(tzinfo=UTC)
    return ArticleRef(
        article_id=article.article_id,
        url=article.url,
        outlet=article.outlet,
        title=article.title,
        published=published,
    )


def _lede(text: str) -> str:
    return " ".join(text.split()[:LEDE_WORDS])


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)[- ]")


def _names(place: Place, text: str) -> bool:
    """Whether ``text`` names ``place``, with or without the Arabic article ("Al Atarib",
    "Atarib")."""
    name = fold(place.name)
    folded = fold(text)
    short = _ARTICLE.sub("", name)
    return name in folded or (len(short) >= 4 and short in folded)


def _figure_place(
    figure: Figure, by_name: dict[str, Place], headline_place: Place | None
) -> Place | None:
    """Where a figure happened. When its sentence names the place the headline names, that
    place wins: "a school in Ariha, south of Idlib city" is about Ariha, whichever place
    extraction attached to the number. Not when extraction placed it in another governorate:
    "a bus bombed in Damascus killed 14 ... many in Idlib saw the Ariha barrage as
    retaliation" is about Damascus."""
    own = figure.place_record
    elsewhere = (
        own is not None and not is_broad(own) and own.admin1 != (headline_place or own).admin1
    )
    if headline_place is not None and not elsewhere and _names(headline_place, figure.quote):
        return headline_place
    if figure.place_record is not None:
        return figure.place_record
    if figure.place:
        return by_name.get(fold(figure.place))
    return None


def _title_place(article: ArticleFacts) -> Place | None:
    """The specific place the headline names. When it names several ("in Idlib's Ariha"),
    the one most figures are about, then the first named."""
    title = fold(article.title)
    named = [p for p in article.places if not is_broad(p) and _names(p, title)]
    if len(named) < 2:
        return named[0] if named else None
    about = Counter(
        place_key(f.place_record) if f.place_record else fold(f.place or "")
        for f in article.figures
    )
    return max(named, key=lambda p: about[place_key(p)] + about[fold(p.name)])


def _primary_place(article: ArticleFacts) -> Place | None:
    """The place an article is mainly about: one its title names, else the first specific one."""
    titled = _title_place(article)
    if titled is not None:
        return titled
    specific = [p for p in article.places if not is_broad(p)]
    if specific:
        return specific[0]
    return article.places[0] if article.places else None


def split_incidents(article: ArticleFacts) -> list[Incident]:
    """The incidents an article reports, in the order they first appear."""
    figures = [f for f in article.figures if f.scope != "cumulative"]
    if not any(f.kind in INCIDENT_KINDS for f in figures):
        return []
    published = article.published.date()
    by_name = {fold(p.name): p for p in article.places}
    headline_place = _title_place(article)
    located = [(f, _figure_place(f, by_name, headline_place)) for f in figures]
    specific = [p for _, p in located if p is not None and not is_broad(p)]

    places: dict[str, Place] = {}
    at_place: dict[str, list[Figure]] = defaultdict(list)
    floating: list[Figure] = []
    for figure, place in located:
        if place is None or _covers_a_named_place(place, specific):
            # "in Idlib province" (or "in Syria") beside a named town: the town is the place.
            floating.append(figure)
            continue
        key = place_key(place)
        places.setdefault(key, place)
        at_place[key].append(figure)

    groups: dict[GroupKey, list[Figure]] = {}
    for key, placed in at_place.items():
        for day, members in _by_day(placed, published).items():
            groups[(key, day)] = members
    areas = _area_groups(floating, located, groups, article, places, published)
    for figure in floating:
        area = areas.home.get(id(figure)) or areas.by_quote.get(figure.quote or "\0")
        if area is not None:
            areas.groups.setdefault(area, []).append(figure)
            continue
        home = _home_for(figure, groups, article, places, published)
        groups.setdefault(home, []).append(figure)
    return _incidents(article, groups, places, areas)


def _covers_a_named_place(place: Place, specific: list[Place]) -> bool:
    """An area (country, province, region) named beside a specific place: when an article
    names a town, an area is context ("in Idlib province", "Turkey's Hatay governor said")."""
    return is_broad(place) and bool(specific)


def _by_day(figures: list[Figure], published: date) -> dict[date | None, list[Figure]]:
    """One place's figures by incident day. Dates up to a week apart are one incident: in one
    article they are nearly always a running toll (an offensive, a massacre counted for days).
    Undated figures join a run that ended within a week of publication, else stand alone."""
    dated = sorted((f for f in figures if f.date is not None), key=lambda f: f.date or published)
    runs: list[list[Figure]] = []
    for figure in dated:
        assert figure.date is not None
        last = runs[-1][-1].date if runs else None
        if last is not None and (figure.date - last).days <= RUN_DAYS:
            runs[-1].append(figure)
        else:
            runs.append([figure])
    result: dict[date | None, list[Figure]] = {}
    last_day: dict[date, date] = {}
    for run in runs:
        day = _run_day(run)
        result[day] = run
        last_day[day] = max(f.date for f in run if f.date is not None)
    undated = [f for f in figures if f.date is None]
    if undated:
        recent = [d for d, last in last_day.items() if 0 <= (published - last).days <= RUN_DAYS]
        if recent:
            result[max(recent)].extend(undated)
        else:
            result[None] = undated  # dated later, from the publication day
    return result


def _run_day(run: list[Figure]) -> date:
    """The day a run of one place's dated figures is told for: the day of its largest count
    (a toll that grew over days is news when it peaked), else the day most figures give."""
    dated = [f for f in run if f.date is not None]
    for kind in ("killed", "injured", "displaced"):  # the dead date a report first
        counted = [f for f in dated if f.kind == kind and f.count is not None]
        if counted:
            peak = max(f.count or 0 for f in counted)
            dated = [f for f in counted if f.count == peak]
            break
    days = Counter(f.date for f in dated if f.date is not None)
    return min(days, key=lambda d: (-days[d], d))


def _weight(figures: list[Figure]) -> int:
    return sum(1 for f in figures if f.kind in INCIDENT_KINDS)


def _home_for(
    figure: Figure,
    groups: dict[GroupKey, list[Figure]],
    article: ArticleFacts,
    places: dict[str, Place],
    published: date,
) -> GroupKey:
    """Where a figure with no place of its own belongs: the article's main incident."""
    candidates = list(groups)
    when = figure.date or published
    near = [k for k in candidates if abs(((k[1] or published) - when).days) <= 1]
    candidates = near or candidates if figure.date is not None else candidates
    if candidates:
        # max() keeps the first of equals, i.e. the incident the article names first.
        return max(candidates, key=lambda k: _weight(groups[k]))
    primary = _primary_place(article)
    if primary is None:
        return (None, figure.date)
    key = place_key(primary)
    places.setdefault(key, primary)
    return (key, figure.date)


@dataclass(slots=True)
class _Areas:
    """An article's area figures: which floating figure opens which area group, where."""

    home: dict[int, GroupKey] = field(default_factory=dict)  # id(figure) -> area group
    by_quote: dict[str, GroupKey] = field(default_factory=dict)  # its sentence's other figures
    groups: dict[GroupKey, list[Figure]] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    countries: dict[GroupKey, str] = field(default_factory=dict)


def _area_groups(
    floating: list[Figure],
    located: list[tuple[Figure, Place | None]],
    groups: dict[GroupKey, list[Figure]],
    article: ArticleFacts,
    places: dict[str, Place],
    published: date,
) -> _Areas:
    """The floating figures that are an area's or a period's count including the incident
    they would join (see ``AREA_RATIO``), each with the area group it opens. The other
    figures of their sentences ("and more than 110 wounded") go with them."""
    areas = _Areas()
    where = {id(f): p for f, p in located}
    for figure in floating:
        if figure.kind not in INCIDENT_KINDS or figure.count is None or figure.qualifier == "vague":
            continue
        if not groups:
            break
        host = _home_for(figure, groups, article, places, published)
        host_place = places.get(host[0]) if host[0] is not None else None
        if host_place is None or is_broad(host_place):
            continue  # an area beside an area: nothing more specific to keep apart
        hosted = groups.get(host, [])
        largest = _largest(hosted, figure)
        if largest is None:
            # A kind the host lacks is the host's ("killed 12 and injured 30"; "the strikes
            # displaced 300 families") unless extraction left it with no place in a sentence
            # of its own: it does so only when the words make the count an area's ("664,000
            # people are still newly displaced nationwide"), not the one strike's.
            if where.get(id(figure)) is not None or figure.quote in {f.quote for f in hosted}:
                continue
        elif figure.count <= AREA_RATIO * largest:
            continue  # the host's own toll, restated or in part
        found, area_place = _area_place(where.get(id(figure)), host_place, article)
        if not found:
            continue
        # One area group per area: an article's counts for a wider area are one picture of
        # it, told at several moments ("1.1 million displaced at the peak ... 664,000 still").
        key = (place_key(area_place) if area_place is not None else None, None)
        if area_place is not None:
            areas.places[place_key(area_place)] = area_place
        areas.countries[key] = area_place.country if area_place is not None else host_place.country
        areas.home[id(figure)] = key
        if figure.quote:
            areas.by_quote.setdefault(figure.quote, key)
    return areas


def _unit(figure: Figure) -> str:
    return "families" if figure.group == "families" else "people"


def _largest(figures: list[Figure], like: Figure) -> int | None:
    """The largest count of ``like``'s kind and unit among an incident's own figures."""
    counts = [
        f.count
        for f in figures
        if f.kind == like.kind
        and _unit(f) == _unit(like)
        and f.count is not None
        and f.qualifier != "vague"
    ]
    return max(counts) if counts else None


def _area_place(own: Place | None, host: Place, article: ArticleFacts) -> tuple[bool, Place | None]:
    """Where an area figure belongs: its own area when that contains the host (an area that
    does not, "Turkey's Hatay governor said", names who spoke: no area figure then); else an
    area the article names that contains the host, its governorate first, then its country;
    else no place. The flag says whether the figure is an area figure at all."""
    if own is not None:
        return within(host, own), own
    broad = [p for p in article.places if is_broad(p) and within(host, p)]
    governorate = [p for p in broad if p.feature != "country" and p.admin1 is not None]
    chosen = governorate or broad
    return True, chosen[0] if chosen else None


def _incidents(
    article: ArticleFacts,
    groups: dict[GroupKey, list[Figure]],
    places: dict[str, Place],
    areas: _Areas,
) -> list[Incident]:
    published = article.published.date()
    merged: dict[tuple[str | None, date], tuple[bool, list[Figure]]] = {}
    for (key, date_), figures in groups.items():
        slot = (key, date_ or published)
        explicit, existing = merged.get(slot, (False, []))
        merged[slot] = (explicit or date_ is not None, existing + figures)

    ref = article_ref(article)
    lede = _lede(article.text)

    primary = _primary_place(article)

    def violence(figures: list[Figure], place: Place | None = None) -> Violence:
        quotes = _quotes(figures)
        # The title and lede tell of the main place; elsewhere, the words by the place's
        # name are the best witness of what happened there.
        secondary = place is not None and primary is not None and not _same(place, primary)
        nearby = _around(quotes, place) if secondary else ""
        return violence_of([(nearby, 4), (quotes, 3), (article.title, 2), (lede, 1)])

    drafts = []
    for order, ((key, day), (explicit, figures)) in enumerate(merged.items()):
        if not any(f.kind in INCIDENT_KINDS for f in figures):
            continue
        place = places.get(key) if key else None
        drafts.append(Draft(place, day, explicit, figures, violence(figures, place), order))
    for order, ((key, date_), figures) in enumerate(areas.groups.items(), start=len(merged)):
        place = areas.places.get(key) if key else None
        dated = [f for f in figures if f.date is not None]
        day, explicit = (_run_day(dated), True) if dated else (published, False)
        area = Draft(place, day, explicit, figures, violence(figures), order, area=True)
        area.country = areas.countries[(key, date_)]
        drafts.append(area)

    folded = fold_parts(drafts)
    built: dict[int, Incident] = {}
    used: set[str] = set()
    # Specific incidents first: an area incident refers to the ones it contains.
    for draft in sorted(folded, key=lambda d: d.area):
        key = place_key(draft.place) if draft.place is not None else "-"
        key = f"{key}@{draft.day.isoformat()}"
        while key in used:  # an area beside a group of the same place and day
            key = f"{key}+area"
        used.add(key)
        built[id(draft)] = Incident(
            key=key,
            article=ref,
            revision=article.revision,
            date=draft.day,
            date_explicit=draft.explicit,
            place=draft.place,
            violence=draft.violence,
            figures=tuple(draft.figures),
            fingerprint=fingerprint(f"{article.title} {lede} {_quotes(draft.figures)}"),
            contains=tuple(built[id(d)] for d in draft.contains),
        )
    return [built[id(d)] for d in folded]


def _same(a: Place, b: Place) -> bool:
    return place_key(a) == place_key(b)


AROUND_CHARS = 60  # the words this close to a place's name tell what happened there


def _around(text: str, place: Place | None) -> str:
    """The words around each mention of ``place`` in ``text``: in "the rockets were fired in
    retaliation for a Turkish drone strike on Tuesday west of Kobani that killed eleven", what
    happened at Kobani was a drone strike, whatever the sentence says of elsewhere."""
    if place is None:
        return ""
    folded = fold(text)
    name = fold(place.name)
    short = _ARTICLE.sub("", name)
    needle = name if name in folded else short if len(short) >= 4 else ""
    if not needle:
        return ""
    return " ".join(
        folded[max(0, m.start() - AROUND_CHARS) : m.end() + AROUND_CHARS]
        for m in re.finditer(re.escape(needle), folded)
    )


def _quotes(figures: Iterable[Figure]) -> str:
    return " ".join(dict.fromkeys(f.quote for f in figures if f.quote))


def member_incidents(
    articles: Iterable[ArticleFacts], memberships: Iterable[tuple[int, str]]
) -> list[Incident]:
    """Rebuild an event's incidents from its stored articles and (article id, incident key)
    memberships, as a store keeps them; memberships whose incident is gone are skipped."""
    wanted = set(memberships)
    return [
        incident
        for article in articles
        for incident in split_incidents(article)
        if (article.article_id, incident.key) in wanted
    ]
