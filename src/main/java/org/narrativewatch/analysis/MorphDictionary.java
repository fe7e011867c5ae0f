package org.narrativewatch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import morfologik.stemming.Dictionary;

/**
 * A morfologik dictionary, immutable and shared by all threads. Russian: LanguageTool's
 * {@code russian.dict} (AOT data), taken from the {@code org.languagetool:language-ru} jar for this
 * file only. Ukrainian: the dict_uk dictionary that Lucene's {@code UkrainianMorfologikAnalyzer}
 * uses. Loaded on first use; each is a few MB.
 */
final class MorphDictionary {
    final String language;
    final Dictionary dictionary;

    private MorphDictionary(String language, String resource) {
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
    }

    static MorphDictionary russian() {
        return RussianHolder.INSTANCE;
    }

    static MorphDictionary ukrainian() {
        return UkrainianHolder.INSTANCE;
    }

    private static final class RussianHolder {
        static final MorphDictionary INSTANCE = new MorphDictionary("ru", "/org/languagetool/resource/ru/russian.dict");
    }

    private static final class UkrainianHolder {
        static final MorphDictionary INSTANCE = new MorphDictionary("uk", "/ua/net/nlp/ukrainian.dict");
    }
}
