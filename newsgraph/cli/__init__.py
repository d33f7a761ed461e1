"""The `newsgraph` command: thin commands over the library.

Library errors (NewsgraphError) become one line `error: ...` and exit status 1, never a
traceback; Ctrl-C becomes a clean message and exit status 130.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from ..errors import NewsgraphError
from .export import export, load, spark
from .ingest import extract, ingest
from .kb import kb
from .query import actors, events, quotes, show, timeline

EXIT_INTERRUPTED = 130


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewsgraphError as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted: nothing half-written; what was stored stays stored",
                       err=True)
            sys.exit(EXIT_INTERRUPTED)


@click.group(cls=_Group)
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
              help="The store (SQLite file). Default: $NEWSGRAPH_DB, else ./newsgraph.db.")
@click.version_option(package_name="newsgraph")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """newsgraph: news articles in, a sourced record of international relations out."""
    ctx.obj = {"db": db}


main.add_command(kb)
for command in (ingest, extract, timeline, events, quotes, actors, show):
    main.add_command(command)
for command in (export, load, spark):  # newsgraph.cli.export
    main.add_command(command)
