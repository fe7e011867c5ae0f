package org.narrativewatch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits text into words for Russian, Ukrainian, Belarusian and English news.
 *
 * <p>Written here rather than taken from Lucene because its tokenizers cut what these languages
 * write as one word: {@code StandardTokenizer} (UAX#29) splits at hyphens (северо-западный,
 * кто-нибудь, 1-й, Ростов-на-Дону) and drops the dot of an initial, which is what keeps the initial
 * В. apart from the preposition в. A word is a run of letters, digits and combining marks (stress
 * accents, which {@link FoldFilter} removes later); a hyphen or apostrophe joins two such runs
 * (м'ясо, м’ясо). Invisible format characters inside a word (Unicode category Cf: soft hyphen,
 * zero-width space U+200B, joiners U+200C/U+200D, word joiner U+2060, BOM U+FEFF, bidi marks) are
 * dropped and the word stays whole: pasted and scraped text carries them between letters. A single
 * capital letter followed by a dot keeps the dot ({@code В.}). Offsets are those of the original text.
 */
public final class WordTokenizer extends Tokenizer {
    /** Longer runs (base64, URLs without separators) are cut into pieces of this length. */
    static final int MAX_TOKEN_LENGTH = 255;
    /** Invisible characters skipped in a row inside a word; longer runs end it (well within the buffer). */
    private static final int MAX_INVISIBLE_RUN = 16;

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);

    private final char[] buf = new char[4096];
    private int bufLen;
    private int bufPos;
    /** Offset in the input of buf[0]. */
    private int bufBase;
    private boolean eof;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        int cp;
        while (true) {
            cp = peekCodePoint(0);
            if (cp < 0) {
                return false;
            }
            // a word starts with a letter or digit: a mark left over from an emoji (❗️Путин has U+FE0F
            // before the П) must not start one, or the word would never match its lemma
            if (Character.isLetterOrDigit(cp)) {
                break;
            }
            bufPos += Character.charCount(cp);
        }
        int start = bufBase + bufPos;
        char[] term = termAtt.buffer();
        int len = 0;
        int codePoints = 0;
        boolean upperFirst = Character.isUpperCase(cp);
        while (true) {
            int n = Character.charCount(cp);
            if (len + n > term.length) {
                term = termAtt.resizeBuffer(len + n);
            }
            len += Character.toChars(cp, term, len);
            codePoints++;
            bufPos += n;
            if (len >= MAX_TOKEN_LENGTH) {
                break;
            }
            cp = peekCodePoint(0);
            if (cp >= 0 && isWordChar(cp)) {
                continue;
            }
            if (cp >= 0 && isJoiner(cp)) {
                // a joiner, then possibly a few invisible characters (a soft hyphen after a hyphen,
                // two zero-width spaces), then a letter: one word
                int ahead = Character.charCount(cp);
                int next = peekCodePoint(ahead);
                while (next >= 0 && isInvisible(next) && ahead < MAX_INVISIBLE_RUN) {
                    ahead += Character.charCount(next);
                    next = peekCodePoint(ahead);
                }
                if (next >= 0 && isWordChar(next)) {
                    if (!isInvisible(cp)) {
                        if (len + 1 > term.length) {
                            term = termAtt.resizeBuffer(len + 1);
                        }
                        term[len++] = (char) cp;
                    }
                    bufPos += ahead;
                    cp = next;
                    continue;
                }
            }
            break;
        }
        if (codePoints == 1 && upperFirst && Character.isLetter(Character.codePointAt(term, 0)) && peekCodePoint(0) == '.') {
            if (len + 1 > term.length) {
                term = termAtt.resizeBuffer(len + 1);
            }
            term[len++] = '.';
            bufPos++;
        }
        termAtt.setLength(len);
        int end = bufBase + bufPos;
        offsetAtt.setOffset(correctOffset(start), correctOffset(end));
        return true;
    }

    /** A letter, digit or combining mark (not an emoji variation selector): what words are made of. */
    public static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
            return false; // emoji variation selectors are marks, but belong to the emoji, not the word
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isJoiner(int cp) {
        return cp == '-' || cp == '\u2010' || cp == '\u2011' || cp == '\'' || cp == '\u2019' || cp == '\u2018'
                || cp == '`' || isInvisible(cp);
    }

    /** Format characters (Cf) show nothing: inside a word they join its letters and are dropped. */
    static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT;
    }

    /** The code point {@code ahead} chars after the current position, or -1 at the end of input. */
    private int peekCodePoint(int ahead) throws IOException {
        if (!ensure(ahead + 2) && bufPos + ahead >= bufLen) {
            return -1;
        }
        int i = bufPos + ahead;
        char c = buf[i];
        if (Character.isHighSurrogate(c) && i + 1 < bufLen && Character.isLowSurrogate(buf[i + 1])) {
            return Character.toCodePoint(c, buf[i + 1]);
        }
        return c;
    }

    /** Makes at least {@code n} chars available from bufPos unless the input ends first. */
    private boolean ensure(int n) throws IOException {
        if (bufPos + n <= bufLen) {
            return true;
        }
        if (eof) {
            return false;
        }
        if (bufPos > 0) {
            System.arraycopy(buf, bufPos, buf, 0, bufLen - bufPos);
            bufBase += bufPos;
            bufLen -= bufPos;
            bufPos = 0;
        }
        while (bufLen < n && !eof) {
            int r = input.read(buf, bufLen, buf.length - bufLen);
            if (r < 0) {
                eof = true;
            } else {
                bufLen += r;
            }
        }
        return bufPos + n <= bufLen;
    }

    @Override
    public void end() throws IOException {
        super.end();
        // Consume whatever is left so the final offset is the length of the whole input.
        bufBase += bufLen;
        bufLen = 0;
        bufPos = 0;
        while (!eof) {
            int r = input.read(buf, 0, buf.length);
            if (r < 0) {
                eof = true;
            } else {
                bufBase += r;
            }
        }
        int last = correctOffset(bufBase);
        offsetAtt.setOffset(last, last);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        bufLen = 0;
        bufPos = 0;
        bufBase = 0;
        eof = false;
    }
}
