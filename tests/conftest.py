"""Shared fixtures. The real spaCy model and the real KB, loaded once per session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the repository (CI has it)."""
    if not (SHARED / "SPEC.md").exists():
        pytest.fail(f"{SHARED} is not there: the tests read ../shared beside the repository "
                    "(or $NEWSGRAPH_SHARED)", pytrace=False)
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from newsgraph import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def kb():
    from newsgraph.kb import KB

    return KB.load()


@pytest.fixture(scope="session")
def pipeline(nlp, kb):
    from newsgraph import Pipeline

    return Pipeline(nlp=nlp, kb=kb)


BIN = Path(sys.executable).parent / "newsgraph"


def cli_json(env: dict[str, str], *args: str) -> Any:
    """Run the real console script with `--format json` and parse what it prints."""
    out = subprocess.run([str(BIN), *args, "--format", "json"], env=env, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)
