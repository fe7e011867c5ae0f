// "Add this view to a brief": the view in the URL hash (queries, bucket, dates, measure, outlets, groups) as a
// ```figure block made by the server (/api/briefs/figure, the brief format's own YAML), to copy or to append to a
// brief of the --briefs folder (a write: it sends the token from the events panel). Self-contained: it reads only the
// hash and adds its own button and panel, so it does not depend on the rest of the page's code.

const $ = (id) => document.getElementById(id);

function viewParams() {
  const h = new URLSearchParams(location.hash.slice(1));
  const p = new URLSearchParams();
  h.getAll('q').filter((q) => q.trim() !== '').forEach((q) => p.append('q', q));
  for (const k of ['by', 'from', 'to', 'mode', 'unit']) {
    if (h.get(k)) p.set(k, h.get(k));
  }
  h.getAll('outlet').forEach((o) => p.append('outlet', o));
  h.getAll('group').forEach((g) => p.append('group', g));
  return p;
}

function el(tag, props = {}, children = []) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  children.forEach((c) => e.append(c));
  return e;
}

async function loadBriefs(select, appendRow, status) {
  const r = await fetch('/api/briefs');
  if (r.status === 501) {
    appendRow.hidden = true;
    status.textContent = 'copy the block into a brief; to append from here, start the server with --briefs DIR';
    return;
  }
  const j = await r.json();
  select.replaceChildren(...j.briefs.map((b) => el('option', {value: b.name, textContent: b.name + ' — ' + (b.title || '')})));
  appendRow.hidden = false;
}

function setup() {
  const anchor = $('copy-link');
  const section = $('chart-section');
  if (!anchor || !section) return;
  const button = el('button', {type: 'button', id: 'add-to-brief', textContent: 'Add to brief',
    title: 'This view as a figure block for a brief (docs/briefs.md)'});
  anchor.after(' ', button);
  const block = el('textarea', {id: 'brief-block', readOnly: true, rows: 9, cols: 80, spellcheck: false});
  const copy = el('button', {type: 'button', id: 'brief-copy', textContent: 'Copy block'});
  const select = el('select', {id: 'brief-target'});
  const fresh = el('input', {type: 'text', id: 'brief-new', placeholder: 'or a new brief: name.md', size: 22});
  const append = el('button', {type: 'button', id: 'brief-append', textContent: 'Append'});
  const status = el('span', {id: 'brief-status', className: 'muted', role: 'status'});
  const appendRow = el('span', {hidden: true}, [el('label', {}, ['Brief ', select]), ' ', fresh, ' ', append]);
  const panel = el('div', {id: 'brief-panel', hidden: true}, [
    el('h3', {textContent: 'Add this view to a brief'}), block, el('div', {className: 'row'}, [copy, ' ', appendRow, ' ', status])]);
  section.append(panel);

  button.addEventListener('click', async () => {
    status.textContent = '';
    const r = await fetch('/api/briefs/figure?' + viewParams().toString());
    const j = await r.json();
    if (!r.ok) {
      status.textContent = j.error || ('error ' + r.status);
      panel.hidden = false;
      return;
    }
    block.value = j.block;
    panel.hidden = false;
    await loadBriefs(select, appendRow, status);
  });
  copy.addEventListener('click', async () => {
    block.select();
    try { await navigator.clipboard.writeText(block.value); status.textContent = 'block copied'; } catch (e) { status.textContent = 'select the block and copy it'; }
  });
  append.addEventListener('click', async () => {
    const name = fresh.value.trim() || select.value;
    if (!name) { status.textContent = 'choose a brief or name a new one'; return; }
    const token = ($('token') && $('token').value) || '';
    const r = await fetch('/api/briefs/' + encodeURIComponent(name) + '/figures', {
      method: 'POST', headers: {'Content-Type': 'text/plain', 'X-NWatch-Token': token}, body: block.value});
    const j = await r.json().catch(() => ({}));
    status.textContent = r.ok ? 'appended ' + (j.appended || []).join(', ') + ' to ' + j.brief + ' (open /briefs/' + j.brief + ')'
      : (j.error || ('error ' + r.status)) + (r.status === 401 ? ': enter the token in the events panel' : '');
    if (r.ok) await loadBriefs(select, appendRow, status);
  });
}

setup();
