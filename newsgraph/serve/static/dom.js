// Building DOM safely: text always goes in as text nodes, attributes through
// setAttribute, links only to our own routes or to http(s). Nothing from the store is
// ever parsed as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['svg', 'g', 'rect', 'line', 'circle', 'text', 'title', 'path',
  'desc']);

export function safeHref(url) {
  if (typeof url !== 'string' || !url) return null;
  if (url.startsWith('#/') || url === '/docs') return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function h(tag, props, ...children) {
  const svg = SVG_TAGS.has(tag);
  const el = svg ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) {
      if (typeof value === 'function') el.addEventListener(key.slice(2), value);
    } else if (key === 'href') {
      const safe = safeHref(value);
      if (safe) el.setAttribute('href', safe);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  return append(el, children);
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    for (const v of [value].flat()) {
      if (v !== null && v !== undefined && v !== '') q.append(key, String(v));
    }
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

export async function api(path, params) {
  const response = await fetch('/api/' + path + query(params),
    { headers: { accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError((body && body.error) || `HTTP ${response.status}`, response.status);
  }
  return body;
}

export function say(text) {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

// A date or an interval as people read it.
export function when(ev) {
  if (ev.date) return ev.date;
  if (ev.interval) return `${ev.interval.start} – ${ev.interval.end}`;
  if (ev.start && ev.end && ev.start !== ev.end) return `${ev.start} – ${ev.end}`;
  return ev.start || 'undated';
}

export function pct(value) {
  return value === null || value === undefined ? 'n/a' : `${Math.round(value * 100)}%`;
}

export function link(route, text, props) {
  return h('a', Object.assign({ href: route }, props || {}), text);
}

export function eventRoute(id) {
  return '#/event/' + encodeURIComponent(id);
}

export function actorRoute(id) {
  return '#/actor/' + encodeURIComponent(id);
}

// One event in a list: summary (a link to its page), date, status, confidence, sources.
export function eventItem(ev) {
  const sources = ev.sources === undefined ? null
    : (Array.isArray(ev.sources) ? ev.sources.length : ev.sources);
  return h('li', { class: 'event' },
    h('span', { class: 'when' }, when(ev)),
    ' ',
    link(eventRoute(ev.id), ev.summary || ev.type, { class: 'summary' }),
    ' ',
    h('span', { class: `badge status-${String(ev.status).replace(/[^a-z_]/g, '')}` },
      ev.status),
    ' ',
    h('span', { class: 'meta' },
      `${ev.type}${ev.mode ? '/' + ev.mode : ''} · confidence ${pct(ev.confidence)} · `
      + `${sources ?? '?'} source${sources === 1 ? '' : 's'}`
      + (ev.conflict ? ' · sources disagree' : '')));
}

// The texts (ids or names) in a comma list; empty entries dropped.
export function splitList(text) {
  return String(text || '').split(',').map((s) => s.trim()).filter(Boolean);
}

// Navigate to a view (a hash route) with these parameters.
export function go(name, params, rest) {
  const path = [name, ...(rest || []).map(encodeURIComponent)].join('/');
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    for (const v of [value].flat()) if (v !== null && v !== undefined && v !== '') q.append(key, v);
  }
  const s = q.toString();
  location.hash = '#/' + path + (s ? '?' + s : '');
}

// A link out of the page, only to http(s); anything else is shown as inert text.
export function outLink(url) {
  if (!url) return 'no link';
  const safe = safeHref(url);
  if (!safe || safe.startsWith('#')) return `link refused (not http or https): ${url}`;
  return h('a', { href: safe, rel: 'noopener noreferrer nofollow' }, url);
}
