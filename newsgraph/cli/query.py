"""Query commands: timeline, events, quotes, actors, show."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from ..errors import NewsgraphError
from ..store.queries import DEFAULT_MIN_CONFIDENCE
from . import output

FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(output.FORMATS),
                             default="table", show_default=True, help="Output format.")


def _open(ctx: click.Context, *, with_kb: bool = False) -> Any:
    from .. import store as store_mod

    kb = None
    if with_kb:
        try:
            from ..actors.kb import KB

            kb = KB.load()
        except Exception as e:  # the KB only widens --actor matching (demonyms)
            click.echo(f"warning: knowledge base not loaded ({e}); countries match by "
                       "ISO code or stored name only", err=True)
    return store_mod.open(ctx.obj["db"], must_exist=True, kb=kb)


def _emit(ctx: click.Context, store: Any, records: Any, *, fmt: str,
          columns: list[output.Column], what: str) -> None:
    if not records:
        if store.count("documents") == 0:
            click.echo(f"the store {store.path} is empty: add articles with "
                       "`newsgraph ingest PATHS`", err=True)
        elif fmt in ("table", "md"):
            click.echo(f"no {what} match", err=True)
        if fmt in ("table", "md"):
            return
    click.echo(output.render(records, fmt=fmt, columns=columns))


def _event_command(name: str, doc: str, query: Callable[..., list[dict[str, Any]]]) -> Any:
    @click.command(name=name, help=doc)
    @click.option("--actor", "actors", multiple=True,
                  help="A participant: country (Russia, RUS, Iranian), person or org "
                  "name or id. Repeat: all must take part.")
    @click.option("--type", "type_", help="PLOVER type (CONSULT, SANCTION, ...).")
    @click.option("--since", help="First day (YYYY-MM-DD).")
    @click.option("--until", help="Last day (YYYY-MM-DD).")
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
            raise NewsgraphError("--all and --min-confidence: give one of them, not both")
        threshold = 0.0 if show_all else (
            DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence)
        with _open(ctx, with_kb=bool(actors)) as store:
            records = query(store, actors=list(actors), type=type_, since=since,
                            until=until, min_confidence=threshold)
            _emit(ctx, store, records, fmt=fmt, columns=output.EVENT_COLUMNS,
                  what="events")

    return command


def _timeline(store: Any, **filters: Any) -> list[dict[str, Any]]:
    return store.timeline(**filters)


def _events(store: Any, **filters: Any) -> list[dict[str, Any]]:
    return store.events(**filters)


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
    with _open(ctx, with_kb=bool(speaker)) as store:
        records = store.quotes(speaker=speaker, search=search)
        _emit(ctx, store, records, fmt=fmt, columns=output.QUOTE_COLUMNS, what="quotes")


@click.command()
@FORMAT_OPTION
@click.pass_context
def actors(ctx: click.Context, fmt: str) -> None:
    """Every actor once, with mention, document and event counts."""
    with _open(ctx) as store:
        _emit(ctx, store, store.actors(), fmt=fmt, columns=output.ACTOR_COLUMNS,
              what="actors")


@click.command()
@click.argument("id")
@FORMAT_OPTION
@click.pass_context
def show(ctx: click.Context, id: str, fmt: str) -> None:
    """One document, event, quote or actor by id (or a unique id prefix)."""
    with _open(ctx) as store:
        record = store.show(id)
    if fmt == "json":
        click.echo(output.render(record, fmt="json", columns=[]))
    else:
        click.echo(output.render(output.as_fields(record), fmt=fmt,
                                 columns=output.FIELD_COLUMNS))
