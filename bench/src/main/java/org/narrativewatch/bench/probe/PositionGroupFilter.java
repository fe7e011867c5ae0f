package org.narrativewatch.bench.probe;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.narrativewatch.analysis.ExactFormFilter;
import org.narrativewatch.analysis.LemmaTagFilter;

/**
 * Drops exact forms from our real chain's output, for the import probe's lighter rungs: the chain runs unchanged (so
 * every kept term is exactly a term ours indexes, at the same position) and this filter only removes terms. Our chain
 * emits each word as its exact form ({@code =путина}, carrying the position increment) followed by the word's
 * lemma-stage terms at the same position ({@code ru:путин}, {@code ru~зеленск}); a hyphenated word's parts follow the
 * same way at the same position.
 * <ul>
 *   <li>{@link Keep#LEMMAS}: a word's lemma-stage terms only; a word with none (an acronym, a protected word, a word of
 *       a language without a lemma stage) keeps its exact form, so every word stays findable, as in a plain lemma
 *       indexer that indexes an unknown word as itself.</li>
 *   <li>{@link Keep#DISTINCT_FORMS}: the lemma-stage terms, and the exact form only when its text differs from every
 *       lemma-stage term's text of its word (путина beside путин; not путин beside путин). Not a shippable format by
 *       itself: an exact-form query would then need the lemma term and a check of the form.</li>
 * </ul>
 * A word's first kept term carries the word's position increment. Streaming, with the one pending exact form kept in
 * a few fields rather than a captured state: the index reads only the term, the increment and the offsets, and a
 * state capture per token cost more CPU than the terms it saved (a first version: P0 above P1 on 1tv).
 */
public final class PositionGroupFilter extends TokenFilter {

    /** Which terms of a word to keep. */
    public enum Keep { LEMMAS, DISTINCT_FORMS }

    private final Keep keep;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

    /** The exact form of the word being read, while undecided. */
    private final Held held = new Held();
    /** The next word's exact form, read while the held one is being emitted. */
    private Held next = new Held();

    /** One exact form, copied out of the attributes. */
    private static final class Held {
        char[] text = new char[32];
        int length;
        int increment;
        int start;
        int end;
        boolean present;
        /** A lemma-stage term of this word has been emitted (and carried the increment). */
        boolean lemmaEmitted;
        /** A lemma-stage term of this word has the exact form's text. */
        boolean equalsALemma;

        void copyFrom(CharTermAttribute t, PositionIncrementAttribute i, OffsetAttribute o) {
            if (text.length < t.length()) {
                text = new char[Math.max(t.length(), text.length * 2)];
            }
            System.arraycopy(t.buffer(), 0, text, 0, t.length());
            length = t.length();
            increment = i.getPositionIncrement();
            start = o.startOffset();
            end = o.endOffset();
            present = true;
            lemmaEmitted = false;
            equalsALemma = false;
        }

        void copyFrom(Held h) {
            if (text.length < h.length) {
                text = new char[Math.max(h.length, text.length * 2)];
            }
            System.arraycopy(h.text, 0, text, 0, h.length);
            length = h.length;
            increment = h.increment;
            start = h.start;
            end = h.end;
            present = h.present;
            lemmaEmitted = h.lemmaEmitted;
            equalsALemma = h.equalsALemma;
        }
    }

    private boolean exhausted;

    public PositionGroupFilter(TokenStream input, Keep keep) {
        super(input);
        this.keep = keep;
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (true) {
            if (exhausted || !input.incrementToken()) {
                exhausted = true;
                if (held.present && emits(held)) {
                    restore(held);
                    held.present = false;
                    return true;
                }
                held.present = false;
                return false;
            }
            if (isExact()) {
                if (held.present && emits(held)) {
                    // the held word's form goes out now; this one waits in its place
                    next.copyFrom(term, inc, offset);
                    restore(held);
                    held.copyFrom(next);
                    return true;
                }
                held.copyFrom(term, inc, offset);
                continue;
            }
            if (held.present) {
                if (!held.lemmaEmitted) {
                    inc.setPositionIncrement(held.increment);
                    held.lemmaEmitted = true;
                }
                if (keep == Keep.DISTINCT_FORMS && !held.equalsALemma && sameText(held)) {
                    held.equalsALemma = true;
                }
            }
            return true;
        }
    }

    private boolean isExact() {
        return term.length() > 0 && term.charAt(0) == ExactFormFilter.PREFIX;
    }

    /** Whether a held exact form is indexed, now that its word's lemma-stage terms have all been seen. */
    private boolean emits(Held h) {
        return !h.lemmaEmitted || (keep == Keep.DISTINCT_FORMS && !h.equalsALemma);
    }

    /** Whether the lemma-stage term in the attributes, without its tag, is the held form without its '='. */
    private boolean sameText(Held h) {
        int tag = LemmaTagFilter.tagLength(term);
        int n = term.length() - tag;
        if (n != h.length - 1) {
            return false;
        }
        char[] b = term.buffer();
        for (int i = 0; i < n; i++) {
            if (b[tag + i] != h.text[1 + i]) {
                return false;
            }
        }
        return true;
    }

    /** The held form into the attributes: its increment unless a lemma of its word already carried it. */
    private void restore(Held h) {
        term.copyBuffer(h.text, 0, h.length);
        inc.setPositionIncrement(h.lemmaEmitted ? 0 : h.increment);
        offset.setOffset(h.start, h.end);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        held.present = false;
        exhausted = false;
    }
}
