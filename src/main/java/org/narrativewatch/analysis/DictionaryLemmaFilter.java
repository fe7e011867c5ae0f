package org.narrativewatch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replaces a word by all its dictionary lemmas, stacked at its position (position increment 0 for
 * the second and later) and marked as keywords so a stemmer after this filter leaves them alone. A
 * word the dictionary does not know passes through unchanged and unmarked: the stemmer that follows
 * (Snowball for Russian) handles exactly those. Keywords (protected words, exact-form terms) are
 * not looked up.
 */
public final class DictionaryLemmaFilter extends TokenFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final Lemmatizer lemmatizer;

    private String[] lemmas = Lemmatizer.UNKNOWN;
    private int next;

    DictionaryLemmaFilter(TokenStream input, MorphDictionary dictionary) {
        super(input);
        this.lemmatizer = new Lemmatizer(dictionary);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next < lemmas.length) {
            termAtt.setEmpty().append(lemmas[next++]);
            posIncAtt.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (keywordAtt.isKeyword()) {
            return true;
        }
        String[] found = lemmatizer.lemmas(termAtt.buffer(), termAtt.length());
        if (found.length == 0) {
            lemmas = Lemmatizer.UNKNOWN;
            next = 0;
            return true;
        }
        lemmas = found;
        termAtt.setEmpty().append(found[0]);
        keywordAtt.setKeyword(true);
        next = 1;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        lemmas = Lemmatizer.UNKNOWN;
        next = 0;
    }
}
