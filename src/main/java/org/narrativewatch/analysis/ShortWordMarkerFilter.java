package org.narrativewatch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Marks words of at most {@code maxLength} characters as keywords so the stemmer after it leaves
 * them alone. Placed after the dictionary filter, it only affects words the dictionary does not
 * know: a short unknown name (Тао, Бах) stemmed would collide with function words and other short
 * words (тао → та). Three characters was measured best with {@code nwatch eval-morphology}.
 */
public final class ShortWordMarkerFilter extends KeywordMarkerFilter {
    static final int DEFAULT_MAX_LENGTH = 3;

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final int maxLength;

    public ShortWordMarkerFilter(TokenStream input, int maxLength) {
        super(input);
        this.maxLength = maxLength;
    }

    @Override
    protected boolean isKeyword() {
        return termAtt.length() <= maxLength;
    }
}
