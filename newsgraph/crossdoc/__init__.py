"""Cross-document stages: near-duplicate articles (dedupe) and event merging (merge)."""

from __future__ import annotations

from .dedupe import is_near_duplicate, jaccard_estimate, lsh_bands, minhash
from .merge import MentionView, MergedEvent, compatible, merge_mentions, participants_key

__all__ = ["MentionView", "MergedEvent", "compatible", "is_near_duplicate",
           "jaccard_estimate", "lsh_bands", "merge_mentions", "minhash", "participants_key"]
