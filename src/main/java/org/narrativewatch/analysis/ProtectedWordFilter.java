package org.narrativewatch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Marks words that lemmatisation and stemming would break as keywords, so later filters keep them
 * as they are (lower-cased): acronyms written in capitals (СВО must not become сво- and match
 * свой/свои; США, ВСУ, ЕС), initials (В., which the tokenizer keeps with its dot), and a list
 * users extend ({@link ProtectedWords}). Runs before lower-casing because case is the cue.
 *
 * <p>Only short all-capital words count as acronyms: a headline in capitals (РОССИЯ ЗАЯВИЛА) should
 * still be lemmatised, and acronyms longer than {@link #MAX_ACRONYM_LETTERS} letters are rare.
 */
public final class ProtectedWordFilter extends TokenFilter {
    static final int MAX_ACRONYM_LETTERS = 5;

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
    private final CharArraySet protectedWords;

    /** {@code protectedWords} must ignore case. */
    public ProtectedWordFilter(TokenStream input, CharArraySet protectedWords) {
        super(input);
        this.protectedWords = protectedWords;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] t = termAtt.buffer();
        int len = termAtt.length();
        if (isAcronymOrInitial(t, len) || protectedWords.contains(t, 0, len)) {
            keywordAtt.setKeyword(true);
        }
        return true;
    }

    static boolean isAcronymOrInitial(char[] t, int len) {
        if (len == 2 && t[1] == '.' && Character.isUpperCase(t[0])) {
            return true;
        }
        int letters = 0;
        for (int i = 0; i < len; i++) {
            char c = t[i];
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2 && letters <= MAX_ACRONYM_LETTERS;
    }
}
