// One event: the merged facts, alternatives and conflicts side by side, and each
// source sentence highlighted in its article, with outlet, date and link.
import { h, api, when, pct, link, actorRoute, outLink } from './dom.js';
import { marked } from './highlight.js';

function people(list) {
  if (!list || !list.length) return '—';
  return list.flatMap((a, i) => [i ? ', ' : '', link(actorRoute(a.id), a.name)]);
}

function facts(ev) {
  const rows = [
    ['Type', `${ev.type}${ev.mode ? ' / ' + ev.mode : ''}`],
    ['Status', ev.status],
    ['When', when(ev) + (ev.precision ? ` (${ev.precision} precision)` : '')],
    ['Where', ev.location ? `${ev.location.name}${ev.location.country ? ', ' + ev.location.country : ''}` : '—'],
    ['Occasion', ev.occasion || '—'],
    ['Actors', people(ev.actor)],
    ['Recipients', people(ev.recipient)],
    ['Confidence', pct(ev.confidence)],
    ['Independent documents', String(ev.documents)],
  ];
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function alternatives(ev) {
  const section = h('section', { 'aria-labelledby': 'alt-h' },
    h('h2', { id: 'alt-h' }, ev.conflict ? 'Sources disagree' : 'What each source says'));
  const alts = ev.alternatives || {};
  const keys = Object.keys(alts);
  if (keys.length) {
    section.append(h('table', { class: 'alts' },
      h('caption', {}, 'Merged value and the alternatives other sources give'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'),
        h('th', { scope: 'col' }, 'Merged'), h('th', { scope: 'col' }, 'Alternatives'))),
      h('tbody', {}, keys.map((k) => h('tr', {}, h('th', { scope: 'row' }, k),
        h('td', {}, k === 'date' ? when(ev) : k === 'location' && ev.location ? ev.location.name : '—'),
        h('td', {}, [alts[k]].flat().map((v) => (typeof v === 'object' && v ? JSON.stringify(v) : String(v))).join('; ')))))));
  }
  section.append(h('table', { class: 'claims' },
    h('caption', {}, 'Each source’s own status and date'),
    h('thead', {}, h('tr', {}, ['Source', 'Published', 'Status', 'Date given'].map(
      (c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ev.sources.map((s) => h('tr', {},
      h('td', {}, s.outlet || s.source || s.doc_id), h('td', {}, s.published || '—'),
      h('td', {}, s.status), h('td', {}, s.date || '—'))))));
  return section;
}

function sourceCard(s, doc, i) {
  const title = doc.title || doc.outlet || doc.source || doc.doc_id;
  const whole = h('button', { type: 'button', 'aria-expanded': 'false',
    'aria-controls': `src-text-${i}` }, 'Show the whole article');
  const text = h('blockquote', { class: 'article-text', id: `src-text-${i}` },
    marked(doc.text, [{ start: s.start, end: s.end, label: 'the sentence this event comes from' }],
      { excerpt: true }));
  whole.addEventListener('click', () => {
    const open = whole.getAttribute('aria-expanded') === 'true';
    text.replaceChildren(...marked(doc.text, [{ start: s.start, end: s.end }], { excerpt: open }));
    whole.setAttribute('aria-expanded', String(!open));
    whole.textContent = open ? 'Show the whole article' : 'Show only the passage';
    const mark = text.querySelector('mark');
    if (mark && !open) mark.scrollIntoView({ block: 'center' });
  });
  return h('article', { class: 'source', 'aria-labelledby': `src-h-${i}` },
    h('h3', { id: `src-h-${i}` }, title),
    h('p', { class: 'meta' },
      `${doc.outlet || 'unknown outlet'} · ${doc.published || 'undated'} · `,
      outLink(doc.url), ' · ',
      link('#/doc/' + encodeURIComponent(doc.doc_id), 'open in the reader'),
      s.duplicate_of ? ` · a copy of ${s.duplicate_of}` : ''),
    text, whole);
}

export async function render(root, params, rest) {
  const ev = await api('events/' + encodeURIComponent(rest[0] || ''));
  root.append(h('h1', {}, ev.summary), facts(ev), alternatives(ev));
  const docs = new Map();
  await Promise.all([...new Set(ev.sources.map((s) => s.doc_id))].map(async (id) => {
    docs.set(id, await api('documents/' + encodeURIComponent(id)));
  }));
  root.append(h('section', { 'aria-labelledby': 'src-h' },
    h('h2', { id: 'src-h' }, `Sources (${ev.sources.length})`),
    ev.sources.map((s, i) => sourceCard(s, docs.get(s.doc_id), i))));
}
