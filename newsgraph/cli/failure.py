"""The last line of defence of the CLI: any exception that is not a NewsgraphError
becomes one line on stderr and an exit status, never a traceback.

SQLite errors name the store and what happened (corrupt, disk full, locked); a
closed pipe (`newsgraph timeline | head`) ends quietly; anything else is reported as
an internal error with its type, and NEWSGRAPH_DEBUG=1 shows the traceback.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import traceback

import click

from .. import settings
from ..errors import safe

ENV_DEBUG = settings.setting("debug").env


def fatal_message(e: BaseException, *, db: str | None) -> int:
    """Print the one line for `e`; return the exit status."""
    if isinstance(e, BrokenPipeError):
        try:  # stdout is gone: nothing more can be printed there
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        return 1
    if settings.get("debug"):
        traceback.print_exc()
    if isinstance(e, sqlite3.Error):
        from ..store import resolve_path
        from ..store.connect import store_error

        click.echo(f"error: {store_error(resolve_path(db), e)}", err=True)
        return 1
    if isinstance(e, MemoryError):
        click.echo("error: out of memory", err=True)
        return 1
    if isinstance(e, OSError):
        where = f"{safe(e.filename)}: " if e.filename else ""
        click.echo(f"error: {where}{safe(e.strerror or e)}", err=True)
        return 1
    click.echo(f"error: internal error ({type(e).__name__}: {safe(str(e))[:300]}); "
               f"set {ENV_DEBUG}=1 for the traceback and report it", err=True)
    return 1
