"""PolNeAR dev: quote content spans and speakers.

Data: ../shared/bench/polnear/data/dev/text/NAME.txt with brat stand-off annotations
dev/attributions/NAME_ANNOTATOR.ann (Source, Cue, Content spans, possibly
discontinuous, tied by an `E` relation). Ten dev articles were annotated by two
annotators; the first annotation file in sorted order is used. Train is never read here.

The article text is parsed as is (no cleaning, so the offsets stay PolNeAR's) and only
the quotes stage runs on it: speakers are scored by span, so actors are not needed.

What is scored. PolNeAR annotates every attribution, including beliefs, wishes and
findings ("voters think ...", "polls show ..."). newsgraph extracts speech, so:

- recall is over the gold attributions *in scope*: those whose cue contains a speech
  cue (a word whose lemma is one of newsgraph.quotes.cues.SPEECH_VERBS, or
  "according to") or whose content holds a quotation mark (direct quotes, whatever
  their cue, e.g. ":");
- precision is over all our quotes, against every gold attribution (in scope or not):
  when PolNeAR's annotators marked the words as attributed content, our quote is right.

Overlap matching: a predicted content and a gold content match when their character
spans share at least one character (for a discontinuous gold content, any fragment).
precision = predicted quotes matching some gold content / predicted quotes;
recall = in-scope gold contents matched by some predicted quote / in-scope gold;
content_f1 = their harmonic mean.

Speaker accuracy: for each matched in-scope gold attribution that has a Source span,
the predicted quote with the largest overlap is taken; it is right when its
speaker_span overlaps the gold Source span (pronouns count as PolNeAR annotates them:
"he" is the source of "he said"). No speaker_span is wrong.

All 84 dev articles are scored (about a minute of parsing on one core).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NAME = "polnear"
# Just under the first full dev run (content_f1 0.834, speaker_accuracy 0.891).
FLOORS = {"content_f1": 0.82, "speaker_accuracy": 0.87}

QUOTE_CHARS = "\"“”"
Span = tuple[int, int]


@dataclass
class Attribution:
    content: list[Span]
    cue: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)


def _spans(field_: str) -> list[Span]:
    spans = []
    for part in field_.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return spans


def read_ann(path: Path) -> list[Attribution]:
    """The attributions of one brat file (those with a content span)."""
    spans: dict[str, tuple[str, list[Span]]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, offsets = cols[1].partition(" ")
            spans[cols[0]] = (label, _spans(offsets))
        elif line.startswith("E") and len(cols) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in cols[1].split()))
    out = []
    for rel in relations:
        if "Content" not in rel or rel["Content"] not in spans:
            continue
        out.append(Attribution(
            content=spans[rel["Content"]][1],
            cue=spans[rel["Cue"]][1] if rel.get("Cue") in spans else [],
            source=spans[rel["Source"]][1] if rel.get("Source") in spans else []))
    return out


def load(root: Path) -> list[tuple[str, str, list[Attribution]]]:
    """(name, text, attributions) of every dev article."""
    data = []
    anns = sorted((root / "attributions").glob("*.ann"))
    for text_path in sorted((root / "text").glob("*.txt")):
        mine = [p for p in anns if re.fullmatch(re.escape(text_path.stem) + r"_[0-9a-f]+",
                                                 p.stem)]
        if not mine:
            continue
        data.append((text_path.stem, text_path.read_text(encoding="utf-8"),
                     read_ann(mine[0])))
    return data


def _overlap(a: Span, spans: list[Span]) -> int:
    return max((min(a[1], b[1]) - max(a[0], b[0]) for b in spans), default=0)


def in_scope(attribution: Attribution, text: str, doc: Any) -> bool:
    """A speech attribution (see the module docstring)."""
    from newsgraph.quotes.cues import SPEECH_VERBS

    if any(c in text[s:e] for s, e in attribution.content for c in QUOTE_CHARS):
        return True
    for start, end in attribution.cue:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        if any(t.lemma_.lower() in SPEECH_VERBS for t in span):
            return True
        if "according to" in span.text.lower():
            return True
    return False


def run(shared: Path, *, pipeline: Any) -> dict[str, float | int | str]:
    return evaluate(shared / "bench" / "polnear" / "data" / "dev", pipeline=pipeline)


def evaluate(root: Path, *, pipeline: Any, limit: int | None = None,
             misses: list[tuple[str, str, str]] | None = None) -> dict[str, float | int | str]:
    """Score one PolNeAR split folder (`limit` articles; `misses` collects errors as
    (kind, article, text) for rule tuning on train)."""
    from newsgraph import quotes
    from newsgraph.model import Article

    data = load(root)[:limit]
    nlp = pipeline.nlp
    predicted = matched_pred = 0
    gold_total = gold_matched = direct_total = direct_matched = 0
    speaker_total = speaker_right = 0
    docs = nlp.pipe((text for _, text, _ in data), batch_size=8)
    for (name, text, gold), doc in zip(data, docs, strict=True):
        article = Article(source=name, raw=text, text=text, doc=doc)
        quotes.extract(article)
        preds = [(q.start, q.end) for q in article.quotes]
        all_gold = [s for a in gold for s in a.content]
        predicted += len(preds)
        matched_pred += sum(1 for p in preds if _overlap(p, all_gold) > 0)
        if misses is not None:
            misses.extend(("false", name, text[p[0]:p[1]]) for p in preds
                          if _overlap(p, all_gold) <= 0)
        for attribution in gold:
            if not in_scope(attribution, text, doc):
                continue
            gold_total += 1
            direct = any(c in text[s:e] for s, e in attribution.content for c in QUOTE_CHARS)
            direct_total += direct
            overlaps = [(_overlap(p, attribution.content), q)
                        for p, q in zip(preds, article.quotes, strict=True)]
            overlaps = [(o, q) for o, q in overlaps if o > 0]
            if not overlaps:
                if misses is not None:
                    misses.append(("missed", name, " | ".join(text[s:e] for s, e in
                                   attribution.cue + attribution.content)))
                continue
            gold_matched += 1
            direct_matched += direct
            if not attribution.source:
                continue
            speaker_total += 1
            best = max(overlaps, key=lambda oq: oq[0])[1]
            if best.speaker_span and _overlap(best.speaker_span, attribution.source) > 0:
                speaker_right += 1
            elif misses is not None:
                said = text[slice(*best.speaker_span)] if best.speaker_span else None
                gold_said = text[slice(*attribution.source[0])]
                misses.append(("speaker", name,
                               f"{said!r} vs {gold_said!r} :: {best.text[:80]}"))
    precision = matched_pred / predicted if predicted else 0.0
    recall = gold_matched / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "content_f1": round(f1, 4),
        "content_precision": round(precision, 4),
        "content_recall": round(recall, 4),
        "speaker_accuracy": round(speaker_right / speaker_total, 4) if speaker_total else 0.0,
        "direct_recall": round(direct_matched / direct_total, 4) if direct_total else 0.0,
        "articles": len(data),
        "gold_in_scope": gold_total,
        "predicted": predicted,
        "speaker_scored": speaker_total,
    }
