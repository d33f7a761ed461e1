"""Hostile input, part 1: what is read. Every hostile input is built here (small
compressed bombs against a lowered limit, cut archives, bad bytes, crafted names,
unreadable folders); each must give one clear error naming the file and the reason,
within bounded memory, and nothing cut may pass for whole.

The CLI runs as a real subprocess, started from a slim intermediate Python so that
`RUSAGE_CHILDREN` measures the CLI process itself (a child forked from this test
process would inherit its peak). As root, "unreadable" and "read-only" need the
file-permission capabilities dropped (`unprivileged=True`).
"""

from __future__ import annotations

import ctypes
import gzip
import io
import json
import os
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsgraph import limits, windows
from newsgraph.errors import ReadError, excerpt, safe
from newsgraph.model import Article
from newsgraph.read import iter_articles

BIN = Path(sys.executable).parent / "newsgraph"
MEASURE = ("import resource, subprocess, sys\n"
           "r = subprocess.run(sys.argv[1:])\n"
           "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
           "sys.stderr.write('\\nPEAK_KB %d\\n' % peak)\n"
           "sys.exit(r.returncode)\n")
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, PR_CAPBSET_DROP = 1, 2, 24
ESC = b"\x1b"


def _drop_file_caps() -> None:
    """In the child, before exec: root loses the right to ignore file permissions."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@dataclass
class Run:
    rc: int
    out: bytes
    err: bytes
    peak_mb: float

    @property
    def errors(self) -> list[str]:
        return [line for line in self.err.decode("utf-8", "replace").splitlines()
                if line.startswith("error:")]


def run_py(argv: list[str], *, env: dict[str, str] | None = None,
           unprivileged: bool = False, cwd: Path | None = None, timeout: int = 300) -> Run:
    """Run `argv` with the peak RSS of that process measured; never a traceback."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    full_env.update(env or {})
    preexec = _drop_file_caps if unprivileged and os.geteuid() == 0 else None
    proc = subprocess.run([sys.executable, "-c", MEASURE, *argv], env=full_env,
                          capture_output=True, timeout=timeout, preexec_fn=preexec,
                          cwd=cwd)
    err, _, peak = proc.stderr.rpartition(b"\nPEAK_KB ")
    assert b"Traceback" not in err, err.decode("utf-8", "replace")
    return Run(proc.returncode, proc.stdout, err, int(peak or 0) / 1024)


def cli(*args: str, **kwargs) -> Run:
    return run_py([str(BIN), *args], **kwargs)


def read(*paths: object, **kwargs) -> list[Article | ReadError]:
    return list(iter_articles([str(p) for p in paths], **kwargs))


def gz_stream(path: Path, head: bytes, fill: bytes, size: int, tail: bytes = b"") -> Path:
    """A gzip file of `head`, then `fill` repeated to `size` bytes, then `tail`,
    compressed a megabyte at a time (the bomb is never whole in memory)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = fill * (1_048_576 // len(fill))
    with open(path, "wb") as out:
        out.write(comp.compress(head))
        left = size
        while left > 0:
            out.write(comp.compress(block[:left]))
            left -= len(block)
        out.write(comp.compress(tail) + comp.flush())
    return path


def warc_bytes(pages: list[tuple[str, bytes]], *, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for uri, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return buf.getvalue()


def page(n: int) -> bytes:
    words = " ".join(f"The envoys of Freedonia and Sylvania met for round {n} of the "
                     "talks on the river treaty." for _ in range(20))
    return f"<html><body><article><p>{words}</p></article></body></html>".encode()


# -- 1. bounded reading: bombs and error messages -------------------------------------


def test_excerpt_is_short_escaped_and_sized():
    text = excerpt(b"\x1b]0;owned\x07" + b"A" * 10_000_000)
    assert len(text) < 120 and "\x1b" not in text and "\\x1b" in text
    assert "10,000,010 bytes" in text
    assert safe("a\nb\x00c\u202e") == "a\\nb\\x00c\\u202e"
    assert str(ReadError("x\x1b[2J.txt", "bad\r\nline")) == "x\\x1b[2J.txt: bad\\r\\nline"


def test_compression_bombs_stop_at_the_limits_with_bounded_memory(tmp_path):
    """20 MB bombs, three kinds, against a 5 MB decompression limit: each one line
    naming it, memory far below the bombs' size, no store written."""
    zeros = gz_stream(tmp_path / "zeros.warc.gz", b"", b"\x00", 20_000_000)
    headed = gz_stream(tmp_path / "headed.warc.gz", b"WARC/1.0\r\n", b"\x00", 20_000_000)
    blank = gz_stream(tmp_path / "blank.jsonl.gz", b"", b"\n", 20_000_000,
                      tail=b'{"text": "never reached"}\n')
    binary = gz_stream(tmp_path / "noise.txt.gz", b"", bytes(range(256)), 20_000_000)
    db = tmp_path / "bomb.db"
    run = cli("--db", str(db), "ingest", str(zeros), str(headed), str(blank), str(binary),
              env={limits.ENV_MAX_INPUT: "5000000"})
    assert run.rc == 1
    assert len(run.errors) == 4, run.err
    by_file = {Path(line.split(": ")[1]).name: line for line in run.errors}
    assert "not a WARC file" in by_file["zeros.warc.gz"]
    assert "\\x00" in by_file["zeros.warc.gz"] and len(by_file["zeros.warc.gz"]) < 200
    assert "over 5.0 MB" in by_file["headed.warc.gz"] or "line break" in by_file["headed.warc.gz"]
    assert "decompresses to over 5.0 MB" in by_file["blank.jsonl.gz"]
    assert "too large" in by_file["noise.txt.gz"] or "binary" in by_file["noise.txt.gz"]
    assert run.peak_mb < 500, run.peak_mb  # the model never loads: nothing was readable
    assert b"failed 4" in run.err


def test_blank_line_bomb_is_skipped_fast_and_lines_keep_their_numbers(tmp_path):
    path = gz_stream(tmp_path / "blank.jsonl.gz", b'{"text": "First article about the treaty."}\n',
                     b"\n", 20_000_000, tail=b'{"text": "Last article about the treaty."}\n')
    first, last = read(path)
    assert isinstance(first, Article) and first.source.endswith(":1")
    assert isinstance(last, Article) and last.source.endswith(f":{20_000_002}")


def test_a_line_without_end_is_refused_holding_only_the_limit(tmp_path):
    path = gz_stream(tmp_path / "long.jsonl.gz", b'{"text": "', b"x", 3_000_000,
                     tail=b'"}\n{"text": "A short article on the treaty."}\n')
    first, second = read(path, max_bytes=10_000)  # a line may be 80 kB
    assert isinstance(first, ReadError) and "line too large: 3.0 MB" in first.reason
    assert isinstance(second, Article) and second.source.endswith(":2")


def test_text_over_the_limit_is_refused_naming_the_limit(monkeypatch):
    monkeypatch.setenv(limits.ENV_MAX_TEXT, "50000")
    (item,) = read("-", stdin=io.BytesIO(b"A sentence about the treaty. " * 3000))
    assert isinstance(item, ReadError)
    assert "too large: 87 kB of text (limit 50 kB, $NEWSGRAPH_MAX_TEXT)" in item.reason


# -- 3. cut archives are reported, the cut record never stored -------------------------


def test_truncated_warc_keeps_whole_records_and_reports_the_cut(tmp_path):
    data = warc_bytes([("https://example.org/1", page(1)), ("https://example.org/2", page(2))],
                      gz=False)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    first, error = read(cut)
    assert isinstance(first, Article) and first.source == "https://example.org/1"
    assert isinstance(error, ReadError) and error.source == str(cut)
    assert "truncated WARC" in error.reason and "example.org/2" in error.reason


def test_truncated_warc_gz_and_jsonl_gz_are_reported(tmp_path):
    data = warc_bytes([("https://example.org/1", page(1)), ("https://example.org/2", page(2))],
                      gz=True)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.75)])
    items = read(cut)
    assert [type(i) for i in items] == [Article, ReadError]
    assert "truncated gzip" in items[1].reason and items[1].source == str(cut)
    lines = b"".join(json.dumps({"text": f"Article {i} on the river treaty, with words "
                                         f"{'and more words ' * 40}"}).encode() + b"\n"
                     for i in range(20))
    jl = tmp_path / "cut.jsonl.gz"
    jl.write_bytes(gzip.compress(lines)[:-40])
    items = read(jl)
    assert all(isinstance(i, Article) for i in items[:-1]) and len(items) >= 2
    assert isinstance(items[-1], ReadError) and "truncated gzip" in items[-1].reason


# -- 2. one encoding per file -----------------------------------------------------------


def test_a_bad_byte_in_utf8_is_replaced_with_one_warning_never_cp1252(tmp_path):
    path = tmp_path / "swiss.txt"
    path.write_bytes("Talks in Genève and Zürich ended. ".encode() * 5 + b"A stray \xff byte.")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert "Genève" in article.raw and "Zürich" in article.raw and "Ã" not in article.raw
    assert "\ufffd" in article.raw
    assert article.warnings == ["1 invalid UTF-8 byte replaced by \ufffd "
                                "(the rest of the file is UTF-8)"]


@pytest.mark.parametrize("data, expected", [
    ("Café au lait, déjà vu: the talks.".encode("cp1252"), "Café au lait, déjà vu"),
    (b"The minister\x92s visit, \x93a success\x94.",
     "The minister\u2019s visit, \u201ca success\u201d"),
    ("UTF-16 without a mark: the talks.".encode("utf-16-le"), "UTF-16 without a mark"),
    ("UTF-16 big-endian: the talks.".encode("utf-16-be"), "UTF-16 big-endian"),
    (b"\xef\xbb\xbfA BOM, then the talks.", "A BOM, then"),
])
def test_whole_file_decodings(tmp_path, data, expected):
    path = tmp_path / "t.txt"
    path.write_bytes(data)
    (article,) = read(path)
    assert isinstance(article, Article) and article.raw.startswith(expected), article
    assert not article.warnings


# -- 3. strict inputs --------------------------------------------------------------------


@pytest.mark.parametrize("line, field", [
    ({"text": "Fine text about the talks.", "outlet": ["a", "b"]},
     "'outlet' must be a string, not a list"),
    ({"text": "Fine text about the talks.", "published": "2024-13-45"},
     "'published' is not a date"),
    ({"text": "Fine text about the talks.", "published": True}, "'published' must be a date"),
    ({"text": "Fine text about the talks.", "title": 12}, "'title' must be a string, not a number"),
    ({"text": 42}, "'text' must be a string, not a number"),
    ({"html": {"p": "x"}}, "'html' must be a string, not an object"),
    ({"text": "Fine text about the talks.", "url": {"x": 1}}, "'url' must be a string"),
])
def test_jsonl_field_of_the_wrong_type_is_an_error_naming_it(tmp_path, line, field):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(line) + "\n" + json.dumps({"text": "The next line is fine."}))
    bad, good = read(path)
    assert isinstance(bad, ReadError) and bad.source.endswith(":1") and field in bad.reason
    assert isinstance(good, Article) and good.source.endswith(":2")


def test_jsonl_control_characters_are_taken_out_and_timestamps_read(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "Talks\u0000 went on.", "title": "Ti\u0000tle\u001b[2J",
                                "outlet": "Out\u0007let", "published": 1720082760}))
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.title == "Title[2J" and article.outlet == "Outlet"
    assert "\x00" not in article.raw and article.published == "2024-07-04"


def test_bad_published_and_empty_path_stop_before_anything(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Leaders met in the capital on Monday to talk about the river treaty.")
    db = tmp_path / "never.db"
    for args, param in ((["--published", "2024-13-45", str(text)], "--published"),
                        ([""], "PATHS"), ([str(text), ""], "PATHS"),
                        (["--outlet", "Evil\x1b]0;x\x07", str(text)], "--outlet")):
        run = cli("--db", str(db), "ingest", *args)
        assert run.rc == 1 and len(run.errors) == 1 and run.errors[0].startswith(
            f"error: {param}: "), run.err
        assert ESC not in run.err
        assert not db.exists()  # not even opened


def test_unreadable_folders_and_files_are_reported(tmp_path):
    top = tmp_path / "in"
    (top / "locked").mkdir(parents=True)
    (top / "locked" / "inside.txt").write_text("Hidden words about the talks.")
    (top / "a.txt").write_text("Readable words about the talks in the capital.")
    (top / "b.txt").write_text("Unreadable words about the talks.")
    (top / "b.txt").chmod(0)
    (top / "locked").chmod(0)
    try:
        code = ("import sys; from newsgraph.read import iter_articles\n"
                "for item in iter_articles([sys.argv[1]]):\n"
                "    shown = item.source if hasattr(item, 'raw') else item\n"
                "    print(type(item).__name__, shown)\n")
        run = run_py([sys.executable, "-c", code, str(top)], unprivileged=True)
    finally:
        (top / "locked").chmod(0o755)
        (top / "b.txt").chmod(0o644)
    lines = run.out.decode().splitlines()
    assert lines[0] == f"Article {top / 'a.txt'}"
    assert f"ReadError {top / 'b.txt'}: permission denied" in lines
    assert f"ReadError {top / 'locked'}: permission denied (folder not read)" in lines


def test_crafted_file_names_are_escaped_in_every_message(tmp_path):
    evil = tmp_path / "x\x1b]0;pwned\x07\nadded 99, failed 0.txt"
    evil.write_bytes(b"\x00\x01\x02" * 100)
    (item,) = read(evil)
    assert isinstance(item, ReadError)
    assert "\x1b" not in str(item) and "\n" not in str(item) and "\\x1b]0;pwned" in str(item)
    run = cli("--db", str(tmp_path / "n.db"), "ingest", str(evil))
    assert ESC not in run.err and b"\x07" not in run.err
    lines = run.err.decode().splitlines()
    assert len(lines) == 2 and lines[0].startswith("error: ") and "binary" in lines[0]
    assert lines[1].startswith("added 0,")


# -- 1. the text limit and long articles -----------------------------------------------


def test_cuts_cover_the_text_at_paragraph_sentence_or_space():
    text = "".join(f"Paragraph {i} has a sentence. And another one here.\n" for i in range(400))
    spans = windows.cuts(text, 2000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a == b for (_, a), (b, _) in zip(spans, spans[1:], strict=False))
    assert all(e - s <= 2000 for s, e in spans)
    assert all(text[e - 1] == "\n" for _, e in spans[:-1])
    flat = "word " * 1000
    assert all(flat[e - 1] == " " for _, e in windows.cuts(flat, 2000)[:-1])
    solid = "x" * 5000
    assert windows.cuts(solid, 2000) == [(0, 2000), (2000, 4000), (4000, 5000)]


def test_a_long_article_runs_in_windows_with_offsets_into_the_whole_text(pipeline, monkeypatch):
    monkeypatch.setenv(limits.ENV_WINDOW, "2000")
    text = "\n".join(
        f"President Anna Berg of Freedonia met Prime Minister Karl Ost of Sylvania in "
        f"Geneva on May {day}, 2024 to discuss the river treaty. \u201cWe agreed to keep "
        f"talking,\u201d Berg told reporters. Sylvania accused Freedonia of delays on "
        f"the dam, officials said on Tuesday." for day in range(1, 29) for _ in range(2))
    article = pipeline.process(Article(source="long.txt", raw=text, published="2024-05-06",
                                       published_basis="metadata", user_published=True))
    assert article.doc is None and len(article.text) > 10_000
    assert article.events and article.quotes and article.mentions and article.timexes
    for e in article.events:
        assert article.text[e.start:e.end] == e.text
    for q in article.quotes:
        assert q.text in article.text[q.start - 1:q.end + 1]
    for m in article.mentions:
        assert article.text[m.start:m.end] == m.text
    for t in article.timexes:
        assert article.text[t.start:t.end] == t.text
    assert max(e.start for e in article.events) > len(article.text) - 2500  # last window
    doc = windows.parse_text(pipeline.nlp, article.text)
    assert doc.text == article.text and len(list(doc.sents)) > 50
