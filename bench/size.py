"""Cost against article length: seconds and peak memory of the whole per-article
pipeline (`extract`: read limits, clean, parse, time, actors, quotes, events) for one
article of 10 kB up to 2 MB of text, built here from templates (no corpus text).

Figures per size: `s_<size>` seconds, `mb_<size>` peak resident memory of this process
while that article runs (MB; VmHWM reset before each article where Linux allows), and
`us_per_char_<size>` microseconds per character; `growth` is the ratio of the per-char
cost at the largest size to that at 100 kB (1.0 = linear; quadratic would be ~20).
An article over the text limit (`NEWSGRAPH_MAX_TEXT`, see newsgraph/limits.py) is
refused, and its figure is the time to refuse it.
"""

from __future__ import annotations

import random
import resource
import time
from pathlib import Path
from typing import Any

NAME = "size"
FLOORS: dict[str, float] = {}  # speed is reported, not gated: CI machines vary
SIZES = (10_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000)

LEADERS = [("Emmanuel Macron", "France", "Paris"), ("Olaf Scholz", "Germany", "Berlin"),
           ("Narendra Modi", "India", "New Delhi"), ("Xi Jinping", "China", "Beijing"),
           ("Recep Tayyip Erdogan", "Turkey", "Ankara"),
           ("Luiz Inacio Lula da Silva", "Brazil", "Brasilia"),
           ("Cyril Ramaphosa", "South Africa", "Pretoria"),
           ("Fumio Kishida", "Japan", "Tokyo"), ("Justin Trudeau", "Canada", "Ottawa"),
           ("Anthony Albanese", "Australia", "Canberra")]
TOPICS = ["trade in grain", "a new rail link", "fishing rights", "border crossings",
          "visa rules", "energy prices", "a water-sharing plan", "debt relief",
          "student exchanges", "port fees"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TEMPLATES = [
    "{a} met {b} in {city} on {month} {day} to discuss {topic}.",
    "\u201cWe have agreed to keep talking about {topic},\u201d {a} told reporters in {city}.",
    "{country} accused {country2} of breaking an earlier promise on {topic}.",
    "Officials from {country} and {country2} signed a memorandum on {topic} on {month} {day}.",
    "{a} said on {weekday} that {country} would send a delegation to {city2} next month.",
    "The talks in {city} ended without a joint statement, a spokesperson for {b} said.",
    "{country2} announced sanctions on three firms it linked to the dispute over {topic}.",
    "Ministers will meet again in {city2} in {month}, according to a statement.",
    "{a} and {b} spoke by phone about {topic}, the foreign ministry of {country} said.",
    "Analysts said the agreement on {topic} was the first of its kind since {year}.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article_text(size: int, *, seed: int = 0) -> str:
    """About `size` characters of news-like text: paragraphs of 3-6 template sentences
    naming leaders, countries, cities, dates and quotes, one paragraph a line."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            (a, country, city), (b, country2, city2) = rng.sample(LEADERS, 2)
            sentences.append(rng.choice(TEMPLATES).format(
                a=a, b=b, country=country, country2=country2, city=city, city2=city2,
                topic=rng.choice(TOPICS), month=rng.choice(MONTHS), day=rng.randint(1, 28),
                weekday=rng.choice(WEEKDAYS), year=rng.randint(1990, 2020)))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph) + 1
    return "\n".join(paragraphs)[:size].rsplit(" ", 1)[0] + "."


def _reset_peak() -> bool:
    """Reset this process's VmHWM (Linux: write 5 to clear_refs); False if not allowed."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _label(size: int) -> str:
    return f"{size // 1_000_000}MB" if size >= 1_000_000 else f"{size // 1000}kB"


def measure(pipeline: Any, size: int) -> tuple[float, float, str]:
    """(seconds, peak MB, outcome) of one article of `size` characters: read through
    the real reader (stdin path, so its limits apply), then every stage."""
    import io

    from newsgraph.errors import NewsgraphError, ReadError
    from newsgraph.read import iter_articles

    text = article_text(size, seed=size)
    _reset_peak()
    t0 = time.perf_counter()
    outcome = "ok"
    for item in iter_articles(["-"], stdin=io.BytesIO(text.encode())):
        if isinstance(item, ReadError):
            outcome = f"refused: {item.reason}"
            continue
        try:
            pipeline.process(item)
            outcome = f"ok ({len(item.events)} events, {len(item.quotes)} quotes)"
        except NewsgraphError as e:
            outcome = f"refused: {e}"
    return time.perf_counter() - t0, _peak_mb(), outcome


def run(shared: Path, *, pipeline: Any, sizes: tuple[int, ...] = SIZES
        ) -> dict[str, float | int | str]:
    """The sweep runs with the text limit raised past the largest size (to show the
    cost of processing each size); then the largest size once more under the default
    limit, where it is refused (`refused_s`, `refused`)."""
    import os

    from newsgraph import limits

    figures: dict[str, float | int | str] = {}
    pipeline.process_text("Leaders met in Paris on Monday.")  # model and KB loaded
    saved = os.environ.get(limits.ENV_MAX_TEXT)
    os.environ[limits.ENV_MAX_TEXT] = str(max(sizes) + 1)
    try:
        for size in sizes:
            secs, peak, outcome = measure(pipeline, size)
            label = _label(size)
            figures[f"s_{label}"] = round(secs, 2)
            figures[f"mb_{label}"] = round(peak)
            figures[f"us_per_char_{label}"] = round(secs / size * 1e6, 2)
            figures[f"outcome_{label}"] = outcome
    finally:
        if saved is None:
            os.environ.pop(limits.ENV_MAX_TEXT, None)
        else:
            os.environ[limits.ENV_MAX_TEXT] = saved
    secs, _, outcome = measure(pipeline, max(sizes))
    figures["default_limit_chars"] = limits.max_text()
    figures[f"refused_{_label(max(sizes))}_s"] = round(secs, 2)
    figures[f"refused_{_label(max(sizes))}"] = outcome
    per_char = [v for k, v in figures.items() if k.startswith("us_per_char_")]
    base = figures.get("us_per_char_100kB")
    top = figures.get(f"us_per_char_{_label(max(sizes))}")
    if isinstance(base, float) and isinstance(top, float) and base > 0:
        figures["growth"] = round(top / base, 2)
    if per_char:
        figures["peak_mb_max"] = max(v for k, v in figures.items() if k.startswith("mb_"))
    return figures


if __name__ == "__main__":  # python -m bench.size [SIZE ...]: figures without the rest
    import sys

    from newsgraph import Pipeline

    chosen = tuple(int(s) for s in sys.argv[1:]) or SIZES
    for key, value in run(Path("."), pipeline=Pipeline(), sizes=chosen).items():
        print(f"  {key:<24} {value}")
