// The numbers under the chart: a summary line per query, which buckets are partial, and the full table (the
// chart's data as text; each bucket's start is a button that lists its articles: the keyboard path to them).
import { $, COLORS, swatch } from './dom.js';
import { coverage, bucketName } from './buckets.js';

/** deps: st (the state), onBucket(idx) (a bucket's button was pressed) */
export function createNumbers(deps) {
  const { st, onBucket } = deps;

  function renderSummary() {
    const ul = $('summary');
    ul.replaceChildren();
    st.data.series.forEach((s, i) => {
      let sum = 0; let peak = null;
      for (const b of s.buckets) {
        sum += b.count;
        if (peak == null || b.count > peak.count) peak = b;
      }
      const li = document.createElement('li');
      li.dataset.query = String(i);
      li.dataset.matches = String(sum);
      const q = document.createElement('code');
      q.textContent = s.query;
      const t = document.createElement('span');
      t.className = 'numbers';
      t.textContent = ': ' + sum + ' matching ' + s.unit + (peak && peak.count > 0 ? ', peak ' + peak.count + ' in the '
        + st.view.by + ' of ' + peak.start : '');
      li.append(swatch(COLORS[s.qi ?? i]), q, t);
      ul.append(li);
    });
    const s0 = st.data.series[0];
    const partial = s0 ? s0.buckets.map((b) => ({ b, c: coverage(s0, b, st.view.by) })).filter((x) => x.c.partial) : [];
    const note = $('partial-note');
    note.textContent = partial.length
      ? 'Partial buckets (hatched on the chart): ' + partial.slice(0, 4).map(({ b, c }) => bucketName(b.start, st.view.by)
        + ' (' + c.days + ' of ' + c.length + ' days)').join(', ') + (partial.length > 4 ? ' and ' + (partial.length - 4) + ' more' : '')
        + '. The range covers only part of ' + (partial.length === 1 ? 'it' : 'them') + ': counts there hold fewer days than the others.'
      : '';
    note.dataset.partial = String(partial.length);
  }

  function renderTable() {
    const box = $('data-table');
    box.replaceChildren();
    const data = st.data;
    if (!data) return;
    const table = document.createElement('table');
    table.className = 'numbers';
    table.id = 'numbers';
    const cap = document.createElement('caption');
    cap.textContent = 'One row per ' + st.view.by + '; press a bucket\'s start to list its articles.';
    table.append(cap);
    const head = table.createTHead().insertRow();
    const th = (text) => { const c = document.createElement('th'); c.scope = 'col'; c.textContent = text; head.append(c); };
    th('start');
    th('days');
    data.series.forEach((s, i) => { const k = (s.qi ?? i) + 1; th('count ' + k); th('total ' + k); th('share ' + k); });
    const body = table.createTBody();
    const s0 = data.series[0];
    const n = s0.buckets.length;
    for (let r = 0; r < n; r++) {
      const row = body.insertRow();
      const b0 = s0.buckets[r];
      const c = coverage(s0, b0, st.view.by);
      if (c.partial) row.className = 'partial';
      const cell = document.createElement('th');
      cell.scope = 'row';
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'link';
      open.textContent = b0.start;
      open.setAttribute('aria-label', 'articles of the ' + bucketName(b0.start, st.view.by));
      open.addEventListener('click', () => onBucket(r));
      cell.append(open);
      row.append(cell);
      row.insertCell().textContent = c.partial ? c.days + ' of ' + c.length + ' (partial)' : String(c.days);
      data.series.forEach((s) => {
        const b = s.buckets[r];
        row.insertCell().textContent = String(b.count);
        row.insertCell().textContent = String(b.total);
        row.insertCell().textContent = b.gap ? 'gap' : (b.share * 100).toFixed(4) + '%';
      });
    }
    box.append(table);
  }

  return { renderSummary, renderTable };
}
