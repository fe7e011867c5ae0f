package org.narrativewatch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * PROVISIONAL chain (exact form + Snowball stem) so the engine compiles and runs while the
 * dictionary-based chain is written; replaced by the analysis package's real analyzers.
 */
public final class Analyzers {
    private Analyzers() {}

    public static Analyzer index(String lang) {
        String snowball = switch (lang) {
            case "ru", "be" -> "Russian";
            case "en" -> "English";
            default -> null;
        };
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer t = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(t);
                s = new StackExact(s);
                if (snowball != null) {
                    s = new SnowballFilter(s, snowball);
                }
                return new TokenStreamComponents(t, s);
            }
        };
    }

    public static List<String> queryTerms(String lang, String word) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        try (TokenStream ts = index(lang).tokenStream("body", word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (!t.startsWith("=")) {
                    out.add(t);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(out);
    }

    public static String exactTerm(String word) {
        return "=" + word.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    public static List<String> queryLanguages(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.UnicodeBlock.of(word.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
                return List.of("ru", "uk");
            }
        }
        return List.of("en");
    }

    /** Emits "=form" and then the form itself at the same position (to be stemmed). */
    static final class StackExact extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
        private final org.apache.lucene.analysis.tokenattributes.KeywordAttribute keyword =
                addAttribute(org.apache.lucene.analysis.tokenattributes.KeywordAttribute.class);
        private String pending;

        StackExact(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (pending != null) {
                term.setEmpty().append(pending);
                posInc.setPositionIncrement(0);
                keyword.setKeyword(false);
                pending = null;
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            pending = term.toString();
            String exact = "=" + pending.replace('ё', 'е');
            term.setEmpty().append(exact);
            keyword.setKeyword(true);
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending = null;
        }
    }
}
