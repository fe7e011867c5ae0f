// Key terms of a bucket, shown next to its articles: /api/explain for a query's articles in the bucket
// against the same query's articles in the BASELINE_BUCKETS buckets before it (docs/explain.md). Every
// text from the corpus goes in through textContent only.

export const BASELINE_BUCKETS = 8;

function iso(d) {
  return d.toISOString().slice(0, 10);
}

function utc(day) {
  return new Date(day + 'T00:00:00Z');
}

/**
 * The baseline window of a bucket starting at `start` (YYYY-MM-DD) for bucketing `by` (day, week,
 * month): the `n` buckets before it, as {from, to}; null when it would start before `first`.
 */
export function baselineWindow(start, by, n = BASELINE_BUCKETS, first = null) {
  const s = utc(start);
  const to = new Date(s.getTime() - 86400000);
  let from;
  if (by === 'month') {
    from = new Date(Date.UTC(s.getUTCFullYear(), s.getUTCMonth() - n, 1));
  } else {
    from = new Date(s.getTime() - (by === 'week' ? 7 : 1) * n * 86400000);
  }
  let f = iso(from);
  if (first && f < first) f = first;
  if (f > iso(to)) return null;
  return { from: f, to: iso(to) };
}

/** The /api/explain URL for query q in [from, to] against its articles in base (or the rest of the window when base is null). */
export function explainUrl(q, from, to, base, outlets = [], groups = [], top = 8) {
  const p = new URLSearchParams();
  p.set('q', q);
  p.set('from', from);
  p.set('to', to);
  p.set('vs', base ? base.from + '..' + base.to : 'rest');
  p.set('top', String(top));
  outlets.forEach((o) => p.append('outlet', o));
  groups.forEach((g) => p.append('group', g));
  return '/api/explain?' + p.toString();
}

/** The items to show: the over-represented first, then up to half as many under-represented ones. */
export function pickTerms(explanation, max = 8) {
  const terms = (explanation && explanation.terms) || [];
  const over = terms.filter((t) => t.direction === 'over').slice(0, max);
  const under = terms.filter((t) => t.direction === 'under').slice(0, Math.ceil(max / 2));
  return { over, under };
}

function fmt(v, digits) {
  return typeof v === 'number' && isFinite(v) ? v.toFixed(digits) : '–';
}

function termItem(t) {
  const li = document.createElement('li');
  li.className = 'keyterm keyterm-' + t.kind;
  const label = document.createElement('span');
  label.className = 'keyterm-label';
  label.textContent = t.label || t.term;
  const counts = document.createElement('span');
  counts.className = 'muted keyterm-counts';
  counts.textContent = ' ' + t.count + ' vs ' + t.baseline_count + ', ×' + fmt(Math.pow(2, t.log_ratio), 1);
  li.title = t.kind + (t.type ? ' (' + t.type + ')' : '') + ': ' + t.count + ' of the bucket\'s articles, '
    + t.baseline_count + ' of the baseline\'s; G² ' + fmt(t.g2, 1) + ', p ' + (typeof t.p === 'number' ? t.p.toExponential(1) : '–')
    + ', log₂ ratio ' + fmt(t.log_ratio, 2) + ' [' + fmt(t.ci && t.ci[0], 2) + ', ' + fmt(t.ci && t.ci[1], 2) + ']';
  li.append(label, counts);
  return li;
}

/** Renders an /api/explain answer into box (replacing what was there). */
export function renderKeyTerms(box, explanation) {
  box.replaceChildren();
  const head = document.createElement('div');
  head.className = 'muted keyterms-head';
  const b = explanation.baseline;
  head.textContent = 'Key terms: ' + explanation.window.articles + ' articles here vs '
    + (b.kind === 'rest' ? 'the bucket\'s other ' + b.articles : b.articles + ' in ' + b.from + ' – ' + b.to
      + (b.kind.includes('all articles') ? ' (all articles: the query had none there)' : ''));
  box.append(head);
  const { over, under } = pickTerms(explanation);
  if (!over.length && !under.length) {
    const p = document.createElement('p');
    p.className = 'muted';
    p.textContent = 'no term differs significantly (p < 0.05)';
    box.append(p);
    return;
  }
  for (const [name, list] of [['more', over], ['less', under]]) {
    if (!list.length) continue;
    const row = document.createElement('div');
    row.className = 'keyterms-row';
    const tag = document.createElement('span');
    tag.className = 'keyterms-dir';
    tag.textContent = name + ':';
    const ul = document.createElement('ul');
    ul.className = 'keyterms keyterms-' + name;
    list.forEach((t) => ul.append(termItem(t)));
    row.append(tag, ul);
    box.append(row);
  }
  const outlets = (explanation.outlets || []).filter((o) => o.facet === 'outlet' && o.g2 > 3.84 && o.share > o.baseline_share).slice(0, 3);
  if (outlets.length) {
    const p = document.createElement('div');
    p.className = 'muted keyterms-outlets';
    p.textContent = 'carried by: ' + outlets.map((o) => o.name + ' ' + fmt(100 * o.share, 0) + '% (was ' + fmt(100 * o.baseline_share, 0) + '%)').join('; ');
    box.append(p);
  }
}

/**
 * Fills box with the key terms of query q over [from, to] (a bucket starting at `start`), against its
 * articles in the buckets before; getJson is the page's fetch helper (errors carry the server's message).
 */
export async function showKeyTerms(box, { q, start, from, to, by, first, outlets, groups, getJson }) {
  box.replaceChildren();
  box.classList.add('keyterms-box');
  const wait = document.createElement('p');
  wait.className = 'muted';
  wait.textContent = 'key terms: computing…';
  box.append(wait);
  const base = baselineWindow(start, by, BASELINE_BUCKETS, first);
  try {
    const r = await getJson(explainUrl(q, from, to, base, outlets || [], groups || []));
    renderKeyTerms(box, r);
  } catch (e) {
    box.replaceChildren();
    const p = document.createElement('p');
    p.className = 'muted';
    p.textContent = 'key terms: ' + e.message;
    box.append(p);
  }
}
