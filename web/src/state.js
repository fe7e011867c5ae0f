// The dashboard's state, in one place. `view` is what the URL's hash holds (a link reproduces it); the rest is
// what the page has loaded and drawn. Modules get this object from app.js and keep no state of their own.

export const MAX_QUERIES = 6;
export const MAX_POLLS = 3;

export function createState() {
  return {
    view: {
      queries: ['*'],
      by: 'week', from: '', to: '', mode: 'count', unit: 'articles',
      smooth: 0, log: false, cp: true, ev: true, outlets: [], groups: [], zoom: null,
      polls: [], view: 'timelines', mapDate: '', panel: 0,
    },
    data: null, // last /api/timelines answer
    smoothing: 1, // the moving average's width drawn (view.smooth, or what "auto" gave)
    corpus: null, // /api/stats: what the exports say they were made from
    drill: null, // the bucket whose articles are listed: {idx, start, from, to, order, offsets}
    changes: [], // per query: list of changes, or null when unavailable
    events: [],
    panelData: { outlet: null, group: null },
    polls: { list: [], data: new Map(), drawn: 0 }, // data: poll series id -> /api/polls/{id} answer
    charts: { main: null, panels: [], syncing: false },
    runSeq: 0, // the latest run; answers to older runs are dropped
  };
}

/** Reads a hash ("#q=…&by=…") into the view state. */
export function readHash(view, hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const qs = p.getAll('q').filter((q) => q.trim() !== '');
  if (qs.length) view.queries = qs.slice(0, MAX_QUERIES);
  if (['day', 'week', 'month'].includes(p.get('by'))) view.by = p.get('by');
  view.from = p.get('from') || '';
  view.to = p.get('to') || '';
  view.mode = p.get('mode') === 'share' ? 'share' : 'count';
  view.unit = p.get('unit') === 'stories' ? 'stories' : 'articles';
  const w = parseInt(p.get('smooth') || '0', 10); // 0: auto (see format.smoothingFor)
  view.smooth = Number.isFinite(w) && w >= 1 && w <= 99 ? w : 0;
  view.log = p.get('log') === '1';
  view.cp = p.get('cp') !== '0';
  view.ev = p.get('ev') !== '0';
  view.outlets = p.getAll('outlet');
  view.groups = p.getAll('group');
  const z = (p.get('zoom') || '').split('..');
  view.zoom = z.length === 2 && z[0] && z[1] ? [z[0], z[1]] : null;
  view.polls = p.getAll('poll').slice(0, MAX_POLLS);
  view.view = p.get('view') === 'map' ? 'map' : 'timelines';
  const pq = parseInt(p.get('pq') || '1', 10); // which query the outlet and group panels show, 1-based
  view.panel = Number.isFinite(pq) && pq >= 1 && pq <= MAX_QUERIES ? pq - 1 : 0;
  view.mapDate = /^\d{4}-\d{2}-\d{2}$/.test(p.get('date') || '') ? p.get('date') : '';
}

/** The hash that reproduces the view. */
export function hashOf(view) {
  const p = new URLSearchParams();
  view.queries.forEach((q) => p.append('q', q));
  p.set('by', view.by);
  if (view.from) p.set('from', view.from);
  if (view.to) p.set('to', view.to);
  p.set('mode', view.mode);
  if (view.unit !== 'articles') p.set('unit', view.unit);
  if (view.smooth >= 1) p.set('smooth', String(view.smooth));
  if (view.log) p.set('log', '1');
  if (!view.cp) p.set('cp', '0');
  if (!view.ev) p.set('ev', '0');
  view.outlets.forEach((o) => p.append('outlet', o));
  view.groups.forEach((g) => p.append('group', g));
  if (view.zoom) p.set('zoom', view.zoom.join('..'));
  view.polls.forEach((id) => p.append('poll', id));
  if (view.panel > 0) p.set('pq', String(view.panel + 1));
  if (view.view === 'map') p.set('view', 'map');
  if (view.mapDate) p.set('date', view.mapDate);
  return '#' + p.toString();
}
