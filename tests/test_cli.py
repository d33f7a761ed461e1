"""The `newsgraph` command, end to end: CliRunner and one real console-script run."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_store import RAISI, TEXT, make_article, meeting, quote  # tests/ is on sys.path

from newsgraph import store as store_mod
from newsgraph.cli import main

ARTICLE_1 = ("Putin meets Pezeshkian\n"
             "Russian President Vladimir Putin met Iranian President Masoud Pezeshkian in "
             "Tianjin on Monday on the sidelines of the SCO summit. \"Our relations are "
             "developing,\" Putin said.\n")
ARTICLE_2 = ("Raisi in Moscow\n"
             "Iranian President Ebrahim Raisi held talks with Vladimir Putin in Moscow on "
             "Thursday, the Kremlin said.\n")


@pytest.fixture
def filled(tmp_path) -> Path:
    """A store filled through the library (independent of the extraction stages)."""
    path = tmp_path / "filled.db"
    with store_mod.open(path) as db:
        db.ingest(make_article(TEXT, events=[meeting(TEXT, occasion="SCO summit")],
                               quotes=[quote()]))
        t2 = "Putin met Raisi in Tehran, the Kremlin said."
        db.ingest(make_article(t2, source="b.txt", published="2022-07-20", events=[
            meeting(t2, recipient=RAISI, place="Tehran", country="IRN",
                    date="2022-07-19")]))
    return path


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.mark.parametrize("command", [["timeline"], ["events"], ["quotes"], ["actors"],
                                     ["timeline", "--actor", "Q7747", "--actor", "IRN"]])
def test_every_format_parses(filled, command):
    outputs = {fmt: run("--db", str(filled), *command, "--format", fmt)
               for fmt in ("json", "csv", "md", "table")}
    assert all(r.exit_code == 0 for r in outputs.values()), outputs
    records = json.loads(outputs["json"].stdout)
    assert isinstance(records, list) and records
    rows = list(csv.reader(io.StringIO(outputs["csv"].stdout)))
    assert len(rows) == len(records) + 1 and len(set(map(len, rows))) == 1
    md = outputs["md"].stdout.splitlines()
    assert md[1].startswith("| ---") and len(md) == len(records) + 2
    table = outputs["table"].stdout.splitlines()
    assert len(table) == len(records) + 2 and set(table[1]) <= {"-", " "}


def test_timeline_json_record(filled):
    result = run("--db", str(filled), "timeline", "--actor", "Putin", "--format", "json")
    records = json.loads(result.stdout)
    assert [r["date"] for r in records] == ["2022-07-19", "2025-09-01"]
    latest = records[-1]
    for key in ("type", "mode", "actor", "recipient", "date", "precision", "interval",
                "location", "occasion", "status", "id", "summary", "sources"):
        assert key in latest
    assert latest["summary"] == "Vladimir Putin met Masoud Pezeshkian in Tianjin (SCO summit)"
    assert set(latest["sources"][0]) >= {"doc_id", "source", "outlet", "sentence"}
    shown = json.loads(run("--db", str(filled), "show", latest["id"], "--format",
                           "json").stdout)
    assert shown["id"] == latest["id"]
    assert run("--db", str(filled), "show", latest["id"]).stdout.count("\n") >= 5


def test_quotes_search_and_missing_id(filled):
    result = run("--db", str(filled), "quotes", "--search", "friends", "--format", "json")
    assert [q["speaker"]["name"] for q in json.loads(result.stdout)] == ["Vladimir Putin"]
    missing = run("--db", str(filled), "show", "nothing-like-this")
    assert missing.exit_code == 1
    assert missing.stderr.startswith("error: no document, event") and "Traceback" not in (
        missing.output)


def test_missing_and_empty_store(tmp_path):
    missing = run("--db", str(tmp_path / "none.db"), "timeline")
    assert missing.exit_code == 1 and "no store at" in missing.stderr
    assert not (tmp_path / "none.db").exists()
    store_mod.open(tmp_path / "empty.db").close()
    empty = run("--db", str(tmp_path / "empty.db"), "timeline")
    assert empty.exit_code == 0 and "is empty" in empty.stderr
    assert json.loads(run("--db", str(tmp_path / "empty.db"), "actors", "--format",
                          "json").stdout) == []


@pytest.mark.model
def test_ingest_counts_errors_and_is_idempotent(tmp_path, pipeline):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE_1)
    (tmp_path / "in" / "b.txt").write_text(ARTICLE_2)
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"text": "Putin met Raisi."}\n{not json\n')
    db = str(tmp_path / "t.db")
    first = run("--db", db, "ingest", str(tmp_path / "in"), str(bad),
                "--published", "2025-09-02")
    assert first.exit_code == 1
    errors = [ln for ln in first.stderr.splitlines() if ln.startswith("error: ")]
    assert len(errors) == 1 and str(bad) in errors[0] and ":2" in errors[0]
    assert "added 3, skipped (already stored) 0, failed 1" in first.stderr
    again = run("--db", db, "ingest", str(tmp_path / "in"))
    assert again.exit_code == 0
    assert "added 0, skipped (already stored) 2, failed 0" in again.stderr
    with store_mod.open(db) as store:
        assert store.count("documents") == 3


@pytest.mark.model
def test_extract_prints_one_record_per_article(tmp_path, pipeline):
    (tmp_path / "a.txt").write_text(ARTICLE_1)
    result = run("extract", str(tmp_path / "a.txt"), str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith(f"error: {tmp_path / 'nope.txt'}")
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert record["source"].endswith("a.txt") and "Tianjin" in record["text"]
    assert {"doc_id", "actors", "timexes", "quotes", "events", "removed"} <= set(record)


def test_console_script(filled, tmp_path):
    exe = Path(sys.executable).parent / "newsgraph"
    done = subprocess.run([str(exe), "--db", str(filled), "timeline", "--format", "json"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 2
    failed = subprocess.run([str(exe), "--db", str(tmp_path / "no.db"), "actors"],
                            capture_output=True, text=True, timeout=60)
    assert failed.returncode == 1 and failed.stderr.startswith("error: no store at")
    assert "Traceback" not in failed.stderr
