"""``sitrep extract``: figures and places from one article, or from JSON lines in batch."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from digests.errors import ExtractionInputError
from digests.extract.extractor import Extractor, default_extractor
from digests.extract.model import Extraction


def run_extract(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    if args.batch:
        if args.file:
            raise ExtractionInputError("--batch reads standard input; give no FILE")
        return run_batch(default_extractor(), stdin, stdout)
    if not args.file:
        raise ExtractionInputError("name the article's FILE (or - for standard input)")
    if not args.published:
        raise ExtractionInputError("--published YYYY-MM-DD is needed to resolve relative dates")
    published = _date(args.published)
    text = stdin.read() if args.file == "-" else _read(Path(args.file))
    extraction = default_extractor().extract(text, published)
    if args.json:
        json.dump(extraction.to_json(), stdout, ensure_ascii=False, indent=1)
        stdout.write("\n")
    else:
        stdout.write(format_table(extraction))
    return 0


def run_batch(extractor: Extractor, stdin: TextIO, stdout: TextIO) -> int:
    """One JSON line out per JSON line in, in order; a bad line gets an ``error`` answer."""
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        answer: dict[str, Any]
        item: Any = None
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ExtractionInputError("expected an object with a string 'text'")
            published = _date(item.get("published") or date.today().isoformat())
            answer = {"id": item.get("id"), **extractor.extract(item["text"], published).to_json()}
        except (ValueError, ExtractionInputError) as e:
            item_id = item.get("id") if isinstance(item, dict) else None
            answer = {"id": item_id, "error": f"line {number}: {e}", "figures": [], "places": []}
            print(f"sitrep extract: line {number}: {e}", file=sys.stderr)
        stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
    stdout.flush()
    return 0


def format_table(extraction: Extraction) -> str:
    """A readable table of figures, then the places."""
    lines = []
    if extraction.figures:
        lines.append(
            f"{'kind':<10} {'count':>9} {'group':<12} {'qualifier':<10} {'scope':<10} "
            f"{'place':<18} {'date':<10} source"
        )
        for f in extraction.figures:
            count = "?" if f.count is None else f"{f.count:,}"
            if f.count_high is not None:
                count += f"-{f.count_high:,}"
            lines.append(
                f"{f.kind:<10} {count:>9} {f.group:<12} {f.qualifier:<10} {f.scope:<10} "
                f"{(f.place or '')[:18]:<18} {f.date.isoformat() if f.date else '':<10} "
                f"{f.source or ''}"
            )
            lines.append(f"{'':>10}   “{_short(f.quote)}”")
    else:
        lines.append("no figures")
    if extraction.places:
        lines.append("")
        lines.append("places:")
        for p in extraction.places:
            lines.append(f"  {p.name} ({p.admin1 or p.country}) {p.lat:.4f}, {p.lon:.4f}")
    return "\n".join(lines) + "\n"


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _date(value: str) -> date:
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ExtractionInputError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise ExtractionInputError(f"cannot read {path}: {e.strerror}") from e
