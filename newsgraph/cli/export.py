"""`newsgraph export`, `newsgraph load` and `newsgraph spark run`: thin commands over
newsgraph.export and newsgraph.spark."""

from __future__ import annotations

import click

FORMATS = ("jsonl", "csv", "parquet", "graphml", "plover")


def _kb() -> object | None:
    from ..pipeline import Pipeline

    try:
        return Pipeline().kb
    except Exception:  # noqa: BLE001 - without a KB, exports keep alpha-3 codes
        return None


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="parquet/csv/jsonl: every table into a folder; graphml: the actor "
              "network; plover: merged events as PLOVER JSON.")
@click.option("--out", "out", type=click.Path(), required=True,
              help="A folder (parquet, csv, jsonl) or a file (graphml, plover).")
@click.pass_context
def export(ctx: click.Context, fmt: str, out: str) -> None:
    """Write the store out in a format pandas, DuckDB, Gephi or an event pipeline load."""
    from .. import store as store_mod
    from ..export import export as run_export

    with store_mod.open(ctx.obj["db"], must_exist=True) as store:
        written = run_export(store, fmt, out, kb=_kb() if fmt in ("graphml", "plover")
                             else None)
    click.echo(f"wrote {out}: " + ", ".join(f"{k} {v}" for k, v in written.items()),
               err=True)


@click.command()
@click.argument("folder", type=click.Path())
@click.pass_context
def load(ctx: click.Context, folder: str) -> None:
    """Load Parquet tables (from `export --format parquet` or `spark run`) into the store."""
    from .. import store as store_mod
    from ..export import load as run_load

    with store_mod.open(ctx.obj["db"]) as store:
        result = run_load(store, folder)
    click.echo(result.line(), err=True)


@click.group()
def spark() -> None:
    """Run the pipeline on Spark (pip install 'newsgraph[spark]')."""


@spark.command("run")
@click.option("--input", "input_", required=True,
              help="JSONL, WARC or Parquet: a file, a folder or a glob (any Spark path).")
@click.option("--output", required=True, help="Folder for the Parquet tables.")
@click.option("--master", default=None,
              help="Spark master, e.g. local[2] (default: what spark-submit sets, "
              "else local[*]).")
@click.option("--partitions", type=click.IntRange(min=1), default=None,
              help="Partitions of the input (default: Spark's).")
def spark_run(input_: str, output: str, master: str | None, partitions: int | None) -> None:
    """Extract and merge on Spark; write the same tables as `export --format parquet`."""
    from ..spark import job

    counts = job.run(input_, output, master=master, partitions=partitions)
    click.echo(f"wrote {output}: " + ", ".join(f"{k} {v}" for k, v in counts.items()),
               err=True)
