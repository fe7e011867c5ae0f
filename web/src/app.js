// NarrativeWatch dashboard: plain ES modules over the HTTP API; uPlot is bundled at build time.
// This module wires the others together; the state lives in one object (state.js) handed to each of them.
// Article text is only ever put into the page through textContent: never innerHTML.
import { $, fillSelect, selectValues } from './dom.js';
import { createState, readHash, hashOf, MAX_QUERIES } from './state.js';
import { getJson, timelinesUrl } from './api.js';
import { createForm } from './form.js';
import { createPolls } from './polls.js';
import { createCharts } from './chart.js';
import { createNumbers } from './numbers.js';
import { createChanges } from './changes.js';
import { createPanels } from './panels.js';
import { createArticles } from './articles.js';
import { createEvents } from './events.js';
import { chartPng, saveBlob } from './exports.js';
import { createMap } from './map.js';

const st = createState();
const view = st.view;

function writeHash() {
  const h = hashOf(view);
  if (location.hash !== h) history.replaceState(null, '', h);
}

/** Redraws everything from the loaded data (after a change of display options, or when data arrived). */
function draw() {
  if (!st.data) return;
  charts.drawMain();
  $('smooth-note').textContent = view.smooth > 1
    ? 'Smoothed: centred moving average over ' + view.smooth + ' ' + view.by + ' buckets (' + ((view.smooth - 1) / 2)
      + ' either side)' + (view.mode === 'share' ? ', as Σcount ÷ Σtotal over the window' : '') + '.'
    : (view.log ? 'Log scale: buckets with zero are not drawn.' : '');
  numbers.renderSummary();
  if ($('data-table-box').open) numbers.renderTable();
  panels.draw();
}

const form = createForm({ st, onRemoveQuery: () => run() });
const polls = createPolls({ st, getJson, redraw: draw });
const charts = createCharts({ st, polls, onBucketClick, onZoomed: writeHash });
const numbers = createNumbers({ st });
const changes = createChanges({ st, getJson, redraw: charts.redraw });
const panels = createPanels({ st, getJson, charts });
const articles = createArticles({ st, getJson });
const events = createEvents({ st, getJson, redraw: charts.redraw });
const map = createMap({ $, getJson, onDate: (d) => { view.mapDate = d; writeHash(); } });

// ---------- main flow ----------

async function run() {
  writeHash();
  const seq = ++st.runSeq;
  document.querySelectorAll('.query-error').forEach((e) => { e.textContent = ''; });
  document.querySelectorAll('input.query').forEach((e) => e.classList.remove('bad'));
  setStatus('running…');
  $('dl-csv').href = timelinesUrl(view, 'csv');
  $('dl-json').href = timelinesUrl(view, 'json');
  try {
    const answer = await getJson(timelinesUrl(view));
    if (seq !== st.runSeq) return;
    st.data = answer;
    hideMessage();
    st.changes = view.queries.map(() => null);
    draw();
    setStatus(describe());
    document.body.dataset.drawn = String(seq);
    changes.load(seq);
    panels.load(seq);
  } catch (e) {
    if (seq !== st.runSeq) return;
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
  charts.destroyMain();
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
  const s = st.data.series[0];
  const n = s ? s.buckets.length : 0;
  return st.data.series.length + ' quer' + (st.data.series.length === 1 ? 'y' : 'ies') + ', ' + n + ' ' + view.by
    + ' buckets' + (s ? ' from ' + s.from + ' to ' + s.to : '');
}

function onBucketClick() {
  const main = st.charts.main;
  if (!main || main.cursor.idx == null || !st.data) return;
  articles.open(main.cursor.idx);
}

async function downloadPng() {
  saveBlob(await chartPng(st, polls), 'nwatch-chart.png');
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
  $('data-table-box').addEventListener('toggle', () => { if ($('data-table-box').open) numbers.renderTable(); });
  $('dl-png').addEventListener('click', downloadPng);
  $('copy-link').addEventListener('click', async () => {
    writeHash();
    try { await navigator.clipboard.writeText(location.href); setStatus('link copied'); } catch (e) { setStatus(location.href); }
  });
  events.wire();
  window.addEventListener('hashchange', () => { readHash(view, location.hash); form.writeForm(); showView(); run(); polls.load(); });
  let resizeTimer = null;
  window.addEventListener('resize', () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(draw, 200); });

  readHash(view, location.hash);
  form.writeForm();
  showView();
  Promise.all([loadFilters(), events.load(), polls.loadList()]).then(() => { form.writeForm(); run(); polls.load(); });
}

// Read-only handle for browser tests and the console: the live chart and the view state.
window.nwatchDashboard = Object.freeze({ chart: () => st.charts.main, panels: () => st.charts.panels.length, state: view,
  png: () => chartPng(st, polls), pollsDrawn: () => st.polls.drawn, mapPaths: () => map.paths() });

init();
