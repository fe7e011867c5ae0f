// Label placement: disjoint, inside the room, every item shown once, crowds counted instead of dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutLabels } from '../src/labels.js';

const badge = () => 30;

function check(items, boxes, lo, hi, gap) {
  const seen = boxes.flatMap((b) => b.members);
  assert.equal(seen.length, items.length, 'every item in exactly one box');
  assert.equal(new Set(seen).size, items.length);
  for (let i = 0; i < boxes.length; i++) {
    assert.ok(boxes[i].start >= lo - 1e-9, 'inside on the left: ' + boxes[i].start);
    assert.ok(boxes[i].start + boxes[i].size <= hi + 1e-9, 'inside on the right');
    if (i) assert.ok(boxes[i - 1].start + boxes[i - 1].size + gap <= boxes[i].start + 1e-9, 'disjoint');
  }
}

test('labels with room stay where they want to be', () => {
  const items = [0, 100, 200].map((x) => ({ pref: x + 3, size: 12 }));
  const boxes = layoutLabels(items, { lo: 0, hi: 400, gap: 2, maxShift: 30, badgeSize: badge });
  check(items, boxes, 0, 400, 2);
  assert.deepEqual(boxes.map((b) => b.start), [3, 103, 203]);
  assert.ok(boxes.every((b) => !b.collapsed));
});

test('close labels are spread side by side around their marks', () => {
  const items = [100, 104, 108].map((x) => ({ pref: x, size: 12 }));
  const boxes = layoutLabels(items, { lo: 0, hi: 400, gap: 2, maxShift: 30, badgeSize: badge });
  check(items, boxes, 0, 400, 2);
  assert.equal(boxes.length, 3);
  assert.ok(Math.abs(boxes[1].start - 104) < 1e-9, 'centred on the middle one');
});

test('a crowd that cannot be spread becomes one counted badge', () => {
  const items = Array.from({ length: 10 }, (_, i) => ({ pref: 200 + i, size: 12 }));
  items.push({ pref: 20, size: 12 });
  const boxes = layoutLabels(items, { lo: 0, hi: 400, gap: 2, maxShift: 30, badgeSize: badge });
  check(items, boxes, 0, 400, 2);
  const crowd = boxes.filter((b) => b.collapsed);
  assert.ok(crowd.length >= 1 && crowd.length <= 3, 'counted in a few badges: ' + crowd.length);
  assert.equal(crowd.reduce((n, b) => n + b.members.length, 0), 10);
  assert.equal(boxes.filter((b) => !b.collapsed).length, 1, 'the lone label keeps its name');
});

test('a label at the right edge is moved in, not cut', () => {
  const items = [{ pref: 395, size: 60 }];
  const boxes = layoutLabels(items, { lo: 0, hi: 400, gap: 2, maxShift: 80, badgeSize: badge });
  check(items, boxes, 0, 400, 2);
  assert.equal(boxes[0].start, 340);
});

test('only the dense part of a wide crowd is counted; sparse marks keep their names', () => {
  // five marks within 4 px, then six spread 20 px apart: the spread ones can be named if the dense ones are counted
  const items = [100, 101, 102, 103, 104].map((x) => ({ pref: x, size: 12 }))
    .concat([130, 150, 170, 190, 210, 230].map((x) => ({ pref: x, size: 12 })));
  const boxes = layoutLabels(items, { lo: 0, hi: 400, gap: 1, maxShift: 39, badgeSize: () => 12 });
  check(items, boxes, 0, 400, 1);
  const named = boxes.filter((b) => !b.collapsed).map((b) => b.members[0].pref);
  assert.deepEqual(named.filter((p) => p >= 130), [130, 150, 170, 190, 210, 230]);
});

test('random crowds: never overlapping, never lost', () => {
  let seed = 7;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let run = 0; run < 200; run++) {
    const n = 1 + Math.floor(rnd() * 40);
    const items = Array.from({ length: n }, () => ({ pref: rnd() * 500, size: 5 + rnd() * 40 }));
    const boxes = layoutLabels(items, { lo: 0, hi: 500, gap: 2, maxShift: 25, badgeSize: (m) => 10 + m.length });
    check(items, boxes, 0, 500, 2);
  }
});
