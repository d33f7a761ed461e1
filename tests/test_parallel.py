"""Pipeline.process_many (batched, and in worker processes) gives what process() gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.model import Article
from newsgraph.pipeline import StageError

TEXTS = [
    ("a.txt", "Iranian President Masoud Pezeshkian met Russian President Vladimir Putin in "
              "Moscow on Tuesday, January 14, 2025. \"We will deepen our cooperation,\" "
              "Putin said after the talks."),
    ("b.txt", "WASHINGTON (Reuters) - The United States imposed new sanctions on Iran's "
              "oil exports on Friday, the Treasury Department said.\n\nIran's foreign "
              "ministry condemned the measures and said it would respond."),
    ("c.txt", "China and India agreed on Monday to resume direct flights, officials said. "
              "Prime Minister Narendra Modi is expected to visit Beijing next month."),
    ("d.txt", "Protesters marched in Paris against the pension reform. Police arrested 12 "
              "people near the Place de la Concorde, the interior ministry said."),
]
BAD = "bad.txt"
BIN = Path(sys.executable).parent / "newsgraph"


def _articles() -> list[Article]:
    items = [Article(source=name, raw=text, published="2025-01-17",
                     published_basis="metadata", user_published=True)
             for name, text in TEXTS]
    items.insert(2, Article(source=BAD, raw=None))  # type: ignore[arg-type]  # clean raises
    return items


@pytest.fixture(scope="module")
def expected(pipeline) -> list[dict]:
    return [pipeline.process(a).to_record() for a in _articles() if a.source != BAD]


@pytest.fixture(scope="module")
def two_workers(pipeline) -> list:
    # one pool for the module: two workers loading the model take a few seconds
    return list(pipeline.process_many(_articles(), jobs=2, batch_size=2))


def _check(results: list, expected: list[dict]) -> None:
    assert [getattr(r, "source", None) or r.article.source for r in results] == \
        [a.source for a in _articles()]
    bad = [r for r in results if isinstance(r, StageError)]
    assert len(bad) == 1 and bad[0].article.source == BAD
    assert bad[0].stage == "clean" and bad[0].internal
    assert str(bad[0]).startswith(f"{BAD}: internal error (AttributeError: ")
    records = [r.to_record() for r in results if not isinstance(r, StageError)]
    assert records == expected
    assert any(rec["actors"] for rec in records)  # the stages did run


def test_batched_in_process_matches_process(pipeline, expected):
    results = list(pipeline.process_many(_articles(), jobs=1, batch_size=3))
    _check(results, expected)
    assert results[0].doc is not None  # in-process: the Doc stays


def test_two_workers_match_process(two_workers, expected):
    _check(two_workers, expected)
    assert all(getattr(r, "doc", None) is None for r in two_workers)


def test_after_clean_runs_only_the_later_stages(pipeline, expected):
    from newsgraph import clean

    articles = [a for a in _articles() if a.source != BAD]
    for a in articles:
        clean.clean(a)
        a.raw = "not the text: clean must not run again"
    results = list(pipeline.process_many(articles, after="clean"))
    assert [r.to_record() for r in results] == expected


def test_unknown_stage_is_refused(pipeline):
    with pytest.raises(ValueError, match="no stage named"):
        list(pipeline.process_many([], after="nope"))


def test_extract_jobs_2_prints_what_jobs_1_prints(tmp_path):
    for name, text in TEXTS:
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [str(tmp_path / name) for name, _ in TEXTS] + [str(tmp_path / "missing.txt")]
    runs = [subprocess.run([str(BIN), "extract", "--jobs", jobs, *paths], capture_output=True,
                           text=True, timeout=300) for jobs in ("1", "2")]
    assert runs[0].returncode == runs[1].returncode == 1  # missing.txt failed
    lines = runs[0].stdout.splitlines()
    assert len(lines) == len(TEXTS)
    assert runs[1].stdout == runs[0].stdout
    assert runs[1].stderr == runs[0].stderr
    assert "missing.txt" in runs[0].stderr


def test_jobs_0_means_every_core():
    from newsgraph.pipeline import jobs_from

    assert jobs_from(3) == 3
    assert jobs_from(0) >= 1 and jobs_from(None) == jobs_from(0)


def test_stages_declare_what_they_need_and_the_order_is_checked(nlp, kb):
    from newsgraph.pipeline import Pipeline, StageOrderError
    from newsgraph.stages import STAGES

    by_name = {s.name: s for s in STAGES}
    assert "doc" in by_name["parse"].assigns and "doc" in by_name["events"].requires
    with pytest.raises(StageOrderError, match="stage 'quotes' requires mentions"):
        Pipeline(nlp=nlp, kb=kb, stages=[by_name[n] for n in
                                         ("clean", "parse", "time", "quotes", "actors")])
    # a prefix of the stages is a valid pipeline, and runs only those
    short = Pipeline(nlp=nlp, kb=kb, stages=STAGES[:3])
    article = short.process(Article(source="x", raw=TEXTS[0][1], published="2025-01-17",
                                    published_basis="metadata", user_published=True))
    assert article.timexes and not article.mentions


def test_parallel_does_not_import_the_pipeline():
    import ast

    tree = ast.parse((Path(__file__).parents[1] / "newsgraph" / "parallel.py").read_text())
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "pipeline" not in imported and "batching" in imported
