package org.narrativewatch.shift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.narrativewatch.UserException;

/**
 * Runs one detector configuration over a folder in the Turing Change Point Dataset layout
 * ({@code datasets/*.json} + {@code annotations.json}) and scores it with {@link ChangepointMetrics}.
 * Means are over univariate series that are not {@code quality_control_*}; those are scored apart.
 */
public final class TcpdEvaluation {
    private TcpdEvaluation() {}

    /**
     * The one configuration used for every series: {@code nwatch shifts}' own default for a date,value
     * series ({@link ShiftOptions#DEFAULT}: a line per segment, BIC, outlying runs set aside, calendar
     * cycles removed, the long-run scale). See docs/shifts.md for how it compares and how flat the choice is.
     */
    public static final ShiftOptions DEFAULT = ShiftOptions.DEFAULT;

    public record SeriesScore(String name, int n, int dims, boolean qualityControl, ChangepointMetrics.Scores scores,
                              int[] predicted, int annotators) {
        public boolean counted() {
            return dims == 1 && !qualityControl;
        }
    }

    public record Report(List<SeriesScore> series, double meanF1, double meanCover, double qcMeanF1, double qcMeanCover,
                         ShiftOptions options) {}

    /** One dataset file: its name, the time index length, its dimensions (NaN = missing), dates or null. */
    public record Dataset(String name, int n, double[][] dims, List<LocalDate> dates) {
        public Dataset(String name, int n, double[][] dims) {
            this(name, n, dims, null);
        }
    }

    /** A named configuration of the detector, one candidate of the model selection. */
    public record Config(String name, ShiftOptions options) {}

    /**
     * The configurations model selection chooses among: the default, each of its parts switched off, other
     * penalties, and the plain models (as R defines them). Fixed before any scoring; the same list for
     * every fold of {@link #leaveOneOut}.
     */
    public static List<Config> grid() {
        ShiftOptions d = DEFAULT;
        List<Config> g = new ArrayList<>();
        g.add(new Config("default", d));
        g.add(new Config("default without variance segments", d.withVarianceSegments(false)));
        g.add(new Config("default with the no-change check", d.withNoChangeCheck(true)));
        g.add(new Config("default without calendar cycles", d.withSeasonal(false)));
        g.add(new Config("default without the long-run scale", d.withLongRunScale(false)));
        g.add(new Config("default without the outlier guard", d.withRobust(false)));
        g.add(new Config("default, no jump check", d.withMinJump(0.0)));
        for (double j : new double[] {0.5, 1.5, 2}) {
            g.add(new Config("default, jumps of at least " + j + " long-run sd", d.withMinJump(j)));
        }
        g.add(new Config("default without local refinement (the previous default)", d.withLocalRefinement(false)));
        for (int side : new int[] {5, 20}) {
            g.add(new Config("default, local refinement with sides of at least " + side, d.withRefineSide(side)));
        }
        g.add(new Config("default, local refinement at the unbiased local noise", d.withUnbiasedLocalNoise(true)));
        g.add(new Config("default, unbiased local noise, min segment 10", d.withUnbiasedLocalNoise(true).withMinSegment(10)));
        // local refinement over seeded intervals (SeededIntervals; docs/shifts.md)
        for (ShiftOptions.RefineIntervals r : List.of(ShiftOptions.RefineIntervals.SEEDED, ShiftOptions.RefineIntervals.SEEDED_NARROWEST,
                ShiftOptions.RefineIntervals.SEEDED_RANGE_NOISE, ShiftOptions.RefineIntervals.SEEDED_NARROWEST_RANGE_NOISE)) {
            g.add(new Config("default, refinement over intervals " + r.flag(), d.withRefineIntervals(r)));
            g.add(new Config("default, refinement over intervals " + r.flag() + ", unbiased local noise",
                    d.withRefineIntervals(r).withUnbiasedLocalNoise(true)));
        }
        g.add(new Config("default, local noise with one AR(1) coefficient pooled over the segments", d.withLocalNoise(ShiftOptions.LocalNoise.POOLED)));
        g.add(new Config("default, local noise pooled over the segments, variance too", d.withLocalNoise(ShiftOptions.LocalNoise.POOLED_JOINT)));
        g.add(new Config("default, local noise with the piece's AR(1) coefficient shrunk towards the pooled one", d.withLocalNoise(ShiftOptions.LocalNoise.SHRUNK)));
        g.add(new Config("default without turning points", d.withMinTurn(0.0)));
        for (double t : new double[] {1, 3}) {
            g.add(new Config("default, turns of at least " + (int) t + " long-run sd", d.withMinTurn(t)));
        }
        for (double k : new double[] {2, 2.5, 3.5, 4, 6}) {
            g.add(new Config("default, penalty " + (k == Math.rint(k) ? String.valueOf((int) k) : String.valueOf(k)) + "*log(n)",
                    d.withPenalty(Penalty.timesLogN(k))));
        }
        g.add(new Config("default, mbic", d.withPenalty(Penalty.MBIC)));
        g.add(new Config("default, min segment 10", d.withMinSegment(10)));
        // issue 15's remaining options (docs/shifts.md, "Costs and model choice")
        g.add(new Config("default, AR(1) cost, noise from differences", d.withAr1Cost(ShiftOptions.Ar1Noise.DIFFERENCES)));
        g.add(new Config("default, AR(1) cost, noise from residuals", d.withAr1Cost(ShiftOptions.Ar1Noise.RESIDUALS)));
        g.add(new Config("default, model chosen by BIC (likelihood)", d.withChooseModel(ShiftOptions.ModelChoice.LIKELIHOOD)));
        g.add(new Config("default, model chosen by BIC (quasi-likelihood)", d.withChooseModel(ShiftOptions.ModelChoice.QUASI)));
        g.add(new Config("default, a mean per segment (least squares)", d.withMeanLoss(ShiftOptions.MeanLoss.SQUARED)));
        g.add(new Config("default, a mean per segment, Huber loss", d.withMeanLoss(ShiftOptions.MeanLoss.HUBER)));
        g.add(new Config("default, a mean per segment, biweight loss", d.withMeanLoss(ShiftOptions.MeanLoss.BIWEIGHT)));
        g.add(new Config("default, a mean per segment, biweight loss, no outlier guard",
                d.withMeanLoss(ShiftOptions.MeanLoss.BIWEIGHT).withRobust(false)));
        // one consistent long-run scale (docs/shifts.md, "One consistent long-run scale")
        g.add(new Config("default, jump check at the refined segmentation's scale", d.withConsistentScale(ScaleFixedPoint.Mode.JUDGED)));
        g.add(new Config("default, scale re-estimated after every merge", d.withConsistentScale(ScaleFixedPoint.Mode.MERGES)));
        g.add(new Config("default, refinement inside the long-run fixed point", d.withConsistentScale(ScaleFixedPoint.Mode.FIXED_POINT)));
        g.add(new Config("default, refinement inside the fixed point, re-estimated after every merge",
                d.withConsistentScale(ScaleFixedPoint.Mode.FIXED_POINT_MERGES)));
        g.add(new Config("default, the whole default inside the fixed point (scale of the final segmentation)",
                d.withConsistentScale(ScaleFixedPoint.Mode.FINAL)));
        g.add(new Config("default, the jump check at the search's scale (the previous default)", d.withConsistentScale(ScaleFixedPoint.Mode.NONE)));
        g.add(new Config("normal-trend, bic (plain)", d.withModel(Model.NORMAL_TREND)));
        g.add(new Config("normal-mean, bic (plain)", d.withModel(Model.NORMAL_MEAN)));
        g.add(new Config("normal-mean, mbic (R cpt.mean default)", d.withModel(Model.NORMAL_MEAN).withPenalty(Penalty.MBIC)));
        g.add(new Config("normal-meanvar, mbic (R cpt.meanvar default)", d.withModel(Model.NORMAL_MEANVAR).withPenalty(Penalty.MBIC)));
        g.add(new Config("normal-trendvar, bic (plain)", d.withModel(Model.NORMAL_TREND_VAR)));
        g.add(new Config("binseg, default", d.withMethod(ShiftOptions.Method.BINSEG)));
        return g;
    }

    /** One fold: the held-out series, the configuration chosen on the others, its scores on the held-out one. */
    public record Fold(String heldOut, String chosen, double f1, double cover) {}

    /**
     * Leave-one-out model selection: for each counted series, the configuration with the best mean of F1
     * and cover over the other counted series (ties to the earlier one in the grid) scores the held-out
     * series; the means of those scores estimate how a configuration chosen on development series does on
     * a series it was not chosen on.
     *
     * @param inSample the report of every configuration on every series
     */
    public record Loo(List<Config> grid, List<Report> inSample, List<Fold> folds, double meanF1, double meanCover,
                      List<List<ConstructedSeries.Tally>> constructed, List<Boolean> admissible, List<Fold> admissibleFolds,
                      double admissibleMeanF1, double admissibleMeanCover) {}

    /**
     * Leave-one-out twice: over the whole grid, and over the configurations that keep the constructed series
     * clean ({@link ConstructedSeries#admissible}), the proxy for series no configuration was chosen on.
     */
    public static Loo leaveOneOut(Path dir, List<Config> grid) {
        List<Report> reports = new ArrayList<>();
        List<List<ConstructedSeries.Tally>> constructed = new ArrayList<>();
        List<Boolean> admissible = new ArrayList<>();
        for (Config c : grid) {
            reports.add(evaluate(dir, c.options()));
            List<ConstructedSeries.Tally> t = ConstructedSeries.tallies(c.options());
            constructed.add(t);
            admissible.add(ConstructedSeries.admissible(t));
        }
        double[] all = new double[2];
        List<Fold> folds = folds(dir, grid, reports, i -> true, all);
        double[] adm = new double[2];
        List<Fold> admFolds = admissible.contains(true) ? folds(dir, grid, reports, admissible::get, adm) : List.of();
        return new Loo(grid, reports, folds, all[0], all[1], constructed, admissible, admFolds,
                admFolds.isEmpty() ? Double.NaN : adm[0], admFolds.isEmpty() ? Double.NaN : adm[1]);
    }

    private static List<Fold> folds(Path dir, List<Config> grid, List<Report> reports, java.util.function.IntPredicate eligible,
                                    double[] means) {
        List<String> names = reports.get(0).series().stream().filter(SeriesScore::counted).map(SeriesScore::name).toList();
        if (names.size() < 2) {
            throw new UserException(dir + ": leave-one-out needs at least 2 univariate series, found " + names.size());
        }
        List<Fold> folds = new ArrayList<>();
        double f1 = 0;
        double cover = 0;
        for (String held : names) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < grid.size(); i++) {
                if (!eligible.test(i)) {
                    continue;
                }
                double sum = 0;
                for (SeriesScore s : reports.get(i).series()) {
                    if (s.counted() && !s.name().equals(held)) {
                        sum += s.scores().f1() + s.scores().cover();
                    }
                }
                if (sum > bestScore + 1e-12) {
                    bestScore = sum;
                    best = i;
                }
            }
            SeriesScore s = reports.get(best).series().stream().filter(x -> x.name().equals(held)).findFirst().orElseThrow();
            folds.add(new Fold(held, grid.get(best).name(), s.scores().f1(), s.scores().cover()));
            f1 += s.scores().f1();
            cover += s.scores().cover();
        }
        means[0] = f1 / names.size();
        means[1] = cover / names.size();
        return folds;
    }

    public static Report evaluate(Path dir, ShiftOptions options) {
        Path datasets = dir.resolve("datasets");
        Path annotations = dir.resolve("annotations.json");
        if (!Files.isDirectory(datasets)) {
            throw new UserException(dir + ": not a TCPD folder (no datasets/ directory)");
        }
        if (!Files.isRegularFile(annotations)) {
            throw new UserException(dir + ": not a TCPD folder (no annotations.json)");
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode ann = read(json, annotations);
        List<Path> files;
        try (Stream<Path> s = Files.list(datasets)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UserException(datasets + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new UserException(datasets + ": no *.json datasets");
        }
        List<SeriesScore> out = new ArrayList<>();
        for (Path f : files) {
            Dataset d = load(json, f);
            JsonNode a = ann.get(d.name);
            if (a == null || !a.isObject() || a.isEmpty()) {
                throw new UserException(annotations + ": no annotations for series '" + d.name + "' (from " + f.getFileName() + ")");
            }
            List<List<Integer>> annotators = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<Integer> cps = new ArrayList<>();
                for (JsonNode c : e.getValue()) {
                    if (!c.canConvertToInt() || c.asInt() < 0) {
                        throw new UserException(annotations + ": " + d.name + "/" + e.getKey() + ": bad change point " + c);
                    }
                    cps.add(c.asInt());
                }
                annotators.add(cps);
            }
            int[] pred = detect(d, options);
            List<Integer> predList = new ArrayList<>();
            for (int p : pred) {
                predList.add(p);
            }
            out.add(new SeriesScore(d.name, d.n, d.dims.length, d.name.startsWith("quality_control"),
                    ChangepointMetrics.score(annotators, predList, d.n), pred, annotators.size()));
        }
        double[] main = means(out.stream().filter(SeriesScore::counted).toList());
        double[] qc = means(out.stream().filter(SeriesScore::qualityControl).toList());
        return new Report(out, main[0], main[1], qc[0], qc[1], options);
    }

    /** Change points of a dataset: one series directly, several by summing their scaled costs. */
    public static int[] detect(Dataset d, ShiftOptions options) {
        if (d.dims.length == 1) {
            return ShiftDetector.detect(Observations.of(d.dates, d.dims[0]), options).changeIndices();
        }
        Model model = options.model() != null ? options.model() : Model.NORMAL_TREND;
        if (model == Model.NEGATIVE_BINOMIAL) {
            throw new org.narrativewatch.InvalidOptionException("model", "negative-binomial segments one series at a time, not the "
                    + d.dims.length + " series of " + d.name + " jointly");
        }
        List<SegmentCost> costs = new ArrayList<>();
        int observed = 0;
        for (double[] dim : d.dims) {
            Observations o = Observations.of(null, dim);
            observed = Math.max(observed, o.observedCount());
            double scale = ShiftDetector.isGaussian(model) ? ShiftDetector.nullScale(o, model == Model.NORMAL_TREND) : 1;
            costs.add(SegmentCosts.of(model, o, scale));
        }
        SegmentCost sum = new SegmentCost() {
            public int size() { return d.n; }
            public double cost(int s, int e) {
                double c = 0;
                for (SegmentCost x : costs) {
                    c += x.cost(s, e);
                }
                return c;
            }
            public int observed(int s, int e) { return costs.get(0).observed(s, e); }
            public Estimate estimate(int s, int e, int at, double sigma) { return Estimate.NONE; }
        };
        // Every dimension's parameters change together: the penalty grows with their number.
        Penalty p = options.penalty();
        double logn = Math.log(Math.max(2, observed));
        double pen = switch (p.kind()) {
            case MANUAL -> p.manual();
            case LOG_N -> p.manual() * d.dims.length * logn;
            case BIC -> (model.params * d.dims.length + 1) * logn;
            case MBIC -> (model.params * d.dims.length + 2) * logn;
        };
        int minSeg = Math.max(options.minSegment(), model.minimumSegment());
        return Pelt.run(sum, pen, minSeg, options.penalty().chargesSegmentLength()).changes();
    }

    private static double[] means(List<SeriesScore> s) {
        if (s.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double f = 0;
        double c = 0;
        for (SeriesScore x : s) {
            f += x.scores().f1();
            c += x.scores().cover();
        }
        return new double[] {f / s.size(), c / s.size()};
    }

    static Dataset load(ObjectMapper json, Path f) {
        JsonNode root = read(json, f);
        String name = text(root, "name", f);
        JsonNode nObs = root.get("n_obs");
        if (nObs == null || !nObs.canConvertToInt()) {
            throw new UserException(f + ": field 'n_obs' missing or not an integer");
        }
        int n = nObs.asInt();
        JsonNode series = root.get("series");
        if (series == null || !series.isArray() || series.isEmpty()) {
            throw new UserException(f + ": field 'series' missing or empty");
        }
        double[][] dims = new double[series.size()][];
        for (int k = 0; k < series.size(); k++) {
            JsonNode raw = series.get(k).get("raw");
            if (raw == null || !raw.isArray()) {
                throw new UserException(f + ": series[" + k + "].raw missing");
            }
            if (raw.size() != n) {
                throw new UserException(f + ": series[" + k + "].raw has " + raw.size() + " values, n_obs says " + n);
            }
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                JsonNode x = raw.get(i);
                if (x.isNull()) {
                    v[i] = Double.NaN;
                } else if (x.isNumber()) {
                    v[i] = x.asDouble();
                } else {
                    throw new UserException(f + ": series[" + k + "].raw[" + i + "] is not a number: " + x);
                }
            }
            dims[k] = v;
        }
        return new Dataset(name, n, dims, dates(root.get("time"), n));
    }

    /**
     * The dates of the time axis when it has them ({@code time.format} %Y-%m-%d, %Y-%m or %Y and
     * {@code time.raw}); null otherwise (an index only), which leaves calendar cycles untested.
     */
    static List<LocalDate> dates(JsonNode time, int n) {
        if (time == null || time.get("format") == null || time.get("raw") == null || time.get("raw").size() != n) {
            return null;
        }
        String fmt = time.get("format").asText();
        List<LocalDate> out = new ArrayList<>();
        try {
            for (JsonNode r : time.get("raw")) {
                String t = r.asText();
                out.add(switch (fmt) {
                    case "%Y-%m-%d" -> LocalDate.parse(t);
                    case "%Y-%m" -> YearMonth.parse(t).atDay(1);
                    case "%Y" -> LocalDate.of(Integer.parseInt(t), 1, 1);
                    default -> throw new DateTimeException("format " + fmt);
                });
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return out;
    }

    private static String text(JsonNode root, String field, Path f) {
        JsonNode x = root.get(field);
        if (x == null || !x.isTextual()) {
            throw new UserException(f + ": field '" + field + "' missing or not a string");
        }
        return x.asText();
    }

    private static JsonNode read(ObjectMapper json, Path f) {
        try {
            return json.readTree(f.toFile());
        } catch (IOException e) {
            throw new UserException(f + ": cannot read JSON: " + e.getMessage(), e);
        }
    }
}
