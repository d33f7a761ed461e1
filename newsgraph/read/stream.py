"""Byte streams with bounds: decompressed size, bytes without a line break, and gzip
errors turned into one `ReadError` naming the file.

    with bounded(path, source=str(path), gz=True) as stream:
        stream.read(...)      # ReadError past limits.max_input() or on a cut gzip

Every reader reads through one of these, so no input (a compression bomb, a binary
file named .warc, a gzip cut short) can hold more than a bounded piece in memory or
pass a cut file off as whole.
"""

from __future__ import annotations

import gzip
import io
import zlib
from typing import IO

from .. import limits
from ..errors import ReadError

_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)
GZIP_MAGIC = b"\x1f\x8b"


def gzip_reason(e: BaseException) -> str:
    if isinstance(e, EOFError):
        return "truncated gzip: the file ends before its compressed data does"
    if isinstance(e, gzip.BadGzipFile) and "not a gzipped file" in str(e).lower():
        return "not gzip data, although the name ends in .gz"
    return f"corrupt gzip data ({type(e).__name__})"


class Bounded(io.RawIOBase):
    """`raw` read with limits. `max_unbroken`: bytes allowed without a b"\\n" (None:
    no such limit)."""

    def __init__(self, raw: IO[bytes], *, source: str, max_total: int | None = None,
                 max_unbroken: int | None = None, what: str = "decompresses to",
                 also_close: IO[bytes] | None = None) -> None:
        self._raw = raw
        self._also_close = also_close
        self.source = source
        self.max_total = limits.max_input() if max_total is None else max_total
        self.max_unbroken = max_unbroken
        self.total = 0
        self._unbroken = 0
        self.pending: ReadError | None = None
        self._what = what

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self.pending is not None:
            raise self.pending
        try:
            # read1: one read underneath, so what came before an error is not lost
            read = getattr(self._raw, "read1", self._raw.read)
            chunk = read(len(buffer))
        except (*_GZIP_ERRORS, OSError) as e:
            # End the data here, raise at the next read: a buffered reader above would
            # drop what it read before this call (`check` raises it at the end).
            reason = (gzip_reason(e) if isinstance(e, _GZIP_ERRORS)
                      else f"cannot read ({e.strerror or type(e).__name__})")
            self.pending = ReadError(self.source, reason)
            return 0
        n = len(chunk)
        self.total += n
        if self.total > self.max_total:
            raise ReadError(self.source, f"{self._what} over {limits.size(self.max_total)} "
                                         f"(limit ${limits.ENV_MAX_INPUT}): a compression "
                                         "bomb or not an input for newsgraph")
        if self.max_unbroken is not None and n:
            last = chunk.rfind(b"\n")
            self._unbroken = n - last - 1 if last >= 0 else self._unbroken + n
            if self._unbroken > self.max_unbroken:
                raise ReadError(self.source, f"{limits.size(self._unbroken)} without a line "
                                             "break: not a text, JSON Lines or WARC file")
        buffer[:n] = chunk
        return n

    def close(self) -> None:
        try:
            self._raw.close()
            if self._also_close is not None:
                self._also_close.close()
        finally:
            super().close()


def check(stream: IO[bytes]) -> None:
    """Raise the error that ended `stream` early (a cut gzip), if any: call it where
    a reader meets the end of its data, before trusting the last piece."""
    raw = getattr(stream, "raw", stream)
    if isinstance(raw, Bounded) and raw.pending is not None:
        raise raw.pending


def bounded(raw: IO[bytes], *, source: str, gz: bool,
            max_unbroken: int | None = limits.MAX_UNBROKEN) -> io.BufferedReader:
    """`raw` (a file opened "rb", or stdin), gunzipped when `gz`, behind the limits;
    closing it closes `raw`."""
    inner: IO[bytes] = gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw
    return io.BufferedReader(Bounded(inner, source=source, max_unbroken=max_unbroken,
                                     what="decompresses to" if gz else "is",
                                     also_close=raw if gz else None),
                             buffer_size=1 << 16)


def open_file(path: str, *, source: str, gz: bool | None = None,
              max_unbroken: int | None = limits.MAX_UNBROKEN) -> io.BufferedReader:
    """Open `path` bounded; `gz` None: gunzip when the file starts with the gzip magic."""
    raw = open(path, "rb")  # noqa: SIM115 - closed with the returned stream
    try:
        if gz is None:
            gz = raw.read(2) == GZIP_MAGIC
            raw.seek(0)
        return bounded(raw, source=source, gz=gz, max_unbroken=max_unbroken)
    except BaseException:
        raw.close()
        raise
