package org.narrativewatch.analysis;

import java.util.ArrayList;
import java.util.List;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * Dictionary lemmas of one word form: every lemma the dictionary gives (all readings of an
 * ambiguous form, so recall does not depend on guessing the right one), lower-cased and folded.
 * An empty array means the dictionary does not know the word.
 *
 * <p>Case is not used: preferring proper-name readings for capitalised words (Путина → only
 * путин) was measured and lost more than it gained, because sentence-initial words and place
 * names (Америке, Риме) have surname homonyms in the dictionary. Beyond a plain lookup, a
 * hyphenated compound the dictionary lacks takes the lemma of its last part (юго-восточного →
 * юго-восточный) and a number with a case ending is the ordinal "N-й" (1-го, 1-м → 1-й).
 *
 * <p>Not thread-safe (morfologik's lookup reuses its buffers): one instance per token stream, so
 * one per indexing thread. A morfologik lookup costs a few microseconds (the word is encoded to
 * KOI8-R, the automaton walked, every reading decoded), a hit in the cache a fraction of one; on 1M
 * tokens of Telegram news the dictionary stage took 13 s uncached and 1.4 s with this cache. It
 * holds up to {@value #CACHE_LIMIT} forms (about 100k distinct forms cover 1M tokens of news) and is
 * simply cleared when full, which keeps hits allocation-free and costs a short refill.
 */
final class Lemmatizer {
    static final String[] UNKNOWN = new String[0];
    private static final int CACHE_LIMIT = 100_000;

    private final DictionaryLookup lookup;
    private final CharArrayMap<String[]> cache = new CharArrayMap<>(1024, false);

    Lemmatizer(MorphDictionary dict) {
        this.lookup = new DictionaryLookup(dict.dictionary);
    }

    /** Lemmas of {@code form[0..len)} (lower case, folded). */
    String[] lemmas(char[] form, int len) {
        CharArrayMap<String[]> c = cache;
        String[] hit = c.get(form, 0, len);
        if (hit != null) {
            return hit;
        }
        String word = new String(form, 0, len);
        String[] result = compute(word);
        if (c.size() >= CACHE_LIMIT) {
            c.clear();
        }
        c.put(word, result);
        return result;
    }

    String[] lemmas(String word) {
        return lemmas(word.toCharArray(), word.length());
    }

    private String[] compute(String word) {
        String[] direct = lookup(word);
        if (direct.length > 0) {
            return direct;
        }
        int hyphen = word.lastIndexOf('-');
        if (hyphen <= 0 || hyphen == word.length() - 1) {
            return UNKNOWN;
        }
        String head = word.substring(0, hyphen);
        String tail = word.substring(hyphen + 1);
        if (isDigits(head) && isLetters(tail) && tail.length() <= 3) {
            return new String[] {head + "-й"};
        }
        String[] last = lookup(tail);
        if (last.length == 0) {
            return UNKNOWN;
        }
        String[] out = new String[last.length];
        for (int i = 0; i < last.length; i++) {
            out[i] = head + "-" + last[i];
        }
        return out;
    }

    private String[] lookup(String word) {
        List<WordData> readings = lookup.lookup(word);
        if (readings.isEmpty()) {
            return UNKNOWN;
        }
        List<String> out = new ArrayList<>(2);
        for (WordData w : readings) {
            String lemma = Folding.fold(w.getStem().toString().toLowerCase(java.util.Locale.ROOT));
            if (!lemma.isEmpty() && !out.contains(lemma)) {
                out.add(lemma);
            }
        }
        return out.toArray(UNKNOWN);
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
