// The API reference, rendered from /openapi.json (no third-party viewer).
import { h, clear } from './dom.js';

function schemaText(schema) {
  if (!schema) return '';
  if (schema.anyOf) return schema.anyOf.map(schemaText).filter((s) => s !== 'null').join(' or ');
  if (schema.type === 'array') return `list of ${schemaText(schema.items)}`;
  let s = schema.type || '';
  if (schema.pattern) s += ` matching ${schema.pattern}`;
  if (schema.minimum !== undefined || schema.maximum !== undefined) s += ` ${schema.minimum ?? ''}..${schema.maximum ?? ''}`;
  return s;
}

async function main() {
  const spec = await (await fetch('/openapi.json')).json();
  const root = clear(document.getElementById('endpoints'));
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters || [];
      root.append(h('section', { class: 'endpoint' },
        h('h2', {}, h('code', {}, `${method.toUpperCase()} ${path}`)),
        h('p', {}, op.summary || ''),
        params.length ? h('table', {}, h('thead', {}, h('tr', {},
          ['Parameter', 'In', 'Type', 'Description'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, params.map((p) => h('tr', {}, h('td', {}, h('code', {}, p.name)),
          h('td', {}, p.in + (p.required ? ' (required)' : '')), h('td', {}, schemaText(p.schema)),
          h('td', {}, p.description || (p.schema && p.schema.description) || ''))))) : null));
    }
  }
}

main();
