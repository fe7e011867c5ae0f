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
        String title = a.title();
        String text = a.text();
        int most = 3 * (title.length() + text.length());
        byte[] b = STORY_BYTES.get();
        if (b.length < most) {
            b = new byte[Math.max(most, 2 * b.length)];
            if (b.length <= MAX_KEPT_BUFFER) {
                STORY_BYTES.set(b);
            }
        }
        // the UTF-8 bytes of the kept characters, written directly (title, then text: the space between
        // them is not kept): the same bytes as building the string and encoding it, without four copies
        int n = utf8LettersAndDigits(text, b, utf8LettersAndDigits(title, b, 0));
        return n == 0 ? 0 : hash64(b, n);
    }

    private static final int MAX_KEPT_BUFFER = 1 << 20;
    private static final ThreadLocal<byte[]> STORY_BYTES = ThreadLocal.withInitial(() -> new byte[4096]);

    /**
     * Appends the UTF-8 bytes of {@code s}'s letters and digits, lower-cased, ё as е, at {@code n}. A kept
     * character is never a surrogate (a surrogate is neither letter nor digit), so each is one code point
     * of one to three bytes.
     */
    private static int utf8LettersAndDigits(String s, byte[] b, int n) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    b[n++] = (byte) c;
                } else if (c >= 'A' && c <= 'Z') {
                    b[n++] = (byte) (c + 32);
                }
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            char l = Character.toLowerCase(c == 'ё' || c == 'Ё' ? 'е' : c);
            if (l < 0x80) {
                b[n++] = (byte) l;
            } else if (l < 0x800) {
                b[n++] = (byte) (0xC0 | (l >> 6));
                b[n++] = (byte) (0x80 | (l & 0x3F));
            } else {
                b[n++] = (byte) (0xE0 | (l >> 12));
                b[n++] = (byte) (0x80 | ((l >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (l & 0x3F));
            }
        }
        return n;
    }

    /** Two 32-bit murmur3 hashes with different seeds: a collision among n keys has odds about n²/2⁶⁵. */
    public static long hash64(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return hash64(b, b.length);
    }

    private static long hash64(byte[] b, int length) {
        long hi = StringHelper.murmurhash3_x86_32(b, 0, length, 0x9747b28c) & 0xffffffffL;
        long lo = StringHelper.murmurhash3_x86_32(b, 0, length, 0x5bd1e995) & 0xffffffffL;
        return (hi << 32) | lo;
    }
}
