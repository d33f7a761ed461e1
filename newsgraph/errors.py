"""Typed errors. Library code raises these; only the CLI prints them, as one line.

Every message is safe to print: `safe()` escapes control characters (a file name with
ESC or a newline cannot retitle a terminal or forge a line), and `excerpt()` quotes at
most a short, escaped piece of an offending value, never the value whole.
"""

from __future__ import annotations

import re

# Characters of an offending value an error message quotes at most.
EXCERPT_CHARS = 60

# C0 and C1 controls, DEL, zero-width and bidirectional-override characters, the
# line and paragraph separators and the BOM: all change what a terminal shows.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: object) -> str:
    """`text` with every control character escaped (\\n, \\x1b, \\u202e): one line that
    shows what it is and does nothing to the terminal."""
    return _UNSAFE.sub(_escape, str(text))


def excerpt(value: str | bytes, limit: int = EXCERPT_CHARS) -> str:
    """A short quoted piece of `value` for a message: at most `limit` characters,
    escaped, with the full size when cut ('"abc…" (12.3 MB)')."""
    if isinstance(value, bytes | bytearray):
        head = bytes(value[: limit * 4]).decode("utf-8", "backslashreplace")
        total = len(value)
        unit = "bytes"
    else:
        head, total, unit = value[: limit * 2], len(value), "characters"
    head = safe(head)
    if len(head) <= limit and len(head) >= total:
        return f'"{head}"'
    return f'"{head[:limit]}…" ({total:,} {unit})'


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""

    def __str__(self) -> str:
        return safe(super().__str__())


class ReadError(NewsgraphError):
    """An input could not be read. `source` names the file (and line, if any)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{safe(source)}: {safe(reason)}")
        self.source = source
        self.reason = reason


class StoreError(NewsgraphError):
    """The store could not be opened or written."""


class StoreFatalError(StoreError):
    """The store cannot take more writes (disk full, corrupt, read-only): a run that
    writes stops at once, with this one message."""


class StoreFullError(StoreFatalError):
    """The disk (or the store's size limit) is full."""


class StoreCorruptError(StoreFatalError):
    """The store file is damaged: it is reported and never written to."""


class StoreReadOnlyError(StoreFatalError):
    """The store (its file or its folder) cannot be written."""


class KBError(NewsgraphError):
    """A knowledge-base file (bundled, imported or an override) is invalid."""


class ModelError(NewsgraphError):
    """The spaCy model is missing or cannot be loaded."""


class UsageError(NewsgraphError):
    """A parameter the user gave is invalid: `param` names it."""

    def __init__(self, param: str, reason: str) -> None:
        super().__init__(f"{param}: {reason}")
        self.param = param
        self.reason = reason
