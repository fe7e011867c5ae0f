package org.narrativewatch.explain.names;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.narrativewatch.analysis.Folding;

/**
 * What a language's dictionary says about a word form, as far as names are concerned. Russian:
 * LanguageTool's morfologik dictionary marks first names ({@code Name}), surnames ({@code Fam}) and
 * patronymics ({@code Patr}); Ukrainian: the dict_uk dictionary of Lucene's Ukrainian analyzer keeps
 * proper nouns' lemmas capitalised (Київ, Трамп); English has no dictionary here, only Snowball's
 * list of function words. These are the dictionaries the analysis chain already ships: no download.
 *
 * <p>The dictionaries are read from the same class-path resources the analysis package uses (its
 * loader is package-private there); morfologik's lookup is not thread-safe, so each thread gets its
 * own, and results are cached per form.
 */
public final class NameLexicon {

    /** Bits of {@link #flags}. */
    static final int KNOWN = 1;
    static final int COMMON_NOUN = 1 << 1;
    static final int FIRST_NAME = 1 << 2;
    static final int PATRONYMIC = 1 << 3;
    static final int SURNAME = 1 << 4;
    /** uk: a reading whose lemma is capitalised (a proper noun) */
    static final int PROPER = 1 << 5;
    static final int ADJECTIVE = 1 << 6;
    /** pronoun, preposition, conjunction, particle, interjection: words that are never names */
    static final int CLOSED = 1 << 7;
    /** verb, adverb, numeral, predicative: open-class words that are not names either */
    static final int OTHER = 1 << 8;
    static final int ABBREVIATION = 1 << 9;
    /**
     * A reading that is not a name has this very form as its lemma: the word is the dictionary form
     * of a common word too (роман, вера, глава), so a capital at the start of a sentence says nothing.
     * Путин (genitive plural of путина) and Песков (of песок) do not have it.
     */
    static final int COMMON_CITATION = 1 << 10;

    static final int PERSON = FIRST_NAME | PATRONYMIC | SURNAME;

    /** One form's readings: flag bits and the lemma of its name reading (lower case), if any. */
    record Entry(int flags, String nameLemma) {
        boolean has(int bit) {
            return (flags & bit) != 0;
        }

        /** Every reading is of this kind (and the word is known). */
        boolean only(int bits) {
            return (flags & KNOWN) != 0 && (flags & ~(KNOWN | bits)) == 0;
        }
    }

    private static final Entry UNKNOWN = new Entry(0, null);
    private static final int CACHE_LIMIT = 200_000;

    private final String lang;
    private final Dictionary dictionary;
    private final ThreadLocal<DictionaryLookup> lookup;
    private final CharArraySet functionWords;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private NameLexicon(String lang, Dictionary dictionary, CharArraySet functionWords) {
        this.lang = lang;
        this.dictionary = dictionary;
        this.lookup = dictionary == null ? null : ThreadLocal.withInitial(() -> new DictionaryLookup(dictionary));
        this.functionWords = functionWords;
    }

    private static final Map<String, NameLexicon> BY_LANGUAGE = new ConcurrentHashMap<>();

    /** The lexicon of ru, uk or en; other languages get the English one's rules without its word list. */
    static NameLexicon of(String lang) {
        String l = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
        String key = switch (l) {
            case "ru", "uk", "en" -> l;
            default -> "other";
        };
        return BY_LANGUAGE.computeIfAbsent(key, NameLexicon::load);
    }

    private static NameLexicon load(String lang) {
        return switch (lang) {
            case "ru" -> new NameLexicon("ru", read("/org/languagetool/resource/ru/russian.dict"), snowball("russian_stop.txt"));
            case "uk" -> new NameLexicon("uk", read("/ua/net/nlp/ukrainian.dict"), CharArraySet.EMPTY_SET);
            case "en" -> new NameLexicon("en", null, snowball("english_stop.txt"));
            default -> new NameLexicon(lang, null, CharArraySet.EMPTY_SET);
        };
    }

    private static Dictionary read(String resource) {
        URL url = NameLexicon.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("morphology dictionary " + resource + " is not on the class path");
        }
        try {
            return Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read morphology dictionary " + resource, e);
        }
    }

    static CharArraySet snowball(String file) {
        try (Reader r = new InputStreamReader(SnowballFilter.class.getResourceAsStream(file), StandardCharsets.UTF_8)) {
            return WordlistLoader.getSnowballWordSet(r);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Lucene's Snowball word list " + file + " is missing", e);
        }
    }

    /**
     * Function words of a language as index lemmas: Lucene's stop list for it (Snowball's Russian
     * and English lists, the Ukrainian analyzer's list), plus the lemmas of their function-word
     * readings (все → весь, была → быть), so the list meets the lemmas the index holds.
     */
    public static java.util.Set<String> functionWordLemmas(String lang) {
        NameLexicon lex = of(lang);
        CharArraySet list = switch (lex.lang) {
            case "ru" -> org.apache.lucene.analysis.ru.RussianAnalyzer.getDefaultStopSet();
            case "uk" -> org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer.getDefaultStopwords();
            case "en" -> lex.functionWords;
            default -> CharArraySet.EMPTY_SET;
        };
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Object o : list) {
            String w = Folding.fold(new String((char[]) o).toLowerCase(Locale.ROOT));
            out.add(w);
            if (lex.dictionary != null) {
                for (WordData d : lex.lookup.get().lookup(w)) {
                    String tag = d.getTag() == null ? "" : d.getTag().toString();
                    int f = lex.lang.equals("ru") ? russian(tag) : ukrainian(tag, d.getStem().toString());
                    if ((f & CLOSED) != 0) {
                        out.add(Folding.fold(d.getStem().toString().toLowerCase(Locale.ROOT)));
                    }
                }
            }
        }
        return out;
    }

    /** Whether the Russian or Ukrainian dictionary gives {@code lemma} as a lemma of {@code form} (else it is a stem or another word). */
    public static boolean isLemmaOf(String lemma, String form) {
        for (String l : new String[] {"ru", "uk"}) {
            NameLexicon lex = of(l);
            String w = Folding.fold(form.toLowerCase(Locale.ROOT));
            for (WordData d : lex.lookup.get().lookup(w)) {
                if (Folding.fold(d.getStem().toString().toLowerCase(Locale.ROOT)).equals(lemma)) {
                    return true;
                }
            }
        }
        return false;
    }

    String language() {
        return lang;
    }

    boolean hasDictionary() {
        return dictionary != null;
    }

    /** The readings of a word form (any case; looked up lower-cased and folded as the index does). */
    Entry entry(String form) {
        String w = Folding.fold(form.toLowerCase(Locale.ROOT));
        Entry e = cache.get(w);
        if (e != null) {
            return e;
        }
        e = compute(w);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(w, e);
        return e;
    }

    private Entry compute(String w) {
        if (dictionary == null) {
            return functionWords.contains(w) ? new Entry(KNOWN | CLOSED, null) : UNKNOWN;
        }
        List<WordData> readings = lookup.get().lookup(w);
        if (readings.isEmpty()) {
            return functionWords.contains(w) ? new Entry(KNOWN | CLOSED, null) : UNKNOWN;
        }
        int flags = KNOWN;
        String nameLemma = null;
        for (WordData d : readings) {
            String lemma = d.getStem().toString();
            String tag = d.getTag() == null ? "" : d.getTag().toString();
            int f = lang.equals("ru") ? russian(tag) : ukrainian(tag, lemma);
            String folded = Folding.fold(lemma.toLowerCase(Locale.ROOT));
            if ((f & (PERSON | PROPER)) != 0) {
                if (nameLemma == null) {
                    nameLemma = folded;
                }
            } else if (folded.equals(w)) {
                f |= COMMON_CITATION;
            }
            flags |= f;
        }
        return new Entry(flags, nameLemma);
    }

    /** LanguageTool's Russian tags: NN:Name:…, NN:Fam:…, NN:Patr:…, ADJ:…, VB:…, PNN:…, PREP, CONJ, … */
    static int russian(String tag) {
        String pos = tag.indexOf(':') < 0 ? tag : tag.substring(0, tag.indexOf(':'));
        switch (pos) {
            case "NN":
                if (tag.contains(":Name")) {
                    return FIRST_NAME;
                }
                if (tag.contains(":Patr")) {
                    return PATRONYMIC;
                }
                if (tag.contains(":Fam")) {
                    return SURNAME;
                }
                return COMMON_NOUN;
            case "ADJ":
                // pronominal adjectives (этот, который, свой) are function words
                return tag.contains(":MPR") ? CLOSED : ADJECTIVE;
            case "PNN": case "PREP": case "CONJ": case "PARTICLE": case "INTERJECTION": case "PARENTHESIS":
                return CLOSED;
            case "ABR":
                return ABBREVIATION;
            default:
                return OTHER;
        }
    }

    /**
     * dict_uk tags, several readings joined by '|': noun:…, adj:…, verb:…, adv, conj:…, prep, part,
     * intj, numr, with {@code &pron} on pronouns. A capitalised lemma marks a proper noun.
     */
    static int ukrainian(String tags, String lemma) {
        boolean proper = !lemma.isEmpty() && Character.isUpperCase(lemma.charAt(0));
        int f = 0;
        for (String tag : tags.split("\\|")) {
            String pos = tag.indexOf(':') < 0 ? tag : tag.substring(0, tag.indexOf(':'));
            if (tag.contains("&pron")) {
                f |= CLOSED;
                continue;
            }
            switch (pos) {
                case "noun" -> f |= proper ? PROPER : (tag.contains(":abbr") ? ABBREVIATION : COMMON_NOUN);
                case "adj" -> f |= proper ? PROPER : ADJECTIVE;
                case "conj", "prep", "part", "intj", "onomat" -> f |= CLOSED;
                default -> f |= OTHER;
            }
        }
        return f;
    }
}
