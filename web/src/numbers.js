// The numbers under the chart: a summary line per query and the full table (the chart's data as text).
import { $, COLORS, swatch } from './dom.js';

/** deps: st (the state) */
export function createNumbers(deps) {
  const { st } = deps;

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
      li.append(swatch(COLORS[i]), q, t);
      ul.append(li);
    });
  }

  function renderTable() {
    const box = $('data-table');
    box.replaceChildren();
    const data = st.data;
    if (!data) return;
    const table = document.createElement('table');
    table.className = 'numbers';
    table.id = 'numbers';
    const head = table.createTHead().insertRow();
    const th = (text) => { const c = document.createElement('th'); c.textContent = text; head.append(c); };
    th('start');
    data.series.forEach((s, i) => { th('count ' + (i + 1)); th('total ' + (i + 1)); th('share ' + (i + 1)); });
    const body = table.createTBody();
    const n = data.series[0].buckets.length;
    for (let r = 0; r < n; r++) {
      const row = body.insertRow();
      row.insertCell().textContent = data.series[0].buckets[r].start;
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
