package org.narrativewatch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Removes the English possessive ('s, or a trailing ' after s) from words that are not keywords, as
 * Lucene's EnglishPossessiveFilter does; that one also cuts keywords, and here the exact form
 * (a keyword) must stay as written: {@code =Trump's} is a form of its own.
 */
final class PossessiveFilter extends TokenFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

    PossessiveFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (keywordAtt.isKeyword()) {
            return true;
        }
        int len = termAtt.length();
        char[] b = termAtt.buffer();
        if (len >= 2 && b[len - 2] == '\'' && (b[len - 1] == 's' || b[len - 1] == 'S')) {
            termAtt.setLength(len - 2);
        } else if (len >= 2 && b[len - 1] == '\'' && (b[len - 2] == 's' || b[len - 2] == 'S')) {
            termAtt.setLength(len - 1);
        }
        return true;
    }
}
