package org.narrativewatch.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.narrativewatch.UserException;

/**
 * The lemma-query evaluation of shared/data/ud/README.md: for every gold lemma L (most frequent
 * UPOS NOUN, PROPN, VERB or ADJ; not one character, not ending in '.', no '+'), the tokens retrieved
 * are those whose index terms share a term with the query terms of L; precision, recall and F1 per
 * lemma against the tokens whose gold lemma is L, averaged (macro) and from summed counts (micro),
 * over all query lemmas and over the PROPN ones. Ours and a baseline are scored on the same tokens.
 */
public final class LemmaQueryEvaluation {
    private LemmaQueryEvaluation() {}

    private static final Set<String> QUERY_UPOS = Set.of("NOUN", "PROPN", "VERB", "ADJ");

    /** One token of a CoNLL-U file: its form, lower-cased gold lemma and UPOS. */
    public record Token(String form, String lemma, String upos) {}

    /** How a system turns a token's form and a query lemma into terms. */
    public interface TermModel {
        Set<String> indexTerms(String form);

        Set<String> queryTerms(String lemma);

        static TermModel of(Function<String, Set<String>> index, Function<String, Set<String>> query) {
            return new TermModel() {
                @Override
                public Set<String> indexTerms(String form) {
                    return index.apply(form);
                }

                @Override
                public Set<String> queryTerms(String lemma) {
                    return query.apply(lemma);
                }
            };
        }
    }

    /** Scores over one set of query lemmas (all, or PROPN only). */
    public record Scores(int lemmas, double macroPrecision, double macroRecall, double macroF1,
                         long truePositives, long retrieved, long gold,
                         double microPrecision, double microRecall, double microF1) {}

    /** A system's scores on all query lemmas and on PROPN lemmas. */
    public record SystemScores(String system, Scores all, Scores propn) {}

    /** The outcome of one run: ours and the baseline on the same file. */
    public record Result(String file, String lang, int tokens, SystemScores ours, SystemScores baseline) {}

    /** Runs the evaluation of our analysis and the baseline on {@code file} in language {@code lang} (ru or uk). */
    public static Result run(Path file, String lang) {
        List<Token> tokens = read(file);
        SystemScores ours = score("nwatch " + lang, tokens, oursModel(lang));
        SystemScores baseline = score(baselineName(lang), tokens, baselineModel(lang));
        return new Result(file.toString(), lang, tokens.size(), ours, baseline);
    }

    /** Language from a UD file name: {@code uk_…} → uk, {@code ru_…} → ru, otherwise null. */
    public static String languageFromFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int u = name.indexOf('_');
        if (u == 2 && (name.startsWith("ru") || name.startsWith("uk"))) {
            return name.substring(0, 2);
        }
        return null;
    }

    public static String baselineName(String lang) {
        return "ru".equals(lang) ? "lucene RussianAnalyzer (Snowball)" : "lower-cased exact form";
    }

    /** Our chain: {@link Analyzers#index} on the form, {@link Analyzers#queryTerms} on the lemma. */
    public static TermModel oursModel(String lang) {
        Analyzer index = Analyzers.index(lang);
        return TermModel.of(form -> analyze(index, form), lemma -> new LinkedHashSet<>(Analyzers.queryTerms(lang, lemma)));
    }

    /** Russian: Lucene's RussianAnalyzer both ways; other languages: the lower-cased form. */
    public static TermModel baselineModel(String lang) {
        if ("ru".equals(lang)) {
            Analyzer russian = new RussianAnalyzer();
            return TermModel.of(form -> analyze(russian, form), lemma -> analyze(russian, lemma));
        }
        return TermModel.of(form -> Set.of(form.toLowerCase(Locale.ROOT)), Set::of);
    }

    static Set<String> analyze(Analyzer analyzer, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Reads the word lines of a CoNLL-U file (comments, multiword ranges and empty nodes skipped). */
    public static List<Token> read(Path file) {
        List<Token> tokens = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length < 4) {
                    throw new UserException(file + ":" + lineNo + ": expected CoNLL-U columns ID FORM LEMMA UPOS separated by tabs, found "
                            + cols.length + " column(s)");
                }
                String id = cols[0];
                if (id.indexOf('-') >= 0 || id.indexOf('.') >= 0) {
                    continue;
                }
                if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
                    throw new UserException(file + ":" + lineNo + ": bad token ID '" + id + "' (expected a number)");
                }
                tokens.add(new Token(cols[1], cols[2].toLowerCase(Locale.ROOT), cols[3]));
            }
        } catch (NoSuchFileException e) {
            throw new UserException("no such file: " + file);
        } catch (CharacterCodingException e) {
            throw new UserException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (tokens.isEmpty()) {
            throw new UserException(file + ": no CoNLL-U tokens found");
        }
        return tokens;
    }

    /** The query lemmas and whether each is PROPN (its most frequent UPOS; ties go to the alphabetically first UPOS). */
    static Map<String, Boolean> queryLemmas(List<Token> tokens) {
        Map<String, Map<String, Integer>> uposCounts = new HashMap<>();
        for (Token t : tokens) {
            uposCounts.computeIfAbsent(t.lemma(), k -> new TreeMap<>()).merge(t.upos(), 1, Integer::sum);
        }
        Map<String, Boolean> out = new TreeMap<>();
        uposCounts.forEach((lemma, counts) -> {
            String best = null;
            int bestCount = -1;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (e.getValue() > bestCount) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            if (QUERY_UPOS.contains(best) && lemma.codePointCount(0, lemma.length()) > 1
                    && !lemma.endsWith(".") && !lemma.contains("+")) {
                out.put(lemma, "PROPN".equals(best));
            }
        });
        return out;
    }

    /** Scores one system on the tokens. */
    public static SystemScores score(String system, List<Token> tokens, TermModel model) {
        // Distinct forms carry everything that matters: a form's terms do not depend on where it occurs.
        Map<String, Integer> formIds = new HashMap<>();
        List<Integer> formCounts = new ArrayList<>();
        List<Map<String, Integer>> formLemmaCounts = new ArrayList<>();
        Map<String, Integer> goldCounts = new HashMap<>();
        for (Token t : tokens) {
            int id = formIds.computeIfAbsent(t.form(), f -> {
                formCounts.add(0);
                formLemmaCounts.add(new HashMap<>());
                return formCounts.size() - 1;
            });
            formCounts.set(id, formCounts.get(id) + 1);
            formLemmaCounts.get(id).merge(t.lemma(), 1, Integer::sum);
            goldCounts.merge(t.lemma(), 1, Integer::sum);
        }
        Map<String, List<Integer>> postings = new HashMap<>();
        formIds.forEach((form, id) -> {
            for (String term : model.indexTerms(form)) {
                postings.computeIfAbsent(term, k -> new ArrayList<>()).add(id);
            }
        });
        Accumulator all = new Accumulator();
        Accumulator propn = new Accumulator();
        queryLemmas(tokens).forEach((lemma, isPropn) -> {
            Set<Integer> hits = new java.util.HashSet<>();
            for (String term : model.queryTerms(lemma)) {
                hits.addAll(postings.getOrDefault(term, List.of()));
            }
            long retrieved = 0;
            long tp = 0;
            for (int id : hits) {
                retrieved += formCounts.get(id);
                tp += formLemmaCounts.get(id).getOrDefault(lemma, 0);
            }
            long gold = goldCounts.get(lemma);
            all.add(tp, retrieved, gold);
            if (isPropn) {
                propn.add(tp, retrieved, gold);
            }
        });
        return new SystemScores(system, all.scores(), propn.scores());
    }

    /** Per-lemma precision, recall, F1 (precision 0 when nothing is retrieved) and their sums. */
    static final class Accumulator {
        int n;
        double sumP;
        double sumR;
        double sumF;
        long tp;
        long retrieved;
        long gold;

        void add(long tp, long retrieved, long gold) {
            double p = retrieved == 0 ? 0 : (double) tp / retrieved;
            double r = gold == 0 ? 0 : (double) tp / gold;
            n++;
            sumP += p;
            sumR += r;
            sumF += f1(p, r);
            this.tp += tp;
            this.retrieved += retrieved;
            this.gold += gold;
        }

        Scores scores() {
            double p = retrieved == 0 ? 0 : (double) tp / retrieved;
            double r = gold == 0 ? 0 : (double) tp / gold;
            return new Scores(n, n == 0 ? 0 : sumP / n, n == 0 ? 0 : sumR / n, n == 0 ? 0 : sumF / n,
                    tp, retrieved, gold, p, r, f1(p, r));
        }
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
