"""TempEval-3 TIMEX3 entity scoring on TimeBank + AQUAINT, and MEANTIME English values.

Scoring follows the TempEval-3 evaluation toolkit: strict extent match (same span),
relaxed match (spans overlap); precision and recall over timexes; value and type
accuracy over relaxed matches; value F1 = relaxed F1 x value accuracy. Our tagger runs
on the raw TEXT of each document with its document creation time as the publication
date (no cleaning). The spaCy parse (no NER: ~40 s for the 256 TBAQ
documents) gives the tense of each clause. MEANTIME is scored on the annotated opening
sentences.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path
from typing import Any

NAME = "tempeval3"
# Floors: a little under the figures reached when they were set (see the final report).
FLOORS = {"tbaq_value_f1": 0.818, "tbaq_relaxed_f1": 0.945, "meantime_value_f1": 0.613}

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')

Gold = tuple[int, int, str, str]  # start, end, type, value


def read_tml(path: Path) -> tuple[str, date | None, list[Gold]]:
    """(plain TEXT, creation date, gold timexes with offsets into that text)."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    m = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    if m:
        v = dict(_ATTR.findall(m.group(0))).get("value", "")
        if re.match(r"\d{4}-\d{2}-\d{2}", v):
            dct = date.fromisoformat(v[:10])
    body = raw[raw.index("<TEXT>") + 6: raw.index("</TEXT>")]
    text: list[str] = []
    golds: list[Gold] = []
    pos, length = 0, 0
    open_: dict[str, Any] | None = None
    for t in _TAG.finditer(body):
        chunk = html.unescape(body[pos:t.start()])
        text.append(chunk)
        length += len(chunk)
        pos = t.end()
        if t.group(2) != "TIMEX3":
            continue
        if t.group(1) == "":
            open_ = dict(_ATTR.findall(t.group(3)), start=length)
        elif open_ is not None:
            golds.append((open_["start"], length, open_.get("type", ""), open_.get("value", "")))
            open_ = None
    text.append(html.unescape(body[pos:]))
    return "".join(text), dct, golds


def read_meantime(path: Path) -> tuple[str, date | None, list[Gold]]:
    """A MEANTIME CAT file: tokens joined by spaces, TIMEX3 markables with values."""
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length, last_sent = 0, None
    for tok in root.iter("token"):
        sep = "\n" if last_sent is not None and tok.get("sentence") != last_sent else " "
        if parts:
            parts.append(sep)
            length += 1
        last_sent = tok.get("sentence")
        word = tok.text or ""
        offsets[tok.get("t_id", "")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
    # Only the opening sentences of a MEANTIME article are annotated: score the text up
    # to the last sentence that carries any markable.
    sent_of = {t.get("t_id", ""): int(t.get("sentence", "0")) for t in root.iter("token")}
    marked = [sent_of.get(a.get("t_id", ""), 0) for a in root.iter("token_anchor")]
    last = max(marked, default=0)
    cut = max((e for tid, (_, e) in offsets.items() if sent_of.get(tid, 0) <= last), default=0)
    text = "".join(parts)[:cut]
    dct, golds = None, []
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id", "") for a in tx.iter("token_anchor")]
        value = tx.get("value", "")
        if tx.get("functionInDocument") == "CREATION_TIME":
            if re.match(r"\d{4}-\d{2}-\d{2}", value):
                dct = date.fromisoformat(value[:10])
            continue
        spans = [offsets[i] for i in ids if i in offsets]
        if spans:
            golds.append((min(s for s, _ in spans), max(e for _, e in spans),
                          tx.get("type", ""), value))
    return text, dct, golds


def score(pairs: list[tuple[list[Gold], list[Gold]]]) -> dict[str, float | int]:
    n_gold = n_sys = strict = relaxed = value_ok = type_ok = 0
    for golds, syss in pairs:
        n_gold += len(golds)
        n_sys += len(syss)
        used: set[int] = set()
        for g in golds:
            match = None
            for i, s in enumerate(syss):
                if i in used or not (s[0] < g[1] and g[0] < s[1]):
                    continue
                match = i
                if (s[0], s[1]) == (g[0], g[1]):
                    break
            if match is None:
                continue
            used.add(match)
            s = syss[match]
            relaxed += 1
            strict += (s[0], s[1]) == (g[0], g[1])
            value_ok += s[3] == g[3]
            type_ok += s[2] == g[2]

    def f1(hits: int) -> tuple[float, float, float]:
        p = hits / n_sys if n_sys else 0.0
        r = hits / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    sp, sr, sf = f1(strict)
    rp, rr, rf = f1(relaxed)
    vacc = value_ok / relaxed if relaxed else 0.0
    return {"gold": n_gold, "system": n_sys, "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf, "value_accuracy": vacc,
            "type_accuracy": type_ok / relaxed if relaxed else 0.0, "value_f1": rf * vacc}


def system(text: str, dct: date | None, doc: Any = None) -> list[Gold]:
    from newsgraph.time.anchor import tag

    return [(t.start, t.end, t.type, t.value or "") for t in tag(text, ref=dct, doc=doc)]


def parsed(texts: list[str]) -> list[Any]:
    """spaCy docs for `texts`, tagged and parsed (no NER: the tense is all we need)."""
    from newsgraph.nlp import load

    nlp = load()
    skip = [name for name in ("ner",) if name in nlp.pipe_names]
    return list(nlp.pipe(texts, disable=skip, batch_size=16))


def _score_set(figures: dict[str, float | int | str], prefix: str, docs: list[Any]) -> int:
    """Tag every (text, dct, golds) document, score it, and add `prefix_*` figures."""
    pairs = [(golds, system(text, dct, doc))
             for (text, dct, golds), doc in zip(docs, parsed([d[0] for d in docs]), strict=True)]
    for key, value in score(pairs).items():
        figures[f"{prefix}_{key}"] = value
    return len(pairs)


def run(shared: Path, *, pipeline: Any = None) -> dict[str, float | int | str]:
    figures: dict[str, float | int | str] = {}
    tbaq = shared / "bench" / "tempeval3" / "TBAQ-cleaned"
    _score_set(figures, "tbaq", [read_tml(p) for p in sorted(tbaq.glob("*/*.tml"))])
    mt = shared / "bench" / "meantime_en" / "intra-doc_annotation"
    figures["meantime_docs"] = _score_set(
        figures, "meantime", [read_meantime(p) for p in sorted(mt.rglob("*.xml"))])
    return figures
