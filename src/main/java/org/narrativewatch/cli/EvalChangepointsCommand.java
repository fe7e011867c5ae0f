package org.narrativewatch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.UserException;
import org.narrativewatch.shift.ConstructedSeries;
import org.narrativewatch.shift.Model;
import org.narrativewatch.shift.PublishedScores;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.TcpdEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nwatch eval-changepoints DIR}: scores the default shift detector on a TCPD-layout folder. */
@Command(name = "eval-changepoints", mixinStandardHelpOptions = true,
        description = "Score change-point detection on a folder in the TCPD layout (datasets/*.json + annotations.json): "
                + "per-series F1 and segmentation cover (TCPDBench definitions, margin 5) and their means over univariate series.")
public final class EvalChangepointsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Parameters(index = "0", paramLabel = "DIR", description = "TCPD folder")
    Path dir;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = Formats.TextJsonConverter.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; table is text)")
    Formats.TextJson format;

    @Option(names = "--model", description = "a plain model instead of the robust default: poisson, negative-binomial, binomial, normal-mean, "
            + "normal-meanvar, normal-trend, normal-trendvar")
    String model;

    @Mixin
    DetectorOptions detector;

    @Option(names = "--loo", description = "leave-one-out model selection over the fixed grid of configurations: choose on all "
            + "series but one, score the one left out; printed beside every configuration's in-sample figures")
    boolean loo;

    @Override
    public Integer call() throws Exception {
        boolean json = format == Formats.TextJson.JSON;
        if (detector.minSegment != null && detector.minSegment < 1) {
            throw new InvalidOptionException("min-segment", "must be at least 1, not " + detector.minSegment);
        }
        ShiftOptions opt = detector.apply(TcpdEvaluation.DEFAULT);
        if (model != null) {
            opt = opt.withModel(Model.parse(model));
        }
        if (loo) {
            if (opt != TcpdEvaluation.DEFAULT) {
                throw new UserException("--loo chooses among its own grid of configurations; drop --model and the detector options");
            }
            TcpdEvaluation.Loo l = TcpdEvaluation.leaveOneOut(dir, TcpdEvaluation.grid());
            if (json) {
                Map<String, Object> m = toJson(l.inSample().get(0));
                m.put("loo", looJson(l));
                Output.json(out(), m);
            } else {
                out().print(table(l.inSample().get(0)));
                out().print(looTable(l));
            }
            out().flush();
            return 0;
        }
        TcpdEvaluation.Report r = TcpdEvaluation.evaluate(dir, opt);
        PublishedScores pub = PublishedScores.find(dir);
        if (json) {
            Map<String, Object> m = toJson(r);
            if (pub != null) {
                m.put("published", published(r, pub));
            }
            Output.json(out(), m);
        } else {
            out().print(table(r));
            if (pub != null) {
                out().print(comparison(r, pub));
            }
        }
        out().flush();
        return 0;
    }

    static Map<String, Object> looJson(TcpdEvaluation.Loo l) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> grid = new ArrayList<>();
        for (int i = 0; i < l.grid().size(); i++) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", l.grid().get(i).name());
            x.put("in_sample_mean_f1", l.inSample().get(i).meanF1());
            x.put("in_sample_mean_cover", l.inSample().get(i).meanCover());
            x.put("quality_control_mean_f1", l.inSample().get(i).qcMeanF1());
            x.put("quality_control_mean_cover", l.inSample().get(i).qcMeanCover());
            List<Object> cases = new ArrayList<>();
            for (ConstructedSeries.Tally t : l.constructed().get(i)) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("case", t.name());
                c.put("found", t.found());
                c.put("true", t.truth());
                c.put("false", t.wrong());
                cases.add(c);
            }
            x.put("constructed", cases);
            x.put("admissible", l.admissible().get(i));
            grid.add(x);
        }
        m.put("grid", grid);
        m.put("folds", folds(l.folds()));
        m.put("mean_f1", l.meanF1());
        m.put("mean_cover", l.meanCover());
        Map<String, Object> adm = new LinkedHashMap<>();
        adm.put("rule", ADMISSIBLE);
        adm.put("folds", folds(l.admissibleFolds()));
        adm.put("mean_f1", l.admissibleMeanF1());
        adm.put("mean_cover", l.admissibleMeanCover());
        m.put("admissible", adm);
        m.put("selection", "best mean of F1 and cover on the other series; ties to the earlier configuration");
        return m;
    }

    static final String ADMISSIBLE = "configurations that keep the constructed series clean: every true level change found, "
            + "at most one false change a series in every case (" + ConstructedSeries.SEEDS.length + " seeds each)";

    private static List<Object> folds(List<TcpdEvaluation.Fold> fs) {
        List<Object> folds = new ArrayList<>();
        for (TcpdEvaluation.Fold f : fs) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("held_out", f.heldOut());
            x.put("chosen", f.chosen());
            x.put("f1", f.f1());
            x.put("cover", f.cover());
            folds.add(x);
        }
        return folds;
    }

    static String looTable(TcpdEvaluation.Loo l) {
        StringBuilder b = new StringBuilder("\nconfigurations (in-sample, all series)        mean f1  cover    qc f1  qc cover  "
                + "constructed: false changes (true found) per case; admissible\n");
        for (int i = 0; i < l.grid().size(); i++) {
            TcpdEvaluation.Report r = l.inSample().get(i);
            StringBuilder cases = new StringBuilder();
            for (ConstructedSeries.Tally t : l.constructed().get(i)) {
                cases.append(String.format(Locale.ROOT, " %3d%s", t.wrong(), t.truth() > 0 ? String.format(Locale.ROOT, "(%d/%d)", t.found(), t.truth())
                        : "     "));
            }
            b.append(String.format(Locale.ROOT, "%-46s %7.3f %6.3f  %7.3f %7.3f %s  %s%n", l.grid().get(i).name(), r.meanF1(), r.meanCover(),
                    r.qcMeanF1(), r.qcMeanCover(), cases, l.admissible().get(i) ? "yes" : "no"));
        }
        b.append("constructed cases, in order: ");
        b.append(String.join("; ", ConstructedSeries.cases().keySet())).append('\n');
        b.append("\nleave-one-out over every configuration: chosen on the other series, scored on the held-out one\n");
        looFolds(b, l.folds());
        b.append(String.format(Locale.ROOT, "%-22s %6.3f %6.3f  (leave-one-out; the default in-sample: %.3f %.3f)%n", "LOO MEAN", l.meanF1(),
                l.meanCover(), l.inSample().get(0).meanF1(), l.inSample().get(0).meanCover()));
        b.append("\nleave-one-out over the admissible configurations (").append(ADMISSIBLE).append(")\n");
        if (l.admissibleFolds().isEmpty()) {
            b.append("no configuration is admissible\n");
        } else {
            looFolds(b, l.admissibleFolds());
            b.append(String.format(Locale.ROOT, "%-22s %6.3f %6.3f  (leave-one-out over admissible configurations)%n", "LOO MEAN",
                    l.admissibleMeanF1(), l.admissibleMeanCover()));
        }
        return b.toString();
    }

    private static void looFolds(StringBuilder b, List<TcpdEvaluation.Fold> folds) {
        for (TcpdEvaluation.Fold f : folds) {
            b.append(String.format(Locale.ROOT, "%-22s %6.3f %6.3f  chosen: %s%n", f.heldOut(), f.f1(), f.cover(), f.chosen()));
        }
    }

    static Map<String, Object> toJson(TcpdEvaluation.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> main = new ArrayList<>();
        List<Object> qc = new ArrayList<>();
        for (TcpdEvaluation.SeriesScore s : r.series()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", s.name());
            x.put("n", s.n());
            x.put("f1", s.scores().f1());
            x.put("cover", s.scores().cover());
            x.put("precision", s.scores().precision());
            x.put("recall", s.scores().recall());
            x.put("predicted", s.predicted());
            x.put("dims", s.dims());
            x.put("annotators", s.annotators());
            x.put("counted", s.counted());
            (s.qualityControl() ? qc : main).add(x);
        }
        m.put("series", main);
        m.put("mean_f1", r.meanF1());
        m.put("mean_cover", r.meanCover());
        m.put("counted_series", r.series().stream().filter(TcpdEvaluation.SeriesScore::counted).count());
        m.put("quality_control", qc);
        m.put("quality_control_mean_f1", r.qcMeanF1());
        m.put("quality_control_mean_cover", r.qcMeanCover());
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("method", r.options().method().name().toLowerCase(Locale.ROOT));
        cfg.put("model", r.options().model() == null ? "auto (normal-trend, robust default)" : r.options().model().wire);
        cfg.put("penalty", r.options().penalty().wire());
        cfg.put("min_segment", r.options().minSegment());
        boolean auto = r.options().model() == null;
        cfg.put("seasonal", r.options().seasonal() != null ? r.options().seasonal() : auto);
        cfg.put("long_run_scale", r.options().longRunScale() != null ? r.options().longRunScale() : auto);
        cfg.put("robust", r.options().robust() != null ? r.options().robust() : auto);
        cfg.put("variance_segments", r.options().varianceSegments() != null ? r.options().varianceSegments() : auto);
        cfg.put("null_check", r.options().noChangeCheck() != null ? r.options().noChangeCheck() : auto);
        m.put("config", cfg);
        m.put("margin", 5);
        return m;
    }

    static String table(TcpdEvaluation.Report r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-22s %5s %6s %6s  %s%n", "series", "n", "f1", "cover", "predicted"));
        for (TcpdEvaluation.SeriesScore s : r.series()) {
            String note = s.qualityControl() ? "  (quality control, not in means)" : s.dims() > 1 ? "  (multivariate, not in means)" : "";
            b.append(String.format(Locale.ROOT, "%-22s %5d %6.3f %6.3f  %s%s%n", s.name(), s.n(), s.scores().f1(), s.scores().cover(),
                    java.util.Arrays.toString(s.predicted()), note));
        }
        b.append(String.format(Locale.ROOT, "%-22s %5s %6.3f %6.3f  (%d univariate series)%n", "MEAN", "", r.meanF1(), r.meanCover(),
                r.series().stream().filter(TcpdEvaluation.SeriesScore::counted).count()));
        if (!Double.isNaN(r.qcMeanF1())) {
            b.append(String.format(Locale.ROOT, "%-22s %5s %6.3f %6.3f%n", "quality control mean", "", r.qcMeanF1(), r.qcMeanCover()));
        }
        return b.toString();
    }

    private static List<String> counted(TcpdEvaluation.Report r) {
        return r.series().stream().filter(TcpdEvaluation.SeriesScore::counted).map(TcpdEvaluation.SeriesScore::name).toList();
    }

    /** Means of every published method over the same univariate series, default and oracle. */
    static Map<String, Object> published(TcpdEvaluation.Report r, PublishedScores pub) {
        List<String> names = counted(r);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String setting : List.of("default", "oracle")) {
            Map<String, Object> bm = new LinkedHashMap<>();
            for (String method : pub.methods(setting + "_f1")) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("mean_f1", pub.mean(setting + "_f1", names, method));
                x.put("mean_cover", pub.mean(setting + "_cover", names, method));
                bm.put(method, x);
            }
            out.put(setting, bm);
        }
        return out;
    }

    /** Per-series F1 / cover of ours beside the published default runs of the usual methods. */
    static String comparison(TcpdEvaluation.Report r, PublishedScores pub) {
        List<String> names = counted(r);
        List<String> methods = PublishedScores.SHOWN;
        StringBuilder b = new StringBuilder("\nF1 / cover beside the published default runs (null = failed = 0)\n");
        b.append(String.format(Locale.ROOT, "%-20s %13s", "series", "ours"));
        for (String m : methods) {
            b.append(String.format(Locale.ROOT, " %13s", m));
        }
        b.append('\n');
        for (TcpdEvaluation.SeriesScore s : r.series()) {
            if (!s.counted()) {
                continue;
            }
            b.append(String.format(Locale.ROOT, "%-20s %6.3f/%.3f", s.name(), s.scores().f1(), s.scores().cover()));
            for (String m : methods) {
                b.append(String.format(Locale.ROOT, " %6.3f/%.3f", pub.score("default_f1", s.name(), m), pub.score("default_cover", s.name(), m)));
            }
            b.append('\n');
        }
        b.append(String.format(Locale.ROOT, "%-20s %6.3f/%.3f", "MEAN", r.meanF1(), r.meanCover()));
        for (String m : methods) {
            b.append(String.format(Locale.ROOT, " %6.3f/%.3f", pub.mean("default_f1", names, m), pub.mean("default_cover", names, m)));
        }
        b.append('\n');
        String bestF1 = null;
        String bestCover = null;
        for (String m : pub.methods("default_f1")) {
            if (bestF1 == null || pub.mean("default_f1", names, m) > pub.mean("default_f1", names, bestF1)) {
                bestF1 = m;
            }
            if (bestCover == null || pub.mean("default_cover", names, m) > pub.mean("default_cover", names, bestCover)) {
                bestCover = m;
            }
        }
        if (bestF1 != null) {
            b.append(String.format(Locale.ROOT, "best published default: F1 %.3f (%s), cover %.3f (%s); best oracle F1 %.3f%n",
                    pub.mean("default_f1", names, bestF1), bestF1, pub.mean("default_cover", names, bestCover), bestCover,
                    pub.methods("oracle_f1").stream().mapToDouble(m -> pub.mean("oracle_f1", names, m)).max().orElse(Double.NaN)));
        }
        return b.toString();
    }
}
