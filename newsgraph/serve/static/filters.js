// The filter form shared by timeline, network and relation views.
import { h, api, splitList } from './dom.js';

export function filterParams(params) {
  const out = {};
  const actors = splitList(params.get('actor'));
  if (actors.length) out.actor = actors;
  for (const key of ['type', 'status', 'since', 'until', 'min_confidence']) {
    const v = params.get(key);
    if (v) out[key] = v;
  }
  return out;
}

function field(id, label, control, hint) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control,
    hint ? h('small', { id: id + '-hint' }, hint) : null);
}

function select(id, name, values, current, anyLabel) {
  return h('select', { id, name },
    h('option', { value: '' }, anyLabel),
    values.map((v) => h('option', { value: v, selected: v === current }, v)));
}

export function filterForm(params, meta, submit, { actors = true } = {}) {
  const datePattern = '\\d{4}(-\\d{2}(-\\d{2})?)?';
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter events' },
    actors ? field('f-actor', 'Actors', [h('input', { id: 'f-actor', name: 'actor',
      value: params.get('actor') || '', placeholder: 'Russia, Iran', list: 'f-actor-list',
      'aria-describedby': 'f-actor-hint', autocomplete: 'off' }),
    h('datalist', { id: 'f-actor-list' })],
    'Comma-separated; all must take part') : null,
    field('f-type', 'Type', select('f-type', 'type', meta.types, params.get('type'), 'any type')),
    field('f-status', 'Status', select('f-status', 'status', meta.statuses,
      params.get('status'), 'any status')),
    field('f-since', 'From', h('input', { id: 'f-since', name: 'since', pattern: datePattern,
      value: params.get('since') || '', placeholder: 'YYYY[-MM[-DD]]', inputmode: 'numeric',
      size: 11 })),
    field('f-until', 'To', h('input', { id: 'f-until', name: 'until', pattern: datePattern,
      value: params.get('until') || '', placeholder: 'YYYY[-MM[-DD]]', inputmode: 'numeric',
      size: 11 })),
    meta.has_confidence ? field('f-conf', 'Min. confidence', h('input', { id: 'f-conf',
      name: 'min_confidence', type: 'number', min: 0, max: 1, step: 0.05,
      value: params.get('min_confidence') || '' })) : null,
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Apply')));
  const input = form.querySelector('#f-actor');
  if (input) suggest(input, form.querySelector('#f-actor-list'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = {};
    for (const [key, value] of new FormData(form)) if (value) values[key] = value;
    for (const [key, value] of params) if (!(key in values) && !form.elements[key]) values[key] = value;
    submit(values);
  });
  return form;
}

// Names of stored actors for the last entry typed, as the input's suggestions.
function suggest(input, list) {
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const parts = input.value.split(',');
      const last = parts.pop().trim();
      if (last.length < 2) return;
      const page = await api('actors', { q: last, limit: 12 }).catch(() => ({ actors: [] }));
      const head = parts.map((p) => p.trim()).filter(Boolean);
      list.replaceChildren(...page.actors.map((a) => h('option',
        { value: [...head, a.name].join(', ') }, `${a.name} (${a.kind})`)));
    }, 200);
  });
}
