// The main chart and the options every chart of the page shares (axes, scales, zoom synchronised with the panels).
import uPlot from './vendor/uPlot.esm.js';
import { $, COLORS, POLL_COLORS } from './dom.js';
import { toTs, fromTs, values, fmtValue } from './format.js';
import { overlayPlugin } from './overlay.js';

/** deps: st (the state), polls, onBucketClick() (a click on the main chart), onZoomed() (the zoom changed) */
export function createCharts(deps) {
  const { st, polls, onBucketClick, onZoomed } = deps;
  const charts = st.charts;

  function options(width, height, seriesDefs, withOverlay, title) {
    const view = st.view;
    const shownPolls = withOverlay ? polls.shown() : [];
    const scales = { x: { time: true }, y: view.log ? { distr: 3, log: 10 } : { range: (u, min, max) => [0, max > 0 ? max * 1.05 : 1] } };
    const axes = [{}, { values: (u, splits) => splits.map((v) => (view.mode === 'share' ? v + '%' : String(v))), size: 60 }];
    if (shownPolls.length) {
      // no series sits on this scale (poll dates are not the buckets): uPlot asks range() with no data, we answer
      const range = polls.range(shownPolls);
      scales.pct = { range: () => range };
      axes.push({ scale: 'pct', side: 1, size: 50, grid: { show: false }, stroke: POLL_COLORS[0],
        values: (u, splits) => splits.map((v) => v + '%'), label: 'polls, %' });
    }
    return {
      width, height, title,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
      scales,
      series: [{ label: view.by, value: (u, ts) => (ts == null ? '–' : fromTs(ts)) }].concat(seriesDefs),
      axes,
      cursor: { sync: { key: 'nwatch' }, drag: { x: true, y: false } },
      plugins: withOverlay ? [overlayPlugin({ st, polls })] : [],
      hooks: { setScale: [(u, key) => { if (key === 'x') onZoom(u); }] },
    };
  }

  /** A small chart of one series (a panel), zoomed as the main chart is. */
  function panel(holder, series, width, title) {
    const xs = series.buckets.map((b) => toTs(b.start));
    const c = new uPlot(options(width, 130, [{ label: series.value, stroke: COLORS[0], width: 1.5, value: (u, v) => fmtValue(st.view, v) }],
      false, title), [xs, values(st.view, series)], holder);
    charts.panels.push(c);
    if (charts.main) c.setScale('x', { min: charts.main.scales.x.min, max: charts.main.scales.x.max });
    return c;
  }

  function destroyPanels() {
    charts.panels.splice(0).forEach((c) => c.destroy());
  }

  function destroyMain() {
    if (charts.main) { charts.main.destroy(); charts.main = null; }
  }

  function drawMain() {
    const data = st.data;
    destroyMain();
    const box = $('chart');
    const xs = data.series[0].buckets.map((b) => toTs(b.start));
    const ys = data.series.map((s) => values(st.view, s));
    const defs = data.series.map((s, i) => ({
      label: s.query, stroke: COLORS[i], width: 2, spanGaps: false, value: (u, v) => fmtValue(st.view, v),
    }));
    const width = Math.max(400, box.clientWidth || 900);
    charts.main = new uPlot(options(width, 380, defs, true), [xs, ...ys], box);
    charts.main.over.addEventListener('click', onBucketClick);
    if (st.view.zoom) applyZoom(charts.main);
  }

  function redraw() {
    if (charts.main) charts.main.redraw(false);
  }

  // ---------- zoom shared by the main chart and the panels ----------

  function onZoom(u) {
    if (charts.syncing) return;
    const min = u.scales.x.min;
    const max = u.scales.x.max;
    if (min == null || max == null) return;
    charts.syncing = true;
    try {
      for (const c of [charts.main, ...charts.panels]) {
        if (c && c !== u) c.setScale('x', { min, max });
      }
    } finally {
      charts.syncing = false;
    }
    const b = st.data && st.data.series[0].buckets;
    const full = b && b.length ? [toTs(b[0].start), toTs(b[b.length - 1].start)] : null;
    st.view.zoom = full && (min > full[0] || max < full[1]) ? [fromTs(min), fromTs(max)] : null;
    onZoomed();
  }

  function applyZoom(u) {
    if (!st.view.zoom) return;
    u.setScale('x', { min: toTs(st.view.zoom[0]), max: toTs(st.view.zoom[1]) });
  }

  return { drawMain, destroyMain, panel, destroyPanels, redraw };
}
