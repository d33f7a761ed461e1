"""The `newsgraph` command: thin commands over the library.

One error style: every failure is one line `error: ...` on stderr, a usage mistake
followed by a pointer to `--help` (exit status 2), a library error (NewsgraphError)
exit status 1, never a traceback; Ctrl-C becomes a clean message and exit status 130.
The store is the `db` setting: `--db PATH` before or after the subcommand, else
$NEWSGRAPH_DB, else ./newsgraph.db (newsgraph/settings.py declares every setting).
"""

from __future__ import annotations

import sys
from typing import Any

import click

from .. import settings
from ..errors import NewsgraphError
from .export import export, load, spark
from .failure import fatal_message
from .ingest import extract, ingest
from .kb import kb
from .query import actors, events, quotes, show, timeline
from .serve import serve

EXIT_INTERRUPTED = 130
DB = settings.setting("db")
DB_HELP = f"{DB.help} Default: ${DB.env}, else ./{DB.default}."


def say_error(message: str) -> None:
    """The one way the CLI reports a failure."""
    click.echo(f"error: {message}", err=True)


class _Group(click.Group):
    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.exceptions.Exit as e:
            sys.exit(e.exit_code)
        except click.exceptions.Abort:
            click.echo("interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except click.UsageError as e:
            hint = e.ctx.command_path if e.ctx is not None else "newsgraph"
            say_error(f"{e.format_message()} (see `{hint} --help`)")
            sys.exit(e.exit_code)
        except click.ClickException as e:
            say_error(e.format_message())
            sys.exit(e.exit_code)
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewsgraphError as e:
            say_error(str(e))
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted: nothing half-written; what was stored stays stored",
                       err=True)
            sys.exit(EXIT_INTERRUPTED)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as e:  # noqa: BLE001 - one line, never a traceback (errors.py)
            sys.exit(fatal_message(e, db=(ctx.obj or {}).get("db")))


def _db_after_command(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """`newsgraph timeline --db x.db`: the subcommand's --db sets the group's."""
    if value is not None:
        ctx.find_root().ensure_object(dict)["db"] = value


def _with_db_option(command: click.Command) -> click.Command:
    command.params.append(click.Option(
        ["--db"], type=click.Path(dir_okay=False), expose_value=False,
        callback=_db_after_command, help=DB_HELP))
    return command


@click.group(cls=_Group, epilog=settings.help_epilog(),
             context_settings={"max_content_width": 100})
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
@click.version_option(package_name="newsgraph")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """newsgraph: news articles in, a sourced record of international relations out."""
    ctx.ensure_object(dict)["db"] = db


main.add_command(kb)
main.add_command(extract)
for command in (ingest, timeline, events, quotes, actors, show, serve, export, load):
    main.add_command(_with_db_option(command))
main.add_command(spark)
