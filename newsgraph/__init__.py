"""newsgraph: news articles in, a sourced record of international relations out.

    import newsgraph
    pipe = newsgraph.Pipeline()
    article = pipe.process_text("Putin met Pezeshkian in Tianjin on Monday.",
                                published="2025-09-01")
    article.to_record()

Importing this package loads no model: spaCy and the knowledge base load on first use.
"""

from __future__ import annotations

from .errors import KBError, ModelError, NewsgraphError, ReadError, StoreError
from .model import Actor, Article, Event, Interval, Location, Mention, Quote, Timex
from .pipeline import Options, Pipeline
from .store import open

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "Event", "Interval", "KBError", "Location", "Mention",
    "ModelError", "NewsgraphError", "Options", "Pipeline", "Quote", "ReadError",
    "StoreError", "Timex", "__version__", "open",
]
