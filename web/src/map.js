// The Map tab: GeoJSON from /api/territory/* drawn as SVG, no tile server, no map library.
// Projection: equirectangular, x = lon·cos(φ0), y = lat, with φ0 the middle latitude of the region outlines'
// bounding box (about 48.4° for Ukraine), scaled to fit that box. Near Ukraine's latitudes this keeps shapes
// recognisable (scale error under ±8% north–south of φ0); it is for display only: every figure on the page comes
// from the server, which measures in an equal-area projection. All names are put in with textContent.

const SVG = 'http://www.w3.org/2000/svg';

/** Projection fitted to a [minLon, minLat, maxLon, maxLat] box inside width × height pixels (padding pad). */
export function fitProjection(bbox, width, pad) {
  const [x0, y0, x1, y1] = bbox;
  const k = Math.cos(((y0 + y1) / 2) * Math.PI / 180);
  const spanX = Math.max(1e-9, (x1 - x0) * k);
  const spanY = Math.max(1e-9, y1 - y0);
  const scale = (width - 2 * pad) / spanX;
  const height = Math.ceil(spanY * scale + 2 * pad);
  return {
    width, height,
    project: (lon, lat) => [pad + (lon - x0) * k * scale, pad + (y1 - lat) * scale],
  };
}

/** Bounding box of every coordinate in the features. */
export function bboxOf(features) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1]);
      b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1]);
    } else c.forEach(visit);
  };
  for (const f of features) if (f.geometry) visit(geometries(f.geometry).flatMap((g) => g.coordinates));
  return b;
}

function geometries(g) {
  return g.type === 'GeometryCollection' ? g.geometries.flatMap(geometries) : [g];
}

/** SVG path data of a GeoJSON geometry (polygons closed with Z; even-odd fill keeps holes as holes). */
export function pathData(geometry, project) {
  const parts = [];
  const ring = (coords, close) => {
    if (!coords.length) return;
    parts.push(coords.map((c, i) => {
      const [x, y] = project(c[0], c[1]);
      return (i ? 'L' : 'M') + x.toFixed(1) + ' ' + y.toFixed(1);
    }).join('') + (close ? 'Z' : ''));
  };
  for (const g of geometries(geometry)) {
    switch (g.type) {
      case 'Polygon': g.coordinates.forEach((r) => ring(r, true)); break;
      case 'MultiPolygon': g.coordinates.forEach((p) => p.forEach((r) => ring(r, true))); break;
      case 'LineString': ring(g.coordinates, false); break;
      case 'MultiLineString': g.coordinates.forEach((l) => ring(l, false)); break;
      case 'Point': ring([g.coordinates, g.coordinates], false); break;
      default: break;
    }
  }
  return parts.join('');
}

const STYLE = {
  region: { fill: '#f4f1ea', stroke: '#8a8a8a', width: 0.8 },
  occupied: { fill: 'rgba(200, 40, 40, 0.35)', stroke: 'rgba(160, 30, 30, 0.6)', width: 0.6 },
  contact_line: { fill: 'none', stroke: '#8b0000', width: 2 },
  to_russia: { fill: 'rgba(255, 140, 0, 0.55)', stroke: '#c46200', width: 1 },
  to_ukraine: { fill: 'rgba(30, 110, 220, 0.5)', stroke: '#1e5fbf', width: 1 },
  russian_control_after: { fill: 'none', stroke: '#5a005a', width: 1.5, dash: '5 3' },
  drawn_line: { fill: 'none', stroke: '#000', width: 2, dash: '8 4' },
};

function el(name, attrs) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

export function createMap(deps) {
  const { $, getJson, onDate } = deps;
  let dates = [];
  let regions = null;
  let control = null;
  let overlay = null;
  let applied = null; // the scenario text whose overlay is drawn: recomputed when the date changes
  let projection = null;
  let loadSeq = 0;
  let started = false;
  let wantedDate = '';

  function layer(features, kind) {
    const s = STYLE[kind] || STYLE.region;
    const g = el('g', { class: 'layer layer-' + kind, 'data-kind': kind });
    for (const f of features) {
      if (!f.geometry) continue;
      const d = pathData(f.geometry, projection.project);
      if (!d) continue;
      const p = el('path', { d, fill: s.fill, stroke: s.stroke, 'stroke-width': String(s.width), 'fill-rule': 'evenodd',
        'vector-effect': 'non-scaling-stroke' });
      if (s.dash) p.setAttribute('stroke-dasharray', s.dash);
      const t = el('title');
      const pr = f.properties || {};
      t.textContent = (pr.name || pr.kind || kind) + (pr.area_km2 != null ? ' · ' + fmt(pr.area_km2) + ' km²' : '')
        + (pr.length_km != null ? ' · ' + fmt(pr.length_km) + ' km' : '')
        + (pr.population != null ? ' · ' + fmt(pr.population) + ' people listed' : '');
      p.append(t);
      g.append(p);
    }
    return g;
  }

  function draw() {
    const box = $('map');
    box.replaceChildren();
    if (!regions) return;
    const width = Math.max(480, Math.min(1100, box.clientWidth || 900));
    projection = fitProjection(bboxOf(regions.features), width, 10);
    const svg = el('svg', { width: String(projection.width), height: String(projection.height),
      viewBox: '0 0 ' + projection.width + ' ' + projection.height, role: 'img', 'data-testid': 'map-svg' });
    const label = el('title');
    label.textContent = 'Control map' + (control ? ' on ' + control.snapshot_date : '');
    svg.append(label, layer(regions.features, 'region'));
    if (control) {
      for (const kind of ['occupied', 'contact_line']) {
        svg.append(layer(control.features.filter((f) => f.properties && f.properties.kind === kind), kind));
      }
    }
    if (overlay) {
      for (const kind of ['to_russia', 'to_ukraine', 'russian_control_after', 'drawn_line']) {
        svg.append(layer(overlay.features.filter((f) => f.properties && f.properties.kind === kind), kind));
      }
    }
    box.append(svg);
    document.body.dataset.mapDrawn = String(Date.now());
  }

  function fmt(v) {
    return typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 1 }) : String(v);
  }

  function cellRow(table, cells, head) {
    const row = (head ? table.createTHead() : (table.tBodies[0] || table.createTBody())).insertRow();
    for (const c of cells) {
      const cell = document.createElement(head ? 'th' : 'td');
      cell.textContent = c == null ? '–' : (typeof c === 'number' ? fmt(c) : String(c));
      row.append(cell);
    }
  }

  function renderStats() {
    const box = $('map-stats');
    box.replaceChildren();
    if (!control) return;
    const s = control.stats;
    const occ = control.features.find((f) => f.properties.kind === 'occupied');
    const line = control.features.find((f) => f.properties.kind === 'contact_line');
    const p = document.createElement('p');
    p.textContent = 'Snapshot ' + control.snapshot_date + ': occupied ' + fmt(occ ? occ.properties.area_km2 : null)
      + ' km² of Ukraine\'s land, line of contact ' + fmt(line ? line.properties.length_km : null) + ' km'
      + (s ? ', ' + fmt(s.population_occupied) + ' listed people in the occupied area' : '') + '.'
      + (control.note ? ' ' + control.note : '');
    box.append(p);
    if (!s) return;
    const table = document.createElement('table');
    table.className = 'numbers';
    table.id = 'map-stats-table';
    const bands = (s.near_line || []).map((b) => b.km);
    cellRow(table, ['region', 'land km²', 'occupied km²', 'people listed', 'in occupied part']
      .concat(bands.map((k) => '≤' + k + ' km, occupied side')), true);
    for (const r of s.regions.filter((x) => x.occupied_km2 > 0)) {
      cellRow(table, [r.name, r.area_km2, r.occupied_km2, r.population_total, r.population_occupied]
        .concat(r.near_line.map((b) => b.occupied_side)));
    }
    box.append(table);
    const n = document.createElement('p');
    n.className = 'muted';
    n.textContent = 'People: ' + s.population_note + '. Regions without occupied area are not listed.';
    box.append(n);
  }

  async function loadDate(date) {
    const seq = ++loadSeq;
    $('map-date').textContent = date + ' (loading…)';
    try {
      const c = await getJson('/api/territory/control?date=' + encodeURIComponent(date));
      if (seq !== loadSeq) return;
      control = c;
      $('map-date').textContent = date + (c.snapshot_date !== date ? ' (snapshot ' + c.snapshot_date + ')' : '');
      $('map-error').textContent = '';
      if (applied != null) overlay = null; // of the previous date: recomputed below
      draw();
      renderStats();
      if (applied != null) applyScenario(applied);
    } catch (e) {
      if (seq !== loadSeq) return;
      // nothing of another date stays on screen: the outlines, the server's message, no control or scenario layers
      control = null;
      clearScenario(e.message ? 'scenario not shown: ' + e.message : '');
      $('map-date').textContent = date;
      $('map-error').textContent = e.message;
      $('map-stats').replaceChildren();
      draw();
    }
  }

  function clearScenario(status) {
    overlay = null;
    applied = null;
    $('scenario-result').replaceChildren();
    $('scenario-status').textContent = status || '';
  }

  function sliderDate() {
    return dates[parseInt($('map-slider').value, 10)] || dates[dates.length - 1];
  }

  let scenarioSeq = 0;

  /** Applies the scenario to the map's date (again after the date changed: an overlay is never of another date). */
  async function applyScenario(given) {
    const text = typeof given === 'string' ? given : $('scenario-text').value;
    const box = $('scenario-result');
    const date = control ? control.date || sliderDate() : sliderDate();
    if (!text.trim()) { $('scenario-status').textContent = 'write or load a scenario first'; return; }
    const seq = ++scenarioSeq;
    overlay = null;
    box.replaceChildren();
    draw();
    $('scenario-status').textContent = 'computing for ' + date + '…';
    try {
      const r = await getJson('/api/territory/scenario?date=' + encodeURIComponent(date),
        { method: 'POST', headers: { 'Content-Type': 'application/yaml' }, body: text });
      if (seq !== scenarioSeq) return;
      overlay = r.geojson;
      applied = text;
      box.replaceChildren();
      $('scenario-status').textContent = 'scenario «' + r.result.scenario + '» on the map of ' + r.result.snapshot_date;
      const table = document.createElement('table');
      table.className = 'numbers';
      table.id = 'scenario-table';
      cellRow(table, ['region', 'to Russia km²', 'to Ukraine km²', 'people to Russia', 'people to Ukraine',
        'occupied now km²', 'occupied after km²'], true);
      const row = (x) => cellRow(table, [x.name, x.to_russia_km2, x.to_ukraine_km2, x.population_to_russia,
        x.population_to_ukraine, x.occupied_now_km2, x.occupied_after_km2]);
      r.result.regions.forEach(row);
      row(Object.assign({}, r.result.total, { name: 'total' }));
      box.append(table);
      const n = document.createElement('p');
      n.className = 'muted';
      n.textContent = 'People: ' + r.result.population_note + '.';
      box.append(n);
      draw();
    } catch (e) {
      if (seq !== scenarioSeq) return;
      overlay = null;
      applied = null;
      $('scenario-status').textContent = 'scenario error: ' + e.message;
      draw();
    }
  }

  async function start(date) {
    wantedDate = date || '';
    if (started) {
      if (wantedDate && dates.length) selectDate(wantedDate);
      return;
    }
    started = true;
    try {
      const [d, r] = await Promise.all([getJson('/api/territory/dates'), getJson('/api/territory/regions')]);
      dates = d.dates;
      regions = r;
    } catch (e) {
      started = false;
      $('map-error').textContent = e.status === 501
        ? 'No territory data on this server. ' + e.message + ' — e.g. nwatch serve --geo ../shared/data/geo'
        : e.message;
      return;
    }
    if (!dates.length) { $('map-error').textContent = 'the territory data has no snapshots'; return; }
    const slider = $('map-slider');
    slider.min = '0';
    slider.max = String(dates.length - 1);
    $('map-first').textContent = dates[0];
    $('map-last').textContent = dates[dates.length - 1];
    let timer = null;
    slider.addEventListener('input', () => {
      $('map-date').textContent = sliderDate();
      clearTimeout(timer);
      timer = setTimeout(() => { onDate(sliderDate()); loadDate(sliderDate()); }, 250);
    });
    selectDate(wantedDate || dates[dates.length - 1]);
  }

  function selectDate(date) {
    // the latest snapshot on or before the date, as the server resolves it
    let i = dates.length - 1;
    while (i > 0 && dates[i] > date) i--;
    $('map-slider').value = String(i);
    loadDate(date); // before the first snapshot the server says so, and the page shows its message
  }

  $('scenario-apply').addEventListener('click', () => applyScenario());
  $('scenario-clear').addEventListener('click', () => { scenarioSeq++; clearScenario(''); draw(); });
  $('scenario-file').addEventListener('change', async () => {
    const f = $('scenario-file').files[0];
    if (!f) return;
    if (f.size > 256 * 1024) { $('scenario-status').textContent = 'file too large (at most 256 KiB)'; return; }
    $('scenario-text').value = await f.text();
    $('scenario-file').value = '';
  });

  return { start, redraw: draw, paths: () => document.querySelectorAll('#map svg path').length };
}
