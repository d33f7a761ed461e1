"""Scale: how close newsgraph runs to its spaCy parse, and how it grows.

1. Throughput: on corpus/allsides_ir (first SAMPLE articles) and on a corpus generated
   from our own templates (bench/_templates.py), articles/s and peak memory of a bare
   spaCy parse (`nlp.pipe`, the same model and the same cleaned texts, 1 process and
   WORKERS processes), of `extract` (the whole per-article pipeline, records
   serialized) and of `ingest` (the same, plus the SQLite store), on 1 and WORKERS
   workers; and the ratios extract/parse, ingest/parse at the same worker count. Each
   mode runs in a fresh process (the model and KB loaded before the clock starts;
   worker processes' start-up and model load are inside it, as users pay them). Peak
   memory is the process's peak RSS plus its workers' peaks (VmHWM).
2. Growth: `extract --jobs WORKERS` over generated corpora of SIZES articles, read
   from a JSONL file as the CLI reads it: time and peak memory per size, and the
   largest size against the smallest (ms per article, peak MB; 1.0 is flat).
3. Merge and store cost: synthetic event mentions (no parse) over MENTIONS sizes, ten
   per article, among 300 actors over five years: seconds (and microseconds a mention)
   to store and merge them through `Store.ingest` into a real SQLite file, and to
   merge them in blocks as the Spark job does (`store_cpu`: the CPU time of storing,
   steadier than the wall clock on a shared machine); `merge_*_per_mention_MAX_vs_MIN`:
   the cost a mention at the largest size over that at the smallest (1 = linear).
4. A plot of 2 and 3: bench/results/scale.png.
5. Where the time goes: CPU ms per article of each stage on the allsides sample, and
   the stages after the parse as a share of the parse.

Sizes are parameters (environment): NEWSGRAPH_SCALE_SAMPLE (default 100),
NEWSGRAPH_SCALE_SIZES (default "1000,5000,20000", the report's range; e.g. "200,1000"
while developing), NEWSGRAPH_SCALE_MENTIONS (default "10000,100000,1000000"),
NEWSGRAPH_SCALE_STORE_MAX (largest size also stored through the SQLite store, default
1000000: the store finds a mention's candidates by index), e.g.
NEWSGRAPH_SCALE_MENTIONS=10000,100000 for a quick run. The gate skips this module (no
FLOORS), so none of it slows CI.

`*_articles_per_s` is over the whole run, workers' start-up included;
`*_steady_per_s` after the first batch. Articles of the generated corpus share
template sentences, so the store's near-duplicate check finds many candidates for
each: ingest on it is slower than on real news (there, candidates are rare).
No FLOORS: speed is reported, not gated (CI machines vary).
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

NAME = "scale"
FLOORS: dict[str, float] = {}
WORKERS = 2
# Articles before the steady-state clock starts: the first batch (16), which pays the
# workers' start-up and model load; `*_steady_*` figures count only what comes after.
STEADY_AFTER = 16
RESULTS = Path(__file__).resolve().parent / "results"


def _sizes(name: str, default: str) -> list[int]:
    return [int(x) for x in os.environ.get(name, default).split(",") if x.strip()]


def _peak_mb(children_peak: float) -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 + children_peak


def _children_mb() -> float:
    """The sum of the peak RSS (VmHWM) of this process's live children."""
    total = 0.0
    for children in Path("/proc/self/task").glob("*/children"):
        for pid in children.read_text().split():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) / 1024
    return total


# -- one mode, in a fresh process ------------------------------------------------------


def _child(mode: str, jobs: int, path: str) -> dict[str, float]:
    from newsgraph import Pipeline
    from newsgraph.read import iter_articles

    pipeline = Pipeline()
    pipeline.context()
    if mode == "parse":
        from newsgraph.clean import clean

        texts = []
        for a in iter_articles([path]):
            clean(a)
            texts.append(a.text)
        return _timed(pipeline.nlp.pipe(texts, batch_size=16, n_process=jobs))
    store = None
    if mode == "ingest":
        import newsgraph

        store = newsgraph.open(Path(tempfile.mkdtemp()) / "scale.db", kb=pipeline.kb)

    def handle(result: Any) -> None:
        if store is not None:
            store.ingest(result)
        else:
            json.dumps(result.to_record(), ensure_ascii=False)

    return _timed(pipeline.process_many(iter_articles([path]), jobs=jobs), handle)


def _timed(results: Any, handle: Any = None) -> dict[str, float]:
    """Run through `results` (handling each), timing the whole and the steady part
    after the first STEADY_AFTER (workers up and loaded), watching workers' memory."""
    t0 = time.perf_counter()
    watched, n = 0.0, 0
    first: float | None = None
    for i, result in enumerate(results):
        if handle is not None:
            handle(result)
        n += 1
        if i == STEADY_AFTER - 1:
            first = time.perf_counter()
        if i % 8 == 0:
            watched = max(watched, _children_mb())
    return _timing(t0, first, n, watched)


def _timing(t0: float, first: float | None, n: int, watched: float) -> dict[str, float]:
    end = time.perf_counter()
    steady = (n - STEADY_AFTER) / (end - first) if first and end > first else 0.0
    return {"seconds": end - t0, "articles": n, "steady_per_s": steady,
            "peak_mb": _peak_mb(watched)}


def _measure(mode: str, jobs: int, path: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-m", "bench.scale", mode, str(jobs), str(path)],
                         capture_output=True, text=True, cwd=Path(__file__).parents[1],
                         check=False)
    if out.returncode != 0:
        raise RuntimeError(f"bench.scale {mode} {jobs}: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _throughput(label: str, path: Path, figures: dict[str, Any]) -> None:
    for jobs in (1, WORKERS):
        got = {mode: _measure(mode, jobs, path) for mode in ("parse", "extract", "ingest")}
        for mode, r in got.items():
            figures[f"{label}_{mode}_jobs{jobs}_articles_per_s"] = round(
                r["articles"] / r["seconds"], 2)
            figures[f"{label}_{mode}_jobs{jobs}_steady_per_s"] = round(r["steady_per_s"], 2)
            figures[f"{label}_{mode}_jobs{jobs}_peak_mb"] = round(r["peak_mb"])
        for mode in ("extract", "ingest"):
            figures[f"{label}_{mode}_jobs{jobs}_vs_parse"] = round(
                got["parse"]["seconds"] / got[mode]["seconds"], 3)
            if got["parse"]["steady_per_s"]:
                figures[f"{label}_{mode}_jobs{jobs}_steady_vs_parse"] = round(
                    got[mode]["steady_per_s"] / got["parse"]["steady_per_s"], 3)


def _stage_profile(pipeline: Any, path: Path, figures: dict[str, Any]) -> None:
    """CPU seconds per article of each stage (this process, the parse as `nlp.pipe`
    batches): where the time goes after the parse."""
    from newsgraph.read import iter_articles
    from newsgraph.stages import STAGES

    articles = [a for a in iter_articles([str(path)]) if not isinstance(a, Exception)]
    ctx = pipeline.context()
    for stage in STAGES:
        t0 = time.process_time()
        if stage.batched_parse:
            docs = ctx.nlp.pipe([a.text for a in articles], batch_size=16)
            for a, doc in zip(articles, docs, strict=True):
                a.doc = doc
        else:
            for a in articles:
                stage.fn(a, ctx=ctx)
        figures[f"stage_{stage.name}_ms_per_article"] = round(
            1000 * (time.process_time() - t0) / max(1, len(articles)), 1)
    parse = figures["stage_parse_ms_per_article"]
    after = sum(figures[f"stage_{s.name}_ms_per_article"] for s in STAGES
                if s.name not in ("parse", "clean"))
    figures["stages_after_parse_vs_parse"] = round(after / parse, 3) if parse else 0.0


def _growth(tmp: Path, sizes: list[int], figures: dict[str, Any]) -> None:
    """`extract --jobs WORKERS` over generated corpora of `sizes` articles: seconds,
    ms per article and peak memory per size, and how the smallest and largest compare
    (1.0 = flat: time linear in the corpus, memory independent of it)."""
    from bench import _templates

    for n in sizes:
        path = _templates.write(tmp / f"grow{n}.jsonl", n, seed=n)
        r = _measure("extract", WORKERS, path)
        figures[f"growth_{n}_seconds"] = round(r["seconds"], 1)
        figures[f"growth_{n}_articles_per_s"] = round(r["articles"] / r["seconds"], 2)
        figures[f"growth_{n}_ms_per_article"] = round(1000 * r["seconds"] / r["articles"], 1)
        figures[f"growth_{n}_peak_mb"] = round(r["peak_mb"])
        path.unlink()
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        figures["growth_ms_per_article_last_vs_first"] = round(
            figures[f"growth_{last}_ms_per_article"]
            / max(figures[f"growth_{first}_ms_per_article"], 0.1), 3)
        figures["growth_peak_mb_last_vs_first"] = round(
            figures[f"growth_{last}_peak_mb"] / max(figures[f"growth_{first}_peak_mb"], 1), 3)


# -- merge and store cost -----------------------------------------------------------


def _synthetic_articles(n_mentions: int, *, seed: int = 7) -> Iterator[Any]:
    """Articles of ten synthetic event mentions each, made one at a time (a million
    mentions never sit in memory at once)."""
    from datetime import date, timedelta

    from newsgraph.model import Actor, Article, Event, Location

    rng = random.Random(seed)
    actors = [Actor(id=f"Q9{i:05d}", name=f"Actor {i}", kind="person", country=None)
              for i in range(300)]
    places = [Location(f"City {i}", None) for i in range(40)]
    types = [("CONSULT", "meet"), ("AGREE", "sign"), ("DISAPPROVE", "accuse"),
             ("SANCTION", "sanction"), ("COOPERATE", None), ("THREATEN", None)]
    for i in range(0, n_mentions, 10):
        text = f"Synthetic article {i}."
        article = Article(source=f"synthetic:{i}", raw=text, text=text,
                          published="2024-01-01", published_basis="metadata")
        for _ in range(min(10, n_mentions - i)):
            type_, mode = rng.choice(types)
            a, b = rng.sample(actors[:60] if rng.random() < 0.7 else actors, 2)
            day = date(2020, 1, 1) + timedelta(days=rng.randrange(5 * 365))
            article.events.append(Event(
                type=type_, mode=mode, actor=[a], recipient=[b], text=text, start=0,
                end=len(text), trigger=mode or "", date=day.isoformat(), precision="day",
                location=rng.choice(places) if rng.random() < 0.5 else None,
                status="reported"))
        yield article


def _store_cost(n: int, tmp: Path) -> tuple[float, float]:
    """Seconds (wall clock, and this process's CPU) to store and merge `n` synthetic
    mentions through `Store.ingest`, into a real SQLite file (removed after). On a
    shared machine the CPU seconds vary less; the wall clock also counts the waits for
    the disk."""
    import newsgraph
    from newsgraph.batching import batches

    path = tmp / f"merge{n}.db"
    with newsgraph.open(path) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        for chunk in batches(_synthetic_articles(n), 200):  # as `ingest` commits
            with store.batch():
                for article in chunk:
                    store.ingest(article)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    for leftover in tmp.glob(f"merge{n}.db*"):
        leftover.unlink()
    return seconds, cpu


def _block_cost(n: int) -> float:
    from newsgraph.crossdoc.merge import MentionView
    from newsgraph.spark.blocking import MentionRecord, merge_block

    records = []
    for order, article in enumerate(_synthetic_articles(n)):
        for seq, ev in enumerate(article.events):
            view = MentionView(id=f"em{order}_{seq}", doc_id=article.doc_id, type=ev.type,
                               mode=ev.mode, status=ev.status,
                               actor_ids=tuple(a.id for a in ev.actor),
                               recipient_ids=tuple(a.id for a in ev.recipient),
                               date=ev.date, precision=ev.precision, location=ev.location)
            records.append(MentionRecord(view=view, order=order, seq=seq,
                                         origin=article.doc_id,
                                         actors=[(a.id, "actor", a.name) for a in ev.actor]
                                         + [(a.id, "recipient", a.name)
                                            for a in ev.recipient]))
    t0 = time.perf_counter()
    blocks: dict[Any, list[Any]] = {}
    for r in records:
        blocks.setdefault(r.group, []).append(r)
    for block in blocks.values():
        merge_block(block, kb=None)
    return time.perf_counter() - t0


def _merge_figures(n: int, tmp: Path, figures: dict[str, Any], *, store_max: int) -> None:
    """Store and block merge cost at `n` mentions, in seconds and microseconds a mention."""
    if n <= store_max:
        seconds, cpu = _store_cost(n, tmp)
        figures[f"merge_{n}_store_seconds"] = round(seconds, 2)
        figures[f"merge_{n}_store_us_per_mention"] = round(1e6 * seconds / n, 1)
        figures[f"merge_{n}_store_cpu_us_per_mention"] = round(1e6 * cpu / n, 1)
    seconds = _block_cost(n)
    figures[f"merge_{n}_blocks_seconds"] = round(seconds, 2)
    figures[f"merge_{n}_blocks_us_per_mention"] = round(1e6 * seconds / n, 1)


def _growth_ratios(figures: dict[str, Any], mentions: list[int]) -> None:
    """Cost a mention at the largest size over that at the smallest (1: linear)."""
    for kind in ("store", "store_cpu", "blocks"):
        done = [n for n in mentions if f"merge_{n}_{kind}_us_per_mention" in figures]
        if len(done) > 1:
            lo, hi = min(done), max(done)
            figures[f"merge_{kind}_per_mention_{hi}_vs_{lo}"] = round(
                figures[f"merge_{hi}_{kind}_us_per_mention"]
                / figures[f"merge_{lo}_{kind}_us_per_mention"], 2)


def _plot(figures: dict[str, Any], sizes: list[int], mentions: list[int]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    secs = [figures[f"growth_{n}_seconds"] for n in sizes]
    mem = [figures[f"growth_{n}_peak_mb"] for n in sizes]
    left.plot(sizes, secs, "o-", label="seconds")
    left.set_xlabel(f"articles (generated; extract --jobs {WORKERS})")
    left.set_ylabel("seconds")
    twin = left.twinx()
    twin.plot(sizes, mem, "s--", color="tab:red", label="peak MB")
    twin.set_ylabel("peak memory (MB)")
    twin.set_ylim(0, max(mem) * 1.3)
    left.set_title("extract: time and memory vs corpus size")
    _merge_panel(right, figures, mentions)
    fig.tight_layout()
    RESULTS.mkdir(exist_ok=True)
    fig.savefig(RESULTS / "scale.png", dpi=100)
    plt.close(fig)


def _merge_panel(ax: Any, figures: dict[str, Any], mentions: list[int]) -> None:
    """Merge and store cost vs mentions (log-log), with a linear line through the first
    stored size."""
    stored = [n for n in mentions if f"merge_{n}_store_seconds" in figures]
    if stored:
        ax.loglog(stored, [figures[f"merge_{n}_store_seconds"] for n in stored], "o-",
                  label="Store.ingest (store + merge, SQLite file)")
        first = figures[f"merge_{stored[0]}_store_seconds"]
        ax.loglog(mentions, [first * n / stored[0] for n in mentions], ":", color="grey",
                  label="linear")
    ax.loglog(mentions, [figures[f"merge_{n}_blocks_seconds"] for n in mentions], "s-",
              label="merge in blocks (Spark side)")
    ax.set_xlabel("event mentions")
    ax.set_ylabel("seconds")
    ax.set_title("merge and store cost")
    ax.legend(fontsize=8)


def merge_only() -> dict[str, Any]:
    """Only part 3 (merge and store cost) and its plot, bench/results/scale_merge.png:
    `python -m bench.scale merge` (sizes from NEWSGRAPH_SCALE_MENTIONS)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    mentions = _sizes("NEWSGRAPH_SCALE_MENTIONS", "10000,100000,1000000")
    store_max = _sizes("NEWSGRAPH_SCALE_STORE_MAX", "1000000")[0]
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="newsgraph-merge-") as tmp_name:
        for n in mentions:
            _merge_figures(n, Path(tmp_name), figures, store_max=store_max)
            print(json.dumps({k: v for k, v in figures.items() if f"_{n}_" in k}),
                  flush=True)
    _growth_ratios(figures, mentions)
    fig, ax = plt.subplots(figsize=(6, 4))
    _merge_panel(ax, figures, mentions)
    fig.tight_layout()
    RESULTS.mkdir(exist_ok=True)
    fig.savefig(RESULTS / "scale_merge.png", dpi=100)
    plt.close(fig)
    figures["plot"] = str(RESULTS / "scale_merge.png")
    return figures


def run(shared: Path, *, pipeline: Any) -> dict[str, float | int | str]:
    from bench import _templates

    sample = _sizes("NEWSGRAPH_SCALE_SAMPLE", "100")[0]
    sizes = _sizes("NEWSGRAPH_SCALE_SIZES", "1000,5000,20000")
    mentions = _sizes("NEWSGRAPH_SCALE_MENTIONS", "10000,100000,1000000")
    store_max = _sizes("NEWSGRAPH_SCALE_STORE_MAX", "1000000")[0]
    figures: dict[str, Any] = {"sample": sample, "workers": WORKERS,
                               "cores": len(os.sched_getaffinity(0))}
    with tempfile.TemporaryDirectory(prefix="newsgraph-scale-") as tmp_name:
        tmp = Path(tmp_name)
        real = tmp / "allsides.jsonl"
        source = shared / "corpus" / "allsides_ir" / "articles.jsonl"
        with source.open(encoding="utf-8") as f:
            real.write_text("".join(islice(f, sample)), encoding="utf-8")
        _stage_profile(pipeline, real, figures)
        _throughput("allsides", real, figures)
        _throughput("generated", _templates.write(tmp / "generated.jsonl", sample), figures)
        _growth(tmp, sizes, figures)
        for n in mentions:
            _merge_figures(n, tmp, figures, store_max=store_max)
    _growth_ratios(figures, mentions)
    _plot(figures, sizes, mentions)
    figures["plot"] = str(RESULTS / "scale.png")
    return figures


if __name__ == "__main__":
    if sys.argv[1:] == ["merge"]:
        print(json.dumps(merge_only()))
    else:
        print(json.dumps(_child(sys.argv[1], int(sys.argv[2]), sys.argv[3])))
