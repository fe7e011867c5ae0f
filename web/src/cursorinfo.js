// The line under the chart's legend that says what is under the cursor: the bucket with its days (and whether it
// is partial), the events on those days, the changes dated there, and the members of a counted label.
import { $, COLORS } from './dom.js';
import { bucketEnd, bucketName, coverage, toTs } from './buckets.js';
import { changeText } from './overlay.js';

/** deps: st (the state) */
export function createCursorInfo(deps) {
  const { st } = deps;

  /** idx: the bucket under the cursor (null: none); x: the cursor's x in the plot (CSS px). */
  function show(idx, x) {
    const box = $('cursor-info');
    box.replaceChildren();
    if (idx == null || !st.data) return;
    const view = st.view;
    const s = st.data.series[0];
    const b = s.buckets[idx];
    if (!b) return;
    const end = bucketEnd(b.start, view.by);
    const c = coverage(s, b, view.by);
    const head = document.createElement('strong');
    head.textContent = bucketName(b.start, view.by) + (end !== b.start ? ' (' + b.start + ' – ' + end + ')' : '');
    box.append(head);
    if (c.partial) {
      const p = document.createElement('span');
      p.className = 'partial-note';
      p.textContent = ' partial: ' + c.days + ' of ' + c.length + ' days (' + c.from + ' – ' + c.to + ')';
      box.append(p);
    }
    const t0 = b.start; const t1 = end;
    const inBucket = (d) => d >= t0 && d <= t1;
    const evs = new Set(view.ev ? st.events.filter((e) => inBucket(e.date)) : []);
    const chs = [];
    if (view.cp && st.changes) {
      st.changes.forEach((list, qi) => (list || []).forEach((ch) => { if (inBucket(ch.date)) chs.push({ ch, qi }); }));
    }
    // a counted label under the cursor stands for its members: list them all
    const scene = st.charts.scene;
    if (scene && x != null) {
      for (const l of scene.labels) {
        if (x < l.x0 - 3 || x > l.x1 + 3) continue;
        if (l.kind === 'events') l.items.forEach((e) => evs.add(e));
        if (l.kind === 'changes') l.items.forEach((ch) => { if (!chs.some((y) => y.ch === ch)) chs.push({ ch, qi: l.query }); });
      }
    }
    const list = document.createElement('ul');
    [...evs].sort((a, b2) => (a.date < b2.date ? -1 : 1)).forEach((e) => {
      const li = document.createElement('li');
      li.textContent = 'event ' + e.date + ': ' + e.label + ' (' + e.kind + ')';
      list.append(li);
    });
    chs.sort((a, b2) => (a.ch.date < b2.ch.date ? -1 : 1)).forEach(({ ch, qi }) => {
      const li = document.createElement('li');
      li.style.color = COLORS[qi];
      li.textContent = 'change ' + ch.date + ' in query ' + (qi + 1) + ': ' + changeText(ch);
      list.append(li);
    });
    if (list.children.length) box.append(list);
    box.dataset.bucket = b.start;
    box.dataset.ts = String(toTs(b.start));
  }

  return { show };
}
