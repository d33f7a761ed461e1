// One article: its text with every event sentence marked (each a link to its event)
// and its quotes.
import { h, api, link, eventRoute, outLink } from './dom.js';
import { marked } from './highlight.js';
import { quoteItem } from './quotes.js';

export async function render(root, params, rest) {
  const d = await api('documents/' + encodeURIComponent(rest[0] || ''));
  const spans = d.spans.map((s) => ({ start: s.start, end: s.end, href: eventRoute(s.event_id),
    label: `${s.type} (${s.status})` }));
  root.append(h('h1', {}, d.title || d.outlet || d.doc_id),
    h('p', { class: 'meta' }, `${d.outlet || 'unknown outlet'} · ${d.published || 'undated'} · `,
      outLink(d.url),
      d.duplicate_of ? ' · a copy of ' : '', d.duplicate_of ? link('#/doc/' + encodeURIComponent(d.duplicate_of), d.duplicate_of) : ''),
    h('p', {}, `${d.events.length} event sentences are marked; each is a link to its event.`),
    h('blockquote', { class: 'article-text full' }, marked(d.text, spans)),
    h('h2', {}, `Quotes (${d.quotes.length})`), h('ul', { class: 'quotes' }, d.quotes.map(quoteItem)));
}
