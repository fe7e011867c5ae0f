// NarrativeWatch dashboard: plain ES modules over the HTTP API; uPlot is bundled at build time.
// This module wires the others together; the state lives in one object (state.js) handed to each of them.
// Article text is only ever put into the page through textContent: never innerHTML.
import { $, COLORS, fillSelect, selectValues } from './dom.js';
import { createState, readHash, hashOf, MAX_QUERIES } from './state.js';
import { getJson, timelinesUrl } from './api.js';
import { smoothingFor } from './format.js';
import { createForm } from './form.js';
import { createPolls } from './polls.js';
import { createCharts } from './chart.js';
import { createNumbers } from './numbers.js';
import { createChanges } from './changes.js';
import { createPanels } from './panels.js';
import { createArticles } from './articles.js';
import { createEvents } from './events.js';
import { createCursorInfo } from './cursorinfo.js';
import { chartPng, chartSvg, saveBlob, updateLinks, exportName, captionLines } from './exports.js';
import { createMap } from './map.js';

const st = createState();
const view = st.view;

function writeHash() {
  const h = hashOf(view);
  if (location.hash !== h) history.replaceState(null, '', h);
}

const form = createForm({ st, onRemoveQuery: () => run() });
const polls = createPolls({ st, getJson, redraw: () => draw() });
const articles = createArticles({ st, getJson });
const cursorInfo = createCursorInfo({ st });
const charts = createCharts({ st, polls, onBucket: (i) => articles.open(i), onCursor: cursorInfo.show,
  onZoomed: () => { writeHash(); updateLinks(st, charts, $); } });
const numbers = createNumbers({ st, onBucket: (i) => articles.open(i) });
const changes = createChanges({ st, getJson, redraw: charts.redraw });
const panels = createPanels({ st, getJson, charts });
const events = createEvents({ st, getJson, redraw: charts.redraw });
const map = createMap({ $, getJson, onDate: (d) => { view.mapDate = d; writeHash(); } });

/** Redraws everything from the loaded data (after a change of display options, or when data arrived). */
function draw() {
  if (!st.data) return;
  const n = st.data.series[0] ? st.data.series[0].buckets.length : 0;
  st.smoothing = smoothingFor(view, n, Math.max(200, ($('chart').clientWidth || 900) - 80));
  charts.drawMain();
  smoothNote(n);
  numbers.renderSummary();
  if ($('data-table-box').open) numbers.renderTable();
  panels.draw();
  updateLinks(st, charts, $);
}

/** Says how the lines are smoothed; for long daily ranges, why, with the ways out (no smoothing, weeks, months). */
function smoothNote(n) {
  const box = $('smooth-note');
  box.replaceChildren();
  const w = st.smoothing;
  let text = '';
  if (w > 1) {
    text = (view.smooth ? 'Smoothed' : n.toLocaleString('en-US') + ' daily buckets are more than the chart has pixels: smoothed (auto)')
      + ': centred moving average over ' + w + ' ' + view.by + ' buckets (' + ((w - 1) / 2) + ' either side)'
      + (view.mode === 'share' ? ', as Σcount ÷ Σtotal over the window' : '') + '.';
  } else if (view.log) {
    text = 'Log scale: buckets with zero are not drawn.';
  }
  box.append(document.createTextNode(text));
  if (!view.smooth && w > 1) {
    const offer = (label, change) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'small';
      b.textContent = label;
      b.addEventListener('click', () => { Object.assign(view, change); view.zoom = null; form.writeForm(); run(); });
      box.append(' ', b);
    };
    offer('no smoothing', { smooth: 1 });
    offer('by week', { by: 'week' });
    offer('by month', { by: 'month' });
  }
}

// ---------- main flow ----------

/**
 * Draws the queries. A query that fails (syntax, or a prefix that expands too far) is marked beside its box and the
 * others are drawn; an empty box is refused rather than read as "*".
 */
async function run() {
  writeHash();
  const seq = ++st.runSeq;
  document.querySelectorAll('.query-error').forEach((e) => { e.textContent = ''; });
  document.querySelectorAll('input.query').forEach((e) => e.classList.remove('bad'));
  if (view.queries.every((q) => q.trim() === '')) {
    markQuery(0, 'empty query: type what to count, or * for every article');
    showMessage('Not drawn: the query is empty.');
    setStatus('nothing to draw');
    return;
  }
  setStatus('running…');
  const bad = new Map(); // query index -> message
  let answer = null;
  for (;;) {
    const sent = view.queries.map((q, i) => i).filter((i) => !bad.has(i) && view.queries[i].trim() !== '');
    if (!sent.length) break;
    try {
      answer = await getJson(timelinesUrl(Object.assign({}, view, { queries: sent.map((i) => view.queries[i]) })));
      answer.series.forEach((s, k) => { s.qi = sent[k]; });
      break;
    } catch (e) {
      if (seq !== st.runSeq) return;
      const found = await blame(e, sent);
      if (!found.size) { showError(e); return; }
      found.forEach((m, i) => bad.set(i, m));
    }
  }
  if (seq !== st.runSeq) return;
  bad.forEach((m, i) => markQuery(i, m));
  if (!answer) {
    showMessage('Not drawn: ' + (bad.size === 1 ? 'the query has an error' : 'every query has an error') + ' (shown next to it).');
    setStatus('error');
    return;
  }
  const first = answer.series[0];
  if (!first || !first.buckets.length) {
    const c = st.corpus;
    showMessage('Nothing to draw: ' + (view.from || view.to ? 'the range ' + (view.from || '…') + ' – ' + (view.to || '…')
      + ' holds no day of the corpus' + (c ? ' (' + c.from + ' – ' + c.to + ')' : '') : 'the corpus is empty') + '.');
    setStatus('no buckets');
    return;
  }
  st.data = answer;
  hideMessage();
  st.changes = view.queries.map(() => null);
  draw();
  const empty = first.buckets.every((b) => b.gap);
  setStatus(describe() + (empty ? ' — the selection has no articles in this range (every bucket is a gap)' : '') + (bad.size ? '; not drawn: query ' + [...bad.keys()].map((i) => i + 1).join(', ') + ' (see the error beside it)' : ''));
  document.body.dataset.drawn = String(seq);
  changes.load(seq);
  panels.load(seq);
}

/**
 * Which of the sent queries an error belongs to: the server names it (param q or q[k]); when it does not and several
 * queries were sent, each is tried alone.
 */
async function blame(e, sent) {
  const out = new Map();
  const body = e.body || {};
  const m = /^q(?:\[(\d+)\])?$/.exec(body.param || '');
  if (m) {
    const k = m[1] ? parseInt(m[1], 10) - 1 : 0;
    if (sent[k] != null) out.set(sent[k], e.message);
    return out;
  }
  if (e.status !== 400 || sent.length < 2) return out;
  await Promise.all(sent.map(async (i) => {
    try {
      await getJson(timelinesUrl(Object.assign({}, view, { queries: [view.queries[i]] })));
    } catch (e2) {
      if (e2.status === 400) out.set(i, e2.message);
    }
  }));
  return out;
}

function markQuery(i, message) {
  const row = document.querySelectorAll('.query-row')[i];
  if (!row) return;
  row.querySelector('.query-error').textContent = message;
  row.querySelector('input.query').classList.add('bad');
  row.querySelector('input.query').setAttribute('aria-invalid', 'true');
}

function showError(e) {
  showMessage('Not drawn: ' + e.message);
  setStatus('error');
}

/** Nothing is drawn: everything that showed the last answer goes, so nothing stale stays beside the message. */
function showMessage(text) {
  st.data = null;
  charts.destroyMain();
  $('chart-message').textContent = text;
  $('chart-message').hidden = false;
  for (const id of ['summary', 'changes', 'data-table', 'cursor-info', 'partial-note', 'export-range']) $(id).replaceChildren();
  charts.destroyPanels();
  for (const facet of ['outlet', 'group']) $('panels-' + facet).replaceChildren();
  st.panelData = { outlet: null, group: null };
  $('articles-section').hidden = true;
  document.body.dataset.drawn = 'message-' + st.runSeq;
}

function hideMessage() {
  $('chart-message').hidden = true;
}

function setStatus(text) {
  $('status').textContent = text;
}

function describe() {
  const s = st.data.series[0];
  const n = s ? s.buckets.length : 0;
  return st.data.series.length + ' quer' + (st.data.series.length === 1 ? 'y' : 'ies') + ', ' + n.toLocaleString('en-US') + ' ' + view.by
    + ' buckets' + (s ? ' from ' + s.from + ' to ' + s.to : '');
}

async function downloadPng() {
  saveBlob(await chartPng(st, charts, polls), exportName(st, charts, 'png'));
}

function downloadSvg() {
  const text = chartSvg(st, charts, polls);
  if (text) saveBlob(new Blob([text], { type: 'image/svg+xml' }), exportName(st, charts, 'svg'));
}

// ---------- wiring ----------

async function loadFilters() {
  try {
    const [outlets, groups, stats] = await Promise.all([getJson('/api/outlets'), getJson('/api/groups'), getJson('/api/stats')]);
    fillSelect($('outlet'), outlets.outlets.map((o) => [o.outlet, o.outlet + (o.group ? ' · ' + o.group : '') + ' (' + o.articles + ')']));
    fillSelect($('group'), groups.groups.map((g) => [g.group, g.group + ' (' + g.articles + ')']));
    $('group-note').textContent = groups.groups.length ? '' : 'no groups: give outlets a group in the outlet directory (see docs/dashboard.md)';
    st.corpus = stats;
    $('corpus').textContent = stats.articles.toLocaleString('en-US') + ' articles, ' + stats.outlets + ' outlet' + (stats.outlets === 1 ? '' : 's')
      + ', ' + stats.from + ' – ' + stats.to;
  } catch (e) {
    $('corpus').textContent = 'corpus: ' + e.message;
  }
}

/** Timelines or Map: both live in the page; the hash says which one shows. */
function showView() {
  const onMap = view.view === 'map';
  $('view-timelines').hidden = onMap;
  $('view-map').hidden = !onMap;
  document.querySelectorAll('nav.tabs button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.view === view.view)));
  if (onMap) map.start(view.mapDate);
  else if (st.charts.main) draw();
}

function init() {
  $('query-form').addEventListener('submit', (e) => { e.preventDefault(); form.readForm(); view.zoom = null; form.renderQueryRows(); run(); });
  $('add-query').addEventListener('click', () => {
    form.readForm();
    if (view.queries.length < MAX_QUERIES) view.queries.push('');
    form.renderQueryRows();
    const inputs = document.querySelectorAll('input.query');
    inputs[inputs.length - 1].focus();
  });
  for (const id of ['by', 'from', 'to', 'unit', 'outlet', 'group']) {
    $(id).addEventListener('change', () => { form.readForm(); view.zoom = null; run(); });
  }
  $('poll').addEventListener('change', () => {
    form.readForm();
    selectValues($('poll'), view.polls);
    writeHash();
    polls.load();
  });
  polls.wire();
  document.querySelectorAll('nav.tabs button').forEach((b) => b.addEventListener('click', () => {
    view.view = b.dataset.view;
    writeHash();
    showView();
  }));
  for (const id of ['smooth', 'log', 'show-ev']) {
    $(id).addEventListener('change', () => { form.readForm(); writeHash(); draw(); });
  }
  $('show-cp').addEventListener('change', () => {
    form.readForm(); writeHash();
    if (view.cp) changes.load(st.runSeq); else { changes.clear(); draw(); }
  });
  document.querySelectorAll('input[name=mode]').forEach((r) => r.addEventListener('change', () => {
    form.readForm(); writeHash(); draw(); if (view.cp) changes.load(st.runSeq);
  }));
  $('panel-query').addEventListener('change', () => {
    form.readForm(); writeHash(); panels.load(st.runSeq);
  });
  $('data-table-box').addEventListener('toggle', () => { if ($('data-table-box').open) numbers.renderTable(); });
  $('dl-png').addEventListener('click', downloadPng);
  $('dl-svg').addEventListener('click', downloadSvg);
  $('copy-link').addEventListener('click', async () => {
    writeHash();
    try { await navigator.clipboard.writeText(location.href); setStatus('link copied'); } catch (e) { setStatus(location.href); }
  });
  charts.wireKeyboard();
  articles.wire();
  events.wire();
  window.addEventListener('hashchange', () => { readHash(view, location.hash); form.writeForm(); showView(); run(); polls.load(); });
  let resizeTimer = null;
  window.addEventListener('resize', () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(draw, 200); });

  readHash(view, location.hash);
  form.writeForm();
  showView();
  Promise.all([loadFilters(), events.load(), polls.loadList()]).then(() => { form.writeForm(); run(); polls.load(); });
}

// Read-only handle for browser tests and the console: the live chart, the view state, the placed labels, exports.
window.nwatchDashboard = Object.freeze({
  chart: () => st.charts.main, panels: () => st.charts.panels.length, state: view,
  png: () => chartPng(st, charts, polls), svg: () => chartSvg(st, charts, polls),
  labels: () => (st.charts.scene ? st.charts.scene.labels.map((l) => ({ kind: l.kind, x0: l.x0, x1: l.x1, y0: l.y0, y1: l.y1,
    text: l.text, dates: l.dates, query: l.query })) : []),
  plot: () => (st.charts.main ? { width: st.charts.main.over.clientWidth, height: st.charts.main.over.clientHeight,
    xmin: st.charts.main.scales.x.min, xmax: st.charts.main.scales.x.max } : null),
  partials: () => (st.charts.scene ? st.charts.scene.hatches.length : 0),
  caption: () => (st.data ? captionLines(st, charts, polls).map((l) => l.text) : []),
  smoothing: () => st.smoothing, colors: COLORS,
  pollsDrawn: () => st.polls.drawn, mapPaths: () => map.paths(),
});

init();
