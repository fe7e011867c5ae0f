package org.narrativewatch.explain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.narrativewatch.analysis.Analyzers;
import org.narrativewatch.analysis.ExactFormFilter;
import org.narrativewatch.explain.names.NameTagger;

/**
 * A text's words as the index sees them, with what the index drops: the word as written and the
 * punctuation before it. Runs the language's index analyzer ({@link Analyzers#index}), whose every
 * word is one position holding its exact form ("=путина") and its lemmas, so word {@code i} here is
 * position {@code i} of that text in the index, and phrases and NEAR distances agree.
 */
public final class TextTokens {
    private TextTokens() {}

    /** One word: as written, the text since the previous word, character offsets, index lemmas. */
    public record Token(String surface, String before, int start, int end, List<String> lemmas) {
        public NameTagger.Word word() {
            return new NameTagger.Word(surface, before, lemmas);
        }
    }

    /** The words of {@code text} in language {@code lang}. */
    public static List<Token> of(String lang, String text) {
        List<Token> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        try (TokenStream ts = Analyzers.index(lang).tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int start = -1;
            int end = -1;
            int previousEnd = 0;
            List<String> lemmas = new ArrayList<>(3);
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() > 0 && start >= 0) {
                    out.add(new Token(text.substring(start, end), text.substring(previousEnd, start), start, end, List.copyOf(lemmas)));
                    previousEnd = end;
                    lemmas.clear();
                }
                if (inc.getPositionIncrement() > 0) {
                    start = offset.startOffset();
                    end = offset.endOffset();
                }
                if (term.length() > 0 && term.charAt(0) != ExactFormFilter.PREFIX) {
                    String t = term.toString();
                    if (!lemmas.contains(t)) {
                        lemmas.add(t);
                    }
                }
            }
            ts.end();
            if (start >= 0) {
                out.add(new Token(text.substring(start, end), text.substring(previousEnd, start), start, end, List.copyOf(lemmas)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The index lemmas of one word form (all its words' lemmas when the tokenizer splits it). */
    public static List<String> lemmas(String lang, String form) {
        List<String> out = new ArrayList<>(3);
        for (Token t : of(lang, form)) {
            for (String l : t.lemmas()) {
                if (!out.contains(l)) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    /** The tagger's view of a token list. */
    public static List<NameTagger.Word> words(List<Token> tokens) {
        List<NameTagger.Word> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            out.add(t.word());
        }
        return out;
    }
}
