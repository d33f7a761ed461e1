// The page: a hash router over the views. Each view is a module exporting
// `render(main, params, rest)`; it reads the same /api JSON the public API serves.
import { h, clear, say } from './dom.js';

const VIEWS = {
  timeline: () => import('./timeline.js'),
  network: () => import('./network.js'),
  relation: () => import('./relation.js'),
  event: () => import('./event.js'),
  actor: () => import('./actor.js'),
  actors: () => import('./actors.js'),
  quotes: () => import('./quotes.js'),
  search: () => import('./search.js'),
  doc: () => import('./doc.js'),
};

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, q] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const name = parts[0] in VIEWS ? parts[0] : 'timeline';
  return { name, rest: parts.slice(1), params: new URLSearchParams(q || '') };
}

let renderCount = 0;

async function route() {
  const main = document.getElementById('view');
  const { name, rest, params } = parseHash();
  const mine = ++renderCount;
  for (const a of document.querySelectorAll('nav a[data-view]')) {
    if (a.dataset.view === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  clear(main).append(h('p', { class: 'loading' }, 'Loading…'));
  try {
    const view = await VIEWS[name]();
    if (mine !== renderCount) return;
    const section = h('div', { class: `view view-${name}` });
    await view.render(section, params, rest);
    if (mine !== renderCount) return;
    clear(main).append(section);
    const heading = main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      document.title = `${heading.textContent} · newsgraph`;
      if (document.activeElement === document.body || document.activeElement === main
          || !main.contains(document.activeElement)) heading.focus();
    }
    main.dataset.ready = String(mine);
  } catch (err) {
    if (mine !== renderCount) return;
    clear(main).append(h('h1', {}, 'Something went wrong'),
      h('p', { class: 'error', role: 'alert' }, String(err.message || err)));
    main.dataset.ready = String(mine);
    say(String(err.message || err));
  }
}

window.addEventListener('hashchange', route);
route();
