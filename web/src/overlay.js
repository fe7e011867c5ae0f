// What the main chart draws over its series: event lines with labels, change points, poll series.
import { COLORS, KIND_COLORS } from './dom.js';
import { toTs, confidence, confidenceText } from './format.js';

/** A uPlot plugin; deps: st (the state), polls (its draw(u, ctx, px)) */
export function overlayPlugin(deps) {
  const { st, polls } = deps;
  return {
    hooks: {
      draw: [(u) => {
        const ctx = u.ctx;
        const { left, top, width, height } = u.bbox;
        const xmin = u.scales.x.min;
        const xmax = u.scales.x.max;
        ctx.save();
        ctx.beginPath();
        ctx.rect(left, top, width, height);
        ctx.clip();
        const px = devicePixelRatio || 1;
        // uPlot leaves its axis text alignment on the context: set ours, or labels land outside the plot
        ctx.textAlign = 'left';
        ctx.textBaseline = 'alphabetic';
        if (st.view.ev) {
          ctx.font = (10 * px) + 'px sans-serif';
          // labels need room: where events crowd, only the first of a cluster is labelled (all keep their line)
          let lastLabelX = -Infinity;
          for (const ev of st.events) {
            const t = toTs(ev.date);
            if (t < xmin || t > xmax) continue;
            const x = Math.round(u.valToPos(t, 'x', true));
            ctx.strokeStyle = KIND_COLORS[ev.kind] || KIND_COLORS.other;
            ctx.globalAlpha = 0.45;
            ctx.setLineDash([]);
            ctx.lineWidth = px;
            ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + height); ctx.stroke();
            if (x - lastLabelX < 16 * px) continue;
            lastLabelX = x;
            ctx.globalAlpha = 0.95;
            ctx.fillStyle = ctx.strokeStyle;
            ctx.save();
            ctx.translate(x + 3 * px, top + 4 * px);
            ctx.rotate(Math.PI / 2);
            const label = ev.label.length > 34 ? ev.label.slice(0, 33) + '…' : ev.label;
            ctx.fillText(ev.date + ' ' + label, 0, 0);
            ctx.restore();
          }
        }
        if (st.view.cp && st.changes) {
          st.changes.forEach((list, qi) => {
            if (!list) return;
            let lastLabelX = -Infinity; // one row of labels per query; crowded ones keep only their line
            for (const c of list) {
              const t = toTs(c.date);
              if (t < xmin || t > xmax) continue;
              const x = Math.round(u.valToPos(t, 'x', true));
              const conf = confidence(c);
              ctx.strokeStyle = COLORS[qi];
              ctx.globalAlpha = 0.35 + 0.65 * (conf == null ? 0.5 : conf);
              ctx.lineWidth = 2 * px;
              ctx.setLineDash([6 * px, 4 * px]);
              ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + height); ctx.stroke();
              ctx.setLineDash([]);
              ctx.fillStyle = COLORS[qi];
              ctx.font = 'bold ' + (11 * px) + 'px sans-serif';
              const text = '▲ ' + confidenceText(c);
              if (x - lastLabelX > ctx.measureText(text).width + 4 * px) {
                ctx.fillText(text, x + 3 * px, top + height - 6 * px - qi * 13 * px);
                lastLabelX = x;
              }
            }
          });
        }
        polls.draw(u, ctx, px);
        ctx.restore();
      }],
    },
  };
}
