// Downloads of what the chart shows: the PNG with its queries and selection written above it.
import { COLORS } from './dom.js';

/** The chart as a PNG, with the queries and the selection written above it so the image says what it shows. */
export function chartPng(st, polls) {
  const main = st.charts.main;
  const data = st.data;
  const view = st.view;
  if (!main) return Promise.resolve(null);
  const src = main.ctx.canvas;
  const px = devicePixelRatio || 1;
  const lines = data.series.map((s, i) => ({ text: (i + 1) + '. ' + s.query, color: COLORS[i] }));
  const sel = data.selection;
  lines.push({ text: view.mode + ' per ' + view.by + ', ' + data.unit + (view.smooth > 1 ? ', centred moving average ' + view.smooth : '')
    + ' · ' + (sel.from || data.series[0].from) + ' – ' + (sel.to || data.series[0].to)
    + (sel.outlets.length ? ' · outlets ' + sel.outlets.join(', ') : '') + (sel.groups.length ? ' · groups ' + sel.groups.join(', ') : ''),
  color: '#333' });
  polls.shown().forEach((p) => lines.push({ text: 'poll (right axis, %, 95% sampling intervals): ' + p.data.pollster + ': '
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
