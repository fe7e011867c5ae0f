package org.narrativewatch.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.internal.hppc.LongHashSet;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts matching documents per day from the {@code day} doc values, in one pass: the cost grows
 * with the number of matches, not with the corpus, and no stored text is read. With a facet field
 * (outlet or group), each value of it gets its own counts, so a breakdown is one pass however many
 * values there are. In story mode, syndicated copies (same {@code story} hash) are counted once per
 * day (and value).
 */
final class DayCountCollector extends SimpleCollector {

    private final String facetField;
    private final int firstDay;
    private final int length;
    private final boolean storiesMode;
    /** without a facet: the only tally; with one: the current segment's tallies by ordinal */
    private final Tally whole;
    private final Map<String, Tally> byValue = new HashMap<>();
    private Tally[] byOrd;
    private SortedDocValues facet;
    private NumericDocValues day;
    private NumericDocValues story;

    /** @param facetField null to count every match under one key, {@link DayCounts#WHOLE} */
    DayCountCollector(String facetField, int firstDay, int lastDay, boolean storiesMode) {
        this.facetField = facetField;
        this.firstDay = firstDay;
        this.length = lastDay - firstDay + 1;
        this.storiesMode = storiesMode;
        this.whole = facetField == null ? new Tally(length, storiesMode) : null;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        day = context.reader().getNumericDocValues(Schema.DAY);
        story = storiesMode ? context.reader().getNumericDocValues(Schema.STORY) : null;
        if (facetField != null) {
            facet = context.reader().getSortedDocValues(facetField);
            byOrd = new Tally[facet == null ? 0 : facet.getValueCount()];
        }
    }

    @Override
    public void collect(int doc) throws IOException {
        if (day == null || !day.advanceExact(doc)) {
            return;
        }
        int i = (int) day.longValue() - firstDay;
        if (i < 0 || i >= length) {
            return;
        }
        Tally t = whole != null ? whole : facetTally(doc);
        if (t == null) {
            return;
        }
        if (!storiesMode) {
            t.counts[i]++;
            return;
        }
        long h = story != null && story.advanceExact(doc) ? story.longValue() : doc;
        if (t.stories[i] == null) {
            t.stories[i] = new LongHashSet();
        }
        if (t.stories[i].add(h)) {
            t.counts[i]++;
        }
    }

    private Tally facetTally(int doc) throws IOException {
        if (facet == null || !facet.advanceExact(doc)) {
            return null;
        }
        int ord = facet.ordValue();
        Tally t = byOrd[ord];
        if (t == null) {
            // ordinals are per segment: the value names the tally across segments
            t = byValue.computeIfAbsent(facet.lookupOrd(ord).utf8ToString(), k -> new Tally(length, storiesMode));
            byOrd[ord] = t;
        }
        return t;
    }

    /** Counts per day, by facet value (or under {@link DayCounts#WHOLE}). */
    Map<String, long[]> counts() {
        if (whole != null) {
            return Map.of(DayCounts.WHOLE, whole.counts);
        }
        Map<String, long[]> out = new HashMap<>();
        byValue.forEach((k, t) -> out.put(k, t.counts));
        return out;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    private static final class Tally {
        final long[] counts;
        final LongHashSet[] stories;

        Tally(int length, boolean storiesMode) {
            counts = new long[length];
            stories = storiesMode ? new LongHashSet[length] : null;
        }
    }
}
