// The events layer: the list under the charts, and adding, deleting and importing them with the token.
import { $, KIND_COLORS, swatch } from './dom.js';

/** deps: st (the state), getJson, redraw() (after the list changed) */
export function createEvents(deps) {
  const { st, getJson, redraw } = deps;

  async function load() {
    try {
      st.events = (await getJson('/api/events')).events;
    } catch (e) {
      st.events = [];
      $('ev-status').textContent = 'events: ' + e.message;
    }
    render();
    redraw();
  }

  function render() {
    const ul = $('event-list');
    ul.replaceChildren();
    for (const ev of st.events) {
      const li = document.createElement('li');
      const text = document.createElement('span');
      text.textContent = ev.date + ' · ' + ev.label + ' (' + ev.kind + ')';
      const del = document.createElement('button');
      del.type = 'button';
      del.className = 'small';
      del.textContent = 'delete';
      del.setAttribute('aria-label', 'delete event ' + ev.date + ' ' + ev.label);
      del.title = 'delete this event (needs the token)';
      del.addEventListener('click', () => remove(ev));
      li.append(swatch(KIND_COLORS[ev.kind] || KIND_COLORS.other), text, del);
      ul.append(li);
    }
  }

  function tokenHeaders(extra) {
    const t = $('token').value.trim();
    if (t) localStorage.setItem('nwatch-token', t);
    return Object.assign({ 'X-NWatch-Token': t }, extra || {});
  }

  async function write(url, init, okText) {
    try {
      const r = await getJson(url, init);
      $('ev-status').textContent = typeof okText === 'function' ? okText(r) : okText;
      await load();
    } catch (e) {
      $('ev-status').textContent = e.status === 401 || e.status === 403 ? 'token needed: ' + e.message : e.message;
    }
  }

  async function remove(ev) {
    await write('/api/events/' + encodeURIComponent(ev.id), { method: 'DELETE', headers: tokenHeaders() }, 'deleted');
  }

  function wire() {
    $('token').value = localStorage.getItem('nwatch-token') || '';
    $('event-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const body = JSON.stringify({ date: $('ev-date').value, label: $('ev-label').value, kind: $('ev-kind').value });
      write('/api/events', { method: 'POST', headers: tokenHeaders({ 'Content-Type': 'application/json' }), body }, 'added');
    });
    $('ev-import').addEventListener('change', async () => {
      const f = $('ev-import').files[0];
      if (!f) return;
      const text = await f.text();
      $('ev-import').value = '';
      $('ev-status').textContent = 'importing ' + f.name + '…';
      write('/api/events.csv', { method: 'POST', headers: tokenHeaders({ 'Content-Type': 'text/csv' }), body: text },
        (r) => 'imported: ' + r.added + ' added, ' + r.skipped + ' already present');
    });
  }

  return { load, wire };
}
