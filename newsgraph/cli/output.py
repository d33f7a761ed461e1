"""Printing query results: --format table|json|jsonl|csv|md, one shared option.

Every format is safe to print and to open: control characters are escaped in table,
csv and md cells (and as \\u escapes in JSON), md escapes HTML and link brackets, and
a csv cell that a spreadsheet would run as a formula (leading = + - @, tab or CR)
is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from ..errors import safe

FORMATS = ("table", "json", "jsonl", "csv", "md")
Column = tuple[str, Callable[[dict[str, Any]], Any]]
PIPE_WIDTH = 240  # wide enough for whole summaries, still readable in a pager
MIN_COLUMN_WIDTH = 6  # narrower than this a truncated column says nothing
# What a spreadsheet reads as the start of a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# JSON keeps these as escapes: they would act on a terminal or hide text.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def format_option(*, default: str = "table", extra: Sequence[str] = ()) -> Any:
    """The --format option every query command takes (`extra`: older names kept)."""
    return click.option("--format", "fmt", type=click.Choice([*FORMATS, *extra]),
                        default=default, show_default=True,
                        help="Output format: table, json, jsonl (one record a line), csv "
                             "or md.")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, (list, dict)):
        return safe(json.dumps(value, ensure_ascii=False))
    return safe(" ".join(str(value).split()))


def _csv_cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def _md_cell(text: str) -> str:
    text = html.escape(text, quote=False).replace("|", "\\|")
    return text.replace("[", "\\[").replace("]", "\\]")


def to_json(value: Any, *, indent: int | None = 2) -> str:
    """JSON with terminal-active characters kept as \\u escapes."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render(records: list[dict[str, Any]] | dict[str, Any], *, fmt: str,
           columns: Sequence[Column], width: int | None = None) -> str:
    """`records` (or one record) as text: json and jsonl keep every field; the others
    show `columns`."""
    if fmt == "json":
        return to_json(records)
    rows = records if isinstance(records, list) else [records]
    if fmt == "jsonl":
        return "\n".join(to_json(r, indent=None) for r in rows)
    header = [name for name, _ in columns]
    table = [[_cell(get(r)) for _, get in columns] for r in rows]
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([_csv_cell(c) for c in r] for r in table)
        return buf.getvalue().rstrip("\n")
    if fmt == "md":
        def line(cells: list[str]) -> str:
            return "| " + " | ".join(_md_cell(c) for c in cells) + " |"

        return "\n".join([line(header), "| " + " | ".join(["---"] * len(header)) + " |"]
                         + [line(r) for r in table])
    if width is None:
        # a terminal gets columns that fit it; a pipe or a file gets whole cells
        width = (shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty()
                 else PIPE_WIDTH)
    return _aligned(header, table, width)


def _aligned(header: list[str], table: list[list[str]], width: int) -> str:
    widths = [max([len(h)] + [len(r[i]) for r in table]) for i, h in enumerate(header)]
    gap = 2
    # shrink the widest column until the table fits the terminal
    while sum(widths) + gap * (len(widths) - 1) > width:
        i = max(range(len(widths)), key=lambda k: widths[k])
        if widths[i] <= max(MIN_COLUMN_WIDTH, len(header[i])):
            break
        widths[i] -= 1

    def fit(text: str, w: int) -> str:
        return text if len(text) <= w else text[:w - 1] + "…"

    lines = ["  ".join(fit(c, w).ljust(w) for c, w in zip(cells, widths, strict=True))
             .rstrip() for cells in [header, ["-" * w for w in widths], *table]]
    return "\n".join(lines)


def date_cell(record: dict[str, Any]) -> str:
    if record.get("date") and record.get("precision") == "day":
        text = record["date"]
    elif record.get("interval"):
        text = f"{record['interval']['start']}..{record['interval']['end']}"
    else:
        text = record.get("date") or "?"
    alts = (record.get("alternatives") or {}).get("date")
    return text + (" / " + " / ".join(a for a in alts if a != text) if alts else "")


EVENT_COLUMNS: list[Column] = [
    ("date", date_cell),
    ("type", lambda r: r["type"] + (f"/{r['mode']}" if r.get("mode") else "")),
    ("summary", lambda r: r["summary"]),
    ("status", lambda r: r["status"] + (" (conflict)" if r.get("conflict") else "")),
    ("sources", lambda r: len(r["sources"])),
    ("id", lambda r: r["id"]),
]
QUOTE_COLUMNS: list[Column] = [
    ("speaker", lambda r: r["speaker"]["name"] if r.get("speaker") else ""),
    ("quote", lambda r: r["text"]),
    ("cue", lambda r: r.get("cue")),
    ("published", lambda r: r.get("published")),
    ("outlet", lambda r: r.get("outlet")),
    ("id", lambda r: r["id"]),
]
ACTOR_COLUMNS: list[Column] = [
    (name, (lambda key: lambda r: r.get(key))(name))
    for name in ("id", "name", "kind", "country", "sector", "mentions", "documents", "events")
]
FIELD_COLUMNS: list[Column] = [("field", lambda r: r["field"]), ("value", lambda r: r["value"])]


def as_fields(record: dict[str, Any]) -> list[dict[str, Any]]:
    """One record as field/value rows (for `show` in table, csv and md): actors by name,
    places as "Tianjin, CHN", and one row per source so each sentence can be read."""
    rows: list[dict[str, Any]] = []
    for key, value in record.items():
        if value in (None, "", [], {}) or value is False:
            continue
        if isinstance(value, list) and value and all(
                isinstance(v, dict) and "name" in v and "kind" in v for v in value):
            value = ", ".join(f"{v['name']} ({v.get('country') or v['kind']})" for v in value)
        elif isinstance(value, dict) and set(value) == {"name", "country"}:
            value = f"{value['name']}, {value['country'] or '?'}"
        elif isinstance(value, dict) and set(value) == {"start", "end"}:
            value = f"{value['start']}..{value['end']}"
        if key == "sources" and isinstance(value, list):
            for i, src in enumerate(value, 1):
                where = src.get("outlet") or src.get("source")
                rows.append({"field": f"source {i}",
                             "value": f"{where} [{src.get('doc_id', '')}]: "
                                      f"{src.get('sentence', '')}"})
            continue
        rows.append({"field": key, "value": value})
    return rows
