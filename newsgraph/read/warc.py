"""WARC archives (as news crawls ship them): HTML response records, streamed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

from ..errors import ReadError
from ..model import Article
from .decode import decode_bytes
from .html import article_from_html, outlet_from_url

# HTML pages are bigger than their text: allow this many times the text limit.
HTML_FACTOR = 10
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)


def read_warc(stream: IO[bytes], *, source: str, max_bytes: int
              ) -> Iterator[Article | ReadError]:
    """Each HTML response record as an Article (source: its target URI)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or source
            ctype = record.http_headers.get_header("Content-Type") if record.http_headers else ""
            if "html" not in (ctype or "").lower():
                continue
            found += 1
            limit = max_bytes * HTML_FACTOR
            body = record.content_stream().read(limit + 1)
            if len(body) > limit:
                yield ReadError(uri, f"too large: HTML over {limit / 1e6:.0f} MB")
                continue
            yield _record_article(body, ctype or "", uri=uri, max_bytes=max_bytes)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
        yield ReadError(source, f"broken WARC ({str(e).strip() or type(e).__name__})")
        return
    # warcio trips on malformed headers with whatever error the bad value causes
    # (AttributeError on a record without a target URI): any of them means a broken file.
    except Exception as e:  # noqa: BLE001
        yield ReadError(source, f"broken WARC ({str(e).strip() or type(e).__name__})")
        return
    if found == 0:
        yield ReadError(source, "no HTML response records in the WARC")


def _record_article(body: bytes, ctype: str, *, uri: str, max_bytes: int
                    ) -> Article | ReadError:
    html: str | None = None
    if m := _CHARSET.search(ctype):
        try:
            html = body.decode(m[1])
        except (LookupError, UnicodeDecodeError):
            html = None
    try:
        if html is None:
            html = decode_bytes(body, source=uri)
        article = article_from_html(html, source=uri, url=uri, max_bytes=max_bytes)
    except ReadError as e:
        return e
    article.outlet = outlet_from_url(uri) or article.outlet
    return article
