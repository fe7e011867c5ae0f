package org.narrativewatch.explain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.narrativewatch.analysis.Analyzers;
import org.narrativewatch.analysis.CompoundPartsFilter;
import org.narrativewatch.analysis.ExactFormFilter;
import org.narrativewatch.analysis.LemmaTagFilter;
import org.narrativewatch.explain.names.NameTagger;

/**
 * A text's words as the index sees them, with what the index drops: the word as written and the
 * punctuation before it. Runs the language's index analyzer ({@link Analyzers#index}), whose every
 * word is one position holding its exact form ("=путина") and its lemmas, so word {@code i} here is
 * position {@code i} of that text in the index, and phrases and NEAR distances agree.
 *
 * <p>Lemmas are plain: the index's language tag is taken off ({@code ru:путин} → путин, the guessed
 * stem {@code ru~зеленск} → зеленск, see {@link LemmaTagFilter#untag}), as {@code LuceneContrast}
 * does when it counts them, so what explain and cooccur read and what the index counts are the same
 * strings. A text is analysed by one language's chain, so within a text a plain lemma stands for one
 * language's terms. Exact forms are left out. The lemmas of a hyphenated word's parts (генерал in
 * генерал-лейтенанта) are kept apart from the whole word's: they sit at the word's position in the
 * index (a query for генерал finds the compound, so counts of генерал include it), but the word
 * itself is the compound (a phrase or a name is made of whole words).
 *
 * <p>A word the index keeps as written, with no lemma (an acronym in capitals: США, НАТО, ВСУ; a
 * protected word; any word of a language without a lemma stage) has its folded written form as its
 * lemma here, flagged {@link Token#keyword}: explain and cooccur list it, and count it with
 * {@code ContrastRequest.forms}. Initials (В.) are not items.
 */
public final class TextTokens {
    private TextTokens() {}

    /**
     * One word: as written, the text since the previous word, character offsets, the lemmas of the
     * whole word, and those of its parts (a hyphenated word's) that the whole word does not have;
     * {@code keyword}: the word has no lemma in the index, and its one "lemma" is its written form.
     */
    public record Token(String surface, String before, int start, int end, List<String> lemmas, List<String> parts,
                        boolean keyword) {
        public NameTagger.Word word() {
            return new NameTagger.Word(surface, before, lemmas);
        }

        /** Every lemma the index holds at this word's position: the word's, then its parts'. */
        public List<String> allLemmas() {
            if (parts.isEmpty()) {
                return lemmas;
            }
            List<String> all = new ArrayList<>(lemmas);
            all.addAll(parts);
            return all;
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
            FlagsAttribute flags = ts.addAttribute(FlagsAttribute.class);
            ts.reset();
            int start = -1;
            int end = -1;
            int previousEnd = 0;
            List<String> lemmas = new ArrayList<>(3);
            List<String> parts = new ArrayList<>(0);
            String[] form = new String[1];
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() > 0 && start >= 0) {
                    out.add(token(text, previousEnd, start, end, lemmas, parts, form[0]));
                    previousEnd = end;
                    lemmas.clear();
                    parts.clear();
                    form[0] = null;
                }
                if (inc.getPositionIncrement() > 0) {
                    start = offset.startOffset();
                    end = offset.endOffset();
                }
                // exact forms ("=путина") have no tag and are not lemmas; every lemma term has one
                String lemma = LemmaTagFilter.untag(term.toString());
                if (lemma == null) {
                    if (form[0] == null && term.length() > 1 && term.charAt(0) == ExactFormFilter.PREFIX
                            && (flags.getFlags() & CompoundPartsFilter.PART) == 0) {
                        form[0] = term.subSequence(1, term.length()).toString();
                    }
                    continue;
                }
                List<String> into = (flags.getFlags() & CompoundPartsFilter.PART) != 0 ? parts : lemmas;
                if (!into.contains(lemma)) {
                    into.add(lemma);
                }
            }
            ts.end();
            if (start >= 0) {
                out.add(token(text, previousEnd, start, end, lemmas, parts, form[0]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Token token(String text, int previousEnd, int start, int end, List<String> lemmas, List<String> parts,
                               String form) {
        List<String> ownParts = parts.isEmpty() ? List.of() : parts.stream().filter(p -> !lemmas.contains(p)).toList();
        String surface = text.substring(start, end);
        String before = text.substring(previousEnd, start);
        if (lemmas.isEmpty() && form != null && form.indexOf('.') < 0) {
            return new Token(surface, before, start, end, List.of(form), ownParts, true);
        }
        return new Token(surface, before, start, end, List.copyOf(lemmas), ownParts, false);
    }

    /** The lemmas of one word form, as a whole word (all its words' lemmas when the tokenizer splits it). */
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

    /** Every lemma the index holds for one word form: {@link #lemmas} and those of its parts. */
    public static List<String> allLemmas(String lang, String form) {
        List<String> out = new ArrayList<>(3);
        for (Token t : of(lang, form)) {
            for (String l : t.allLemmas()) {
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
