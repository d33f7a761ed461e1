// An article's text with spans marked, built from text nodes (offsets are code points,
// as Python counts them).
import { h } from './dom.js';

const CONTEXT = 320;

// `spans`: [{start, end, cls, label, href}] (sorted, may overlap: later ones inside
// earlier ones are dropped). With `excerpt`, only the text around the first span.
export function marked(text, spans, { excerpt = false } = {}) {
  const chars = Array.from(text || '');
  let from = 0;
  let to = chars.length;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  if (excerpt && sorted.length) {
    from = Math.max(0, sorted[0].start - CONTEXT);
    to = Math.min(chars.length, sorted[0].end + CONTEXT);
    while (from > 0 && !/\s/.test(chars[from - 1])) from -= 1;
    while (to < chars.length && !/\s/.test(chars[to])) to += 1;
  }
  const out = [];
  if (from > 0) out.push('… ');
  let at = from;
  for (const span of sorted) {
    if (span.start < at) continue;
    const start = span.start;
    let end = Math.min(span.end, to);
    while (end > start && /\s/.test(chars[end - 1])) end -= 1;
    if (end <= start) continue;
    out.push(chars.slice(at, start).join(''));
    const mark = h('mark', { class: span.cls || 'hl', title: span.label || null },
      chars.slice(start, end).join(''));
    out.push(span.href ? h('a', { href: span.href, class: 'mark-link' }, mark) : mark);
    at = end;
  }
  out.push(chars.slice(at, to).join(''));
  if (to < chars.length) out.push(' …');
  return out;
}
