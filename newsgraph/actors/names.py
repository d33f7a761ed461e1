"""Repairs of the parser's person-name spans before they are resolved."""

from __future__ import annotations

import re
from typing import Any

from ..nlp import GIVEN_PART


def given_name_end(ent: Any) -> int:
    """End of a person's name the parser cut at the hyphen of a given name: "President
    Lee Min-ho" tagged "Lee Min" (or "Lee Min-") takes its "-ho" (its "ho") back."""
    doc, end = ent.doc, ent.end
    if ent.label_ == "PERSON" and end < len(doc) and doc[end - 1].whitespace_ \
            and GIVEN_PART.fullmatch(doc[end].text):
        # "Kim Jong-il" tagged "Kim", its given name kept one token (nlp.keep_names)
        return doc[end].idx + len(doc[end])
    if ent.label_ == "PERSON" and doc[end - 1].text == "-" and not doc[end - 1].whitespace_ \
            and end < len(doc) and doc[end].is_alpha and doc[end].is_lower:
        end += 1  # "President Moon Jae-" tagged with its hyphen, "in" left out
    elif ent.label_ != "PERSON" or not _hyphen_part(doc, end) or not doc[end + 1].is_lower:
        return ent.end_char
    while _hyphen_part(doc, end):  # "Fazl-ur-Rehman": every joined part
        end += 2
    return doc[end - 1].idx + len(doc[end - 1])


def _hyphen_part(doc: Any, end: int) -> bool:
    return end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
        and not doc[end].whitespace_ and doc[end + 1].is_alpha


_WORD_CHAR = re.compile(r"\w").match


def _boundary(text: str, i: int) -> bool:
    r"""`\b` at offset i of `text`."""
    before = i > 0 and _WORD_CHAR(text, i - 1) is not None
    return before != (i < len(text) and _WORD_CHAR(text, i) is not None)


def whole_word_at(text: str, word: str) -> list[int]:
    r"""Where `re.finditer(r"\b" + re.escape(word) + r"\b", text)` matches, found with
    `str.find` (one regex scan of the article per name cost more than the rest)."""
    out: list[int] = []
    i = text.find(word) if word else -1
    while i >= 0:
        if _boundary(text, i) and _boundary(text, i + len(word)):
            out.append(i)
            i = text.find(word, i + len(word))
        else:
            i = text.find(word, i + 1)
    return out


__all__ = ["given_name_end", "whole_word_at"]
