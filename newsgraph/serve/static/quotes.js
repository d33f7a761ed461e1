// Quotes by speaker: the speakers quoted most, and one speaker's quotes.
import { h, api, link, actorRoute, say } from './dom.js';

export function quoteItem(q) {
  return h('li', { class: 'quote' }, h('blockquote', {}, h('p', {}, q.text)),
    h('p', { class: 'meta' }, '— ', q.speaker ? link(actorRoute(q.speaker.id), q.speaker.name) : 'unattributed',
      `, ${q.outlet || 'unknown outlet'}, ${q.published || 'undated'} · `,
      link('#/doc/' + encodeURIComponent(q.doc_id), 'in the article')));
}

export async function render(root, params) {
  const speaker = params.get('speaker') || '';
  const speakers = await api('speakers', { limit: 60 });
  root.append(h('h1', {}, 'Quotes'));
  const nav = h('nav', { 'aria-label': 'Speakers', class: 'speakers' },
    h('ul', {}, h('li', {}, h('a', { href: '#/quotes', 'aria-current': speaker ? null : 'page' }, 'Everyone')),
      speakers.map((s) => h('li', {}, h('a', { href: '#/quotes?speaker=' + encodeURIComponent(s.id),
        'aria-current': s.id === speaker ? 'page' : null }, `${s.name} (${s.quotes})`)))));
  const list = h('ul', { class: 'quotes', 'aria-label': 'Quotes' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Show more quotes');
  const who = speakers.find((s) => s.id === speaker);
  root.append(h('div', { class: 'two' }, nav, h('section', {},
    h('h2', {}, who ? who.name : speaker || 'All speakers'), list, more)));
  let cursor = null;
  async function load() {
    const page = await api('quotes', { speaker, cursor, limit: 50 });
    for (const q of page.quotes) list.append(quoteItem(q));
    cursor = page.next;
    more.hidden = !cursor;
    say(`${list.children.length} quotes shown`);
  }
  more.addEventListener('click', load);
  await load();
}
