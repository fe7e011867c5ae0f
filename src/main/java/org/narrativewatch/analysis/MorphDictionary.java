package org.narrativewatch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.function.Predicate;
import morfologik.stemming.Dictionary;
import morfologik.stemming.WordData;

/**
 * A morfologik dictionary (immutable, shared by all threads) and how it marks proper names.
 * Russian: LanguageTool's {@code russian.dict} (AOT data; tags Name, Fam, Patr for first names,
 * surnames, patronymics), taken from the {@code org.languagetool:language-ru} jar for this file
 * only. Ukrainian: the dict_uk dictionary that Lucene's {@code UkrainianMorfologikAnalyzer} uses
 * (proper-noun lemmas are capitalised). Loaded on first use; each is a few MB.
 */
final class MorphDictionary {
    final String language;
    final Dictionary dictionary;
    final Predicate<WordData> properName;

    private MorphDictionary(String language, String resource, Predicate<WordData> properName) {
        this.language = language;
        URL url = MorphDictionary.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("morphology dictionary " + resource + " is not on the class path");
        }
        try {
            this.dictionary = Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read morphology dictionary " + resource, e);
        }
        this.properName = properName;
    }

    static MorphDictionary russian() {
        return RussianHolder.INSTANCE;
    }

    static MorphDictionary ukrainian() {
        return UkrainianHolder.INSTANCE;
    }

    private static final class RussianHolder {
        static final MorphDictionary INSTANCE = new MorphDictionary("ru", "/org/languagetool/resource/ru/russian.dict",
                w -> {
                    CharSequence tag = w.getTag();
                    String t = tag == null ? "" : tag.toString();
                    return t.contains(":Name") || t.contains(":Fam") || t.contains(":Patr");
                });
    }

    private static final class UkrainianHolder {
        static final MorphDictionary INSTANCE = new MorphDictionary("uk", "/ua/net/nlp/ukrainian.dict",
                w -> {
                    CharSequence stem = w.getStem();
                    return stem != null && stem.length() > 0 && Character.isUpperCase(stem.charAt(0));
                });
    }
}
