"""python -m bench [--shared ../shared] [--only NAME ...] [--gate]"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import sys
import time
from pathlib import Path

from bench import BENCHMARKS

RESULTS = Path(__file__).resolve().parent / "results"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench")
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("--skip", action="append", default=[])
    ap.add_argument("--gate", action="store_true", help="fail when a figure is below its floor")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "bench").is_dir():
        print(f"bench: {shared} has no bench/ folder (give --shared)", file=sys.stderr)
        return 2
    from newsgraph import Pipeline

    pipeline = Pipeline()
    RESULTS.mkdir(exist_ok=True)
    failures = []
    for modname in BENCHMARKS:
        mod = importlib.import_module(f"bench.{modname}")
        if not hasattr(mod, "NAME"):
            continue
        if args.only and mod.NAME not in args.only and modname not in args.only:
            continue
        if mod.NAME in args.skip or modname in args.skip:
            continue
        if args.gate and not getattr(mod, "FLOORS", None):
            continue
        t0 = time.perf_counter()
        takes_gate = "gate" in inspect.signature(mod.run).parameters
        figures = mod.run(shared, pipeline=pipeline, **({"gate": args.gate} if takes_gate
                                                         else {}))
        secs = time.perf_counter() - t0
        (RESULTS / f"{mod.NAME}.json").write_text(json.dumps(figures, indent=1))
        print(f"== {mod.NAME} ({secs:.0f}s)")
        floors = getattr(mod, "FLOORS", {}) or {}
        # every floor is checked: a figure that is no longer produced fails the gate
        for key in sorted(set(floors) - set(figures)):
            failures.append(f"{mod.NAME}.{key} is missing (floor {floors[key]})")
            print(f"  {key:<32} MISSING  (floor {floors[key]})")
        for key, value in figures.items():
            floor = floors.get(key)
            mark = ""
            if floor is not None:
                ok = isinstance(value, (int, float)) and value >= floor
                mark = f"  (floor {floor}{'' if ok else '  BELOW'})"
                if not ok:
                    failures.append(f"{mod.NAME}.{key} = {value} < {floor}")
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            print(f"  {key:<32} {shown}{mark}")
    if args.gate and failures:
        print("quality gate FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    if args.gate:
        print("quality gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
