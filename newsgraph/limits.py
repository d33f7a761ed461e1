"""Every size limit on input, in one place, each with an environment override.

    NEWSGRAPH_MAX_TEXT    characters of text per article (default 500,000)
    NEWSGRAPH_MAX_INPUT   bytes one file or stream may decompress to (default 4 GB)
    NEWSGRAPH_WINDOW      characters the stages after cleaning see at a time (20,000)
    NEWSGRAPH_MAX_STORE   bytes the store may grow to (default: no limit but the disk)
    NEWSGRAPH_QUICK_CHECK stores up to this many bytes get `PRAGMA quick_check` when
                          opened (default 128 MB; 0 = never)

The text limit is the one number every stage respects: the readers refuse a longer
article (naming its size and this limit) and HTML pages and JSON lines are allowed a
fixed multiple of it before they are even parsed. An article longer than the window
is parsed and analysed one window (whole paragraphs) at a time, so time and memory
grow linearly with its length, and spaCy's own `nlp.max_length` (1,000,000) is never
reached: a news article (the longest in the corpora is under 80,000 characters, most
under 10,000) rarely needs more than one window.

Values are read when used, so a test or a long-running caller can change them.
"""

from __future__ import annotations

import os

from .errors import UsageError, excerpt

ENV_MAX_TEXT = "NEWSGRAPH_MAX_TEXT"
ENV_MAX_INPUT = "NEWSGRAPH_MAX_INPUT"
ENV_WINDOW = "NEWSGRAPH_WINDOW"
ENV_MAX_STORE = "NEWSGRAPH_MAX_STORE"
ENV_QUICK_CHECK = "NEWSGRAPH_QUICK_CHECK"
DEFAULT_QUICK_CHECK = 128_000_000  # ~0.3 s of reading on the CI machine class

# Measured (bench/size.py, one core of the 2-core CI machine class): ~90 s per
# million characters through every stage, so the default limit keeps any accepted
# article under a minute; spaCy refuses texts over 1,000,000 characters by default.
DEFAULT_MAX_TEXT = 500_000
SPACY_MAX_LENGTH = 1_000_000
DEFAULT_MAX_INPUT = 4_000_000_000
DEFAULT_WINDOW = 20_000
MIN_WINDOW = 2_000

# HTML and escaped JSON carry more bytes than their text: allow this many times the
# text limit for an HTML page, a WARC record body or a JSON line before reading it.
HTML_FACTOR = 10
LINE_FACTOR = 8
# A stream that runs this many bytes without a line break is not a text format any
# reader here knows (a compression bomb of zeros, a binary blob named .warc).
MAX_UNBROKEN = 64_000_000


def _int_env(name: str, default: int, *, minimum: int = 1) -> int:
    raw = os.environ.get(name, "").strip().replace("_", "")
    if not raw:
        return default
    try:
        value = int(float(raw))
    except (ValueError, OverflowError):
        value = None
    if value is None or value < minimum:
        raise UsageError(f"${name}", f"not a whole number of at least {minimum}: "
                                     f"{excerpt(os.environ[name])}")
    return value


def check_all() -> None:
    """Raise UsageError now for any limit set to nonsense in the environment."""
    max_text(), max_input(), window(), max_store(), quick_check_max()


def max_text() -> int:
    """Characters of text per article."""
    return _int_env(ENV_MAX_TEXT, DEFAULT_MAX_TEXT)


def max_input() -> int:
    """Bytes one file or stream may decompress to."""
    return _int_env(ENV_MAX_INPUT, DEFAULT_MAX_INPUT)


def window() -> int:
    """Characters of cleaned text the stages see at a time (below spaCy's limit)."""
    return min(_int_env(ENV_WINDOW, DEFAULT_WINDOW, minimum=MIN_WINDOW),
               SPACY_MAX_LENGTH - 1)


def max_store() -> int | None:
    """Bytes the store may grow to; None: as far as the disk allows."""
    value = _int_env(ENV_MAX_STORE, 0, minimum=0)
    return value or None


def quick_check_max() -> int:
    """Stores up to this size are checked (`PRAGMA quick_check`) when opened."""
    return _int_env(ENV_QUICK_CHECK, DEFAULT_QUICK_CHECK, minimum=0)


def size(n: int) -> str:
    """A byte or character count for a message: "12 kB", "1.5 MB"."""
    if n >= 1_000_000_000:
        return f"{n / 1e9:.1f} GB"
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} MB"
    if n >= 1_000:
        return f"{n / 1e3:.0f} kB"
    return f"{n} bytes"
