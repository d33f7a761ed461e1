"""Every size limit on input, in one place; each is a setting (newsgraph/settings.py)
with its environment variable:

    NEWSGRAPH_MAX_TEXT    characters of text per article (default 500,000)
    NEWSGRAPH_MAX_INPUT   bytes one file or stream may decompress to (default 4 GB)
    NEWSGRAPH_WINDOW      characters the stages after cleaning see at a time (20,000)
    NEWSGRAPH_MAX_STORE   bytes the store may grow to (default: no limit but the disk)
    NEWSGRAPH_QUICK_CHECK stores up to this many bytes get `PRAGMA quick_check` when
                          opened (default 128 MB, about 0.3 s of reading; 0 = never)

The text limit is the one number every stage respects: the readers refuse a longer
article (naming its size and this limit) and HTML pages and JSON lines are allowed a
fixed multiple of it before they are even parsed. An article longer than the window
is parsed and analysed one window (whole paragraphs) at a time, so time and memory
grow linearly with its length, and spaCy's own `nlp.max_length` (1,000,000) is never
reached: a news article (the longest in the corpora is under 80,000 characters, most
under 10,000) rarely needs more than one window. Measured by bench/size.py on the
shared 2-core machine: 65-170 microseconds a character through every stage (by the
load), so an article at the default limit takes 35-85 s and a 2 MB one is refused in
well under a second.

Values are read when used, so a test or a long-running caller can change them.
"""

from __future__ import annotations

from . import settings

ENV_MAX_TEXT = settings.setting("max_text").env
ENV_MAX_INPUT = settings.setting("max_input").env
ENV_WINDOW = settings.setting("window").env
ENV_MAX_STORE = settings.setting("max_store").env
ENV_QUICK_CHECK = settings.setting("quick_check").env
DEFAULT_MAX_TEXT: int = settings.setting("max_text").default
SPACY_MAX_LENGTH = 1_000_000

# HTML and escaped JSON carry more bytes than their text: allow this many times the
# text limit for an HTML page, a WARC record body or a JSON line before reading it.
HTML_FACTOR = 10
LINE_FACTOR = 8
# A stream that runs this many bytes without a line break is not a text format any
# reader here knows (a compression bomb of zeros, a binary blob named .warc).
MAX_UNBROKEN = 64_000_000


def check_all() -> None:
    """Raise SettingError now for any limit set to nonsense in the environment."""
    max_text(), max_input(), window(), max_store(), quick_check_max()


def max_text() -> int:
    """Characters of text per article."""
    return int(settings.get("max_text"))


def max_input() -> int:
    """Bytes one file or stream may decompress to."""
    return int(settings.get("max_input"))


def window() -> int:
    """Characters of cleaned text the stages see at a time (below spaCy's limit)."""
    return min(int(settings.get("window")), SPACY_MAX_LENGTH - 1)


def max_store() -> int | None:
    """Bytes the store may grow to; None: as far as the disk allows."""
    return int(settings.get("max_store")) or None


def quick_check_max() -> int:
    """Stores up to this size are checked (`PRAGMA quick_check`) when opened."""
    return int(settings.get("quick_check"))


def size(n: int) -> str:
    """A byte or character count for a message: "12 kB", "1.5 MB"."""
    if n >= 1_000_000_000:
        return f"{n / 1e9:.1f} GB"
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} MB"
    if n >= 1_000:
        return f"{n / 1e3:.0f} kB"
    return f"{n} bytes"
