"""Query commands: timeline, events, quotes, actors, show.

Parameters are checked first (store/validate.py: dates, ranges, PLOVER types, names
matched literally), so nonsense is a clear error, not "no events match"."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import click

from ..errors import UsageError, excerpt, safe
from ..store import queries, validate
from ..store.queries import DEFAULT_MIN_CONFIDENCE
from . import output

FORMAT_OPTION = output.format_option()


def _open(ctx: click.Context, *, with_kb: bool = False) -> Any:
    from .. import store as store_mod

    kb = None
    if with_kb:  # the KB widens --actor matching (demonyms: "Iranian")
        from ..kb import KB

        kb = KB.load()
    return store_mod.open(ctx.obj["db"], must_exist=True, kb=kb, read_only=True)


def _emit(ctx: click.Context, store: Any, records: Any, *, fmt: str,
          columns: list[output.Column], what: str) -> None:
    if not records:
        if store.count("documents") == 0:
            click.echo(f"the store {safe(store.path)} is empty: add articles with "
                       "`newsgraph ingest PATHS`", err=True)
        elif fmt in ("table", "md", "jsonl"):
            click.echo(f"no {what} match", err=True)
        if fmt in ("table", "md", "jsonl"):
            return
    click.echo(output.render(records, fmt=fmt, columns=columns))


def _event_command(name: str, doc: str, query: Callable[..., list[dict[str, Any]]]) -> Any:
    @click.command(name=name, help=doc)
    @click.option("--actor", "actors", multiple=True,
                  help="A participant: country (Russia, RUS, Iranian), person or org "
                  "name or id. Repeat: all must take part.")
    @click.option("--type", "type_", help="PLOVER type (CONSULT, SANCTION, ...).")
    @click.option("--since", help="First day (YYYY-MM-DD, or YYYY-MM, YYYY).")
    @click.option("--until", help="Last day (YYYY-MM-DD, or YYYY-MM, YYYY).")
    @click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
                  help="Only events at least this well supported (0-1; default "
                  f"{DEFAULT_MIN_CONFIDENCE}).")
    @click.option("--all", "show_all", is_flag=True,
                  help="Every event, however weakly supported (same as --min-confidence 0).")
    @FORMAT_OPTION
    @click.pass_context
    def command(ctx: click.Context, actors: tuple[str, ...], type_: str | None,
                since: str | None, until: str | None, min_confidence: float | None,
                show_all: bool, fmt: str) -> None:
        if show_all and min_confidence is not None:
            raise UsageError("--all and --min-confidence", "give one of them, not both")
        threshold = 0.0 if show_all else (
            DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence)
        names = [validate.name(a, param="--actor") for a in actors]
        type_ = validate.event_type(type_)
        since, until = validate.date_range(since, until)
        with _open(ctx, with_kb=bool(actors)) as store:
            records = query(store, actors=names, type=type_, since=since, until=until,
                            min_confidence=threshold)
            _emit(ctx, store, records, fmt=fmt, columns=output.EVENT_COLUMNS,
                  what="events")

    return command


def _timeline(store: Any, **filters: Any) -> list[dict[str, Any]]:
    return queries.timeline(store, **filters)


def _events(store: Any, **filters: Any) -> list[dict[str, Any]]:
    return queries.events(store, **filters)


timeline = _event_command("timeline", "Merged events in date order, with their sources.",
                          _timeline)
events = _event_command("events", "Merged events (the same filters as timeline).", _events)


@click.command()
@click.option("--speaker", help="Person, body or country (as for --actor).")
@click.option("--search", help="Words or a phrase in the quote (full-text search).")
@FORMAT_OPTION
@click.pass_context
def quotes(ctx: click.Context, speaker: str | None, search: str | None, fmt: str) -> None:
    """Quotes with their speakers."""
    speaker = validate.name(speaker, param="--speaker")
    search = validate.search(search)
    with _open(ctx, with_kb=bool(speaker)) as store:
        try:
            records = queries.quotes(store, speaker=speaker, search=search)
        except sqlite3.OperationalError as e:
            if "fts5" not in str(e).lower():
                raise
            raise UsageError("--search", f"cannot search for {excerpt(search or '')} "
                                         f"({e})") from e
        _emit(ctx, store, records, fmt=fmt, columns=output.QUOTE_COLUMNS, what="quotes")


@click.command()
@FORMAT_OPTION
@click.pass_context
def actors(ctx: click.Context, fmt: str) -> None:
    """Every actor once, with mention, document and event counts."""
    with _open(ctx) as store:
        _emit(ctx, store, queries.actors(store), fmt=fmt, columns=output.ACTOR_COLUMNS,
              what="actors")


@click.command()
@click.argument("id")
@FORMAT_OPTION
@click.pass_context
def show(ctx: click.Context, id: str, fmt: str) -> None:
    """One document, event, quote or actor by id (or a unique id prefix)."""
    key = validate.name(id, param="ID") or id
    with _open(ctx) as store:
        record = queries.show(store, key)
    if fmt in ("json", "jsonl"):
        click.echo(output.render(record, fmt=fmt, columns=[]))
    else:
        click.echo(output.render(output.as_fields(record), fmt=fmt,
                                 columns=output.FIELD_COLUMNS))
