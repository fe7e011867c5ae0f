// Small DOM helpers shared by the dashboard's modules. Text goes in through textContent only.

export const $ = (id) => document.getElementById(id);

export const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf'];
export const POLL_COLORS = ['#111111', '#8c564b', '#e377c2'];
export const KIND_COLORS = { war: '#b22222', talks: '#1e6fbf', politics: '#7a5c00', other: '#666666' };

export function swatch(color) {
  const s = document.createElement('span');
  s.className = 'swatch';
  s.style.background = color;
  return s;
}

export function note(box, text) {
  const p = document.createElement('p');
  p.className = 'muted';
  p.textContent = text;
  box.append(p);
}

export function fillSelect(sel, pairs) {
  sel.replaceChildren();
  for (const [value, label] of pairs) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    sel.append(o);
  }
}

export function selectValues(sel, values) {
  [...sel.options].forEach((o) => { o.selected = values.includes(o.value); });
}
