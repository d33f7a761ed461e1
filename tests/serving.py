"""Helpers for the serve tests: a store built from the seeds and our hostile article
(once per session), and the real `newsgraph serve` on a free 127.0.0.1 port."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from conftest import BIN, ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "serve"
_BUILT: dict[str, Path] = {}


def build_store(folder: Path, shared: Path) -> Path:
    """The seeds and tests/fixtures/serve/hostile.jsonl ingested by the console script
    (once per session; later calls get the same file)."""
    if "seeds" not in _BUILT:
        db = folder / "seeds.db"
        run = subprocess.run([str(BIN), "--db", str(db), "ingest",
                              str(shared / "corpus" / "seeds"), str(FIXTURES / "hostile.jsonl")],
                             capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr
        _BUILT["seeds"] = db
    return _BUILT["seeds"]


def copy_store(src: Path, dst: Path) -> Path:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`newsgraph --db DB serve --port PORT` in a subprocess, until stop()."""

    def __init__(self, db: Path, *, token: str | None = None) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        args = [str(BIN), "--db", str(db), "serve", "--port", str(self.port)]
        if token:
            args += ["--ingest-token", token]
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True)
        deadline = time.monotonic() + 90
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"serve exited: {self.proc.stdout.read()}")  # type: ignore[union-attr]
            try:
                if get(self.base + "/api/meta")[0] == 200:
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("serve did not answer within 90 s")
            time.sleep(0.2)

    def stop(self) -> str:
        self.proc.terminate()
        try:
            out, _ = self.proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, _ = self.proc.communicate()
        return out or ""


def request(method: str, url: str, *, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def get(url: str) -> tuple[int, Any]:
    status, headers, body = request("GET", url)
    ctype = headers.get("content-type", headers.get("Content-Type", ""))
    return status, json.loads(body) if "json" in ctype else body.decode("utf-8", "replace")


def post_oversized(url: str, body: bytes, headers: dict[str, str]) -> int:
    """POST a body the server refuses by its length: the server may answer 413 and
    close before the client has sent it all (a broken pipe on our side); the answer
    is still read from the socket."""
    import http.client

    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    try:
        conn.putrequest("POST", parts.path or "/")
        for key, value in {**headers, "Content-Length": str(len(body))}.items():
            conn.putheader(key, value)
        conn.endheaders()
        try:
            conn.send(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        return conn.getresponse().status
    finally:
        conn.close()
