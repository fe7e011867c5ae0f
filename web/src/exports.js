// Exports of what the chart shows: CSV and JSON from the API over the visible buckets, and the chart itself as PNG
// or SVG with the queries, the selection, the range, the corpus snapshot and the tool's version written on it.
import { COLORS } from './dom.js';
import { timelinesUrl } from './api.js';
import { coverage, toTs } from './buckets.js';
import { drawMarks } from './overlay.js';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The range the exports hold: the buckets at least partly visible in the chart, as from/to days (so an export of
 * a zoomed view has exactly the buckets on screen, and no bucket cut by the export itself).
 */
export function exportRange(st, charts) {
  const s = st.data && st.data.series[0];
  if (!s || !s.buckets.length) return null;
  const [i0, i1] = charts.visibleBuckets();
  const first = coverage(s, s.buckets[i0], st.view.by);
  const last = coverage(s, s.buckets[i1], st.view.by);
  return { from: first.from, to: last.to, n: i1 - i0 + 1, i0, i1, zoomed: i0 > 0 || i1 < s.buckets.length - 1 };
}

/** The view with the export's range as its from/to. */
function exportView(st, range) {
  return range ? Object.assign({}, st.view, { from: range.from, to: range.to }) : st.view;
}

/** Points the CSV/JSON links at the visible range and says which range that is. */
export function updateLinks(st, charts, $) {
  const range = exportRange(st, charts);
  const view = exportView(st, range);
  $('dl-csv').href = timelinesUrl(view, 'csv');
  $('dl-json').href = timelinesUrl(view, 'json');
  const note = $('export-range');
  if (!range) { note.textContent = ''; return; }
  note.textContent = 'Exports hold ' + (range.zoomed ? 'the visible ' : 'all ') + range.n.toLocaleString('en-US') + ' ' + st.view.by
    + (range.n === 1 ? '' : 's') + ', ' + range.from + ' – ' + range.to + (range.zoomed ? ' (zoomed; double-click the chart for all)' : '');
  note.dataset.from = range.from;
  note.dataset.to = range.to;
}

/** What the image says about itself: one line per query, then how it was counted, the range, the corpus. */
export function captionLines(st, charts, polls) {
  const data = st.data;
  const view = st.view;
  const range = exportRange(st, charts);
  const sel = data.selection || {};
  const lines = data.series.map((s, i) => ({ text: ((s.qi ?? i) + 1) + '. ' + s.query, color: COLORS[s.qi ?? i] }));
  lines.push({ text: (view.mode === 'share' ? 'share of coverage' : 'count') + ' per ' + view.by + ', ' + data.unit
    + (st.smoothing > 1 ? ', centred moving average over ' + st.smoothing + ' buckets' : '')
    + ' · ' + (range ? range.from + ' – ' + range.to + (range.zoomed ? ' (zoomed)' : '') : '')
    + ((sel.outlets || []).length ? ' · outlets ' + sel.outlets.join(', ') : '')
    + ((sel.groups || []).length ? ' · groups ' + sel.groups.join(', ') : ''), color: '#333' });
  polls.shown().forEach((p) => lines.push({ text: 'poll (right axis, %, 95% sampling intervals): ' + p.data.pollster + ': '
    + p.data.question + ' — ' + p.data.answer, color: p.color }));
  // the snapshot and version the numbers came with (the timelines answer says them), else what /api/stats said
  const c = st.corpus;
  const snapshot = data.snapshot || (c && c.snapshot) || 'unknown';
  lines.push({ text: 'corpus: ' + (c ? c.articles.toLocaleString('en-US') + ' articles, ' + c.outlets + ' outlet' + (c.outlets === 1 ? '' : 's') + ', ' : '')
    + 'snapshot ' + snapshot + (data.version ? ' · ' + data.version : ''), color: '#666', small: true });
  let hash = location.hash;
  try { hash = decodeURIComponent(hash); } catch (e) { /* keep it encoded */ }
  lines.push({ text: 'view: ' + location.origin + '/' + hash, color: '#666', small: true });
  return lines;
}

/** The chart as a PNG, with its caption above it so the image says what it shows. */
export function chartPng(st, charts, polls) {
  const main = st.charts.main;
  if (!main) return Promise.resolve(null);
  const src = main.ctx.canvas;
  const px = devicePixelRatio || 1;
  const lines = captionLines(st, charts, polls);
  const lineH = 18 * px;
  const out = document.createElement('canvas');
  out.width = src.width;
  out.height = src.height + lineH * (lines.length + 1);
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  lines.forEach((l, i) => {
    ctx.font = ((l.small ? 11 : 13) * px) + 'px sans-serif';
    ctx.fillStyle = l.color;
    ctx.fillText(l.text, 10 * px, lineH * (i + 1), out.width - 20 * px);
  });
  ctx.drawImage(src, 0, lineH * (lines.length + 0.5));
  return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
}

function el(name, attrs, text) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text != null) e.textContent = text;
  return e;
}

/**
 * The chart as SVG: the same buckets (steps over their span), axes, hatched partial buckets, event and change
 * labels as placed on screen, poll points, and the caption. Text goes in as text nodes (escaped by the serializer).
 */
export function chartSvg(st, charts, polls) {
  const u = st.charts.main;
  if (!u || !st.charts.scene) return null;
  const px = devicePixelRatio || 1;
  const W = u.width; const H = u.height;
  const lines = captionLines(st, charts, polls);
  const capH = 18 * (lines.length + 1);
  const plot = { left: u.bbox.left / px, top: u.bbox.top / px, width: u.bbox.width / px, height: u.bbox.height / px };
  const svg = el('svg', { xmlns: SVG, width: W, height: H + capH, viewBox: '0 0 ' + W + ' ' + (H + capH),
    'font-family': 'sans-serif', 'font-size': 12 });
  svg.append(el('rect', { x: 0, y: 0, width: W, height: H + capH, fill: '#fff' }));
  const ctx = u.ctx;
  lines.forEach((l, i) => {
    const size = l.small ? 11 : 13;
    ctx.save();
    ctx.font = size + 'px sans-serif';
    const wide = ctx.measureText(l.text).width > W - 20;
    ctx.restore();
    // a line wider than the image is squeezed to fit, as the PNG's is
    svg.append(el('text', Object.assign({ x: 10, y: 18 * (i + 1), fill: l.color, 'font-size': size },
      wide ? { textLength: W - 20, lengthAdjust: 'spacingAndGlyphs' } : {}), l.text));
  });
  const defs = el('defs');
  const pat = el('pattern', { id: 'partial', width: 8, height: 8, patternUnits: 'userSpaceOnUse' });
  pat.append(el('path', { d: 'M0 8L8 0M-2 2L2 -2M6 10L10 6', stroke: 'rgba(90,90,90,0.45)', 'stroke-width': 1 }));
  const clip = el('clipPath', { id: 'plot' });
  clip.append(el('rect', { x: 0, y: 0, width: plot.width, height: plot.height }));
  defs.append(pat, clip);
  svg.append(defs);
  const chart = el('g', { transform: 'translate(0,' + capH + ')' });
  svg.append(chart);
  // axes: uPlot's own ticks and labels as it drew them (axis._splits/_values of uPlot 1.6)
  const xAxis = u.axes[0]; const yAxis = u.axes[1];
  (xAxis._splits || []).forEach((t, i) => {
    const x = plot.left + u.valToPos(t, 'x');
    chart.append(el('line', { x1: x, y1: plot.top, x2: x, y2: plot.top + plot.height, stroke: '#eee' }));
    String((xAxis._values || [])[i] ?? '').split('\n').forEach((part, k) => chart.append(el('text',
      { x, y: plot.top + plot.height + 16 + 13 * k, 'text-anchor': 'middle', fill: '#333' }, part)));
  });
  (yAxis._splits || []).forEach((v, i) => {
    const y = plot.top + u.valToPos(v, 'y');
    chart.append(el('line', { x1: plot.left, y1: y, x2: plot.left + plot.width, y2: y, stroke: '#eee' }));
    chart.append(el('text', { x: plot.left - 6, y: y + 4, 'text-anchor': 'end', fill: '#333' }, (yAxis._values || [])[i] ?? ''));
  });
  const inner = el('g', { transform: 'translate(' + plot.left + ',' + (plot.top) + ')', 'clip-path': 'url(#plot)' });
  chart.append(inner);
  const scene = st.charts.scene;
  for (const h of scene.hatches) inner.append(el('rect', { x: h.x0, y: 0, width: h.x1 - h.x0, height: plot.height, fill: 'url(#partial)' }));
  // the series as steps over each bucket's span; gaps stay empty
  const xs = u.data[0];
  for (let si = 1; si < u.data.length; si++) {
    const ys = u.data[si];
    let d = ''; let open = false;
    for (let i = 0; i < xs.length - 1; i++) {
      const y = ys[i];
      if (y == null) { open = false; continue; }
      const x0 = u.valToPos(xs[i], 'x'); const x1 = u.valToPos(xs[i + 1], 'x');
      const yy = u.valToPos(y, 'y');
      d += (open ? 'L' : 'M') + x0.toFixed(1) + ' ' + yy.toFixed(1) + 'H' + x1.toFixed(1);
      open = true;
    }
    inner.append(el('path', { d, fill: 'none', stroke: u.series[si].stroke(u, si), 'stroke-width': u.series[si].width || 2 }));
  }
  drawMarks(svgContext(inner), scene, plot.height);
  for (const p of polls.shown()) {
    for (const x of p.data.points) {
      const t = toTs(x.date);
      if (t < u.scales.x.min || t > u.scales.x.max || !u.scales.pct) continue;
      const cx = u.valToPos(t, 'x');
      inner.append(el('line', { x1: cx, y1: u.valToPos(x.lo, 'pct'), x2: cx, y2: u.valToPos(x.hi, 'pct'), stroke: p.color }));
      inner.append(el('circle', { cx, cy: u.valToPos(x.percent, 'pct'), r: 3, fill: p.color }));
    }
  }
  chart.append(el('rect', { x: plot.left, y: plot.top, width: plot.width, height: plot.height, fill: 'none', stroke: '#999' }));
  return new XMLSerializer().serializeToString(svg);
}

/**
 * Just enough of a 2D context for drawMarks to write SVG: lines, dashes, alpha and (rotated) text, so the labels
 * in the SVG are those placed on screen.
 */
function svgContext(g) {
  let path = []; let transform = [];
  const c = {
    strokeStyle: '#000', fillStyle: '#000', globalAlpha: 1, lineWidth: 1, font: '10px sans-serif', dash: [],
    textAlign: 'left', textBaseline: 'alphabetic', lineJoin: 'miter',
    setLineDash(d) { c.dash = d; },
    beginPath() { path = []; },
    moveTo(x, y) { path.push('M' + x.toFixed(1) + ' ' + y.toFixed(1)); },
    lineTo(x, y) { path.push('L' + x.toFixed(1) + ' ' + y.toFixed(1)); },
    stroke() {
      g.append(el('path', { d: path.join(''), fill: 'none', stroke: c.strokeStyle, 'stroke-opacity': c.globalAlpha,
        'stroke-width': c.lineWidth, 'stroke-dasharray': c.dash.length ? c.dash.join(' ') : 'none' }));
    },
    save() { transform.push(transform.length ? transform[transform.length - 1] : ''); },
    restore() { transform.pop(); },
    translate(x, y) { const t = transform.pop() || ''; transform.push(t + ' translate(' + x + ',' + y + ')'); },
    rotate(a) { const t = transform.pop() || ''; transform.push(t + ' rotate(' + (a * 180 / Math.PI) + ')'); },
    strokeText() { /* the halo: paint-order below does it */ },
    fillText(text, x, y) {
      const m = /^(bold )?(\d+)px/.exec(c.font) || [];
      g.append(el('text', { x, y, transform: (transform[transform.length - 1] || '').trim(), fill: c.fillStyle,
        'fill-opacity': c.globalAlpha, 'font-size': m[2] || 10, 'font-weight': m[1] ? 'bold' : 'normal',
        'dominant-baseline': c.textBaseline === 'bottom' ? 'text-after-edge' : 'alphabetic',
        stroke: 'rgba(255,255,255,0.85)', 'stroke-width': 3, 'paint-order': 'stroke' }, text));
    },
  };
  return c;
}

/** Saves a blob under a file name through a temporary link. */
export function saveBlob(blob, name) {
  if (!blob) return;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** The file name stem of an export: what and which range. */
export function exportName(st, charts, ext) {
  const r = exportRange(st, charts);
  return 'nwatch-' + st.view.by + (r ? '-' + r.from + '_' + r.to : '') + '.' + ext;
}

