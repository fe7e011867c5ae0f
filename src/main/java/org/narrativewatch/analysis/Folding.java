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
     * Folds {@code buf[0..len)} in place (ё→е, apostrophes unified). Returns the new length, or -1
     * when the word has characters that need Unicode normalisation (accents, decomposed letters);
     * the caller then uses {@link #fold(String)}. The fast path covers plain Cyrillic and ASCII.
     */
    static int foldFast(char[] buf, int len) {
        for (int i = 0; i < len; i++) {
            char c = buf[i];
            if (c < 0x80) {
                if (c == '`') {
                    buf[i] = '\'';
                }
                continue;
            }
            if (c == 'ё') {
                buf[i] = 'е';
            } else if (c == 'Ё') {
                buf[i] = 'Е';
            } else if (c == 'ґ') {
                buf[i] = 'г';
            } else if (c == 'Ґ') {
                buf[i] = 'Г';
            } else if (c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u02B9' || c == '\u2032') {
                buf[i] = '\'';
            } else if (needsNormalization(c)) {
                return -1;
            }
        }
        return len;
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
            if (c == '\u0300' || c == '\u0301') {
                continue;
            }
            sb.append(c);
        }
        String composed = Normalizer.normalize(sb, Normalizer.Form.NFC);
        char[] buf = composed.toCharArray();
        int n = 0;
        for (int i = 0; i < buf.length; i++) {
            char c = buf[i];
            if (c == 'ё') {
                c = 'е';
            } else if (c == 'Ё') {
                c = 'Е';
            } else if (c == 'ґ') {
                c = 'г';
            } else if (c == 'Ґ') {
                c = 'Г';
            } else if (c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u02B9' || c == '\u2032' || c == '`') {
                c = '\'';
            } else if (c == '\u00AD' || c == '\u200D' || c == '\u200C') {
                continue;
            }
            buf[n++] = c;
        }
        return new String(buf, 0, n);
    }
}
