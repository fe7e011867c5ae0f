// The chart's overlay: every event in view is named or counted, labels stay apart and inside the plot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildScene, isFall, changeText } from '../src/overlay.js';

const measure = (text, font) => text.length * (font.includes('11px') ? 6.5 : 5.5);
const day = (t) => new Date(t * 1000).toISOString().slice(0, 10);

function scene(events, changes, W, H) {
  const xmin = Date.UTC(2000, 0, 1) / 1000; const xmax = Date.UTC(2026, 2, 5) / 1000;
  return buildScene({ W, H, xmin, xmax, xPos: (t) => (t - xmin) / (xmax - xmin) * W, measure, partials: [],
    events, changes, showEvents: true, showChanges: true });
}

test('random events and changes: all labelled or counted, none overlapping, all inside', () => {
  let seed = 11;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const span = [Date.UTC(2000, 0, 1) / 1000, Date.UTC(2026, 2, 5) / 1000];
  for (let run = 0; run < 60; run++) {
    const W = 200 + Math.floor(rnd() * 1200); const H = 150 + Math.floor(rnd() * 300);
    const when = () => day(span[0] + rnd() * rnd() * (span[1] - span[0]));
    const events = Array.from({ length: Math.floor(rnd() * 40) }, (_, i) => ({ date: when(), label: 'event number ' + i, kind: 'war' }));
    const changes = [0, 1, 2].map(() => Array.from({ length: Math.floor(rnd() * 8) }, () => ({ date: when(), before: rnd(), after: rnd(), p: rnd() / 100 })));
    const s = scene(events, changes, W, H);
    const named = new Set(s.labels.filter((l) => l.kind.startsWith('event')).flatMap((l) => l.dates));
    for (const e of events) assert.ok(named.has(e.date), 'event ' + e.date + ' named or counted');
    const counted = s.labels.filter((l) => l.kind.startsWith('change')).reduce((n, l) => n + l.dates.length, 0);
    assert.equal(counted, changes.flat().length, 'every change labelled or counted');
    for (const l of s.labels) assert.ok(l.x0 >= -1e-6 && l.x1 <= W + 1e-6 && l.y0 >= -1e-6 && l.y1 <= H + 1e-6, JSON.stringify(l));
    for (let i = 0; i < s.labels.length; i++) {
      for (let j = i + 1; j < s.labels.length; j++) {
        const a = s.labels[i]; const b = s.labels[j];
        const apart = a.x1 <= b.x0 + 1e-6 || b.x1 <= a.x0 + 1e-6 || a.y1 <= b.y0 + 1e-6 || b.y1 <= a.y0 + 1e-6;
        assert.ok(apart, 'apart: ' + JSON.stringify(a) + ' ' + JSON.stringify(b));
      }
    }
  }
});

test('falls are drawn with ▼, rises with ▲', () => {
  assert.ok(isFall({ before: 157, after: 88.5 }));
  assert.ok(!isFall({ before: 30, after: 106 }));
  assert.ok(isFall({ relative_change: -0.49 }));
  assert.equal(changeText({ before: 157, after: 88.5, p: 0.0001 }), '▼ p<0.001');
  assert.equal(changeText({ before: 1, after: 3, p: 0.02 }), '▲ p=0.020');
});
