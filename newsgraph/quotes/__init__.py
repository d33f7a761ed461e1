"""Stage 6, quotes: direct, indirect and mixed quotes with their speaker and cue.

    marks.py    where quote marks open and close (over paragraphs too)
    cues.py     speech verbs and the speaker they point to in the parse
    extract.py  the quotes themselves
"""

from __future__ import annotations

from .extract import extract

__all__ = ["extract"]
