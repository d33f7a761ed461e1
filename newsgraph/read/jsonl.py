"""JSON Lines: one article per line, streamed.

Fields: `text` or `html` (a string, required), `url`, `title`, `outlet` (or
`source`): strings; `published` (or `date`): a date string or a Unix timestamp.
A field of the wrong type, or a `published` that is no date, is an error for that
line naming the field; null or "" is the same as a missing field. Control
characters in the strings (NUL bytes...) are taken out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

from .. import limits
from ..errors import ReadError, excerpt
from ..model import Article
from ..time.formats import parse_date
from .decode import decode
from .html import article_from_html, outlet_from_url
from .stream import check

_CHUNK = 1 << 20
# What is not blank: runs of blank lines are skipped in C, not one line at a time.
_NOT_BLANK = re.compile(rb"[^ \t\r\n\f\v]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
STRING_FIELDS = ("url", "title", "outlet", "source")


def _lines(stream: IO[bytes], *, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line or None when over `limit`, length) for each non-blank line;
    memory stays within `limit` plus a chunk, however long a line or a blank run is."""
    lineno = 1  # the line the next byte belongs to
    part = bytearray()  # the current line so far (None-like when over the limit)
    over = 0  # > 0: the current line is over the limit; its length so far
    while chunk := stream.read(_CHUNK):
        pos, n = 0, len(chunk)
        while pos < n:
            if not part and not over:  # at a line start: skip blank lines fast
                m = _NOT_BLANK.search(chunk, pos)
                end = m.start() if m else n
                lineno += chunk.count(b"\n", pos, end)
                pos = end
                if m is None:
                    break
            nl = chunk.find(b"\n", pos)
            stop = n if nl < 0 else nl
            if over:
                over += stop - pos
            else:
                part += chunk[pos:stop]
                if len(part) > limit:
                    over, part = len(part), bytearray()
            if nl < 0:
                break
            yield (lineno, None, over) if over else (lineno, bytes(part), len(part))
            lineno += 1
            part, over, pos = bytearray(), 0, nl + 1
    check(stream)  # a cut gzip: its last piece is not a line
    if over:
        yield lineno, None, over
    elif part.strip():
        yield lineno, bytes(part), len(part)


def read_jsonl(stream: IO[bytes], *, source: str, max_bytes: int
               ) -> Iterator[Article | ReadError]:
    """Each line of `stream` as an Article (source "SOURCE:LINENO") or a ReadError.

    A corrupt gzip stream ends the file with one ReadError after the lines read.
    """
    count = 0
    try:
        for lineno, line, size in _lines(stream, limit=max_bytes * limits.LINE_FACTOR):
            where = f"{source}:{lineno}"
            count += 1
            if line is None:
                yield ReadError(where, f"line too large: {limits.size(size)} (limit "
                                       f"{limits.size(max_bytes)} of text per article, "
                                       f"${limits.ENV_MAX_TEXT})")
                continue
            yield _line_article(line, source=where, max_bytes=max_bytes)
    except ReadError as e:
        yield e
        return
    except OSError as e:
        yield ReadError(source, f"cannot read ({e.strerror or type(e).__name__})")
        return
    if count == 0:
        yield ReadError(source, "empty file (no JSON lines)")


class _FieldError(Exception):
    pass


def _clean(value: str) -> str:
    return _CONTROL.sub("", value).strip()


def _string(obj: dict[str, Any], name: str) -> str | None:
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _FieldError(f"field {name!r} must be a string, not {_type(value)}")
    return _clean(value) or None


def _type(value: Any) -> str:
    return {"dict": "an object", "list": "a list", "bool": "true/false", "int": "a number",
            "float": "a number"}.get(type(value).__name__, type(value).__name__)


def _published(obj: dict[str, Any]) -> str | None:
    for name in ("published", "date"):
        value = obj.get(name)
        if value is None or value == "":
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise _FieldError(f"field {name!r} must be a date string or a Unix "
                              f"timestamp, not {_type(value)}")
        text = str(int(value)) if isinstance(value, int | float) else value
        try:
            date = parse_date(text)
        except (ValueError, OverflowError, OSError):
            date = None
        if date is None:
            raise _FieldError(f"field {name!r} is not a date: {excerpt(str(value))}")
        return date
    return None


def _line_article(line: bytes, *, source: str, max_bytes: int) -> Article | ReadError:
    try:
        text_line, warning = decode(line, source=source)
        obj: Any = json.loads(text_line)
    except ReadError as e:
        return e
    except json.JSONDecodeError as e:
        return ReadError(source, f"malformed JSON ({e.msg} at column {e.colno})")
    except RecursionError:
        return ReadError(source, "malformed JSON (nested too deeply)")
    if not isinstance(obj, dict):
        return ReadError(source, "a JSON line must be an object with a 'text' or 'html' field")
    try:
        article = _article(obj, source=source, max_bytes=max_bytes)
    except _FieldError as e:
        return ReadError(source, str(e))
    except ReadError as e:
        return e
    if warning:
        article.warnings.append(warning)
    return article


def _article(obj: dict[str, Any], *, source: str, max_bytes: int) -> Article:
    for name in ("text", "html"):
        if obj.get(name) is not None and not isinstance(obj[name], str):
            raise _FieldError(f"field {name!r} must be a string, not {_type(obj[name])}")
    strings = {name: _string(obj, name) for name in STRING_FIELDS}
    published = _published(obj)
    text, html, url = obj.get("text"), obj.get("html"), strings["url"]
    if isinstance(text, str) and text.strip():
        text = _CONTROL.sub(" ", text)
        if len(text) > max_bytes:
            raise ReadError(source, f"too large: {limits.size(len(text))} of text "
                                    f"(limit {limits.size(max_bytes)}, ${limits.ENV_MAX_TEXT})")
        article = Article(source=source, raw=text, url=url)
    elif isinstance(html, str) and html.strip():
        article = article_from_html(html, source=source, url=url, max_bytes=max_bytes)
    else:
        raise _FieldError("no 'text' or 'html' field with content")
    if strings["title"]:
        article.title = strings["title"]
    outlet = strings["outlet"] or strings["source"]
    if outlet:
        article.outlet = outlet
    elif not article.outlet:
        article.outlet = outlet_from_url(url)
    if published:
        article.published = published
        article.published_basis = "metadata"
        article.user_published = True
    return article
