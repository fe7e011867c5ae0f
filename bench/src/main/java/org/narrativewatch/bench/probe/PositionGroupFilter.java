package org.narrativewatch.bench.probe;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.narrativewatch.analysis.ExactFormFilter;
import org.narrativewatch.analysis.LemmaTagFilter;

/**
 * Keeps part of each position's terms of our real chain's output, for the import probe's lighter variants: the
 * chain runs unchanged (so every kept term is exactly the term ours indexes) and this filter only drops terms.
 * A position's terms are the exact form ({@code =путина}), the lemma-stage terms ({@code ru:путин},
 * {@code ru~зеленск}) and, for a hyphenated word, its parts' terms at the same position.
 * <ul>
 *   <li>{@link Keep#LEMMAS}: the lemma-stage terms only; a position with none (a number, an acronym, a word of a
 *       language without a lemma stage) keeps its exact form, so every word stays findable, as in a plain
 *       lemma indexer that indexes an unknown word as itself.</li>
 *   <li>{@link Keep#DISTINCT_FORMS}: the lemma-stage terms, and the exact form only when its text differs from
 *       every lemma-stage term's text at that position (путина beside путин; not путин beside путин). Not a
 *       shippable format by itself: an exact-form query would then need the lemma term and a check of the form.</li>
 * </ul>
 * Positions are kept as they are: the first kept term of a position carries that position's increment.
 */
public final class PositionGroupFilter extends TokenFilter {

    /** Which terms of a position to keep. */
    public enum Keep { LEMMAS, DISTINCT_FORMS }

    private final Keep keep;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);

    /** The current position's terms as read (states) and their texts. */
    private final List<State> group = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    /** The kept terms of the position being emitted, and the next one to emit. */
    private final List<State> out = new ArrayList<>();
    private int next;
    private int groupIncrement;
    /** The first term of the following position, read ahead; null when none was read. */
    private State lookahead;
    private boolean exhausted;

    public PositionGroupFilter(TokenStream input, Keep keep) {
        super(input);
        this.keep = keep;
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (next >= out.size()) {
            if (!readGroup()) {
                return false;
            }
            select();
        }
        restoreState(out.get(next));
        inc.setPositionIncrement(next == 0 ? groupIncrement : 0);
        next++;
        return true;
    }

    /** Reads the next position's terms into {@link #group}; false at the end. */
    private boolean readGroup() throws IOException {
        group.clear();
        texts.clear();
        if (lookahead != null) {
            restoreState(lookahead);
            lookahead = null;
        } else if (exhausted || !input.incrementToken()) {
            exhausted = true;
            return false;
        }
        groupIncrement = inc.getPositionIncrement();
        add();
        while (input.incrementToken()) {
            if (inc.getPositionIncrement() > 0) {
                lookahead = captureState();
                return true;
            }
            add();
        }
        exhausted = true;
        return true;
    }

    private void add() {
        group.add(captureState());
        texts.add(term.toString());
    }

    private void select() {
        out.clear();
        next = 0;
        int exact = -1;
        List<String> lemmaTexts = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (!t.isEmpty() && t.charAt(0) == ExactFormFilter.PREFIX) {
                exact = exact < 0 ? i : exact;
            } else {
                String untagged = LemmaTagFilter.untag(t);
                lemmaTexts.add(untagged == null ? t : untagged);
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            boolean isExact = !t.isEmpty() && t.charAt(0) == ExactFormFilter.PREFIX;
            boolean kept;
            if (!isExact) {
                kept = true;
            } else if (lemmaTexts.isEmpty()) {
                kept = i == exact || keep == Keep.DISTINCT_FORMS;
            } else {
                kept = keep == Keep.DISTINCT_FORMS && !lemmaTexts.contains(t.substring(1));
            }
            if (kept) {
                out.add(group.get(i));
            }
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        group.clear();
        texts.clear();
        out.clear();
        next = 0;
        lookahead = null;
        exhausted = false;
    }
}
