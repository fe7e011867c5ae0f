// The HTTP API as the page calls it: JSON with the server's error message, and the URLs of a view.

export async function getJson(url, init) {
  const r = await fetch(url, init);
  let body = null;
  try { body = await r.json(); } catch (e) { body = null; }
  if (!r.ok) {
    const err = new Error((body && body.error) || ('HTTP ' + r.status));
    err.status = r.status;
    err.body = body;
    throw err;
  }
  return body;
}

/** The selection part of a view (buckets, range, unit, outlets, groups) as query parameters. */
export function selectionParams(view, p) {
  p.set('by', view.by);
  if (view.from) p.set('from', view.from);
  if (view.to) p.set('to', view.to);
  if (view.unit !== 'articles') p.set('unit', view.unit);
  view.outlets.forEach((o) => p.append('outlet', o));
  view.groups.forEach((g) => p.append('group', g));
  return p;
}

export function timelinesUrl(view, format) {
  const p = new URLSearchParams();
  view.queries.forEach((q) => p.append('q', q));
  selectionParams(view, p);
  if (format) p.set('format', format);
  return '/api/timelines?' + p.toString();
}
