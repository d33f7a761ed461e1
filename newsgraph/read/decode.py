"""Bytes to text: encoding detection and the checks that reject binary input."""

from __future__ import annotations

import codecs

from ..errors import ReadError

# Share of control characters (other than tab, newline, carriage return, form feed)
# above which decoded text is taken for binary: real scraped text has none, while
# images and archives decoded as latin-1 have about 10-30%.
MAX_CONTROL_SHARE = 0.02
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def control_share(text: str) -> float:
    """The share of characters in `text` that are control characters no text holds."""
    if not text:
        return 0.0
    sample = text[:200_000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
              or 0x7F <= ord(ch) < 0xA0)
    return bad / len(sample)


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode `data` as text or raise `ReadError` naming `source` and the reason.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); otherwise UTF-8, then cp1252
    and latin-1 only where they give clean text.
    """
    if not data.strip():
        raise ReadError(source, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as e:
                raise ReadError(source, f"undecodable: bad {encoding} after a byte-order mark") from e
            return _checked(text, source=source)
    if b"\x00" in data[:65536]:
        raise ReadError(source, "binary file (NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), source=source)
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if control_share(text) <= MAX_CONTROL_SHARE:
            return text
    raise ReadError(source, "binary or undecodable (not UTF-8, UTF-16 or cp1252 text)")


def _checked(text: str, *, source: str) -> str:
    if not text.strip():
        raise ReadError(source, "empty file")
    if control_share(text) > MAX_CONTROL_SHARE:
        raise ReadError(source, "binary file (mostly non-text characters)")
    return text
