"""The extractor: an article (text, publication date) reduced to figures and places.

Pure: no I/O, no state between calls. ``default_extractor`` loads the shipped gazetteer once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from digests.extract.damage import find_damage
from digests.extract.dates import resolve_date
from digests.extract.figures import hosts_uprooted, may_hold_figures, read_sentence
from digests.extract.groups import GROUP_NOUNS
from digests.extract.kinds import POST
from digests.extract.model import Extraction, Figure, Kind, Place, PlaceMention, Qualifier
from digests.extract.numbers import Token, read_amount, tokenize
from digests.extract.phrases import Phrase
from digests.extract.scope import (
    PROFESSION_RUNNING_DEATHS,
    RUNNING_TOTAL_DEATHS,
    STOCK_DISPLACED,
    WAR_SCALE_DEATHS,
    is_cumulative,
    is_cumulative_since_then,
    is_displacement_stock,
)
from digests.extract.sentences import Sentence, segment
from digests.extract.sources import find_source
from digests.extract.tables import TableRow, find_table_rows, kind_named, label_meaning
from digests.extract.translit import fold

if TYPE_CHECKING:
    from digests.extract.gazetteer import Gazetteer

# Articles run to tens of kilobytes; what lies beyond this is not an article, and reading it
# would only let a hostile input make extraction slow.
MAX_ARTICLE_CHARS = 300_000
_MAX_QUOTE = 400
_SOURCE_REACH = 6  # sentences back in a paragraph where a source may have been named
_COMPATIBLE_GROUPS = frozenset({"people", "civilians"})


class PlaceFinder(Protocol):
    """What the extractor needs of a gazetteer: the places named in a text, in order."""

    def find(self, text: str) -> list[PlaceMention]: ...


@dataclass(slots=True)
class _Found:
    """A figure with what deciding duplicates needs to know about where it came from."""

    figure: Figure
    places: frozenset[str]
    explicit_source: bool
    explicit_date: bool
    definite: bool
    stale: bool
    headline: bool = False  # read from the first line: a headline restates the body
    spot: tuple[int, int] = (-1, -1)  # sentence and offset: two counts of one sentence differ
    paragraph: int = 0
    restated: bool = False  # a later mention of the same count has been folded into this one
    row: bool = False  # read from a pipe table's row: an incident of its own
    labels_list: bool = False  # a label line over items ("SDF MEMBERS: 3" over "- Killed ...")
    labelled: bool = False  # "Killed under torture: 3": the label says whom the count counts
    share: bool = False  # an item of a breakdown "by perpetrator", "by governorate", ...
    inline: bool = False  # a cell of a one-line breakdown ("Daraa 27 | Idlib 18")


class Extractor:
    """Reads figures and places from articles with one gazetteer."""

    def __init__(self, gazetteer: Gazetteer | PlaceFinder) -> None:
        self._gazetteer = gazetteer

    def extract(self, text: str, published: date) -> Extraction:
        """Figures and places of one article; never raises on any string."""
        if not isinstance(text, str) or not text.strip():
            return Extraction()
        if isinstance(published, datetime):
            published = published.date()  # dates are compared with dates only
        text = _unbracket_counts(text[:MAX_ARTICLE_CHARS])
        segmented = segment(text)
        mentions = sorted(
            (m for m in self._find_places(text) if not segmented.is_skipped(m.start)),
            key=lambda m: m.start,
        )
        reading = _Reading(segmented.sentences, mentions, published, text)
        rows = find_table_rows(text)
        row_starts = [row.start for row in rows]
        read_rows: set[int] = set()
        for index, sentence in enumerate(segmented.sentences):
            at = bisect_right(row_starts, sentence.start) - 1
            if at >= 0 and sentence.start < rows[at].end:
                # a row is read whole, once, as its table says; a one-line table is rows
                # that share their line
                for same_line in range(bisect_left(row_starts, rows[at].start), at + 1):
                    if same_line not in read_rows:
                        read_rows.add(same_line)
                        reading.read_table_row(index, rows[same_line])
                continue
            damage_words = _DAMAGE_WORDS.search(sentence.text) is not None
            if (
                not damage_words
                and not may_hold_figures(sentence.text)
                and reading.frame(index) is None
            ):
                continue
            tokens = tokenize(_prepared_for_reading(sentence.text))
            reading.read(index, tokens)
            if damage_words:
                reading.read_damage(index, tokens)
        places, spellings = _distinct_places(mentions)
        return Extraction(figures=_deduplicate(reading.found), places=places, spellings=spellings)

    def _find_places(self, text: str) -> list[PlaceMention]:
        try:
            return list(self._gazetteer.find(text))
        except (ValueError, LookupError, IndexError, TypeError):
            return []  # a gazetteer fault must not cost the figures


_SENTENCE_ENDS = (".", "!", "?", '"', "”")
_DAMAGE_WORDS = re.compile(r"damag|destroy|levelled|leveled|razed|flattened", re.IGNORECASE)


@dataclass(slots=True)
class _SentenceContext:
    """What every figure of one sentence shares: source, date, scope, places."""

    source: str | None
    when: date | None
    cumulative: bool
    since: bool  # the sentence counts "since" some moment
    perfect: bool  # "have been killed": a very large toll so told is a running total
    stock: bool  # "7.2 million people remain displaced": how many are, not how many fled
    places: list[PlaceMention]
    specific: list[PlaceMention] = field(default_factory=list)  # no reference points
    clause_breaks: list[tuple[int, int]] = field(default_factory=list)  # within the sentence


@dataclass(frozen=True, slots=True)
class _Setting:
    """Where and when a figure happened, for the parts that break it down."""

    mention: PlaceMention | None
    when: date | None


class _Reading:
    """The state of reading one article, sentence after sentence."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        mentions: list[PlaceMention],
        published: date,
        text: str = "",
    ) -> None:
        self.sentences = sentences
        self.text = text
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.published = published
        self.main_place = _main_place(mentions, sentences)
        self.found: list[_Found] = []
        self.previous: Phrase | None = None
        self.scopes: dict[int, bool] = {}
        self.known_kinds: dict[int, str] = {}
        self.source_cache: dict[int, str | None] = {}
        self.settings: dict[int, _Setting] = {}  # where and when each figure read happened
        self.paragraph_places: dict[int, PlaceMention | None] = {}  # last figure's place
        self.paragraph_days: dict[int, date | None] = {}  # and the day it happened
        self.sentence_kinds: dict[int, str | None] = {}  # the kind each sentence counted
        self.frames: dict[int, tuple[str, str | None] | None] = {}
        # "Of the 9,840 people who left, ...": the kind the opening gives, and where it ends
        self.partitives: dict[int, tuple[tuple[str, str | None], int] | None] = {}
        self.sentence_groups: dict[int, str] = {}  # the group a sentence's first count names

    def list_frame(self, index: int) -> tuple[str, str | None] | None:
        """The kind (and group) a list item or a "LABEL: N" line takes from its header:
        "KEY FIGURES ... deaths" lists, "SOHR documented the death of 412 people,
        distributed as follows:" then "CIVILIANS: 180" and "- 91 members of ...".
        The header is the nearest line before the items that is not an item."""
        if index not in self.frames:
            self.frames[index] = self._find_frame(index)
        return self.frames[index]

    def frame(self, index: int) -> tuple[str, str | None] | None:
        """The kind (and group) a sentence's counts take from what frames them."""
        partitive = self._partitive_frame(index)
        return self.list_frame(index) or (partitive[0] if partitive else None)

    def _partitive_frame(self, index: int) -> tuple[tuple[str, str | None], int] | None:
        if index not in self.partitives:
            self.partitives[index] = self._find_partitive(index)
        return self.partitives[index]

    def _find_partitive(self, index: int) -> tuple[tuple[str, str | None], int] | None:
        """ "Of the twenty-three, eleven were civilians": the counts after the opening are
        parts of a count of a known kind, the one told before or the one the opening names
        ("Of the 9,840 people who left, 4,700 are children"), and where the parts begin."""
        text = self.sentences[index].text
        named = _AMONG_KIND.match(text)
        if named is not None:  # "Among the injured persons, 4 are women"
            kind = kind_named(named.group(1), _HEADING_KINDS)
            return ((kind, None), named.end()) if kind else None
        match = _PARTITIVE.match(text)
        if match is None:
            return None
        tokens = tokenize(match.group(1))
        amount = read_amount(tokens, 0) if tokens else None
        if amount is None or amount.value is None:
            return None
        words = match.group(2)
        kind = self.known_kinds.get(amount.value) or _kind_named(words) or _verb_kind(words)
        return ((kind, None), match.end()) if kind else None

    def _continues_an_item(self, index: int) -> bool:
        """A sentence after a list item in the same paragraph, not starting a line of its own."""
        if index == 0:
            return False
        before, sentence = self.sentences[index - 1], self.sentences[index]
        return (
            before.paragraph == sentence.paragraph
            and _is_item(before.text)
            and not before.text.endswith("\n")
            and self._same_line(before, sentence)
        )

    def _same_paragraph(self, index: int) -> bool:
        """Whether sentence ``index`` continues the paragraph of the one before it."""
        return index > 0 and self.sentences[index - 1].paragraph == self.sentences[index].paragraph

    def _same_line(self, before: Sentence, sentence: Sentence) -> bool:
        return "\n" not in self.text[before.end : sentence.start]

    def _heads_a_list(self, index: int) -> bool:
        """A line ending in a colon right before a bulleted item: a list's (sub)header."""
        text = self.sentences[index].text.strip()
        following = self.sentences[index + 1].text if index + 1 < len(self.sentences) else ""
        return text.endswith(":") and _is_item(following)

    def _shares_out(self, index: int) -> bool:
        """Whether the sentence is an item of a list headed "Civilian deaths by perpetrator
        party", "Deaths by governorate": a part of a total, not an incident of its own."""
        if not _is_item(self.sentences[index].text):
            return False
        for back in range(index - 1, max(-1, index - _LIST_REACH), -1):
            text = self.sentences[back].text
            if not _is_item(text):
                return _BREAKDOWN_HEADER.search(text) is not None
        return False

    def _labels_a_list(self, index: int) -> bool:
        """ "SDF MEMBERS: 3" over "- Killed by a drone strike ...": a count of its own that
        the items below tell of, not a key figure restating the body."""
        text = self.sentences[index].text.strip()
        following = self.sentences[index + 1].text if index + 1 < len(self.sentences) else ""
        return _LABEL_LINE.match(text) is not None and _is_item(following)

    def _find_frame(self, index: int) -> tuple[str, str | None] | None:
        text = self.sentences[index].text.strip()
        named = _KIND_LABEL.match(text)
        if named is not None:
            # "Injured: 2", "Civilians killed since 24 Feb 2022, verified by the UN: 9,369":
            # the label names what its number counts
            kind, group = label_meaning(named.group(1))
            if kind is not None:
                return kind, group
        if named is not None and _COUNTED_THINGS & set(named.group(1).lower().split()):
            return None  # "Assassination attempts: 46", "Settlements hit: 14": no people
        bulleted = _BULLET_LABEL.match(text)
        label = _LABEL_LINE.match(text)
        # "Nine civilians, including three children and a woman:" under "SOHR documented
        # the deaths of 31 people, distributed as follows:" heads a sublist of that count.
        subheader = not _is_item(text) and not label and self._heads_a_list(index)
        if not (_is_item(text) or label or subheader):
            return None
        group = _label_group(label.group(1)) if label else None
        if bulleted is not None:
            group = label_meaning(bulleted.group(1))[1]  # "– of them civilians: 19"
        for back in range(index - 1, max(-1, index - _LIST_REACH), -1):
            line = self.sentences[back].text.strip()
            item = _is_item(line) or _LABEL_LINE.match(line) is not None
            kind = self.sentence_kinds.get(back)
            parent = _KIND_LABEL.match(line)
            if bulleted is not None and parent is not None:
                # "Killed: 41" then "– of them civilians: 19": the sub-items of a count
                parent_kind = label_meaning(parent.group(1))[0]
                if parent_kind is not None:
                    return parent_kind, group
            if item:
                if line.endswith(":") and kind:
                    return kind, group  # "CIVILIANS: 180, ... :" heads the items after it
                continue
            if self._continues_an_item(back):
                continue  # "- 664,000 displaced. The number had reached ...": the same item
            if line.endswith(":") or (len(line) <= _HEADING_CHARS and line[-1:] != "."):
                kind = kind or _kind_named(line)
                if kind and self._heads_a_list(back) and not subheader:
                    # "Fourteen members of regime forces:" then "- Nine in an attack ...":
                    # the items are of the sublist's group
                    group = group or self.sentence_groups.get(back)
                if kind is None and line.endswith(":") and self._same_paragraph(back):
                    kind = self.sentence_kinds.get(back - 1)  # "... deaths of 31 people."
                    # then "They are distributed as follows:"
                if _BY_PERPETRATOR.search(line):
                    group = "people"  # "Syrian regime forces: 38" names who killed, not who died
                return (kind, group) if kind else None
            # "DTM has verified the arrival of 14,000 households." then "- Sennar State:
            # 6,200 households": a list right after a counting sentence breaks it down.
            return (kind, group) if kind else None
        return None

    def context(self, index: int) -> _SentenceContext:
        sentence = self.sentences[index]
        low = bisect_left(self.starts, sentence.start)
        high = bisect_left(self.starts, sentence.end)
        places = [
            m
            for m in self.mentions[low:high]
            if m.place.feature != "country" and not _names_an_office(self.sentences[index], m)
        ]
        # "Since 28 April, UOSSM has recorded:" then "- at least 637 people killed": a list
        # item is read with its header, which says over what period it counts.
        header = _list_header(self.sentences, index)
        framed = f"{header} {sentence.text}" if header else sentence.text
        return _SentenceContext(
            source=_source(self.sentences, index, self.source_cache),
            when=resolve_date(sentence.text, self.published),
            cumulative=is_cumulative(framed, self.published)
            or (
                index > 0
                and self.sentences[index - 1].paragraph == sentence.paragraph
                and (
                    is_cumulative_since_then(
                        sentence.text, self.sentences[index - 1].text, self.published
                    )
                    or (
                        _REFERS_BACK.match(sentence.text) is not None
                        and is_cumulative(self.sentences[index - 1].text, self.published)
                    )
                )
            ),
            since=" since " in f" {framed.lower()} ",
            perfect=_PERFECT_DEATHS.search(framed) is not None,
            stock=is_displacement_stock(framed),
            places=places,
            specific=_specific_places(places, sentence) or places,
            clause_breaks=[(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence.text)]
            if places
            else [],
        )

    def read(self, index: int, tokens: list[Token]) -> None:
        """The figures of one sentence."""
        self._read_part(index, tokens, self.frame(index))
        partitive = self._partitive_frame(index)
        if partitive is not None:
            # "Of the 9,840 people who left, 4,700 are children": what follows the opening's
            # comma is read again, as parts of the count the opening names (a count read
            # twice at one spot is kept once)
            frame, comma = partitive
            cut = next((k for k, t in enumerate(tokens) if t.start >= comma), len(tokens))
            self._read_part(index, tokens[cut:], frame)

    def _read_part(
        self,
        index: int,
        tokens: list[Token],
        frame: tuple[str, str | None] | None,
        row: TableRow | None = None,
    ) -> None:
        """The figures of a sentence or part of one; ``row`` when the part is a table row's
        notes, which happened where the row did."""
        previous_kind = self.previous.kind if self.previous else None
        phrases = read_sentence(tokens, self.previous, previous_kind, self.known_kinds, frame)
        if not phrases:
            return
        if index not in self.sentence_kinds or self.sentence_kinds[index] is None:
            self.sentence_kinds[index] = next((p.kind for p in phrases if p.kind), None)
        first_group = phrases[0].resolved_group()
        if first_group != "people":
            self.sentence_groups.setdefault(index, first_group)
        context = self.context(index)
        update_at = _running_total_update(tokens)
        for phrase in phrases:
            # "1,300 fled, bringing the number since January to 41,000": the newcomers are
            # the incident, only the total after the update verb runs over the period
            before_update = update_at is not None and phrase.first < update_at
            cumulative = self._cumulative(
                phrase,
                context.cumulative and not before_update,
                context.since,
                context.perfect,
                context.stock,
                refugees=_counts_refugees(tokens, phrase) or hosts_uprooted(phrase),
            )
            linked = phrase.parent or phrase.sibling
            by_group = phrase.group is not None and phrase.group != "people"
            self.add(
                index,
                context,
                offset=tokens[phrase.amount.start].start,
                inherited=self.settings.get(id(linked)) if linked and by_group else None,
                key=id(phrase),
                kind=_kind(phrase.kind),
                count=phrase.value,
                group=phrase.resolved_group(),
                qualifier=_qualifier(phrase.qualifier),
                cumulative=cumulative,
                high=phrase.high,
                definite=phrase.definite,
                stale=phrase.stale,
                row=row,
            )
            if phrase.value is not None and phrase.kind:
                self.known_kinds.setdefault(phrase.value, phrase.kind)
        self.previous = phrases[-1]

    def read_table_row(self, index: int, row: TableRow) -> None:
        """The counts of one table row, each of its column's kind and group."""
        context = self.context(index)
        start = self.sentences[index].start
        cumulative = context.cumulative or is_cumulative(row.caption, self.published)
        first_cell = len(self.found)
        for cell in row.cells:
            self.add(
                index,
                context,
                offset=cell.offset - start,
                kind=cell.kind,  # type: ignore[arg-type]
                count=cell.count,
                group=cell.group,
                qualifier="exact",
                cumulative=cumulative,
                row=row,
            )
        if row.cells:
            # "| 7 | 4 | Including 3 children, 1 woman ...": the notes break down the row's
            # first count
            frame = (row.cells[0].kind, None)
            first_note = len(self.found)
            for offset, note in row.notes:
                shift = offset - start
                tokens = [
                    Token(t.text, t.low, t.start + shift, t.end + shift)
                    for t in tokenize(_prepared_for_reading(note))
                ]
                self._read_part(index, tokens, frame, row)
            self._fold_restating_notes(first_cell, first_note)

    def _fold_restating_notes(self, first_cell: int, first_note: int) -> None:
        """ "| 1 | 3 | A woman killed in her home": a note that counts the row's own count
        again says who they were; it is no second figure."""
        counted = self.found[first_cell:first_note]
        notes = self.found[first_note:]
        kept = []
        for note in notes:
            same = next(
                (
                    c
                    for c in counted
                    if c.figure.kind == note.figure.kind and c.figure.count == note.figure.count
                ),
                None,
            )
            if same is None:
                kept.append(note)
            elif same.figure.group == "people":
                same.figure = replace(same.figure, group=note.figure.group)
        self.found[first_note:] = kept

    def _row_place(self, row: TableRow) -> PlaceMention | None:
        """The place a row names in its naming cells: the most local, the first of equals."""
        named: list[PlaceMention] = []
        for offset, cell in row.names or ((row.label_offset, row.label),):
            low = bisect_left(self.starts, offset)
            high = bisect_left(self.starts, offset + len(cell))
            named += [m for m in self.mentions[low:high] if m.place.feature != "country"]
        # a town's row over its governorate's: "| Idleb | Dana |", "| Saraqib | Idlib |"
        return min(named, key=lambda m: _WIDTH.get(m.place.feature or "", 0), default=None)

    def read_damage(self, index: int, tokens: list[Token]) -> None:
        """Counts of damaged buildings in one sentence (kind ``damaged``)."""
        damages = find_damage(tokens)
        if not damages:
            return
        context = self.context(index)
        for damage in damages:
            self.add(
                index,
                context,
                offset=tokens[damage.start].start,
                kind="damaged",
                count=damage.value,
                group=damage.group,
                qualifier=_qualifier(damage.qualifier),
                cumulative=context.cumulative,
            )

    def _referred_to(self, index: int) -> PlaceMention | None:
        """The place "there" (or "in the town") points back to: the last place named in the
        sentence before, which need not be where the article's last figure happened."""
        sentence = self.sentences[index]
        if index == 0 or not _POINTS_BACK.search(sentence.text):
            return None
        before = self.sentences[index - 1]
        low = bisect_left(self.starts, before.start)
        high = bisect_left(self.starts, before.end)
        named = [
            m
            for m in self.mentions[low:high]
            if m.place.feature != "country" and not _names_an_office(before, m)
        ]
        specific = _specific_places(named, before)
        return specific[-1] if specific else None

    def _cumulative(
        self,
        phrase: Phrase,
        sentence_cumulative: bool,
        since: bool,
        perfect: bool = False,
        stock: bool = False,
        *,
        refugees: bool = False,
    ) -> bool:
        """A breakdown shares its total's scope; a war-scale death toll is always a total."""
        linked = phrase.parent or phrase.sibling
        cumulative = sentence_cumulative
        if linked is not None and self.scopes.get(id(linked), False):
            cumulative = True
        deaths = (phrase.value or 0) if phrase.kind == "killed" else 0
        if (
            deaths >= WAR_SCALE_DEATHS
            or (deaths >= RUNNING_TOTAL_DEATHS and since)
            or (deaths >= PERFECT_RUNNING_DEATHS and perfect)
        ):
            cumulative = True  # "35,000 killed since October 7": a running total
        if deaths >= PROFESSION_RUNNING_DEATHS and phrase.resolved_group() in _PROFESSIONS:
            cumulative = True  # "more than 200 of its staff have been killed": a war's tally
        displaced = (phrase.value or 0) if phrase.kind == "displaced" else 0
        if (displaced >= STOCK_DISPLACED and stock) or (displaced and refugees):
            cumulative = True  # a country's displaced or refugees, counted over the years
        self.scopes[id(phrase)] = cumulative
        return cumulative

    def add(
        self,
        index: int,
        context: _SentenceContext,
        *,
        offset: int,
        kind: Kind,
        inherited: _Setting | None = None,
        key: int = 0,
        count: int | None,
        group: str,
        qualifier: Qualifier,
        cumulative: bool,
        high: int | None = None,
        definite: bool = False,
        stale: bool = False,
        row: TableRow | None = None,
    ) -> None:
        if count == 0:
            return  # "Killed: 0": nobody, which is no figure
        sentence = self.sentences[index]
        when = context.when
        if row is not None:
            # a table row happened where its label names, else over the table's area
            mention = self._row_place(row)
        elif inherited is not None:
            # "including six children": a part happened where and when its total did
            mention, when = inherited.mention, when or inherited.when
        else:
            mention = _nearest(context, sentence, offset) or self._referred_to(index)
            if mention is None:
                if _area_wide(sentence.text, offset):
                    # counted over an area: unplaced, and so is what the paragraph says next
                    # of it ("The number had reached 1.1 million on 12 December")
                    self.paragraph_places[sentence.paragraph] = None
                elif sentence.paragraph in self.paragraph_places:
                    # "... killing four civilians. The dead included a woman": the paragraph
                    # goes on about the same incident, in the same place and on the same day
                    mention = self.paragraph_places[sentence.paragraph]
                    when = when or self.paragraph_days.get(sentence.paragraph)
                else:
                    mention = self.main_place
        if mention is not None:
            self.paragraph_places[sentence.paragraph] = mention
            self.paragraph_days[sentence.paragraph] = when
        self.settings[key] = _Setting(mention, when)
        figure = Figure(
            kind=kind,
            count=count,
            group=group,
            qualifier=qualifier,
            scope="cumulative" if cumulative else "incident",
            place=mention.place.name if mention else None,
            date=when,
            source=context.source,
            quote=_quote(sentence.text),
            count_high=high,
            place_record=mention.place if mention else None,
        )
        places = frozenset(m.place.name for m in context.places)
        table_line = row is None and _incident_line(sentence.text)
        labels_list = self._labels_a_list(index)
        if row is not None and not row.total:
            # rows of one table are apart, as are a row and the body's count of elsewhere
            places = frozenset({mention.place.name if mention else f"row: {row.label}"})
        self.found.append(
            _Found(
                figure,
                places=places,
                explicit_source=context.source is not None,
                explicit_date=context.when is not None,
                definite=definite,
                stale=stale,
                headline=row is None
                and not table_line
                and not labels_list
                and _restates(index, sentence.text),
                spot=(index, offset),
                paragraph=sentence.paragraph,
                row=table_line,
                labels_list=labels_list,
                labelled=_is_label_line(sentence.text),
                share=self._shares_out(index),
                inline=row is not None and row.inline,
            )
        )


def _is_label_line(text: str) -> bool:
    """ "Killed: 41", "CIVILIANS: 9", "Killed under torture in regime detention: 3": a label
    that says what its count counts (not "TOTAL ..... 412", not "Since 1 January: ...")."""
    stripped = text.strip()
    label = _LABEL_LINE.match(stripped) or _KIND_LABEL.match(stripped)
    return label is not None and label_meaning(label.group(1)) != (None, None)


def _incident_line(text: str) -> bool:
    """A row of a pipe table read as text ("| 3 March | Ariha | ... | 2 civilians killed |"):
    an incident of its own, unless it totals the others."""
    cells = text.strip().split("|")
    return len(cells) > 2 and not cells[0] and not cells[1].strip().lower().startswith("total")


_LIST_ITEM_CHARS = 80  # a short line without a full stop: a key-figures item or a heading


def _restates(index: int, text: str) -> bool:
    """A headline, or a short key-figures line ("- 2 deaths reported"), restates the body."""
    stripped = text.rstrip()
    if stripped.endswith(_SENTENCE_ENDS):
        return False
    return index == 0 or len(stripped) <= _LIST_ITEM_CHARS


_UPDATE_VERBS = frozenset({"bringing", "raising", "taking", "pushing", "lifting"})
_TOTAL_WORDS = frozenset({"total", "toll", "tally", "number", "count", "figure"})


def _running_total_update(tokens: list[Token]) -> int | None:
    """The token of "bringing/raising ... the total" in a sentence, if any."""
    lows = [t.low for t in tokens]
    for i, low in enumerate(lows):
        if low in _UPDATE_VERBS and not _TOTAL_WORDS.isdisjoint(lows[i + 1 : i + 5]):
            return i
    return None


def default_extractor(preferred_admin1: Sequence[str] = ()) -> Extractor:
    """An extractor over the shipped gazetteer, read once per process."""
    from digests.extract.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    if preferred_admin1:
        gazetteer = gazetteer.with_preferred_admin1(preferred_admin1)
    return Extractor(gazetteer)


def _kind(kind: str | None) -> Kind:
    allowed: tuple[Kind, ...] = ("killed", "injured", "displaced", "missing", "detained", "damaged")
    for candidate in allowed:
        if candidate == kind:
            return candidate
    return "killed"


def _qualifier(qualifier: str) -> Qualifier:
    allowed: tuple[Qualifier, ...] = ("exact", "at_least", "more_than", "about", "up_to", "vague")
    for candidate in allowed:
        if candidate == qualifier:
            return candidate
    return "exact"


def _quote(text: str) -> str:
    quote = " ".join(text.split())
    if len(quote) > _MAX_QUOTE:
        quote = quote[: _MAX_QUOTE - 1].rstrip() + "…"
    return quote


_BULLETS = ("-", "•", "*", "–", "·")
# "A. Russian forces: 81 civilians", "3) Idlib: 12": a lettered or numbered item.
_ENUMERATED = re.compile(r"^\s*(?:[A-Za-z]|\d{1,2})[.)]\s+\S")


def _is_item(text: str) -> bool:
    """A list item: bulleted, lettered or numbered."""
    return text.lstrip().startswith(_BULLETS) or _ENUMERATED.match(text) is not None


# "CIVILIANS: 180", "ISIS (the self-proclaimed Islamic State): 3 civilians"
_LABEL_LINE = re.compile(r"^([A-Z][A-Za-z '’()/&,-]{2,90}):\s*\d")
_KIND_LABEL = re.compile(r"^([A-Z][^:.;!?—]{2,90}?)(?::|\s*\.{3,}|\s+[—–]\s)\s*\d")
_BREAKDOWN_HEADER = re.compile(
    r"\bperpetrat|\bby (?:the )?(?:party|parties|actor|governorate|province|area|region|"
    r"district|location|town|city|month|group)\b",
    re.IGNORECASE,
)
_BY_PERPETRATOR = re.compile(r"\bperpetrat|\bby (?:the )?(?:party|parties|actor)", re.I)
_HEADING_KINDS = {"casualties": "injured", "victims": "killed", "toll": "killed"}
_BULLET_LABEL = re.compile(r"^[-•*–·]\s*([^:.;!?]{2,90}):\s*\d")
# Labels of counts of things, not people: "Arrests: 38", "Settlements hit: 14".
_COUNTED_THINGS = frozenset(
    {
        "attempts",
        "arrests",
        "strikes",
        "attacks",
        "shells",
        "drones",
        "missiles",
        "raids",
        "violations",
        "settlements",
        "incidents",
        "explosions",
        "operations",
        "houses",
        "homes",
        "schools",
        "buildings",
        "trucks",
        "sorties",
        "rockets",
        "hit",
        "down",
        "launched",
    }
)
_WIDTH = {"capital": 1, "city": 1, "province": 2, "region": 2, "country": 3}
_LIST_REACH = 40  # lines back from an item to its list's header
_HEADING_CHARS = 100


def _kind_named(line: str) -> str | None:
    """The kind a heading names: "MOST AFFECTED SUB-DISTRICTS (deaths)"; a heading's
    "casualties" are the wounded beside the dead it lists apart, and the "victims" a
    report distributes by perpetrator or governorate are its dead."""
    return kind_named(line, _HEADING_KINDS)


def _label_group(label: str) -> str | None:
    """ "CIVILIANS: 180": the group a label names; "NON-CIVILIANS" are combatants."""
    low = label.strip().lower()
    if low.startswith(("non-civilian", "non civilian", "military")):
        return "combatants"
    named = GROUP_NOUNS.get(low) or label_meaning(low)[1]
    if named is None and not _FACTIONS.isdisjoint(re.findall(r"[a-z]+", low)):
        return "combatants"  # "HTS AND OTHER FACTIONS: 5"
    return named


_FACTIONS = frozenset({"faction", "factions", "militia", "militias"})


def _list_header(sentences: Sequence[Sentence], index: int) -> str | None:
    """The line ending in a colon that a list item belongs to, when the sentence is one."""
    if not _is_item(sentences[index].text):
        return None
    # Items may stand in paragraphs of their own (each <li> or <p> of a web page): the
    # header is the nearest sentence before them that is not an item.
    for back in range(index - 1, -1, -1):
        text = sentences[back].text.strip()
        if not _is_item(text):
            return text if text.endswith(":") else None
    return None


def _source(sentences: Sequence[Sentence], index: int, cache: dict[int, str | None]) -> str | None:
    """The source the sentence names, else the last one named shortly before in its
    paragraph."""
    paragraph = sentences[index].paragraph
    for back in range(index, max(-1, index - _SOURCE_REACH), -1):
        if sentences[back].paragraph != paragraph:
            break
        if back < index and _is_item(sentences[back + 1].text):
            break  # each bullet is a statement of its own, with its own source or none
        if back not in cache:
            cache[back] = find_source(sentences[back].text)
        if cache[back] is not None:
            return cache[back]
    return None


# How specific a kind of place is: an article is about the most specific place it opens with.
_SPECIFICITY = {
    "neighbourhood": 0,
    "camp": 0,
    "village": 0,
    "town": 0,
    "city": 1,
    "district": 2,
    "region": 3,
    "province": 3,
}
_LEAD_SENTENCES = 2


def _main_place(mentions: list[PlaceMention], sentences: Sequence[Sentence]) -> PlaceMention | None:
    """The place an article is about: the most specific place of its headline and lead,
    else the first place it names (countries only when nothing else is named)."""
    local = [m for m in mentions if m.place.feature != "country"]
    if not local:
        return mentions[0] if mentions else None
    lead_end = sentences[min(len(sentences), _LEAD_SENTENCES) - 1].end if sentences else 0
    lead = [m for m in local if m.start < lead_end]
    if not lead:
        return local[0]
    # "Idlib's Ariha": Idlib names the province Ariha is in, so Ariha is the place
    containers = {fold(m.place.admin1) for m in lead if m.place.admin1}
    inner = [m for m in lead if fold(m.place.name) not in containers] or lead
    return min(inner, key=lambda m: (_SPECIFICITY.get(m.place.feature or "", 1), m.start))


# "38,000 people have been killed in the Strip": a war's toll; an earthquake's "have died,
# taking the toll above 11,000" is one incident, so the bar stands well above that.
PERFECT_RUNNING_DEATHS = 20_000
# A sentence that counts over an area or several days names no place of the article's: "In
# the last two days alone at least 73 people have been killed", "664,000 people are still
# newly displaced nationwide". Its figures stay unplaced rather than take the town the
# article is about, so that the town's own toll is not taken for the area's.
_AREA_WIDE = re.compile(
    r"\b(?:(?:killed|dead|died|deaths|injured|wounded|displaced|uprooted) (?:\w+ )?"
    r"(?:nationwide|countrywide|across the country)|across (?:all of )?(?:the )?"
    r"(?:country|region|province|governorate|territory)|"
    r"in the (?:last|past) (?:two|three|four|five|six|seven|\d+|few|several) (?:days|weeks)|"
    r"in the (?:last|past) (?:24|48|72) hours|in recent days|"
    r"(?:mostly|mainly|largely) in the (?:north-?west|north-?east|south-?west|south-?east|"
    r"north|south|east|west)(?! of)(?!ern)(?!-)|in the (?:north-?west|north-?east|south-?west|"
    r"south-?east)(?! of)(?!ern))\b",
    re.IGNORECASE,
)
_AREA_REACH = 50  # characters between a count and the words that make it an area's
_TAIL_WORDS = ("mostly", "mainly", "largely")


def _area_wide(sentence: str, offset: int) -> bool:
    """Whether the count at ``offset`` is told for an area or several days (see above)."""
    end = len(sentence.rstrip(' .;"”'))
    return any(
        match.start() - _AREA_REACH <= offset <= match.end() + _AREA_REACH
        # "..., mostly in the north-west.": said of the whole sentence
        or (match.end() >= end and match.group().lower().startswith(_TAIL_WORDS))
        for match in _AREA_WIDE.finditer(sentence)
    )


_PROFESSIONS = frozenset({"aid_workers", "journalists"})

_PERFECT_DEATHS = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|so far\s+|already\s+)?(?:been\s+)?(?:killed|died)\b",
    re.IGNORECASE,
)


# "Of the twenty-three, ...", "Among the 9,840 people who left during the period, ...":
# the amount, then what the opening says of those it counts, up to the comma.
_PARTITIVE = re.compile(
    r"^\s*(?:of|among) (?:the|these|those) ([\w,.-]+(?: (?:hundred|thousand|million))?)"
    r"\b([^,;:]{0,140}),",
    re.IGNORECASE,
)


# "Martyred (4) civilians, among them (2) children": translations from Arabic set counts in
# brackets. A bracketed number followed by a word reads as the bare number.
# "Martyred (4) civilians"; not "Ariha (9,800) and ...", a place's count in brackets.
_BRACKETED_COUNT = re.compile(r"\((\d[\d,]*)\)(?= (?!and\b|or\b)[^\W\d_])")


def _unbracket_counts(text: str) -> str:
    """The text with bracketed counts bare, each bracket turned into a space so that every
    offset (quotes, places) stays where it was."""
    return _BRACKETED_COUNT.sub(lambda m: f" {m.group(1)} ", text)


# "His wife, Amina, and three of their children were killed": the name (and age) set off
# by commas after a relative or a person names who they were and breaks nothing else.
_APPOSITION = re.compile(
    r"\b(?:wife|husband|son|daughter|mother|father|brother|sister|grandmother|"
    r"grandfather|uncle|aunt|nephew|niece|cousin|teacher|nurse|doctor|volunteer|driver|"
    r"neighbour|neighbor|friend|colleague)"
    r"(, (?:[A-Z][\w'’-]*|al|el|bin|abu|umm)(?: (?:[A-Z][\w'’-]*|al|el|bin|abu|umm)){0,3}"
    r"(?:, \d{1,3})?,)(?= )"
)


def _prepared_for_reading(sentence: str) -> str:
    """The sentence with such names blanked out, "--" read as a dash, and the dash or colon
    after a leading count ("2.9 million - Somalis internally displaced"), every offset
    kept."""
    sentence = _APPOSITION.sub(
        lambda m: m.group()[: m.start(1) - m.start()] + " " * len(m.group(1)), sentence
    )
    sentence = sentence.replace("--", "— ")  # a typed dash, as wires write it
    # "3. HAMA: BARREL BOMBS ON KAFR ZITA": an item's number counts nobody
    sentence = _ITEM_NUMBER.sub(lambda m: " " * len(m.group()), sentence)
    return _LEADING_COUNT.sub(lambda m: m.group(1) + " " * len(m.group(2)), sentence)


_ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})[.)](?=\s+\S)")
# "By the numbers" boxes: "2.9 million - Somalis internally displaced (UNHCR)".
_LEADING_COUNT = re.compile(
    r"^(\s*\d[\d.,]*(?: (?:million|thousand|billion))?\+?)(\s*[-–—:]\s)(?=[^\W\d_])"
)


_AMONG_KIND = re.compile(
    r"^\s*(?:of|among) (?:the|those) (injured|wounded|dead|killed|victims|displaced|martyrs)"
    r"\b(?:(?! (?:was|were|is|are) )[^,;:]){0,40},",  # not "Among those injured was Rahaf, 10,"
    re.IGNORECASE,
)


def _verb_kind(words: str) -> str | None:
    """The kind a verb of the opening names: "who left", "who were wounded"."""
    lows = [t.low for t in tokenize(words)]
    for length in (3, 2, 1):
        for k in range(len(lows) - length + 1):
            kind = POST.get(tuple(lows[k : k + length]))
            if kind in ("killed", "injured", "displaced"):
                return kind
    return None


# "These attacks resulted in ...": what the sentence before counted, over its period.
_REFERS_BACK = re.compile(r"(?:these|those|the) (?:attacks|strikes|raids|incidents)\b", re.I)


# Words that point back to the place just named; "there were" only says something exists.
_POINTS_BACK = re.compile(
    r"\bthere\b(?!\s+(?:is|are|was|were|have|has|had|will|would|could|may|might|seems?|"
    r"appears?)\b)|\b(?:in|inside|near)\s+the\s+(?:town|village|city|camp|area)\b(?!\s+of\b)",
    re.IGNORECASE,
)


# A place that names an office ("the head of Donetsk regional military administration",
# "Idlib's health directorate") says who speaks, not where the dead were.
_OFFICE_AFTER = re.compile(
    r"^(?:'s)?\s+(?:(?:regional|provincial|city|military|civil|health|local|governorate)\s+){0,2}"
    r"(?:administration|council|governor|governorate's|directorate|authorities|ministry|"
    r"mayor|officials?)\b",
    re.IGNORECASE,
)


def _names_an_office(sentence: Sentence, mention: PlaceMention) -> bool:
    after = sentence.text[mention.end - sentence.start : mention.end - sentence.start + 60]
    return bool(_OFFICE_AFTER.match(after)) and not _AT_PLACE_BEFORE.search(
        sentence.text[max(0, mention.start - sentence.start - 12) : mention.start - sentence.start]
    )


# "in Aleppo city council's shelter": a place after "in" is still where things happened.
_AT_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|inside)\s+(?:the\s+)?$", re.IGNORECASE)


# "in Ariha, south of Idlib city", "10 km east of Saraqib": a point of reference, not the
# place where it happened.
_REFERENCE_BEFORE = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|"
    r"north-west|south-east|south-west)(?:ern)?\s+of\s+(?:the\s+)?(?:(?:city|town|village)\s+"
    r"of\s+)?$|\b(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:from|of)\s+(?:the\s+)?$"
    # "government artillery in Saraqib hit Idlib city": where the guns fired from
    r"|\b(?:artillery|guns|batteries|launchers)\s+(?:(?:stationed|based|deployed)\s+)?"
    r"(?:in|at)\s+(?:the\s+)?$|\b(?:fired|launched)\s+from\s+(?:[\w-]+\s+){0,3}?(?:in\s+)?$",
    re.IGNORECASE,
)


def _nearest(context: _SentenceContext, sentence: Sentence, offset: int) -> PlaceMention | None:
    """The place of a figure: the nearest place of its clause that is not a reference
    point ("south of Idlib") nor the province of another place named there."""
    if not context.specific:
        return None
    absolute = sentence.start + offset
    if _IN_BRACKETS_AFTER_A_NAME.search(sentence.text[max(0, offset - 40) : offset]):
        # "Idleb city (approximately 21,000 people), Sarmin (11,450)": the name before
        before = [m for m in context.places if m.start < absolute]
        if before:
            return max(before, key=lambda m: m.start)
    clause = _clause_span(context.clause_breaks, len(sentence.text), offset)
    in_clause = [m for m in context.specific if clause[0] <= m.start - sentence.start < clause[1]]
    return min(in_clause or context.specific, key=lambda m: abs(m.start - absolute))


_IN_BRACKETS_AFTER_A_NAME = re.compile(r"\w\s*\(\s*(?:[a-z.]+\s+){0,3}$")
# Where one clause of a sentence ends and another, about something else, begins.
_CLAUSE_BREAK = re.compile(
    r"[,;]\s+(?:while|whereas|but|meanwhile|and|as)\b|;|\s[-–—]\s", re.IGNORECASE
)


def _clause_span(breaks: list[tuple[int, int]], length: int, offset: int) -> tuple[int, int]:
    """The character span (within the sentence) of the clause holding ``offset``."""
    after = bisect_left(breaks, (offset, -1))
    start = breaks[after - 1][1] if after > 0 and breaks[after - 1][1] <= offset else 0
    end = breaks[after][0] if after < len(breaks) else length
    return start, end


_MAX_SPECIFIC = 40  # places of one sentence weighed against each other; beyond, all count


def _specific_places(mentions: list[PlaceMention], sentence: Sentence) -> list[PlaceMention]:
    if not mentions or len(mentions) > _MAX_SPECIFIC:
        return mentions
    names = {id(m): fold(m.place.name) for m in mentions}
    several = len(set(names.values())) > 1
    # The province each named town lies in, with the towns: Damascus city lies in Damascus
    # governorate, which does not make the city a mere pointer to its own province.
    inside: dict[str, set[str]] = {}
    for m in mentions:
        if m.place.admin1 and m.place.feature not in ("province", "region", "country"):
            inside.setdefault(fold(m.place.admin1), set()).add(names[id(m)])
    kept = []
    for mention in mentions:
        lead = sentence.text[
            max(0, mention.start - sentence.start - 40) : mention.start - sentence.start
        ]
        if _REFERENCE_BEFORE.search(lead):
            continue
        if several and inside.get(names[id(mention)], set()) - {names[id(mention)]}:
            continue  # "Ariha in Idlib province": Idlib says where Ariha is
        kept.append(mention)
    return kept


def _distinct_places(
    mentions: list[PlaceMention],
) -> tuple[tuple[Place, ...], tuple[str, ...]]:
    """Each place once, in order of first mention, with the article's first spelling of it."""
    seen: set[tuple[str, float, float]] = set()
    places: list[Place] = []
    spellings: list[str] = []
    for mention in mentions:
        key = (mention.place.name, mention.place.lat, mention.place.lon)
        if key not in seen:
            seen.add(key)
            places.append(mention.place)
            spellings.append(_spelling(mention))
    return tuple(places), tuple(spellings)


# Words a name match may take in that say what a place is, not what it is called.
_GENERIC_WORDS = frozenset(
    [
        "province",
        "governorate",
        "countryside",
        "city",
        "town",
        "village",
        "district",
        "subdistrict",
        "region",
        "area",
        "camp",
        "crossing",
        "border",
    ]
)


def _spelling(mention: PlaceMention) -> str:
    """The words an article used for a place, tidied: "MAARAT AL-NUMAN" -> "Maarat Al-Numan".

    Countries keep the gazetteer's name, and words such as "province" are dropped, so the
    spelling names the place the way a reader would look it up.
    """
    if mention.place.feature == "country":
        return mention.place.name
    words = [w for w in mention.surface.split() if w.lower() not in _GENERIC_WORDS]
    if not words:
        return mention.place.name
    spelling = " ".join(words)
    return spelling.title() if spelling.isupper() else spelling


def _counts_refugees(tokens: list[Token], phrase: Phrase) -> bool:
    """Whether the phrase counts refugees already abroad ("hosts 3.6 million Syrian refugees",
    "registered as refugees"): a population built up over years, unlike "20,000 new refugees
    arrived this week"."""
    words = {t.low for t in tokens[phrase.first : max(phrase.end, phrase.post_end) + 2]}
    return "refugees" in words and words.isdisjoint(_NEW_ARRIVALS)


_NEW_ARRIVALS = frozenset({"new", "newly", "arrive", "arrived", "arriving", "fresh"})


def _same_figure(a: _Found, b: _Found) -> bool:
    fa, fb = a.figure, b.figure
    if fa.kind != fb.kind or fa.count != fb.count or fa.count is None:
        return False
    if a.spot[0] == b.spot[0] and a.spot != b.spot:
        return False  # "a nurse and a volunteer were killed": two people, not one said twice
    if a.spot == b.spot:
        return True  # one count read twice ("Of the 17 children killed, 9 died"): one figure
    if (a.share or b.share or a.inline or b.inline) and not a.places & b.places:
        # "- Russian forces: 4 civilians" or "Homs 4 | Raqqa 4" shares out a total: no
        # incident's 4 told elsewhere
        return False
    if a.labels_list or b.labels_list:
        return False  # a label over its own items ("SDF MEMBERS: 3") restates no other count
    if a.row != b.row and not a.places & b.places:
        return False  # an incident row restates no count of the body that names another place
    restated = a.headline or b.headline  # a headline's source and date are the body's
    # "Ambush kills 14" over "killed 14 soldiers": a headline leaves the group unsaid. Once
    # the body has restated it, another group's count of the same number is another figure
    # ("31 deaths" ... "the deaths of 31 people" ... "including 31 children" this year).
    vague_headline = (
        restated
        and "people" in (fa.group, fb.group)
        and not a.restated
        and not (a.labelled or b.labelled)
    )
    if fa.group != fb.group and not ({fa.group, fb.group} <= _COMPATIBLE_GROUPS or vague_headline):
        return False
    if (
        not restated
        and a.explicit_source
        and b.explicit_source
        and fa.source != fb.source
        and (fa.place is None or fa.place != fb.place)
    ):
        return False  # two sources agreeing on one place's count report one figure
    if not restated and a.explicit_date and b.explicit_date and fa.date != fb.date:
        return False
    # A headline names the wider area ("near Jableh") where the body names the village
    return restated or not (a.places and b.places and not a.places & b.places)


_STALE_REACH = 1  # paragraphs between an earlier toll and the count that supersedes it


def _deduplicate(found: list[_Found]) -> tuple[Figure, ...]:
    """One figure per fact: a count said twice (headline and body) is kept once, and an
    earlier toll gives way to a newer count of the same kind."""
    # An earlier toll gives way to a newer count told near it; "initial reports" of another
    # incident paragraphs away from a count of the same kind are news of their own.
    current: dict[str, list[tuple[int, str | None]]] = {}
    for f in found:
        if not f.stale and f.figure.count is not None:
            current.setdefault(f.figure.kind, []).append((f.paragraph, f.figure.place))
    kept: list[_Found] = []
    # Only figures of one kind and count can be twins: looked up by both, not compared all
    # against all (a hostile text holds thousands of counts).
    by_count: dict[tuple[str, int | None], list[_Found]] = {}
    for item in found:
        if item.stale and any(
            abs(paragraph - item.paragraph) <= _STALE_REACH
            and (place is None or item.figure.place is None or place == item.figure.place)
            for paragraph, place in current.get(item.figure.kind, [])
        ):
            continue
        figure = item.figure
        same_count = by_count.setdefault((figure.kind, figure.count), [])
        if item.definite and same_count:
            continue  # "all four children": the four already counted
        twin = next((k for k in same_count if _same_figure(k, item)), None)
        if twin is None:
            kept.append(item)
            same_count.append(item)
            continue
        twin.figure = _completed(twin.figure, figure)
        twin.restated = True
    return tuple(k.figure for k in kept)


def _completed(kept: Figure, twin: Figure) -> Figure:
    """The figure said first, completed by what its restatement adds: the group ("Raids kill
    23" over "23 civilians died") and the source and place a headline leaves unsaid. Not the
    date: a body's "by Monday" dates the count, not the strike the headline tells of."""
    return replace(
        kept,
        group=twin.group if kept.group == "people" else kept.group,
        source=kept.source or twin.source,
        place=kept.place or twin.place,
    )
