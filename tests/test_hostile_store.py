"""Hostile input, part 2: the store and what is printed. Foreign, corrupt and
read-only stores, a full disk (simulated with SQLite's max_page_count through
$NEWSGRAPH_MAX_STORE), crafted values in every output format, nonsense query
parameters, and the death of the parent of pool workers."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from test_hostile import ESC, cli  # tests/ is on sys.path
from test_store import PUTIN, RAISI, TEXT, make_article, meeting, quote

from newsgraph import limits
from newsgraph import store as store_mod
from newsgraph.errors import StoreFullError
from newsgraph.model import Actor, Article, Quote


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(tmp_path) -> Path:
    path = tmp_path / "store" / "filled.db"
    with store_mod.open(path) as db:
        db.ingest(make_article(TEXT, events=[meeting(TEXT, occasion="SCO summit")],
                               quotes=[quote()]))
        t2 = "Putin met Raisi in Tehran, the Kremlin said."
        db.ingest(make_article(t2, source="b.txt", published="2022-07-20", events=[
            meeting(t2, recipient=RAISI, place="Tehran", country="IRN", date="2022-07-19")]))
    return path


def small_text(tmp_path: Path, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text("Putin met Pezeshkian in Tianjin on Monday, the Kremlin said.")
    return path


# -- 3. a SQLite file that is not a newsgraph store ------------------------------------


def test_foreign_sqlite_and_non_sqlite_files_are_refused_untouched(tmp_path):
    foreign = tmp_path / "contacts.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.execute("INSERT INTO people VALUES ('Ada')")
    conn.commit()
    conn.close()
    text = tmp_path / "notes.db"
    text.write_text("shopping list: bread, milk\n" * 50)
    for db in (foreign, text):
        before = digest(db)
        for args in (["ingest", str(small_text(tmp_path))], ["timeline"], ["actors"]):
            run = cli("--db", str(db), *args)
            assert run.rc == 1 and len(run.errors) == 1, run.err
            assert f"error: {db}: not a newsgraph store" in run.errors[0]
        assert digest(db) == before
        assert not Path(f"{db}-wal").exists()


# -- 4. a corrupt store: reported once, never written ----------------------------------


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for at in range(2 * page, len(data) - page, 3 * page):  # every third page from 3
        data[at + 8: at + 300] = os.urandom(292)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("quick_check", ["128000000", "0"])
def test_corrupt_store_is_reported_once_and_never_written(tmp_path, filled, quick_check):
    _corrupt(filled)
    before = digest(filled)
    env = {limits.ENV_QUICK_CHECK: quick_check}
    for args in (["timeline"], ["events"], ["actors"], ["quotes", "--search", "friends"],
                 ["ingest", str(small_text(tmp_path))]):
        run = cli("--db", str(filled), *args, env=env)
        assert run.rc == 1, (args, run.err)
        assert len(run.errors) == 1 and str(filled) in run.errors[0], (args, run.err)
        assert "corrupt" in run.errors[0] or "not a newsgraph store" in run.errors[0]
        assert digest(filled) == before


# -- 4. read-only stores answer queries ------------------------------------------------


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_store_answers_queries_and_refuses_ingest(tmp_path, filled, what):
    target = filled if what == "file" else filled.parent
    target.chmod(0o444 if what == "file" else 0o555)
    try:
        run = cli("--db", str(filled), "timeline", "--format", "json", unprivileged=True)
        assert run.rc == 0, run.err
        assert {e["date"] for e in json.loads(run.out)} == {"2022-07-19", "2025-09-01"}
        run = cli("--db", str(filled), "quotes", "--search", "friends", unprivileged=True)
        assert run.rc == 0 and b"We are friends" in run.out
        run = cli("--db", str(filled), "ingest", str(small_text(tmp_path)), unprivileged=True)
        assert run.rc == 1 and len(run.errors) == 1 and "read-only" in run.errors[0], run.err
    finally:
        target.chmod(0o644 if what == "file" else 0o755)


# -- 4. disk full: one message, nothing half-written, resume as a clean run -----------


def _snapshot(path: Path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {
            "documents": conn.execute("SELECT doc_id, source FROM documents ORDER BY 1").fetchall(),
            "fts": conn.execute("SELECT count(*) FROM documents_fts").fetchall(),
            "events": conn.execute("SELECT id, summary, n_documents FROM events "
                                   "ORDER BY 1").fetchall(),
            "quotes": conn.execute("SELECT id, text FROM quotes ORDER BY 1").fetchall(),
            "mentions": conn.execute("SELECT doc_id, start, actor_id FROM mentions "
                                     "ORDER BY 1, 2").fetchall(),
        }
    finally:
        conn.close()


def _many(n: int) -> list[Article]:
    out = []
    for i in range(n):
        text = (f"Putin met Pezeshkian in Tianjin on Monday for talks number {i}. " * 60
                + "\"We are friends,\" Putin said.")
        out.append(make_article(text, source=f"a{i}.txt", events=[meeting(text)],
                                quotes=[Quote(text="We are friends,", start=len(text) - 28,
                                              end=len(text) - 13, kind="direct",
                                              speaker=PUTIN, speaker_span=None,
                                              cue="said")]))
    return out


def test_full_store_stops_rolls_back_the_article_and_resumes_like_a_clean_run(tmp_path):
    clean = tmp_path / "clean.db"
    with store_mod.open(clean) as db:
        for article in _many(6):
            db.ingest(article)
    full = tmp_path / "full.db"
    with store_mod.open(full) as db:
        pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
        db.conn.execute(f"PRAGMA max_page_count = {pages + 6}")
        stored = 0
        with pytest.raises(StoreFullError, match="disk full") as caught:
            for article in _many(6):
                before = _snapshot(full)
                db.ingest(article)
                stored += 1
        assert str(full) in str(caught.value) and 0 < stored < 6
        assert _snapshot(full) == before  # the article that did not fit left nothing
        db.conn.execute("PRAGMA max_page_count = 1073741823")
        for article in _many(6):
            db.ingest(article)
    assert _snapshot(full) == _snapshot(clean)


def test_disk_full_through_the_cli_is_one_message_naming_the_store(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"a{i}.txt").write_text(
            f"Russian President Vladimir Putin met Iranian President Masoud Pezeshkian in "
            f"Tianjin on Monday for round {i} of talks. " * 40)
    db = tmp_path / "full.db"
    store_mod.open(db).close()
    size = db.stat().st_size
    run = cli("--db", str(db), "ingest", str(folder),
              env={limits.ENV_MAX_STORE: str(size + 40_000)})
    assert run.rc == 1 and len(run.errors) == 1, run.err
    assert run.errors[0].startswith(f"error: {db}: disk full"), run.err
    assert b"stopped: added" in run.err
    partial = _snapshot(db)
    assert len(partial["documents"]) < 4 and partial["fts"] == [(len(partial["documents"]),)]
    again = cli("--db", str(db), "ingest", str(folder))
    assert again.rc == 0, again.err
    assert len(_snapshot(db)["documents"]) == 4


# -- 5. output: control characters escaped, md and csv safe ----------------------------


@pytest.fixture
def crafted(tmp_path) -> Path:
    path = tmp_path / "crafted.db"
    evil = Actor("L:evil", "=HYPERLINK(\"http://x\")\x1b]0;pwned\x07", "person", "RUS")
    text = "Putin met Pezeshkian in Tianjin on Monday. \"<script>alert(1)</script>\" he said."
    article = make_article(text, source="evil\x1b[2J\nadded 99.txt", events=[meeting(text)])
    article.title = "Nul\x00title"
    start = text.index("<script>")
    article.quotes = [Quote(text="<script>alert(1)</script>", start=start,
                            end=start + 25, kind="direct", speaker=evil, speaker_span=None,
                            cue="said")]
    with store_mod.open(path) as db:
        db.ingest(article)
    return path


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "md"])
def test_no_control_character_reaches_the_terminal(crafted, fmt):
    for args in (["quotes"], ["actors"], ["timeline"]):
        run = cli("--db", str(crafted), *args, "--format", fmt)
        assert run.rc == 0, run.err
        assert ESC not in run.out and b"\x00" not in run.out and b"\x07" not in run.out
    conn = sqlite3.connect(crafted)
    doc_id = conn.execute("SELECT doc_id FROM documents").fetchone()[0]
    run = cli("--db", str(crafted), "show", doc_id, "--format", fmt)
    assert run.rc == 0 and ESC not in run.out and b"\x00" not in run.out
    if fmt in ("json", "jsonl"):
        record = json.loads(run.out)
        assert record["source"] == "evil\x1b[2J\nadded 99.txt"  # the data itself is kept


def test_md_escapes_html_and_csv_neutralizes_formulas(crafted):
    md = cli("--db", str(crafted), "quotes", "--format", "md").out.decode()
    assert "<script>" not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    rows = cli("--db", str(crafted), "quotes", "--format", "csv").out.decode().splitlines()
    assert rows[1].startswith("\"'=HYPERLINK(") or rows[1].startswith("'=HYPERLINK(")
    actors = cli("--db", str(crafted), "actors", "--format", "csv").out.decode()
    assert ",=" not in actors and "'=HYPERLINK" in actors


# -- 6. query parameters: nonsense is an error naming the parameter --------------------


@pytest.mark.parametrize("args, param", [
    (["timeline", "--since", "notadate"], "--since"),
    (["timeline", "--until", "2024-13-45"], "--until"),
    (["events", "--since", "2024-05", "--until", "2024-01"], "--until"),
    (["timeline", "--type", "BOGUS"], "--type"),
    (["timeline", "--actor", "%"], "--actor"),
    (["timeline", "--actor", "x" * 100_000], "--actor"),
    (["quotes", "--search", "***"], "--search"),
    (["quotes", "--speaker", "--"], "--speaker"),
    (["show", "-"], "ID"),
    (["kb", "show", "-"], "NAME"),
])
def test_nonsense_parameters_are_one_clear_error(filled, args, param):
    run = cli("--db", str(filled), *args)
    assert run.rc == 1 and len(run.errors) == 1, run.err
    assert run.errors[0].startswith(f"error: {param}: "), run.err
    assert len(run.errors[0]) < 400


def test_ranges_types_and_literal_names(filled):
    def dates(*args: str) -> set[str]:
        run = cli("--db", str(filled), "timeline", *args, "--format", "json")
        assert run.rc == 0, run.err
        return {e["date"] for e in json.loads(run.out)} if run.out.strip() else set()

    assert dates("--since", "2022", "--until", "2022") == {"2022-07-19"}
    assert dates("--since", "2025-09") == {"2025-09-01"}
    assert dates("--type", "consult", "--until", "2022-07") == {"2022-07-19"}
    assert dates("--actor", "Putin") == {"2022-07-19", "2025-09-01"}
    assert dates("--actor", "P_tin") == set()  # LIKE wildcards match only themselves
    assert dates("--actor", "Pu%") == set()


def test_a_store_path_that_cannot_be_is_one_error():
    for args in (["timeline"], ["ingest", "/nonexistent-input"]):
        run = cli(*args, env={"NEWSGRAPH_DB": "/proc/nope/x.db"})
        assert run.rc == 1 and len(run.errors) == 1 and "/proc/nope/x.db" in run.errors[0]


# -- 4. pool workers die with their parent --------------------------------------------


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            out |= {int(p) for p in task.read_text().split()}
        except OSError:
            pass
    return out


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def test_workers_exit_when_the_parent_is_killed(tmp_path):
    import subprocess

    from test_hostile import BIN

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):  # three batches: both workers get one
        small_text(folder, f"a{i:02}.txt")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    parent = subprocess.Popen([str(BIN), "--db", str(tmp_path / "w.db"), "ingest",
                               "--jobs", "2", str(folder)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and parent.poll() is None:
        workers = {p for p in _children(parent.pid) if b"spawn_main" in _cmdline(p)}
        if len(workers) >= 2:
            break
        time.sleep(0.2)
    assert len(workers) >= 2, "the workers never started"
    time.sleep(1.0)  # the workers are inside their initializer, loading the model
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.2)
    assert not any(_alive(p) for p in workers), [p for p in workers if _alive(p)]
