package org.narrativewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.narrativewatch.UserException;
import org.narrativewatch.analysis.LemmaQueryEvaluation;
import org.narrativewatch.analysis.LemmaQueryEvaluation.Result;
import org.narrativewatch.analysis.LemmaQueryEvaluation.Scores;
import org.narrativewatch.analysis.LemmaQueryEvaluation.SystemScores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nwatch eval-morphology FILE.conllu}: the lemma-query evaluation, ours against the baseline. */
@Command(name = "eval-morphology", mixinStandardHelpOptions = true,
        description = "How well a query word (a gold lemma) finds its inflected forms in a Universal Dependencies file: "
                + "macro and micro F1 over all query lemmas and over proper nouns, for our analysis and the baseline "
                + "(Lucene's RussianAnalyzer for ru, the lower-cased form for uk), computed in the same run. "
                + "Definition: shared/data/ud/README.md; results: docs/morphology.md.")
public final class EvalMorphologyCommand implements Callable<Integer> {
    enum Lang {
        RU, UK;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Parameters(index = "0", paramLabel = "FILE.conllu", description = "CoNLL-U file (UD dev or test set)")
    Path file;

    @Option(names = "--lang", paramLabel = "ru|uk", description = "language of the file (default: from the file name, uk_… → uk, ru_… → ru)")
    Lang lang;

    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT", converter = Formats.TextJsonConverter.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; table is text)")
    Formats.TextJson format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new UserException("no such file: " + file);
        }
        String language = lang != null ? lang.toString() : LemmaQueryEvaluation.languageFromFileName(file);
        if (language == null) {
            throw new UserException("cannot tell the language of " + file + " from its name: give --lang ru or --lang uk");
        }
        Result result = LemmaQueryEvaluation.run(file, language);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Formats.TextJson.JSON) {
            out.println(json(result));
        } else {
            out.print(table(result));
        }
        out.flush();
        return 0;
    }

    static String json(Result r) throws Exception {
        ObjectMapper m = Output.json();
        ObjectNode root = m.createObjectNode();
        root.put("file", r.file());
        root.put("lang", r.lang());
        root.put("tokens", r.tokens());
        root.set("ours", system(m, r.ours()));
        root.set("baseline", system(m, r.baseline()));
        return Output.jsonText(root);
    }

    private static ObjectNode system(ObjectMapper m, SystemScores s) {
        ObjectNode n = m.createObjectNode();
        n.put("system", s.system());
        n.put("macro_f1", round(s.all().macroF1()));
        n.put("micro_f1", round(s.all().microF1()));
        n.put("propn_macro_f1", round(s.propn().macroF1()));
        n.put("propn_micro_f1", round(s.propn().microF1()));
        n.put("macro_precision", round(s.all().macroPrecision()));
        n.put("macro_recall", round(s.all().macroRecall()));
        n.put("lemmas", s.all().lemmas());
        n.put("propn_lemmas", s.propn().lemmas());
        return n;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    static String table(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s (%s, %d tokens, %d query lemmas, %d PROPN)%n", r.file(), r.lang(), r.tokens(),
                r.ours().all().lemmas(), r.ours().propn().lemmas()));
        sb.append(String.format(Locale.ROOT, "%-36s %9s %9s %11s %11s%n", "system", "macro F1", "micro F1", "PROPN macro", "PROPN micro"));
        for (SystemScores s : new SystemScores[] {r.ours(), r.baseline()}) {
            Scores a = s.all();
            Scores p = s.propn();
            sb.append(String.format(Locale.ROOT, "%-36s %9.4f %9.4f %11.4f %11.4f%n", s.system(), a.macroF1(), a.microF1(), p.macroF1(), p.microF1()));
        }
        return sb.toString();
    }
}
