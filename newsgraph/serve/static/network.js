// The actor network: a force layout (written here) of who met, accused, sanctioned
// whom, edges weighted by events; the same links as a table for screen readers.
import { h, api, go, actorRoute } from './dom.js';
import { typeColor } from './colors.js';
import { filterForm, filterParams } from './filters.js';

const W = 900;
const H = 560;

// Fruchterman-Reingold: every pair repels (k²/d), linked pairs attract (d²/k, more
// for heavier links), moves capped by a cooling temperature.
function layout(nodes, edges) {
  const n = nodes.length;
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  const k = 0.55 * Math.sqrt((W * H) / Math.max(1, n));
  const pos = nodes.map((_, i) => ({
    x: W / 2 + Math.cos(i * 2.4) * (20 + 4 * i), y: H / 2 + Math.sin(i * 2.4) * (20 + 4 * i) }));
  const maxW = Math.max(1, ...edges.map((e) => e.weight));
  // a dense network would collapse into a ball: weaker pull the more links each has
  const norm = Math.min(1, 3 / Math.max(1, (2 * edges.length) / Math.max(1, n)));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target),
    norm * (0.3 + 0.7 * Math.sqrt(e.weight / maxW))]);
  const steps = 250;
  for (let step = 0; step < steps; step++) {
    const temp = (W / 10) * (1 - step / steps) + 1;
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const ox = pos[i].x - pos[j].x;
        const oy = pos[i].y - pos[j].y;
        const d = Math.max(Math.hypot(ox, oy), 1);
        const f = (k * k) / d;
        dx[i] += (ox / d) * f; dy[i] += (oy / d) * f;
        dx[j] -= (ox / d) * f; dy[j] -= (oy / d) * f;
      }
    }
    for (const [a, b, strength] of links) {
      const ox = pos[a].x - pos[b].x;
      const oy = pos[a].y - pos[b].y;
      const d = Math.max(Math.hypot(ox, oy), 1);
      const f = ((d * d) / k) * strength;
      dx[a] -= (ox / d) * f; dy[a] -= (oy / d) * f;
      dx[b] += (ox / d) * f; dy[b] += (oy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // a little gravity keeps unlinked actors on the page
      dx[i] += (W / 2 - pos[i].x) * 0.06 * k / 10;
      dy[i] += (H / 2 - pos[i].y) * 0.06 * k / 10;
      const d = Math.max(Math.hypot(dx[i], dy[i]), 1e-9);
      const move = Math.min(d, temp);
      pos[i].x = Math.max(30, Math.min(W - 120, pos[i].x + (dx[i] / d) * move));
      pos[i].y = Math.max(20, Math.min(H - 20, pos[i].y + (dy[i] / d) * move));
    }
  }
  return pos;
}

function topType(types) {
  return Object.entries(types).sort((a, b) => b[1] - a[1])[0][0];
}

const MAX_DRAWN = 150; // links drawn (the strongest); the table lists the rest

function drawing(all) {
  const edges = [...all.edges].sort((a, b) => b.weight - a.weight).slice(0, MAX_DRAWN);
  const data = { nodes: all.nodes, edges };
  const pos = layout(data.nodes, data.edges);
  const at = new Map(data.nodes.map((d, i) => [d.id, pos[i]]));
  const maxW = Math.max(1, ...data.edges.map((e) => e.weight));
  const maxN = Math.max(1, ...data.nodes.map((d) => d.weight));
  const svg = h('svg', { viewBox: `0 0 ${W} ${H}`, class: 'network', role: 'group',
    'aria-label': 'Actor network; each actor is a link to its page' });
  const lines = h('g', { class: 'edges' });
  for (const e of data.edges) {
    const a = at.get(e.source);
    const b = at.get(e.target);
    const type = topType(e.types);
    lines.append(h('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: typeColor(type),
      'stroke-width': 1 + 6 * Math.sqrt(e.weight / maxW), class: 'edge' },
    h('title', {}, `${e.source} – ${e.target}: ${e.weight} events (mostly ${type})`)));
  }
  svg.append(lines);
  const names = new Map(data.nodes.map((d) => [d.id, d.name]));
  for (const d of data.nodes) {
    const p = at.get(d.id);
    const node = h('g', { class: 'node', tabindex: 0, role: 'link',
      'aria-label': `${d.name}: ${d.weight} events with others shown`, 'data-id': d.id },
    h('circle', { cx: p.x, cy: p.y, r: 5 + 12 * Math.sqrt(d.weight / maxN) }),
    h('text', { x: p.x + 8, y: p.y - 8 }, d.name));
    const open = () => { location.hash = actorRoute(d.id); };
    node.addEventListener('click', open);
    node.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') open(); });
    svg.append(node);
  }
  const table = h('table', { class: 'edge-table' },
    h('caption', {}, all.edges.length > MAX_DRAWN
      ? `Strongest links (${MAX_DRAWN} of ${all.edges.length} drawn)` : 'Strongest links'),
    h('thead', {}, h('tr', {}, ['Actor', 'Actor', 'Events', 'By type'].map(
      (c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, [...all.edges].sort((a, b) => b.weight - a.weight).slice(0, 300).map((e) =>
      h('tr', {}, h('td', {}, names.get(e.source)), h('td', {}, names.get(e.target)),
        h('td', {}, String(e.weight)),
        h('td', {}, Object.entries(e.types).map(([t, k]) => `${t} ${k}`).join(', '))))));
  return [svg, h('details', {}, h('summary', {}, 'The links as a table'), table)];
}

export async function render(root, params) {
  const meta = await api('meta');
  const by = params.get('by') || 'actor';
  const form = filterForm(params, meta, (values) => go('network', Object.assign({ by }, values)));
  const toggle = h('p', {}, 'Show: ',
    h('a', { href: '#/network?by=actor', 'aria-current': by === 'actor' ? 'true' : null }, 'people and bodies'),
    ' · ',
    h('a', { href: '#/network?by=country', 'aria-current': by === 'country' ? 'true' : null }, 'countries'));
  const maxEvents = params.get('max_events');
  const data = await api('graph', Object.assign({ by, max_nodes: 60 }, filterParams(params),
    maxEvents ? { max_events: maxEvents } : {}));
  root.append(h('h1', {}, 'Actor network'), form, toggle,
    h('p', { class: 'scope' }, `${data.nodes.length} actors, ${data.edges.length} links, from `
      + `${data.events_considered} events`
      + (data.truncated ? ' (the latest in the window; narrow the dates to see others)' : '')),
    (data.truncated && !maxEvents) ? h('p', {}, h('a', { href: '#/network?' + new URLSearchParams(
      Object.assign(Object.fromEntries(params), { by, max_events: 50000 })).toString() },
    'Use up to 50,000 events (slower)')) : '');
  if (data.nodes.length) root.append(h('figure', { class: 'chart' }, drawing(data)));
  else root.append(h('p', {}, 'No events between two actors match.'));
}
