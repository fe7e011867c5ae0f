package org.narrativewatch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Applies {@link Folding} to each (already lower-cased) term, in place for plain Cyrillic and Latin. */
public final class FoldFilter extends TokenFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

    public FoldFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int len = Folding.foldFast(termAtt.buffer(), termAtt.length());
        if (len < 0) {
            String folded = Folding.fold(termAtt.toString());
            termAtt.setEmpty().append(folded);
        } else {
            termAtt.setLength(len);
        }
        return true;
    }
}
