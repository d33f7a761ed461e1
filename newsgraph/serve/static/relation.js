// Two actors over time: their events by type per month (a stacked bar chart with a
// data table), and the list of events under it.
import { h, api, go } from './dom.js';
import { typeColor } from './colors.js';
import { eventPager } from './timeline.js';

const W = 900;
const H = 180;

function months(rows) {
  if (!rows.length) return [];
  const out = [];
  let [y, m] = rows[0].month.split('-').map(Number);
  const [ly, lm] = rows[rows.length - 1].month.split('-').map(Number);
  while ((y < ly || (y === ly && m <= lm)) && out.length < 600) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

function chart(rows) {
  const axis = months(rows);
  const byMonth = new Map(axis.map((m) => [m, []]));
  for (const r of rows) byMonth.get(r.month).push(r);
  const types = [...new Set(rows.map((r) => r.type))].sort();
  const max = Math.max(1, ...[...byMonth.values()].map((l) => l.reduce((s, r) => s + r.n, 0)));
  const w = W / Math.max(1, axis.length);
  const svg = h('svg', { viewBox: `0 0 ${W} ${H + 24}`, class: 'axis relation-chart',
    role: 'img', 'aria-label': 'Events by type per month; the table below has the figures' });
  const every = Math.ceil(axis.length / 12);
  axis.forEach((month, i) => {
    let y = H;
    for (const r of byMonth.get(month)) {
      const height = (r.n / max) * H;
      y -= height;
      const bar = h('rect', { x: i * w + 0.5, y, width: Math.max(1, w - 1), height,
        class: 'bar', 'data-month': month, 'data-type': r.type },
      h('title', {}, `${month}: ${r.n} ${r.type}`));
      bar.style.fill = typeColor(r.type); // CSSOM, allowed by the page's CSP
      svg.append(bar);
    }
    if (i % every === 0) svg.append(h('text', { x: i * w + 1, y: H + 16, class: 'tick' }, month));
  });
  const legend = h('ul', { class: 'legend', 'aria-label': 'Types' }, types.map((t) =>
    h('li', {}, h('span', { class: 'swatch', style: null, 'data-color': typeColor(t) }), t)));
  for (const sw of legend.querySelectorAll('.swatch')) sw.style.background = sw.dataset.color;
  const table = h('table', { class: 'month-table' },
    h('caption', {}, 'Events by type per month'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Month'),
      types.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, axis.filter((m) => byMonth.get(m).length).map((m) => h('tr', { 'data-month': m },
      h('th', { scope: 'row' }, m),
      types.map((t) => h('td', {}, String((byMonth.get(m).find((r) => r.type === t) || { n: 0 }).n)))))));
  return [svg, legend, h('details', {}, h('summary', {}, 'The figures as a table'), table)];
}

export async function render(root, params) {
  const a = params.get('a') || 'Russia';
  const b = params.get('b') || 'Iran';
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Choose two actors' },
    h('div', { class: 'field' }, h('label', { for: 'r-a' }, 'First actor'),
      h('input', { id: 'r-a', name: 'a', value: a, required: true })),
    h('div', { class: 'field' }, h('label', { for: 'r-b' }, 'Second actor'),
      h('input', { id: 'r-b', name: 'b', value: b, required: true })),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Compare')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go('relation', { a: form.elements.a.value.trim(), b: form.elements.b.value.trim() });
  });
  const rel = await api('relations', { a, b, limit: 1 });
  const name = (side) => (side.actor ? side.actor.name : side.query);
  root.append(h('h1', {}, `${name(rel.a)} and ${name(rel.b)}`), form);
  const total = rel.months.reduce((s, r) => s + r.n, 0);
  root.append(h('p', { class: 'scope' }, `${total} dated event${total === 1 ? '' : 's'}`
    + ` and ${rel.undated} undated between them.`));
  if (rel.months.length) {
    root.append(h('figure', { class: 'chart' },
      h('figcaption', {}, 'Events by type per month'), chart(rel.months)));
  }
  const list = h('ol', { class: 'events', id: 'relation-events', 'aria-label': 'Their events' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Show more events');
  root.append(h('h2', {}, 'Events'), list, more);
  await eventPager(list, more, 'relations', { a, b, limit: 50 });
}
