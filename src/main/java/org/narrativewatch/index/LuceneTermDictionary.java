package org.narrativewatch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.narrativewatch.query.QueryNode;

/**
 * The embedded index's term dictionary as {@link QueryCost} reads it: terms with their document and
 * position counts. What the estimate learns of a word is kept with the reader (one memo per reader
 * state, dropped when the reader closes), so a word asked again costs a map look-up.
 */
final class LuceneTermDictionary implements QueryCost.TermDictionary {

    private static final Map<IndexReader.CacheKey, Map<QueryNode, QueryCost.LeafCost>> MEMOS = new ConcurrentHashMap<>();

    private final IndexReader reader;
    private final Map<QueryNode, QueryCost.LeafCost> memo;

    LuceneTermDictionary(IndexReader reader) {
        this.reader = reader;
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        this.memo = helper == null ? new HashMap<>() : MEMOS.computeIfAbsent(helper.getKey(), key -> {
            helper.addClosedListener(MEMOS::remove);
            return new ConcurrentHashMap<>();
        });
    }

    @Override
    public Map<QueryNode, QueryCost.LeafCost> memo() {
        return memo;
    }

    @Override
    public List<QueryCost.TermFreq> frequencies(String field, List<String> terms) throws IOException {
        List<QueryCost.TermFreq> out = new ArrayList<>();
        Terms all = MultiTerms.getTerms(reader, field);
        TermsEnum te = all == null ? null : all.iterator();
        for (String t : terms) {
            if (te != null && !t.isEmpty() && te.seekExact(new BytesRef(t))) {
                out.add(new QueryCost.TermFreq(t, te.docFreq(), te.totalTermFreq()));
            } else {
                out.add(new QueryCost.TermFreq(t, 0, 0));
            }
        }
        return out;
    }

    @Override
    public List<QueryCost.TermFreq> startingWith(String field, String prefixTerm, int limit) throws IOException {
        List<QueryCost.TermFreq> out = new ArrayList<>();
        Terms all = MultiTerms.getTerms(reader, field);
        if (all == null) {
            return out;
        }
        TermsEnum te = all.iterator();
        BytesRef prefix = new BytesRef(prefixTerm);
        if (te.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
            return out;
        }
        for (BytesRef t = te.term(); t != null && out.size() < limit && StringHelper.startsWith(t, prefix); t = te.next()) {
            out.add(new QueryCost.TermFreq(t.utf8ToString(), te.docFreq(), te.totalTermFreq()));
        }
        return out;
    }
}
