// Change points of every drawn query from /api/shifts, listed under the chart (the chart's overlay draws them).
import { $, COLORS, swatch, note } from './dom.js';
import { selectionParams } from './api.js';
import { num, pctText, confidenceText } from './format.js';
import { isFall } from './overlay.js';

/** deps: st (the state), getJson, redraw() (after they arrived) */
export function createChanges(deps) {
  const { st, getJson, redraw } = deps;

  async function load(seq) {
    const box = $('changes');
    box.replaceChildren();
    const view = st.view;
    if (!view.cp || !st.data) return;
    const drawn = st.data.series.map((s, i) => s.qi ?? i);
    const results = await Promise.all(drawn.map(async (qi) => {
      const p = selectionParams(view, new URLSearchParams());
      p.set('q', view.queries[qi]);
      p.set('model', view.mode === 'share' ? 'binomial' : 'poisson');
      try {
        const r = await getJson('/api/shifts?' + p.toString());
        return { qi, changes: r.changes || [], model: r.model };
      } catch (e) {
        return { qi, error: e };
      }
    }));
    if (seq !== st.runSeq) return;
    st.changes = view.queries.map(() => null);
    results.forEach((r) => { if (r.changes) st.changes[r.qi] = r.changes; });
    const unavailable = results.find((r) => r.error && r.error.status === 501);
    if (unavailable) {
      note(box, 'Change points: not available (' + unavailable.error.message + ').');
    }
    results.forEach((r) => {
      const i = r.qi;
      if (r.error && r.error.status !== 501) note(box, 'Change points for query ' + (i + 1) + ': ' + r.error.message);
      if (!r.changes) return;
      const h = document.createElement('div');
      h.className = 'cp-head';
      const q = document.createElement('code');
      q.textContent = view.queries[i];
      h.append(swatch(COLORS[i]), q, document.createTextNode(' — change points (' + (r.model || 'default model') + '): '
        + (r.changes.length ? '' : 'none')));
      box.append(h);
      const ul = document.createElement('ul');
      ul.className = 'cp-list';
      for (const c of r.changes) {
        const li = document.createElement('li');
        const f = r.model === 'binomial' ? pctText : num;
        li.textContent = (isFall(c) ? '▼ ' : '▲ ') + c.date + ': ' + f(c.before) + ' → ' + f(c.after)
          + (c.before_ci ? ' (95% CI ' + c.before_ci.map(f).join('–') + ' → ' + (c.after_ci || []).map(f).join('–') + ')' : '')
          + (typeof c.relative_change === 'number' ? ', ' + (c.relative_change >= 0 ? '+' : '') + Math.round(c.relative_change * 100) + '%' : '')
          + ', ' + confidenceText(c);
        ul.append(li);
      }
      box.append(ul);
    });
    redraw();
  }

  function clear() {
    $('changes').replaceChildren();
    st.changes = st.view.queries.map(() => null);
  }

  return { load, clear };
}
