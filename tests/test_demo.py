"""`make demo`'s corpus (examples/, written by us) through the real console script."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from conftest import BIN, cli_json

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> dict[str, str]:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    env = dict(os.environ, NEWSGRAPH_DB=str(db))
    run = subprocess.run([str(BIN), "ingest", str(ROOT / "examples")], env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "failed 0" in run.stderr + run.stdout
    return env


def test_wire_copy_is_one_meeting_with_both_sources(demo_db):
    events = cli_json(demo_db, "timeline", "--actor", "Turkey", "--actor", "Russia")
    sochi = [e for e in events if e["type"] == "CONSULT" and e["date"] == "2023-09-04"]
    assert len(sochi) == 1, sochi
    sources = {Path(s["source"]).name for s in sochi[0]["sources"]}
    assert sources == {"2023-09-04_sochi_erdogan_putin.txt", "2023-09-04_sochi_wire_copy.txt"}


def test_undated_article_is_not_given_todays_date(demo_db):
    today = dt.date.today().isoformat()
    events = cli_json(demo_db, "events")
    assert events and all(e["date"] != today for e in events)


def test_second_ingest_adds_nothing(demo_db):
    run = subprocess.run([str(BIN), "ingest", str(ROOT / "examples")], env=demo_db,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0
    assert "added 0" in run.stderr + run.stdout
