"""The `newsgraph` command: thin commands over the library."""

from __future__ import annotations

import click

from .kb import kb


@click.group()
def main() -> None:
    """newsgraph: news articles in, a sourced record of international relations out."""


main.add_command(kb)
