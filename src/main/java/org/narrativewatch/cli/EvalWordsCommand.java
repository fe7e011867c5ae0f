package org.narrativewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.narrativewatch.UserException;
import org.narrativewatch.analysis.WordQueryEvaluation;
import org.narrativewatch.analysis.WordQueryEvaluation.LemmaScore;
import org.narrativewatch.article.Article;
import org.narrativewatch.index.DayCounts;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.ingest.ImportDefaults;
import org.narrativewatch.ingest.Source;
import org.narrativewatch.ingest.SourceRecord;
import org.narrativewatch.ingest.Sources;
import org.narrativewatch.query.Query;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nwatch eval-words FILE}: precision and recall of one-word queries for the corpus's most frequent lemmas. */
@Command(name = "eval-words", mixinStandardHelpOptions = true,
        description = "For the most frequent lemmas of a news dump, the articles a query for the lemma finds against the "
                + "articles that contain a form of it according to the shipped dictionary (read by reference code of its "
                + "own): precision and recall per lemma, and every lemma below the threshold. With --index (the same dump "
                + "imported there) the engine's own counts are checked against the evaluation's. See docs/morphology.md.")
public final class EvalWordsCommand implements Callable<Integer> {
    enum Format { json, table }

    @Parameters(index = "0", paramLabel = "FILE", description = "news dump (JSONL/CSV, plain or gzip)")
    String file;

    @Option(names = "--top", paramLabel = "N", defaultValue = "3000", description = "how many lemmas, most frequent first (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--lang", paramLabel = "ru|uk", defaultValue = "ru", description = "articles of this language are read (default: ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--threshold", paramLabel = "X", defaultValue = "0.99", description = "precision and recall a lemma needs (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--index", paramLabel = "DIR", description = "an index holding this dump: its counts must equal the evaluation's")
    Path index;

    @Option(names = "--format", paramLabel = "json|table", defaultValue = "table", description = "output format (default: ${DEFAULT-VALUE})")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String language = lang.toLowerCase(Locale.ROOT);
        if (!language.equals("ru") && !language.equals("uk")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lang must be ru or uk, not '" + lang + "'");
        }
        if (top < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must be at least 1");
        }
        List<Article> articles = read(file);
        WordQueryEvaluation.Result result = new WordQueryEvaluation(language).run(articles, top);
        List<String> engineMismatches = index == null ? List.of() : checkEngine(result, language);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(json(result, engineMismatches));
        } else {
            out.print(table(result, engineMismatches));
        }
        out.flush();
        return 0;
    }

    /** The articles of a dump as an import would store them (the first of two with the same key). */
    static List<Article> read(String file) throws Exception {
        List<Article> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        try (Source s = Sources.open(file, ImportDefaults.none())) {
            for (SourceRecord r; (r = s.next()) != null; ) {
                if (r instanceof SourceRecord.Parsed p && keys.add(p.article().key())) {
                    out.add(p.article());
                }
            }
        }
        if (out.isEmpty()) {
            throw new UserException(file + ": no articles read");
        }
        return out;
    }

    /** Lemmas whose count in the index differs from the evaluation's (each query parsed and run as a user's would be). */
    private List<String> checkEngine(WordQueryEvaluation.Result r, String language) throws Exception {
        List<String> mismatches = new ArrayList<>();
        try (Engine engine = LuceneEngine.open(index)) {
            Selection sel = new Selection(null, null, Set.of(), Set.of(), Set.of(language));
            for (LemmaScore l : r.lemmas()) {
                long count;
                try {
                    long[] perDay = engine.dayCounts(Query.parse(l.lemma()), sel, Engine.CountUnit.ARTICLES, null)
                            .matches().getOrDefault(DayCounts.WHOLE, new long[0]);
                    count = java.util.Arrays.stream(perDay).sum();
                } catch (UserException e) {
                    mismatches.add(l.lemma() + ": " + e.getMessage().lines().findFirst().orElse(""));
                    continue;
                }
                if (count != l.found()) {
                    mismatches.add(l.lemma() + ": index " + count + ", evaluation " + l.found());
                }
            }
        }
        return mismatches;
    }

    private String json(WordQueryEvaluation.Result r, List<String> mismatches) throws Exception {
        ObjectMapper m = Output.json();
        ObjectNode root = m.createObjectNode();
        root.put("file", file);
        root.put("documents", r.documents());
        root.put("lemmas", r.lemmas().size());
        root.put("threshold", threshold);
        root.put("passing", r.passing(threshold));
        root.put("passing_share", round((double) r.passing(threshold) / r.lemmas().size()));
        if (index != null) {
            root.set("engine_mismatches", m.valueToTree(mismatches));
        }
        ArrayNode below = root.putArray("below_threshold");
        for (LemmaScore l : r.lemmas()) {
            if (l.precision() < threshold || l.recall() < threshold) {
                ObjectNode o = below.addObject();
                o.put("lemma", l.lemma());
                o.put("frequency", l.frequency());
                o.put("found", l.found());
                o.put("gold", l.gold());
                o.put("both", l.both());
                o.put("precision", round(l.precision()));
                o.put("recall", round(l.recall()));
                o.set("false_examples", m.valueToTree(l.falseExamples()));
                o.set("missed_examples", m.valueToTree(l.missedExamples()));
            }
        }
        return Output.jsonText(root);
    }

    private String table(WordQueryEvaluation.Result r, List<String> mismatches) {
        StringBuilder sb = new StringBuilder();
        long passing = r.passing(threshold);
        sb.append(String.format(Locale.ROOT, "%,d documents, %d lemmas: %d (%.2f%%) with precision and recall >= %.2f%n",
                r.documents(), r.lemmas().size(), passing, 100.0 * passing / r.lemmas().size(), threshold));
        if (index != null) {
            sb.append(String.format(Locale.ROOT, "engine counts checked in %s: %d differ%n", index, mismatches.size()));
            mismatches.forEach(x -> sb.append("  ").append(x).append('\n'));
        }
        sb.append(String.format(Locale.ROOT, "%n%-24s %8s %6s %6s %6s %6s %6s  %s%n", "lemma", "freq", "found", "gold", "both",
                "P", "R", "examples (url: words)"));
        for (LemmaScore l : r.lemmas()) {
            if (l.precision() < threshold || l.recall() < threshold) {
                sb.append(String.format(Locale.ROOT, "%-24s %8d %6d %6d %6d %6.3f %6.3f  %s%n", l.lemma(), l.frequency(), l.found(),
                        l.gold(), l.both(), l.precision(), l.recall(),
                        l.precision() < threshold ? "FP " + l.falseExamples() : "FN " + l.missedExamples()));
            }
        }
        return sb.toString();
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
