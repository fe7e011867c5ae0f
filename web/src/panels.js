// Per-outlet and per-group panels of one drawn query (/api/breakdown; the user picks which), zoomed with the main chart.
import { $, COLORS, note, fillSelect } from './dom.js';
import { selectionParams } from './api.js';

/** deps: st (the state), getJson, charts (its panel(), destroyPanels()) */
export function createPanels(deps) {
  const { st, getJson, charts } = deps;

  /** The query the panels show: the picked one if it was drawn, else the first drawn. */
  function shownQuery() {
    const drawn = st.data ? st.data.series.map((s, i) => s.qi ?? i) : [];
    return drawn.includes(st.view.panel) ? st.view.panel : drawn[0];
  }

  function fillPicker() {
    const drawn = st.data ? st.data.series.map((s, i) => s.qi ?? i) : [];
    const sel = $('panel-query');
    fillSelect(sel, drawn.map((qi) => [String(qi), (qi + 1) + '. ' + st.view.queries[qi]]));
    sel.value = String(shownQuery());
    sel.disabled = drawn.length < 2;
  }

  async function load(seq) {
    st.panelData = { outlet: null, group: null };
    fillPicker();
    const qi = shownQuery();
    if (qi == null) return;
    const loaded = { outlet: null, group: null, qi };
    await Promise.all(['outlet', 'group'].map(async (facet) => {
      const p = selectionParams(st.view, new URLSearchParams());
      p.set('q', st.view.queries[qi]);
      p.set('facet', facet);
      p.set('top', '6');
      try {
        loaded[facet] = await getJson('/api/breakdown?' + p.toString());
      } catch (e) {
        loaded[facet] = { error: e.message };
      }
    }));
    if (seq !== st.runSeq || shownQuery() !== qi) return;
    st.panelData = loaded;
    draw();
  }

  function draw() {
    charts.destroyPanels();
    for (const facet of ['outlet', 'group']) {
      const box = $('panels-' + facet);
      box.replaceChildren();
      const d = st.panelData[facet];
      if (!d) continue;
      if (d.error) { note(box, d.error); continue; }
      if (!d.series.length) {
        note(box, facet === 'group' ? 'no groups in this selection: no outlet of it has a group (see docs/dashboard.md, Outlet groups)'
          : 'no outlets in this selection');
        continue;
      }
      const width = Math.max(240, box.clientWidth || 440);
      for (const s of d.series) {
        const holder = document.createElement('div');
        holder.className = 'panel';
        box.append(holder);
        charts.panel(holder, s, width, s.value + ' (' + s.matches + ')', COLORS[st.panelData.qi ?? 0]);
      }
      if (d.omitted) note(box, d.omitted + ' more not shown');
    }
  }

  return { load, draw };
}
