package org.narrativewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.narrativewatch.UserException;
import org.narrativewatch.explain.names.Gazetteer;
import org.narrativewatch.explain.names.NameEvaluation;
import org.narrativewatch.explain.names.NameEvaluation.Result;
import org.narrativewatch.explain.names.NameEvaluation.Scores;
import org.narrativewatch.explain.names.NameEvaluation.SystemScores;
import org.narrativewatch.explain.names.NameTagger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nwatch eval-names FILE.conllu}: the name tagger against gold PROPN tags, beside a capitalisation baseline. */
@Command(name = "eval-names", mixinStandardHelpOptions = true,
        description = {"Precision, recall and F1 of the name tagger (used by explain and cooccur) at finding proper nouns "
                + "in a Universal Dependencies file, against its gold PROPN tags, by token and by lemma, beside a "
                + "capitalisation-only baseline (capital first letter, not the first word of the sentence) scored in the same run.",
                "Results: docs/explain.md."})
public final class EvalNamesCommand implements Callable<Integer> {
    enum Format { json, table }

    @Parameters(index = "0", paramLabel = "FILE.conllu", description = "CoNLL-U file (UD dev or test set)")
    Path file;

    @Option(names = "--lang", paramLabel = "ru|uk|en", description = "language of the file (default: from the file name, ru_… → ru)")
    String lang;

    @Option(names = "--gazetteer", paramLabel = "FILE",
            description = "GeoNames places (CSV with a name column, or a GeoNames tab-separated dump) as extra evidence; default: none")
    Path gazetteer;

    @Option(names = "--format", paramLabel = "json|table", description = "output format (default: ${DEFAULT-VALUE})", defaultValue = "table")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new UserException("no such file: " + file);
        }
        String language = lang != null ? lang.toLowerCase(Locale.ROOT) : NameEvaluation.languageFromFileName(file);
        if (language == null) {
            throw new UserException("cannot tell the language of " + file + " from its name: give --lang ru, uk or en");
        }
        if (!language.equals("ru") && !language.equals("uk") && !language.equals("en")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lang must be ru, uk or en, not '" + lang + "'");
        }
        NameTagger tagger = NameTagger.create(gazetteer == null ? null : Gazetteer.load(gazetteer));
        Result result = NameEvaluation.run(file, language, tagger);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
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
        root.put("sentences", r.sentences());
        root.put("words", r.words());
        root.put("propn", r.propn());
        root.set("tagger", system(m, r.tagger()));
        root.set("baseline", system(m, r.baseline()));
        return Output.jsonText(root);
    }

    private static ObjectNode system(ObjectMapper m, SystemScores s) {
        ObjectNode n = m.createObjectNode();
        n.put("system", s.system());
        n.set("tokens", scores(m, s.tokens()));
        n.set("lemmas", scores(m, s.lemmas()));
        return n;
    }

    private static ObjectNode scores(ObjectMapper m, Scores s) {
        ObjectNode n = m.createObjectNode();
        n.put("precision", round(s.precision()));
        n.put("recall", round(s.recall()));
        n.put("f1", round(s.f1()));
        n.put("true_positives", s.truePositives());
        n.put("predicted", s.predicted());
        n.put("gold", s.gold());
        return n;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    static String table(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s (%s, %d sentences, %d words, %d PROPN)%n", r.file(), r.lang(), r.sentences(),
                r.words(), r.propn()));
        sb.append(String.format(Locale.ROOT, "%-36s %8s %8s %8s   %8s %8s %8s%n", "system", "token P", "token R", "token F1",
                "lemma P", "lemma R", "lemma F1"));
        for (SystemScores s : new SystemScores[] {r.tagger(), r.baseline()}) {
            Scores t = s.tokens();
            Scores l = s.lemmas();
            sb.append(String.format(Locale.ROOT, "%-36s %8.4f %8.4f %8.4f   %8.4f %8.4f %8.4f%n", s.system(), t.precision(),
                    t.recall(), t.f1(), l.precision(), l.recall(), l.f1()));
        }
        return sb.toString();
    }
}
