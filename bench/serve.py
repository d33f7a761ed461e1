"""`newsgraph serve` at a million events, over HTTP, and screenshots of every view.

1. Generates a store of 1,000,000 synthetic merged events (our own generator: rows
   written straight into the store's schema with executemany; countries from the
   bundled KB, people invented, actors drawn with a Zipf-like skew, 90% day-dated,
   6% month-dated, 1% spanning years, 3% undated).
2. Starts the real server (`newsgraph --db ... serve`) on a free 127.0.0.1 port and
   measures, over HTTP with one keep-alive client, p50/p95 of `/api/timeline` filtered
   by an actor and a year (targets: p95 < 50 ms) and of `/api/graph` (p95 < 200 ms).
3. Ingests the five seeds into a second store, serves it, and writes a screenshot of
   each view (headless Debian Chromium through Playwright) to bench/results/serve_*.png,
   plus the timeline and network of the million-event store.

No FLOORS: times depend on the machine; the figures are reported, not gated.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

NAME = "serve"
FLOORS: dict[str, float] = {}
N_EVENTS = 1_000_000
N_PEOPLE = 600
YEARS = (1990, 2025)
REQUESTS = 200  # per endpoint measured
SEED = 11
TYPES = ["CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "ACCUSE", "DISAPPROVE",
         "SANCTION", "THREATEN", "DEMAND", "REJECT", "FIGHT", "RETREAT", "PROTEST"]
STATUSES = ["reported"] * 8 + ["claimed", "planned", "denied", "hypothetical"]
RESULTS = Path(__file__).resolve().parent / "results"
BIN = Path(sys.executable).parent / "newsgraph"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


# -- the synthetic store -------------------------------------------------------------


def _actors(kb: Any, rng: random.Random) -> list[tuple[str, str, str, str | None, str | None]]:
    countries = sorted(kb.countries, key=lambda c: c.iso3)
    rows: list[tuple[str, str, str, str | None, str | None]] = [
        (c.iso3, c.name, "country", c.iso3, "GOV") for c in countries]
    for i in range(N_PEOPLE):
        c = rng.choice(countries)
        rows.append((f"P{i:04d}", f"Synthetic Person {i} ({c.iso3})", "person", c.iso3, "GOV"))
    return rows


def generate(path: Path, *, kb: Any, n: int = N_EVENTS) -> dict[str, Any]:
    """A store at `path` with `n` synthetic events; returns what the benchmark asks."""
    from newsgraph import store as store_mod
    from newsgraph.store.analytics import has_column

    rng = random.Random(SEED)
    with store_mod.open(path) as store:  # the schema and every migration
        confidence = has_column(store, "events", "confidence")
    actors = _actors(kb, rng)
    ids = [a[0] for a in actors]
    # Zipf-like popularity: the first actors take part in most events
    weights = [1 / (i + 1) ** 0.9 for i in range(len(ids))]
    rng.shuffle(weights)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO actors (id, name, kind, country, sector) VALUES "
                     "(?, ?, ?, ?, ?)", actors)
    day0 = time.mktime((YEARS[0], 1, 1, 12, 0, 0, 0, 0, -1))
    span_days = (YEARS[1] - YEARS[0] + 1) * 365
    names = {a[0]: a[1] for a in actors}
    cols = ("id, type, mode, status, participants_key, date, precision, interval, "
            "sort_start, sort_end, summary, n_documents" + (", confidence" if confidence else ""))
    marks = ",".join("?" * (13 if confidence else 12))
    batch_ev: list[tuple[Any, ...]] = []
    batch_ea: list[tuple[str, str, str]] = []
    for i in range(n):
        a, b = rng.choices(ids, weights=weights, k=2)
        while b == a:
            b = rng.choices(ids, weights=weights, k=1)[0]
        type_ = TYPES[min(int(rng.expovariate(0.35)), len(TYPES) - 1)]
        t = time.localtime(day0 + rng.randrange(span_days) * 86400)
        day = time.strftime("%Y-%m-%d", t)
        kind = rng.random()
        if kind < 0.90:
            date, precision, start, end, interval = day, "day", day, day, None
        elif kind < 0.96:
            date, precision, start = day[:7], "month", day[:7] + "-01"
            end, interval = day[:7] + "-28", json.dumps({"start": start, "end": day[:7] + "-28"})
        elif kind < 0.97:
            years = rng.randint(1, 4)
            start, end = day, f"{int(day[:4]) + years}{day[4:]}"
            date, precision, interval = None, "year", json.dumps({"start": start, "end": end})
        else:
            date = precision = start = end = interval = None
        key = "|".join(sorted((a, b)))
        row: tuple[Any, ...] = (f"ev_{i:012x}", type_, None, rng.choice(STATUSES), key, date,
                                precision, interval, start, end,
                                f"{names[a]} {type_.lower()} {names[b]}", rng.randint(1, 6))
        if confidence:
            row += (round(rng.uniform(0.3, 1.0), 2),)
        batch_ev.append(row)
        batch_ea.append((row[0], a, "actor"))
        batch_ea.append((row[0], b, "recipient"))
        if len(batch_ev) >= 50_000:
            conn.executemany(f"INSERT INTO events ({cols}) VALUES ({marks})", batch_ev)
            conn.executemany("INSERT INTO event_actors (event_id, actor_id, role) "
                             "VALUES (?, ?, ?)", batch_ea)
            batch_ev.clear()
            batch_ea.clear()
    if batch_ev:
        conn.executemany(f"INSERT INTO events ({cols}) VALUES ({marks})", batch_ev)
        conn.executemany("INSERT INTO event_actors (event_id, actor_id, role) VALUES "
                         "(?, ?, ?)", batch_ea)
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = WAL")
    by_rank = [ids[i] for i in sorted(range(len(ids)), key=lambda i: -weights[i])]
    conn.close()
    return {"actors": by_rank, "names": names}


# -- serving and measuring -----------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Server:
    def __init__(self, db: Path) -> None:
        self.port = _free_port()
        self.proc = subprocess.Popen([str(BIN), "--db", str(db), "serve", "--port",
                                      str(self.port)], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"serve exited: {self.proc.stderr.read()}")  # type: ignore[union-attr]
            try:
                if self.get("/api/meta")[0] == 200:
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("serve did not start")

    def get(self, path: str) -> tuple[int, bytes]:
        """GET over one keep-alive connection, reopened once when the server closed an
        idle one (uvicorn keeps them 5 s)."""
        for attempt in (1, 2):
            conn = getattr(self, "_conn", None)
            if conn is None:
                conn = self._conn = http.client.HTTPConnection("127.0.0.1", self.port,
                                                               timeout=60)
            try:
                conn.request("GET", path)
                resp = conn.getresponse()
                return resp.status, resp.read()
            except (http.client.HTTPException, OSError):
                self._conn = None
                conn.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _timed(server: _Server, paths: list[str]) -> dict[str, float]:
    times = []
    for path in paths:
        t0 = time.perf_counter()
        status, body = server.get(path)
        times.append((time.perf_counter() - t0) * 1000)
        if status != 200:
            raise RuntimeError(f"{path}: HTTP {status} {body[:200]!r}")
    times.sort()
    return {"p50_ms": statistics.median(times),
            "p95_ms": times[min(len(times) - 1, int(len(times) * 0.95))],
            "max_ms": times[-1]}


def measure(server: _Server, picks: dict[str, Any]) -> dict[str, float | int]:
    rng = random.Random(SEED + 1)
    actors = picks["actors"]
    # an actor and a year: popular, middling and rare actors alike
    pool = actors[:20] + actors[100:140] + actors[400:440]
    timeline = [f"/api/timeline?actor={rng.choice(pool)}&since={y}&until={y}&limit=100"
                for y in (rng.randint(*YEARS) for _ in range(REQUESTS))]
    graph_all = ["/api/graph"] * (REQUESTS // 4)
    graph_year = [f"/api/graph?since={y}&until={y}" for y in
                  (rng.randint(*YEARS) for _ in range(REQUESTS // 4))]
    for path in timeline[:10] + graph_all[:2]:  # warm the page cache
        server.get(path)
    out: dict[str, float | int] = {}
    for name, paths in (("timeline_actor_year", timeline), ("graph", graph_all),
                        ("graph_year", graph_year)):
        for key, value in _timed(server, paths).items():
            out[f"{name}_{key}"] = round(value, 1)
    counts = [f"/api/timeline?actor={rng.choice(pool)}&bucket=year&limit=50"
              for _ in range(REQUESTS // 4)]
    for key, value in _timed(server, counts).items():
        out[f"timeline_actor_decades_{key}"] = round(value, 1)
    return out


# -- screenshots ---------------------------------------------------------------------


def _seeds_store(path: Path, shared: Path, pipeline: Any) -> None:
    from newsgraph import store as store_mod
    from newsgraph.read import iter_articles

    with store_mod.open(path, kb=pipeline.kb) as store:
        for item in iter_articles([str(shared / "corpus" / "seeds")]):
            if isinstance(item, Exception):
                raise item
            store.ingest(pipeline.process(item))


def screenshots(seeds: _Server, big: _Server) -> list[str]:
    from playwright.sync_api import sync_playwright

    status, body = seeds.get("/api/timeline?actor=Russia&actor=Iran&type=CONSULT&limit=50")
    meeting = next(e for e in json.loads(body)["events"] if "Ashgabat" in e["summary"])
    status, body = seeds.get("/api/search?q=Tianjin")
    doc = json.loads(body)["documents"][0]["doc_id"]
    shots = [
        (seeds, "timeline?actor=Russia,Iran", "timeline", "serve_timeline.png"),
        (seeds, "timeline?actor=Russia,Iran&since=2024&until=2024", "timeline",
         "serve_timeline_2024.png"),
        (seeds, f"event/{meeting['id']}", "event", "serve_event.png"),
        (seeds, "relation?a=Russia&b=Iran", "relation", "serve_relation.png"),
        (seeds, "network", "network", "serve_network.png"),
        (seeds, "actor/Q7747", "actor", "serve_actor.png"),
        (seeds, "quotes?speaker=Q7747", "quotes", "serve_quotes.png"),
        (seeds, "search?q=Tianjin", "search", "serve_search.png"),
        (seeds, f"doc/{doc}", "doc", "serve_document.png"),
        (big, "timeline", "timeline", "serve_timeline_1m.png"),
        (big, "timeline?actor=RUS&since=2020&until=2020", "timeline",
         "serve_timeline_1m_russia_2020.png"),
        (big, "network?by=country", "network", "serve_network_1m.png"),
    ]
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        for server, route, view, name in shots:
            page.goto(f"http://127.0.0.1:{server.port}/#/{route}")
            page.wait_for_selector(f".view-{view} h1", timeout=60_000)
            page.screenshot(path=str(RESULTS / name), full_page=True)
            written.append(name)
        browser.close()
    return written


def run(shared: Path, *, pipeline: Any) -> dict[str, Any]:
    RESULTS.mkdir(exist_ok=True)
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="newsgraph-serve-") as tmp:
        big_db = Path(tmp) / "million.db"
        t0 = time.perf_counter()
        picks = generate(big_db, kb=pipeline.kb)
        figures["events"] = N_EVENTS
        figures["generate_s"] = round(time.perf_counter() - t0, 1)
        seeds_db = Path(tmp) / "seeds.db"
        _seeds_store(seeds_db, shared, pipeline)
        big = _Server(big_db)
        seeds = _Server(seeds_db)
        try:
            figures.update(measure(big, picks))
            # other work on the machine shows in every figure above: report it too
            figures["load_avg_1m"] = round(os.getloadavg()[0], 1)
            figures["screenshots"] = " ".join(screenshots(seeds, big))
        finally:
            big.stop()
            seeds.stop()
    return figures


if __name__ == "__main__":  # python -m bench.serve: generate a store and serve it
    from newsgraph.kb import KB

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "million.db")
    generate(target, kb=KB.load())
    print(f"wrote {target}")
