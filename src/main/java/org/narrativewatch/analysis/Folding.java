package org.narrativewatch.analysis;

import java.text.Normalizer;

/**
 * Spelling variants that must not split a word into two index terms: ё/е (Russian text writes
 * either), stress marks (dictionaries and learners' texts put U+0301 on vowels: Алекса́ндр), and
 * the several apostrophes Ukrainian text uses (м'ясо, м’ясо, мʼясо). The Ukrainian morfologik
 * dictionary spells the apostrophe as U+0027 and writes ґ as г, so the text does the same.
 *
 * <p>Only the two stress accents (U+0300, U+0301) are removed: other combining marks carry
 * letters (й is и + U+0306 in decomposed text, ї is і + U+0308), so text is decomposed, the
 * accents dropped, and recomposed.
 */
public final class Folding {
    private Folding() {}

    /** Folds a lower-cased word; returns the same instance when nothing changes. */
    public static String fold(String word) {
        char[] buf = word.toCharArray();
        int len = foldFast(buf, buf.length);
        if (len < 0) {
            return foldSlow(word);
        }
        return new String(buf, 0, len);
    }

    /**
     * Folds {@code buf[0..len)} in place (ё→е, ґ→г, apostrophes unified). Returns the new length,
     * or -1 when the word has characters that need Unicode normalisation (accents, decomposed
     * letters); the caller then uses {@link #fold(String)}. The fast path covers plain Cyrillic and ASCII.
     */
    static int foldFast(char[] buf, int len) {
        for (int i = 0; i < len; i++) {
            char c = buf[i];
            if (c >= 0x80 && needsNormalization(c) && !isApostrophe(c)) {
                return -1;
            }
            char f = foldChar(c);
            if (f == REMOVED) {
                return -1;
            }
            buf[i] = f;
        }
        return len;
    }

    /** The one-character foldings; {@link #REMOVED} for invisible characters. */
    private static char foldChar(char c) {
        switch (c) {
            case 'ё':
                return 'е';
            case 'Ё':
                return 'Е';
            case 'ґ':
                return 'г';
            case 'Ґ':
                return 'Г';
            case '\u00AD': case '\u200C': case '\u200D':
                return REMOVED;
            default:
                return isApostrophe(c) ? '\'' : c;
        }
    }

    private static final char REMOVED = '\uFFFF';

    private static boolean isApostrophe(char c) {
        return c == '`' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u02B9' || c == '\u2032';
    }

    private static boolean needsNormalization(char c) {
        // Latin-1 accented letters, combining marks, precomposed Cyrillic with grave (ѐ ѝ), and
        // anything beyond basic Cyrillic: decompose and check.
        return (c >= 0x00C0 && c < 0x0400) || c == 0x0450 || c == 0x045D || c > 0x04FF;
    }

    private static String foldSlow(String word) {
        String d = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c != '\u0300' && c != '\u0301') {
                sb.append(c);
            }
        }
        String composed = Normalizer.normalize(sb, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); i++) {
            char c = foldChar(composed.charAt(i));
            if (c != REMOVED) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
