"""The public Python API is what we say it is, and importing it loads nothing heavy."""

from __future__ import annotations

import subprocess
import sys

import newsgraph


def test_public_api_is_exactly_all():
    public = {name for name in dir(newsgraph) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(newsgraph, name)).__name__ == "module"}
    assert set(newsgraph.__all__) - {"__version__"} == public - modules - {"annotations"}


def test_import_loads_no_model_and_no_spark():
    code = ("import sys, newsgraph; "
            "print(any(m.split('.')[0] in ('spacy', 'pyspark', 'thinc') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_extract_record_has_the_spec_fields(pipeline):
    article = pipeline.process_text(
        "Russian President Vladimir Putin met Iranian President Masoud Pezeshkian in "
        "Tianjin on Monday.", published="2025-09-01", source="inline")
    record = article.to_record()
    for key in ("doc_id", "source", "title", "outlet", "published", "published_basis", "text",
                "removed", "actors", "timexes", "quotes", "events"):
        assert key in record
    assert record["published"] == "2025-09-01" and record["published_basis"] == "metadata"
