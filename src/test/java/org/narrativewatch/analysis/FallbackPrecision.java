package org.narrativewatch.analysis;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Measurement harness (not a test): how precise the index's guesses for out-of-dictionary words are
 * on a UD file. For every token whose lower-cased form the language's dictionary does not know, its
 * non-exact index terms (the guess) are compared with the non-exact terms of every token of the
 * file: the tokens that share one are what a query for the guessed word finds. Precision is the
 * share of those tokens with the same gold lemma (macro over out-of-dictionary forms, and micro);
 * "into known" counts matches with tokens the dictionary does know and another gold lemma: a guess
 * that joined a dictionary word it is not a form of (ударось → удар). Only {@link Analyzers#index}
 * is used, so the same class measures an older chain on its class path. Run:
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.narrativewatch.analysis.FallbackPrecision \
 *     ../shared/data/ud/UD_Russian-GSD/ru_gsd-ud-dev.conllu ru
 * </pre>
 */
public final class FallbackPrecision {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String lang = args[1];
        Dictionary dict = Dictionary.read(FallbackPrecision.class.getResource(
                "uk".equals(lang) ? "/ua/net/nlp/ukrainian.dict" : "/org/languagetool/resource/ru/russian.dict"));
        DictionaryLookup lookup = new DictionaryLookup(dict);
        Analyzer analyzer = Analyzers.index(lang);
        List<String[]> tokens = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] c = line.split("\t");
                if (c.length > 3 && !line.startsWith("#") && c[0].chars().allMatch(Character::isDigit)) {
                    tokens.add(new String[] {c[1], c[2].toLowerCase(Locale.ROOT)});
                }
            }
        }
        Map<String, Set<String>> termsOfForm = new HashMap<>();
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            Set<String> t = termsOfForm.computeIfAbsent(tokens.get(i)[0], f -> lemmaTerms(analyzer, f));
            for (String term : t) {
                postings.computeIfAbsent(term, k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, Boolean> known = new HashMap<>();
        Set<String> seen = new HashSet<>();
        double sumP = 0;
        long tp = 0;
        long found = 0;
        long intoKnown = 0;
        int forms = 0;
        for (String[] tok : tokens) {
            String form = tok[0];
            String lower = form.toLowerCase(Locale.ROOT).replace('ё', 'е');
            if (!lower.chars().allMatch(Character::isLetter) || lower.length() < 2 || !seen.add(form)) {
                continue;
            }
            if (known.computeIfAbsent(lower, w -> !lookup.lookup(w).isEmpty())) {
                continue;
            }
            Set<Integer> hits = new HashSet<>();
            for (String term : termsOfForm.get(form)) {
                hits.addAll(postings.getOrDefault(term, List.of()));
            }
            if (hits.isEmpty()) {
                continue;
            }
            int same = 0;
            for (int h : hits) {
                String[] other = tokens.get(h);
                if (other[1].equals(tok[1])) {
                    same++;
                } else if (known.computeIfAbsent(other[0].toLowerCase(Locale.ROOT).replace('ё', 'е'), w -> !lookup.lookup(w).isEmpty())) {
                    intoKnown++;
                }
            }
            forms++;
            sumP += (double) same / hits.size();
            tp += same;
            found += hits.size();
        }
        System.out.printf(Locale.ROOT, "%s: %d out-of-dictionary forms; guess precision macro %.4f, micro %.4f; "
                + "%d of %d matches are dictionary words with another lemma%n", file.getFileName(), forms, sumP / forms,
                (double) tp / found, intoKnown, found);
    }

    private static Set<String> lemmaTerms(Analyzer a, String form) {
        Set<String> out = new HashSet<>();
        try (TokenStream ts = a.tokenStream("body", form)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (t.length() > 0 && t.charAt(0) != '=') {
                    out.add(t.toString());
                }
            }
            ts.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
