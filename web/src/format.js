// Pure transforms from API answers to what is drawn and written: dates, plotted values, number texts.
import { movingAverage, movingShare } from './util.js';

/**
 * The y values shown for one series: count or share (in %), smoothed over `width` buckets, nulls in gaps (and for
 * log, at zero).
 */
export function values(view, series, width) {
  const b = series.buckets;
  let ys;
  if (view.mode === 'share') {
    ys = movingShare(b.map((x) => x.count), b.map((x) => x.total), width).map((v) => (v == null ? null : v * 100));
  } else {
    ys = movingAverage(b.map((x) => (x.gap ? null : x.count)), width);
  }
  return view.log ? ys.map((v) => (v != null && v > 0 ? v : null)) : ys;
}

/**
 * The smoothing a view gets: the width it asks for, or with "auto" (0) a centred moving average where daily
 * buckets outnumber the pixels (a week's width past 2 days a pixel, a month's past 10), else none.
 */
export function smoothingFor(view, buckets, plotPx) {
  if (view.smooth >= 1) return view.smooth;
  if (view.by !== 'day' || !plotPx) return 1;
  const perPx = buckets / plotPx;
  return perPx > 10 ? 29 : perPx > 2 ? 7 : 1;
}

export function fmtValue(view, v) {
  if (v == null) return '–';
  if (view.mode === 'share') return v.toFixed(2) + '%';
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

export function num(v) {
  if (typeof v !== 'number') return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(2);
}

export function pctText(v) {
  return typeof v === 'number' ? (v * 100).toFixed(2) + '%' : String(v);
}

/** 1 − p when the detector gives a p-value, else its posterior probability: how sure we are. */
export function confidence(c) {
  if (typeof c.p === 'number') return Math.max(0, Math.min(1, 1 - c.p));
  if (typeof c.probability === 'number') return c.probability;
  if (typeof c.posterior === 'number') return c.posterior;
  return null;
}

export function confidenceText(c) {
  if (typeof c.p === 'number') return c.p < 0.001 ? 'p<0.001' : 'p=' + c.p.toPrecision(2);
  const conf = confidence(c);
  return conf == null ? '' : 'conf ' + Math.round(conf * 100) + '%';
}
