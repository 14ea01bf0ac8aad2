"""Fold one article's partial counts into the toll they are part of, so nothing counts twice.

Analyses and flash updates name a toll and then its parts ("158 dead: 49 in Tartus, 25 in
Latakia, 84 in Hama"), or report a governor's early count beside the final one. Split by
place, those parts would each become an event and add up to more than the article says.

The other way round, a release on a market strike (37 dead) that adds "73 killed in the last
two days" gives an area figure that includes the strike. Folded together, the market would
show 73; so an area draft is never folded, either way: it stays apart, knowing the specific
drafts it includes, and only what it has beyond them is counted (see ``reconcile``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from digests.events.model import Violence
from digests.events.places import distance_km, is_broad, place_key, within
from digests.extract.model import Figure, Place

# One article's counts this many days apart can be stages of one toll; farther apart, an
# article is recalling an earlier incident, which stays an incident of its own.
PART_DAYS = 7
SAME_TOWN_KM = 5.0  # spots this close (a prison, a market, the town) are one town
SHARE_KM = 150.0  # shares of one toll told place by place lie this close at most
# The kinds whose counts a toll holds, each with its unit: families never fit into people.
_COUNTED = {"killed", "injured", "displaced", "missing"}

SizeKey = tuple[str, str]  # (kind, unit)


@dataclass(slots=True)
class Draft:
    """One (place, day) group of an article's figures, before it becomes an incident."""

    place: Place | None
    day: date
    explicit: bool
    figures: list[Figure]
    violence: Violence
    order: int  # where the article first reports it
    absorbed: dict[SizeKey, int] = field(default_factory=dict)  # parts already folded in
    context: bool = False  # folded in for kinds its host lacks (the displaced of an attack)
    # An area draft: figures for a wider area or period than the article's specific incidents,
    # in ``country`` (and the governorate of ``place`` when it is one); ``contains`` lists the
    # specific drafts it includes once ``fold_parts`` has run.
    area: bool = False
    country: str | None = None
    contains: list[Draft] = field(default_factory=list)

    def sizes(self) -> dict[SizeKey, int]:
        """The largest number this draft gives for each kind: its toll, a part's size."""
        sizes: dict[SizeKey, int] = {}
        for figure in self.figures:
            if figure.kind not in _COUNTED or figure.count is None:
                continue
            if figure.qualifier == "vague":
                continue
            key = (figure.kind, "families" if figure.group == "families" else "people")
            sizes[key] = max(sizes.get(key, 0), figure.count)
        return sizes


def _same_country(a: Place | None, b: Place | None) -> bool:
    return a is None or b is None or a.country == b.country


def _unaccounted(host: Draft, kind: str) -> int:
    """The largest share of one of the host's tolls that its own breakdown leaves open:
    "23 civilians, a dozen of them at the market" leaves 11 for elsewhere."""
    counts: dict[str, set[int]] = {}
    for figure in host.figures:
        if figure.kind == kind and figure.count is not None and figure.qualifier != "vague":
            counts.setdefault(figure.group, set()).add(figure.count)
    gaps = [
        total - part for same in counts.values() for total in same for part in same if part < total
    ]
    return max(gaps, default=0)


def _completes(part: Draft, host: Draft) -> bool:
    """The part is (some of) what the host's toll leaves unaccounted for."""
    return all(
        host.absorbed.get(key, 0) + size <= _unaccounted(host, key[0])
        for key, size in part.sizes().items()
    )


def _compatible_violence(part: Draft, host: Draft) -> bool:
    if "unknown" in (part.violence, host.violence) or part.violence == host.violence:
        return True
    # Different wording ("shelling" beside "air strikes") is a separate incident, unless the
    # numbers say otherwise: the part is exactly what the host's toll leaves unaccounted for.
    return part.day == host.day and _completes(part, host)


def _same_place(part: Draft, host: Draft) -> bool:
    """One place, or two names for spots of one town (a prison and the city around it)."""
    a, b = part.place, host.place
    if a is None or b is None:
        return False
    if place_key(a) == place_key(b):
        return True
    return not is_broad(a) and not is_broad(b) and distance_km(a, b) <= SAME_TOWN_KM


def _nearby(part: Draft, host: Draft) -> bool:
    """Close enough for one toll's shares: the same governorate, or neighbouring towns of
    neighbouring governorates ("158 dead: 49 in Tartus, 25 in Latakia, 84 in Hama")."""
    a, b = part.place, host.place
    if a is None or b is None or is_broad(a) or is_broad(b):
        return True  # an area or no place: nothing to measure
    return (a.admin1 is not None and a.admin1 == b.admin1) or distance_km(a, b) <= SHARE_KM


def _same_area(part: Draft, host: Draft) -> bool:
    a, b = part.place, host.place
    if a is None or b is None:
        return False
    return _same_place(part, host) or (a.admin1 is not None and a.admin1 == b.admin1)


def _complements(part_sizes: dict[SizeKey, int], host_sizes: dict[SizeKey, int]) -> bool:
    """The part counts only what the host does not: the displaced beside a toll of the dead.
    Families displaced beside people displaced count as nothing new (people win in totals)."""
    host_kinds = {kind for kind, _ in host_sizes}
    for kind, unit in part_sizes:
        if kind in host_kinds and not (kind == "displaced" and unit == "families"):
            return False
    return True


def _fits(part: Draft, host: Draft) -> bool:
    """``part`` belongs to ``host``: an earlier stage of its toll at the same place, or a
    share of it elsewhere whose every count fits in what the host has left."""
    if not _same_country(part.place, host.place):
        return False
    if part.explicit and host.explicit and abs((part.day - host.day).days) > PART_DAYS:
        return False
    if not _compatible_violence(part, host):
        return False
    part_sizes, host_sizes = part.sizes(), host.sizes()
    if not part_sizes:
        return False
    if _complements(part_sizes, host_sizes):
        # An offensive's dead in one town and the flight it caused from the province.
        return _same_area(part, host)
    if not set(part_sizes) <= set(host_sizes):
        return False
    if _same_place(part, host):
        return True  # one place's counts in one article are one running toll
    if not _nearby(part, host):
        return False  # a bus bombed in Damascus is no share of a barrage on Ariha
    return all(
        host.absorbed.get(key, 0) + size <= host_sizes[key] for key, size in part_sizes.items()
    )


def _magnitude(draft: Draft) -> tuple[int, ...]:
    sizes = draft.sizes()
    return tuple(
        sizes.get(key, 0)
        for key in (("killed", "people"), ("displaced", "people"), ("injured", "people"))
    )


def _inside(part: Draft, area: Draft) -> bool:
    """A specific draft lies in an area draft's country (and governorate), within the days
    one toll can span."""
    place = part.place
    if place is None or is_broad(place) or place.country != area.country:
        return False
    if area.place is not None and not within(place, area.place):
        return False
    return not (part.explicit and area.explicit and abs((part.day - area.day).days) > PART_DAYS)


def fold_parts(drafts: Sequence[Draft]) -> list[Draft]:
    """Fold each draft whose counts fit inside a larger draft of the same article into it.

    The largest tolls are tried as hosts first; a part folded into a host can itself hold
    smaller parts ("11 elsewhere: 5 in Saraqib, 2 in ..."). A part keeps its figures (as
    breakdowns of the host) but no longer stands as an incident, so its deaths are counted
    once, inside the toll. The merged draft is placed and dated where most figures are.

    Area drafts take no part in folding: each comes back as it is, with ``contains`` set to
    the resulting drafts that hold a specific draft inside its area.
    """
    areas = [d for d in drafts if d.area]
    ranked = sorted(
        (d for d in drafts if not d.area), key=lambda d: (tuple(-v for v in _magnitude(d)), d.order)
    )
    root_of: dict[int, Draft] = {}
    members: dict[int, list[Draft]] = {}
    seen: list[Draft] = []
    for draft in ranked:
        host = next((h for h in seen if _fits(draft, h)), None)
        seen.append(draft)
        if host is None:
            root_of[id(draft)] = draft
            members[id(draft)] = [draft]
            continue
        complements = _complements(draft.sizes(), host.sizes())
        # A part that adds kinds (the displaced of an attack) adds no place or date to it.
        draft.context = host.context or complements
        if not complements and not _same_place(draft, host):
            for key, size in draft.sizes().items():
                host.absorbed[key] = host.absorbed.get(key, 0) + size
        root = root_of[id(host)]
        root_of[id(draft)] = root
        members[id(root)].append(draft)
    roots = [d for d in ranked if root_of[id(d)] is d]
    merged = {id(r): _merge(members[id(r)]) for r in roots}
    for area in areas:
        area.contains = [
            merged[id(r)] for r in roots if any(_inside(m, area) for m in members[id(r)])
        ]
    return sorted([*merged.values(), *areas], key=lambda d: d.order)


def _merge(group: list[Draft]) -> Draft:
    if len(group) == 1:
        return group[0]
    # Where and when: the member with most figures, of those telling the toll itself.
    telling = [d for d in group if not d.context] or group
    anchor = max(telling, key=lambda d: (len(d.figures), -d.order))
    figures = [f for d in sorted(group, key=lambda d: d.order) for f in d.figures]
    named = [d.violence for d in group if d.violence != "unknown"]
    return Draft(
        place=anchor.place,
        day=anchor.day,
        explicit=anchor.explicit,
        figures=figures,
        violence=group[0].violence if group[0].violence != "unknown" or not named else named[0],
        order=min(d.order for d in group),
    )
