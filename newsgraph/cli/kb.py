"""`newsgraph kb ...`: show, import, overrides. (Owned by the knowledge-base work.)"""

from __future__ import annotations

import click


@click.group(name="kb")
def kb() -> None:
    """What the knowledge base knows, and how to extend it."""
