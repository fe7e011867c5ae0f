package org.narrativewatch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Emits each word twice at one position: first {@code "=" + word} (the exact-form term, a keyword
 * so no later filter changes it), then the word itself for the lemma filters. Users ask for one
 * form with {@code =Путина}; one field then serves lemma and exact-form queries, phrases included.
 */
public final class ExactFormFilter extends TokenFilter {
    public static final char PREFIX = '=';

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);

    private char[] saved = new char[32];
    private int savedLength;
    private boolean savedKeyword;
    private boolean pending;

    public ExactFormFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending) {
            pending = false;
            termAtt.copyBuffer(saved, 0, savedLength);
            keywordAtt.setKeyword(savedKeyword);
            posIncAtt.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        int len = termAtt.length();
        if (saved.length < len) {
            saved = new char[Math.max(len, saved.length * 2)];
        }
        System.arraycopy(termAtt.buffer(), 0, saved, 0, len);
        savedLength = len;
        savedKeyword = keywordAtt.isKeyword();
        pending = true;
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
