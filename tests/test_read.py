"""Readers: every input kind, every bad-input kind, user metadata winning."""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path

import pytest

from newsgraph.errors import ReadError, UsageError
from newsgraph.model import Article
from newsgraph.read import iter_articles
from newsgraph.time.formats import parse_date

FIXTURES = Path(__file__).parent / "fixtures" / "read"


def read(*paths, **kwargs) -> list[Article | ReadError]:
    return list(iter_articles([str(p) for p in paths], **kwargs))


def one(path, **kwargs) -> Article | ReadError:
    items = read(path, **kwargs)
    assert len(items) == 1, items
    return items[0]


def test_text_file():
    article = one(FIXTURES / "summit.txt")
    assert isinstance(article, Article)
    assert article.source.endswith("summit.txt")
    assert article.raw.startswith("Leaders of Freedonia")
    assert article.published is None and not article.user_published


def test_html_file_main_text_and_metadata():
    article = one(FIXTURES / "summit.html")
    assert isinstance(article, Article)
    assert "signed a treaty on sharing the waters" in article.raw
    assert "never run" not in article.raw and "Home" not in article.raw.split("\n")[0]
    assert "Copyright" not in article.raw
    assert article.title == "Freedonia and Sylvania sign a river treaty"
    assert article.outlet == "Example Herald"
    assert article.published == "2023-03-12"
    assert article.published_basis == "metadata" and not article.user_published


def test_jsonl_lines_with_errors_named_by_line():
    items = read(FIXTURES / "articles.jsonl")
    sources = [item.source.rsplit(":", 1)[1] for item in items]
    assert sources == ["1", "2", "3", "4", "5", "6"]
    first, second, third, fourth, fifth, sixth = items
    assert isinstance(first, Article) and first.title == "River treaty signed"
    assert first.published == "2023-03-12" and first.user_published
    assert first.published_basis == "metadata" and first.outlet == "Example Herald"
    assert first.url == "https://www.example-herald.com/world/treaty"
    assert isinstance(second, Article) and second.outlet == "Sylvania Daily"
    assert second.published == "2023-03-13"
    assert isinstance(third, Article) and "returned home on Sunday" in third.raw
    assert third.outlet == "news.example.org"
    assert isinstance(fourth, ReadError) and "no 'text' or 'html'" in fourth.reason
    assert isinstance(fifth, ReadError) and "malformed JSON" in fifth.reason
    assert isinstance(sixth, Article)


def test_jsonl_gz_and_gz_text(tmp_path):
    gz = tmp_path / "a.jsonl.gz"
    gz.write_bytes(gzip.compress((FIXTURES / "articles.jsonl").read_bytes()))
    assert sum(isinstance(i, Article) for i in read(gz)) == 4
    txt = tmp_path / "b.txt.gz"
    txt.write_bytes(gzip.compress((FIXTURES / "summit.txt").read_bytes()))
    assert one(txt).raw.startswith("Leaders of Freedonia")


def test_warc(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    html = (FIXTURES / "summit.html").read_bytes()
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, body, ctype in (
            ("https://www.example-herald.com/treaty", html, "text/html; charset=utf-8"),
            ("https://www.example-herald.com/logo.png", b"\x89PNG....", "image/png"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers))
    article = one(path)
    assert isinstance(article, Article)
    assert article.source == "https://www.example-herald.com/treaty"
    assert article.outlet == "example-herald.com"
    assert "Blue River" in article.raw


def test_folder_sorted_hidden_and_other_kinds_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    shutil.copy(FIXTURES / "summit.txt", tmp_path / "b.txt")
    shutil.copy(FIXTURES / "summit.html", tmp_path / "sub" / "a.html")
    shutil.copy(FIXTURES / "summit.txt", tmp_path / ".hidden.txt")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    items = read(tmp_path)
    assert [Path(i.source).name for i in items] == ["b.txt", "a.html"]


def test_stdin_sniffing():
    jsonl = (FIXTURES / "articles.jsonl").read_bytes()
    items = read("-", stdin=io.BytesIO(jsonl))
    assert items[0].source == "-:1" and len(items) == 6
    html = one("-", stdin=io.BytesIO((FIXTURES / "summit.html").read_bytes()))
    assert isinstance(html, Article) and html.outlet == "Example Herald"
    text = one("-", stdin=io.BytesIO(b"Plain words about a treaty, nothing else.\n"))
    assert isinstance(text, Article) and text.raw.startswith("Plain words")
    gz = one("-", stdin=io.BytesIO(gzip.compress(b"Zipped words about a treaty.\n")))
    assert isinstance(gz, Article) and gz.raw.startswith("Zipped")


def test_user_metadata_wins():
    items = read(FIXTURES / "summit.html", FIXTURES / "articles.jsonl",
                 published="2020-01-02", outlet="My Outlet")
    articles = [i for i in items if isinstance(i, Article)]
    assert articles and all(a.published == "2020-01-02" and a.user_published
                            and a.published_basis == "metadata" and a.outlet == "My Outlet"
                            for a in articles)
    # a bad date stops before anything is read: no article gets a guessed date
    for value in ("someday", "2024-13-45", "2024-02-30", "20240704"):
        with pytest.raises(UsageError, match="--published"):
            read(FIXTURES / "summit.txt", published=value)


def test_encodings(tmp_path):
    latin = one(FIXTURES / "cp1252.txt")
    assert isinstance(latin, Article) and latin.raw.startswith("Café")
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes("Ünïcode treaty text in UTF-16.".encode("utf-16"))
    assert one(utf16).raw.startswith("Ünïcode")
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfTreaty text with a BOM.")
    assert one(bom).raw.startswith("Treaty")


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("nul.txt", b"abc\x00\x01\x02def" * 10, "binary"),
    ("noise.txt", bytes(range(1, 32)) * 20, "binary"),
    ("broken.txt.gz", gzip.compress(b"some text " * 200)[:40], "gzip"),
    ("notgz.txt.gz", b"this is not gzip at all", "gzip"),
    ("broken.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nxx", "WARC"),
    ("garbage.warc.gz", b"\x1f\x8b\x08\x00garbage", "gzip"),
    ("zeros.warc", b"\x00" * 5000, "not a WARC"),
    ("nothing.html", b"<html><body><script>alert(1)</script><nav>Home</nav></body></html>",
     "no article text"),
])
def test_bad_inputs_give_one_error_naming_the_file(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    items = read(path)
    assert len(items) == 1 and isinstance(items[0], ReadError), items
    assert items[0].source == str(path)
    assert reason.lower() in items[0].reason.lower()


def test_fixture_bad_files_and_missing_path():
    assert "empty" in one(FIXTURES / "empty.txt").reason
    assert "binary" in one(FIXTURES / "picture.txt").reason
    missing = one(FIXTURES / "nope.txt")
    assert isinstance(missing, ReadError) and "no such file" in missing.reason


def test_enormous_inputs(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 3000)
    error = one(big, max_bytes=1000)
    assert isinstance(error, ReadError) and "too large" in error.reason
    assert "limit 1 kB" in error.reason
    lines = tmp_path / "big.jsonl"
    lines.write_text('{"text": "%s"}\n{"text": "A short fine article."}\n' % ("x " * 5000))
    first, second = read(lines, max_bytes=1000)
    assert isinstance(first, ReadError) and first.source.endswith(":1")
    assert "too large" in first.reason and isinstance(second, Article)


def test_hostile_html_does_not_crash(tmp_path):
    path = tmp_path / "hostile.html"
    nested = ("<div>" * 5000 + "<p>Deep text about the treaty between two states.</p>"
              + "</div>" * 5000)
    huge_attr = '<p title="' + "A" * 2_000_000 + '">x</p>'
    path.write_text(f"<html><body><script>while(1){{}}</script>{huge_attr}{nested}"
                    "<article><p>The ministers met in the capital on Monday to sign the "
                    "treaty on water, trade and border crossings, officials said.</p></article>"
                    "</body></html>")
    item = one(path)
    assert isinstance(item, (Article, ReadError))
    if isinstance(item, Article):
        assert "while(1)" not in item.raw


@pytest.mark.parametrize("value, expected", [
    ("2024-07-04", "2024-07-04"), ("2024-07-04T08:46:00+03:00", "2024-07-04"),
    ("July 4, 2024", "2024-07-04"), ("04 July 2024", "2024-07-04"),
    ("Thu, 04 Jul 2024 08:46:00 GMT", "2024-07-04"), ("Sept. 1, 2025", "2025-09-01"),
    ("07/04/2024", "2024-07-04"), ("31/08/2025", "2025-08-31"),
    ("July 2024", None), ("yesterday", None), ("2024-02-30", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected
