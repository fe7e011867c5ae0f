// The articles behind a bucket (/api/search over the bucket's days), for every query: a page at a time, newest
// first or by relevance, with the whole list as CSV. Article text goes in with textContent only.
import { $, COLORS, swatch, note } from './dom.js';
import { highlightInto, safeHref } from './util.js';
import { bucketEnd, bucketName } from './buckets.js';
import { showKeyTerms } from './explain.js';

/** deps: st (the state), getJson */
export function createArticles(deps) {
  const { st, getJson } = deps;

  /** The search parameters of query i over the open bucket (its days clipped to the view's range). */
  function params(i) {
    const view = st.view;
    const d = st.drill;
    const p = new URLSearchParams();
    p.set('q', view.queries[i]);
    p.set('from', d.from);
    p.set('to', d.to);
    view.outlets.forEach((o) => p.append('outlet', o));
    view.groups.forEach((g) => p.append('group', g));
    p.set('order', d.order);
    return p;
  }

  /** Lists the articles of the bucket at index idx of the current data. */
  function open(idx) {
    const view = st.view;
    const start = st.data.series[0].buckets[idx].start;
    const end = bucketEnd(start, view.by);
    const from = view.from && view.from > start ? view.from : start;
    const to = view.to && view.to < end ? view.to : end;
    st.drill = { idx, start, from, to, order: (st.drill && st.drill.order) || 'newest', offsets: view.queries.map(() => 0), drawn: st.data.series.map((s, k) => s.qi ?? k) };
    const section = $('articles-section');
    section.hidden = false;
    $('articles-title').textContent = 'Articles in the ' + bucketName(start, view.by)
      + (from !== to ? ' (' + from + ' – ' + to + ')' : '');
    $('articles-order').value = st.drill.order;
    const box = $('articles');
    box.replaceChildren();
    const drawn = st.data.series.map((s, k) => s.qi ?? k);
    drawn.forEach((i) => {
      const q = view.queries[i];
      const part = document.createElement('section');
      part.className = 'drill';
      part.dataset.query = String(i);
      const head = document.createElement('h3');
      const code = document.createElement('code');
      code.textContent = q;
      head.append(swatch(COLORS[i]), code);
      // the bucket's key terms (its articles against the same query's before it), beside the list
      const keys = document.createElement('div');
      const body = document.createElement('div');
      body.className = 'drill-body';
      part.append(head, keys, body);
      box.append(part);
      showKeyTerms(keys, { q, start, from, to, by: view.by, first: view.from, outlets: view.outlets, groups: view.groups, getJson });
      loadPage(i, 0);
    });
    section.scrollIntoView({ block: 'nearest' });
    $('articles-title').focus({ preventScroll: true });
  }

  async function loadPage(i, offset) {
    const d = st.drill;
    const part = document.querySelector('#articles section.drill[data-query="' + i + '"]');
    if (!part) return;
    // the list's own box, not the key terms' box before it
    const body = part.querySelector('div.drill-body');
    d.offsets[i] = offset;
    const p = params(i);
    const page = pageSize();
    p.set('limit', String(page));
    p.set('offset', String(offset));
    const drill = d;
    body.replaceChildren();
    note(body, 'loading…');
    try {
      const r = await getJson('/api/search?' + p.toString());
      if (st.drill !== drill || d.offsets[i] !== offset) return;
      body.replaceChildren();
      const bar = document.createElement('div');
      bar.className = 'row drill-bar';
      const count = document.createElement('span');
      count.className = 'muted drill-count';
      count.textContent = r.total === 0 ? 'no matching articles'
        : (r.hits.length ? (offset + 1) + '–' + (offset + r.hits.length) + ' of ' : '') + r.total + ' matching, '
          + (d.order === 'relevance' ? 'most relevant first' : 'newest first');
      bar.append(count);
      const prev = pager('← previous', offset > 0, () => loadPage(i, Math.max(0, offset - page)));
      const next = pager('next →', offset + r.hits.length < r.total, () => loadPage(i, offset + page));
      prev.classList.add('drill-prev');
      next.classList.add('drill-next');
      const csv = document.createElement('a');
      const cp = params(i);
      cp.set('format', 'csv');
      csv.href = '/api/search?' + cp.toString();
      csv.download = 'nwatch-articles-' + d.from + '.csv';
      csv.className = 'drill-csv';
      csv.textContent = 'CSV of all ' + r.total;
      bar.append(prev, next, csv);
      body.append(bar);
      const ol = document.createElement('ol');
      ol.className = 'hits';
      ol.start = offset + 1;
      for (const h of r.hits) ol.append(hitItem(h));
      body.append(ol);
    } catch (e) {
      if (st.drill !== drill) return;
      body.replaceChildren();
      note(body, e.message);
    }
  }

  function pager(text, enabled, go) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'small';
    b.textContent = text;
    b.disabled = !enabled;
    b.addEventListener('click', go);
    return b;
  }

  function pageSize() {
    return parseInt($('articles-page').value, 10) || 20;
  }

  function wire() {
    $('articles-order').addEventListener('change', () => {
      if (!st.drill) return;
      st.drill.order = $('articles-order').value;
      st.drill.drawn.forEach((i) => loadPage(i, 0));
    });
    $('articles-page').addEventListener('change', () => {
      if (st.drill) st.drill.drawn.forEach((i) => loadPage(i, 0));
    });
  }

  return { open, wire };
}

/** When an article was published, as precisely as its source said: no invented "00:00" for a date-only item. */
export function publishedText(h) {
  const p = h.published || '';
  if (!p) return 'no date';
  if (h.date_quality === 'date_only') return p.slice(0, 10);
  if (h.date_quality === 'guessed') return p.slice(0, 10) + ' (date guessed)';
  // the time as the source gave it, with its offset (UTC when it is zero)
  const zone = /(Z|[+-]\d{2}:?\d{2})$/.exec(p);
  const offset = !zone ? '' : /^(Z|[+-]00:?00)$/.test(zone[1]) ? ' UTC' : ' ' + zone[1];
  return p.slice(0, 16).replace('T', ' ') + offset;
}

export function hitItem(h) {
  const li = document.createElement('li');
  li.className = 'hit';
  const title = document.createElement('a');
  title.className = 'hit-title';
  const href = safeHref(h.url);
  if (href) {
    title.href = href;
    title.target = '_blank';
    title.rel = 'noopener noreferrer';
  }
  highlightInto(title, h.title || h.url, h.title ? h.title_matches : []);
  const meta = document.createElement('div');
  meta.className = 'muted hit-meta';
  meta.textContent = publishedText(h) + ' · ' + h.outlet
    + (h.group ? ' (' + h.group + ')' : '') + ' · ' + h.lang
    + (h.syndicated_from ? ' · copy of ' + h.syndicated_from : '');
  const snip = document.createElement('div');
  snip.className = 'snippet';
  highlightInto(snip, h.snippet, h.snippet_matches);
  li.append(title, meta, snip);
  return li;
}
