// One color per PLOVER type, the same in every chart.
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b',
  '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#843c39', '#637939', '#7b4173'];
const TYPES = ['CONSULT', 'AGREE', 'SUPPORT', 'COOPERATE', 'AID', 'ACCUSE', 'DISAPPROVE',
  'SANCTION', 'THREATEN', 'DEMAND', 'REJECT', 'FIGHT', 'RETREAT', 'PROTEST'];

export function typeColor(type) {
  const i = TYPES.indexOf(type);
  if (i >= 0) return PALETTE[i];
  let hash = 0;
  for (const c of String(type)) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}
