// Calendar buckets in the page: their spans, how much of each the range covers, and axis ticks in their own units.
// Pure functions over 'YYYY-MM-DD' days and uPlot's x values (seconds since the epoch, UTC).

export const DAY_S = 86400;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function toTs(day) { return Date.parse(day + 'T00:00:00Z') / 1000; }
export function fromTs(ts) { return new Date(ts * 1000).toISOString().slice(0, 10); }

/** First day of the bucket after the one starting on `start`. */
export function nextStart(start, by) {
  const d = new Date(start + 'T00:00:00Z');
  if (by === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else if (by === 'month') d.setUTCMonth(d.getUTCMonth() + 1, 1);
  else d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Last day (inclusive) of the bucket starting on `start`. */
export function bucketEnd(start, by) {
  return fromTs(toTs(nextStart(start, by)) - DAY_S);
}

/** Days in the whole bucket starting on `start` (1, 7, or 28–31). */
export function bucketLength(start, by) {
  return Math.round((toTs(nextStart(start, by)) - toTs(start)) / DAY_S);
}

/**
 * How much of a bucket the series' range covers: {days, length, partial, from, to}. The server says it
 * (`days`, `partial` per bucket); for an answer without them it follows from the series' from/to.
 */
export function coverage(series, b, by) {
  const length = bucketLength(b.start, by);
  const end = bucketEnd(b.start, by);
  const from = series.from && series.from > b.start ? series.from : b.start;
  const to = series.to && series.to < end ? series.to : end;
  const days = typeof b.days === 'number' ? b.days : Math.max(0, Math.round((toTs(to) - toTs(from)) / DAY_S) + 1);
  const partial = typeof b.partial === 'boolean' ? b.partial : days < length;
  return { days, length, partial, from, to };
}

/** Index of the bucket holding x (the last start at or before it), given the buckets' start times in order. */
export function bucketIndexAt(starts, x) {
  if (!starts.length || x < starts[0]) return starts.length ? 0 : -1;
  let lo = 0; let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= x) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** The bucket as people name it: "Aug 2025", "week of 18 Aug 2025", "24 Feb 2022". */
export function bucketName(start, by) {
  const [y, m, d] = start.split('-').map(Number);
  if (by === 'month') return MONTHS[m - 1] + ' ' + y;
  const day = d + ' ' + MONTHS[m - 1] + ' ' + y;
  return by === 'week' ? 'week of ' + day : day;
}

// ---------- axis ticks at bucket starts, labelled in the bucket's units ----------

const LEVELS = {
  day: [['day', 1], ['day', 2], ['week', 1], ['week', 2], ['month', 1], ['month', 2], ['month', 3], ['month', 6],
    ['year', 1], ['year', 2], ['year', 5], ['year', 10], ['year', 25]],
  week: [['week', 1], ['week', 2], ['week', 4], ['week', 13], ['year', 1], ['year', 2], ['year', 5], ['year', 10], ['year', 25]],
  month: [['month', 1], ['month', 2], ['month', 3], ['month', 6], ['year', 1], ['year', 2], ['year', 5], ['year', 10], ['year', 25]],
};
/** Room a label needs (CSS px): "24 Feb", "Aug 2025", "2025". */
const MIN_PX = { day: 58, week: 58, month: 74, year: 46 };
const EPOCH_MONDAY = 4; // 1970-01-01 was a Thursday: day 4 is the first Monday

function dayIndex(ts) { return Math.round(ts / DAY_S); }

function ticksAt(unit, n, by, min, max) {
  const out = [];
  const first = new Date(min * 1000);
  if (unit === 'day' || unit === 'week') {
    const step = unit === 'week' ? 7 * n : n;
    let d = Math.ceil(min / DAY_S);
    const phase = unit === 'week' ? EPOCH_MONDAY : 0;
    d += ((phase - d) % step + step) % step;
    for (; d * DAY_S <= max; d += step) out.push(d * DAY_S);
    return out;
  }
  if (unit === 'month') {
    let y = first.getUTCFullYear(); let m = first.getUTCMonth();
    for (;; m++) {
      if (m === 12) { m = 0; y++; }
      const t = Date.UTC(y, m, 1) / 1000;
      if (t > max) break;
      if (t >= min && (y * 12 + m) % n === 0) out.push(t);
    }
    return out;
  }
  // years: where the year's first bucket starts (for weeks, the first Monday of the year)
  for (let y = first.getUTCFullYear(); ; y++) {
    let t = Date.UTC(y, 0, 1) / 1000;
    if (by === 'week') t += (((EPOCH_MONDAY - dayIndex(t)) % 7) + 7) % 7 * DAY_S;
    if (t > max) break;
    if (t >= min && y % n === 0) out.push(t);
  }
  return out;
}

/**
 * Tick positions and labels for an x range [min, max] (seconds) drawn `widthPx` wide: every tick is the
 * start of a bucket, spaced so that labels fit, labelled in the bucket's units ("24 Feb", "Aug 2025", "2025").
 */
export function bucketTicks(by, min, max, widthPx) {
  const levels = LEVELS[by] || LEVELS.day;
  const span = Math.max(1, max - min);
  let chosen = levels[levels.length - 1];
  for (const level of levels) {
    const [unit, n] = level;
    const approx = { day: DAY_S, week: 7 * DAY_S, month: 30.44 * DAY_S, year: 365.25 * DAY_S }[unit] * n;
    if (widthPx * approx / span >= MIN_PX[unit]) { chosen = level; break; }
  }
  const [unit, n] = chosen;
  const splits = ticksAt(unit, n, by, min, max);
  let lastYear = null;
  const labels = splits.map((t) => {
    const d = new Date(t * 1000);
    const y = d.getUTCFullYear();
    const mon = MONTHS[d.getUTCMonth()];
    let text;
    if (unit === 'year') text = String(y);
    else if (unit === 'month') text = mon + ' ' + y;
    else text = d.getUTCDate() + ' ' + mon + (y !== lastYear ? '\n' + y : '');
    lastYear = y;
    return text;
  });
  return { splits, labels, unit, n };
}
