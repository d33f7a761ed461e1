"""Benchmark and quality-gate scripts (`make bench`, `make gate`).

Each benchmark is a module here with:

    NAME = "tempeval3"                     # results go to bench/results/NAME.json
    FLOORS = {"value_f1": 0.82}            # checked by --gate; floors only go up
    def run(shared: Path, *, pipeline) -> dict[str, float | int | str]

`pipeline` is a ready `newsgraph.Pipeline` (model and KB loaded once).
"""

from pathlib import Path

# Every module here that defines NAME is a benchmark; they run in name order.
BENCHMARKS = sorted(p.stem for p in Path(__file__).parent.glob("*.py")
                    if not p.stem.startswith("_"))
