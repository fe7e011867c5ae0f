package org.narrativewatch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The analysis chains, one per language, and the query-side view of them.
 *
 * <p>Every chain is: {@link WordTokenizer} → {@link CompoundPartsFilter} (a hyphenated word, then its
 * parts at the same position) → {@link ProtectedWordFilter} (initials, the user's list, acronyms in
 * capitals) → lower case → {@link FoldFilter} (ё/е, stress, apostrophes, hyphens, look-alike letters)
 * → {@link ExactFormFilter} ("=form") → the language's lemma stage → {@link LemmaTagFilter}
 * (the language in front of every lemma term):
 * <ul>
 *   <li>ru: {@link DictionaryLemmaFilter} over LanguageTool's Russian morfologik dictionary, then
 *       Lucene's Snowball Russian stemmer for the words no dictionary knows, except short ones;
 *       guessed stems are kept apart from lemmas ({@code ru~…});
 *   <li>uk: the same over the dictionary of Lucene's UkrainianMorfologikAnalyzer with the same
 *       Snowball fallback (Lucene has no Ukrainian stemmer);
 *   <li>en: the possessive and Porter stemming filters of Lucene's EnglishAnalyzer (its stop words
 *       are kept so phrases and NEAR count every word);
 *   <li>anything else (be, und): the exact form only.
 * </ul>
 * A {@link FormCacheFilter} runs the chain after the tokenizer once per distinct word form and replays
 * its tokens for repeated forms (the output is the same token for token).
 * Analyzers are created once per language and shared; Lucene's reuse strategy gives each thread its
 * own token streams, so they are thread-safe.
 */
public final class Analyzers {
    private Analyzers() {}

    /** The chains a query word is read with: every language with a lemma stage. */
    public static final List<String> QUERY_CHAINS = List.of("ru", "uk", "en");

    private static final Set<String> STEMMED_CHAINS = Set.of("ru", "uk");
    private static final Map<String, Analyzer> BY_LANGUAGE = new ConcurrentHashMap<>();
    private static volatile CharArraySet protectedWords;

    /** Index-time analyzer for an article in language {@code lang}; unknown languages get the plain chain. */
    public static Analyzer index(String lang) {
        return BY_LANGUAGE.computeIfAbsent(chain(lang), Analyzers::create);
    }

    /** The chain an article in {@code lang} is indexed with: ru, uk, en, or plain. */
    public static String chain(String lang) {
        String l = lang == null ? "" : lang.strip().toLowerCase(Locale.ROOT);
        switch (l) {
            case "ru": case "uk": case "en":
                return l;
            default:
                return "plain";
        }
    }

    /**
     * Every index term a query word stands for, to be ORed: its exact form, then its reading in
     * each language ({@link #queryTerms}). Each reading's terms carry their language, so an article
     * matches through the reading of its own language only.
     */
    public static List<String> wordTerms(String word) {
        Set<String> out = new LinkedHashSet<>();
        for (String lang : QUERY_CHAINS) {
            out.addAll(queryTerms(lang, word));
        }
        return List.copyOf(out);
    }

    /**
     * The terms one query word stands for in articles of language {@code lang}: its exact form, then
     * what {@link #index} makes of the word at its own position, without the terms of a hyphenated
     * word's parts ({@code дрон-камикадзе} must not find every дрон). When the word is itself one of
     * its lemmas (an analyst types стать, not стали) only that lemma is kept, so the other readings of
     * the form do not add noise. An acronym, initial or protected word yields its exact form only.
     */
    public static List<String> queryTerms(String lang, String word) {
        String stripped = word.strip();
        Set<String> terms = new LinkedHashSet<>();
        terms.add(exactTerm(stripped));
        String chain = chain(lang);
        try (TokenStream ts = index(chain).tokenStream("body", stripped)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            FlagsAttribute flags = ts.addAttribute(FlagsAttribute.class);
            ts.reset();
            int position = 0;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                if (position == 1 && (flags.getFlags() & CompoundPartsFilter.PART) == 0) {
                    terms.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String folded = Folding.fold(lowerCase(stripped));
        String self = lemmaTerm(chain, folded);
        if (terms.contains(self)) {
            return List.of(exactTerm(stripped), self);
        }
        if (terms.size() > 1 && STEMMED_CHAINS.contains(chain) && !folded.isEmpty()) {
            // Not a lemma of itself: either unknown (its text is often the stem of its other forms,
            // борисфенит for борисфенитами, where Snowball cuts the nominative shorter) or read as a
            // form of another word (геном as a form of ген), so the dictionary may lack the word
            // meant; its text, as a stem, finds the forms the dictionary does not know either.
            terms.add(chain + LemmaTagFilter.STEM + folded);
        }
        return List.copyOf(terms);
    }

    /** {@code "=" + fold(lowercase(word))}: the term {@link #index} emits for this exact form. */
    public static String exactTerm(String word) {
        return ExactFormFilter.PREFIX + Folding.fold(lowerCase(word));
    }

    /** The index term of a dictionary lemma in a language's chain: {@code ru:путин}. */
    public static String lemmaTerm(String lang, String lemma) {
        return chain(lang) + LemmaTagFilter.LEMMA + lemma;
    }

    /** Lower case as Lucene's LowerCaseFilter does it (code point by code point, no locale rules). */
    static String lowerCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(cp)));
        return sb.toString();
    }

    private static Analyzer create(String chain) {
        return create(chain, FormCacheFilter.DEFAULT_CAPACITY);
    }

    /** The chain for {@code chain} with a form cache of {@code cacheCapacity} forms, or none when 0 (tests). */
    static Analyzer create(String chain, int cacheCapacity) {
        switch (chain) {
            case "ru":
                return new ChainAnalyzer(chain, MorphDictionary.russian(), cacheCapacity);
            case "uk":
                return new ChainAnalyzer(chain, MorphDictionary.ukrainian(), cacheCapacity);
            default:
                return new ChainAnalyzer(chain, null, cacheCapacity);
        }
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
        private final String chain;
        private final MorphDictionary dictionary;
        private final CharArraySet protectedWords = protectedWords();

        private final int cacheCapacity;

        ChainAnalyzer(String chain, MorphDictionary dictionary, int cacheCapacity) {
            this.chain = chain;
            this.dictionary = dictionary;
            this.cacheCapacity = cacheCapacity;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            WordTokenizer tokenizer = new WordTokenizer();
            FormCacheFilter.OneWord word = FormCacheFilter.source(tokenizer, cacheCapacity > 0);
            TokenStream ts = new CompoundPartsFilter(word);
            ts = new ProtectedWordFilter(ts, protectedWords, dictionary != null);
            ts = new LowerCaseFilter(ts);
            ts = new FoldFilter(ts);
            ts = new ExactFormFilter(ts, chain.equals("plain"));
            if (dictionary != null) {
                // Lucene has no Ukrainian stemmer; the Russian one strips the endings both languages
                // share (-а, -у, -ом, -ою, -ами, -ах) and leaves Ukrainian-only ones (-ів, -ії) alone,
                // which on the UD Ukrainian dev set raised every score (docs/morphology.md)
                ts = new DictionaryLemmaFilter(ts, dictionary);
                ts = new SnowballFilter(ts, new RussianStemmer());
                ts = new LemmaTagFilter(ts, chain, true);
            } else if (chain.equals("en")) {
                ts = new PossessiveFilter(ts);
                ts = new PorterStemFilter(ts);
                ts = new LemmaTagFilter(ts, chain, false);
            }
            // the chain above runs once per distinct word form; repeated forms replay its output
            return new TokenStreamComponents(tokenizer,
                    cacheCapacity > 0 ? new FormCacheFilter(tokenizer, word, ts, cacheCapacity) : ts);
        }
    }

    /** The distinct terms an analyzer makes of a text (all positions), for tools and tests. */
    public static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (!out.contains(t)) {
                    out.add(t);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
