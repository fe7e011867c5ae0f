package org.narrativewatch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The analysis chains, one per language, and the query-side view of them.
 *
 * <p>Every chain is: {@link WordTokenizer} → {@link ProtectedWordFilter} (acronyms, initials, the
 * user's list) → lower case → {@link FoldFilter} (ё/е, stress,
 * apostrophes) → {@link ExactFormFilter} ("=form") → the language's lemma stage:
 * <ul>
 *   <li>ru: {@link DictionaryLemmaFilter} over LanguageTool's Russian morfologik dictionary, then
 *       Lucene's Snowball Russian stemmer for the words the dictionary does not know, except short
 *       ones ({@link ShortWordMarkerFilter});
 *   <li>uk: {@link DictionaryLemmaFilter} over the dictionary of Lucene's UkrainianMorfologikAnalyzer,
 *       then, for unknown words only, the same Snowball fallback (Lucene has no Ukrainian stemmer);
 *   <li>en: the possessive and Porter stemming filters of Lucene's EnglishAnalyzer (its stop words
 *       are kept so phrases and NEAR count every word);
 *   <li>anything else (be, und): the lower-cased, folded form.
 * </ul>
 * Analyzers are created once per language and shared; Lucene's reuse strategy gives each thread its
 * own token streams, so they are thread-safe.
 */
public final class Analyzers {
    private Analyzers() {}

    private static final Map<String, Analyzer> BY_LANGUAGE = new ConcurrentHashMap<>();
    private static volatile CharArraySet protectedWords;

    /** Index-time analyzer for an article in language {@code lang}; unknown languages get the plain chain. */
    public static Analyzer index(String lang) {
        return BY_LANGUAGE.computeIfAbsent(chainName(lang), Analyzers::create);
    }

    /**
     * The lemma terms for one query word, to OR together: what {@link #index} makes of the word,
     * without the exact form. When the word is itself one of its lemmas (an analyst types стать,
     * not стали) only that lemma is kept, so the other readings of the form do not add noise.
     * A protected word (acronym, initial, listed word) is looked up by its exact form only.
     * Otherwise the word itself (lower-cased, folded) is added: it is the term of the same word
     * written as a protected acronym (сау for САУ) and often the stem of unknown inflected forms
     * (телеграм for телеграме). Both choices were measured with {@code nwatch eval-morphology}.
     */
    public static List<String> queryTerms(String lang, String word) {
        String stripped = word.strip();
        char[] chars = stripped.toCharArray();
        if (ProtectedWordFilter.isAcronymOrInitial(chars, chars.length) || protectedWords().contains(chars, 0, chars.length)) {
            // The lower-cased acronym could equal another word's stem (US and used → us): its exact form cannot.
            return List.of(exactTerm(stripped));
        }
        List<String> terms = new ArrayList<>(4);
        try (TokenStream ts = index(lang).tokenStream("body", word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() > 0 && term.charAt(0) == ExactFormFilter.PREFIX) {
                    continue;
                }
                String t = term.toString();
                if (!terms.contains(t)) {
                    terms.add(t);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String self = Folding.fold(lowerCase(stripped));
        if (terms.contains(self)) {
            return terms.size() > 1 ? List.of(self) : List.copyOf(terms);
        }
        if (!self.isEmpty()) {
            terms.add(self);
        }
        return List.copyOf(terms);
    }

    /** {@code "=" + fold(lowercase(word))}: the term {@link #index} emits for this exact form. */
    public static String exactTerm(String word) {
        return ExactFormFilter.PREFIX + Folding.fold(lowerCase(word));
    }

    /**
     * The chains a query word should go through when the query does not name a language: letters
     * only Ukrainian uses → uk; only Russian → ru; other Cyrillic → ru and uk; Latin → en; no
     * letters (numbers) → all three.
     */
    public static List<String> queryLanguages(String word) {
        boolean cyrillic = false;
        boolean latin = false;
        boolean ukOnly = false;
        boolean ruOnly = false;
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                cyrillic = true;
                if (c == 'і' || c == 'ї' || c == 'є' || c == 'ґ') {
                    ukOnly = true;
                } else if (c == 'ы' || c == 'э' || c == 'ъ' || c == 'ё') {
                    ruOnly = true;
                }
            } else if ((c >= 'a' && c <= 'z') || (Character.isLetter(c) && c < 0x0250)) {
                latin = true;
            }
        }
        if (cyrillic) {
            if (ukOnly && !ruOnly) {
                return List.of("uk");
            }
            if (ruOnly && !ukOnly) {
                return List.of("ru");
            }
            return List.of("ru", "uk");
        }
        return latin ? List.of("en") : List.of("ru", "uk", "en");
    }

    /** Lower case as Lucene's LowerCaseFilter does it (code point by code point, no locale rules). */
    static String lowerCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(cp)));
        return sb.toString();
    }

    private static String chainName(String lang) {
        String l = lang == null ? "" : lang.strip().toLowerCase(Locale.ROOT);
        switch (l) {
            case "ru": case "uk": case "en":
                return l;
            default:
                return "plain";
        }
    }

    private static Analyzer create(String chain) {
        switch (chain) {
            case "ru":
                MorphDictionary ru = MorphDictionary.russian();
                return new ChainAnalyzer(false, ts -> dictionaryThenSnowball(ts, ru));
            case "uk":
                MorphDictionary uk = MorphDictionary.ukrainian();
                return new ChainAnalyzer(false, ts -> dictionaryThenSnowball(ts, uk));
            case "en":
                return new ChainAnalyzer(true, PorterStemFilter::new);
            default:
                return new ChainAnalyzer(false, UnaryOperator.identity());
        }
    }

    /**
     * Dictionary lemmas; for words the dictionary does not know and longer than three letters, the
     * Snowball Russian stem. Lucene has no Ukrainian stemmer; the Russian one strips the endings the
     * two languages share (-а, -у, -ом, -ою, -ами, -ах) and leaves Ukrainian-only ones (-ів, -ії)
     * alone, which on the UD Ukrainian dev set raised every score (docs/morphology.md).
     */
    private static TokenStream dictionaryThenSnowball(TokenStream ts, MorphDictionary dictionary) {
        TokenStream lemmas = new DictionaryLemmaFilter(ts, dictionary);
        return new SnowballFilter(new ShortWordMarkerFilter(lemmas, ShortWordMarkerFilter.DEFAULT_MAX_LENGTH), new RussianStemmer());
    }

    private static CharArraySet protectedWords() {
        CharArraySet p = protectedWords;
        if (p == null) {
            synchronized (Analyzers.class) {
                if (protectedWords == null) {
                    protectedWords = ProtectedWords.load();
                }
                p = protectedWords;
            }
        }
        return p;
    }

    private static final class ChainAnalyzer extends Analyzer {
        private final boolean english;
        private final UnaryOperator<TokenStream> lemmaStage;
        private final CharArraySet protectedWords = protectedWords();

        ChainAnalyzer(boolean english, UnaryOperator<TokenStream> lemmaStage) {
            this.english = english;
            this.lemmaStage = lemmaStage;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            WordTokenizer tokenizer = new WordTokenizer();
            TokenStream ts = new ProtectedWordFilter(tokenizer, protectedWords);
            ts = new LowerCaseFilter(ts);
            ts = new FoldFilter(ts);
            if (english) {
                ts = new EnglishPossessiveFilter(ts);
            }
            ts = new ExactFormFilter(ts);
            return new TokenStreamComponents(tokenizer, lemmaStage.apply(ts));
        }
    }
}
