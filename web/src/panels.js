// Per-outlet and per-group panels of the first query (/api/breakdown), zoomed with the main chart.
import { $, note } from './dom.js';
import { selectionParams } from './api.js';

/** deps: st (the state), getJson, charts (its panel(), destroyPanels()) */
export function createPanels(deps) {
  const { st, getJson, charts } = deps;

  async function load(seq) {
    st.panelData = { outlet: null, group: null };
    const q = st.view.queries[0];
    const loaded = { outlet: null, group: null };
    await Promise.all(['outlet', 'group'].map(async (facet) => {
      const p = selectionParams(st.view, new URLSearchParams());
      p.set('q', q);
      p.set('facet', facet);
      p.set('top', '6');
      try {
        loaded[facet] = await getJson('/api/breakdown?' + p.toString());
      } catch (e) {
        loaded[facet] = { error: e.message };
      }
    }));
    if (seq !== st.runSeq) return;
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
      if (!d.series.length) { note(box, 'no ' + facet + 's in this selection'); continue; }
      const width = Math.max(300, box.clientWidth || 440);
      for (const s of d.series) {
        const holder = document.createElement('div');
        holder.className = 'panel';
        box.append(holder);
        charts.panel(holder, s, width, s.value + ' (' + s.matches + ')');
      }
      if (d.omitted) note(box, d.omitted + ' more not shown');
    }
  }

  return { load, draw };
}
