package org.narrativewatch.index;

import java.util.HashMap;
import java.util.Map;
import org.narrativewatch.UserException;

/**
 * The analysis an index was written with, recorded with every commit. Index terms come from the
 * analysis chains ({@code analysis.Analyzers}): when they change (issue 13 added language tags,
 * hyphen parts, acronym rules), an index written before cannot be queried correctly, and a query
 * would silently give wrong counts. Opening such an index for reading or writing is refused with
 * one message saying to re-import; {@link #VERSION} goes up with every change of index-time analysis.
 */
public final class IndexFormat {
    private IndexFormat() {}

    /** The commit-data key of the analysis version. */
    public static final String KEY = "nwatch.analysis";
    /**
     * 1: until issue 13 (no key recorded); 2: language-tagged lemmas, hyphen parts, acronyms by dictionary;
     * 3: text fields without offsets (issue 14: spans come from re-analysing the hits shown; Lucene refuses
     * to mix segments with and without offsets in one field, so a version-2 index cannot be appended to).
     */
    public static final String VERSION = "3";

    /** {@code checkpoint} with the analysis version added: what a commit records. */
    public static Map<String, String> stamp(Map<String, String> checkpoint) {
        Map<String, String> out = new HashMap<>(checkpoint);
        out.put(KEY, VERSION);
        return out;
    }

    /** {@code committed} without the analysis version: the checkpoint as its writer recorded it. */
    public static Map<String, String> strip(Map<String, String> committed) {
        if (!committed.containsKey(KEY)) {
            return committed;
        }
        Map<String, String> out = new HashMap<>(committed);
        out.remove(KEY);
        return out;
    }

    /**
     * Refuses an index whose last commit ({@code committed}, empty for a new index) was written with
     * another analysis; {@code where} names it for the message.
     */
    public static void check(Map<String, String> committed, String where) {
        if (committed.isEmpty()) {
            return;
        }
        String v = committed.getOrDefault(KEY, "1");
        if (!VERSION.equals(v)) {
            throw new UserException("the index " + where + " was written with analysis version " + v
                    + " and this nwatch reads version " + VERSION + " (words are indexed differently, so counts would be wrong): "
                    + "import the sources again into a new index (or delete this one first)");
        }
    }
}
