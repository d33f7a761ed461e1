"""Shared fixtures. The real spaCy model and the real KB, loaded once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the repository (CI has it)."""
    if not (SHARED / "SPEC.md").exists():
        pytest.skip(f"{SHARED} is not there (CI provides it)")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from newsgraph import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def kb():
    from newsgraph.actors.kb import KB

    return KB.load()


@pytest.fixture(scope="session")
def pipeline(nlp, kb):
    from newsgraph import Pipeline

    return Pipeline(nlp=nlp, kb=kb)
