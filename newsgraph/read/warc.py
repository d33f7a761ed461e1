"""WARC archives (as news crawls ship them): HTML response records, streamed.

The stream comes gunzipped and bounded (read/stream.py): a gzip member cut short is
an error there; a record whose bytes end before its Content-Length is reported here
as truncated and not read as an article, and nothing after it is trusted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any

from .. import limits
from ..errors import ReadError, excerpt
from ..model import Article
from .decode import decode
from .html import article_from_html, outlet_from_url
from .stream import check

# Kept for callers of the old name: the factor lives in newsgraph.limits.
HTML_FACTOR = limits.HTML_FACTOR
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)


def warc_unbroken(max_bytes: int) -> int:
    """Bytes a WARC may run without a line break: its header lines are short, and a
    record body (a minified page on one line) is refused past the HTML limit anyway."""
    return max_bytes * limits.HTML_FACTOR + (1 << 20)


def read_warc(stream: IO[bytes], *, source: str, max_bytes: int
              ) -> Iterator[Article | ReadError]:
    """Each HTML response record as an Article (source: its target URI)."""
    from warcio.archiveiterator import ArchiveIterator

    peek = getattr(stream, "peek", None)
    head = peek(16)[:16] if peek is not None else b""
    if peek is not None and not head.startswith(b"WARC/"):
        try:
            check(stream)  # a cut or corrupt gzip says so itself
        except ReadError as e:
            yield e
            return
        yield ReadError(source, f"not a WARC file (it starts with {excerpt(head, 16)})")
        return
    found = 0
    try:
        for record in ArchiveIterator(stream, check_digests=False):
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or source
            ctype = record.http_headers.get_header("Content-Type") if record.http_headers else ""
            if "html" not in (ctype or "").lower():
                continue
            found += 1
            limit = max_bytes * limits.HTML_FACTOR
            body = record.content_stream().read(limit + 1)
            if len(body) > limit:
                yield ReadError(uri, f"too large: HTML over {limits.size(limit)} (limit "
                                     f"{limits.size(max_bytes)} of text, "
                                     f"${limits.ENV_MAX_TEXT})")
                continue
            if _cut(record, stream):
                yield ReadError(source, f"truncated WARC: the record for {uri} ends "
                                        "before its Content-Length (not stored)")
                return
            yield _record_article(body, ctype or "", uri=uri, max_bytes=max_bytes)
        check(stream)
    except ReadError as e:
        yield e
        return
    # warcio trips on malformed headers with whatever error the bad value causes
    # (AttributeError on a record without a target URI): any of them means a broken file.
    except Exception as e:  # noqa: BLE001
        yield ReadError(source, f"broken WARC ({excerpt(str(e).strip() or type(e).__name__)})")
        return
    if found == 0:
        yield ReadError(source, "no HTML response records in the WARC")


def _cut(record: Any, stream: IO[bytes]) -> bool:
    """Whether the record's bytes ran out before its declared length (a cut gzip
    raises its own ReadError here)."""
    raw = getattr(record, "raw_stream", None)
    left = getattr(raw, "limit", 0)
    if not left:
        return False
    check(stream)
    try:  # what is left must still be there: read it (bounded by the record length)
        while left > 0:
            chunk = raw.read(min(left, 1 << 16))
            if not chunk:
                check(stream)
                return True
            left -= len(chunk)
    except ReadError:
        raise
    except Exception:  # noqa: BLE001 - an unreadable rest is a cut record
        return True
    return False


def _record_article(body: bytes, ctype: str, *, uri: str, max_bytes: int
                    ) -> Article | ReadError:
    html: str | None = None
    warning = None
    if m := _CHARSET.search(ctype):
        try:
            html = body.decode(m[1])
        except (LookupError, UnicodeDecodeError):
            html = None
    try:
        if html is None:
            html, warning = decode(body, source=uri)
        article = article_from_html(html, source=uri, url=uri, max_bytes=max_bytes)
    except ReadError as e:
        return e
    article.outlet = outlet_from_url(uri) or article.outlet
    if warning:
        article.warnings.append(warning)
    return article
