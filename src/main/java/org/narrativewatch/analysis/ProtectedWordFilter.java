package org.narrativewatch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Marks words that lemmatisation and stemming would break as keywords, which the chain keeps as
 * their exact form only (see {@link ExactFormFilter}): initials (В., which the tokenizer keeps with
 * its dot), words of the user's list ({@link ProtectedWords}: сво, всу, whatever the case), and
 * acronyms written in capitals. Runs before lower-casing because case is the cue.
 *
 * <p>Which words in capitals are acronyms is decided by the dictionary, not by case alone, so that
 * a headline in capitals (ВОЙНЫ, КИЕВА) and a capitalised name (ХАМАС → Хамаса) are still found by
 * lemma while СВО does not become свой:
 * <ul>
 *   <li>2–3 capitals (СВО, США, МИД, ИИ, РАН): an acronym. Short words in capitals are nearly always
 *       acronyms, and their dictionary readings are accidents (ИИ → Ия, РАН → рана); a query for the
 *       same letters still finds them by their exact form;
 *   <li>4–5 capitals: flagged {@link #CAPITALS}; {@link DictionaryLemmaFilter} keeps the word as an
 *       acronym when the dictionary does not know its lower-case form, or knows it only as an
 *       abbreviation or a given name or surname (ОДКБ, ГИБДД), and lemmatises it otherwise (ХАМАС,
 *       ВОЙНЫ, КИЕВА, ТАСС). In a chain without a dictionary (English) they are acronyms;
 *   <li>longer words in capitals are lemmatised like any word.
 * </ul>
 */
public final class ProtectedWordFilter extends TokenFilter {
    /** {@link FlagsAttribute} bit: a word of 4–5 capitals whose dictionary readings decide whether it is an acronym. */
    public static final int CAPITALS = 2;
    static final int MAX_ACRONYM_LETTERS = 5;
    static final int ALWAYS_ACRONYM_LETTERS = 3;

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
    private final FlagsAttribute flagsAtt = addAttribute(FlagsAttribute.class);
    private final CharArraySet protectedWords;
    private final boolean dictionaryDecides;

    /**
     * {@code protectedWords} must ignore case; {@code dictionaryDecides}: the chain has a dictionary
     * that decides on words of 4–5 capitals (else they are acronyms).
     */
    public ProtectedWordFilter(TokenStream input, CharArraySet protectedWords, boolean dictionaryDecides) {
        super(input);
        this.protectedWords = protectedWords;
        this.dictionaryDecides = dictionaryDecides;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] t = termAtt.buffer();
        int len = termAtt.length();
        if (isInitial(t, len) || protectedWords.contains(t, 0, len)) {
            keywordAtt.setKeyword(true);
            return true;
        }
        int capitals = capitals(t, len);
        if (capitals >= 2 && capitals <= MAX_ACRONYM_LETTERS) {
            if (capitals <= ALWAYS_ACRONYM_LETTERS || !dictionaryDecides) {
                keywordAtt.setKeyword(true);
            } else {
                flagsAtt.setFlags(flagsAtt.getFlags() | CAPITALS);
            }
        }
        return true;
    }

    static boolean isInitial(char[] t, int len) {
        return len == 2 && t[1] == '.' && Character.isUpperCase(t[0]);
    }

    /** The number of letters when every letter is a capital, else 0. */
    static int capitals(char[] t, int len) {
        int letters = 0;
        for (int i = 0; i < len; i++) {
            char c = t[i];
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return 0;
                }
                letters++;
            }
        }
        return letters;
    }
}
