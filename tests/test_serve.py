"""`newsgraph serve` over HTTP: the real server (console script, uvicorn) on a free
127.0.0.1 port, over a real store built from the seeds and our hostile article."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
from conftest import BIN
from serving import FIXTURES, Server, build_store, copy_store, get, post_oversized, request

pytestmark = pytest.mark.model
TOKEN = "test-ingest-token-0123456789"


@pytest.fixture(scope="module")
def db(shared: Path, tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("serve"), shared)


@pytest.fixture(scope="module")
def server(db: Path):
    srv = Server(db)
    yield srv
    srv.stop()


def api(server: Server, path: str, **params: object) -> tuple[int, object]:
    query = urllib.parse.urlencode(params, doseq=True)
    return get(f"{server.base}/api/{path}" + (f"?{query}" if query else ""))


def ok(server: Server, path: str, **params: object) -> dict:
    status, body = api(server, path, **params)
    assert status == 200, (path, params, body)
    return body  # type: ignore[return-value]


def _names(event: dict) -> set[str]:
    return {a["name"] for a in event.get("actor", []) + event.get("recipient", [])}


def test_timeline_shows_the_five_putin_iran_meetings(server, shared):
    gold = json.loads((shared / "gold" / "seeds.json").read_text())
    meetings = [m for m in gold["meetings"] if "Vladimir Putin" in m["participants"]]
    assert len(meetings) == 5
    page = ok(server, "timeline", actor=["Russia", "Iran"], limit=500)
    assert page["next"] is None
    consults = [e for e in page["events"] if e["type"] == "CONSULT"]
    for meeting in meetings:
        hits = [e for e in consults if e["location"] and e["location"]["name"] == meeting["city"]
                and e["start"] <= meeting["date"] <= e["end"]]
        assert len(hits) == 1, (meeting, consults)
        detail = ok(server, f"events/{hits[0]['id']}")
        assert set(meeting["participants"]) <= _names(detail), detail
    starts = [e["start"] for e in page["events"]]
    assert starts == sorted(starts)


def test_cursor_pages_add_up_to_the_whole_list(server):
    whole = ok(server, "events", limit=500)["events"]
    assert len(whole) > 40
    seen, cursor = [], None
    while True:
        page = ok(server, "events", limit=7, **({"cursor": cursor} if cursor else {}))
        seen += [e["id"] for e in page["events"]]
        cursor = page["next"]
        if not cursor:
            break
    assert seen == [e["id"] for e in whole]
    assert any(e["start"] is None for e in whole)  # undated events come after the dated


def test_filters_by_type_status_dates_and_confidence(server):
    consult = ok(server, "timeline", type="CONSULT", limit=500)["events"]
    assert consult and {e["type"] for e in consult} == {"CONSULT"}
    planned = ok(server, "timeline", status="planned", limit=500)["events"]
    assert planned and {e["status"] for e in planned} == {"planned"}
    window = ok(server, "timeline", since="2024-07", until="2024-10", limit=500)["events"]
    assert window and all(e["end"] >= "2024-07-01" and e["start"] <= "2024-10-31"
                          for e in window)
    counts = ok(server, "timeline", since="2024", until="2024", bucket="month")["counts"]
    assert {c["bucket"] for c in counts} >= {"2024-07", "2024-10"}
    meta = ok(server, "meta")
    status, body = api(server, "timeline", min_confidence=0.5)
    if meta["has_confidence"]:
        assert status == 200 and all(e["confidence"] >= 0.5 for e in body["events"])
    else:
        assert status == 400 and "confidence" in body["error"]


def test_event_sources_point_at_their_sentence_in_the_article(server):
    page = ok(server, "timeline", actor=["Putin"], type="CONSULT", limit=5)
    event = ok(server, f"events/{page['events'][0]['id']}")
    assert event["sources"]
    for source in event["sources"]:
        doc = ok(server, f"documents/{source['doc_id']}")
        assert doc["text"][source["start"]:source["end"]] == source["sentence"]
        assert any(s["event_id"] == event["id"] and s["start"] == source["start"]
                   for s in doc["spans"])


def test_actor_graph_relations_quotes_and_search(server):
    actors = ok(server, "actors", q="Putin")["actors"]
    putin = next(a for a in actors if a["name"] == "Vladimir Putin")
    detail = ok(server, f"actors/{putin['id']}")
    assert detail["events"] >= 5 and detail["documents"] == 5
    assert any(o["role"] == "president" and o["country"] == "RUS" for o in detail["offices"])
    graph = ok(server, "graph")
    by_id = {n["id"]: n for n in graph["nodes"]}
    assert putin["id"] in by_id
    assert any(putin["id"] in (e["source"], e["target"]) and "CONSULT" in e["types"]
               for e in graph["edges"])
    countries = ok(server, "graph", by="country")
    assert any({e["source"], e["target"]} == {"IRN", "RUS"} for e in countries["edges"])
    rel = ok(server, "relations", a="Russia", b="Iran")
    months = {m["month"] for m in rel["months"] if m["type"] == "CONSULT"}
    assert {"2022-09", "2024-07", "2024-10", "2025-09"} <= months
    assert rel["a"]["actor"]["id"] == "RUS" and rel["b"]["actor"]["id"] == "IRN"
    quotes = ok(server, "quotes", speaker=putin["id"])["quotes"]
    assert quotes and all(q["speaker"]["id"] == putin["id"] for q in quotes)
    found = ok(server, "search", q="Tianjin")
    assert found["documents"] and "\x02Tianjin\x03" in found["documents"][0]["snippet"]
    assert ok(server, "search", q="strategic")["quotes"]


def test_openapi_and_docs_page(server):
    status, spec = get(server.base + "/openapi.json")
    assert status == 200
    for path in ("/api/timeline", "/api/events", "/api/events/{id}", "/api/actors",
                 "/api/actors/{id}", "/api/quotes", "/api/documents/{id}", "/api/search",
                 "/api/graph", "/api/relations", "/api/articles"):
        assert path in spec["paths"], path
    status, page = get(server.base + "/docs")
    assert status == 200 and "/openapi.json" in page and "cdn" not in page.lower()


@pytest.mark.parametrize("path, status", [
    ("events/ev_nope", 404), ("documents/nope", 404), ("actors/nope", 404),
    ("nothing/here", 404), ("timeline?since=2024-13-45", 400), ("timeline?since=last+week", 422),
    ("timeline?limit=0", 422), ("timeline?limit=100000", 422), ("timeline?cursor=%%%", 400),
    ("timeline?cursor=eyJzIjogMX0", 400), ("timeline?min_confidence=7", 422),
    ("timeline?type=CONSULT%27%20OR%201%3D1", 422), ("graph?by=everything", 422),
    ("search", 422), ("search?q=%20%20", 400), ("relations?a=Russia", 422),
    ("timeline?actor=" + "x" * 300, 400), ("timeline?bucket=century", 422),
])
def test_bad_requests_get_a_json_4xx(server, path, status):
    code, headers, body = request("GET", f"{server.base}/api/{path}")
    assert code == status, (path, body)
    assert headers.get("content-type", "").startswith("application/json")
    assert json.loads(body)["error"]


def test_hostile_input_never_gets_a_500(server):
    nasty = ["\x00", "%00", "'", '"', "\\", "%", "_", "*", "NEAR(", "a" * 5000, "\ud800",
             "😀", "<script>alert(1)</script>", "../../etc/passwd", "-1", "1e309"]
    for value in nasty:
        for path in ("timeline?actor=", "search?q=", "actors?q=", "quotes?speaker=",
                     "events/", "documents/", "actors/", "relations?b=Iran&a=",
                     "graph?actor=", "timeline?cursor="):
            quoted = urllib.parse.quote(value, safe="", errors="surrogatepass")
            url = f"{server.base}/api/{path}{quoted}"
            code, _, body = request("GET", url)
            assert code < 500, (url, body[:300])
    code, _, _ = request("GET", f"{server.base}/api/timeline?actor=" + "y" * 100_000)
    assert 400 <= code < 500


def test_sql_injection_is_data_not_code(server, db):
    before = ok(server, "meta")
    for attempt in ["Russia' OR '1'='1", "Russia') OR 1=1 --", "'; DROP TABLE events; --",
                    "RUS\" OR \"\"=\"", "%' UNION SELECT id, id, id, id, id FROM events --"]:
        assert ok(server, "timeline", actor=attempt)["events"] == []
        assert ok(server, "actors", q=attempt)["actors"] == []
        assert ok(server, "quotes", speaker=attempt)["quotes"] == []
        assert ok(server, "relations", a=attempt, b="Iran")["events"] == []
        found = ok(server, "search", q=attempt)
        assert isinstance(found["documents"], list)
        code, _, _ = request("GET", f"{server.base}/api/events/" + urllib.parse.quote(attempt))
        assert code == 404
    # a quote or an FTS operator in a search is a word, not syntax
    assert ok(server, "search", q='Tianjin" OR "x')["documents"] == []
    assert ok(server, "meta") == before


def test_hostile_article_is_served_as_data_with_a_strict_policy(server):
    found = ok(server, "search", q="lithium")["documents"]
    assert len(found) == 1
    doc = ok(server, f"documents/{found[0]['doc_id']}")
    assert "<script>window.__pwned = 'text'</script>" in doc["text"]
    assert doc["url"].startswith("javascript:")  # stored as given; the page refuses it
    code, headers, body = request("GET", server.base + "/")
    csp = headers.get("content-security-policy", "")
    assert code == 200 and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert headers.get("x-content-type-options") == "nosniff"


def test_read_only_by_default(server):
    code, _, body = request("POST", server.base + "/api/articles", body=b'{"text": "x"}',
                            headers={"content-type": "application/json"})
    assert code == 403 and "read-only" in json.loads(body)["error"]


def test_ingest_while_serving_and_post_with_token(db, tmp_path):
    """`newsgraph ingest` writes the served file while clients read it; both sides see
    no error and a reload shows the new events. Then POST /api/articles with a token."""
    live = copy_store(db, tmp_path / "live.db")
    srv = Server(live, token=TOKEN)
    errors: list[str] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            for path in ("timeline?limit=200", "graph", "meta", "relations?a=Kenya&b=Tanzania"):
                code, _, body = request("GET", f"{srv.base}/api/{path}")
                if code != 200:
                    errors.append(f"{path}: {code} {body[:200]!r}")
            time.sleep(0.02)

    readers = [threading.Thread(target=read) for _ in range(2)]
    try:
        before = {e["id"] for e in ok(srv, "timeline", limit=500)["events"]}
        for t in readers:
            t.start()
        import subprocess

        run = subprocess.run([str(BIN), "--db", str(live), "ingest",
                              str(FIXTURES / "later.jsonl")],
                             capture_output=True, text=True, timeout=600)
        stop.set()
        for t in readers:
            t.join()
        assert run.returncode == 0, run.stderr
        assert "added 3" in run.stderr, run.stderr
        assert not errors, errors[:5]
        after = ok(srv, "timeline", actor=["Kenya"], limit=50)["events"]
        assert any(e["id"] not in before and e["start"] == "2025-05-12" for e in after)

        url = srv.base + "/api/articles"
        body = json.dumps({"text": "GENEVA - Swiss President Karin Keller-Sutter met Austrian "
                                   "Chancellor Christian Stocker in Geneva on 3 June 2025.",
                           "published": "2025-06-04", "url": "https://example.org/geneva"})
        json_h = {"content-type": "application/json"}
        assert request("POST", url, body=body.encode(), headers=json_h)[0] == 401
        assert request("POST", url, body=body.encode(),
                       headers={**json_h, "authorization": "Bearer wrong"})[0] == 401
        auth = {**json_h, "authorization": f"Bearer {TOKEN}"}
        assert post_oversized(url, b"x" * 2_100_000, auth) == 413
        assert request("POST", url, body=b"{not json", headers=auth)[0] == 400
        bad = json.dumps({"text": "x", "url": "javascript:alert(1)"}).encode()
        assert request("POST", url, body=bad, headers=auth)[0] == 422
        code, _, out = request("POST", url, body=body.encode(), headers=auth)
        assert code == 201, out
        added = json.loads(out)
        assert added["status"] == "added" and added["events"] >= 1
        doc = ok(srv, f"documents/{added['doc_id']}")
        assert doc["url"] == "https://example.org/geneva" and doc["events"]
    finally:
        stop.set()
        srv.stop()


def test_serve_command_errors_are_one_line(tmp_path, db):
    import subprocess

    missing = subprocess.run([str(BIN), "--db", str(tmp_path / "none.db"), "serve"],
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 1
    assert missing.stderr.startswith("error: no store at") and "Traceback" not in missing.stderr
    assert not (tmp_path / "none.db").exists()
    short = subprocess.run([str(BIN), "--db", str(db), "serve", "--ingest-token", "abc"],
                           capture_output=True, text=True, timeout=60)
    assert short.returncode == 2 and "--ingest-token" in short.stderr
