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

    /**
     * Whether a reading is an abbreviation or a personal name rather than an ordinary word: Russian
     * (AOT tags) {@code ABR…}, {@code …:Name…}, {@code …:Fam…}, {@code …:Patr…}; Ukrainian (dict_uk
     * tags) {@code …:abbr…}. Used to tell an acronym in capitals from a shouted word.
     */
    boolean isAbbreviationOrName(morfologik.stemming.WordData reading) {
        CharSequence tag = reading.getTag();
        if (tag == null) {
            return false;
        }
        String t = tag.toString();
        if ("uk".equals(language)) {
            return t.contains(":abbr");
        }
        return t.startsWith("ABR") || t.contains(":Name") || t.contains(":Fam") || t.contains(":Patr");
    }

    /**
     * A Russian patronymic reading (AOT tag {@code …:Patr…}): the dictionary gives the father's given
     * name as its lemma (Ивановича → иван), but a patronymic is not a mention of that name.
     */
    boolean isPatronymicOfName(morfologik.stemming.WordData reading) {
        CharSequence tag = reading.getTag();
        return "ru".equals(language) && tag != null && tag.toString().contains(":Patr");
    }

    /**
     * A reading of a function word, adverb or pronoun (Russian ADV, PREP, CONJ, PARTICLE,
     * INTERJECTION, PRDC, PNN, pronominal ADJ:MPR; Ukrainian adv, prep, conj, part, intj, predic,
     * &amp;pron): the parts of such a hyphenated word are not words mentioned on their own
     * (по-прежнему, из-за, кто-то, врешті-решт).
     */
    boolean isFunctionWord(morfologik.stemming.WordData reading) {
        CharSequence tag = reading.getTag();
        if (tag == null) {
            return false;
        }
        String t = tag.toString();
        if ("uk".equals(language)) {
            return t.startsWith("adv") || t.startsWith("prep") || t.startsWith("conj") || t.startsWith("part")
                    || t.startsWith("intj") || t.startsWith("predic") || t.contains("&pron");
        }
        return t.startsWith("ADV") || t.startsWith("PREP") || t.startsWith("CONJ") || t.startsWith("PARTICLE")
                || t.startsWith("INTERJECTION") || t.startsWith("PRDC") || t.startsWith("PNN") || t.startsWith("ADJ:MPR");
    }

    /** A Russian adverb reading (AOT {@code ADV…}). */
    boolean isAdverb(morfologik.stemming.WordData reading) {
        CharSequence tag = reading.getTag();
        return "ru".equals(language) && tag != null && tag.toString().startsWith("ADV");
    }

    /**
     * A Russian short neuter adjective or participle reading (AOT {@code ADJ:Short:…:Neut},
     * {@code PT_Short:…:Neut}): обычно as a form of обычный.
     */
    boolean isShortNeuter(morfologik.stemming.WordData reading) {
        CharSequence tag = reading.getTag();
        if (!"ru".equals(language) || tag == null) {
            return false;
        }
        String t = tag.toString();
        return (t.startsWith("ADJ:Short") || t.startsWith("PT_Short")) && t.contains("Neut");
    }

    /** A noun reading whose lemma is {@code form} itself (the form is the noun's dictionary form). */
    boolean isNounLemma(morfologik.stemming.WordData reading, String form) {
        CharSequence tag = reading.getTag();
        if (tag == null || !reading.getStem().toString().equalsIgnoreCase(form)) {
            return false;
        }
        String t = tag.toString();
        return "uk".equals(language) ? t.startsWith("noun") : t.startsWith("NN");
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
