package org.narrativewatch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replaces a word by all its dictionary lemmas, stacked at its position (position increment 0 for
 * the second and later) and marked as keywords so the stemmer after this filter leaves them alone.
 * Keywords (exact-form terms) pass untouched. For the other words:
 * <ul>
 *   <li>a word of 4–5 capitals ({@link ProtectedWordFilter#CAPITALS}) that the dictionary does not
 *       know as an ordinary word is an acronym: its lemma term is dropped, its exact form stays;
 *   <li>a word the dictionary knows: its lemmas. When all its readings are function words, adverbs
 *       or pronouns (по-прежнему, из-за, кто-то), the parts {@link CompoundPartsFilter} added after
 *       it are dropped: they are not words the text mentions; so is a leading part that the
 *       dictionary reads only as an adverb or a short neuter adjective, the combining form of a
 *       compound adjective (научно- in научно-технический, чёрно- in чёрно-белый);
 *   <li>an unknown word passes through, unmarked when the stemmer that follows may guess its stem:
 *       longer than {@value Lemmatizer#SHORT_WORD} letters (a short unknown name stemmed collides with
 *       function words: Тао → та), and not a word of the other language's dictionary (in a
 *       Ukrainian article the Russian судья must not be cut to суд, where a dictionary knows the word
 *       no other language's guess adds readings). Otherwise it is marked and kept whole.
 * </ul>
 */
public final class DictionaryLemmaFilter extends TokenFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final FlagsAttribute flagsAtt = addAttribute(FlagsAttribute.class);
    private final Lemmatizer lemmatizer;

    /** {@link FlagsAttribute} bit of a term that is a dictionary lemma (not a guess, not a word kept as written). */
    public static final int LEMMA = 4;

    private String[] lemmas = Lemmatizer.NONE;
    private int next;
    /** The word being read is a function word, adverb or pronoun: its hyphen parts are dropped. */
    private boolean skipParts;
    /** The part being read is a combining form (its exact form was dropped): drop its word too. */
    private boolean skipCombining;

    DictionaryLemmaFilter(TokenStream input, MorphDictionary dictionary) {
        super(input);
        this.lemmatizer = new Lemmatizer(dictionary);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next < lemmas.length) {
            termAtt.setEmpty().append(lemmas[next++]);
            posIncAtt.setPositionIncrement(0);
            keywordAtt.setKeyword(true);
            flagsAtt.setFlags(flagsAtt.getFlags() | LEMMA);
            return true;
        }
        while (input.incrementToken()) {
            boolean part = (flagsAtt.getFlags() & CompoundPartsFilter.PART) != 0;
            if (part && skipParts) {
                continue;
            }
            if (keywordAtt.isKeyword()) {
                if (!part) {
                    skipParts = false; // the exact form of the next word
                    skipCombining = false;
                } else if ((flagsAtt.getFlags() & CompoundPartsFilter.LEADING_PART) != 0 && isExact()) {
                    // научно- in научно-технический: a combining form, not a word of the text (its exact form goes too)
                    skipCombining = lemmatizer.reading(termAtt.buffer(), 1, termAtt.length() - 1).combining();
                    if (skipCombining) {
                        continue;
                    }
                } else {
                    skipCombining = false;
                }
                return true;
            }
            if (part && skipCombining) {
                skipCombining = false;
                continue;
            }
            char[] buf = termAtt.buffer();
            int len = termAtt.length();
            Lemmatizer.Reading r = lemmatizer.reading(buf, len);
            if (!part && r.function()) {
                skipParts = true; // по-прежнему, из-за, кто-то: the parts are not words mentioned
            }
            if ((flagsAtt.getFlags() & ProtectedWordFilter.CAPITALS) != 0 && !r.ordinary()) {
                continue; // an acronym: the exact form before this token is all it has
            }
            if (r.known()) {
                lemmas = r.lemmas();
                termAtt.setEmpty().append(lemmas[0]);
                keywordAtt.setKeyword(true);
                flagsAtt.setFlags(flagsAtt.getFlags() | LEMMA);
                next = 1;
                return true;
            }
            lemmas = Lemmatizer.NONE;
            next = 0;
            keywordAtt.setKeyword(len <= Lemmatizer.SHORT_WORD);
            return true;
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        lemmas = Lemmatizer.NONE;
        next = 0;
        skipParts = false;
        skipCombining = false;
    }

    private boolean isExact() {
        return termAtt.length() > 1 && termAtt.charAt(0) == ExactFormFilter.PREFIX;
    }
}
