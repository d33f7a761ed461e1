// Timeline: events on a date axis (counts per year, month or day, zoomable from
// decades to days) and the page of events under it, with filters.
import { h, api, say, eventItem, go } from './dom.js';
import { filterForm, filterParams } from './filters.js';

const BAR_W = 900;
const BAR_H = 140;

export function bucketFor(since, until) {
  if (!since && !until) return 'year';
  const a = new Date((since || '1900') + (since && since.length === 4 ? '-01-01' : since && since.length === 7 ? '-01' : ''));
  const b = new Date(until ? until + (until.length === 4 ? '-12-31' : until.length === 7 ? '-28' : '') : Date.now());
  const days = (b - a) / 86400000;
  if (days <= 70) return 'day';
  if (days <= 800) return 'month';
  return 'year';
}

function allBuckets(counts, bucket) {
  if (!counts.length) return [];
  const have = new Map(counts.map((c) => [c.bucket, c.n]));
  const first = counts[0].bucket;
  const last = counts[counts.length - 1].bucket;
  const out = [];
  if (bucket === 'year') {
    for (let y = +first; y <= +last && out.length < 400; y++) out.push(String(y));
  } else if (bucket === 'month') {
    let [y, m] = first.split('-').map(Number);
    const [ly, lm] = last.split('-').map(Number);
    while ((y < ly || (y === ly && m <= lm)) && out.length < 400) {
      out.push(`${y}-${String(m).padStart(2, '0')}`);
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
  } else {
    const d = new Date(first + 'T00:00:00Z');
    const end = new Date(last + 'T00:00:00Z');
    while (d <= end && out.length < 400) {
      out.push(d.toISOString().slice(0, 10));
      d.setUTCDate(d.getUTCDate() + 1);
    }
  }
  return out.map((b) => ({ bucket: b, n: have.get(b) || 0 }));
}

function zoomInto(params, bucket) {
  const next = Object.fromEntries(params);
  next.since = bucket;
  next.until = bucket;
  go('timeline', next);
}

function axis(counts, bucket, params) {
  const bars = allBuckets(counts, bucket);
  const max = Math.max(1, ...bars.map((b) => b.n));
  const w = BAR_W / Math.max(1, bars.length);
  const every = Math.ceil(bars.length / 12);
  const svg = h('svg', { viewBox: `0 0 ${BAR_W} ${BAR_H + 24}`, class: 'axis',
    role: 'group', 'aria-label': `Events per ${bucket}; choose a bar to zoom in` });
  bars.forEach((b, i) => {
    const height = b.n ? Math.max(2, (b.n / max) * BAR_H) : 0;
    const label = `${b.bucket}: ${b.n} event${b.n === 1 ? '' : 's'}`;
    const bar = h('rect', { x: i * w + 0.5, y: BAR_H - height, width: Math.max(1, w - 1),
      height: Math.max(height, 0), class: b.n ? 'bar' : 'bar empty', 'data-bucket': b.bucket,
      tabindex: b.n && bucket !== 'day' ? 0 : null, role: b.n && bucket !== 'day' ? 'button' : null,
      'aria-label': label },
    h('title', {}, label));
    if (b.n && bucket !== 'day') {
      bar.addEventListener('click', () => zoomInto(params, b.bucket));
      bar.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); zoomInto(params, b.bucket); }
      });
    }
    svg.append(bar);
    if (i % every === 0) {
      svg.append(h('text', { x: i * w + 1, y: BAR_H + 16, class: 'tick' },
        bucket === 'day' ? b.bucket.slice(5) : b.bucket));
    }
  });
  return svg;
}

// The same window moved by its own length (a year, a month or a day; -1 earlier).
function shift(params, step) {
  const since = params.get('since') || '';
  const until = params.get('until') || since;
  const next = Object.fromEntries(params);
  const move = (text) => {
    if (text.length === 4) return String(+text + step * (+until.slice(0, 4) - +since.slice(0, 4) + 1));
    const d = new Date(Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, text.length === 10 ? +text.slice(8, 10) : 1));
    if (text.length === 7) { d.setUTCMonth(d.getUTCMonth() + step); return d.toISOString().slice(0, 7); }
    d.setUTCDate(d.getUTCDate() + step);
    return d.toISOString().slice(0, 10);
  };
  next.since = move(since);
  next.until = move(until);
  go('timeline', next);
}

function zoomOut(params) {
  const since = params.get('since') || '';
  const next = Object.fromEntries(params);
  if (since.length >= 10) { next.since = since.slice(0, 7); next.until = since.slice(0, 7); }
  else if (since.length === 7) { next.since = since.slice(0, 4); next.until = since.slice(0, 4); }
  else if (since.length === 4) {
    const decade = Math.floor(+since / 10) * 10;
    next.since = String(decade); next.until = String(decade + 9);
  } else { delete next.since; delete next.until; }
  go('timeline', next);
}

export async function eventPager(list, more, path, params, extra) {
  let cursor = null;
  async function load() {
    more.disabled = true;
    const page = await api(path, Object.assign({}, params, { cursor }));
    for (const ev of page.events) list.append(eventItem(ev));
    cursor = page.next;
    more.hidden = !cursor;
    more.disabled = false;
    say(`${list.children.length} events shown${cursor ? '; more available' : ''}`);
    if (extra) extra(page);
    return page;
  }
  more.addEventListener('click', load);
  return load();
}

export async function render(root, params) {
  const meta = await api('meta');
  const since = params.get('since');
  const until = params.get('until');
  const bucket = bucketFor(since, until);
  const filters = filterParams(params);
  root.append(h('h1', {}, 'Timeline'),
    filterForm(params, meta, (values) => go('timeline', values)));
  const summary = h('p', { class: 'scope', id: 'timeline-scope' });
  const chart = h('figure', { class: 'chart' },
    h('figcaption', {}, `Events per ${bucket}`
      + (since || until ? ` from ${since || 'the start'} to ${until || 'now'}` : ', all dates')));
  const zoom = h('div', { class: 'zoom', role: 'group', 'aria-label': 'Zoom' },
    h('button', { type: 'button', onclick: () => zoomOut(params), disabled: !since && !until },
      'Zoom out'),
    ' ',
    h('button', { type: 'button', onclick: () => {
      const next = Object.fromEntries(params); delete next.since; delete next.until;
      go('timeline', next);
    }, disabled: !since && !until }, 'All dates'),
    ' ',
    h('button', { type: 'button', onclick: () => shift(params, -1), disabled: !since },
      '← Earlier'),
    ' ',
    h('button', { type: 'button', onclick: () => shift(params, 1), disabled: !since },
      'Later →'));
  const list = h('ol', { class: 'events', id: 'timeline-events', 'aria-label': 'Events in date order' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Show more events');
  root.append(summary, zoom, chart, h('h2', {}, 'Events'), list, more);
  await eventPager(list, more, 'timeline', Object.assign({ limit: 50, bucket }, filters),
    (page) => {
      if (page.counts) {
        chart.append(axis(page.counts, bucket, params));
        const total = page.counts.reduce((s, c) => s + c.n, 0);
        summary.textContent = `${total} dated event${total === 1 ? '' : 's'} match`
          + ` (of ${meta.events} in the store).`;
        if (!total) chart.append(h('p', {}, 'No dated events match these filters.'));
      }
    });
}
