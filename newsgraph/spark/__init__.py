"""newsgraph on Spark: the per-article pipeline on executors, events merged in blocks
with the single-machine merge, the same Parquet tables as `export` (see job.py)."""
