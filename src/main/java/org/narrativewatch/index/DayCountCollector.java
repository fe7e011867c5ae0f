package org.narrativewatch.index;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.internal.hppc.LongHashSet;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts matching documents per day from the {@code day} doc values: the cost grows with the
 * number of matches, not with the corpus, and no stored text is read. In story mode, syndicated
 * copies (same {@code story} hash) are counted once per day.
 */
final class DayCountCollector extends SimpleCollector {

    private final int firstDay;
    private final long[] counts;
    private final LongHashSet[] stories;
    private NumericDocValues day;
    private NumericDocValues story;

    DayCountCollector(int firstDay, int lastDay, boolean storiesMode) {
        this.firstDay = firstDay;
        this.counts = new long[lastDay - firstDay + 1];
        this.stories = storiesMode ? new LongHashSet[counts.length] : null;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        day = context.reader().getNumericDocValues(Schema.DAY);
        story = stories == null ? null : context.reader().getNumericDocValues(Schema.STORY);
    }

    @Override
    public void collect(int doc) throws IOException {
        if (day == null || !day.advanceExact(doc)) {
            return;
        }
        int i = (int) day.longValue() - firstDay;
        if (i < 0 || i >= counts.length) {
            return;
        }
        if (stories == null) {
            counts[i]++;
            return;
        }
        long h = story != null && story.advanceExact(doc) ? story.longValue() : doc;
        if (stories[i] == null) {
            stories[i] = new LongHashSet();
        }
        if (stories[i].add(h)) {
            counts[i]++;
        }
    }

    long[] counts() {
        return counts;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
