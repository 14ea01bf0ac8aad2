"""Split one article's figures into incidents: one per (place, date) the article reports on.

Cumulative figures are context, never part of an incident; an article with only cumulative
figures yields no incident at all.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC, date

from digests.events.model import ArticleFacts, ArticleRef, Incident
from digests.events.parts import Draft, fold_parts
from digests.events.places import is_broad, place_key
from digests.events.wording import fingerprint, fold, violence_of
from digests.extract.model import Figure, Place

# Incidents are about casualties and displacement; damage or detention figures ride along
# with such an incident but never open one by themselves.
INCIDENT_KINDS = frozenset({"killed", "injured", "displaced", "missing"})

RUN_DAYS = 7  # dates of one place in one article this close belong to one incident
LEDE_WORDS = 80  # the opening of a report describes its main incident

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
    extraction attached to the number."""
    if headline_place is not None and _names(headline_place, figure.quote):
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
    for figure in floating:
        home = _home_for(figure, groups, article, places, published)
        groups.setdefault(home, []).append(figure)
    return _incidents(article, groups, places)


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


def _incidents(
    article: ArticleFacts, groups: dict[GroupKey, list[Figure]], places: dict[str, Place]
) -> list[Incident]:
    published = article.published.date()
    merged: dict[tuple[str | None, date], tuple[bool, list[Figure]]] = {}
    for (key, date_), figures in groups.items():
        slot = (key, date_ or published)
        explicit, existing = merged.get(slot, (False, []))
        merged[slot] = (explicit or date_ is not None, existing + figures)

    ref = article_ref(article)
    lede = _lede(article.text)
    drafts = []
    for order, ((key, day), (explicit, figures)) in enumerate(merged.items()):
        if not any(f.kind in INCIDENT_KINDS for f in figures):
            continue
        violence = violence_of([(_quotes(figures), 3), (article.title, 2), (lede, 1)])
        place = places.get(key) if key else None
        drafts.append(Draft(place, day, explicit, figures, violence, order))
    incidents = []
    for draft in fold_parts(drafts):
        key = place_key(draft.place) if draft.place is not None else "-"
        incidents.append(
            Incident(
                key=f"{key}@{draft.day.isoformat()}",
                article=ref,
                revision=article.revision,
                date=draft.day,
                date_explicit=draft.explicit,
                place=draft.place,
                violence=draft.violence,
                figures=tuple(draft.figures),
                fingerprint=fingerprint(f"{article.title} {lede} {_quotes(draft.figures)}"),
            )
        )
    return incidents


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
