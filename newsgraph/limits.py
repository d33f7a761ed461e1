"""Every size limit on input, in one place, each a setting (newsgraph/settings.py)
with an environment override:

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

from . import settings

ENV_MAX_TEXT = settings.setting("max_text").env
ENV_MAX_INPUT = settings.setting("max_input").env
ENV_WINDOW = settings.setting("window").env
ENV_MAX_STORE = settings.setting("max_store").env
ENV_QUICK_CHECK = settings.setting("quick_check").env
DEFAULT_QUICK_CHECK = settings.setting("quick_check").default

# Measured (bench/size.py, one core of the 2-core CI machine class): ~90 s per
# million characters through every stage, so the default limit keeps any accepted
# article under a minute; spaCy refuses texts over 1,000,000 characters by default.
DEFAULT_MAX_TEXT = settings.setting("max_text").default
SPACY_MAX_LENGTH = 1_000_000
DEFAULT_MAX_INPUT = settings.setting("max_input").default
DEFAULT_WINDOW = settings.setting("window").default
MIN_WINDOW = 2_000

# HTML and escaped JSON carry more bytes than their text: allow this many times the
# text limit for an HTML page, a WARC record body or a JSON line before reading it.
HTML_FACTOR = 10
LINE_FACTOR = 8
# A stream that runs this many bytes without a line break is not a text format any
# reader here knows (a compression bomb of zeros, a binary blob named .warc).
MAX_UNBROKEN = 64_000_000


def _at_least(name: str, minimum: int) -> int:
    """The setting `name`, a whole number; UsageError naming its variable when it is
    set below `minimum` (or to something that is not a number: settings.get)."""
    value = int(settings.get(name))
    if value < minimum:
        from .errors import UsageError

        raise UsageError(f"${settings.setting(name).env}",
                         f"not a whole number of at least {minimum}: {value}")
    return value


def max_text() -> int:
    """Characters of text per article."""
    return _at_least("max_text", 1)


def max_input() -> int:
    """Bytes one file or stream may decompress to."""
    return _at_least("max_input", 1)


def window() -> int:
    """Characters of cleaned text the stages see at a time (below spaCy's limit)."""
    return min(_at_least("window", MIN_WINDOW), SPACY_MAX_LENGTH - 1)


def max_store() -> int | None:
    """Bytes the store may grow to; None: as far as the disk allows."""
    return _at_least("max_store", 0) or None


def quick_check_max() -> int:
    """Stores up to this size are checked (`PRAGMA quick_check`) when opened."""
    return _at_least("quick_check", 0)


def check_all() -> None:
    """Raise now for any limit set to nonsense in the environment."""
    max_text(), max_input(), window(), max_store(), quick_check_max()


def size(n: int) -> str:
    """A byte or character count for a message: "12 kB", "1.5 MB"."""
    if n >= 1_000_000_000:
        return f"{n / 1e9:.1f} GB"
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} MB"
    if n >= 1_000:
        return f"{n / 1e3:.0f} kB"
    return f"{n} bytes"
