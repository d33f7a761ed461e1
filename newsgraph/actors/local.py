"""Local ids for people and organizations the knowledge base lacks.

The id is "L:" + a short hash of the normalized full name, so the same unknown person
in two articles gets the same id ("Yury Ushakov" in any article -> one id); within one
article a bare surname ("Ushakov") is matched to the full name first (resolver.py).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from ..model import Actor

_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "sheikh", "gen", "col", "lt"})


@lru_cache(maxsize=1 << 16)  # the same names come back in every article
def normalize_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’]s\b", "", text)
    words = re.findall(r"[a-z0-9]+", text)
    return " ".join(w for w in words if w not in _HONORIFICS)


def local_id(name: str) -> str:
    digest = hashlib.sha1(normalize_name(name).encode("utf-8")).hexdigest()[:10]
    return f"L:{digest}"


def local_actor(name: str, *, kind: str, country: str | None = None,
                sector: str | None = None) -> Actor:
    return Actor(id=local_id(name), name=" ".join(name.split()), kind=kind,
                 country=country, sector=sector)
