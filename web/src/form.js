// The query form: view state -> form fields and back.
import { $, COLORS, swatch, selectValues } from './dom.js';
import { MAX_QUERIES, MAX_POLLS } from './state.js';

/** deps: st (the state), onRemoveQuery() (after a query box was removed) */
export function createForm(deps) {
  const { st, onRemoveQuery } = deps;
  const view = st.view;

  function renderQueryRows() {
    const box = $('queries');
    box.replaceChildren();
    view.queries.forEach((q, i) => {
      const row = document.createElement('div');
      row.className = 'query-row';
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
      del.disabled = view.queries.length === 1;
      del.addEventListener('click', () => {
        readForm();
        view.queries.splice(i, 1);
        renderQueryRows();
        onRemoveQuery();
      });
      const err = document.createElement('span');
      err.className = 'error query-error';
      err.setAttribute('role', 'alert');
      row.append(swatch(COLORS[i]), input, del, err);
      box.append(row);
    });
    $('add-query').disabled = view.queries.length >= MAX_QUERIES;
    $('query-count').textContent = view.queries.length + ' of ' + MAX_QUERIES + ' queries';
  }

  function writeForm() {
    renderQueryRows();
    $('by').value = view.by;
    $('from').value = view.from;
    $('to').value = view.to;
    document.querySelectorAll('input[name=mode]').forEach((r) => { r.checked = r.value === view.mode; });
    $('unit').value = view.unit;
    if (![...$('smooth').options].some((o) => o.value === String(view.smooth))) {
      const o = document.createElement('option');
      o.value = o.textContent = String(view.smooth);
      $('smooth').append(o);
    }
    $('smooth').value = String(view.smooth);
    $('log').checked = view.log;
    $('show-cp').checked = view.cp;
    $('show-ev').checked = view.ev;
    selectValues($('outlet'), view.outlets);
    selectValues($('group'), view.groups);
    selectValues($('poll'), view.polls);
  }

  function readForm() {
    view.queries = [...document.querySelectorAll('input.query')].map((i) => i.value.trim()).filter((q) => q !== '');
    if (!view.queries.length) view.queries = ['']; // refused by run(), not read as *
    view.by = $('by').value;
    view.from = $('from').value;
    view.to = $('to').value;
    view.mode = document.querySelector('input[name=mode]:checked').value;
    view.unit = $('unit').value;
    view.smooth = parseInt($('smooth').value, 10) || 0;
    view.log = $('log').checked;
    view.cp = $('show-cp').checked;
    view.ev = $('show-ev').checked;
    view.outlets = [...$('outlet').selectedOptions].map((o) => o.value);
    view.groups = [...$('group').selectedOptions].map((o) => o.value);
    view.polls = [...$('poll').selectedOptions].map((o) => o.value).slice(0, MAX_POLLS);
    if ($('panel-query').value !== '') view.panel = parseInt($('panel-query').value, 10) || 0;
  }

  return { renderQueryRows, writeForm, readForm };
}
