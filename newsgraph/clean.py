"""Stage 2, clean: remove boilerplate lines, read metadata printed in the text."""

from __future__ import annotations

from .model import Article


def clean(article: Article) -> None:
    """Set `article.text` and `article.removed`; fill title/outlet/published from the
    text where the user gave none."""
    article.text = article.raw.strip()
    article.removed = []
