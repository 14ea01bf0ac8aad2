"""Who was counted: the nouns after an amount and the group (SCHEMA.md) each one names."""

from __future__ import annotations

# Head nouns (lower case) and their group. Plural and singular forms both listed.
GROUP_NOUNS: dict[str, str] = {}


def _add(group: str, words: str) -> None:
    for word in words.split():
        GROUP_NOUNS[word] = group


_add(
    "people",
    "people person persons individuals individual others residents resident villagers "
    "villager inhabitants victims victim martyrs martyr bodies body dead patients patient "
    "shoppers worshippers worshipper passengers passenger pedestrians farmers farmer workers "
    "worker labourers laborers farmworkers harvester harvesters migrants migrant refugees "
    "refugee idps idp detainees prisoners prisoner inmates protesters protester "
    "demonstrators students student relatives relative guests mourners lives fatalities "
    "deaths casualties injuries wounded injured displaced killed survivors teacher teachers "
    "driver drivers shepherd shepherds technician technicians guard guards "
    "hunters hunter pickers picker gatherers herders herder fishermen fisherman miners "
    "brothers sisters cousins nephews nieces companions colleagues friends neighbours "
    "neighbors passers-by passersby bystanders bystander "
    "palestinians syrians ukrainians sudanese yemenis iraqis afghans bedouin bedouins "
    "alawites kurds christians druze",
)
_add("civilians", "civilians civilian citizens citizen")
_add(
    "children",
    "children child kids kid minors minor infants infant babies baby boys boy girls girl "
    "toddlers toddler pupils pupil schoolchildren schoolchild newborns newborn teenagers "
    "teenager sons daughters",
)
_add("women", "women woman mothers mother wives wife")
_add("men", "men man fathers father husbands husband")
_add(
    "combatants",
    "fighters fighter soldiers soldier troops militants militant combatants combatant rebels "
    "rebel insurgents insurgent jihadists jihadist jihadis gunmen gunman militiamen militiaman "
    "officers officer servicemen serviceman policemen policeman commanders commander recruits "
    "conscripts paramilitaries mercenaries snipers terrorists terrorist extremists members "
    "member personnel militia militias loyalists loyalist police leaders leader attackers forces "
    "assailants comrades elements peacekeepers peacekeeper",
)
_add(
    "aid_workers",
    "medics medic paramedics paramedic doctors doctor nurses nurse rescuers rescuer "
    "volunteers volunteer responders",
)
_add(
    "journalists",
    "journalists journalist reporters reporter photographers photographer cameramen "
    "cameraman correspondents correspondent",
)
_add("families", "families family households household")

# Nouns that only take a group from the words around them ("staff", "workers").
STAFF_NOUNS = frozenset({"staff", "employees", "employee", "workers", "worker", "personnel"})
AID_CUES = frozenset(
    {
        "aid",
        "humanitarian",
        "relief",
        "medical",
        "hospital",
        "health",
        "rescue",
        "ngo",
        "un",
        "unrwa",
        "msf",
        "helmets",
        "defence",
        "defense",
        "crescent",
        "cross",
        "ambulance",
    }
)
MEDIA_CUES = frozenset({"media", "press", "news", "tv", "television"})
ARMED_CUES = frozenset(
    {
        "military",
        "security",
        "army",
        "militia",
        "militias",
        "forces",
        "rebel",
        "rebels",
        "armed",
        "group",
        "hezbollah",
        "isis",
        "hts",
        "sdf",
        "ypg",
        "regiment",
        "brigade",
        "police",
    }
)
# Members of these are not combatants.
CIVIL_MEMBERSHIP = frozenset(
    {
        "family",
        "families",
        "public",
        "parliament",
        "staff",
        "crew",
        "community",
        "communities",
        "tribe",
        "clan",
        "congregation",
        "minority",
    }
)

# Words that may stand between an amount and its head noun without ending the phrase.
MODIFIERS = frozenset(
    {
        "civilian",
        "military",
        "government",
        "regime",
        "rebel",
        "opposition",
        "army",
        "security",
        "armed",
        "allied",
        "pro-government",
        "pro-regime",
        "pro-assad",
        "local",
        "foreign",
        "medical",
        "humanitarian",
        "aid",
        "relief",
        "health",
        "media",
        "unidentified",
        "other",
        "more",
        "further",
        "additional",
        "young",
        "elderly",
        "old",
        "newly",
        "new",
        "internally",
        "innocent",
        "unarmed",
        "suspected",
        "alleged",
        "displaced",
        "injured",
        "wounded",
        "dead",
        "killed",
        "kurdish",
        "turkish",
        "syrian",
        "russian",
        "iranian",
        "israeli",
        "palestinian",
        "ukrainian",
        "sudanese",
        "yemeni",
        "iraqi",
        "lebanese",
        "afghan",
        "arab",
        "druze",
        "alawite",
        "bedouin",
        "tribal",
        "clan",
        "christian",
        "kurdish-led",
        "iranian-backed",
        "turkish-backed",
        "russian-backed",
        "hospital",
        "school",
        "camp",
        "emergency",
        "rescue",
        "defence",
        "defense",
        "own",
        "female",
        "male",
        "adult",
        "teenage",
        "family",
        "enemy",
        "and",
        "child",
        "combatant",
        "women",
        "men",
        "police",
        "un",
        "ngo",
        "staff",
        "helmets",
        "white",
        "crescent",
        "red",
        # ranks and standing: "a senior Hezbollah commander", "a former rebel fighter"
        "senior",
        "top",
        "prominent",
        "former",
        "retired",
        "veteran",
        "high-ranking",
        "junior",
        "off-duty",
        "field",
    }
)

# Generic heads that take the group of a modifier: "civilian deaths", "combatant fatalities".
GENERIC_HEADS = frozenset(
    {"people", "persons", "lives", "deaths", "fatalities", "casualties", "victims", "dead"}
)
MODIFIER_GROUPS: dict[str, str] = {
    "civilian": "civilians",
    "combatant": "combatants",
    "military": "combatants",
    "child": "children",
}


def staff_group(context: list[str]) -> str | None:
    """The group of "staff"/"workers" from words near it: aid workers, journalists, fighters."""
    words = set(context)
    if words & MEDIA_CUES:
        return "journalists"
    # "Civil Defence" rescues; "National Defence Forces" fight
    defence = words & {"defence", "defense"}
    if words & (AID_CUES - {"defence", "defense"}) or (defence and "civil" in words):
        return "aid_workers"
    if words & (ARMED_CUES - {"group"}):
        return "combatants"
    return None
