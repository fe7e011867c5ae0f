package org.narrativewatch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A hyphenated word (генерал-лейтенанта, дронами-камикадзе, Москва-Сити) is kept whole and each of
 * its parts follows at the same position (increment 0), flagged {@link #PART}: the later filters give
 * each part its own exact form and lemmas, so {@code генерал} finds генерал-лейтенанта while the whole
 * compound keeps a lemma of its own (ракета-носитель for ракеты-носителя, see {@link Lemmatizer}). A
 * query word never uses the part terms ({@link Analyzers#queryTerms}): {@code дрон-камикадзе} must
 * not find every дрон.
 *
 * <p>A word that starts with a number is not split: 1-го and 90-х have a case ending, not a word,
 * and 10-летний (ten-year) is not летний (summer). A part gets its own
 * offsets inside the word when the word's text maps one to one onto the term (nothing invisible was
 * dropped), else the whole word's; at most {@value #MAX_PARTS} parts are emitted.
 */
public final class CompoundPartsFilter extends TokenFilter {
    /** {@link FlagsAttribute} bit of a part of a hyphenated word. */
    public static final int PART = 1;
    /** {@link FlagsAttribute} bit of a part that is not the last one (чёрно- in чёрно-белый). */
    public static final int LEADING_PART = 8;
    static final int MAX_PARTS = 8;

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final FlagsAttribute flagsAtt = addAttribute(FlagsAttribute.class);

    private char[] word = new char[64];
    private int wordLength;
    private int wordStart;
    private int wordEnd;
    private boolean exactOffsets;
    /** Where the next part starts in {@link #word}, or -1 when no part is pending. */
    private int nextPart = -1;
    private int partsEmitted;

    public CompoundPartsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (nextPart >= 0) {
            int start = nextPart;
            int end = start;
            while (end < wordLength && !isHyphen(word[end])) {
                end++;
            }
            nextPart = end < wordLength && ++partsEmitted < MAX_PARTS ? end + 1 : -1;
            // what the later filters set on the previous token (keyword, flags) must not stick to this one
            clearAttributes();
            termAtt.copyBuffer(word, start, end - start);
            posIncAtt.setPositionIncrement(0);
            flagsAtt.setFlags(nextPart >= 0 ? PART | LEADING_PART : PART);
            if (exactOffsets) {
                offsetAtt.setOffset(wordStart + start, wordStart + end);
            } else {
                offsetAtt.setOffset(wordStart, wordEnd);
            }
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        char[] t = termAtt.buffer();
        int len = termAtt.length();
        if (splits(t, len)) {
            if (word.length < len) {
                word = new char[Math.max(len, word.length * 2)];
            }
            System.arraycopy(t, 0, word, 0, len);
            wordLength = len;
            wordStart = offsetAtt.startOffset();
            wordEnd = offsetAtt.endOffset();
            exactOffsets = wordEnd - wordStart == len;
            nextPart = 0;
            partsEmitted = 0;
        }
        return true;
    }

    /** A hyphen between two non-empty parts, and not after a number. */
    static boolean splits(char[] t, int len) {
        int first = -1;
        for (int i = 0; i < len; i++) {
            if (isHyphen(t[i])) {
                first = i;
                break;
            }
        }
        if (first <= 0 || first >= len - 1) {
            return false;
        }
        for (int i = 0; i < first; i++) {
            if (t[i] < '0' || t[i] > '9') {
                return true;
            }
        }
        return false;
    }

    static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        nextPart = -1;
    }
}
