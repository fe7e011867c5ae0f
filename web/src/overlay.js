// What the main chart draws over and under its series: partial buckets hatched, event lines with their labels,
// change points with ▲/▼ and their confidence. Built once as a scene in CSS pixels of the plot area, then drawn on
// the canvas (the chart, the PNG) or written as SVG (the SVG export): both show the same labels.
import { COLORS, KIND_COLORS } from './dom.js';
import { toTs } from './buckets.js';
import { confidence, confidenceText } from './format.js';
import { layoutLabels } from './labels.js';

export const EVENT_FONT = '10px sans-serif';
export const CHANGE_FONT = 'bold 11px sans-serif';
const EVENT_COLUMN = 13; // width of a vertical event label's column
const LABEL_TOP = 14; // event labels start below the connectors and brackets
const CHANGE_ROW = 14;

/** True when a change is a fall (its level after is below its level before). */
export function isFall(c) {
  if (typeof c.before === 'number' && typeof c.after === 'number') return c.after < c.before;
  return typeof c.relative_change === 'number' && c.relative_change < 0;
}

export function changeText(c) {
  return (isFall(c) ? '▼ ' : '▲ ') + confidenceText(c);
}

/** Cuts text to fit `room` pixels, ending in "…". */
function fit(text, room, font, measure) {
  if (measure(text, font) <= room) return text;
  let lo = 0; let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(text.slice(0, mid) + '…', font) <= room) lo = mid; else hi = mid - 1;
  }
  return lo ? text.slice(0, lo) + '…' : '';
}

/**
 * The overlay of the plot area W × H (CSS px). xPos(ts) gives a time's x in the plot; measure(text, font) a text's
 * width. Returns {hatches, lines, marks, texts, labels}: labels are the placed label boxes (for the legend under the
 * cursor and for tests), disjoint and inside the plot.
 */
export function buildScene(o) {
  const { W, H, xmin, xmax, xPos, measure } = o;
  const scene = { hatches: [], lines: [], marks: [], texts: [], labels: [] };
  for (const p of o.partials || []) {
    if (p.t1 <= xmin || p.t0 >= xmax) continue;
    const x0 = Math.max(0, xPos(p.t0));
    const x1 = Math.min(W, Math.max(xPos(p.t1), x0 + 4));
    scene.hatches.push({ x0, x1, title: p.title });
  }
  const changeRows = o.showChanges ? (o.changes || []).filter((l) => l && l.length).length : 0;
  const rowOf = new Map();
  (o.changes || []).forEach((l, qi) => { if (l && l.length) rowOf.set(qi, rowOf.size); });
  if (o.showEvents) {
    const shown = (o.events || []).filter((ev) => { const t = toTs(ev.date); return t >= xmin && t <= xmax; });
    for (const ev of shown) {
      scene.lines.push({ x: xPos(toTs(ev.date)), color: KIND_COLORS[ev.kind] || KIND_COLORS.other, alpha: 0.45, width: 1 });
    }
    const room = Math.max(40, H - LABEL_TOP - changeRows * CHANGE_ROW - 8);
    const items = shown.map((ev) => ({ pref: xPos(toTs(ev.date)) + 1, size: EVENT_COLUMN, ev }));
    const boxes = layoutLabels(items, { lo: 0, hi: W, gap: 1, maxShift: 3 * EVENT_COLUMN, badgeSize: () => EVENT_COLUMN });
    for (const b of boxes) {
      const evs = b.members.map((m) => m.ev);
      const mid = b.start + b.size / 2;
      let text; let color; let font = EVENT_FONT;
      if (b.collapsed) {
        const xs = b.members.map((m) => m.pref - 1);
        const x0 = Math.min(...xs); const x1 = Math.max(...xs);
        scene.marks.push({ x0, y0: 2, x1, y1: 2, color: '#333' }, { x0, y0: 2, x1: x0, y1: 6, color: '#333' },
          { x0: x1, y0: 2, x1, y1: 6, color: '#333' }, { x0: (x0 + x1) / 2, y0: 2, x1: mid, y1: LABEL_TOP - 2, color: '#333' });
        const first = evs[0].date; const last = evs[evs.length - 1].date;
        // the last date without the year they share: "4 events 2022-02-21 – 03-29"
        text = evs.length + ' events ' + first + ' – ' + (last.slice(0, 5) === first.slice(0, 5) ? last.slice(5) : last);
        color = '#333';
        font = 'bold ' + EVENT_FONT;
      } else {
        const ev = evs[0];
        const x = b.members[0].pref - 1;
        if (Math.abs(mid - x) > EVENT_COLUMN / 2 + 1) scene.marks.push({ x0: x, y0: 0, x1: mid, y1: LABEL_TOP - 2, color: KIND_COLORS[ev.kind] || KIND_COLORS.other });
        text = ev.date + ' ' + ev.label;
        color = KIND_COLORS[ev.kind] || KIND_COLORS.other;
      }
      text = fit(text, room, font, measure);
      const len = measure(text, font);
      scene.texts.push({ x: b.start, y: LABEL_TOP, text, font, color, rotate: true });
      scene.labels.push({ kind: b.collapsed ? 'events' : 'event', x0: b.start, x1: b.start + b.size, y0: LABEL_TOP,
        y1: LABEL_TOP + len, text, dates: evs.map((e) => e.date), items: evs });
    }
  }
  if (o.showChanges) {
    (o.changes || []).forEach((list, qi) => {
      if (!list || !list.length) return;
      const color = COLORS[qi];
      const shown = list.filter((c) => { const t = toTs(c.date); return t >= xmin && t <= xmax; });
      for (const c of shown) {
        const conf = confidence(c);
        scene.lines.push({ x: xPos(toTs(c.date)), color, alpha: 0.35 + 0.65 * (conf == null ? 0.5 : conf), width: 2, dash: [6, 4] });
      }
      const items = shown.map((c) => {
        const text = changeText(c);
        return { pref: xPos(toTs(c.date)) + 3, size: measure(text, CHANGE_FONT) + 2, c, text };
      });
      const baseline = H - 6 - rowOf.get(qi) * CHANGE_ROW;
      const boxes = layoutLabels(items, { lo: 0, hi: W, gap: 4, maxShift: 60,
        badgeSize: (m) => measure(m.length + ' changes', CHANGE_FONT) + 2 });
      for (const b of boxes) {
        const cs = b.members.map((m) => m.c);
        const text = b.collapsed ? cs.length + ' changes' : b.members[0].text;
        const x = b.members[0].pref - 3;
        if (!b.collapsed && (b.start > x + 8 || b.start < x)) {
          scene.marks.push({ x0: x, y0: baseline - 4, x1: b.start < x ? b.start + b.size : b.start, y1: baseline - 4, color });
        }
        scene.texts.push({ x: b.start, y: baseline, text, font: CHANGE_FONT, color, rotate: false });
        scene.labels.push({ kind: b.collapsed ? 'changes' : 'change', x0: b.start, x1: b.start + b.size, y0: baseline - 11,
          y1: baseline + 2, text, dates: cs.map((c) => c.date), items: cs, query: qi });
      }
    });
  }
  return scene;
}

let hatchPattern = null;

function hatch(ctx) {
  if (!hatchPattern) {
    const c = document.createElement('canvas');
    c.width = c.height = 8;
    const g = c.getContext('2d');
    g.strokeStyle = 'rgba(90, 90, 90, 0.45)';
    g.lineWidth = 1;
    g.beginPath(); g.moveTo(0, 8); g.lineTo(8, 0); g.moveTo(-2, 2); g.lineTo(2, -2); g.moveTo(6, 10); g.lineTo(10, 6); g.stroke();
    hatchPattern = ctx.createPattern(c, 'repeat');
  }
  return hatchPattern;
}

/** Partial buckets, hatched: drawn under the series. ctx is already in CSS px of the plot (see withPlot). */
export function drawHatches(ctx, scene, H) {
  ctx.fillStyle = hatch(ctx);
  for (const h of scene.hatches) ctx.fillRect(h.x0, 0, h.x1 - h.x0, H);
}

/** Lines, marks and labels: drawn over the series. */
export function drawMarks(ctx, scene, H) {
  ctx.textAlign = 'left';
  for (const l of scene.lines) {
    ctx.strokeStyle = l.color;
    ctx.globalAlpha = l.alpha;
    ctx.lineWidth = l.width;
    ctx.setLineDash(l.dash || []);
    ctx.beginPath(); ctx.moveTo(Math.round(l.x) + 0.5, 0); ctx.lineTo(Math.round(l.x) + 0.5, H); ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 0.9;
  ctx.lineWidth = 1;
  for (const m of scene.marks) {
    ctx.strokeStyle = m.color;
    ctx.beginPath(); ctx.moveTo(m.x0, m.y0); ctx.lineTo(m.x1, m.y1); ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.lineJoin = 'round';
  for (const t of scene.texts) {
    ctx.font = t.font;
    ctx.fillStyle = t.color;
    // a white halo keeps a label readable where it crosses the series
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)';
    ctx.lineWidth = 3;
    ctx.save();
    if (t.rotate) {
      ctx.textBaseline = 'bottom';
      ctx.translate(t.x, t.y);
      ctx.rotate(Math.PI / 2);
    } else {
      ctx.textBaseline = 'alphabetic';
      ctx.translate(t.x, t.y);
    }
    ctx.strokeText(t.text, 0, 0);
    ctx.fillText(t.text, 0, 0);
    ctx.restore();
  }
  ctx.globalAlpha = 1;
}

/** Runs draw(ctx) with the context clipped to the plot area and scaled to its CSS pixels. */
export function withPlot(u, draw) {
  const ctx = u.ctx;
  const px = devicePixelRatio || 1;
  const { left, top, width, height } = u.bbox;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  ctx.translate(left, top);
  ctx.scale(px, px);
  draw(ctx, width / px, height / px);
  ctx.restore();
}

/** A width measure for buildScene on a canvas context. */
export function canvasMeasure(ctx) {
  const cache = new Map();
  return (text, font) => {
    const k = font + '\u0000' + text;
    if (!cache.has(k)) { ctx.save(); ctx.font = font; cache.set(k, ctx.measureText(text).width); ctx.restore(); }
    return cache.get(k);
  };
}
