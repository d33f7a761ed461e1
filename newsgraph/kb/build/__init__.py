"""Offline: building the bundled knowledge base from raw sources, and importing Wikidata
files into user KB files. Nothing here runs while articles are processed.

    python -m newsgraph.kb.build --sources ../shared/kb_sources     # rebuild data/kb/
    newsgraph kb import dump.json -o mine.yaml                        # Wikidata -> user file
"""

from .builder import build, main
from .wikidata import ImportResult, import_file, write_user_file

__all__ = ["ImportResult", "build", "import_file", "main", "write_user_file"]
