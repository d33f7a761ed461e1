"""JSON Lines: one article per line, streamed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from ..errors import ReadError
from ..model import Article
from ..time.formats import parse_date
from .decode import decode_bytes
from .html import article_from_html, outlet_from_url

# A JSON line carries the text escaped and maybe as HTML: allow this many times the
# per-article text limit before giving up on a line without reading it whole.
LINE_FACTOR = 8
_CHUNK = 1 << 20


def _lines(stream: IO[bytes], *, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line or None when over `limit`, length) for each line."""
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while True:  # skip the rest of the line without keeping it
                chunk = stream.readline(_CHUNK)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield lineno, None, size
        else:
            yield lineno, line, len(line)


def read_jsonl(stream: IO[bytes], *, source: str, max_bytes: int
               ) -> Iterator[Article | ReadError]:
    """Each line of `stream` as an Article (source "SOURCE:LINENO") or a ReadError.

    A corrupt gzip stream ends the file with one ReadError after the lines read.
    """
    count = 0
    try:
        for lineno, line, size in _lines(stream, limit=max_bytes * LINE_FACTOR):
            where = f"{source}:{lineno}"
            if line is None:
                yield ReadError(where, f"line too large: {size / 1e6:.1f} MB "
                                       f"(limit {max_bytes / 1e6:.1f} MB of text)")
                continue
            if not line.strip():
                continue
            count += 1
            yield _line_article(line, source=where, max_bytes=max_bytes)
    except (OSError, EOFError) as e:
        yield ReadError(source, f"truncated or corrupt compressed data ({e})")
        return
    if count == 0:
        yield ReadError(source, "empty file (no JSON lines)")


def _line_article(line: bytes, *, source: str, max_bytes: int) -> Article | ReadError:
    try:
        text_line = decode_bytes(line, source=source)
        obj: Any = json.loads(text_line)
    except ReadError as e:
        return e
    except json.JSONDecodeError as e:
        return ReadError(source, f"malformed JSON ({e.msg} at column {e.colno})")
    if not isinstance(obj, dict):
        return ReadError(source, "a JSON line must be an object with a 'text' or 'html' field")
    text, html = obj.get("text"), obj.get("html")
    url = _str(obj.get("url"))
    if isinstance(text, str) and text.strip():
        if len(text) > max_bytes:
            return ReadError(source, f"too large: {len(text) / 1e6:.1f} MB of text "
                                     f"(limit {max_bytes / 1e6:.1f} MB)")
        article = Article(source=source, raw=text, url=url)
    elif isinstance(html, str) and html.strip():
        try:
            article = article_from_html(html, source=source, url=url, max_bytes=max_bytes)
        except ReadError as e:
            return e
    else:
        return ReadError(source, "no 'text' or 'html' field with content")
    title = _str(obj.get("title"))
    if title:
        article.title = title
    outlet = _str(obj.get("outlet")) or _str(obj.get("source"))
    if outlet:
        article.outlet = outlet
    elif not article.outlet:
        article.outlet = outlet_from_url(url)
    published = parse_date(_str(obj.get("published") or obj.get("date")))
    if published:
        article.published = published
        article.published_basis = "metadata"
        article.user_published = True
    return article


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
