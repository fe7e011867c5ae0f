package org.narrativewatch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Emits {@code "=" + word}, the exact-form term (a keyword so no later filter changes it), then the
 * word itself at the same position for the lemma filters. Users ask for one form with
 * {@code =Путина}; one field then serves lemma and exact-form queries, phrases included.
 *
 * <p>A word already marked keyword (an acronym, an initial, a protected word) is its exact form and
 * nothing else: a second, lower-cased term could equal another word's lemma or stem (US and used →
 * us), and every query word includes its own exact form, so a query for the same letters finds it.
 * A chain without a lemma stage ({@code exactOnly}) emits only exact forms.
 */
public final class ExactFormFilter extends TokenFilter {
    public static final char PREFIX = '=';

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final boolean exactOnly;

    private char[] saved = new char[32];
    private int savedLength;
    private boolean pending;

    public ExactFormFilter(TokenStream input, boolean exactOnly) {
        super(input);
        this.exactOnly = exactOnly;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending) {
            pending = false;
            termAtt.copyBuffer(saved, 0, savedLength);
            keywordAtt.setKeyword(false);
            posIncAtt.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        int len = termAtt.length();
        if (!exactOnly && !keywordAtt.isKeyword()) {
            if (saved.length < len) {
                saved = new char[Math.max(len, saved.length * 2)];
            }
            System.arraycopy(termAtt.buffer(), 0, saved, 0, len);
            savedLength = len;
            pending = true;
        }
        char[] b = termAtt.resizeBuffer(len + 1);
        System.arraycopy(b, 0, b, 1, len);
        b[0] = PREFIX;
        termAtt.setLength(len + 1);
        keywordAtt.setKeyword(true);
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = false;
    }
}
