// The main chart and the panels: buckets drawn as steps over their whole span, axis ticks at bucket starts in the
// bucket's units, the bucket under the cursor shaded, partial buckets hatched; zoom shared between the charts.
import uPlot from './vendor/uPlot.esm.js';
import { $, COLORS, POLL_COLORS } from './dom.js';
import { values, fmtValue } from './format.js';
import { toTs, fromTs, nextStart, bucketTicks, bucketIndexAt, bucketName, coverage } from './buckets.js';
import { buildScene, drawHatches, drawMarks, withPlot, canvasMeasure } from './overlay.js';

const stepper = uPlot.paths.stepped({ align: 1, alignGaps: 1 });
// one bucket more on each side than uPlot's visible range, so the step entering the plot from the left is drawn
const steps = (u, si, i0, i1) => stepper(u, si, Math.max(0, i0 - 1), Math.min(u.data[0].length - 1, i1 + 1));

/** x values of a series: its bucket starts and, last, where its last bucket ends (so the last step has a width). */
export function bucketXs(series, by) {
  const b = series.buckets;
  return b.map((x) => toTs(x.start)).concat(b.length ? [toTs(nextStart(b[b.length - 1].start, by))] : []);
}

/** y values with the last one repeated at the closing x. */
function withEnd(ys) {
  return ys.length ? ys.concat([ys[ys.length - 1]]) : ys;
}

/**
 * deps: st (the state), polls, onBucket(idx) (a click or Enter on a bucket of the main chart), onZoomed(),
 * onCursor(idx, x) (the bucket under the cursor of the main chart changed; idx null when it left)
 */
export function createCharts(deps) {
  const { st, polls, onBucket, onZoomed, onCursor } = deps;
  const charts = st.charts;

  /** Shades the bucket under the cursor and reports it; the chart's x values are `xs` (with the closing one). */
  function bucketCursor(xs, report) {
    let band = null;
    const starts = xs.slice(0, -1);
    return {
      hooks: {
        init: [(u) => {
          band = document.createElement('div');
          band.className = 'bucket-band';
          u.over.append(band);
        }],
        setCursor: [(u) => {
          const left = u.cursor.left;
          if (left == null || left < 0 || !starts.length) {
            band.style.display = 'none';
            if (report) report(null);
            return;
          }
          const i = bucketIndexAt(starts, u.posToVal(left, 'x'));
          const x0 = Math.max(0, u.valToPos(xs[i], 'x'));
          const x1 = Math.min(u.over.clientWidth, u.valToPos(xs[i + 1], 'x'));
          band.style.display = 'block';
          band.style.left = x0 + 'px';
          band.style.width = Math.max(1, x1 - x0) + 'px';
          if (report) report(i, left);
        }],
      },
    };
  }

  /** Hatches partial buckets under the series and, on the main chart, draws events and changes over them. */
  function overlay(series, main) {
    const partials = series.buckets.map((b) => ({ b, c: coverage(series, b, st.view.by) })).filter((x) => x.c.partial)
      .map(({ b, c }) => ({ t0: toTs(b.start), t1: toTs(nextStart(b.start, st.view.by)),
        title: bucketName(b.start, st.view.by) + ': partial, ' + c.days + ' of ' + c.length + ' days' }));
    const scene = (u) => {
      const px = devicePixelRatio || 1;
      const left = u.bbox.left;
      return buildScene({ W: u.bbox.width / px, H: u.bbox.height / px, xmin: u.scales.x.min, xmax: u.scales.x.max,
        xPos: (t) => (u.valToPos(t, 'x', true) - left) / px, measure: canvasMeasure(u.ctx),
        partials, events: st.events, changes: st.changes, showEvents: main && st.view.ev, showChanges: main && st.view.cp });
    };
    let current = null;
    return {
      hooks: {
        drawAxes: [(u) => {
          current = scene(u);
          if (main) charts.scene = current;
          withPlot(u, (ctx, W, H) => drawHatches(ctx, current, H));
        }],
        draw: [(u) => {
          if (!main) return;
          withPlot(u, (ctx, W, H) => drawMarks(ctx, current, H));
          const ctx = u.ctx;
          ctx.save();
          ctx.beginPath();
          ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
          ctx.clip();
          polls.draw(u, ctx, devicePixelRatio || 1);
          ctx.restore();
        }],
      },
    };
  }

  function options(width, height, seriesDefs, xs, extra) {
    const view = st.view;
    const shownPolls = extra.main ? polls.shown() : [];
    const starts = xs.slice(0, -1);
    let ticks = null;
    const scales = { x: { time: true }, y: view.log ? { distr: 3, log: 10 } : { range: (u, min, max) => [0, max > 0 ? max * 1.05 : 1] } };
    const axes = [
      { size: 44, space: 40,
        splits: (u, ai, min, max) => { ticks = bucketTicks(view.by, min, max, u.bbox.width / (devicePixelRatio || 1)); return ticks.splits; },
        values: (u, splits) => splits.map((s) => { const i = ticks ? ticks.splits.indexOf(s) : -1; return i < 0 ? '' : ticks.labels[i]; }) },
      { values: (u, splits) => splits.map((v) => (view.mode === 'share' ? v + '%' : String(v))), size: 60 },
    ];
    if (shownPolls.length) {
      // no series sits on this scale (poll dates are not the buckets): uPlot asks range() with no data, we answer
      const range = polls.range(shownPolls);
      scales.pct = { range: () => range };
      axes.push({ scale: 'pct', side: 1, size: 50, grid: { show: false }, stroke: POLL_COLORS[0],
        values: (u, splits) => splits.map((v) => v + '%'), label: 'polls, % (from ' + range[0] + '%)' });
    }
    return {
      width, height, title: extra.title,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
      scales,
      series: [{ label: view.by, value: (u, ts) => (ts == null ? '–' : bucketName(fromTs(ts), view.by)) }]
        .concat(seriesDefs.map((d) => Object.assign({ paths: steps, spanGaps: false, points: { show: false } }, d))),
      axes,
      cursor: { sync: { key: 'nwatch' }, drag: { x: true, y: false }, x: false, points: { show: false },
        dataIdx: (u, si, ci, val) => (val == null ? ci : Math.max(0, bucketIndexAt(starts, val))) },
      plugins: [bucketCursor(xs, extra.main ? onCursor : null), overlay(extra.series, !!extra.main)],
      hooks: { setScale: [(u, key) => { if (key === 'x') onZoom(u); }] },
    };
  }

  /** A small chart of one series (a panel), zoomed as the main chart is. */
  function panel(holder, series, width, title, color) {
    const xs = bucketXs(series, st.view.by);
    const c = new uPlot(options(width, 130, [{ label: series.value, stroke: color || COLORS[0], width: 1.5, value: (u, v) => fmtValue(st.view, v) }],
      xs, { title, series }), [xs, withEnd(values(st.view, series, st.smoothing))], holder);
    charts.panels.push(c);
    if (charts.main) c.setScale('x', { min: charts.main.scales.x.min, max: charts.main.scales.x.max });
    return c;
  }

  function destroyPanels() {
    charts.panels.splice(0).forEach((c) => c.destroy());
  }

  function destroyMain() {
    if (charts.main) { charts.main.destroy(); charts.main = null; charts.scene = null; }
  }

  function drawMain() {
    const data = st.data;
    destroyMain();
    const box = $('chart');
    const first = data.series[0];
    const xs = bucketXs(first, st.view.by);
    const ys = data.series.map((s) => withEnd(values(st.view, s, st.smoothing)));
    const defs = data.series.map((s, i) => ({
      label: s.query, stroke: COLORS[s.qi ?? i], width: 2, value: (u, v) => fmtValue(st.view, v),
    }));
    const width = Math.max(240, box.clientWidth || 900);
    charts.main = new uPlot(options(width, width < 600 ? 300 : 380, defs, xs, { main: true, series: first }), [xs, ...ys], box);
    charts.main.over.addEventListener('click', () => {
      const u = charts.main;
      if (!u || u.cursor.left == null || u.cursor.left < 0) return;
      onBucket(bucketIndexAt(xs.slice(0, -1), u.posToVal(u.cursor.left, 'x')));
    });
    if (st.view.zoom) applyZoom(charts.main);
  }

  /**
   * The keyboard path into the chart: it can be focused; ←/→ (and Home/End, PageUp/PageDown by ten) move the
   * cursor from bucket to bucket, Enter or Space lists the bucket's articles.
   */
  function wireKeyboard() {
    const box = $('chart');
    let at = null;
    box.addEventListener('keydown', (e) => {
      const u = charts.main;
      if (!u || !st.data) return;
      const n = st.data.series[0].buckets.length;
      const [v0, v1] = visibleBuckets();
      const moves = { ArrowLeft: -1, ArrowRight: 1, PageUp: -10, PageDown: 10 };
      if (e.key in moves || e.key === 'Home' || e.key === 'End') {
        if (at == null || at < v0 || at > v1) at = e.key === 'ArrowLeft' || e.key === 'End' ? v1 : v0;
        else if (e.key === 'Home') at = v0;
        else if (e.key === 'End') at = v1;
        else at = Math.max(v0, Math.min(v1, at + moves[e.key]));
        const xs = u.data[0];
        const x0 = Math.max(0, u.valToPos(xs[at], 'x'));
        const x1 = Math.min(u.over.clientWidth, u.valToPos(xs[Math.min(at + 1, n)], 'x'));
        u.setCursor({ left: (x0 + x1) / 2, top: u.over.clientHeight / 2 });
        e.preventDefault();
      } else if ((e.key === 'Enter' || e.key === ' ') && at != null) {
        onBucket(at);
        e.preventDefault();
      }
    });
    box.addEventListener('blur', () => { at = null; });
  }

  function redraw() {
    if (charts.main) charts.main.redraw(false);
  }

  /** The bucket indices at least partly visible in the main chart: [first, last]. */
  function visibleBuckets() {
    const u = charts.main;
    const b = st.data.series[0].buckets;
    if (!u || !b.length) return [0, b.length - 1];
    const starts = b.map((x) => toTs(x.start));
    const i0 = bucketIndexAt(starts, u.scales.x.min);
    let i1 = bucketIndexAt(starts, u.scales.x.max);
    if (i1 > i0 && starts[i1] >= u.scales.x.max) i1--;
    return [i0, i1];
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
    const b = st.data && st.data.series[0];
    const full = b && b.buckets.length ? [toTs(b.buckets[0].start), bucketXs(b, st.view.by).pop()] : null;
    st.view.zoom = full && (min > full[0] || max < full[1]) ? [fromTs(min), fromTs(max)] : null;
    onZoomed();
  }

  function applyZoom(u) {
    if (!st.view.zoom) return;
    u.setScale('x', { min: toTs(st.view.zoom[0]), max: toTs(st.view.zoom[1]) });
  }

  return { drawMain, destroyMain, panel, destroyPanels, redraw, visibleBuckets, wireKeyboard };
}
