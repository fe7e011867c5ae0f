// Small pure helpers of the dashboard, kept apart from the DOM wiring.

/**
 * Centred moving average of width w (odd; an even w is widened by one), ignoring nulls inside the
 * window. A bucket that is itself a gap stays null: smoothing must not invent data where there is none.
 */
export function movingAverage(ys, w) {
  const h = Math.floor(Math.max(1, w) / 2);
  if (h === 0) return ys.slice();
  return ys.map((y, i) => {
    if (y == null) return null;
    let sum = 0; let n = 0;
    for (let j = Math.max(0, i - h); j <= Math.min(ys.length - 1, i + h); j++) {
      if (ys[j] != null) { sum += ys[j]; n++; }
    }
    return n ? sum / n : null;
  });
}

/**
 * Share of coverage over a centred window: Σcount ÷ Σtotal, so a bucket with few articles weighs
 * what it holds (an average of ratios would let a day with 1 article swing the line). Null in gaps.
 */
export function movingShare(counts, totals, w) {
  const h = Math.floor(Math.max(1, w) / 2);
  return counts.map((c, i) => {
    if (!totals[i]) return null;
    let k = 0; let n = 0;
    for (let j = Math.max(0, i - h); j <= Math.min(counts.length - 1, i + h); j++) {
      k += counts[j]; n += totals[j];
    }
    return n ? k / n : null;
  });
}

/**
 * Appends `text` to `el` with the [start, end) spans in `matches` wrapped in <mark>. Everything goes
 * in as text nodes (textContent): article text is never parsed as HTML.
 */
export function highlightInto(el, text, matches) {
  const s = text == null ? '' : String(text);
  const spans = (matches || [])
    .filter((m) => Array.isArray(m) && m.length === 2 && m[0] >= 0 && m[0] < m[1] && m[1] <= s.length)
    .sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at) continue; // overlapping span: the earlier one already covers it
    if (start > at) el.append(document.createTextNode(s.slice(at, start)));
    const mark = document.createElement('mark');
    mark.textContent = s.slice(start, end);
    el.append(mark);
    at = end;
  }
  if (at < s.length) el.append(document.createTextNode(s.slice(at)));
}

/** The URL if it is plain http(s), else null: a stored "javascript:" link must never become clickable. */
export function safeHref(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}
