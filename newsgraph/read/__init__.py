"""Stage 1, read: files, folders, archives and stdin to `Article`s.

    iter_articles(["news/", "crawl.warc.gz", "-"], published="2024-07-04")

yields an `Article` per article and a `ReadError` (yielded, not raised) per bad input,
then goes on with the rest. Inside a folder only the kinds below are read (hidden
files and other extensions such as images, CSV or PDF are skipped silently); a file
named explicitly with another extension is sniffed like stdin.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..errors import ReadError
from ..model import Article
from ..time.formats import parse_date
from .decode import decode_bytes
from .html import article_from_html, looks_like_html
from .jsonl import read_jsonl
from .warc import HTML_FACTOR, read_warc

MAX_BYTES = 5_000_000  # text per article; past this an input is refused with its size

KINDS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc",
}

__all__ = ["MAX_BYTES", "ReadError", "iter_articles", "kind_of", "parse_date"]


def kind_of(name: str) -> tuple[str | None, bool]:
    """(kind, gzipped) from a file name: ("jsonl", True) for "a.jsonl.gz"."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    return KINDS.get(os.path.splitext(lower)[1]), gz


def iter_articles(paths: Iterable[str], *, published: str | None = None,
                  outlet: str | None = None, stdin: IO[bytes] | None = None,
                  max_bytes: int = MAX_BYTES) -> Iterator[Article | ReadError]:
    """Every article in `paths` (files, folders, "-" for stdin), in order.

    `published` and `outlet`, given by the user, win over anything read: `published`
    sets `published_basis="metadata"` and `user_published=True` on every article.
    """
    user_date = parse_date(published) if published else None
    if published and not user_date:
        yield ReadError("--published", f"not a date: {published!r}")
    for path in paths:
        for item in _iter_path(str(path), stdin=stdin, max_bytes=max_bytes):
            if isinstance(item, Article):
                if user_date:
                    item.published = user_date
                    item.published_basis = "metadata"
                    item.user_published = True
                if outlet:
                    item.outlet = outlet
            yield item


def _iter_path(path: str, *, stdin: IO[bytes] | None, max_bytes: int
               ) -> Iterator[Article | ReadError]:
    if path == "-":
        yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer,
                               max_bytes=max_bytes)
        return
    p = Path(path)
    if p.is_dir():
        for child in _walk(p):
            kind, gz = kind_of(child.name)
            if kind is not None:
                yield from _read_file(child, kind=kind, gz=gz, max_bytes=max_bytes)
        return
    if not p.exists():
        yield ReadError(path, "no such file or directory")
        return
    kind, gz = kind_of(p.name)
    if gz and kind is None:
        kind = "sniff"
    yield from _read_file(p, kind=kind or "sniff", gz=gz, max_bytes=max_bytes)


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _open(path: Path, *, gz: bool) -> IO[bytes]:
    return gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115


def _read_file(path: Path, *, kind: str, gz: bool, max_bytes: int
               ) -> Iterator[Article | ReadError]:
    source = str(path)
    try:
        if kind == "jsonl":
            with _open(path, gz=gz) as stream:
                yield from read_jsonl(stream, source=source, max_bytes=max_bytes)
            return
        if kind == "warc":
            # warcio reads gzipped records itself (each record is its own gzip member).
            with open(path, "rb") as stream:
                yield from read_warc(stream, source=source, max_bytes=max_bytes)
            return
        limit = max_bytes * (HTML_FACTOR if kind == "html" else 4)
        with _open(path, gz=gz) as stream:
            data = stream.read(limit + 1)
        if len(data) > limit:
            yield ReadError(source, f"too large: over {limit / 1e6:.1f} MB "
                                    f"(limit {max_bytes / 1e6:.1f} MB of text per article)")
            return
        yield _from_bytes(data, kind=kind, source=source, max_bytes=max_bytes)
    except (gzip.BadGzipFile, EOFError, zlib.error) as e:
        yield ReadError(source, f"truncated or corrupt gzip ({e})")
    except PermissionError:
        yield ReadError(source, "permission denied")
    except IsADirectoryError:
        yield ReadError(source, "is a directory")
    except OSError as e:
        yield ReadError(source, f"cannot read ({e.strerror or e})")


def _from_bytes(data: bytes, *, kind: str, source: str, max_bytes: int
                ) -> Article | ReadError:
    try:
        text = decode_bytes(data, source=source)
        if kind == "sniff":
            kind = "html" if looks_like_html(text) else "text"
        if kind == "html":
            return article_from_html(text, source=source, max_bytes=max_bytes)
        if len(text) > max_bytes:
            return ReadError(source, f"too large: {len(text) / 1e6:.1f} MB of text "
                                     f"(limit {max_bytes / 1e6:.1f} MB)")
        return Article(source=source, raw=text)
    except ReadError as e:
        return e


class _Prepend(io.RawIOBase):
    """A stream that gives `head` first, then the rest of `rest` (stdin after a sniff)."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _read_stdin(stdin: IO[bytes], *, max_bytes: int) -> Iterator[Article | ReadError]:
    head = stdin.read(65536)
    if head[:2] == b"\x1f\x8b":
        stream: IO[bytes] = gzip.GzipFile(fileobj=io.BufferedReader(_Prepend(head, stdin)))
        try:
            head = stream.read(65536)
        except (gzip.BadGzipFile, EOFError, zlib.error, OSError) as e:
            yield ReadError("-", f"truncated or corrupt gzip ({e})")
            return
        stdin = stream
    if head.lstrip()[:1] == b"{":
        yield from read_jsonl(io.BufferedReader(_Prepend(head, stdin)), source="-",
                              max_bytes=max_bytes)
        return
    if head.startswith(b"WARC/"):
        yield from read_warc(io.BufferedReader(_Prepend(head, stdin)), source="-",
                             max_bytes=max_bytes)
        return
    limit = max_bytes * HTML_FACTOR
    try:
        data = head + stdin.read(limit + 1 - len(head))
    except (gzip.BadGzipFile, EOFError, zlib.error, OSError) as e:
        yield ReadError("-", f"truncated or corrupt gzip ({e})")
        return
    if len(data) > limit:
        yield ReadError("-", f"too large: over {limit / 1e6:.0f} MB")
        return
    yield _from_bytes(data, kind="sniff", source="-", max_bytes=max_bytes)
