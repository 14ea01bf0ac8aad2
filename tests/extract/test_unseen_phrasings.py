"""Phrasings first met in unseen articles, one labelled sentence each (texts written for these
tests): each case lists every scored figure (kind, count, group, scope) the text must give."""

from __future__ import annotations

from datetime import date

import pytest

from digests.extract.extractor import Extractor
from digests.extract.model import PlaceMention

PUBLISHED = date(2024, 6, 14)


class NoPlaces:
    """A gazetteer that knows no place: these tests are about figures."""

    def find(self, text: str) -> list[PlaceMention]:
        return []


EXTRACTOR = Extractor(NoPlaces())


def scored(text: str) -> set[tuple[str, int | None, str, str]]:
    return {
        (f.kind, f.count, f.group, f.scope)
        for f in EXTRACTOR.extract(text, PUBLISHED).figures
        if f.kind in ("killed", "injured", "displaced") and f.qualifier != "vague"
    }


INC, CUM = "incident", "cumulative"
CASES: list[tuple[str, str, set[tuple[str, int | None, str, str]]]] = [
    (
        "drowned is a death",
        "Two children drowned when their boat overturned on the river.",
        {("killed", 2, "children", INC)},
    ),
    (
        "crushed to death is a death",
        "Four workers were crushed under the collapsing roof of the depot.",
        {("killed", 4, "people", INC)},
    ),
    (
        "succumbed and died of wounds are deaths",
        "Three of the injured later succumbed, and two more men died of their wounds overnight.",
        {("killed", 3, "people", INC), ("killed", 2, "men", INC)},
    ),
    (
        "forcing people to seek shelter is displacement",
        "The shelling went on all night, forcing about 3,500 people to seek shelter elsewhere.",
        {("displaced", 3500, "people", INC)},
    ),
    (
        "forced families to leave is displacement",
        "The offensive forced some 250 families to leave the village within a week.",
        {("displaced", 250, "families", INC)},
    ),
    (
        "families who lost their shelter are displaced",
        "Roughly 90 families lost their shelter when the storm flattened their tents.",
        {("displaced", 90, "families", INC)},
    ),
    (
        "a mother and her children: one woman and the children, each told by who they were",
        "The shell hit the kitchen, killing a mother and her three children.",
        {("killed", 1, "women", INC), ("killed", 3, "children", INC)},
    ),
    (
        "victims named after among the victims",
        "Eight civilians died. Among the victims were a woman and her two daughters.",
        {
            ("killed", 8, "civilians", INC),
            ("killed", 1, "women", INC),
            ("killed", 2, "children", INC),
        },
    ),
    (
        "gunmen killed are one combatant figure",
        "Two gunmen were killed in the exchange of fire.",
        {("killed", 2, "combatants", INC)},
    ),
    (
        "patients still in hospital are injured",
        "A further 35 people were still being treated in hospital on Saturday.",
        {("injured", 35, "people", INC)},
    ),
    (
        "people who suffered burns are injured",
        "Eleven people suffered burns and smoke inhalation in the blaze.",
        {("injured", 11, "people", INC)},
    ),
    (
        "since the start of the year is a running total",
        "Since the start of the year, at least 160 soldiers have been killed in such attacks.",
        {("killed", 160, "combatants", CUM)},
    ),
    (
        "since last month is the escalation, not a running total",
        "Since May, at least 60 civilians have been killed in the shelling.",
        {("killed", 60, "civilians", INC)},
    ),
    (
        "since a month is a running total",
        "Since January, more than 21,000 people have been displaced in the province.",
        {("displaced", 21000, "people", CUM)},
    ),
    (
        "families arriving since a weekday are the incident's displaced",
        "At least 1,800 families have arrived in the city since Saturday.",
        {("displaced", 1800, "families", INC)},
    ),
    (
        "killed since a weekday is the incident",
        "Fighting has killed 40 fighters since Monday.",
        {("killed", 40, "combatants", INC)},
    ),
    (
        "anaphora: of them takes the antecedent's group",
        "Gunmen stormed the checkpoint and soldiers fought back, killing 23 of them.",
        {("killed", 23, "combatants", INC)},
    ),
    (
        "a group noun as predicate of a partitive",
        "Nine people were killed. Five of the dead were children and three were local fighters.",
        {
            ("killed", 9, "people", INC),
            ("killed", 5, "children", INC),
            ("killed", 3, "combatants", INC),
        },
    ),
    (
        "a count split by side",
        "The monitor said 37 fighters were killed: 22 from the factions and 15 from the council.",
        {
            ("killed", 37, "combatants", INC),
            ("killed", 22, "combatants", INC),
            ("killed", 15, "combatants", INC),
        },
    ),
    (
        "the wounded of a sentence about soldiers are combatants",
        "An ambush killed 14 soldiers. Ten others were wounded, some of them seriously.",
        {("killed", 14, "combatants", INC), ("injured", 10, "combatants", INC)},
    ),
    (
        "bare counts after a sentence opened by soldiers count soldiers",
        "Soldiers came under fire near the base; two were killed and 10 wounded.",
        {("killed", 2, "combatants", INC), ("injured", 10, "combatants", INC)},
    ),
    (
        "bare counts after attackers are their victims",
        "Gunmen opened fire on a wedding party; 12 were killed.",
        {("killed", 12, "people", INC)},
    ),
    (
        "a relative after a verb of harm is one more person",
        "Artillery killed a child and injured his mother.",
        {("killed", 1, "children", INC), ("injured", 1, "women", INC)},
    ),
    (
        "an ordinal after a verb of harm is one more person",
        "The mine killed three shepherds and wounded a fourth on Sunday.",
        {("killed", 3, "people", INC), ("injured", 1, "people", INC)},
    ),
    (
        "remnants of the war killing is an incident, not the war's toll",
        "A landmine from the remnants of the war killed two boys near the village.",
        {("killed", 2, "children", INC)},
    ),
    (
        "members of forces and militias are one subject",
        "Eleven members of regime forces and loyal militias were killed in an ambush.",
        {("killed", 11, "combatants", INC)},
    ),
    (
        "wiping out a family of seven is seven deaths",
        "The strike flattened the house, wiping out a family of seven.",
        {("killed", 7, "people", INC)},
    ),
    (
        "people affected in an earlier clause do not make the displaced a population",
        "Some 5,600 households were affected, and about 1,900 families were displaced.",
        {("displaced", 1900, "families", INC)},
    ),
    (
        "since then after a past year is a running total",
        "The army retook the city in 2018. More than 1,900 people have been killed there "
        "since then.",
        {("killed", 1900, "people", CUM)},
    ),
    (
        "a key-figures line restates the body",
        "Key figures\n\n- 2 deaths reported\n\nTwo children died of cold in a camp.",
        {("killed", 2, "children", INC)},
    ),
    (
        "a second verb after a bare count is not its head noun",
        "The car bomb killed at least 44 and injured 140 others on Wednesday.",
        {("killed", 44, "people", INC), ("injured", 140, "people", INC)},
    ),
    (
        "an aside between dashes before the verb",
        "Three rescue workers from the civil defence - known as the White Helmets - have "
        "been killed.",
        {("killed", 3, "aid_workers", INC)},
    ),
    (
        "an unknown plural after the lives of is counted",
        "The fighting claimed the lives of 129 loyalists and 116 rebels.",
        {("killed", 129, "combatants", INC), ("killed", 116, "combatants", INC)},
    ),
    (
        "claimed the life of one person",
        "The landmine claimed the life of a woman and injured six members of one family.",
        {("killed", 1, "women", INC), ("injured", 6, "people", INC)},
    ),
    (
        "an acronym in square brackets inside the head",
        "Airstrikes killed at least 22 Red Crescent [SARC] volunteers on Monday.",
        {("killed", 22, "aid_workers", INC)},
    ),
    (
        "a relative clause between the count and its verb",
        "Three children who were playing outside were killed, and 20 soldiers who escorted "
        "the convoy were wounded.",
        {("killed", 3, "children", INC), ("injured", 20, "combatants", INC)},
    ),
    (
        "regime forces counted by number are combatants",
        "The monitor said 19 regime forces were killed and another 12 soldiers wounded.",
        {("killed", 19, "combatants", INC), ("injured", 12, "combatants", INC)},
    ),
    (
        "a long of-phrase naming the employer before the verb",
        "Four staff of the Union of Syrian Medical Relief Organisations were killed.",
        {("killed", 4, "aid_workers", INC)},
    ),
    (
        "a vague part inside the subject's breakdown",
        "At least 15 people including a number of children were killed by the raids.",
        {("killed", 15, "people", INC)},
    ),
    (
        "a count over the past twelve months is a running total",
        "Over the past twelve months, at least 1,100 civilians have been killed in the area.",
        {("killed", 1100, "civilians", CUM)},
    ),
    (
        "hospitals still treating people count the injured",
        "Hospitals in the city are still treating 48 people, nine of them in intensive care.",
        {("injured", 48, "people", INC)},
    ),
    (
        "an unknown plural noun behind a nationality",
        "Two Russian pilots were killed when their helicopter was shot down.",
        {("killed", 2, "people", INC)},
    ),
    (
        "an age in days makes a baby a child",
        "The bombardment killed a two-day-old baby in the maternity ward.",
        {("killed", 1, "children", INC)},
    ),
    (
        "killed along with others",
        "The driver was killed along with two other people when the blast hit the bus.",
        {("killed", 2, "people", INC)},
    ),
    (
        "comrades are fighters",
        "The commander and three of his comrades were killed in the explosion.",
        {("killed", 3, "combatants", INC)},
    ),
    (
        "a part of the victims named by its group",
        "The strike killed 20 people. Three of the victims were soldiers.",
        {("killed", 20, "people", INC), ("killed", 3, "combatants", INC)},
    ),
    (
        "members of a named army end at the verb",
        "Seven members of the Free Syrian Army died in the clashes.",
        {("killed", 7, "combatants", INC)},
    ),
    (
        "an unknown noun with a military modifier counts combatants",
        "Israeli strikes killed five Iranian military advisers near the airport.",
        {("killed", 5, "combatants", INC)},
    ),
    (
        "members of a medical staff as subject do not make bare counts fighters",
        "Members of the medical staff said three were hurt in the raid.",
        {("injured", 3, "people", INC)},
    ),
    (
        "pulled out alive with injuries is injured",
        "Two neighbours were pulled from the rubble with serious injuries.",
        {("injured", 2, "people", INC)},
    ),
    (
        "others after civilians are civilians, others after children are people",
        "Thirteen civilians were killed and 30 others wounded. Elsewhere shelling killed two "
        "children and injured 27 others.",
        {
            ("killed", 13, "civilians", INC),
            ("injured", 30, "civilians", INC),
            ("killed", 2, "children", INC),
            ("injured", 27, "people", INC),
        },
    ),
    (
        "troops arriving are not displaced",
        "Some 300 soldiers arrived in the town on Friday.",
        set(),
    ),
    (
        "only the total after an update verb is a running total",
        "A further 1,300 people were displaced in May, bringing the number displaced since "
        "the start of the year to over 41,000.",
        {("displaced", 1300, "people", INC), ("displaced", 41000, "people", CUM)},
    ),
    (
        "two counts of one in a sentence are two figures",
        "A nurse and a civil defence volunteer were killed in the raid.",
        {("killed", 1, "aid_workers", INC)},
    ),
    (
        "an unknown noun modifier before a person noun",
        "The raid hit a field, killing three farm workers.",
        {("killed", 3, "people", INC)},
    ),
    (
        "a people headline and a combatant body are one figure",
        "Ambush kills 14\n\nThe ambush killed 14 soldiers on the desert road on Wednesday.",
        {("killed", 14, "combatants", INC)},
    ),
    (
        "fighters of two kinds joined by and are one head",
        "At least 41 regime troops and allied militiamen and 32 jihadists and rebels have "
        "been killed since Tuesday.",
        {("killed", 41, "combatants", INC), ("killed", 32, "combatants", INC)},
    ),
    (
        "two modifiers joined by and describe one noun",
        "The monitor recorded 90 deaths since the start of the clashes: 25 SDF members, 54 "
        "tribal and local gunmen, and 11 civilians.",
        {
            ("killed", 90, "people", INC),
            ("killed", 25, "combatants", INC),
            ("killed", 54, "combatants", INC),
            ("killed", 11, "civilians", INC),
        },
    ),
    (
        "a sentence whose subject is the dead lists who they were",
        "The monitor said the dead since Friday were six IS militants, seven local fighters "
        "and three civilians.",
        {
            ("killed", 6, "combatants", INC),
            ("killed", 7, "combatants", INC),
            ("killed", 3, "civilians", INC),
        },
    ),
    (
        "they are ... breaks down the count of the sentence before",
        "The monitor documented the death of 17 people on Saturday. They are 10 civilians "
        "and seven members of the regime forces.",
        {
            ("killed", 17, "people", INC),
            ("killed", 10, "civilians", INC),
            ("killed", 7, "combatants", INC),
        },
    ),
    (
        "relatives with ages and twins are counted one by one",
        "Among the dead were a farmer, his wife and their nine-month-old twins, and a man "
        "and his 16-year-old son.",
        {
            ("killed", 1, "people", INC),
            ("killed", 1, "women", INC),
            ("killed", 2, "children", INC),
            ("killed", 1, "men", INC),
            ("killed", 1, "children", INC),
        },
    ),
    (
        "assassinated is a death",
        "A former opposition fighter was assassinated by gunmen on Sunday.",
        {("killed", 1, "combatants", INC)},
    ),
    (
        "headlines of other stories under Related give no figure",
        "Two civilians were killed by a landmine.\n\nRELATED:\nMonthly toll | 191 people "
        "killed across Syria in May\nFour children killed in shelling on a town",
        {("killed", 2, "civilians", INC)},
    ),
    (
        "among the martyrs lists the dead",
        "Fifty-seven citizens were martyred. Among the martyrs are 11 children and 9 women.",
        {
            ("killed", 57, "civilians", INC),
            ("killed", 11, "children", INC),
            ("killed", 9, "women", INC),
        },
    ),
    (
        "of those, N were ... breaks down the count before",
        "The group said 412 people had been killed. Of those, 219 were Islamic State "
        "fighters, 173 were Kurdish fighters and 20 were civilians.",
        {
            ("killed", 412, "people", INC),
            ("killed", 219, "combatants", INC),
            ("killed", 173, "combatants", INC),
            ("killed", 20, "civilians", INC),
        },
    ),
    (
        "a part of the dead broken down in turn is a count",
        "The group had so far identified 21 of the dead, among them a woman and her four "
        "young daughters.",
        {
            ("killed", 21, "people", INC),
            ("killed", 1, "women", INC),
            ("killed", 4, "children", INC),
        },
    ),
    (
        "a count since early this year, months back, is a running total",
        "The number of people killed while collecting truffles since early 2024 has risen to 148.",
        {("killed", 148, "people", CUM)},
    ),
    (
        "a count during the year is a running total",
        "The rescuers say they responded to 1,232 attacks during the year, which killed 161 "
        "people.",
        {("killed", 161, "people", CUM)},
    ),
    (
        "what 'these attacks' did over the period the sentence before counts is a total",
        "Rescuers responded to 17 missile attacks from the start of this year to 8 June. "
        "These attacks killed four civilians.",
        {("killed", 4, "civilians", CUM)},
    ),
    (
        "a couple, their children and the grandmother: each counted by who they were",
        "Shelling hit the house at dawn. The victims were a couple, their four children and "
        "the grandmother.",
        {
            ("killed", 2, "people", INC),
            ("killed", 4, "children", INC),
            ("killed", 1, "women", INC),
        },
    ),
    (
        "shares of the dead by the side they fought for are combatants",
        "Nine people were killed in the clashes. Five of those killed belonged to the factions "
        "and four to the SDF, the monitor said.",
        {
            ("killed", 9, "people", INC),
            ("killed", 5, "combatants", INC),
            ("killed", 4, "combatants", INC),
        },
    ),
    (
        "bringing to N the number of ... who have died gives the new total",
        "Two infants died this week in the camp, bringing to eight the number of children who "
        "have died there this month.",
        {("killed", 2, "children", INC), ("killed", 8, "children", INC)},
    ),
    (
        "a family named member by member is counted by who they were",
        "A man, his wife and their three children were killed when the shell hit.",
        {
            ("killed", 1, "men", INC),
            ("killed", 1, "women", INC),
            ("killed", 3, "children", INC),
        },
    ),
    (
        "a family inside a larger toll is only its parts",
        "Raids killed seven civilians, among them a woman and her two young daughters.",
        {
            ("killed", 7, "civilians", INC),
            ("killed", 1, "women", INC),
            ("killed", 2, "children", INC),
        },
    ),
    (
        "items of a list take the kind its header names",
        "The monitor documented the death of 412 people in May, distributed as follows:\n\n"
        "CIVILIANS: 180, including 21 children:\n- 64 civilians killed by gunmen.\n\n"
        "NON-CIVILIANS: 232, distributed as follows:\n- 91 members of the security forces.\n"
        "- 42 local gunmen.\n\nMOST AFFECTED DISTRICTS (deaths)\n- Harim: 642\n- Salqin: 413",
        {
            ("killed", 412, "people", INC),
            ("killed", 180, "civilians", INC),
            ("killed", 21, "children", INC),
            ("killed", 64, "civilians", INC),
            ("killed", 232, "combatants", INC),
            ("killed", 91, "combatants", INC),
            ("killed", 42, "combatants", INC),
            ("killed", 642, "people", INC),
            ("killed", 413, "people", INC),
        },
    ),
    (
        "a count with a plus sign is more than the count",
        "- 86,000+ people newly displaced",
        {("displaced", 86000, "people", INC)},
    ),
    (
        "the remaining fatalities are ... lists the dead",
        "The remaining fatalities are 469 regime soldiers and loyal militiamen and 477 rebels.",
        {("killed", 469, "combatants", INC), ("killed", 477, "combatants", INC)},
    ),
    (
        "initial reports of another incident paragraphs away are not an earlier toll",
        "- 8,785 injuries in the earthquake\n\nThe rescue work went on.\n\nThe market "
        "reopened.\n\nA new tremor struck. Initial reports indicate at least 130 people "
        "were injured.",
        {("injured", 8785, "people", INC), ("injured", 130, "people", INC)},
    ),
    (
        "a list right after a counting sentence breaks that count down",
        "Field teams verified the arrival of about 14,000 households (about 70,000 "
        "individuals).\n- Sennar State: 6,200 households\n- Gedaref State: 4,100 households",
        {
            ("displaced", 14000, "families", INC),
            ("displaced", 70000, "people", INC),
            ("displaced", 6200, "families", INC),
            ("displaced", 4100, "families", INC),
        },
    ),
    (
        "families forced out of their tents are displaced",
        "At least 1,800 families had been forced out of their collapsed tents by the storm.",
        {("displaced", 1800, "families", INC)},
    ),
    (
        "a rank before a fighter's noun keeps the fighter",
        "The strike killed six people, including a senior Hezbollah commander.",
        {("killed", 6, "people", INC), ("killed", 1, "combatants", INC)},
    ),
    (
        "a very large toll told in the perfect is a running total",
        "According to the health ministry, more than 38,000 people have been killed in the Strip.",
        {("killed", 38000, "people", CUM)},
    ),
    (
        "deaths since an invasion or a coup are a running total",
        "The UN has verified the deaths of more than 7,000 civilians since Russia's "
        "full-scale invasion. Junta forces have killed at least 3,240 people since the coup.",
        {("killed", 7000, "civilians", CUM), ("killed", 3240, "people", CUM)},
    ),
    (
        "a description attached with 'with' or 'for' stands between the one person and the verb",
        "A volunteer with a local NGO was injured while distributing bread. A teacher for the "
        "camp kitchen was killed.",
        {("injured", 1, "aid_workers", INC), ("killed", 1, "people", INC)},
    ),
    (
        "an age between a name and its description is no count",
        "Our colleague Ahmad Khaled al-Ali, 29, a volunteer at our centre in Darat Izza, was "
        "killed yesterday.",
        {("killed", 1, "aid_workers", INC)},
    ),
    (
        "translated 'were displacing' is displacement",
        "More than 150 families were displacing from the village towards the camps.",
        {("displaced", 150, "families", INC)},
    ),
    (
        "deaths since a day of last year, eleven months back, are a running total",
        "Since October 8 last year, more than 1,540 people have been killed in Lebanon, the "
        "health ministry said.",
        {("killed", 1540, "people", CUM)},
    ),
    (
        "lives a warning puts at risk are no figure",
        "We are concerned that the fighting could spread further west, putting the lives of "
        "up to 750,000 people in the south-west at risk.",
        set(),
    ),
    (
        "parts of a count told before, after 'of the'",
        "Clashes killed twenty-three people on Monday. Of the twenty-three, eleven were "
        "civilians, among them four women and a boy of eleven.",
        {
            ("killed", 23, "people", INC),
            ("killed", 11, "civilians", INC),
            ("killed", 4, "women", INC),
            ("killed", 1, "children", INC),  # eleven is the boy's age
        },
    ),
    (
        "parts of a count the opening names by its verb",
        "Of the 9,840 people who left during the week, an estimated 4,700 are children and "
        "2,600 are women.",
        {
            ("displaced", 9_840, "people", INC),
            ("displaced", 4_700, "children", INC),
            ("displaced", 2_600, "women", INC),
        },
    ),
    ("an opening that counts no people frames nothing", "Of the 40 strikes, 12 hit homes.", set()),
    (
        "bracketed counts of a translation from Arabic",
        "Martyred (4) civilians, among them (2) children, and were wounded (7) others, in an "
        "artillery bombardment that included more than (60) shells.",
        {
            ("killed", 4, "civilians", INC),
            ("killed", 2, "children", INC),
            ("injured", 7, "civilians", INC),  # others than the civilians, past the children
        },
    ),
    (
        "elements of an armed group are combatants",
        "In a related context, were killed (2) elements from the operations room.",
        {("killed", 2, "combatants", INC)},
    ),
    (
        "a relative's name set off by commas",
        "His wife, Amina, and three of their children were killed.",
        {("killed", 1, "women", INC), ("killed", 3, "children", INC)},
    ),
    (
        "a group's code name before its fighters",
        "Three soldiers and five M23 fighters were killed in clashes.",
        {("killed", 3, "combatants", INC), ("killed", 5, "combatants", INC)},
    ),
    (
        "a part of the group's own people",
        "Two of the group's volunteers were lightly hurt when a second strike hit.",
        {("injured", 2, "aid_workers", INC)},
    ),
    (
        "people who have since fled",
        "Some 4,700 people have since fled to nearby villages.",
        {("displaced", 4_700, "people", INC)},
    ),
    (
        "each label names its own kind, whatever the line above",
        "DNIPRO REGION\nKilled: -\nInjured: 2 (Nikopol district)",
        {("injured", 2, "people", INC)},
    ),
    (
        "a long label naming kind and group, 'incl.' and an abbreviated month",
        "WAR-WIDE\nCivilians killed since 24 Feb 2022, verified by the UN: 9,369 (incl. 532 "
        "children)",
        {("killed", 9_369, "civilians", CUM), ("killed", 532, "children", CUM)},
    ),
    (
        "a share of a population is no count",
        "Around 1.9 million people - nine in ten of the population - have been displaced.",
        {("displaced", 1_900_000, "people", CUM)},
    ),
    ("one in five is a share", "One in five children was injured.", set()),
    (
        "how often people fled is no count",
        "Some families report having been displaced three or four times since 2019.",
        set(),
    ),
    (
        "shares of a toll by place after it: '<Name> with N'",
        "Idlib saw the highest toll, with 29 civilians killed, followed by Aleppo with 18, "
        "Daraa with 14 and Deir Ez-Zor with 11 victims.",
        {
            ("killed", 29, "civilians", INC),
            ("killed", 18, "civilians", INC),
            ("killed", 14, "civilians", INC),
            ("killed", 11, "civilians", INC),
        },
    ),
    (
        "a place with its residents is no share",
        "Five people were killed in Ariha, and Saraqib with 40,000 residents was hit.",
        {("killed", 5, "people", INC)},
    ),
    ("a father of five is no count", "Hussein, a father of five who fled, said.", set()),
    (
        "since the beginning of an invasion, whatever the tense",
        "In total, since the beginning of the full-scale invasion, 127 children were injured "
        "and 23 children died in the region.",
        {("injured", 127, "children", CUM), ("killed", 23, "children", CUM)},
    ),
    (
        "since the beginning of the current year",
        "The network documented since the beginning of the current year the death of 23 "
        "civilians by landmines.",
        {("killed", 23, "civilians", CUM)},
    ),
    (
        "a year's tally that has risen",
        "The number of people killed in Idlib in 2024 by regime attacks has risen to 412.",
        {("killed", 412, "people", CUM)},
    ),
    (
        "since a day months back, told without its year",
        "Since October 8, at least 350 people have been killed in Lebanon.",
        {("killed", 350, "people", CUM)},
    ),
    (
        "since a day of this season is the escalation's toll",
        "Since June 3, at least 35 people have been killed.",
        {("killed", 35, "people", INC)},
    ),
    (
        "an age set off by commas after a person",
        "A farmer, 52, was killed and his two nephews were wounded.",
        {("killed", 1, "people", INC), ("injured", 2, "people", INC)},
    ),
    ("a phone number is no count", "Hotline for evacuation: 0 800 409 198.", set()),
    (
        "'approx.' before a count in another unit",
        "The Cluster recorded the displacement of 78,310 individuals (approx. 14,900 families).",
        {("displaced", 78_310, "people", INC), ("displaced", 14_900, "families", INC)},
    ),
    (
        "a report's victims distributed under a heading are its dead",
        "II. Distribution of victims by perpetrator\n• Syrian regime forces: 38\n• ISIS: 4",
        {("killed", 38, "people", INC), ("killed", 4, "people", INC)},
    ),
    (
        "people left without power are not uprooted",
        "Across the region, about two million people have been left with little electricity.",
        set(),
    ),
    (
        "the wounded evacuated to hospital are wounded",
        "Two injured persons were evacuated to the General Reference Hospital.",
        {("injured", 2, "people", INC)},
    ),
    (
        "'Among the injured persons,' frames the parts after it",
        "Among the injured persons, 4 are women.",
        {("injured", 4, "women", INC)},
    ),
    (
        "fighters who sacrificed their lives",
        "From the resistance side 3 comrades sacrificed their lives.",
        {("killed", 3, "combatants", INC)},
    ),
    (
        "truffle pickers are people",
        "Gunmen killed 16 truffle pickers near the desert town.",
        {("killed", 16, "people", INC)},
    ),
    (
        "new arrivals of a displacement update",
        "The town has absorbed more than 380,000 new arrivals in two weeks.",
        {("displaced", 380_000, "people", INC)},
    ),
    (
        "households that have since abandoned a town",
        "More than 2,300 households have since abandoned the locality.",
        {("displaced", 2_300, "families", INC)},
    ),
    (
        "brothers and companions are people",
        "Two brothers in their twenties were shot dead; two of his companions were wounded.",
        {("killed", 2, "people", INC), ("injured", 2, "people", INC)},
    ),
    (
        "an aid agency's staff, its name told before",
        "UNRWA says 220 of its staff have been killed in that time.",
        {("killed", 220, "aid_workers", CUM)},
    ),
    (
        "'brings to N the number of' in the present",
        "The attack brings to 12 the number of people killed this week.",
        {("killed", 12, "people", INC)},
    ),
    (
        "peacekeepers are combatants, counted since a mission's start",
        "This brings to 174 the number of peacekeepers who have died since the mission was "
        "deployed in 2013.",
        {("killed", 174, "combatants", CUM)},
    ),
    (
        "a 'by the numbers' box: count, dash, description",
        "BY THE NUMBERS\n2.9 million - Somalis internally displaced by conflict (UNHCR)\n"
        "3 - suicide attacks in the capital so far this month",
        {("displaced", 2_900_000, "people", CUM)},
    ),
    (
        "lettered items of a toll distributed by perpetrator",
        "The death toll is distributed by perpetrator as follows:\n\nA. Syrian regime forces "
        "(army, security): 167 civilians, including 42 children.\nB. ISIS: six civilians.",
        {
            ("killed", 167, "civilians", INC),
            ("killed", 42, "children", INC),
            ("killed", 6, "civilians", INC),
        },
    ),
    (
        "a label set off by a dash",
        "Dead: 12\nWounded — 30 (incl. 9 children)\nMissing: 3",
        {
            ("killed", 12, "people", INC),
            ("injured", 30, "people", INC),
            ("injured", 9, "children", INC),
        },
    ),
    (
        "a breakdown after a typed double dash",
        "At least 150 people were killed on Monday -- 74 civilians, 41 rebels and 35 soldiers "
        "-- according to the watchdog.",
        {
            ("killed", 150, "people", INC),
            ("killed", 74, "civilians", INC),
            ("killed", 41, "combatants", INC),
            ("killed", 35, "combatants", INC),
        },
    ),
    (
        "the martyrdom of",
        "The network documented the martyrdom of 62 civilians in the eastern countryside.",
        {("killed", 62, "civilians", INC)},
    ),
    (
        "people who crossed into another country",
        "More than 17,000 people crossed into Akkar governorate in north Lebanon.",
        {("displaced", 17_000, "people", INC)},
    ),
    ("fighters crossing a line are not displaced", "200 fighters crossed into Idlib.", set()),
    (
        "residents of several places who fled",
        "More than 3,000 residents of the village and nearby settlements fled to the forest.",
        {("displaced", 3_000, "people", INC)},
    ),
    (
        "tribal fighters",
        "Among the dead were 18 Bedouin tribal fighters.",
        {("killed", 18, "combatants", INC)},
    ),
    (
        "a death toll 'with N', then shares by place",
        "Daraa saw the highest death toll in January, with 21 civilians (26 per cent of the "
        "total), followed by Aleppo with 16 and Deir ez-Zor with 14.",
        {
            ("killed", 21, "civilians", INC),
            ("killed", 16, "civilians", INC),
            ("killed", 14, "civilians", INC),
        },
    ),
    (
        "a town's population 'with N' is no toll",
        "The city has the highest population, with 21 civilians per hectare.",
        set(),
    ),
    (
        "labels with brackets and slashes in a list by perpetrator",
        "II. Distribution of victims by perpetrator\n\nRussian forces: 2 civilians\n"
        "ISIS (the self-proclaimed Islamic State): 3 civilians\n"
        "All armed opposition factions / Syrian National Army: 4 civilians, including 1 child\n"
        "Other parties: 47 civilians",
        {
            ("killed", 2, "civilians", INC),
            ("killed", 3, "civilians", INC),
            ("killed", 4, "civilians", INC),
            ("killed", 1, "children", INC),
            ("killed", 47, "civilians", INC),
        },
    ),
    (
        "a numbered section heading counts nobody",
        "3. HAMA: BARREL BOMBS ON KAFR ZITA, FIGHTING AROUND MOREK",
        set(),
    ),
    (
        "a year after 'early' is no count",
        "Operation Olive Branch in early 2018 displaced an estimated 137,000 people.",
        {("displaced", 137_000, "people", INC)},
    ),
    (
        "a key-figures line counting camps",
        "KEY FIGURES\nCamps for displaced people hit .......... 5\nPeople displaced ....... 1,200",
        {("displaced", 1_200, "people", INC)},
    ),
    (
        "casualties that add the dead and the wounded are no third figure",
        "The project recorded 668 civilian casualties (273 killed and 395 injured).",
        {("killed", 273, "civilians", INC), ("injured", 395, "civilians", INC)},
    ),
    (
        "people who arrived with wounds are wounded",
        "On a single truck on 14 April, seven children arrived with gunshot wounds.",
        {("injured", 7, "children", INC)},
    ),
    (
        "a 'by the numbers' count with a plus",
        "48,300+ - Palestinians killed in Gaza since October 2023, the health ministry says",
        {("killed", 48_300, "people", CUM)},
    ),
    (
        "an ampersand joins like 'and'",
        "SOHR running count: 412 dead - 214 HTS & allied fighters, 137 soldiers & allied "
        "militia, 61 civilians",
        {
            ("killed", 412, "people", INC),
            ("killed", 214, "combatants", INC),
            ("killed", 137, "combatants", INC),
            ("killed", 61, "civilians", INC),
        },
    ),
    (
        "killings are deaths",
        "The office documented 27 killings in the governorate this month.",
        {("killed", 27, "people", INC)},
    ),
    ("a zero is nobody", "Killed: 0", set()),
    (
        "lives a war threatens are no toll",
        "The attacks threaten the lives of more than 4 million civilians in the region.",
        set(),
    ),
    (
        "one of those who speak is no casualty",
        "About 30 people were wounded, one of the residents said.",
        {("injured", 30, "people", INC)},
    ),
    (
        "a numbered centre is a label",
        "One of our volunteers, a 29-year-old from Centre 115, was also injured by shrapnel.",
        {("injured", 1, "aid_workers", INC)},
    ),
    (
        "millions who remain displaced are a stock",
        "Some 6.8 million people remain displaced inside the country, the agency said.",
        {("displaced", 6_800_000, "people", CUM)},
    ),
    (
        "a country's internally displaced people are a stock",
        "The country now has 2.9 million internally displaced people.",
        {("displaced", 2_900_000, "people", CUM)},
    ),
    (
        "an offensive that drove out a million is still an incident",
        "Nearly a million people fled the offensive in three months.",
        {("displaced", 1_000_000, "people", INC)},
    ),
    (
        "hundreds of staff killed in a war is its tally",
        "More than 150 journalists have been killed, press freedom groups say.",
        {("killed", 150, "journalists", CUM)},
    ),
    (
        "an annual figure is a running total",
        "The group counted 1,057 civilian deaths, the lowest annual figure it has recorded.",
        {("killed", 1_057, "civilians", CUM)},
    ),
    (
        "a war that erupted long ago and has displaced millions",
        "The war, which erupted in April 2023 between the army and the paramilitaries, has "
        "killed tens of thousands of people and displaced more than 11 million.",
        {("displaced", 11_000_000, "people", CUM)},
    ),
    (
        "since an event months back in a named month",
        "At least 780 civilians have been killed in the city since the siege tightened in "
        "February.",
        {("killed", 780, "civilians", CUM)},
    ),
    (
        "the month May is no modal",
        "Shelling on 5 May killed 12 civilians; between 1 and 9 May strikes killed four more.",
        {("killed", 12, "civilians", INC), ("killed", 4, "civilians", INC)},
    ),
    (
        "the modal may still makes a guess",
        "The fighting may displace 3,000 people.",
        set(),
    ),
    (
        "refugees hosted abroad are a running total of the displaced",
        "Turkey, which hosts 3.6 million Syrian refugees, says it cannot take in more; another "
        "5.4 million are registered as refugees elsewhere.",
        {("displaced", 3_600_000, "people", CUM), ("displaced", 5_400_000, "people", CUM)},
    ),
    (
        "new refugees arriving are an incident",
        "Some 20,000 new refugees arrived in Chad this week.",
        {("displaced", 20_000, "people", INC)},
    ),
    (
        "refugees going home are not displaced",
        "About 400,000 Syrian refugees have returned from abroad since December.",
        set(),
    ),
    (
        "a district hosting the displaced counts them over the years",
        "Dana sub-district, which already hosts over 600,000 IDPs, is home to 1.2 million people.",
        {("displaced", 600_000, "people", CUM)},
    ),
    (
        "people whose bodies were found were killed",
        "Two unidentified persons, whose bodies were found by the road, were taken to Idlib.",
        {("killed", 2, "people", INC)},
    ),
    (
        "a toll since an escalation's dated start long ago is a running total",
        "The number of civilians killed since the start of the escalation on April 30, 2023 has "
        "risen to 1,752.",
        {("killed", 1_752, "civilians", CUM)},
    ),
    (
        "a tally between two months far apart is a running total",
        "Between 1 January and 30 May 2024, our teams responded to attacks that killed 158 "
        "civilians.",
        {("killed", 158, "civilians", CUM)},
    ),
    (
        "shares of a toll told by who was responsible",
        "Regime forces were responsible for the deaths of 19 civilians, Russian forces for 2, "
        "and the SDF for 7.",
        {
            ("killed", 19, "civilians", INC),
            ("killed", 2, "civilians", INC),
            ("killed", 7, "civilians", INC),
        },
    ),
    (
        "a part of a whole told with its count",
        "Nine of the 17 child victims were killed by landmines.",
        {("killed", 9, "children", INC)},
    ),
    (
        "a count read twice at one spot is one figure of the specific group",
        "Of the 17 children killed, 9 died from landmines.",
        {("killed", 17, "children", INC), ("killed", 9, "children", INC)},
    ),
    (
        "ages after the names of a family are no counts",
        "The strike killed six members of one family: his brother Khaled, 41, a labourer; "
        "Khaled's wife Amina, 36; and their four children, Ahmad, 14, Sidra, 11, Yousef, 7, and "
        "baby Rahaf.",
        {("killed", 6, "people", INC), ("killed", 1, "women", INC), ("killed", 4, "children", INC)},
    ),
    (
        "two men of a family told as a pair are counted as a pair",
        "The children's grandfather and his son also died.",
        {("killed", 2, "people", INC), ("killed", 1, "men", INC), ("killed", 1, "people", INC)},
    ),
    (
        "the sides of a quarrel are no count",
        "A child was killed by stray bullets during a quarrel between two families in Tafas.",
        {("killed", 1, "children", INC)},
    ),
    (
        "members of one family are people",
        "In Saqba, eight members of one family were killed when the basement collapsed.",
        {("killed", 8, "people", INC)},
    ),
    (
        "the remaining victims are the rest of the toll, of the group they were",
        "The toll has risen to 221, including 127 civilians. The monitor said the remaining 94 "
        "victims were pro-government fighters.",
        {
            ("killed", 221, "people", INC),
            ("killed", 127, "civilians", INC),
            ("killed", 94, "combatants", INC),
        },
    ),
    (
        "one of the deadliest days since the war began is a record, not a running total",
        "The toll from Wednesday's attacks has risen to 221, making it one of the deadliest days "
        "in the province since the start of the war.",
        {("killed", 221, "people", INC)},
    ),
    (
        "a group's name with its acronym in brackets before the verb",
        "The monitor said seven fighters from Hayat Tahrir al-Sham (HTS) and the Turkistan "
        "Islamic Party were killed.",
        {("killed", 7, "combatants", INC)},
    ),
    (
        "the fate of the one person named after it",
        "Gunmen opened fire, which led to the martyrdom of the young man Mohammad, and the "
        "shelling caused the death of a woman and the injury of her husband.",
        {("killed", 1, "men", INC), ("killed", 1, "women", INC), ("injured", 1, "men", INC)},
    ),
    (
        "a translation's partitive with no article counts its group; others are the total's",
        "The attacks resulted in the killing of 29 persons, among them 7 of former fighters of "
        "the opposition, and the injury of 18 others.",
        {
            ("killed", 29, "people", INC),
            ("killed", 7, "combatants", INC),
            ("injured", 18, "people", INC),
        },
    ),
    (
        "a count restated in households is of the same kind",
        "More than 78,000 people, or approximately 15,000 families, have been displaced.",
        {("displaced", 78_000, "people", INC), ("displaced", 15_000, "families", INC)},
    ),
    (
        "the total number of dead names its kind, whatever came before",
        "About 1,800 families fled. The ministry said 1,347 people had been killed, bringing "
        "the total number of dead to 3,277.",
        {
            ("displaced", 1_800, "families", INC),
            ("killed", 1_347, "people", INC),
            ("killed", 3_277, "people", INC),
        },
    ),
    (
        "war-wounded are wounded",
        "MSF-supported facilities have treated more than 1,200 war-wounded patients.",
        {("injured", 1_200, "people", INC)},
    ),
    (
        "a third after two killed is one more person; a lost leg is a wound",
        "Two boys were killed and a third was badly injured. Later a farmer lost a leg when his "
        "tractor hit a landmine.",
        {("killed", 2, "children", INC), ("injured", 1, "people", INC)},
    ),
    (
        "a breakdown after the wounded or the dead",
        "Teams transported the wounded, among them 3 children, to hospital, and buried the "
        "dead, among them 4 women.",
        {("injured", 3, "children", INC), ("killed", 4, "women", INC)},
    ),
    (
        "a possessive between the verb and the count",
        "Shelling killed a woman and wounded her two young sons.",
        {("killed", 1, "women", INC), ("injured", 2, "children", INC)},
    ),
    (
        "passers-by are people",
        "A car bomb wounded four passers-by, two of them children.",
        {("injured", 4, "people", INC), ("injured", 2, "children", INC)},
    ),
    (
        "the displaced among a population told as a state are a running total",
        "Northwest Syria is home to 4.5 million people, of whom 2.9 million are IDPs.",
        {("displaced", 2_900_000, "people", CUM)},
    ),
    (
        "a breakdown of the dead before ', and' the wounded",
        "New toll: 15 civilians killed across the north-west since last night, among them four "
        "children, and 61 injured.",
        {
            ("killed", 15, "civilians", INC),
            ("killed", 4, "children", INC),
            ("injured", 61, "civilians", INC),
        },
    ),
    (
        "patients received at a hospital are the wounded, broken down after a long opening",
        "Of the 38 patients received at the surgical hospital in Atmeh and at the trauma unit "
        "near Bab al-Hawa, 15 were children and 9 were women.",
        {
            ("injured", 38, "people", INC),
            ("injured", 15, "children", INC),
            ("injured", 9, "women", INC),
        },
    ),
    (
        "an age told with 'of ... years old'",
        "A woman of 71 years old was killed and two men were wounded.",
        {("killed", 1, "women", INC), ("injured", 2, "men", INC)},
    ),
    (
        "an abbreviated month's day is no count",
        "The attack on Oct. 7, 2023 killed about 1,200 people.",
        {("killed", 1_200, "people", INC)},
    ),
    (
        "an age after a name, after 'among those injured was', is no count",
        "Among those injured was his granddaughter Rahaf, 10, who lost two fingers.",
        set(),
    ),
    (
        "ages listed in words and digits are no counts; a cousin is one more person",
        "Two brothers aged nine and 12 were killed and their cousin was wounded.",
        {("killed", 2, "people", INC), ("injured", 1, "people", INC)},
    ),
    (
        "a single of its total's own group adds no count",
        "At least seven children, including a seven-month-old baby, were killed.",
        {("killed", 7, "children", INC)},
    ),
    (
        "the numbers of a definition are no counts",
        "SNHR defines a massacre as an incident in which five or more people are killed at once.",
        set(),
    ),
    (
        "a young relative is a child",
        "Among the wounded were a woman and her infant son.",
        {("injured", 1, "women", INC), ("injured", 1, "children", INC)},
    ),
    (
        "a count restated as 'equivalent to' households",
        "Some 11,000 people, equivalent to approximately 1,900 families, fled.",
        {("displaced", 11_000, "people", INC), ("displaced", 1_900, "families", INC)},
    ),
    (
        "brought to hospital already dead are the dead",
        "Four people were brought to the hospital already dead.",
        {("killed", 4, "people", INC)},
    ),
    (
        "a toll a correction withdraws is no figure",
        "The agency erroneously reported that 17 people were killed; seven people were killed.",
        {("killed", 7, "people", INC)},
    ),
    (
        "where the dead were sheltering is no displacement; staff members are no fighters",
        "The dead were a man and his two daughters, aged 7 and 11, who were sheltering on the "
        "ground floor. Two staff members were lightly injured.",
        {("killed", 1, "men", INC), ("killed", 2, "children", INC), ("injured", 2, "people", INC)},
    ),
    (
        "'they are' after a comma breaks down the count before; members of two bodies",
        "The number of people killed this month has risen to 48, they are 41 civilians and "
        "seven members of regime forces and NDF.",
        {
            ("killed", 48, "people", INC),
            ("killed", 41, "civilians", INC),
            ("killed", 7, "combatants", INC),
        },
    ),
    (
        "a family listed member by member with 'all four of her brothers'",
        "Her mother, her father and all four of her brothers and sisters were killed.",
        {("killed", 1, "women", INC), ("killed", 1, "men", INC), ("killed", 4, "people", INC)},
    ),
    (
        "a number of the dying rising to a new count",
        "Two children died, and the number of children who were dying in the camp is rising "
        "to fourteen children.",
        {("killed", 2, "children", INC), ("killed", 14, "children", INC)},
    ),
    (
        "where the bodies lay is no verb of their own",
        "Videos showed the bodies of a man, his wife and their three children lying in a "
        "courtyard.",
        {("killed", 1, "men", INC), ("killed", 1, "women", INC), ("killed", 3, "children", INC)},
    ),
    (
        "counts in brackets after the places people fled from",
        "Most of the newly displaced fled from Idleb city (approximately 21,000 people), Sarmin "
        "(11,450), Ariha (9,800) and Darat Izza (6,300).",
        {
            ("displaced", 21_000, "people", INC),
            ("displaced", 11_450, "people", INC),
            ("displaced", 9_800, "people", INC),
            ("displaced", 6_300, "people", INC),
        },
    ),
    (
        "a part of those forced to flee; arrivals that have reached a town",
        "Some 40,000 people have fled; about 18,000 of those forced to flee are children. More "
        "than 30,000 people have so far reached Tawila.",
        {
            ("displaced", 40_000, "people", INC),
            ("displaced", 18_000, "children", INC),
            ("displaced", 30_000, "people", INC),
        },
    ),
    (
        "a count with its place before 'are'; a long relative clause before the verb",
        "About 2.8 million people in north-west Syria are internally displaced. About 110,000 "
        "people who had been living in displacement sites west of Goma have left the camps.",
        {("displaced", 2_800_000, "people", CUM), ("displaced", 110_000, "people", INC)},
    ),
    (
        "a count after the people its kind names",
        "The dead in May included six children. Most of the newly displaced, around 11,000 "
        "families, have moved to camps. One of the injured, a young man, died at dawn.",
        {
            ("killed", 6, "children", INC),
            ("displaced", 11_000, "families", INC),
        },
    ),
    (
        "families pushed or helped to leave are displaced; soldiers prompted to surrender not",
        "The escalation pushed around 130 families to leave Darat Izza, and our teams helped 40 "
        "families leave Kafr Nuran. The attack prompted 20 soldiers to surrender.",
        {("displaced", 130, "families", INC), ("displaced", 40, "families", INC)},
    ),
    (
        "a correction's misstated count is withdrawn; 'the figure' is of the kind just named",
        "An earlier version of this article misstated the number of people wounded in the "
        "attack as 62; the Civil Defence put the figure at 26.",
        {("injured", 26, "people", INC)},
    ),
    (
        "a breakdown past a coordinated group noun with no count",
        "At least 154 people have been killed, including 102 IS militants, 45 members of the "
        "Syrian Democratic Forces and prison guards, and seven civilians.",
        {
            ("killed", 154, "people", INC),
            ("killed", 102, "combatants", INC),
            ("killed", 45, "combatants", INC),
            ("killed", 7, "civilians", INC),
        },
    ),
    (
        "among a group's dead, the people named and a passive of what befell them",
        "Among the civilians killed were a woman and two children hit by mortar fire in Dhiban.",
        {("killed", 1, "women", INC), ("killed", 2, "children", INC)},
    ),
    (
        "ages after names listed as the dead are no counts",
        "The dead were named as Ahmad, 14, and Omar, 11.",
        set(),
    ),
]


@pytest.mark.parametrize(("label", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_unseen_phrasing_gives_exactly_its_figures(
    label: str, text: str, expected: set[tuple[str, int | None, str, str]]
) -> None:
    """Each labelled sentence gives its figures and no other scored figure."""
    assert scored(text) == expected, label


def test_an_older_event_told_as_background_carries_its_own_month() -> None:
    """ "In March 2021, a strike killed 14": the figure is dated March 2021, not today."""
    text = "In March 2021, a strike on the market killed 14 civilians."
    (figure,) = EXTRACTOR.extract(text, PUBLISHED).figures
    assert figure.date == date(2021, 3, 1)


def test_a_background_year_names_the_event_year() -> None:
    """ "the 2022 attack ... killed 50": dated 2022; a "since" year is no event date."""
    (figure,) = EXTRACTOR.extract(
        "The 2022 attack on the station killed 50 people.", PUBLISHED
    ).figures
    assert figure.date == date(2022, 1, 1)
    (total,) = EXTRACTOR.extract(
        "Since March 2023, strikes have killed 140 fighters.", PUBLISHED
    ).figures
    assert total.date is None


def test_a_headline_restated_once_keeps_other_groups_apart() -> None:
    """ "31 deaths" in the headline and "the deaths of 31 people" in the body are one figure;
    "including 31 children" in the year's tally is another."""
    text = (
        "Monitor documents 31 deaths on Saturday\n\n"
        "The monitor documented the deaths of 31 people on Saturday.\n\n"
        "The toll since the beginning of 2024 has risen to 412 people, among them 176 civilians, "
        "including 31 children."
    )
    thirty_one = {
        (f.group, f.scope) for f in EXTRACTOR.extract(text, PUBLISHED).figures if f.count == 31
    }
    assert thirty_one == {("people", "incident"), ("children", "cumulative")}


def test_a_relatives_age_set_off_by_commas_is_no_count() -> None:
    text = "A 10-year-old boy was killed and his cousin, 8, was injured by the landmine."
    counts = {f.count for f in EXTRACTOR.extract(text, PUBLISHED).figures}
    assert 8 not in counts and 1 in counts


def test_parts_of_two_different_tolls_are_two_figures() -> None:
    """ "7 civilians, including 2 children" and "5 civilians, including 2 children": the same
    count breaks down two tolls, so it is two groups of children, not one said twice."""
    text = (
        "On Monday, shelling killed 7 civilians, including 2 children, in one village. On "
        "Tuesday, a car bomb killed 5 civilians, including 2 children, in another."
    )
    counts = [(f.count, f.group) for f in EXTRACTOR.extract(text, PUBLISHED).figures]
    assert sorted(counts) == [(2, "children"), (2, "children"), (5, "civilians"), (7, "civilians")]
