// The actor network: a force layout (written here) of who met, accused, sanctioned
// whom, edges weighted by events; the same links as a table for screen readers.
import { h, api, go, actorRoute } from './dom.js';
import { typeColor } from './colors.js';
import { filterForm, filterParams } from './filters.js';

const W = 900;
const H = 560;

function layout(nodes, edges) {
  const n = nodes.length;
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  const pos = nodes.map((_, i) => ({
    x: W / 2 + Math.cos(i * 2.4) * (40 + 6 * i), y: H / 2 + Math.sin(i * 2.4) * (40 + 6 * i),
    vx: 0, vy: 0 }));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target), e.weight]);
  for (let step = 0; step < 300; step++) {
    const heat = 1 - step / 300;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x;
        let dy = pos[i].y - pos[j].y;
        const d2 = Math.max(dx * dx + dy * dy, 25);
        const f = 1800 / d2;
        dx *= f / Math.sqrt(d2); dy *= f / Math.sqrt(d2);
        pos[i].vx += dx; pos[i].vy += dy; pos[j].vx -= dx; pos[j].vy -= dy;
      }
    }
    for (const [a, b, w] of links) {
      const dx = pos[b].x - pos[a].x;
      const dy = pos[b].y - pos[a].y;
      const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      const f = (d - 90) * 0.02 * Math.min(3, 1 + Math.log(w));
      pos[a].vx += (dx / d) * f; pos[a].vy += (dy / d) * f;
      pos[b].vx -= (dx / d) * f; pos[b].vy -= (dy / d) * f;
    }
    for (const p of pos) {
      p.vx += (W / 2 - p.x) * 0.01; p.vy += (H / 2 - p.y) * 0.01;
      p.x += Math.max(-20, Math.min(20, p.vx * heat));
      p.y += Math.max(-20, Math.min(20, p.vy * heat));
      p.x = Math.max(30, Math.min(W - 30, p.x)); p.y = Math.max(20, Math.min(H - 20, p.y));
      p.vx *= 0.6; p.vy *= 0.6;
    }
  }
  return pos;
}

function topType(types) {
  return Object.entries(types).sort((a, b) => b[1] - a[1])[0][0];
}

function drawing(data) {
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
    h('caption', {}, 'Strongest links'),
    h('thead', {}, h('tr', {}, ['Actor', 'Actor', 'Events', 'By type'].map(
      (c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, [...data.edges].sort((a, b) => b.weight - a.weight).slice(0, 40).map((e) =>
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
  const data = await api('graph', Object.assign({ by, max_nodes: 60 }, filterParams(params)));
  root.append(h('h1', {}, 'Actor network'), form, toggle,
    h('p', { class: 'scope' }, `${data.nodes.length} actors, ${data.edges.length} links, from `
      + `${data.events_considered} events`
      + (data.truncated ? ' (the latest in the window; narrow the dates to see others)' : '')));
  if (data.nodes.length) root.append(h('figure', { class: 'chart' }, drawing(data)));
  else root.append(h('p', {}, 'No events between two actors match.'));
}
