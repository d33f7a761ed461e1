// One actor: aliases, offices with dates, counts, and its events.
import { h, api, link } from './dom.js';
import { eventPager } from './timeline.js';

export async function render(root, params, rest) {
  const id = rest[0] || '';
  const a = await api('actors/' + encodeURIComponent(id));
  root.append(h('h1', {}, a.name),
    h('p', { class: 'meta' }, `${a.kind}${a.country ? ' · ' + a.country : ''}`
      + `${a.sector ? ' · ' + a.sector : ''} · id ${a.id}`),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Events'), h('dd', {}, `${a.events}${a.first ? ` (${a.first} – ${a.last})` : ''}`),
      h('dt', {}, 'Mentions'), h('dd', {}, `${a.mentions} in ${a.documents} articles`),
      h('dt', {}, 'Quotes'), h('dd', {}, a.quotes
        ? link('#/quotes?speaker=' + encodeURIComponent(a.id), `${a.quotes} quotes`) : '0'),
      h('dt', {}, 'Aliases'), h('dd', {}, a.aliases.length ? a.aliases.join(', ') : '—'),
      h('dt', {}, 'Named in articles as'),
      h('dd', {}, a.names_in_articles.map((n) => `${n.text} (${n.n})`).join(', ') || '—')));
  if (a.offices.length) {
    root.append(h('table', { class: 'offices' }, h('caption', {}, 'Offices'),
      h('thead', {}, h('tr', {}, ['Office', 'Country', 'From', 'To'].map(
        (c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, a.offices.map((o) => h('tr', {},
        h('td', {}, o.role.replace(/_/g, ' ') + (o.acting ? ' (acting)' : '')),
        h('td', {}, o.country), h('td', {}, o.start || '?'), h('td', {}, o.end || 'in office'))))));
  }
  root.append(h('p', {}, link('#/timeline?actor=' + encodeURIComponent(a.id), 'On the timeline'),
    ' · ', link('#/relation?a=' + encodeURIComponent(a.id), 'Compare with another actor')));
  const list = h('ol', { class: 'events', 'aria-label': `Events of ${a.name}` });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Show more events');
  root.append(h('h2', {}, 'Events'), list, more);
  await eventPager(list, more, 'events', { actor: a.id, limit: 30 });
}
