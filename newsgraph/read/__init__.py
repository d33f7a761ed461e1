"""Stage 1, read: files, folders, archives and stdin to `Article`s.

    iter_articles(["news/", "crawl.warc.gz", "-"], published="2024-07-04")

yields an `Article` per article and a `ReadError` (yielded, not raised) per bad input,
then goes on with the rest. Inside a folder only the kinds below are read (hidden
files and other extensions such as images, CSV or PDF are skipped silently); a file
named explicitly with another extension is sniffed like stdin. A folder or file that
cannot be read is reported, never skipped silently.

Every input is read within the limits of `newsgraph.limits` (text per article,
decompressed bytes, bytes without a line break): past them it is refused with its
size and the limit, having held at most about the limit in memory.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from .. import limits
from ..errors import ReadError, UsageError, excerpt
from ..model import Article
from ..time.formats import parse_date, parse_user_date
from .decode import decode
from .html import article_from_html, looks_like_html
from .jsonl import read_jsonl
from .stream import GZIP_MAGIC, Bounded, bounded, check, open_file
from .warc import read_warc, warc_unbroken

KINDS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc",
}

# The default text limit; `limits.max_text()` reads its override, $NEWSGRAPH_MAX_TEXT.
MAX_BYTES = limits.DEFAULT_MAX_TEXT

__all__ = ["MAX_BYTES", "ReadError", "check_paths", "iter_articles", "kind_of", "parse_date",
           "parse_user_date"]


def kind_of(name: str) -> tuple[str | None, bool]:
    """(kind, gzipped) from a file name: ("jsonl", True) for "a.jsonl.gz"."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    return KINDS.get(os.path.splitext(lower)[1]), gz


def check_paths(paths: Iterable[str]) -> None:
    """Raise `UsageError` for a path no input can have (the empty string)."""
    for path in paths:
        if not str(path).strip():
            raise UsageError("PATHS", 'an empty path ("") names no file or folder')
        if "\x00" in str(path):
            raise UsageError("PATHS", f"a path with a NUL byte: {excerpt(str(path))}")


def iter_articles(paths: Iterable[str], *, published: str | None = None,
                  outlet: str | None = None, stdin: IO[bytes] | None = None,
                  max_bytes: int | None = None) -> Iterator[Article | ReadError]:
    """Every article in `paths` (files, folders, "-" for stdin), in order.

    `published` and `outlet`, given by the user, win over anything read: `published`
    sets `published_basis="metadata"` and `user_published=True` on every article. A
    `published` that is not a date, or an empty path, raises `UsageError` before
    anything is read. `max_bytes`: characters of text per article (default
    `limits.max_text()`).
    """
    paths = [str(p) for p in paths]
    check_paths(paths)
    user_date = parse_user_date(published, param="--published") if published else None
    limit = limits.max_text() if max_bytes is None else max_bytes
    for path in paths:
        for item in _iter_path(path, stdin=stdin, max_bytes=limit):
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
    try:
        is_dir = p.is_dir()
        exists = is_dir or p.exists()
    except OSError as e:  # a name too long, a loop of links
        yield ReadError(path, f"cannot read ({e.strerror or type(e).__name__})")
        return
    if is_dir:
        for child in _walk(p):
            if isinstance(child, ReadError):
                yield child
                continue
            kind, gz = kind_of(child.name)
            if kind is not None:
                yield from _read_file(child, kind=kind, gz=gz, max_bytes=max_bytes)
        return
    if not exists:
        yield ReadError(path, "no such file or directory")
        return
    kind, gz = kind_of(p.name)
    yield from _read_file(p, kind=kind or "sniff", gz=gz, max_bytes=max_bytes)


def _walk(folder: Path) -> Iterator[Path | ReadError]:
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        while errors:
            yield _os_error(errors.pop(0))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name
    for e in errors:
        yield _os_error(e)


def _os_error(e: OSError) -> ReadError:
    where = str(e.filename) if e.filename is not None else "?"
    if isinstance(e, PermissionError):
        return ReadError(where, "permission denied (folder not read)")
    return ReadError(where, f"cannot read ({e.strerror or type(e).__name__})")


def _read_file(path: Path, *, kind: str, gz: bool, max_bytes: int
               ) -> Iterator[Article | ReadError]:
    source = str(path)
    try:
        if kind == "jsonl":
            with open_file(source, source=source, gz=gz) as stream:
                yield from read_jsonl(stream, source=source, max_bytes=max_bytes)
            return
        if kind == "warc":
            # gunzipped here (every record is its own gzip member), so a cut member
            # is an error, never a short record
            with open_file(source, source=source, gz=None,
                           max_unbroken=warc_unbroken(max_bytes)) as stream:
                yield from read_warc(stream, source=source, max_bytes=max_bytes)
            return
        if kind == "sniff":
            with open_file(source, source=source, gz=gz or None) as stream:
                yield from _sniffed(stream, source=source, max_bytes=max_bytes)
            return
        limit = max_bytes * (limits.HTML_FACTOR if kind == "html" else 4)
        with open_file(source, source=source, gz=gz) as stream:
            data = stream.read(limit + 1)
            if len(data) <= limit:
                check(stream)
        if len(data) > limit:
            yield ReadError(source, f"too large: over {limits.size(limit)} (limit "
                                    f"{limits.size(max_bytes)} of text per article, "
                                    f"${limits.ENV_MAX_TEXT})")
            return
        yield _from_bytes(data, kind=kind, source=source, max_bytes=max_bytes)
    except ReadError as e:
        yield e
    except PermissionError:
        yield ReadError(source, "permission denied")
    except IsADirectoryError:
        yield ReadError(source, "is a directory")
    except OSError as e:
        yield ReadError(source, f"cannot read ({e.strerror or type(e).__name__})")


def _from_bytes(data: bytes, *, kind: str, source: str, max_bytes: int
                ) -> Article | ReadError:
    try:
        text, warning = decode(data, source=source)
        if kind == "sniff":
            kind = "html" if looks_like_html(text) else "text"
        if kind == "html":
            article = article_from_html(text, source=source, max_bytes=max_bytes)
        elif len(text) > max_bytes:
            return ReadError(source, f"too large: {limits.size(len(text))} of text "
                                     f"(limit {limits.size(max_bytes)}, "
                                     f"${limits.ENV_MAX_TEXT})")
        else:
            article = Article(source=source, raw=text)
    except ReadError as e:
        return e
    if warning:
        article.warnings.append(warning)
    return article


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
    try:
        head = stdin.read(2)
        gz = head == GZIP_MAGIC
        stream = bounded(io.BufferedReader(_Prepend(head, stdin)), source="-", gz=gz)
        yield from _sniffed(stream, source="-", max_bytes=max_bytes)
    except ReadError as e:
        yield e
    except OSError as e:
        yield ReadError("-", f"cannot read ({e.strerror or type(e).__name__})")


def _sniffed(stream: io.BufferedReader, *, source: str, max_bytes: int
             ) -> Iterator[Article | ReadError]:
    """An input of unknown kind (stdin, a file without a known extension): JSON Lines,
    a WARC or one text or HTML article, by its first bytes."""
    head = stream.peek(65536)[:65536]
    if not head:
        check(stream)
    if head.lstrip()[:1] == b"{":
        yield from read_jsonl(stream, source=source, max_bytes=max_bytes)
        return
    if head.startswith(b"WARC/"):
        if isinstance(stream.raw, Bounded):
            stream.raw.max_unbroken = warc_unbroken(max_bytes)
        yield from read_warc(stream, source=source, max_bytes=max_bytes)
        return
    limit = max_bytes * limits.HTML_FACTOR
    data = stream.read(limit + 1)
    if len(data) <= limit:
        check(stream)
    if len(data) > limit:
        yield ReadError(source, f"too large: over {limits.size(limit)} (limit "
                                f"{limits.size(max_bytes)} of text per article, "
                                f"${limits.ENV_MAX_TEXT})")
        return
    yield _from_bytes(data, kind="sniff", source=source, max_bytes=max_bytes)
