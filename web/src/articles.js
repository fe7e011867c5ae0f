// The articles behind a bucket (/api/search over the bucket's days), for every query.
import { $, COLORS, swatch, note } from './dom.js';
import { bucketEnd, highlightInto, safeHref } from './util.js';

/** deps: st (the state), getJson */
export function createArticles(deps) {
  const { st, getJson } = deps;

  /** Lists the articles of the bucket at index idx of the current data. */
  async function open(idx) {
    const view = st.view;
    const start = st.data.series[0].buckets[idx].start;
    const end = bucketEnd(start, view.by);
    const section = $('articles-section');
    section.hidden = false;
    $('articles-title').textContent = 'Articles in the ' + view.by + ' of ' + start + (end !== start ? ' to ' + end : '');
    const box = $('articles');
    box.replaceChildren();
    for (let i = 0; i < view.queries.length; i++) {
      const p = new URLSearchParams();
      p.set('q', view.queries[i]);
      p.set('from', start > (view.from || start) ? start : (view.from || start));
      p.set('to', view.to && view.to < end ? view.to : end);
      view.outlets.forEach((o) => p.append('outlet', o));
      view.groups.forEach((g) => p.append('group', g));
      p.set('limit', '20');
      const head = document.createElement('h3');
      const code = document.createElement('code');
      code.textContent = view.queries[i];
      head.append(swatch(COLORS[i]), code);
      box.append(head);
      try {
        const r = await getJson('/api/search?' + p.toString());
        const count = document.createElement('p');
        count.className = 'muted';
        count.textContent = r.total + ' matching' + (r.total > r.hits.length ? ', newest ' + r.hits.length + ' shown' : '');
        box.append(count);
        const ol = document.createElement('ol');
        ol.className = 'hits';
        for (const h of r.hits) ol.append(hitItem(h));
        box.append(ol);
      } catch (e) {
        note(box, e.message);
      }
    }
    section.scrollIntoView({ block: 'nearest' });
  }

  return { open };
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
  meta.className = 'muted';
  meta.textContent = (h.published || '').slice(0, 16).replace('T', ' ') + ' · ' + h.outlet
    + (h.group ? ' (' + h.group + ')' : '') + ' · ' + h.lang
    + (h.syndicated_from ? ' · copy of ' + h.syndicated_from : '');
  const snip = document.createElement('div');
  snip.className = 'snippet';
  highlightInto(snip, h.snippet, h.snippet_matches);
  li.append(title, meta, snip);
  return li;
}
