// Bucket spans, coverage of partial buckets and axis ticks in bucket units.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextStart, bucketEnd, bucketLength, coverage, bucketIndexAt, bucketTicks, bucketName, toTs } from '../src/buckets.js';

test('bucket spans by day, ISO week and month', () => {
  assert.equal(nextStart('2024-02-26', 'week'), '2024-03-04');
  assert.equal(bucketEnd('2024-02-01', 'month'), '2024-02-29');
  assert.equal(bucketLength('2023-02-01', 'month'), 28);
  assert.equal(bucketLength('2023-02-06', 'week'), 7);
  assert.equal(bucketEnd('2023-12-31', 'day'), '2023-12-31');
});

test('first and last buckets cut by the range are partial, with their days', () => {
  const s = { from: '2000-01-01', to: '2026-03-04' };
  assert.deepEqual(pick(coverage(s, { start: '1999-12-27' }, 'week')), { days: 2, length: 7, partial: true });
  assert.deepEqual(pick(coverage(s, { start: '2026-03-02' }, 'week')), { days: 3, length: 7, partial: true });
  assert.deepEqual(pick(coverage(s, { start: '2026-02-23' }, 'week')), { days: 7, length: 7, partial: false });
  assert.deepEqual(pick(coverage(s, { start: '2026-03-01' }, 'month')), { days: 4, length: 31, partial: true });
  // the server's word wins where it gives one
  assert.deepEqual(pick(coverage(s, { start: '2026-03-01', days: 31, partial: false }, 'month')), { days: 31, length: 31, partial: false });
});

function pick(c) { return { days: c.days, length: c.length, partial: c.partial }; }

test('the bucket under x is the last start at or before it', () => {
  const starts = ['2022-01-01', '2022-02-01', '2022-03-01'].map(toTs);
  assert.equal(bucketIndexAt(starts, toTs('2022-02-15')), 1);
  assert.equal(bucketIndexAt(starts, toTs('2022-02-01')), 1);
  assert.equal(bucketIndexAt(starts, toTs('2022-03-31')), 2);
  assert.equal(bucketIndexAt(starts, toTs('2021-12-01')), 0);
});

test('month ticks are month starts labelled "Aug 2025", or years when crowded', () => {
  const t = bucketTicks('month', toTs('2025-01-01'), toTs('2025-12-01'), 1200);
  assert.equal(t.unit, 'month');
  assert.ok(t.labels.includes('Aug 2025'), t.labels.join('|'));
  assert.ok(t.splits.every((x) => new Date(x * 1000).getUTCDate() === 1));
  const long = bucketTicks('month', toTs('2000-01-01'), toTs('2026-03-01'), 1200);
  assert.equal(long.unit, 'year');
  assert.ok(long.labels.every((l) => /^\d{4}$/.test(l)));
  assert.ok(long.splits.every((x) => new Date(x * 1000).toISOString().slice(5, 10) === '01-01'));
});

test('week ticks fall on Mondays (bucket starts), yearly ones on the first Monday of the year', () => {
  const t = bucketTicks('week', toTs('2022-01-03'), toTs('2022-06-27'), 1200);
  assert.ok(t.splits.every((x) => new Date(x * 1000).getUTCDay() === 1), t.labels.join('|'));
  const long = bucketTicks('week', toTs('1999-12-27'), toTs('2026-03-02'), 1200);
  assert.equal(long.unit, 'year');
  assert.ok(long.splits.every((x) => new Date(x * 1000).getUTCDay() === 1));
  assert.ok(long.splits.every((x) => new Date(x * 1000).getUTCDate() <= 7));
});

test('ticks leave room for their labels at any width', () => {
  for (const by of ['day', 'week', 'month']) {
    for (const w of [240, 400, 900, 1400]) {
      const min = toTs('2000-01-01'); const max = toTs('2026-03-04');
      const t = bucketTicks(by, min, max, w);
      const px = w / (max - min);
      for (let i = 1; i < t.splits.length; i++) assert.ok((t.splits[i] - t.splits[i - 1]) * px >= 40, by + ' ' + w);
    }
  }
});

test('buckets are named as people say them', () => {
  assert.equal(bucketName('2025-08-01', 'month'), 'Aug 2025');
  assert.equal(bucketName('2025-08-18', 'week'), 'week of 18 Aug 2025');
  assert.equal(bucketName('2022-02-24', 'day'), '24 Feb 2022');
});

test('long daily ranges are smoothed by default, nothing else is', async () => {
  const { smoothingFor } = await import('../src/format.js');
  assert.equal(smoothingFor({ smooth: 0, by: 'day' }, 9560, 1300), 7);
  assert.equal(smoothingFor({ smooth: 0, by: 'day' }, 9560, 300), 29);
  assert.equal(smoothingFor({ smooth: 0, by: 'day' }, 365, 1300), 1);
  assert.equal(smoothingFor({ smooth: 0, by: 'week' }, 1367, 300), 1);
  assert.equal(smoothingFor({ smooth: 1, by: 'day' }, 9560, 1300), 1, 'an explicit choice wins');
  assert.equal(smoothingFor({ smooth: 13, by: 'month' }, 315, 1300), 13);
});
