"""What the stages after the parse read from a Doc again and again, computed once per Doc.

spaCy builds these anew on every access: `Doc.text` joins every token, `Doc.ents`
makes a Span per entity, and `Span.ents` and `Span.text` go through them; the time,
actors, quotes and events stages ask for them per mention, per trigger, per sentence.
Here each is built on first use and kept while the Doc lives (a weak reference: a
window's Doc and its cache go together). A Doc is not edited after the parse (no
stage retokenizes nor sets entities); a cache is rebuilt if its Doc's length changed.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any
from weakref import WeakKeyDictionary

_CACHE: WeakKeyDictionary[Any, dict[str, Any]] = WeakKeyDictionary()


def _of(doc: Any) -> dict[str, Any]:
    entry = _CACHE.get(doc)
    if entry is None or entry["len"] != len(doc):
        entry = {"len": len(doc)}
        _CACHE[doc] = entry
    return entry


def text(doc: Any) -> str:
    """`doc.text`."""
    entry = _of(doc)
    found = entry.get("text")
    if found is None:
        found = entry["text"] = doc.text
    return found


def span_text(span: Any) -> str:
    """`span.text` (a sentence, an entity), cut from the Doc's text."""
    return text(span.doc)[span.start_char:span.end_char] if len(span) else ""


def ents(doc: Any) -> tuple[Any, ...]:
    """`doc.ents`."""
    entry = _of(doc)
    found = entry.get("ents")
    if found is None:
        found = entry["ents"] = tuple(doc.ents)
        entry["ent_starts"] = [e.start for e in found]
    return found


def span_ents(span: Any) -> list[Any]:
    """`span.ents`: the entities wholly inside the span (as spaCy reads them, the
    first one running past its end stops the list)."""
    all_ents = ents(span.doc)
    starts = _of(span.doc)["ent_starts"]
    out = []
    for k in range(bisect_left(starts, span.start), len(all_ents)):
        ent = all_ents[k]
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def idx(doc: Any) -> list[int]:
    """The tokens' character offsets (`token.idx`), in order."""
    entry = _of(doc)
    found = entry.get("idx")
    if found is None:
        found = entry["idx"] = doc.to_array("IDX").tolist()
    return found


def _column(doc: Any, attr: str) -> list[int]:
    entry = _of(doc)
    found = entry.get(attr)
    if found is None:
        found = entry[attr] = doc.to_array(attr).tolist()
    return found


def tokens_where(span: Any, attr: str, values: frozenset[str]) -> list[Any]:
    """The tokens of `span` whose `attr` ("POS", "DEP") is one of `values` ("VERB",
    "pobj"), in order, read from the Doc's array: the others are never made."""
    doc = span.doc
    strings = doc.vocab.strings
    ids = {strings[v] for v in values}
    column = _column(doc, attr)
    return [doc[i] for i in range(span.start, span.end) if column[i] in ids]


__all__ = ["ents", "idx", "span_ents", "span_text", "text", "tokens_where"]
