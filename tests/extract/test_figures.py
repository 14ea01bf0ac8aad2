"""Figures read from short labelled texts, one phenomenon per case (texts written for these tests).

Each case lists every scored figure (kind, count, group) the text must give, and no other:
vague amounts and unscored kinds are left out of the comparison, as the scorer does.
"""

from __future__ import annotations

from datetime import date

import pytest

from digests.extract.extractor import Extractor
from digests.extract.model import Figure, PlaceMention

PUBLISHED = date(2024, 3, 15)  # a Friday


class NoPlaces:
    """A gazetteer that knows no place: these tests are about figures."""

    def find(self, text: str) -> list[PlaceMention]:
        return []


EXTRACTOR = Extractor(NoPlaces())


def figures(text: str) -> list[Figure]:
    return list(EXTRACTOR.extract(text, PUBLISHED).figures)


def scored(text: str) -> set[tuple[str, int, str]]:
    return {
        (f.kind, f.count, f.group)
        for f in figures(text)
        if f.kind in ("killed", "injured", "displaced")
        and f.qualifier != "vague"
        and f.count is not None
    }


CASES: list[tuple[str, str, set[tuple[str, int, str]]]] = [
    (
        "active verb before the count",
        "Artillery fire killed 14 people in the old quarter on Monday.",
        {("killed", 14, "people")},
    ),
    (
        "passive verb after the count",
        "Nine civilians were killed and 20 were wounded when shells hit the bakery.",
        {("killed", 9, "civilians"), ("injured", 20, "civilians")},
    ),
    (
        "breakdown with including",
        "The raid killed 31 civilians, including 12 children and 5 women.",
        {("killed", 31, "civilians"), ("killed", 12, "children"), ("killed", 5, "women")},
    ),
    (
        "breakdown with of them",
        "Rescuers said 17 people died, six of them children.",
        {("killed", 17, "people"), ("killed", 6, "children")},
    ),
    (
        "breakdown with of whom",
        "The group has recorded the deaths of 400 civilians, of whom 120 were children.",
        {("killed", 400, "civilians"), ("killed", 120, "children")},
    ),
    (
        "list of singular and plural people before the verb",
        "A man, a woman, three children and 4 fighters were killed in the strike.",
        {
            ("killed", 1, "men"),
            ("killed", 1, "women"),
            ("killed", 3, "children"),
            ("killed", 4, "combatants"),
        },
    ),
    (
        "colon list after a toll",
        "The monitor put the toll at 40: 25 soldiers, 10 rebels and 5 civilians.",
        {
            ("killed", 40, "people"),
            ("killed", 25, "combatants"),
            ("killed", 10, "combatants"),
            ("killed", 5, "civilians"),
        },
    ),
    (
        "toll update keeps only the new toll",
        "The health office said the death toll rose from 12 to 19 overnight.",
        {("killed", 19, "people")},
    ),
    (
        "number words and a dozen",
        "Twenty-three villagers died and a dozen were hurt in the landslide of rubble.",
        {("killed", 23, "people"), ("injured", 12, "people")},
    ),
    (
        "half a million and million scales",
        "The offensive has displaced half a million people and 1.2 million fled earlier.",
        {("displaced", 500_000, "people"), ("displaced", 1_200_000, "people")},
    ),
    (
        "an age is one child, not a count",
        "A 9-year-old boy was killed by a stray bullet.",
        {("killed", 1, "children")},
    ),
    (
        "a volunteer named by the group he belongs to",
        "A Civil Defence volunteer was among the dead.",
        {("killed", 1, "aid_workers")},
    ),
    (
        "members of an armed group are combatants",
        "Clashes killed 8 members of the security forces and 3 militiamen.",
        {("killed", 8, "combatants"), ("killed", 3, "combatants")},
    ),
    (
        "members of a family are people",
        "Shelling killed five members of one family in the village.",
        {("killed", 5, "people")},
    ),
    (
        "medical staff are aid workers",
        "Seven medical workers and two journalists were killed this week.",
        {("killed", 7, "aid_workers"), ("killed", 2, "journalists")},
    ),
    (
        "households are families",
        "Some 3,000 households were displaced by the flooding of the camps.",
        {("displaced", 3000, "families")},
    ),
    (
        "IDPs are displaced people",
        "Aid agencies counted 45,000 IDPs in the district.",
        {("displaced", 45_000, "people")},
    ),
    (
        "forced from their homes",
        "The fighting forced 12,500 people from their homes.",
        {("displaced", 12_500, "people")},
    ),
    (
        "injuries noun after the count",
        "More than 60 people sustained injuries in the blast.",
        {("injured", 60, "people")},
    ),
    (
        "deaths noun with a civilian modifier",
        "The report lists 250 civilian deaths in the province.",
        {("killed", 250, "civilians")},
    ),
    (
        "bodies recovered",
        "Rescue teams recovered 11 bodies from the rubble.",
        {("killed", 11, "people")},
    ),
    (
        "left dead and injured",
        "The car bomb left 6 people dead and 25 injured.",
        {("killed", 6, "people"), ("injured", 25, "people")},
    ),
    (
        "among the dead with a total in the same sentence",
        "Four children were among the 30 people killed in the market.",
        {("killed", 4, "children"), ("killed", 30, "people")},
    ),
    (
        "cumulative since the war began",
        "The war has killed more than 300,000 people since it began in 2011.",
        {("killed", 300_000, "people")},
    ),
    (
        "negation gives no figure",
        "Rockets fell near the school but no casualties were reported.",
        set(),
    ),
    (
        "hypothetical warning gives no figure",
        "Officials warned that a new offensive could displace 700,000 people.",
        set(),
    ),
    (
        "dates, years, distances, units and roads are not figures",
        "On 12 October 2019 the 46th Brigade moved 30 km along the M5 highway near Saraqib.",
        set(),
    ),
    (
        "counts of strikes, buildings and countries are not figures",
        "Jets carried out 40 air strikes, damaged 12 schools and drew protests from 9 countries.",
        set(),
    ),
    (
        "population sizes are not figures",
        "The area, home to 3 million people, was bombed and 20 residents were killed.",
        {("killed", 20, "people")},
    ),
    (
        "percentages and money are not figures",
        "Donors pledged US$300 million as 70 per cent of the displaced lack shelter.",
        set(),
    ),
    (
        "returns are not displacement",
        "About 18,000 people have returned home and 2,000 went back to the town.",
        set(),
    ),
    (
        "headline and body saying the same toll give one figure",
        "Strike on market kills 12\n\nAn air strike on a market killed 12 people on Tuesday.",
        {("killed", 12, "people")},
    ),
    (
        "an earlier toll gives way to the newer one",
        "The monitor raised its earlier toll of 9 after 13 people were confirmed dead.",
        {("killed", 13, "people")},
    ),
    (
        "the part of a total takes the total's kind across sentences",
        "Over 90,000 people have fled since Friday. Some 40,000 of them are children.",
        {("displaced", 90_000, "people"), ("displaced", 40_000, "children")},
    ),
    (
        "the figure refers back to the kind before it",
        "About 20,000 people fled in the first week. By Sunday the figure stood at 52,000.",
        {("displaced", 20_000, "people"), ("displaced", 52_000, "people")},
    ),
    (
        "leaked headlines of other stories are skipped",
        "Shelling killed 3 people in the town.\n\nRelated:\n- Car bomb kills 40 in the capital\n",
        {("killed", 3, "people")},
    ),
    (
        "a ticker line of other stories' headlines below the article's own",
        "Shelling killed 3 people in the town.\n\nBREAKING: Turkey says 3 soldiers wounded in "
        "Iraq  |  Bread prices rise 20% in Damascus  |  Earthquake of magnitude 4.1 felt\n",
        {("killed", 3, "people")},
    ),
    (
        "a paragraph with pipes in it is no ticker",
        "Car bomb kills 26\n\n17 Nov 2017 A car bombing killed at least 26 displaced people in "
        "eastern Syria on Friday | AFP photo | the monitor said the toll could rise because of "
        "the number of serious injuries among the people who were waiting at the checkpoint "
        "near the town when the car exploded in the crowd\n",
        {("killed", 26, "people")},
    ),
    (
        "a 'More from' block's headlines on one line are another story's",
        "Shelling killed 3 people in the town.\n\nMORE FROM MIDDLE EAST\n"
        "Yemen: Houthis say ready to withdraw | Iraq: 7 killed as bus hits roadside bomb\n",
        {("killed", 3, "people")},
    ),
    (
        "a family of seven is seven people",
        "A family of seven died when their house collapsed.",
        {("killed", 7, "people")},
    ),
    (
        "a headline pairing killed and injured",
        "8 civilians killed 30 injured in rocket attack",
        {("killed", 8, "civilians"), ("injured", 30, "civilians")},
    ),
    (
        "wounded after killed takes the same people",
        "The attack killed 22 aid workers and wounded 15.",
        {("killed", 22, "aid_workers"), ("injured", 15, "aid_workers")},
    ),
    (
        "a toll with a civilian modifier",
        "Civilian toll for the day: at least 9 dead and 14 injured.",
        {("killed", 9, "civilians"), ("injured", 14, "civilians")},
    ),
    (
        "killed or injured leaves the kind open",
        "More than 80 people were killed or injured in the blast.",
        set(),
    ),
    (
        "a labelled line of a situation report",
        "Deaths: 45 (including 12 children). Injured: 120.",
        {("killed", 45, "people"), ("killed", 12, "children"), ("injured", 120, "people")},
    ),
    (
        "treated for injuries",
        "Fourteen people were treated for injuries at the clinic.",
        {("injured", 14, "people")},
    ),
    (
        "a breakdown after a definite total",
        "Of the 50 killed, 20 were children.",
        {("killed", 50, "people"), ("killed", 20, "children")},
    ),
    (
        "a title-case headline of two counts",
        "Shelling Of Market Killing 4 Injuring 7",
        {("killed", 4, "people"), ("injured", 7, "people")},
    ),
    (
        "a one-person count does not lend its group to the next count",
        "A man killed 30 injured in shelling of the town",
        {("killed", 1, "men"), ("injured", 30, "people")},
    ),
    (
        "a subject with its breakdown before the verb",
        "Around 600 people including 136 children have been killed in air strikes.",
        {("killed", 600, "people"), ("killed", 136, "children")},
    ),
    (
        "a breakdown of a stale toll is as stale as the toll",
        "The ministry had earlier reported 14 dead and 43 wounded, six of them critically. "
        "The final toll was 18 dead.",
        {("injured", 43, "people"), ("killed", 18, "people")},
    ),
    (
        "a count of people who went elsewhere is not an injury",
        "About 700 people including 47 wounded crossed the border overnight.",
        {("injured", 47, "people")},
    ),
    (
        "ages in a parenthesis are not counts",
        "Six civilians including three children (5-8 years) were injured.",
        {("injured", 6, "civilians"), ("injured", 3, "children")},
    ),
    (
        "lives saved are not lives lost",
        "The rescuers have saved the lives of more than 100,000 people since 2014.",
        set(),
    ),
    (
        "camps for the displaced are not displaced people",
        "Jets hit 243 facilities, including 5 IDP camps.",
        set(),
    ),
    (
        "a part of a whole named by of which",
        "3,200 households were affected, of which 1,150 were displaced.",
        {("displaced", 1150, "families")},
    ),
    (
        "a year before the verb is not a count",
        "The first blast in the town since the war began in 2011 killed 3 people.",
        {("killed", 3, "people")},
    ),
    (
        "a part by condition adds no figure",
        "Another 53 people were wounded, 19 of them seriously, and 30 of the wounded "
        "needed surgery.",
        {("injured", 53, "people")},
    ),
    (
        "a relative named after and his or her is one more person",
        "Among the wounded are a 4-year-old girl and her mother.",
        {("injured", 1, "children"), ("injured", 1, "women")},
    ),
    (
        "a modifier before an unknown noun is not a person",
        "The toll was 12: 10 civilians and two members of a rebel faction.",
        {("killed", 12, "people"), ("killed", 10, "civilians"), ("killed", 2, "combatants")},
    ),
    (
        "a pluperfect report is an older count",
        "Shelling killed 9 people. Earlier on Monday the ministry had reported six dead.",
        {("killed", 9, "people")},
    ),
    (
        "a list of counts without commas",
        "The group confirmed 426 deaths including seven children ten women and six medics.",
        {
            ("killed", 426, "people"),
            ("killed", 7, "children"),
            ("killed", 10, "women"),
            ("killed", 6, "aid_workers"),
        },
    ),
    (
        "people named by a word we do not know, counted by a verb of killing",
        "Shells struck a fish market, killing seven fishermen and wounding another 14. "
        "Twelve pilgrims were killed on the road.",
        {("killed", 7, "people"), ("injured", 14, "people"), ("killed", 12, "people")},
    ),
    (
        "animals are not people",
        "The strike killed 40 sheep and 4 goats.",
        set(),
    ),
    (
        "a part of the wounded who later died is a death",
        "Two of the wounded later died in hospital.",
        {("killed", 2, "people")},
    ),
    (
        "ages listed after a count are not counts",
        "Three children aged 4, 7 and 9 were killed.",
        {("killed", 3, "children")},
    ),
    (
        "codes listed after a label are not counts",
        "The strike, which broke resolutions 2118 and 2235, killed 5 people.",
        {("killed", 5, "people")},
    ),
    (
        "a subject whose breakdown names two counts",
        "Another seven people including four women and two children were killed.",
        {("killed", 7, "people"), ("killed", 4, "women"), ("killed", 2, "children")},
    ),
    (
        "casualties set apart from the dead are the injured",
        "The attack left 5 dead and 20 casualties.",
        {("killed", 5, "people"), ("injured", 20, "people")},
    ),
    (
        "casualties alone are neither dead nor injured",
        "The UN verified more than 1,000 civilian casualties in the area.",
        set(),
    ),
    (
        "a heading's colon does not open a list",
        "Daraa: the number of the dead rose to 11, and the injured are more than 25",
        {("killed", 11, "people"), ("injured", 25, "people")},
    ),
    (
        "a lower-case headline of two counts",
        "8 persons killed 58 others injured in rocket attacks on the city",
        {("killed", 8, "people"), ("injured", 58, "people")},
    ),
    (
        "members of a community are people",
        "Militias killed at least 87 members of the Masalit community.",
        {("killed", 87, "people")},
    ),
    (
        "a second verb joined by and",
        "A spokesman said 14 of its soldiers had been ambushed and killed.",
        {("killed", 14, "combatants")},
    ),
    (
        "a number of their own is not a breakdown",
        "One of the deadliest raids this year killed 19 people.",
        {("killed", 19, "people")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_labelled_text_gives_exactly_its_figures(
    text: str, expected: set[tuple[str, int, str]]
) -> None:
    assert scored(text) == expected


def test_qualifiers_are_read() -> None:
    """at least, more than, about, up to: each qualifier as SCHEMA.md names it."""
    text = (
        "At least 12 people were killed. More than 30 were wounded. "
        "Nearly 400 families fled. Up to 50 soldiers died."
    )
    found = {(f.count, f.qualifier) for f in figures(text)}
    assert found == {(12, "at_least"), (30, "more_than"), (400, "about"), (50, "up_to")}


def test_a_range_keeps_both_ends() -> None:
    """ "between 10 and 15" gives the low end with a qualifier and keeps the high end."""
    (figure,) = figures("Between 10 and 15 people were killed.")
    assert (figure.count, figure.count_high, figure.qualifier) == (10, 15, "at_least")


def test_vague_amounts_are_vague() -> None:
    """ "dozens" is a figure with no count, qualifier vague."""
    (figure,) = figures("Dozens of people were wounded.")
    assert (figure.kind, figure.count, figure.qualifier) == ("injured", None, "vague")


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("The war has killed 500,000 people since 2011.", "cumulative"),
        ("Since the intervention began, 7,000 civilians have been killed.", "cumulative"),
        ("Over the past decade 12,000 children have died in the conflict.", "cumulative"),
        ("After ten years of war that left 400,000 dead, talks resumed.", "cumulative"),
        # five months back: a running total (a month back, below, the escalation's toll)
        ("Since October 5, strikes have killed 120 people in the province.", "cumulative"),
        ("Since February 5, strikes have killed 120 people in the province.", "incident"),
        ("A month of escalation killed 66 civilians in the province.", "incident"),
        ("The war has displaced 6 million people.", "cumulative"),
        (
            "More than 150,000 people have been killed since protests erupted in March 2011.",
            "cumulative",
        ),
        ("The first blast in the town since the war began in 2011 killed 3 people.", "incident"),
        ("Shelling killed 2 people in the city, which has been besieged since 2013.", "incident"),
        ("Syrian warplanes have killed 32 civilians in Aleppo since Sunday.", "incident"),
        (
            "Clashes have killed 346 fighters, one of the deadliest battles since the war began.",
            "incident",
        ),
        ("The ministry said the toll had risen to 35,000 since October 7.", "cumulative"),
        ("Some 500,000 people have fled since October 7.", "cumulative"),
        ("Some 500,000 people have fled since March 7.", "incident"),
        (
            "At least 1,506 civilians have been killed since the escalation began in April 2019, "
            "the UN said.",
            "cumulative",
        ),
        (
            "Around 600 people have been killed in coalition strikes since September 2014.",
            "cumulative",
        ),
    ],
)
def test_scope_tells_running_totals_from_incidents(text: str, scope: str) -> None:
    (figure,) = figures(text)
    assert figure.scope == scope


def test_the_quote_is_the_sentence_it_was_read_from() -> None:
    text = "The town was quiet. Shells killed 4 people near the mosque. Shops reopened."
    (figure,) = figures(text)
    assert figure.quote == "Shells killed 4 people near the mosque."
