"""Printing query results: --format table|json|csv|md."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from collections.abc import Callable, Sequence
from typing import Any

FORMATS = ("table", "json", "csv", "md")
Column = tuple[str, Callable[[dict[str, Any]], Any]]
PIPE_WIDTH = 240  # wide enough for whole summaries, still readable in a pager
MIN_COLUMN_WIDTH = 6  # narrower than this a truncated column says nothing


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return " ".join(str(value).split())


def render(records: list[dict[str, Any]] | dict[str, Any], *, fmt: str,
           columns: Sequence[Column], width: int | None = None) -> str:
    """`records` (or one record) as text: json keeps every field; the others show
    `columns`."""
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2)
    rows = records if isinstance(records, list) else [records]
    header = [name for name, _ in columns]
    table = [[_cell(get(r)) for _, get in columns] for r in rows]
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(table)
        return buf.getvalue().rstrip("\n")
    if fmt == "md":
        def line(cells: list[str]) -> str:
            return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

        return "\n".join([line(header), line(["---"] * len(header))]
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
