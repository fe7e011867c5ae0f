package org.narrativewatch.index;

import java.nio.charset.StandardCharsets;
import org.apache.lucene.util.StringHelper;
import org.narrativewatch.article.Article;

/** The 64-bit hashes every engine stores: of an article's identity key, and of its text (its story). */
public final class Hashes {
    private Hashes() {}

    /**
     * Syndicated copies share a hash of their letters and digits, lower-cased: punctuation,
     * spacing and case differ between reposts more often than words do. 0 for an article without
     * letters or digits.
     */
    public static long storyHash(Article a) {
        StringBuilder sb = new StringBuilder(a.title().length() + a.text().length());
        String s = a.title() + " " + a.text();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c == 'ё' || c == 'Ё' ? 'е' : c));
            }
        }
        return sb.length() == 0 ? 0 : hash64(sb.toString());
    }

    /** Two 32-bit murmur3 hashes with different seeds: a collision among n keys has odds about n²/2⁶⁵. */
    public static long hash64(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        long hi = StringHelper.murmurhash3_x86_32(b, 0, b.length, 0x9747b28c) & 0xffffffffL;
        long lo = StringHelper.murmurhash3_x86_32(b, 0, b.length, 0x5bd1e995) & 0xffffffffL;
        return (hi << 32) | lo;
    }
}
