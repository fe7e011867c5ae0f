// Poll series on the chart's second axis: the picker's list, the chosen series, their legend and drawing.
import { $, POLL_COLORS, fillSelect, swatch } from './dom.js';
import { toTs } from './buckets.js';

/** deps: st (the state), getJson, redraw() (after the chosen series arrived) */
export function createPolls(deps) {
  const { st, getJson, redraw } = deps;
  const polls = st.polls;

  function shown() {
    return st.view.polls.map((id, i) => ({ id, color: POLL_COLORS[i % POLL_COLORS.length], data: polls.data.get(id) }))
      .filter((p) => p.data && p.data.points.length);
  }

  /** The percent axis: every interval of the shown series fits, with a little room. */
  function range(list) {
    let lo = Infinity; let hi = -Infinity;
    for (const p of list) for (const x of p.data.points) { lo = Math.min(lo, x.lo); hi = Math.max(hi, x.hi); }
    const pad = Math.max(1, (hi - lo) * 0.05);
    return [Math.max(lo >= 0 ? 0 : -100, Math.floor(lo - pad)), Math.min(100, Math.ceil(hi + pad))];
  }

  /** Each poll at its fieldwork midpoint: a dot on a line through the series, and its 95% interval as a bar. */
  function draw(u, ctx, px) {
    polls.drawn = 0;
    if (!u.scales.pct) return;
    const xmin = u.scales.x.min;
    const xmax = u.scales.x.max;
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    for (const p of shown()) {
      ctx.strokeStyle = p.color;
      ctx.fillStyle = p.color;
      const pts = p.data.points.filter((x) => { const t = toTs(x.date); return t >= xmin && t <= xmax; });
      ctx.lineWidth = px;
      ctx.globalAlpha = 0.5;
      ctx.beginPath();
      pts.forEach((x, i) => {
        const cx = u.valToPos(toTs(x.date), 'x', true);
        const cy = u.valToPos(x.percent, 'pct', true);
        if (i) ctx.lineTo(cx, cy); else ctx.moveTo(cx, cy);
      });
      ctx.stroke();
      ctx.globalAlpha = 0.9;
      for (const x of pts) {
        const cx = u.valToPos(toTs(x.date), 'x', true);
        const cy = u.valToPos(x.percent, 'pct', true);
        const ylo = u.valToPos(x.lo, 'pct', true);
        const yhi = u.valToPos(x.hi, 'pct', true);
        ctx.beginPath();
        ctx.moveTo(cx, ylo); ctx.lineTo(cx, yhi);
        ctx.moveTo(cx - 3 * px, ylo); ctx.lineTo(cx + 3 * px, ylo);
        ctx.moveTo(cx - 3 * px, yhi); ctx.lineTo(cx + 3 * px, yhi);
        ctx.stroke();
        ctx.beginPath();
        ctx.arc(cx, cy, 3 * px, 0, 2 * Math.PI);
        ctx.fill();
        polls.drawn++;
      }
    }
  }

  async function loadList() {
    try {
      polls.list = (await getJson('/api/polls')).series;
    } catch (e) {
      polls.list = [];
      $('poll-note').textContent = 'Poll series: ' + e.message;
    }
    fillList();
    const empty = !polls.list.length;
    $('poll-choose').hidden = empty;
    $('poll-empty').hidden = !empty;
  }

  /** The picker's options: the series matching the filter's words, and the chosen ones always. */
  function fillList() {
    const words = $('poll-filter').value.toLowerCase().split(/\s+/).filter(Boolean);
    const chosen = new Set(st.view.polls);
    const shownList = polls.list.filter((s) => chosen.has(s.id) || words.every((w) =>
      (s.pollster + ' ' + s.question + ' ' + s.answer + ' ' + s.id).toLowerCase().includes(w)));
    fillSelect($('poll'), shownList.map((s) => [s.id, s.pollster + ': ' + s.question + ' — ' + s.answer
      + ' (' + s.points + ', ' + s.first + ' – ' + s.last + ')']));
    [...$('poll').options].forEach((o) => { o.selected = chosen.has(o.value); o.title = o.textContent; });
  }

  function wire() {
    $('poll-filter').addEventListener('input', fillList);
  }

  /** Fetches the chosen poll series not yet here, then redraws. */
  async function load() {
    const missing = st.view.polls.filter((id) => !polls.data.has(id));
    await Promise.all(missing.map(async (id) => {
      try {
        polls.data.set(id, await getJson('/api/polls/' + id.split('/').map(encodeURIComponent).join('/')));
      } catch (e) {
        polls.data.set(id, { id, points: [], error: e.message });
      }
    }));
    renderLegend();
    redraw();
  }

  function renderLegend() {
    const ul = $('poll-legend');
    ul.replaceChildren();
    st.view.polls.forEach((id, i) => {
      const d = polls.data.get(id);
      const li = document.createElement('li');
      li.dataset.poll = id;
      const t = document.createElement('span');
      if (!d) t.textContent = id + ' (loading…)';
      else if (d.error) t.textContent = id + ': ' + d.error;
      else {
        t.textContent = d.pollster + ': ' + d.question + ' — ' + d.answer + ' · ' + d.points.length
          + ' polls, right axis (%), bars = ' + d.interval;
      }
      li.append(swatch(POLL_COLORS[i % POLL_COLORS.length]), t);
      ul.append(li);
    });
  }

  return { shown, range, draw, loadList, load, wire };
}
