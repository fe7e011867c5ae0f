// Placing labels along one axis so that none overlaps another, none leaves the plot and none vanishes.
// Written here because uPlot has no label placement and none of the page's dependencies does this: labels that
// overlap are laid side by side around their marks (a greedy merge of overlapping groups, each placed by least
// squares); where that would move a label too far from its mark, the two closest neighbours in that crowd become
// one badge that counts them, and the layout is redone: the densest places are counted first, the rest stay named.

/**
 * @param items  [{pref, size, ...}]: pref = where the label's box would start, size = its extent on the axis
 * @param opts   {lo, hi (the room), gap (between boxes), maxShift (how far a label may move),
 *                badgeSize(members) (extent of the badge that stands for several items)}
 * @returns boxes [{start, size, members, collapsed}] in order, disjoint (gap apart), inside [lo, hi] where they fit;
 *          every item is a member of exactly one box.
 */
export function layoutLabels(items, opts) {
  const { lo, hi, gap = 2, maxShift = 40, badgeSize } = opts;
  let units = items.slice().sort((a, b) => a.pref - b.pref)
    .map((it) => ({ members: [it], collapsed: false, pref: it.pref, size: it.size, anchor: it.pref }));
  for (;;) {
    const groups = arrange(units, lo, hi, gap);
    const crowded = groups.find((g) => g.units.length > 1 && shiftOf(g, gap) > maxShift);
    if (!crowded) return boxesOf(groups, gap);
    // the two neighbours closest to each other in the crowd become one badge
    let best = 0;
    for (let i = 1; i < crowded.units.length - 1; i++) {
      if (crowded.units[i + 1].anchor - crowded.units[i].anchor < crowded.units[best + 1].anchor - crowded.units[best].anchor) best = i;
    }
    const a = crowded.units[best]; const b = crowded.units[best + 1];
    const members = a.members.concat(b.members);
    const size = badgeSize(members);
    const first = members[0].pref; const last = members[members.length - 1].pref;
    const anchor = (first + last) / 2;
    const merged = { members, collapsed: true, pref: anchor - size / 2 + members[0].size / 2, size, anchor };
    units = units.filter((u) => u !== a && u !== b);
    units.splice(units.findIndex((u) => u.anchor > anchor) < 0 ? units.length : units.findIndex((u) => u.anchor > anchor), 0, merged);
  }
}

/** Groups of units laid side by side, each group placed by least squares inside [lo, hi], none overlapping the next. */
function arrange(units, lo, hi, gap) {
  const out = [];
  for (const u of units) {
    let g = place({ units: [u] }, lo, hi, gap);
    while (out.length && out[out.length - 1].start + out[out.length - 1].size + gap > g.start) {
      g = place({ units: out.pop().units.concat(g.units) }, lo, hi, gap);
    }
    out.push(g);
  }
  return out;
}

function place(g, lo, hi, gap) {
  let offset = 0; let sum = 0;
  for (const u of g.units) { sum += u.pref - offset; offset += u.size + gap; }
  g.size = offset - gap;
  g.start = Math.max(lo, Math.min(hi - g.size, sum / g.units.length));
  return g;
}

/** How far the furthest unit of a group sits from where it wanted to be. */
function shiftOf(g, gap) {
  let at = g.start; let worst = 0;
  for (const u of g.units) {
    worst = Math.max(worst, Math.abs(at - u.pref));
    at += u.size + gap;
  }
  return worst;
}

function boxesOf(groups, gap) {
  const boxes = [];
  for (const g of groups) {
    let at = g.start;
    for (const u of g.units) {
      boxes.push({ start: at, size: u.size, members: u.members, collapsed: u.collapsed });
      at += u.size + gap;
    }
  }
  return boxes;
}
