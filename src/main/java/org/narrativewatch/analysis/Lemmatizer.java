package org.narrativewatch.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.apache.lucene.analysis.CharArrayMap;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Dictionary readings of one word form: every lemma the dictionary gives (all readings of an
 * ambiguous form, so recall does not depend on guessing the right one), lower-cased and folded,
 * and whether one of them is an ordinary word rather than an abbreviation or a given name or
 * surname (that decides words in capitals, see {@link ProtectedWordFilter}). No lemmas means the
 * dictionary does not know the word.
 *
 * <p>Two readings of the dictionary are not used: a Russian patronymic's (Ивановича → иван: a
 * patronymic is not a mention of the given name; UD lemmatises it to the patronymic), and nothing
 * else is dropped. A word the dictionary does not know but that is one of its nouns plus a case
 * ending (раза, Аничкином) reads as that noun ({@link #nounWithEnding}).
 *
 * <p>Case is not used: preferring proper-name readings for capitalised words (Путина → only
 * путин) was measured and lost more than it gained, because sentence-initial words and place
 * names (Америке, Риме) have surname homonyms in the dictionary.
 *
 * <p>A hyphenated word the dictionary does not know as a whole is lemmatised part by part:
 * ракеты-носителя → ракета-носитель, дронами-камикадзе → дрон-камикадзе, so a hyphenated query word
 * finds its compound in any inflection (at most {@value #MAX_COMPOUND_LEMMAS} combinations of the
 * parts' readings). A part the dictionary does not know contributes its Snowball stem when it is
 * longer than three letters (Москвы-Сити and Москва-Сити meet), else itself. A number with a case
 * ending is the ordinal "N-й" (1-го, 1-м → 1-й).
 *
 * <p>Not thread-safe (morfologik's lookup reuses its buffers): one instance per token stream, so
 * one per indexing thread. A morfologik lookup costs a few microseconds (the word is encoded to
 * KOI8-R, the automaton walked, every reading decoded), a hit in the cache a fraction of one; on 1M
 * tokens of Telegram news the dictionary stage took 13 s uncached and 1.4 s with this cache. It
 * holds up to {@value #CACHE_LIMIT} forms and is simply cleared when full, which keeps hits allocation-free
 * and costs a short refill. In the index chains a {@link FormCacheFilter} in front of it answers ~90 % of the
 * tokens, so this cache sees mostly first occurrences; 100k forms per thread only added heap there
 * (1tv import: heap 330 → 308 MB, peak RSS 406 → 354 MiB with 16k; docs/benchmarks.md, fifth round).
 */
final class Lemmatizer {
    static final String[] NONE = new String[0];
    static final Reading UNKNOWN = new Reading(NONE, false, false, false);
    private static final int CACHE_LIMIT = 16_384;
    static final int MAX_COMPOUND_LEMMAS = 8;
    /** Unknown words up to this many characters are not stemmed (see {@link DictionaryLemmaFilter}). */
    static final int SHORT_WORD = 3;

    /**
     * The readings of a form: its lemmas (none: unknown), whether one is an ordinary word (not only
     * an abbreviation or a name), and whether all are function words, adverbs or pronouns.
     */
    record Reading(String[] lemmas, boolean ordinary, boolean function, boolean combining) {
        boolean known() {
            return lemmas.length > 0;
        }
    }

    private final MorphDictionary dictionary;
    private final DictionaryLookup lookup;
    private final CharArrayMap<Reading> cache = new CharArrayMap<>(1024, false);
    private RussianStemmer stemmer;

    Lemmatizer(MorphDictionary dict) {
        this.dictionary = dict;
        this.lookup = new DictionaryLookup(dict.dictionary);
    }

    /** Readings of {@code form[0..len)} (lower case, folded). */
    Reading reading(char[] form, int len) {
        return reading(form, 0, len);
    }

    /** Readings of {@code form[offset..offset+len)} (lower case, folded). */
    Reading reading(char[] form, int offset, int len) {
        CharArrayMap<Reading> c = cache;
        Reading hit = c.get(form, offset, len);
        if (hit != null) {
            return hit;
        }
        String word = new String(form, offset, len);
        Reading result = compute(word);
        if (c.size() >= CACHE_LIMIT) {
            c.clear();
        }
        c.put(word, result);
        return result;
    }

    Reading reading(String word) {
        return reading(word.toCharArray(), word.length());
    }

    String[] lemmas(String word) {
        return reading(word).lemmas();
    }

    private Reading compute(String word) {
        Reading direct = lookup(word);
        if (direct.known()) {
            return direct;
        }
        int hyphen = word.indexOf('-');
        if (hyphen <= 0 || hyphen == word.length() - 1) {
            return nounWithEnding(word);
        }
        String head = word.substring(0, hyphen);
        String tail = word.substring(hyphen + 1);
        if (isDigits(head) && isLetters(tail) && tail.length() <= 3) {
            return new Reading(new String[] {head + "-й"}, true, false, false);
        }
        List<String> combos = new ArrayList<>(2);
        combos.add("");
        int start = 0;
        while (start <= word.length()) {
            int end = word.indexOf('-', start);
            if (end < 0) {
                end = word.length();
            }
            String part = word.substring(start, end);
            if (part.isEmpty()) {
                return UNKNOWN;
            }
            String[] partLemmas = lookup(part).lemmas();
            if (partLemmas.length == 0) {
                partLemmas = new String[] {guess(part)};
            }
            List<String> next = new ArrayList<>(combos.size() * partLemmas.length);
            for (String prefix : combos) {
                for (String l : partLemmas) {
                    if (next.size() < MAX_COMPOUND_LEMMAS) {
                        next.add(prefix.isEmpty() ? l : prefix + "-" + l);
                    }
                }
            }
            combos = next;
            start = end + 1;
        }
        return new Reading(combos.toArray(NONE), true, false, false);
    }

    /**
     * Case endings a masculine noun whose dictionary form ends in a hard consonant takes directly
     * (раз: раза, разу, разом, разе, разы, разов, разам, разами, разах), longest first; Russian и
     * only after г к х ж ш ч щ (where it replaces ы), Ukrainian и after any (етер: етери).
     */
    private static final String[] RU_ENDINGS = {"ами", "ом", "ов", "ам", "ах", "а", "у", "е", "ы", "и"};
    private static final String[] UK_ENDINGS = {"ами", "ові", "ом", "ів", "ам", "ах", "а", "у", "і", "и", "е"};
    private static final String RU_I_AFTER = "гкхжшчщ";
    private static final String CONSONANTS = "бвгджзклмнпрстфхцчшщ";
    static final int MIN_GUESSED_STEM = 3;
    /**
     * An unknown word that is a known noun plus one of its case endings (раза, Аничкином, етери,
     * лейблом, Шольцом: forms the dictionary lacks of nouns it has) reads as that noun. Only the
     * endings of a hard-consonant noun, and a remaining stem of at least {@value #MIN_GUESSED_STEM}
     * letters that the dictionary has as a noun lemma: the typo ударось (удар + ось) is not read as
     * удар, nor Гайдая as гайда, Кейси as кейс or Уходем as уход.
     */
    private Reading nounWithEnding(String word) {
        boolean ukrainian = "uk".equals(dictionary.language);
        for (String e : ukrainian ? UK_ENDINGS : RU_ENDINGS) {
            int n = word.length() - e.length();
            if (n < MIN_GUESSED_STEM || !word.endsWith(e) || CONSONANTS.indexOf(word.charAt(n - 1)) < 0) {
                continue;
            }
            if (!ukrainian && e.equals("и") && RU_I_AFTER.indexOf(word.charAt(n - 1)) < 0) {
                continue;
            }
            String base = word.substring(0, n);
            for (WordData w : lookup.lookup(base)) {
                if (dictionary.isNounLemma(w, base)) {
                    // a guess: not "ordinary" for deciding words in capitals (МИФИ is not a form of миф)
                    return new Reading(new String[] {Folding.fold(base)}, false, false, false);
                }
            }
        }
        return UNKNOWN;
    }

    /** An unknown part of a compound: its Snowball stem when longer than {@link #SHORT_WORD} letters. */
    private String guess(String part) {
        if (part.length() <= SHORT_WORD || !isLetters(part)) {
            return part;
        }
        if (stemmer == null) {
            stemmer = new RussianStemmer();
        }
        stemmer.setCurrent(part);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private Reading lookup(String word) {
        List<WordData> readings = lookup.lookup(word);
        if (readings.isEmpty()) {
            return UNKNOWN;
        }
        List<String> out = new ArrayList<>(2);
        boolean ordinary = false;
        boolean function = true;
        boolean combining = true;
        for (WordData w : readings) {
            if (dictionary.isPatronymicOfName(w)) {
                continue;
            }
            String lemma = Folding.fold(w.getStem().toString().toLowerCase(Locale.ROOT));
            if (!lemma.isEmpty() && !out.contains(lemma)) {
                out.add(lemma);
            }
            ordinary |= !dictionary.isAbbreviationOrName(w);
            function &= dictionary.isFunctionWord(w);
            combining &= dictionary.isAdverb(w) || dictionary.isShortNeuter(w);
        }
        return out.isEmpty() ? UNKNOWN : new Reading(out.toArray(NONE), ordinary, function, combining);
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean isLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
