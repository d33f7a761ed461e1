"""python -m newsgraph.kb.build --sources ../shared/kb_sources"""

from .builder import main

raise SystemExit(main())
