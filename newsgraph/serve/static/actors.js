// Actors by name, paged, with a search box.
import { h, api, go, link, actorRoute, say } from './dom.js';

export async function render(root, params) {
  const q = params.get('q') || '';
  const form = h('form', { role: 'search', class: 'filters', 'aria-label': 'Find an actor' },
    h('div', { class: 'field' }, h('label', { for: 'a-q' }, 'Name contains'),
      h('input', { id: 'a-q', name: 'q', value: q })),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Find')));
  form.addEventListener('submit', (e) => { e.preventDefault(); go('actors', { q: form.elements.q.value }); });
  const body = h('tbody', {});
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Show more actors');
  root.append(h('h1', {}, 'Actors'), form, h('table', { class: 'actors' },
    h('caption', {}, q ? `Actors whose name contains “${q}”` : 'All actors'),
    h('thead', {}, h('tr', {}, ['Name', 'Kind', 'Country', 'Events'].map(
      (c) => h('th', { scope: 'col' }, c)))), body), more);
  let cursor = null;
  async function load() {
    const page = await api('actors', { q, cursor, limit: 100 });
    for (const a of page.actors) {
      body.append(h('tr', {}, h('td', {}, link(actorRoute(a.id), a.name)), h('td', {}, a.kind),
        h('td', {}, a.country || '—'), h('td', {}, String(a.events))));
    }
    cursor = page.next;
    more.hidden = !cursor;
    say(`${body.children.length} actors shown`);
  }
  more.addEventListener('click', load);
  await load();
}
