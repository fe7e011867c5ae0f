package org.narrativewatch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Sets the token type to {@link #CAPITALIZED} for a word written with a capital first letter and
 * lower-case rest (Путина), before lower-casing loses that. {@link DictionaryLemmaFilter} then
 * prefers proper-name readings for it.
 */
public final class CapitalizationFilter extends TokenFilter {
    public static final String CAPITALIZED = "<CAPITALIZED>";

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

    public CapitalizationFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (isCapitalized(termAtt.buffer(), termAtt.length())) {
            typeAtt.setType(CAPITALIZED);
        }
        return true;
    }

    static boolean isCapitalized(char[] t, int len) {
        if (len < 2 || !Character.isUpperCase(t[0])) {
            return false;
        }
        for (int i = 1; i < len; i++) {
            if (Character.isUpperCase(t[i])) {
                return false;
            }
        }
        return true;
    }
}
