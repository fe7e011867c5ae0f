// NarrativeWatch dashboard. Plain ES module over the HTTP API; uPlot is bundled at build time.
// Article text is only ever put into the page through textContent: never innerHTML.
import uPlot from './vendor/uPlot.esm.js';
import { movingAverage, movingShare, bucketEnd, highlightInto, safeHref } from './util.js';
import { showKeyTerms } from './explain.js';
import { createMap } from './map.js';

const MAX_QUERIES = 6;
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf'];
const MAX_POLLS = 3;
const POLL_COLORS = ['#111111', '#8c564b', '#e377c2'];
const KIND_COLORS = { war: '#b22222', talks: '#1e6fbf', politics: '#7a5c00', other: '#666666' };
const $ = (id) => document.getElementById(id);

const state = {
  queries: ['*'],
  by: 'week', from: '', to: '', mode: 'count', unit: 'articles',
  smooth: 1, log: false, cp: true, ev: true, outlets: [], groups: [], zoom: null,
  polls: [], view: 'timelines', mapDate: '',
};
const pollData = new Map(); // poll series id -> /api/polls/{id} answer
let pollList = [];
let map = null;
let data = null;          // last /api/timelines answer
let changes = [];         // per query: list of changes, or null when unavailable
let events = [];
let mainChart = null;
const panelCharts = [];
let syncing = false;

// ---------- URL state: the whole view lives in the hash, so a link reproduces it ----------

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const qs = p.getAll('q').filter((q) => q.trim() !== '');
  if (qs.length) state.queries = qs.slice(0, MAX_QUERIES);
  if (['day', 'week', 'month'].includes(p.get('by'))) state.by = p.get('by');
  state.from = p.get('from') || '';
  state.to = p.get('to') || '';
  state.mode = p.get('mode') === 'share' ? 'share' : 'count';
  state.unit = p.get('unit') === 'stories' ? 'stories' : 'articles';
  const w = parseInt(p.get('smooth') || '1', 10);
  state.smooth = Number.isFinite(w) && w >= 1 && w <= 99 ? w : 1;
  state.log = p.get('log') === '1';
  state.cp = p.get('cp') !== '0';
  state.ev = p.get('ev') !== '0';
  state.outlets = p.getAll('outlet');
  state.groups = p.getAll('group');
  const z = (p.get('zoom') || '').split('..');
  state.zoom = z.length === 2 && z[0] && z[1] ? [z[0], z[1]] : null;
  state.polls = p.getAll('poll').slice(0, MAX_POLLS);
  state.view = p.get('view') === 'map' ? 'map' : 'timelines';
  state.mapDate = /^\d{4}-\d{2}-\d{2}$/.test(p.get('date') || '') ? p.get('date') : '';
}

function writeHash() {
  const p = new URLSearchParams();
  state.queries.forEach((q) => p.append('q', q));
  p.set('by', state.by);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  p.set('mode', state.mode);
  if (state.unit !== 'articles') p.set('unit', state.unit);
  if (state.smooth > 1) p.set('smooth', String(state.smooth));
  if (state.log) p.set('log', '1');
  if (!state.cp) p.set('cp', '0');
  if (!state.ev) p.set('ev', '0');
  state.outlets.forEach((o) => p.append('outlet', o));
  state.groups.forEach((g) => p.append('group', g));
  if (state.zoom) p.set('zoom', state.zoom.join('..'));
  state.polls.forEach((id) => p.append('poll', id));
  if (state.view === 'map') p.set('view', 'map');
  if (state.mapDate) p.set('date', state.mapDate);
  const h = '#' + p.toString();
  if (location.hash !== h) history.replaceState(null, '', h);
}

// ---------- form <-> state ----------

function renderQueryRows() {
  const box = $('queries');
  box.replaceChildren();
  state.queries.forEach((q, i) => {
    const row = document.createElement('div');
    row.className = 'query-row';
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = COLORS[i];
    const input = document.createElement('input');
    input.type = 'text';
    input.className = 'query';
    input.value = q;
    input.placeholder = 'query, e.g. путин AND (денацификация OR демилитаризация)';
    input.setAttribute('aria-label', 'query ' + (i + 1));
    input.dataset.index = String(i);
    const del = document.createElement('button');
    del.type = 'button';
    del.textContent = '×';
    del.title = 'remove this query';
    del.disabled = state.queries.length === 1;
    del.addEventListener('click', () => {
      readForm();
      state.queries.splice(i, 1);
      renderQueryRows();
      run();
    });
    const err = document.createElement('span');
    err.className = 'error query-error';
    err.setAttribute('role', 'alert');
    row.append(swatch, input, del, err);
    box.append(row);
  });
  $('add-query').disabled = state.queries.length >= MAX_QUERIES;
  $('query-count').textContent = state.queries.length + ' of ' + MAX_QUERIES + ' queries';
}

function writeForm() {
  renderQueryRows();
  $('by').value = state.by;
  $('from').value = state.from;
  $('to').value = state.to;
  document.querySelectorAll('input[name=mode]').forEach((r) => { r.checked = r.value === state.mode; });
  $('unit').value = state.unit;
  if (![...$('smooth').options].some((o) => o.value === String(state.smooth))) {
    const o = document.createElement('option');
    o.value = o.textContent = String(state.smooth);
    $('smooth').append(o);
  }
  $('smooth').value = String(state.smooth);
  $('log').checked = state.log;
  $('show-cp').checked = state.cp;
  $('show-ev').checked = state.ev;
  selectValues($('outlet'), state.outlets);
  selectValues($('group'), state.groups);
  selectValues($('poll'), state.polls);
}

function selectValues(sel, values) {
  [...sel.options].forEach((o) => { o.selected = values.includes(o.value); });
}

function readForm() {
  state.queries = [...document.querySelectorAll('input.query')].map((i) => i.value.trim()).filter((q) => q !== '');
  if (!state.queries.length) state.queries = ['*'];
  state.by = $('by').value;
  state.from = $('from').value;
  state.to = $('to').value;
  state.mode = document.querySelector('input[name=mode]:checked').value;
  state.unit = $('unit').value;
  state.smooth = parseInt($('smooth').value, 10) || 1;
  state.log = $('log').checked;
  state.cp = $('show-cp').checked;
  state.ev = $('show-ev').checked;
  state.outlets = [...$('outlet').selectedOptions].map((o) => o.value);
  state.groups = [...$('group').selectedOptions].map((o) => o.value);
  state.polls = [...$('poll').selectedOptions].map((o) => o.value).slice(0, MAX_POLLS);
}

// ---------- API ----------

function selectionParams(p) {
  p.set('by', state.by);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.unit !== 'articles') p.set('unit', state.unit);
  state.outlets.forEach((o) => p.append('outlet', o));
  state.groups.forEach((g) => p.append('group', g));
  return p;
}

function timelinesUrl(format) {
  const p = new URLSearchParams();
  state.queries.forEach((q) => p.append('q', q));
  selectionParams(p);
  if (format) p.set('format', format);
  return '/api/timelines?' + p.toString();
}

async function getJson(url, init) {
  const r = await fetch(url, init);
  let body = null;
  try { body = await r.json(); } catch (e) { body = null; }
  if (!r.ok) {
    const err = new Error((body && body.error) || ('HTTP ' + r.status));
    err.status = r.status;
    err.body = body;
    throw err;
  }
  return body;
}

// ---------- main flow ----------

let runSeq = 0;

async function run() {
  writeHash();
  const seq = ++runSeq;
  document.querySelectorAll('.query-error').forEach((e) => { e.textContent = ''; });
  document.querySelectorAll('input.query').forEach((e) => e.classList.remove('bad'));
  setStatus('running…');
  $('dl-csv').href = timelinesUrl('csv');
  $('dl-json').href = timelinesUrl('json');
  try {
    const answer = await getJson(timelinesUrl());
    if (seq !== runSeq) return;
    data = answer;
    hideMessage();
    changes = state.queries.map(() => null);
    draw();
    setStatus(describe());
    document.body.dataset.drawn = String(seq);
    loadChanges(seq);
    loadPanels(seq);
  } catch (e) {
    if (seq !== runSeq) return;
    showQueryError(e);
  }
}

function showQueryError(e) {
  const body = e.body || {};
  let index = 0;
  const m = /^q(?:\[(\d+)\])?$/.exec(body.param || '');
  if (m) index = m[1] ? parseInt(m[1], 10) - 1 : 0;
  const rows = document.querySelectorAll('.query-row');
  if (body.param && rows[index]) {
    rows[index].querySelector('.query-error').textContent = e.message;
    rows[index].querySelector('input.query').classList.add('bad');
    showMessage('Not drawn: query ' + (index + 1) + ' has an error (shown next to it).');
  } else {
    showMessage('Not drawn: ' + e.message);
  }
  setStatus('error');
}

function showMessage(text) {
  destroyMain();
  $('chart-message').textContent = text;
  $('chart-message').hidden = false;
  $('summary').replaceChildren();
  $('changes').replaceChildren();
  $('data-table').replaceChildren();
}

function hideMessage() {
  $('chart-message').hidden = true;
}

function setStatus(text) {
  $('status').textContent = text;
}

function describe() {
  const s = data.series[0];
  const n = s ? s.buckets.length : 0;
  return data.series.length + ' quer' + (data.series.length === 1 ? 'y' : 'ies') + ', ' + n + ' ' + state.by
    + ' buckets' + (s ? ' from ' + s.from + ' to ' + s.to : '');
}

// ---------- series transforms ----------

function toTs(day) { return Date.parse(day + 'T00:00:00Z') / 1000; }
function fromTs(ts) { return new Date(ts * 1000).toISOString().slice(0, 10); }

/** The y values shown for one series: count or share (in %), smoothed, nulls in gaps (and for log, at zero). */
function values(series) {
  const b = series.buckets;
  let ys;
  if (state.mode === 'share') {
    ys = movingShare(b.map((x) => x.count), b.map((x) => x.total), state.smooth).map((v) => (v == null ? null : v * 100));
  } else {
    ys = movingAverage(b.map((x) => (x.gap ? null : x.count)), state.smooth);
  }
  return state.log ? ys.map((v) => (v != null && v > 0 ? v : null)) : ys;
}

// ---------- charts ----------

function overlayPlugin() {
  return {
    hooks: {
      draw: [(u) => {
        const ctx = u.ctx;
        const { left, top, width, height } = u.bbox;
        const xmin = u.scales.x.min;
        const xmax = u.scales.x.max;
        ctx.save();
        ctx.beginPath();
        ctx.rect(left, top, width, height);
        ctx.clip();
        const px = devicePixelRatio || 1;
        // uPlot leaves its axis text alignment on the context: set ours, or labels land outside the plot
        ctx.textAlign = 'left';
        ctx.textBaseline = 'alphabetic';
        if (state.ev) {
          ctx.font = (10 * px) + 'px sans-serif';
          // labels need room: where events crowd, only the first of a cluster is labelled (all keep their line)
          let lastLabelX = -Infinity;
          for (const ev of events) {
            const t = toTs(ev.date);
            if (t < xmin || t > xmax) continue;
            const x = Math.round(u.valToPos(t, 'x', true));
            ctx.strokeStyle = KIND_COLORS[ev.kind] || KIND_COLORS.other;
            ctx.globalAlpha = 0.45;
            ctx.setLineDash([]);
            ctx.lineWidth = px;
            ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + height); ctx.stroke();
            if (x - lastLabelX < 16 * px) continue;
            lastLabelX = x;
            ctx.globalAlpha = 0.95;
            ctx.fillStyle = ctx.strokeStyle;
            ctx.save();
            ctx.translate(x + 3 * px, top + 4 * px);
            ctx.rotate(Math.PI / 2);
            const label = ev.label.length > 34 ? ev.label.slice(0, 33) + '…' : ev.label;
            ctx.fillText(ev.date + ' ' + label, 0, 0);
            ctx.restore();
          }
        }
        if (state.cp && changes) {
          changes.forEach((list, qi) => {
            if (!list) return;
            let lastLabelX = -Infinity; // one row of labels per query; crowded ones keep only their line
            for (const c of list) {
              const t = toTs(c.date);
              if (t < xmin || t > xmax) continue;
              const x = Math.round(u.valToPos(t, 'x', true));
              const conf = confidence(c);
              ctx.strokeStyle = COLORS[qi];
              ctx.globalAlpha = 0.35 + 0.65 * (conf == null ? 0.5 : conf);
              ctx.lineWidth = 2 * px;
              ctx.setLineDash([6 * px, 4 * px]);
              ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + height); ctx.stroke();
              ctx.setLineDash([]);
              ctx.fillStyle = COLORS[qi];
              ctx.font = 'bold ' + (11 * px) + 'px sans-serif';
              const text = '▲ ' + confidenceText(c);
              if (x - lastLabelX > ctx.measureText(text).width + 4 * px) {
                ctx.fillText(text, x + 3 * px, top + height - 6 * px - qi * 13 * px);
                lastLabelX = x;
              }
            }
          });
        }
        drawPolls(u, ctx, px);
        ctx.restore();
      }],
    },
  };
}

// ---------- poll series on the second axis ----------

function shownPolls() {
  return state.polls.map((id, i) => ({ id, color: POLL_COLORS[i % POLL_COLORS.length], data: pollData.get(id) }))
    .filter((p) => p.data && p.data.points.length);
}

/** The percent axis: every interval of the shown series fits, with a little room. */
function pollRange(polls) {
  let lo = Infinity; let hi = -Infinity;
  for (const p of polls) for (const x of p.data.points) { lo = Math.min(lo, x.lo); hi = Math.max(hi, x.hi); }
  const pad = Math.max(1, (hi - lo) * 0.05);
  return [Math.max(lo >= 0 ? 0 : -100, Math.floor(lo - pad)), Math.min(100, Math.ceil(hi + pad))];
}

let pollsDrawn = 0;

/** Each poll at its fieldwork midpoint: a dot on a line through the series, and its 95% interval as a bar. */
function drawPolls(u, ctx, px) {
  pollsDrawn = 0;
  if (!u.scales.pct) return;
  const xmin = u.scales.x.min;
  const xmax = u.scales.x.max;
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
  for (const p of shownPolls()) {
    ctx.strokeStyle = p.color;
    ctx.fillStyle = p.color;
    const pts = p.data.points.filter((x) => { const t = toTs(x.date); return t >= xmin && t <= xmax; });
    ctx.lineWidth = px;
    ctx.globalAlpha = 0.5;
    ctx.beginPath();
    pts.forEach((x, i) => {
      const cx = u.valToPos(toTs(x.date), 'x', true);
      const cy = u.valToPos(x.percent, 'pct', true);
      if (i) ctx.lineTo(cx, cy); else ctx.moveTo(cx, cy);
    });
    ctx.stroke();
    ctx.globalAlpha = 0.9;
    for (const x of pts) {
      const cx = u.valToPos(toTs(x.date), 'x', true);
      const cy = u.valToPos(x.percent, 'pct', true);
      const ylo = u.valToPos(x.lo, 'pct', true);
      const yhi = u.valToPos(x.hi, 'pct', true);
      ctx.beginPath();
      ctx.moveTo(cx, ylo); ctx.lineTo(cx, yhi);
      ctx.moveTo(cx - 3 * px, ylo); ctx.lineTo(cx + 3 * px, ylo);
      ctx.moveTo(cx - 3 * px, yhi); ctx.lineTo(cx + 3 * px, yhi);
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(cx, cy, 3 * px, 0, 2 * Math.PI);
      ctx.fill();
      pollsDrawn++;
    }
  }
}

async function loadPollList() {
  try {
    pollList = (await getJson('/api/polls')).series;
  } catch (e) {
    pollList = [];
    $('poll-note').textContent = 'Poll series: ' + e.message;
  }
  fillSelect($('poll'), pollList.map((s) => [s.id, s.pollster + ': ' + s.question + ' — ' + s.answer
    + ' (' + s.points + ', ' + s.first + ' – ' + s.last + ')']));
  if (!pollList.length) $('poll').disabled = true;
}

/** Fetches the chosen poll series not yet here, then redraws. */
async function loadPolls() {
  const missing = state.polls.filter((id) => !pollData.has(id));
  await Promise.all(missing.map(async (id) => {
    try {
      pollData.set(id, await getJson('/api/polls/' + id.split('/').map(encodeURIComponent).join('/')));
    } catch (e) {
      pollData.set(id, { id, points: [], error: e.message });
    }
  }));
  renderPollLegend();
  if (data) draw();
}

function renderPollLegend() {
  const ul = $('poll-legend');
  ul.replaceChildren();
  state.polls.forEach((id, i) => {
    const d = pollData.get(id);
    const li = document.createElement('li');
    li.dataset.poll = id;
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = POLL_COLORS[i % POLL_COLORS.length];
    const t = document.createElement('span');
    if (!d) t.textContent = id + ' (loading…)';
    else if (d.error) t.textContent = id + ': ' + d.error;
    else {
      t.textContent = d.pollster + ': ' + d.question + ' — ' + d.answer + ' · ' + d.points.length
        + ' polls, right axis (%), bars = ' + d.interval;
    }
    li.append(sw, t);
    ul.append(li);
  });
}

/** 1 − p when the detector gives a p-value, else its posterior probability: how sure we are. */
function confidence(c) {
  if (typeof c.p === 'number') return Math.max(0, Math.min(1, 1 - c.p));
  if (typeof c.probability === 'number') return c.probability;
  if (typeof c.posterior === 'number') return c.posterior;
  return null;
}

function confidenceText(c) {
  if (typeof c.p === 'number') return c.p < 0.001 ? 'p<0.001' : 'p=' + c.p.toPrecision(2);
  const conf = confidence(c);
  return conf == null ? '' : 'conf ' + Math.round(conf * 100) + '%';
}

function fmtValue(v) {
  if (v == null) return '–';
  if (state.mode === 'share') return v.toFixed(2) + '%';
  return state.smooth > 1 ? v.toFixed(1) : String(v);
}

function chartOpts(width, height, seriesDefs, withOverlay, title) {
  const polls = withOverlay ? shownPolls() : [];
  const scales = { x: { time: true }, y: state.log ? { distr: 3, log: 10 } : { range: (u, min, max) => [0, max > 0 ? max * 1.05 : 1] } };
  const axes = [{}, { values: (u, splits) => splits.map((v) => (state.mode === 'share' ? v + '%' : String(v))), size: 60 }];
  if (polls.length) {
    // no series sits on this scale (poll dates are not the buckets): uPlot asks range() with no data, we answer
    const range = pollRange(polls);
    scales.pct = { range: () => range };
    axes.push({ scale: 'pct', side: 1, size: 50, grid: { show: false }, stroke: POLL_COLORS[0],
      values: (u, splits) => splits.map((v) => v + '%'), label: 'polls, %' });
  }
  return {
    width, height, title,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
    scales,
    series: [{ label: state.by, value: (u, ts) => (ts == null ? '–' : fromTs(ts)) }].concat(seriesDefs),
    axes,
    cursor: { sync: { key: 'nwatch' }, drag: { x: true, y: false } },
    plugins: withOverlay ? [overlayPlugin()] : [],
    hooks: { setScale: [(u, key) => { if (key === 'x') onZoom(u); }] },
  };
}

function destroyMain() {
  if (mainChart) { mainChart.destroy(); mainChart = null; }
}

function draw() {
  if (!data) return;
  destroyMain();
  const box = $('chart');
  const xs = data.series[0].buckets.map((b) => toTs(b.start));
  const ys = data.series.map(values);
  const defs = data.series.map((s, i) => ({
    label: s.query, stroke: COLORS[i], width: 2, spanGaps: false, value: (u, v) => fmtValue(v),
  }));
  const width = Math.max(400, box.clientWidth || 900);
  mainChart = new uPlot(chartOpts(width, 380, defs, true), [xs, ...ys], box);
  mainChart.over.addEventListener('click', onChartClick);
  if (state.zoom) applyZoom(mainChart);
  $('smooth-note').textContent = state.smooth > 1
    ? 'Smoothed: centred moving average over ' + state.smooth + ' ' + state.by + ' buckets (' + ((state.smooth - 1) / 2)
      + ' either side)' + (state.mode === 'share' ? ', as Σcount ÷ Σtotal over the window' : '') + '.'
    : (state.log ? 'Log scale: buckets with zero are not drawn.' : '');
  renderSummary();
  if ($('data-table-box').open) renderTable();
  drawPanels();
}

function renderSummary() {
  const ul = $('summary');
  ul.replaceChildren();
  data.series.forEach((s, i) => {
    let sum = 0; let peak = null;
    for (const b of s.buckets) {
      sum += b.count;
      if (peak == null || b.count > peak.count) peak = b;
    }
    const li = document.createElement('li');
    li.dataset.query = String(i);
    li.dataset.matches = String(sum);
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = COLORS[i];
    const q = document.createElement('code');
    q.textContent = s.query;
    const t = document.createElement('span');
    t.className = 'numbers';
    t.textContent = ': ' + sum + ' matching ' + s.unit + (peak && peak.count > 0 ? ', peak ' + peak.count + ' in the '
      + state.by + ' of ' + peak.start : '');
    li.append(sw, q, t);
    ul.append(li);
  });
}

function renderTable() {
  const box = $('data-table');
  box.replaceChildren();
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

// ---------- zoom shared by the main chart and the panels ----------

function onZoom(u) {
  if (syncing) return;
  const min = u.scales.x.min;
  const max = u.scales.x.max;
  if (min == null || max == null) return;
  syncing = true;
  try {
    for (const c of [mainChart, ...panelCharts]) {
      if (c && c !== u) c.setScale('x', { min, max });
    }
  } finally {
    syncing = false;
  }
  const full = data && data.series[0].buckets.length
    ? [toTs(data.series[0].buckets[0].start), toTs(data.series[0].buckets[data.series[0].buckets.length - 1].start)]
    : null;
  state.zoom = full && (min > full[0] || max < full[1]) ? [fromTs(min), fromTs(max)] : null;
  writeHash();
}

function applyZoom(u) {
  if (!state.zoom) return;
  u.setScale('x', { min: toTs(state.zoom[0]), max: toTs(state.zoom[1]) });
}

// ---------- change points ----------

async function loadChanges(seq) {
  const box = $('changes');
  box.replaceChildren();
  if (!state.cp) return;
  const results = await Promise.all(state.queries.map(async (q) => {
    const p = selectionParams(new URLSearchParams());
    p.set('q', q);
    p.set('model', state.mode === 'share' ? 'binomial' : 'poisson');
    try {
      const r = await getJson('/api/shifts?' + p.toString());
      return { changes: r.changes || [], model: r.model };
    } catch (e) {
      return { error: e };
    }
  }));
  if (seq !== runSeq) return;
  changes = results.map((r) => (r.changes ? r.changes : null));
  const unavailable = results.find((r) => r.error && r.error.status === 501);
  if (unavailable) {
    note(box, 'Change points: not available (' + unavailable.error.message + ').');
  }
  results.forEach((r, i) => {
    if (r.error && r.error.status !== 501) note(box, 'Change points for query ' + (i + 1) + ': ' + r.error.message);
    if (!r.changes) return;
    const h = document.createElement('div');
    h.className = 'cp-head';
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = COLORS[i];
    const q = document.createElement('code');
    q.textContent = state.queries[i];
    h.append(sw, q, document.createTextNode(' — change points (' + (r.model || 'default model') + '): '
      + (r.changes.length ? '' : 'none')));
    box.append(h);
    const ul = document.createElement('ul');
    ul.className = 'cp-list';
    for (const c of r.changes) {
      const li = document.createElement('li');
      const f = r.model === 'binomial' ? pctText : num;
      li.textContent = c.date + ': ' + f(c.before) + ' → ' + f(c.after)
        + (c.before_ci ? ' (95% CI ' + c.before_ci.map(f).join('–') + ' → ' + (c.after_ci || []).map(f).join('–') + ')' : '')
        + (typeof c.relative_change === 'number' ? ', ' + (c.relative_change >= 0 ? '+' : '') + Math.round(c.relative_change * 100) + '%' : '')
        + ', ' + confidenceText(c);
      ul.append(li);
    }
    box.append(ul);
  });
  if (mainChart) mainChart.redraw(false);
}

function num(v) {
  if (typeof v !== 'number') return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(2);
}

function pctText(v) {
  return typeof v === 'number' ? (v * 100).toFixed(2) + '%' : String(v);
}

function note(box, text) {
  const p = document.createElement('p');
  p.className = 'muted';
  p.textContent = text;
  box.append(p);
}

// ---------- per-outlet and per-group panels ----------

let panelData = { outlet: null, group: null };

async function loadPanels(seq) {
  panelData = { outlet: null, group: null };
  const q = state.queries[0];
  await Promise.all(['outlet', 'group'].map(async (facet) => {
    const p = selectionParams(new URLSearchParams());
    p.set('q', q);
    p.set('facet', facet);
    p.set('top', '6');
    try {
      panelData[facet] = await getJson('/api/breakdown?' + p.toString());
    } catch (e) {
      panelData[facet] = { error: e.message };
    }
  }));
  if (seq !== runSeq) return;
  drawPanels();
}

function drawPanels() {
  panelCharts.splice(0).forEach((c) => c.destroy());
  for (const facet of ['outlet', 'group']) {
    const box = $('panels-' + facet);
    box.replaceChildren();
    const d = panelData[facet];
    if (!d) continue;
    if (d.error) { note(box, d.error); continue; }
    if (!d.series.length) { note(box, 'no ' + facet + 's in this selection'); continue; }
    const width = Math.max(300, box.clientWidth || 440);
    for (const s of d.series) {
      const holder = document.createElement('div');
      holder.className = 'panel';
      box.append(holder);
      const xs = s.buckets.map((b) => toTs(b.start));
      const c = new uPlot(chartOpts(width, 130, [{ label: s.value, stroke: COLORS[0], width: 1.5, value: (u, v) => fmtValue(v) }],
        false, s.value + ' (' + s.matches + ')'), [xs, values(s)], holder);
      panelCharts.push(c);
      if (mainChart) c.setScale('x', { min: mainChart.scales.x.min, max: mainChart.scales.x.max });
    }
    if (d.omitted) note(box, d.omitted + ' more not shown');
  }
}

// ---------- articles behind a bucket ----------

async function onChartClick() {
  if (!mainChart || mainChart.cursor.idx == null || !data) return;
  const idx = mainChart.cursor.idx;
  const start = data.series[0].buckets[idx].start;
  const end = bucketEnd(start, state.by);
  const section = $('articles-section');
  section.hidden = false;
  $('articles-title').textContent = 'Articles in the ' + state.by + ' of ' + start + (end !== start ? ' to ' + end : '');
  const box = $('articles');
  box.replaceChildren();
  for (let i = 0; i < state.queries.length; i++) {
    const p = new URLSearchParams();
    p.set('q', state.queries[i]);
    p.set('from', start > (state.from || start) ? start : (state.from || start));
    p.set('to', state.to && state.to < end ? state.to : end);
    state.outlets.forEach((o) => p.append('outlet', o));
    state.groups.forEach((g) => p.append('group', g));
    p.set('limit', '20');
    const head = document.createElement('h3');
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = COLORS[i];
    const code = document.createElement('code');
    code.textContent = state.queries[i];
    head.append(sw, code);
    box.append(head);
    const keys = document.createElement('div');
    box.append(keys);
    showKeyTerms(keys, { q: state.queries[i], start, from: p.get('from'), to: p.get('to'), by: state.by, first: state.from,
      outlets: state.outlets, groups: state.groups, getJson });
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

function hitItem(h) {
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

// ---------- downloads ----------

/** The chart as a PNG, with the queries and the selection written above it so the image says what it shows. */
function chartPng() {
  if (!mainChart) return Promise.resolve(null);
  const src = mainChart.ctx.canvas;
  const px = devicePixelRatio || 1;
  const lines = data.series.map((s, i) => ({ text: (i + 1) + '. ' + s.query, color: COLORS[i] }));
  const sel = data.selection;
  lines.push({ text: state.mode + ' per ' + state.by + ', ' + data.unit + (state.smooth > 1 ? ', centred moving average ' + state.smooth : '')
    + ' · ' + (sel.from || data.series[0].from) + ' – ' + (sel.to || data.series[0].to)
    + (sel.outlets.length ? ' · outlets ' + sel.outlets.join(', ') : '') + (sel.groups.length ? ' · groups ' + sel.groups.join(', ') : ''),
  color: '#333' });
  shownPolls().forEach((p) => lines.push({ text: 'poll (right axis, %, 95% sampling intervals): ' + p.data.pollster + ': '
    + p.data.question + ' — ' + p.data.answer, color: p.color }));
  const lineH = 18 * px;
  const out = document.createElement('canvas');
  out.width = src.width;
  out.height = src.height + lineH * (lines.length + 1);
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.font = (13 * px) + 'px sans-serif';
  lines.forEach((l, i) => { ctx.fillStyle = l.color; ctx.fillText(l.text, 10 * px, lineH * (i + 1)); });
  ctx.drawImage(src, 0, lineH * (lines.length + 0.5));
  return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
}

async function downloadPng() {
  const blob = await chartPng();
  if (!blob) return;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'nwatch-chart.png';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// ---------- events ----------

async function loadEvents() {
  try {
    events = (await getJson('/api/events')).events;
  } catch (e) {
    events = [];
    $('ev-status').textContent = 'events: ' + e.message;
  }
  renderEvents();
  if (mainChart) mainChart.redraw(false);
}

function renderEvents() {
  const ul = $('event-list');
  ul.replaceChildren();
  for (const ev of events) {
    const li = document.createElement('li');
    const dot = document.createElement('span');
    dot.className = 'swatch';
    dot.style.background = KIND_COLORS[ev.kind] || KIND_COLORS.other;
    const text = document.createElement('span');
    text.textContent = ev.date + ' · ' + ev.label + ' (' + ev.kind + ')';
    const del = document.createElement('button');
    del.type = 'button';
    del.className = 'small';
    del.textContent = 'delete';
    del.addEventListener('click', () => deleteEvent(ev));
    li.append(dot, text, del);
    ul.append(li);
  }
}

function tokenHeaders(extra) {
  const t = $('token').value.trim();
  if (t) localStorage.setItem('nwatch-token', t);
  return Object.assign({ 'X-NWatch-Token': t }, extra || {});
}

async function writeEvents(url, init, okText) {
  try {
    const r = await getJson(url, init);
    $('ev-status').textContent = typeof okText === 'function' ? okText(r) : okText;
    await loadEvents();
  } catch (e) {
    $('ev-status').textContent = e.status === 401 || e.status === 403 ? 'token needed: ' + e.message : e.message;
  }
}

async function deleteEvent(ev) {
  await writeEvents('/api/events/' + encodeURIComponent(ev.id), { method: 'DELETE', headers: tokenHeaders() }, 'deleted');
}

// ---------- wiring ----------

async function loadFilters() {
  try {
    const [outlets, groups, stats] = await Promise.all([getJson('/api/outlets'), getJson('/api/groups'), getJson('/api/stats')]);
    fillSelect($('outlet'), outlets.outlets.map((o) => [o.outlet, o.outlet + ' (' + o.articles + ')']));
    fillSelect($('group'), groups.groups.map((g) => [g.group, g.group + ' (' + g.articles + ')']));
    $('corpus').textContent = stats.articles + ' articles, ' + stats.outlets + ' outlets, ' + stats.from + ' – ' + stats.to;
  } catch (e) {
    $('corpus').textContent = 'corpus: ' + e.message;
  }
}

function fillSelect(sel, pairs) {
  sel.replaceChildren();
  for (const [value, label] of pairs) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    sel.append(o);
  }
}

function init() {
  $('token').value = localStorage.getItem('nwatch-token') || '';
  $('query-form').addEventListener('submit', (e) => { e.preventDefault(); readForm(); state.zoom = null; renderQueryRows(); run(); });
  $('add-query').addEventListener('click', () => {
    readForm();
    if (state.queries.length < MAX_QUERIES) state.queries.push('');
    renderQueryRows();
    const inputs = document.querySelectorAll('input.query');
    inputs[inputs.length - 1].focus();
  });
  for (const id of ['by', 'from', 'to', 'unit', 'outlet', 'group']) {
    $(id).addEventListener('change', () => { readForm(); state.zoom = null; run(); });
  }
  $('poll').addEventListener('change', () => {
    readForm();
    selectValues($('poll'), state.polls);
    writeHash();
    loadPolls();
  });
  document.querySelectorAll('nav.tabs button').forEach((b) => b.addEventListener('click', () => {
    state.view = b.dataset.view;
    writeHash();
    showView();
  }));
  for (const id of ['smooth', 'log', 'show-ev']) {
    $(id).addEventListener('change', () => { readForm(); writeHash(); draw(); });
  }
  $('show-cp').addEventListener('change', () => { readForm(); writeHash(); if (state.cp) loadChanges(runSeq); else { $('changes').replaceChildren(); draw(); } });
  document.querySelectorAll('input[name=mode]').forEach((r) => r.addEventListener('change', () => {
    readForm(); writeHash(); draw(); if (state.cp) loadChanges(runSeq);
  }));
  $('data-table-box').addEventListener('toggle', () => { if ($('data-table-box').open) renderTable(); });
  $('dl-png').addEventListener('click', downloadPng);
  $('copy-link').addEventListener('click', async () => {
    writeHash();
    try { await navigator.clipboard.writeText(location.href); setStatus('link copied'); } catch (e) { setStatus(location.href); }
  });
  $('event-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const body = JSON.stringify({ date: $('ev-date').value, label: $('ev-label').value, kind: $('ev-kind').value });
    writeEvents('/api/events', { method: 'POST', headers: tokenHeaders({ 'Content-Type': 'application/json' }), body }, 'added');
  });
  $('ev-import').addEventListener('change', async () => {
    const f = $('ev-import').files[0];
    if (!f) return;
    const text = await f.text();
    $('ev-import').value = '';
    writeEvents('/api/events.csv', { method: 'POST', headers: tokenHeaders({ 'Content-Type': 'text/csv' }), body: text },
      (r) => 'imported: ' + r.added + ' added, ' + r.skipped + ' already present');
  });
  window.addEventListener('hashchange', () => { readHash(); writeForm(); showView(); run(); loadPolls(); });
  let resizeTimer = null;
  window.addEventListener('resize', () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(draw, 200); });

  map = createMap({ $, getJson, onDate: (d) => { state.mapDate = d; writeHash(); } });
  readHash();
  writeForm();
  showView();
  Promise.all([loadFilters(), loadEvents(), loadPollList()]).then(() => { writeForm(); run(); loadPolls(); });
}

/** Timelines or Map: both live in the page; the hash says which one shows. */
function showView() {
  const onMap = state.view === 'map';
  $('view-timelines').hidden = onMap;
  $('view-map').hidden = !onMap;
  document.querySelectorAll('nav.tabs button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.view === state.view)));
  if (onMap) map.start(state.mapDate);
  else if (mainChart) draw();
}

// Read-only handle for browser tests and the console: the live chart and the view state.
window.nwatchDashboard = Object.freeze({ chart: () => mainChart, panels: () => panelCharts.length, state, png: chartPng,
  pollsDrawn: () => pollsDrawn, mapPaths: () => (map ? map.paths() : 0) });

init();
