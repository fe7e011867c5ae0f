package org.narrativewatch.index;

import java.util.List;
import org.apache.lucene.util.BytesRef;
import org.narrativewatch.analysis.Analyzers;
import org.narrativewatch.query.QueryNode;

/**
 * The embedded query compiler's rules that another engine's compiler must reproduce exactly: the
 * index terms of a query word, the field of a positional node, the prefix cap. The OpenSearch
 * compiler calls these instead of copying them, so both engines stay equal when the analysers or
 * the compiler change. (What an engine stores is in {@link Schema}, {@link Hashes} and
 * {@link IndexedTerms}; the spans a hit shows in {@link ReferenceHighlighter}.)
 */
public final class EmbeddedSemantics {
    private EmbeddedSemantics() {}

    /** A prefix may expand to at most this many word forms, in every engine. */
    public static final int MAX_PREFIX_EXPANSIONS = LuceneQueryCompiler.MAX_PREFIX_EXPANSIONS;

    /** Inside a phrase or NEAR a prefix may expand to at most this many word forms, in every engine. */
    public static final int MAX_PREFIX_EXPANSIONS_IN_NEAR = LuceneQueryCompiler.MAX_PREFIX_EXPANSIONS_IN_NEAR;

    /** Refuses a query over the embedded compiler's clause limit, with the same message in every engine. */
    public static void checkLimits(QueryNode n) {
        LuceneQueryCompiler.checkClauses(n);
    }

    /** The message for a prefix with too many word forms. */
    public static String prefixTooBroad(String prefix, boolean positional) {
        return LuceneQueryCompiler.prefixTooBroad(prefix, positional);
    }

    /** The index terms a Word or Exact node stands for (what the embedded compiler ORs together). */
    public static List<String> wordTerms(QueryNode wordOrExact) {
        if (!(wordOrExact instanceof QueryNode.Word || wordOrExact instanceof QueryNode.Exact)) {
            throw new IllegalArgumentException("not a word: " + wordOrExact);
        }
        return new LuceneQueryCompiler(null).terms(wordOrExact, false).stream().map(BytesRef::utf8ToString).toList();
    }

    /** The term every expansion of {@code prefix*} starts with. */
    public static String prefixTerm(String prefix) {
        return Analyzers.exactTerm(prefix);
    }

    /** The single field ("body" or "title") of a phrase or NEAR; mixing both is the same error as embedded. */
    public static String field(QueryNode n) {
        return LuceneQueryCompiler.field(n);
    }
}
