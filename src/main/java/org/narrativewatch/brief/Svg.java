package org.narrativewatch.brief;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A figure's chart as inline SVG. Written by hand on purpose: a brief must be one static file that prints and opens
 * without scripts or network, and the chart libraries the dashboard uses (uPlot) draw on a canvas from JavaScript;
 * a dated line with markers and a map outline need only paths. Every text is escaped.
 */
final class Svg {
    private Svg() {}

    static final int W = 640;
    static final int H = 220;
    private static final int LEFT = 58;
    private static final int RIGHT = 14;
    private static final int TOP = 14;
    private static final int BOTTOM = 30;

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A dated chart: lines (or points with intervals), shaded windows, vertical markers, axes. */
    static String chart(Chart c, String title) {
        long x0 = c.from().toEpochDay();
        long x1 = Math.max(c.to().toEpochDay(), x0 + 1);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Chart.Line l : c.lines()) {
            for (int i = 0; i < l.values().length; i++) {
                for (double v : new double[] {l.values()[i], l.lo() == null ? Double.NaN : l.lo()[i], l.hi() == null ? Double.NaN : l.hi()[i]}) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (!Double.isFinite(lo)) {
            lo = 0;
            hi = 1;
        }
        if (lo >= 0 && lo < 0.5 * hi) {
            lo = 0; // counts and shares read against zero
        }
        if (hi - lo < 1e-12) {
            // a flat series: an axis from zero (all zeros: 0..1), or a band around its value
            hi = lo + Math.max(1, Math.abs(lo) * 0.1);
            lo = lo == 0 ? 0 : lo - (hi - lo) * 0.1;
        }
        double[] ticks = ticks(lo, hi);
        lo = Math.min(lo, ticks[0]);
        hi = Math.max(hi, ticks[ticks.length - 1]);
        final double ylo = lo;
        final double yhi = hi;
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        java.util.function.LongToDoubleFunction X = d -> LEFT + (double) (d - x0) / (x1 - x0) * pw;
        java.util.function.DoubleUnaryOperator Y = v -> TOP + (1 - (v - ylo) / (yhi - ylo)) * ph;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"nw-chart\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" aria-label=\"").append(esc(title)).append("\">");
        b.append("<title>").append(esc(title)).append("</title>");
        for (Chart.Window w : c.windows()) {
            double a = X.applyAsDouble(clamp(w.from().toEpochDay(), x0, x1));
            double z = X.applyAsDouble(clamp(w.to().toEpochDay() + 1, x0, x1));
            b.append("<rect class=\"win\" x=\"").append(f(a)).append("\" y=\"").append(TOP).append("\" width=\"")
                    .append(f(Math.max(1, z - a))).append("\" height=\"").append(ph).append("\"/>");
            b.append("<text class=\"winlabel\" x=\"").append(f(a + 3)).append("\" y=\"").append(TOP + 11).append("\">")
                    .append(esc(w.label())).append("</text>");
        }
        for (PartialBucket p : c.partials()) {
            // a partial bucket's span is greyed: its point is a count over fewer days than its neighbours'
            double a = X.applyAsDouble(clamp(p.start().toEpochDay(), x0, x1));
            double z = X.applyAsDouble(clamp(p.end().toEpochDay() + 1, x0, x1));
            b.append("<rect class=\"partial\" x=\"").append(f(a)).append("\" y=\"").append(TOP).append("\" width=\"")
                    .append(f(Math.max(1, z - a))).append("\" height=\"").append(ph).append("\"><title>")
                    .append(esc("partial bucket " + p.start() + ".." + p.end() + ": " + p.days() + " of " + p.length() + " days"))
                    .append("</title></rect>");
        }
        for (double t : ticks) {
            double y = Y.applyAsDouble(t);
            b.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"")
                    .append(f(y)).append("\" y2=\"").append(f(y)).append("\"/>");
            b.append("<text class=\"ytick\" x=\"").append(LEFT - 5).append("\" y=\"").append(f(y + 3.5)).append("\">")
                    .append(esc(tickLabel(t, ticks))).append("</text>");
        }
        for (LocalDate d : dateTicks(c.from(), c.to())) {
            double x = X.applyAsDouble(d.toEpochDay());
            b.append("<line class=\"xtick\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"")
                    .append(TOP + ph).append("\" y2=\"").append(TOP + ph + 4).append("\"/>");
            b.append("<text class=\"xlabel\" x=\"").append(f(x)).append("\" y=\"").append(H - 10).append("\">")
                    .append(esc(dateLabel(d, c.from(), c.to()))).append("</text>");
        }
        b.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"")
                .append(TOP + ph).append("\" y2=\"").append(TOP + ph).append("\"/>");
        int li = 0;
        for (Chart.Line l : c.lines()) {
            String cls = "s" + (li++ % 4);
            if (l.points()) {
                for (int i = 0; i < l.values().length; i++) {
                    if (!Double.isFinite(l.values()[i])) {
                        continue;
                    }
                    double x = X.applyAsDouble(l.dates().get(i).toEpochDay());
                    if (l.lo() != null && Double.isFinite(l.lo()[i]) && Double.isFinite(l.hi()[i])) {
                        b.append("<path class=\"err ").append(cls).append("\" d=\"M").append(f(x)).append(' ')
                                .append(f(Y.applyAsDouble(l.lo()[i]))).append("V").append(f(Y.applyAsDouble(l.hi()[i]))).append("\"/>");
                    }
                    b.append("<circle class=\"pt ").append(cls).append("\" cx=\"").append(f(x)).append("\" cy=\"")
                            .append(f(Y.applyAsDouble(l.values()[i]))).append("\" r=\"3\"><title>").append(esc(l.dates().get(i)
                                    + ": " + Format.number(l.values()[i]))).append("</title></circle>");
                }
            } else {
                StringBuilder d = new StringBuilder();
                boolean pen = false;
                int drawn = 0;
                for (int i = 0; i < l.values().length; i++) {
                    double v = l.values()[i];
                    if (!Double.isFinite(v)) {
                        pen = false;
                        continue;
                    }
                    d.append(pen ? "L" : "M").append(f(X.applyAsDouble(l.dates().get(i).toEpochDay()))).append(' ')
                            .append(f(Y.applyAsDouble(v)));
                    pen = true;
                    drawn++;
                }
                if (drawn == 1) {
                    d.append("h2"); // a single point still shows
                }
                b.append("<path class=\"line ").append(cls).append("\" d=\"").append(d).append("\"><title>")
                        .append(esc(l.label())).append("</title></path>");
                for (PartialBucket p : c.partials()) {
                    int i = l.dates().indexOf(p.start());
                    if (i >= 0 && Double.isFinite(l.values()[i])) {
                        b.append("<circle class=\"pt partial-pt ").append(cls).append("\" cx=\"")
                                .append(f(X.applyAsDouble(p.start().toEpochDay()))).append("\" cy=\"")
                                .append(f(Y.applyAsDouble(l.values()[i]))).append("\" r=\"3.5\"><title>")
                                .append(esc(p.start() + ": " + Format.number(l.values()[i]) + " over " + p.days() + " of "
                                        + p.length() + " days (partial)")).append("</title></circle>");
                    }
                }
            }
        }
        int events = 0;
        for (Chart.Marker m : c.markers()) {
            long d = m.date().toEpochDay();
            if (d < x0 || d > x1) {
                continue;
            }
            double x = X.applyAsDouble(d);
            String cls = switch (m.kind()) {
                case CHANGE_UP -> "mk up";
                case CHANGE_DOWN -> "mk down";
                case EVENT -> "mk event";
                case EXPECTED -> "mk expected";
            };
            b.append("<line class=\"").append(cls).append("\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x))
                    .append("\" y1=\"").append(TOP).append("\" y2=\"").append(TOP + ph).append("\"><title>")
                    .append(esc(m.label())).append("</title></line>");
            if (m.kind() == Chart.MarkerKind.EVENT) {
                // labels of events close together are stacked, not printed over each other
                int row = events++ % 3;
                b.append("<text class=\"evlabel\" x=\"").append(f(x + 3)).append("\" y=\"").append(TOP + ph - 4 - 11 * row).append("\">")
                        .append(esc(shorten(m.label(), 28))).append("</text>");
            }
        }
        b.append("</svg>");
        return b.toString();
    }

    private static long clamp(long v, long a, long b) {
        return Math.max(a, Math.min(b, v));
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** About five round ticks covering [lo, hi]. */
    static double[] ticks(double lo, double hi) {
        double span = hi - lo;
        double raw = span / 4;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        double start = Math.floor(lo / step) * step;
        List<Double> t = new ArrayList<>();
        for (double v = start; v <= hi + step * 0.5 && t.size() < 12; v += step) {
            t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String tickLabel(double v, double[] ticks) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
        if (Math.abs(v) >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6).replace(".0M", "M");
        }
        if (Math.abs(v) >= 1e4) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        if (step >= 1) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static List<LocalDate> dateTicks(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        List<LocalDate> out = new ArrayList<>();
        if (days > 3 * 366) {
            int stepYears = (int) Math.max(1, Math.ceil(days / 365.0 / 6));
            for (LocalDate d = LocalDate.of(from.getYear() + 1, 1, 1); !d.isAfter(to); d = d.plusYears(stepYears)) {
                out.add(d);
            }
        } else if (days > 60) {
            int stepMonths = (int) Math.max(1, Math.ceil(days / 30.4 / 6));
            for (LocalDate d = from.withDayOfMonth(1).plusMonths(1); !d.isAfter(to); d = d.plusMonths(stepMonths)) {
                out.add(d);
            }
        } else {
            int step = (int) Math.max(1, Math.ceil(days / 6.0));
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(step)) {
                out.add(d);
            }
        }
        return out;
    }

    private static String dateLabel(LocalDate d, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days > 3 * 366) {
            return Integer.toString(d.getYear());
        }
        if (days > 60) {
            return d.getYear() + "-" + String.format(Locale.ROOT, "%02d", d.getMonthValue());
        }
        return d.toString().substring(5);
    }

    /** A map of lon/lat shapes, equirectangular with the longitude scaled by cos(mean latitude). */
    static String map(List<Chart.Shape> shapes, String title) {
        Envelope env = new Envelope();
        for (Chart.Shape s : shapes) {
            if (!s.kind().equals("land") || shapes.size() == 1) {
                env.expandToInclude(s.lonLat().getEnvelopeInternal());
            }
        }
        for (Chart.Shape s : shapes) {
            if (s.kind().equals("land")) {
                env.expandToInclude(s.lonLat().getEnvelopeInternal());
            }
        }
        if (env.isNull()) {
            env = new Envelope(22, 40.5, 44, 52.5);
        }
        double k = Math.cos(Math.toRadians((env.getMinY() + env.getMaxY()) / 2));
        double gw = Math.max(1e-6, env.getWidth() * k);
        double gh = Math.max(1e-6, env.getHeight());
        int w = W;
        int h = (int) Math.max(160, Math.min(520, Math.round(w * gh / gw)));
        double scale = Math.min((w - 8) / gw, (h - 8) / gh);
        double ox = (w - gw * scale) / 2;
        double oy = (h - gh * scale) / 2;
        final Envelope e = env;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"nw-chart nw-map\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" aria-label=\"").append(esc(title)).append("\">");
        b.append("<title>").append(esc(title)).append("</title>");
        for (Chart.Shape s : shapes) {
            StringBuilder d = new StringBuilder();
            path(s.lonLat(), d, c -> new double[] {ox + (c.x - e.getMinX()) * k * scale, oy + (e.getMaxY() - c.y) * scale});
            if (d.length() == 0) {
                continue;
            }
            b.append("<path class=\"geo ").append(esc(s.kind())).append("\" d=\"").append(d).append("\"><title>")
                    .append(esc(s.label())).append("</title></path>");
        }
        b.append("</svg>");
        return b.toString();
    }

    private static void path(Geometry g, StringBuilder d, java.util.function.Function<Coordinate, double[]> xy) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                ring(p.getExteriorRing().getCoordinates(), d, xy, true);
                for (int r = 0; r < p.getNumInteriorRing(); r++) {
                    ring(p.getInteriorRingN(r).getCoordinates(), d, xy, true);
                }
            } else if (part instanceof LineString l) {
                ring(l.getCoordinates(), d, xy, false);
            } else if (part.getNumGeometries() > 1 || part != g) {
                path(part, d, xy);
            }
        }
    }

    private static void ring(Coordinate[] cs, StringBuilder d, java.util.function.Function<Coordinate, double[]> xy, boolean close) {
        if (cs.length < 2) {
            return;
        }
        for (int i = 0; i < cs.length; i++) {
            double[] p = xy.apply(cs[i]);
            d.append(i == 0 ? "M" : "L").append(f(p[0])).append(' ').append(f(p[1]));
        }
        if (close) {
            d.append('Z');
        }
    }
}
