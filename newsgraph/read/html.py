"""HTML pages: the main text, title, date and site name, by trafilatura."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..errors import ReadError
from ..model import Article
from ..time.formats import parse_date

# Fewer words than this is a menu or a stub ("Home"), not an article: the shortest
# news item in corpus/allsides_ir has over 30.
MIN_WORDS = 5


def outlet_from_url(url: str | None) -> str | None:
    """The host of `url` without "www." ("www.reuters.com/..." -> "reuters.com")."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.removeprefix("www.")
    return host or None


def looks_like_html(text: str) -> bool:
    """Whether `text` (the start of an input) is an HTML document or fragment."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or any(
        tag in head for tag in ("<head", "<body", "<article", "<p>", "<div"))


def article_from_html(html: str, *, source: str, url: str | None = None,
                      max_bytes: int) -> Article:
    """Extract the article in `html`; raise `ReadError` when there is none.

    Scripts, styles and event handlers are never run: trafilatura only walks the
    parsed tree and keeps text.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                          include_comments=False, include_images=False)
    except (RecursionError, ValueError, TypeError, AttributeError, MemoryError) as e:
        raise ReadError(source, f"HTML could not be parsed ({type(e).__name__})") from e
    text = (doc.text or "").strip() if doc is not None else ""
    if len(text.split()) < MIN_WORDS:
        raise ReadError(source, "no article text could be extracted from the HTML")
    if len(text) > max_bytes:
        raise ReadError(source, f"too large: {_size(len(text))} of text "
                                f"(limit {_size(max_bytes)})")
    published = parse_date(doc.date)
    return Article(
        source=source, raw=text, title=(doc.title or None), url=url or doc.url or None,
        outlet=doc.sitename or outlet_from_url(url or doc.url),
        published=published, published_basis="metadata" if published else None,
        user_published=False)


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"
