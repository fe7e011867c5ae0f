package org.narrativewatch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;

/**
 * Writes the chain's language in front of every lemma term ({@code ru:путин}, {@code uk:київ},
 * {@code en:talk}); exact forms ({@code =путина}) stay as they are, shared by all languages. A query
 * word is analysed by every chain and ORs the results, and each chain's terms exist only in articles
 * of that language, so a Russian article is searched with the Russian reading of the word and a
 * Ukrainian one with the Ukrainian: the Ukrainian chain's guess for the Russian судья (суд) cannot
 * find суд in Russian articles.
 *
 * <p>With {@code separateStems}, a term that is not a dictionary lemma (the stem guessed for an
 * unknown word, or an unknown short word kept as written) gets {@code ~} instead of {@code :}
 * ({@code ru~зеленск}): words no dictionary knows meet each other, but never a dictionary lemma (the
 * typo ударось, stemmed удар, is not the word удар).
 */
public final class LemmaTagFilter extends TokenFilter {
    public static final char LEMMA = ':';
    public static final char STEM = '~';

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final FlagsAttribute flagsAtt = addAttribute(FlagsAttribute.class);
    private final char[] tag;
    private final boolean separateStems;

    public LemmaTagFilter(TokenStream input, String language, boolean separateStems) {
        super(input);
        this.tag = language.toCharArray();
        this.separateStems = separateStems;
    }

    /**
     * The lemma of a term this filter tagged ({@code ru:путин} → путин, {@code ru~зеленск} →
     * зеленск), or null for any other term (an exact form {@code =путина}). For tools that show
     * index terms to people (explain, cooccur), who must never see a tag.
     */
    public static String untag(String term) {
        int n = tagLength(term);
        return n == 0 ? null : term.substring(n);
    }

    /** The length of the language tag in front of {@code term} ({@code ru:}, {@code uk~}), or 0 when it has none. */
    public static int tagLength(CharSequence term) {
        for (String chain : Analyzers.QUERY_CHAINS) {
            int n = chain.length();
            if (term.length() > n + 1 && (term.charAt(n) == LEMMA || term.charAt(n) == STEM)) {
                boolean same = true;
                for (int i = 0; i < n && same; i++) {
                    same = term.charAt(i) == chain.charAt(i);
                }
                if (same) {
                    return n + 1;
                }
            }
        }
        return 0;
    }

    /** Every tag a lemma term can start with: each tagging chain's language with {@link #LEMMA} and with {@link #STEM}. */
    public static java.util.List<String> tags() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String chain : Analyzers.QUERY_CHAINS) {
            out.add(chain + LEMMA);
            out.add(chain + STEM);
        }
        return out;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int len = termAtt.length();
        if (len > 0 && termAtt.charAt(0) == ExactFormFilter.PREFIX) {
            return true;
        }
        int shift = tag.length + 1;
        char[] b = termAtt.resizeBuffer(len + shift);
        System.arraycopy(b, 0, b, shift, len);
        System.arraycopy(tag, 0, b, 0, tag.length);
        b[tag.length] = separateStems && (flagsAtt.getFlags() & DictionaryLemmaFilter.LEMMA) == 0 ? STEM : LEMMA;
        termAtt.setLength(len + shift);
        return true;
    }
}
