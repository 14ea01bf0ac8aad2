"""What happened: the words that tie an amount to a kind (killed, injured, displaced, ...).

Phrases are tuples of lower-case tokens. ``POST`` phrases follow the counted people ("12 were
killed"), ``PRE`` phrases precede them ("killing 12"), ``HEAD_KINDS`` are nouns that carry a
kind themselves ("12 dead", "426 deaths"), ``TOLL`` nouns introduce a count ("toll of 12").
"""

from __future__ import annotations

from collections.abc import Container


def _phrases(kind: str, text: str) -> dict[tuple[str, ...], str]:
    return {tuple(p.split()): kind for p in text.split("|")}


POST: dict[tuple[str, ...], str] = {
    **_phrases(
        "killed",
        "killed|dead|died|die|dies|perished|slain|executed|murdered|massacred|martyred|"
        "shot dead|lost their lives|lost his life|lost her life|passed away|succumbed|"
        "burned to death|burnt to death|as dead|as killed|among the dead|among those killed|"
        "among the killed|"
        "among the fatalities|among the bodies|buried|confirmed dead|feared dead|killed|"
        "drowned|crushed|crushed to death|suffocated|electrocuted|among the victims|"
        "assassinated|gunned down|beheaded|stabbed to death|beaten to death|froze to death|"
        "frozen to death|since died|since succumbed|sacrificed their lives|gave their lives|"
        "whose bodies were found|whose bodies were recovered|whose bodies were pulled|"
        "arrived dead|dead on arrival|were dead on arrival",
    ),
    **_phrases(
        "injured",
        "injured|wounded|hurt|sustained injuries|suffered injuries|got injuries|"
        "received injuries|sustained wounds|suffered wounds|received treatment|as wounded|"
        "treated for injuries|treated for wounds|hospitalised|hospitalized|"
        "taken to hospital|rushed to hospital|admitted to hospital|taken to hospitals|"
        "as injured|treated|suffered burns|sustained burns|suffered fractures|"
        "among the injured|among the wounded|among those injured|among those wounded|"
        "lost a leg|lost his leg|lost her leg|lost both legs|lost a hand|lost his hand|"
        "lost an arm|lost his arm|lost an eye|lost his eye|lost her eye|lost a limb|lost limbs|"
        "had a leg amputated|had his leg amputated|had her leg amputated|lost his sight|"
        "received at|received in|admitted to|admitted at|brought to hospital|"
        "brought to hospitals|brought to the hospital",
    ),
    **_phrases(
        "displaced",
        "displaced|displacing|uprooted|fled|forced from their homes|forced out of their homes|"
        "forced to flee|forced to leave|fled their homes|left their homes|out of their homes|"
        "out of their houses|from their houses|fled their houses|left their houses|"
        "to leave their houses|driven from their homes|driven out|"
        "to leave their homes|to flee their homes|to flee|from their homes|"
        "sheltering|hosted|moved to|headed for|headed to|headed towards|crowded into|"
        "forced out|been forced out|had to be moved|were evacuated|been evacuated|"
        "had been forced out|moved into|arrived in|arrived at|"
        "sought refuge|sought shelter|have left|had left|may have left|left|"
        "in collective shelters|in shelters|in collective centres|in collective centers|"
        "in camps|newly displaced|internally displaced|staying in|staying with|"
        "living in tents|in makeshift camps|lost their shelter|lost their shelters|"
        "lost their homes|lost their tents|left homeless|made homeless|rendered homeless|"
        "arrived|arriving|since fled|since left|since been displaced|since abandoned|"
        "crossed into|crossed the border into|have crossed into|had crossed into|"
        "abandoned their homes|abandoned their houses|abandoned their villages|"
        "so far reached|have reached|had reached|have since reached|"
        "as refugees|registered as refugees|living as refugees|are idps|were idps|are refugees|"
        "were refugees",
    ),
    **_phrases("missing", "missing|unaccounted for|disappeared"),
    **_phrases(
        "detained",
        "detained|arrested|abducted|kidnapped|taken prisoner|taken hostage|captured",
    ),
}

PRE: dict[tuple[str, ...], str] = {
    **_phrases(
        "killed",
        "killing|killed|kill|kills|deaths of|death of|the deaths of|the death of|martyred|"
        "martyrdom of|the martyrdom of|"
        "killing of|the killing of|killings of|lives of|claimed the lives of|bodies of|"
        "life of|the life of|claimed the life of|"
        "the bodies of|executed|executing|execution of|massacred|slaughtered|shot dead|"
        "lost|losing|claimed|claiming|recovered|buried|wiping out|wiped out|wipe out|wipes out|"
        "killed along with|died along with|killed alongside|died alongside|assassinated|"
        "assassinating|assassination of|the assassination of",
    ),
    **_phrases(
        "injured",
        "wounding|wounded|injuring|injured|injure|injures|wounds|wound|injuries to|"
        "injury of|injuries of|the injury of|wounding of|maiming|treating|treated",
    ),
    **_phrases(
        "displaced",
        "displaced|displacing|displace|displaces|uprooted|uprooting|displacement of|"
        "the displacement of|forcing|forced|arrival of|the arrival of|arrivals of|"
        "pushed|pushing|prompted|prompting|drove|driving|helped|helping",
    ),
    **_phrases(
        "killed",
        "among the dead is|among the dead are|among the dead was|among the dead were|"
        "among those killed is|among those killed are|among those killed was|"
        "among those killed were|the dead included|the dead include|the dead were|"
        "among the victims is|among the victims are|among the victims was|"
        "among the victims were|the victims included|the victims include|the victims were|"
        "the dead , among them|the dead , including|the martyrs , among them|"
        "among the martyrs is|among the martyrs are|among the martyrs was|"
        "among the martyrs were|the martyrs included|the martyrs include|the martyrs were",
    ),
    **_phrases(
        "injured",
        "among the injured is|among the injured are|among the injured was|"
        "among the injured were|among the wounded is|among the wounded are|"
        "among the wounded was|among the wounded were|"
        "the wounded , among them|the wounded , including|the injured , among them|"
        "the injured , including",
    ),
    **_phrases("missing", "disappearance of"),
    **_phrases(
        "detained",
        "arrested|detained|abducted|kidnapped|arrest of|detention of|abduction of|"
        "arresting|detaining|abducting|kidnapping",
    ),
}
# Pre phrases that only count people when a group noun follows ("lost 8 fighters", not
# "lost 3 tanks"; "claimed 24 lives", "recovered 17 bodies").
PRE_NEEDS_GROUP = frozenset(
    {("lost",), ("losing",), ("claimed",), ("claiming",), ("recovered",), ("buried",)}
)
# Pre phrases that only displace when a flight follows ("forcing 300 families to flee", not
# "forced 20 soldiers to surrender").
PRE_NEEDS_FLIGHT = frozenset(
    {("forcing",), ("forced",), ("pushed",), ("pushing",), ("prompted",), ("prompting",),
     ("drove",), ("driving",), ("helped",), ("helping",)}
)  # fmt: skip
FLIGHT_WORDS = frozenset(
    {"leave", "flee", "seek", "abandon", "evacuate", "move", "relocate", "escape", "take"}
)

HEAD_KINDS: dict[str, str] = {
    "deaths": "killed",
    "dead": "killed",
    "fatalities": "killed",
    "lives": "killed",
    "bodies": "killed",
    "corpses": "killed",
    "martyrs": "killed",
    "killings": "killed",  # "documented 27 killings in the governorate"
    "killed": "killed",
    "injured": "injured",
    "wounded": "injured",
    "hurt": "injured",
    "injuries": "injured",
    "displaced": "displaced",
    "idps": "displaced",
    "idp": "displaced",
    "arrivals": "displaced",  # "380,000 new arrivals since April", "1,150 family arrivals"
    "refugees": "displaced",  # uprooted across a border: "hosts 3.6 million Syrian refugees"
    "missing": "missing",
}

# Nouns that introduce a count of some kind: "the toll rose to 12", "the dead at 300".
TOLL_NOUNS: dict[str, str] = {
    "toll": "killed",
    "tally": "killed",
    "dead": "killed",
    "displacement": "displaced",
}
NUMBER_NOUNS = frozenset({"number", "numbers", "count", "figure", "figures", "total", "tally"})
# Words that end the scan from a toll noun to its amount.
TOLL_LINKS = frozenset(
    {
        "to",
        "at",
        "of",
        "reached",
        "reaches",
        "reach",
        "stood",
        "stands",
        "above",
        "was",
        "is",
        "were",
        "are",
        ":",
        "hit",
        "hits",
        "exceeded",
        "exceeds",
        "passed",
        "topped",
        "surpassed",
        "as",
        "include",
        "included",
        "includes",
    }
)

# Words allowed between the counted people and a post phrase ("12 people have been killed").
AUXILIARIES = frozenset(
    {
        "were",
        "was",
        "are",
        "is",
        "have",
        "has",
        "had",
        "been",
        "being",
        "be",
        "reportedly",
        "also",
        "all",
        "later",
        "subsequently",
        "allegedly",
        "confirmed",
        "reported",
        "already",
        "still",
        "now",
        "initially",
        "either",
        "both",
        "who",
        "that",
        "which",
        "more",
        "further",
        "believed",
        "thought",
        "said",
        "says",
        "say",
        "to",
        "got",
        "getting",
        "in",
        "total",
        "so",
        "far",
        "directly",
        "instantly",
        "immediately",
        "apparently",
        "gone",
        "remain",
        "remained",
        "remains",
        "just",
        "altogether",
        "together",
        "it",
        "they",
        "he",
        "she",
        "officials",
        "lightly",
        "slightly",
        "seriously",
        "critically",
        "badly",
        "severely",
    }
)
# Modals that make the statement a guess or a warning, not a report.
MODALS = frozenset(
    {"could", "would", "might", "will", "may", "can", "should", "must", "likely", "expected"}
)
RETURN_WORDS = frozenset({"returned", "return", "returning", "returns", "returnees"})


def match_at(
    tokens: list[str], i: int, phrases: dict[tuple[str, ...], str], max_len: int = 5
) -> tuple[str, int] | None:
    """The longest phrase of ``phrases`` starting at ``tokens[i]``: (kind, length)."""
    for length in range(min(max_len, len(tokens) - i), 0, -1):
        kind = phrases.get(tuple(tokens[i : i + length]))
        if kind is not None:
            return kind, length
    return None


def match_ending(
    tokens: list[str], end: int, phrases: Container[tuple[str, ...]], max_len: int = 5
) -> tuple[str, ...] | None:
    """The longest phrase of ``phrases`` ending just before ``tokens[end]``."""
    for length in range(min(max_len, end), 0, -1):
        candidate = tuple(tokens[end - length : end])
        if candidate in phrases:
            return candidate
    return None
