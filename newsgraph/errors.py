"""Typed errors. Library code raises these; only the CLI prints them, as one line."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class ReadError(NewsgraphError):
    """An input could not be read. `source` names the file (and line, if any)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(NewsgraphError):
    """The store could not be opened or written."""


class KBError(NewsgraphError):
    """A knowledge-base file (bundled, imported or an override) is invalid."""


class ModelError(NewsgraphError):
    """The spaCy model is missing or cannot be loaded."""
