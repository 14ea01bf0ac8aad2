"""Text tables: a header row naming kinds or groups, then one row per place or party.

Situation reports and monthly tolls give their numbers as tables, drawn with pipes
("Settlement | Killed | Injured") or aligned with spaces ("Location    Killed   Injured").
Each number of a counted column is a figure of the column's kind and group; the table's
caption ("Distribution of civilian deaths by perpetrator") gives what the header leaves
unsaid. Cells of other columns ("Weapons used") and empty cells ("-") are no figures.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from digests.extract.groups import GROUP_NOUNS
from digests.extract.sentences import lines_with_offsets

KIND_WORDS = {
    **dict.fromkeys(("deaths", "dead", "killed", "fatalities", "death", "died"), "killed"),
    **dict.fromkeys(("injuries", "injured", "wounded", "hurt"), "injured"),
    **dict.fromkeys(("displaced", "displacement", "idps", "arrivals"), "displaced"),
    **dict.fromkeys(("missing",), "missing"),
}
_PIPE = re.compile(r"\s*\|\s*")
_ALIGNED = re.compile(r"\s{2,}|\t")
_SEPARATOR = re.compile(r"^[\s|:+=-]+$")
_COUNT = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$|^\d{1,7}$")
_EMPTY = frozenset({"", "-", "–", "—", "0", "n/a", "none", "nil"})
_TOTAL = re.compile(r"^(?:grand\s+)?totals?\b|^(?:all|overall|sum)$", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")
# The groups a caption can give all of a table's columns: "civilian deaths by perpetrator".
_CAPTION_GROUPS = frozenset({"civilians", "children", "women", "men"})
_MAX_CELL_CHARS = 40  # a header cell is a label, not a sentence
_CAPTION_CHARS = 160


@dataclass(frozen=True, slots=True)
class TableCell:
    """One number of a table with what its column and caption say it counts."""

    kind: str
    group: str
    count: int
    offset: int  # where the number stands in the text


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of a table: its label (a place, a party, or "Total") and its counts."""

    start: int  # where the row's line starts in the text
    end: int
    label: str
    label_offset: int
    total: bool
    caption: str
    cells: tuple[TableCell, ...]
    inline: bool = False  # a cell of a table laid on one line ("Daraa 27 | Idlib 18")
    # the row's other naming cells ("3 June | Iblin | Artillery"), where its place may be
    names: tuple[tuple[int, str], ...] = ()
    notes: tuple[tuple[int, str], ...] = ()  # text after the counts ("Including 2 children")


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    text: str


def _cells(line: str) -> list[tuple[int, str]]:
    """The cells of a line with their offsets in it: split at pipes, else at wide gaps."""
    splitter = _PIPE if "|" in line else _ALIGNED
    cells: list[tuple[int, str]] = []
    position = 0
    for match in [*splitter.finditer(line), None]:
        end = match.start() if match is not None else len(line)
        raw = line[position:end]
        stripped = raw.strip()
        cells.append((position + len(raw) - len(raw.lstrip()), stripped))
        position = match.end() if match is not None else len(line)
    if "|" in line:  # "| a | b |": the pipes at either end open no cell
        if cells and not cells[0][1]:
            cells = cells[1:]
        if cells and not cells[-1][1]:
            cells = cells[:-1]
    return cells


def kind_named(text: str, extra: Mapping[str, str] | None = None) -> str | None:
    """The one kind a heading or header names ("Killed", "IDPs"), else None. ``extra`` adds
    words a kind of text gives a kind ("casualties" beside the dead a heading lists)."""
    words = {**KIND_WORDS, **extra} if extra else KIND_WORDS
    kinds = {words[w] for w in _WORD.findall(text.lower()) if w in words}
    return kinds.pop() if len(kinds) == 1 else None


_ATTRIBUTION = re.compile(r"\b(?:by|under|in|at|from|during)\b")


def label_meaning(text: str) -> tuple[str | None, str | None]:
    """The kind and the group a header cell, a caption or a label names, each when only
    one is."""
    kind = kind_named(text)
    # "Killed by regime forces", "Killed under torture in regime detention": who did it and
    # where say nothing of who was counted
    words = _WORD.findall(_ATTRIBUTION.split(text.lower(), maxsplit=1)[0])
    groups = {GROUP_NOUNS[w] for w in words if w in GROUP_NOUNS}
    if any(w.startswith("civilian") for w in words):
        groups.add("civilians")
    groups.discard("people")  # "killed", "casualties": nobody in particular
    return kind, groups.pop() if len(groups) == 1 else None


def _count(cell: str) -> int | None:
    value = cell.strip().rstrip("*")
    if value.lower() in _EMPTY or not _COUNT.match(value):
        return None
    return int(re.sub(r"[,\s]", "", value))


def _header(line: str) -> list[tuple[str | None, str | None]] | None:
    """What each column of a header line counts, or None when the line heads no table."""
    cells = _cells(line)
    if len(cells) < 2 or not cells[0][1]:
        return None
    if any(len(c) > _MAX_CELL_CHARS or _COUNT.match(c) or ".." in c for _, c in cells):
        return None  # a header names columns; "Killed ..... 1,086" is a row
    meanings = [label_meaning(c) for _, c in cells]
    if not any(kind or group for kind, group in meanings[1:]):
        return None
    return meanings


def _cell_counts(cell: str, kind: str, group: str, offset: int) -> list[TableCell]:
    """The counts of one cell: "4", or "4 (incl. 2 children)" with its breakdown."""
    count = _count(cell)
    if count is not None:
        return [TableCell(kind, group, count, offset)]
    match = _COUNT_WITH_PARTS.match(cell)
    if match is None or (count := _count(match.group("count"))) is None:
        return []
    counts = [TableCell(kind, group, count, offset)]
    for part in _PART.finditer(match.group("parts")):
        part_group = GROUP_NOUNS.get(part.group(2).lower())
        if part_group and part_group != "people":
            at = offset + match.start("parts") + part.start(1)
            counts.append(TableCell(kind, part_group, int(part.group(1).replace(",", "")), at))
    return counts


# "4 (incl. 2 children)", "12 (including 5 women)": a count and its breakdown in one cell.
_COUNT_WITH_PARTS = re.compile(r"^(?P<count>[\d,]+)\+?\s*\((?P<parts>[^()]*)\)$")


def _row_label(
    cells: list[tuple[int, str]], columns: list[tuple[str | None, str]]
) -> tuple[int, str]:
    """The cell that names a row: the last of its leading cells that count nothing
    ("Idleb | Dana | 38,400" is Dana's row)."""
    label = cells[0]
    for (offset, cell), (kind, _) in zip(cells, columns, strict=False):
        if _count(cell) is not None or (kind is not None and cell.strip() in _EMPTY):
            break
        if cell.strip():
            label = (offset, cell)
    return label


def _unit_header(lines: list[_Line], header_at: int) -> list[tuple[str | None, str | None]] | None:
    """ "Governorate | Sub-district | Individuals" under "Newly displaced people by
    sub-district": columns that name only a unit count the caption's kind."""
    line = lines[header_at].text
    if "|" not in line:
        return None
    cells = [c.lower() for _, c in _cells(line)]
    if len(cells) < 2 or not any(c in _UNIT_COLUMNS for c in cells[1:]):
        return None
    if any(_COUNT.match(c) or len(c) > _MAX_CELL_CHARS for c in cells):
        return None
    if label_meaning(_caption(lines, header_at))[0] is None:
        return None
    return [(None, _UNIT_COLUMNS.get(c)) for c in cells]


_UNIT_COLUMNS = {
    "individuals": "people",
    "persons": "people",
    "people": "people",
    "households": "families",
    "families": "families",
    "hh": "families",
}


def _caption(lines: list[_Line], header_at: int) -> str:
    """The line right above a table's header (a blank line may stand between)."""
    for back in (header_at - 1, header_at - 2):
        if back < 0:
            return ""
        text = lines[back].text.strip()
        if text:
            return text if len(text) <= _CAPTION_CHARS else ""
    return ""


def find_table_rows(text: str) -> list[TableRow]:
    """The data rows of every text table, in order, with their counted cells."""
    if "|" not in text and "  " not in text and "\t" not in text and "..." not in text:
        return []
    lines = [_Line(offset, line) for offset, line in lines_with_offsets(text)]
    rows: list[TableRow] = []
    index = 0
    while index < len(lines):
        meanings = _header(lines[index].text) or _unit_header(lines, index)
        if meanings is not None:
            found = _rows(lines, index, meanings)
        else:
            found = (
                _leader_rows(lines, index)
                or _inline_rows(lines, index)
                or _labelled_row(lines[index])
            )
        rows.extend(found)
        index += max(1, len(found))
    return rows


def _labelled_row(line: _Line) -> list[TableRow]:
    """ "Killed ........ 1,086", "Civilians injured ...... 260+": one dotted line whose label
    names its own kind."""
    if ".." not in line.text:
        return []
    stripped = line.text.strip()
    match = _LEADER_ROW.match(stripped)
    if match is None:
        return []
    kind, group = label_meaning(match.group("label"))
    count = _count(match.group("count"))
    if kind is None or count is None or _things(match.group("label")):
        return []
    offset = line.start + line.text.index(stripped)
    cells = [TableCell(kind, group or "people", count, offset + match.start("count"))]
    if match.group("parts"):
        # "Civilians killed ...... 46 (13 children, 9 women)": the breakdown in brackets
        for part in _PART.finditer(match.group("parts")):
            part_group = GROUP_NOUNS.get(part.group(2).lower())
            if part_group and part_group != "people":
                at = offset + match.start("parts") + part.start(1)
                cells.append(TableCell(kind, part_group, int(part.group(1).replace(",", "")), at))
    return [
        TableRow(
            start=line.start,
            end=line.start + len(line.text),
            label=match.group("label"),
            label_offset=offset + match.start("label"),
            total=False,
            caption="",
            cells=tuple(cells),
        )
    ]


_PART = re.compile(r"(\d[\d,]*)\s+([a-z]+)", re.IGNORECASE)


# "Western countryside ............. 20": a label, dots or a wide gap, one number.
_LEADER_ROW = re.compile(
    r"^(?P<label>\S.*?\S)(?:\s*\.{3,}\s*|\s{2,}|\t|(?<=\))\s)(?P<count>[\d,]+|-)\+?"
    r"(?:\s*\((?P<parts>[^()]*)\))?\s*$"
)
_MIN_LEADER_ROWS = 2


# Labels that count places or objects, whatever people they name: "Camps for displaced
# people hit ....... 5", "Schools used as shelters ..... 27".
_THINGS = frozenset(
    {
        "camps",
        "camp",
        "schools",
        "hospitals",
        "facilities",
        "sites",
        "shelters",
        "homes",
        "houses",
        "buildings",
        "vehicles",
        "ambulances",
        "centres",
        "centers",
        "markets",
        "attacks",
        "strikes",
        "incidents",
        "locations",
        "communities",
        "villages",
        "towns",
    }
)


def _things(label: str) -> bool:
    """Whether a label's head word counts places or objects."""
    first = _WORD.findall(label.lower())[:1]
    return bool(first) and first[0] in _THINGS


def _leader_rows(lines: list[_Line], heading_at: int) -> list[TableRow]:
    """Rows of one number each under a heading that names a kind ("DISTRIBUTION OF DEATHS
    BY AREA"); at least two, so that a lone "Total  12" line is no table. A row whose label
    names another kind ("People displaced ..... 78,000") is not the heading's."""
    heading = lines[heading_at].text.strip()
    if not heading or len(heading) > _CAPTION_CHARS or ".." in heading or heading[-1].isdigit():
        return []  # "Civilians injured ...... 260+" is a row of its own, not a heading
    kind, group = label_meaning(heading)
    if kind is None:
        return []
    counted_group = group if group in _CAPTION_GROUPS else "people"
    rows: list[TableRow] = []
    for line in lines[heading_at + 1 :]:
        match = _LEADER_ROW.match(line.text)
        if match is None:
            break
        count = _count(match.group("count"))
        label = match.group("label")
        cells: tuple[TableCell, ...] = ()
        if count is not None and label_meaning(label)[0] in (None, kind) and not _things(label):
            offset = line.start + match.start("count")
            cells = (TableCell(kind, counted_group, count, offset),)
        rows.append(
            TableRow(
                start=line.start,
                end=line.start + len(line.text),
                label=label,
                label_offset=line.start + match.start("label"),
                total=_TOTAL.match(label) is not None,
                caption=heading,
                cells=cells,
            )
        )
    return rows if len(rows) >= _MIN_LEADER_ROWS else []


def _inline_rows(lines: list[_Line], heading_at: int) -> list[TableRow]:
    """ "Civilian deaths by governorate" over "Daraa 27 | Idlib 18 | Aleppo 16": a table laid
    on one line, a count per label, each of the heading's kind. Returns the heading's rows
    (none) and the line's, one per cell, so that the line is read once."""
    heading = lines[heading_at].text.strip()
    if heading_at + 1 >= len(lines) or not heading or heading[-1].isdigit():
        return []
    if len(heading) > _CAPTION_CHARS or "|" in heading:
        return []
    kind, group = label_meaning(heading)
    line = lines[heading_at + 1]
    if kind is None or line.text.count("|") < _MIN_LEADER_ROWS - 1:
        return []
    cells = [(at, cell) for at, cell in _cells(line.text) if cell]
    pairs = [(at, _INLINE_CELL.match(cell)) for at, cell in cells]
    if len(pairs) < _MIN_LEADER_ROWS or any(match is None for _, match in pairs):
        return []
    counted_group = group if group in _CAPTION_GROUPS else "people"
    rows: list[TableRow] = []
    for at, match in pairs:
        assert match is not None  # checked above
        count = _count(match.group("count"))
        label = match.group("label")
        offset = line.start + at
        rows.append(
            TableRow(
                start=line.start,
                end=line.start + len(line.text),
                label=label,
                label_offset=offset,
                total=_TOTAL.match(label) is not None,
                caption=heading,
                cells=(TableCell(kind, counted_group, count, offset + match.start("count")),)
                if count is not None
                else (),
                inline=True,
            )
        )
    return rows


# "Deir Ez-Zor 14": a label and its count in one cell of a one-line table.
_INLINE_CELL = re.compile(r"^(?P<label>[A-Z][^\d|]*?)\s+(?P<count>\d[\d,]*)$")


def _rows(
    lines: list[_Line], header_at: int, meanings: list[tuple[str | None, str | None]]
) -> list[TableRow]:
    caption = _caption(lines, header_at)
    caption_kind, caption_group = label_meaning(caption)
    if caption_group not in _CAPTION_GROUPS:
        caption_group = None  # "according to the National Police": who told, not who died
    # "New IDPs (persons) | Households": a column of a group alone counts the one kind the
    # other columns name, else the caption's.
    named_kinds = {kind for kind, _ in meanings if kind}
    shared_kind = named_kinds.pop() if len(named_kinds) == 1 else caption_kind
    columns = [
        (kind or shared_kind, group or caption_group or "people") for kind, group in meanings
    ]
    rows: list[TableRow] = []
    for line in lines[header_at + 1 :]:
        if _SEPARATOR.match(line.text) and line.text.strip():
            continue  # "|----|----|" under a header
        cells = _cells(line.text)
        if len(cells) < 2 or len(cells) > len(columns) or _count(cells[0][1]) is not None:
            break
        counted = []
        for (offset, cell), (kind, group) in zip(cells[1:], columns[1:], strict=False):
            if kind is not None:
                counted.extend(_cell_counts(cell, kind, group, line.start + offset))
        if not counted and not any(c.strip() in _EMPTY for _, c in cells[1:]):
            break  # a line of prose after the table
        label_offset, label = _row_label(cells, columns)
        last_count = max(
            (k for k, (_, cell) in enumerate(cells) if _count(cell) is not None), default=0
        )
        rows.append(
            TableRow(
                start=line.start,
                end=line.start + len(line.text),
                label=label,
                label_offset=line.start + label_offset,
                total=_TOTAL.match(label) is not None,
                caption=caption,
                cells=tuple(counted),
                names=tuple(
                    (line.start + at, cell)
                    for at, cell in cells[:last_count]
                    if cell.strip() and _count(cell) is None
                ),
                notes=tuple(
                    (line.start + at, cell) for at, cell in cells[last_count + 1 :] if cell.strip()
                ),
            )
        )
    return rows
