// Full-text search over articles and quotes.
import { h, api, go, link } from './dom.js';
import { quoteItem } from './quotes.js';

function snippet(text) {
  // hits come between \u0002 and \u0003 (control characters no article keeps)
  const out = [];
  for (const [i, part] of String(text || '').split(/[\u0002\u0003]/).entries()) {
    out.push(i % 2 ? h('mark', {}, part) : part);
  }
  return out;
}

export async function render(root, params) {
  const q = params.get('q') || '';
  const form = h('form', { role: 'search', class: 'filters', 'aria-label': 'Search articles and quotes' },
    h('div', { class: 'field' }, h('label', { for: 's-q' }, 'Words'),
      h('input', { id: 's-q', name: 'q', type: 'search', value: q, required: true })),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Search')));
  form.addEventListener('submit', (e) => { e.preventDefault(); go('search', { q: form.elements.q.value }); });
  root.append(h('h1', {}, q ? `Search: ${q}` : 'Search'), form);
  if (!q.trim()) return;
  const res = await api('search', { q, limit: 30 });
  root.append(h('section', { 'aria-labelledby': 's-docs' },
    h('h2', { id: 's-docs' }, `Articles (${res.documents.length})`),
    h('ol', { class: 'results' }, res.documents.map((d) => h('li', {},
      link('#/doc/' + encodeURIComponent(d.doc_id), d.title || d.outlet || d.doc_id),
      h('span', { class: 'meta' }, ` ${d.outlet || ''} ${d.published || ''}`),
      h('p', { class: 'snippet' }, snippet(d.snippet)))))),
  h('section', { 'aria-labelledby': 's-quotes' },
    h('h2', { id: 's-quotes' }, `Quotes (${res.quotes.length})`),
    h('ul', { class: 'quotes' }, res.quotes.map(quoteItem))));
}
