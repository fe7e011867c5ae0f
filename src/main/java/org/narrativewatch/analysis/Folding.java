package org.narrativewatch.analysis;

import java.text.Normalizer;

/**
 * Spelling variants that must not split a word into two index terms: ё/е (Russian text writes
 * either), stress marks (dictionaries and learners' texts put U+0301 on vowels: Алекса́ндр), the
 * several apostrophes Ukrainian text uses (м'ясо, м’ясо, мʼясо), the hyphen characters (U+2010,
 * U+2011 → '-'), invisible format characters (zero-width space, word joiner, BOM, soft hyphen), and
 * Latin letters that look like Cyrillic ones inside a Cyrillic word (СBО, CША, Cамолет) or the other
 * way round. The Ukrainian morfologik dictionary spells the apostrophe as U+0027 and writes ґ as г,
 * so the text does the same.
 *
 * <p>Only the two stress accents (U+0300, U+0301) are removed: other combining marks carry
 * letters (й is и + U+0306 in decomposed text, ї is і + U+0308), so text is decomposed, the
 * accents dropped, and recomposed.
 *
 * <p>Look-alikes: a word (each part of a hyphenated word on its own: Zoom-конференция keeps both
 * scripts) that mixes Cyrillic and Latin letters is written in one script. When only one script has
 * letters without a twin in the other (л, ш, ы… or f, g, r…), the other script's look-alikes become
 * that script; when all its letters have twins, the majority decides (СBО → сво); a tie, or
 * letters without twins on both sides, is left alone. The twins, compared in lower case after the
 * word is lower-cased: a b c e h i k m o p t x y ↔ а в с е н і к м о р т х у (b, h, m, t look alike
 * as capitals: CBO, HATO).
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
        return len == word.length() && word.contentEquals(new String(buf, 0, len)) ? word : new String(buf, 0, len);
    }

    /**
     * Folds {@code buf[0..len)} in place (ё→е, ґ→г, apostrophes and hyphens unified). Returns the new
     * length, or -1 when the word needs the slow path: Unicode normalisation (accents, decomposed
     * letters), invisible characters, or both Latin and Cyrillic letters; the caller then uses
     * {@link #fold(String)}. The fast path covers plain Cyrillic and plain ASCII words.
     */
    static int foldFast(char[] buf, int len) {
        boolean latin = false;
        boolean cyrillic = false;
        for (int i = 0; i < len; i++) {
            char c = buf[i];
            if (c < 0x80) {
                latin |= c >= 'a' && c <= 'z';
                if (c == '`') {
                    buf[i] = '\'';
                }
                continue;
            }
            if (needsNormalization(c) && !isApostrophe(c) && !isHyphen(c)) {
                return -1;
            }
            char f = foldChar(c);
            if (f == REMOVED) {
                return -1;
            }
            cyrillic |= f >= 0x0400 && f <= 0x04FF;
            buf[i] = f;
        }
        return latin && cyrillic ? -1 : len;
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
            default:
                if (isApostrophe(c)) {
                    return '\'';
                }
                if (isHyphen(c)) {
                    return '-';
                }
                return Character.getType(c) == Character.FORMAT ? REMOVED : c;
        }
    }

    private static final char REMOVED = '\uFFFF';

    private static boolean isApostrophe(char c) {
        return c == '`' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u02B9' || c == '\u2032';
    }

    private static boolean isHyphen(char c) {
        return c == '\u2010' || c == '\u2011';
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
        char[] out = new char[composed.length()];
        int n = 0;
        for (int i = 0; i < composed.length(); i++) {
            char c = foldChar(composed.charAt(i));
            if (c != REMOVED) {
                out[n++] = c;
            }
        }
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || out[i] == '-') {
                foldLookAlikes(out, start, i);
                start = i + 1;
            }
        }
        return new String(out, 0, n);
    }

    private static final String LATIN_TWINS = "abcehikmoptxy";
    private static final String CYRILLIC_TWINS = "авсенікмортху";

    /** Writes a lower-case part that mixes Latin and Cyrillic letters in one script (see the class comment). */
    private static void foldLookAlikes(char[] w, int from, int to) {
        int latinOnly = 0, cyrillicOnly = 0, latinTwins = 0, cyrillicTwins = 0;
        for (int i = from; i < to; i++) {
            char c = w[i];
            if (LATIN_TWINS.indexOf(c) >= 0) {
                latinTwins++;
            } else if (CYRILLIC_TWINS.indexOf(c) >= 0) {
                cyrillicTwins++;
            } else if (Character.isLetter(c)) {
                Character.UnicodeScript s = Character.UnicodeScript.of(c);
                if (s == Character.UnicodeScript.LATIN) {
                    latinOnly++;
                } else if (s == Character.UnicodeScript.CYRILLIC) {
                    cyrillicOnly++;
                }
            }
        }
        if (latinOnly + latinTwins == 0 || cyrillicOnly + cyrillicTwins == 0) {
            return;
        }
        boolean toCyrillic;
        if (cyrillicOnly > 0 && latinOnly == 0) {
            toCyrillic = true;
        } else if (latinOnly > 0 && cyrillicOnly == 0) {
            toCyrillic = false;
        } else if (latinOnly == 0 && cyrillicTwins != latinTwins) {
            toCyrillic = cyrillicTwins > latinTwins;
        } else {
            return;
        }
        String from2 = toCyrillic ? LATIN_TWINS : CYRILLIC_TWINS;
        String to2 = toCyrillic ? CYRILLIC_TWINS : LATIN_TWINS;
        for (int i = from; i < to; i++) {
            int k = from2.indexOf(w[i]);
            if (k >= 0) {
                w[i] = to2.charAt(k);
            }
        }
    }
}
