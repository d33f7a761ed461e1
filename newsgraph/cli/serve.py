"""`newsgraph serve`: the store as an HTTP API and a web page."""

from __future__ import annotations

import ipaddress
import socket

import click

from .. import settings
from ..errors import NewsgraphError, StoreError
from ..kb import KnowledgeBase

TOKEN = settings.setting("ingest_token")



def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _load_kb() -> KnowledgeBase:
    """The KB widens actor matching (demonyms) and adds offices to actor pages."""
    from ..kb import KB

    return KB.load()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (another than loopback opens the store to the "
              "network).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--ingest-token", default=None,
              help=f"{TOKEN.help} Default: ${TOKEN.env}, else none (read-only).")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, ingest_token: str | None) -> None:
    """Serve the store as a JSON API (/api, /openapi.json, /docs) and a web page."""
    from .. import store as store_mod
    from ..serve import run

    path = store_mod.resolve_path(ctx.obj["db"])
    ingest_token = settings.get("ingest_token", ingest_token)
    if ingest_token is not None and len(ingest_token) < 16:
        raise click.BadParameter("use at least 16 characters", param_hint="--ingest-token")
    try:
        # bring an older store's indexes up to date; a read-only file is served as it is
        store_mod.open(path, must_exist=True).close()
    except StoreError as e:
        if not path.exists() or "not a newsgraph store" in str(e):
            raise
        click.echo(f"warning: {path}: migrations not applied ({e})", err=True)
    if not _is_loopback(host):
        click.echo(f"warning: listening on {host}: anyone who can reach this machine can "
                   "read the store", err=True)
    _check_port(host, port)
    kb = _load_kb()
    mode = "ingest with a token" if ingest_token else "read-only"
    click.echo(f"serving {path} ({mode}) at http://{host}:{port}/  (Ctrl-C stops)", err=True)
    run(path, host=host, port=port, ingest_token=ingest_token, kb=kb)


def _check_port(host: str, port: int) -> None:
    """One clear line when the address is taken or not ours (uvicorn would log and exit)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(infos[0][4])
    except OSError as e:
        raise NewsgraphError(f"--host/--port: cannot listen on {host}:{port} "
                             f"({e.strerror or e})") from e
