package org.narrativewatch.analysis;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.apache.lucene.analysis.Analyzer;
import org.narrativewatch.article.Article;

/**
 * Precision and recall of single-word queries over a corpus (issue 13): for the most frequent
 * lemmas of the corpus, the documents a query for the lemma finds against the documents that
 * contain a form of the lemma according to the dictionary we ship. The reference reads the text
 * with code of its own (a regular expression for words, java.text.Normalizer, a direct morfologik
 * lookup), so it tests our tokenizer and query expansion, not the dictionary.
 *
 * <p>The reference's definition of "contains a form of L" (docs/morphology.md):
 * <ul>
 *   <li>words are runs of letters, digits and combining marks, joined by a hyphen or apostrophe;
 *       invisible format characters are removed first, stress marks dropped, ё read as е, and a word
 *       mixing Latin and Cyrillic letters written in the script most of its letters use;
 *   <li>a word's lower-cased form and, for a hyphenated word, each of its parts are looked up; a
 *       hyphenated word is not split when its first part is a number or when the dictionary reads it
 *       only as an adverb, a function word or a pronoun (по-прежнему, из-за, кто-то), and a leading
 *       part that the dictionary reads only as an adverb or a short neuter adjective is the combining
 *       form of a compound adjective, not a word (научно- in научно-технический);
 *   <li>every lemma of every reading counts, except the given name the dictionary puts on a
 *       patronymic (Ивановича → иван), which the index does not use either.
 * </ul>
 * Our side: a document matches when its index terms ({@link Analyzers#index} of its title and text)
 * share a term with {@link Analyzers#wordTerms} of the lemma, which is the query the engines run for
 * one word; the CLI command checks the engine's counts against these.
 */
public final class WordQueryEvaluation {

    /** One lemma's documents: found by our query, containing a form by the reference, both. */
    public record LemmaScore(String lemma, long frequency, int found, int gold, int both,
                             List<String> falseExamples, List<String> missedExamples) {
        public double precision() {
            return found == 0 ? (gold == 0 ? 1 : 0) : (double) both / found;
        }

        public double recall() {
            return gold == 0 ? 1 : (double) both / gold;
        }
    }

    /** The outcome: per lemma, in order of frequency, and the documents read. */
    public record Result(int documents, List<LemmaScore> lemmas) {
        /** Lemmas with both precision and recall at least {@code threshold}. */
        public long passing(double threshold) {
            return lemmas.stream().filter(l -> l.precision() >= threshold && l.recall() >= threshold).count();
        }
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}]+(?:[-\\u2010\\u2011'\\u2019\\u02BC`][\\p{L}\\p{M}\\p{Nd}]+)*");
    /** Invisible format characters: removed, so a word they split is whole again. */
    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");
    /** The variation selectors and enclosing marks of an emoji glued to a word (❗️Путин, 2️⃣Получение): a separator. */
    private static final Pattern EMOJI_MARKS = Pattern.compile("[\\uFE00-\\uFE0F\\p{Me}]");
    private static final int EXAMPLES = 3;

    private final String lang;
    private final DictionaryLookup lookup;
    private final MorphDictionary dictionary;
    private final Map<String, String[]> readingCache = new HashMap<>();

    public WordQueryEvaluation(String lang) {
        this.lang = lang;
        this.dictionary = "uk".equals(lang) ? MorphDictionary.ukrainian() : MorphDictionary.russian();
        this.lookup = new DictionaryLookup(dictionary.dictionary);
    }

    /** Scores the {@code top} most frequent lemmas of the articles in this evaluation's language. */
    public Result run(List<Article> articles, int top) {
        Analyzer ours = Analyzers.index(lang);
        Map<String, Integer> termIds = new HashMap<>();
        List<IntList> termDocs = new ArrayList<>();
        Map<String, Integer> lemmaIds = new HashMap<>();
        List<IntList> lemmaDocs = new ArrayList<>();
        Map<String, Long> frequency = new HashMap<>();
        List<Article> docs = new ArrayList<>();
        for (Article a : articles) {
            if (!lang.equals(a.lang())) {
                continue;
            }
            int doc = docs.size();
            docs.add(a);
            for (String t : Analyzers.terms(ours, a.title() + "\n" + a.text())) {
                termDocs.get(termIds.computeIfAbsent(t, k -> add(termDocs))).addOnce(doc);
            }
            for (String form : referenceForms(a.title() + "\n" + a.text())) {
                for (String lemma : referenceLemmas(form)) {
                    lemmaDocs.get(lemmaIds.computeIfAbsent(lemma, k -> add(lemmaDocs))).addOnce(doc);
                    frequency.merge(lemma, 1L, Long::sum);
                }
            }
        }
        List<String> lemmas = new ArrayList<>(frequency.keySet());
        lemmas.sort(Comparator.comparingLong((String l) -> -frequency.get(l)).thenComparing(Comparator.naturalOrder()));
        List<LemmaScore> out = new ArrayList<>();
        for (String lemma : lemmas.subList(0, Math.min(top, lemmas.size()))) {
            java.util.BitSet found = new java.util.BitSet(docs.size());
            for (String t : Analyzers.wordTerms(lemma)) {
                Integer id = termIds.get(t);
                if (id != null) {
                    termDocs.get(id).setAll(found);
                }
            }
            java.util.BitSet gold = new java.util.BitSet(docs.size());
            lemmaDocs.get(lemmaIds.get(lemma)).setAll(gold);
            java.util.BitSet both = (java.util.BitSet) found.clone();
            both.and(gold);
            java.util.BitSet falsePos = (java.util.BitSet) found.clone();
            falsePos.andNot(gold);
            java.util.BitSet missed = (java.util.BitSet) gold.clone();
            missed.andNot(found);
            out.add(new LemmaScore(lemma, frequency.get(lemma), found.cardinality(), gold.cardinality(), both.cardinality(),
                    examples(falsePos, docs, lemma, true), examples(missed, docs, lemma, false)));
        }
        return new Result(docs.size(), out);
    }

    /**
     * For a few documents that disagree: the words of the document that made our query match
     * (false positives) or that the reference reads as a form of the lemma (misses).
     */
    private List<String> examples(java.util.BitSet set, List<Article> docs, String lemma, boolean ourSide) {
        List<String> out = new ArrayList<>();
        List<String> queryTerms = Analyzers.wordTerms(lemma);
        Analyzer ours = Analyzers.index(lang);
        for (int d = set.nextSetBit(0); d >= 0 && out.size() < EXAMPLES; d = set.nextSetBit(d + 1)) {
            Article a = docs.get(d);
            Map<String, Boolean> words = new LinkedHashMap<>();
            Matcher m = WORD.matcher(a.title() + "\n" + a.text());
            while (m.find() && words.size() < 5) {
                String w = m.group();
                boolean hit = ourSide
                        ? Analyzers.terms(ours, w).stream().anyMatch(queryTerms::contains)
                        : referenceForms(w).stream().anyMatch(f -> List.of(referenceLemmas(f)).contains(lemma));
                if (hit) {
                    words.put(w, true);
                }
            }
            out.add(a.url() + " " + String.join(",", words.keySet()));
        }
        return out;
    }

    /** The reference's words of a text: normalised, each hyphenated word followed by its parts. */
    List<String> referenceForms(String text) {
        String clean = Normalizer.normalize(INVISIBLE.matcher(EMOJI_MARKS.matcher(text).replaceAll(" ")).replaceAll(""), Normalizer.Form.NFD)
                .replace("\u0301", "").replace("\u0300", "");
        clean = Normalizer.normalize(clean, Normalizer.Form.NFC);
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(clean);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT).replace('ё', 'е').replace('\u2019', '\'').replace('\u02BC', '\'')
                    .replace('`', '\'').replace('\u2010', '-').replace('\u2011', '-');
            if ("uk".equals(lang)) {
                w = w.replace('ґ', 'г');
            }
            String[] parts = w.split("-");
            StringBuilder whole = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                parts[i] = oneScript(parts[i]);
                whole.append(i > 0 ? "-" : "").append(parts[i]);
            }
            out.add(whole.toString());
            if (parts.length > 1 && !parts[0].chars().allMatch(Character::isDigit) && !onlyFunctionWord(whole.toString())) {
                for (int i = 0; i < parts.length; i++) {
                    if (i == parts.length - 1 || !combiningForm(parts[i])) {
                        out.add(parts[i]);
                    }
                }
            }
        }
        return out;
    }

    private static final String LATIN = "abcehikmoptxy";
    private static final String CYRILLIC = "авсенікмортху";

    /**
     * A word mixing Latin and Cyrillic letters, written in one script: the one that has letters
     * without a look-alike in the other, else the one most of its letters belong to.
     */
    static String oneScript(String w) {
        int latin = 0;
        int cyrillic = 0;
        boolean latinOwn = false;
        boolean cyrillicOwn = false;
        for (char c : w.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                latin++;
                latinOwn |= LATIN.indexOf(c) < 0;
            } else if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC && Character.isLetter(c)) {
                cyrillic++;
                cyrillicOwn |= CYRILLIC.indexOf(c) < 0;
            }
        }
        if (latin == 0 || cyrillic == 0 || (latinOwn && cyrillicOwn)) {
            return w;
        }
        boolean toCyrillic = cyrillicOwn || (!latinOwn && cyrillic > latin);
        if (!cyrillicOwn && !latinOwn && cyrillic == latin) {
            return w;
        }
        String from = toCyrillic ? LATIN : CYRILLIC;
        String to = toCyrillic ? CYRILLIC : LATIN;
        StringBuilder sb = new StringBuilder(w.length());
        for (char c : w.toCharArray()) {
            int k = from.indexOf(c);
            sb.append(k >= 0 ? to.charAt(k) : c);
        }
        return sb.toString();
    }

    /** A leading part the dictionary reads only as an adverb or a short neuter adjective: научно- in научно-технический. */
    private boolean combiningForm(String part) {
        List<WordData> rs = lookup.lookup(part);
        if (rs.isEmpty()) {
            return false;
        }
        for (WordData r : rs) {
            if (!dictionary.isAdverb(r) && !dictionary.isShortNeuter(r)) {
                return false;
            }
        }
        return true;
    }

    private boolean onlyFunctionWord(String w) {
        List<WordData> rs = lookup.lookup(w);
        if (rs.isEmpty()) {
            return false;
        }
        for (WordData r : rs) {
            if (!dictionary.isFunctionWord(r)) {
                return false;
            }
        }
        return true;
    }

    /** The dictionary's lemmas of a form, lower-cased, without the given name of a patronymic. */
    String[] referenceLemmas(String form) {
        String[] cached = readingCache.get(form);
        if (cached != null) {
            return cached;
        }
        List<String> out = new ArrayList<>(2);
        for (WordData r : lookup.lookup(form)) {
            if (dictionary.isPatronymicOfName(r)) {
                continue;
            }
            String l = r.getStem().toString().toLowerCase(Locale.ROOT).replace('ё', 'е');
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        String[] result = out.toArray(new String[0]);
        if (readingCache.size() > 500_000) {
            readingCache.clear();
        }
        readingCache.put(form, result);
        return result;
    }

    private static int add(List<IntList> lists) {
        lists.add(new IntList());
        return lists.size() - 1;
    }

    /** Document ids in increasing order, without repeats. */
    private static final class IntList {
        private int[] a = new int[2];
        private int n;

        void addOnce(int doc) {
            if (n > 0 && a[n - 1] == doc) {
                return;
            }
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = doc;
        }

        void setAll(java.util.BitSet into) {
            for (int i = 0; i < n; i++) {
                into.set(a[i]);
            }
        }
    }
}
