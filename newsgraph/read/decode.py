"""Bytes to text: one encoding per file, by a fixed rule, and the checks that reject
binary input.

The rule (`decode`):
1. A byte-order mark decides: UTF-8, UTF-16 or UTF-32.
2. No mark but the NUL pattern of UTF-16 (every other byte NUL in ASCII-heavy
   text): UTF-16 of that byte order. Other NUL bytes: binary, refused.
3. Valid UTF-8: UTF-8.
4. Mostly UTF-8 (at least as many valid multi-byte UTF-8 characters as invalid
   bytes): UTF-8, each invalid byte a replacement character (U+FFFD), and one
   warning naming the file and the count. A UTF-8 file with a bad byte is never
   decoded as cp1252 ("GenÃ¨ve").
5. Otherwise the legacy encoding of news text, Windows-1252 (Latin-1 where a byte
   is undefined in it), for the whole file.
Decoded text with more than 2% control characters is binary and refused.
"""

from __future__ import annotations

import codecs
import re

from ..errors import ReadError

# Share of control characters (other than tab, newline, carriage return, form feed)
# above which decoded text is taken for binary: real scraped text has none, while
# images and archives decoded as latin-1 have about 10-30%.
MAX_CONTROL_SHARE = 0.02
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}
# Bytes the UTF-16 sniff and the control check look at.
SAMPLE_BYTES = 65536
SAMPLE_CHARS = 200_000
# In UTF-16 of mostly-ASCII text about half the bytes are NUL, all at even (BE) or
# odd (LE) offsets; this share of the sample's byte pairs must show it.
UTF16_SHARE = 0.3

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A valid multi-byte UTF-8 character (2, 3 or 4 bytes).
_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                         rb"|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def control_share(text: str) -> float:
    """The share of characters in `text` that are control characters no text holds."""
    if not text:
        return 0.0
    sample = text[:SAMPLE_CHARS]
    return len(_CONTROLS.findall(sample)) / len(sample)


def _utf16_order(data: bytes) -> str | None:
    sample = data[:SAMPLE_BYTES]
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= pairs * UTF16_SHARE and even <= pairs * 0.05:
        return "utf-16-le"
    if even >= pairs * UTF16_SHARE and odd <= pairs * 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, *, source: str) -> tuple[str, str | None]:
    """(text, warning or None) for `data` by the rule above; `ReadError` naming
    `source` when it is empty, binary or undecodable."""
    if not data.strip():
        raise ReadError(source, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _lenient(data, encoding, source=source, why="after a byte-order mark")
    order = _utf16_order(data)
    if order is not None:
        return _lenient(data, order, source=source, why="(detected by its NUL bytes)")
    if b"\x00" in data[:SAMPLE_BYTES]:
        raise ReadError(source, "binary file (NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), source=source), None
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(_UTF8_MULTI.findall(data))
    if good >= bad:
        return _checked(text, source=source), (
            f"{bad} invalid UTF-8 byte{'s' if bad != 1 else ''} replaced by \ufffd "
            "(the rest of the file is UTF-8)")
    return _legacy(data, source=source), None


def decode_bytes(data: bytes, *, source: str) -> str:
    """The text of `decode`, without its warning."""
    return decode(data, source=source)[0]


def _lenient(data: bytes, encoding: str, *, source: str, why: str) -> tuple[str, str | None]:
    try:
        return _checked(data.decode(encoding), source=source), None
    except UnicodeDecodeError:
        text = data.decode(encoding, "replace")
    bad = text.count("\ufffd")
    if bad > max(3, len(text) // 100):
        raise ReadError(source, f"undecodable: {bad} bad {encoding} sequences {why}")
    return _checked(text, source=source), (f"{bad} invalid {encoding} sequence"
                                           f"{'s' if bad != 1 else ''} replaced by \ufffd")


def _legacy(data: bytes, *, source: str) -> str:
    # cp1252 leaves 5 bytes undefined; latin-1 maps them to C1 controls, which the
    # control check then counts.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if control_share(text) > MAX_CONTROL_SHARE:
        raise ReadError(source, "binary or undecodable (not UTF-8, UTF-16 or cp1252 text)")
    return _checked(text, source=source)


def _checked(text: str, *, source: str) -> str:
    if not text.strip():
        raise ReadError(source, "empty file")
    if control_share(text) > MAX_CONTROL_SHARE:
        raise ReadError(source, "binary file (mostly non-text characters)")
    return text
