package org.narrativewatch.explain.names;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.narrativewatch.UserException;
import org.narrativewatch.explain.TextTokens;

/**
 * How well the {@link NameTagger} finds proper nouns, measured on a Universal Dependencies file
 * against its gold PROPN tags, beside a capitalisation-only baseline scored on the same words.
 *
 * <ul>
 *   <li>Words: every token of the file but punctuation (UPOS PUNCT) and multiword ranges; the
 *       punctuation and spacing between words is given to the tagger as it would see it in text.
 *       The tagger reads the whole file as one batch (its sentences as segments).
 *   <li>Tokens: precision, recall and F1 of "this word is a proper noun" (the tagger's proper nouns
 *       are the nouns and initials of the names it finds, not their adjectives) against UPOS = PROPN.
 *   <li>Lemmas: the same over lemma types: a gold lemma (lower-cased) is proper when most of its
 *       tokens are PROPN, predicted proper when most of its tokens were predicted so.
 *   <li>Baseline: a word is a proper noun when its first letter is a capital and it is not the
 *       first word of its sentence.
 * </ul>
 */
public final class NameEvaluation {
    private NameEvaluation() {}

    /** One CoNLL-U word: form, gold lemma, UPOS, the punctuation and spaces before it, and whether it opens its sentence. */
    record Token(String form, String lemma, String upos, String before, boolean first) {}

    /** Precision, recall and F1 from counts. */
    public record Scores(long truePositives, long predicted, long gold) {
        public double precision() {
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) truePositives / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public record SystemScores(String system, Scores tokens, Scores lemmas) {}

    public record Result(String file, String lang, int sentences, int words, long propn, SystemScores tagger,
                         SystemScores baseline) {}

    /** The language from a UD file name (ru_…, uk_…, en_…), or null. */
    public static String languageFromFileName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String l : List.of("ru", "uk", "en")) {
            if (n.startsWith(l + "_")) {
                return l;
            }
        }
        return null;
    }

    public static Result run(Path file, String lang, NameTagger tagger) {
        List<List<Token>> sentences = read(file);
        List<List<NameTagger.Word>> segments = new ArrayList<>(sentences.size());
        for (List<Token> s : sentences) {
            List<NameTagger.Word> words = new ArrayList<>(s.size());
            for (Token t : s) {
                words.add(new NameTagger.Word(t.form(), t.before(), TextTokens.lemmas(lang, t.form())));
            }
            segments.add(words);
        }
        List<NameTagger.Tagged> tagged = tagger.tag(lang, segments);
        List<boolean[]> ours = new ArrayList<>();
        List<boolean[]> baseline = new ArrayList<>();
        int words = 0;
        long propn = 0;
        for (int k = 0; k < sentences.size(); k++) {
            List<Token> s = sentences.get(k);
            ours.add(tagged.get(k).properNoun());
            boolean[] b = new boolean[s.size()];
            for (int i = 0; i < s.size(); i++) {
                Token t = s.get(i);
                b[i] = !t.first() && !t.form().isEmpty() && Character.isUpperCase(t.form().codePointAt(0));
                words++;
                propn += t.upos().equals("PROPN") ? 1 : 0;
            }
            baseline.add(b);
        }
        String name = tagger.hasGazetteer() ? "name tagger + gazetteer" : "name tagger";
        return new Result(file.toString(), lang, sentences.size(), words, propn, score(name, sentences, ours),
                score("capitalised, not sentence-initial", sentences, baseline));
    }

    private static SystemScores score(String system, List<List<Token>> sentences, List<boolean[]> predicted) {
        long tp = 0, pred = 0, gold = 0;
        Map<String, int[]> byLemma = new HashMap<>(); // lemma → {tokens, gold PROPN, predicted}
        for (int k = 0; k < sentences.size(); k++) {
            List<Token> s = sentences.get(k);
            boolean[] p = predicted.get(k);
            for (int i = 0; i < s.size(); i++) {
                boolean g = s.get(i).upos().equals("PROPN");
                tp += g && p[i] ? 1 : 0;
                pred += p[i] ? 1 : 0;
                gold += g ? 1 : 0;
                int[] c = byLemma.computeIfAbsent(s.get(i).lemma().toLowerCase(Locale.ROOT), x -> new int[3]);
                c[0]++;
                c[1] += g ? 1 : 0;
                c[2] += p[i] ? 1 : 0;
            }
        }
        long ltp = 0, lpred = 0, lgold = 0;
        for (int[] c : byLemma.values()) {
            boolean g = 2 * c[1] > c[0];
            boolean p = 2 * c[2] > c[0];
            ltp += g && p ? 1 : 0;
            lpred += p ? 1 : 0;
            lgold += g ? 1 : 0;
        }
        return new SystemScores(system, new Scores(tp, pred, gold), new Scores(ltp, lpred, lgold));
    }

    /** Sentences of words (punctuation folded into the next word's {@code before}). */
    static List<List<Token>> read(Path file) {
        List<List<Token>> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Token> sentence = new ArrayList<>();
            StringBuilder gap = new StringBuilder();
            long lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    if (!sentence.isEmpty()) {
                        out.add(sentence);
                    }
                    sentence = new ArrayList<>();
                    gap.setLength(0);
                    continue;
                }
                if (line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length < 10) {
                    throw new UserException(file + " line " + lineNo + ": expected 10 tab-separated CoNLL-U columns, found " + c.length);
                }
                if (!c[0].chars().allMatch(Character::isDigit)) {
                    continue; // multiword range (3-4) or empty node (5.1)
                }
                Token prev = sentence.isEmpty() ? null : sentence.get(sentence.size() - 1);
                if (c[3].equals("PUNCT") && c[1].equals(".") && prev != null && gap.length() == 0
                        && prev.form().length() == 1 && Character.isUpperCase(prev.form().charAt(0))) {
                    // an initial split from its dot (В .): our tokenizer keeps them together as В.
                    sentence.set(sentence.size() - 1, new Token(prev.form() + ".", prev.lemma(), prev.upos(), prev.before(), prev.first()));
                } else if (c[3].equals("PUNCT")) {
                    gap.append(c[1]);
                } else {
                    sentence.add(new Token(c[1], c[2], c[3], gap.toString(), sentence.isEmpty()));
                    gap.setLength(0);
                }
                if (!c[9].contains("SpaceAfter=No")) {
                    gap.append(' ');
                }
            }
            if (!sentence.isEmpty()) {
                out.add(sentence);
            }
        } catch (NoSuchFileException e) {
            throw new UserException("no such file: " + file);
        } catch (CharacterCodingException e) {
            throw new UserException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new UserException(file + ": no sentences (is it a CoNLL-U file?)");
        }
        return out;
    }
}
