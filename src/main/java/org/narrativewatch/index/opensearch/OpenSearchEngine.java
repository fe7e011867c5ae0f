package org.narrativewatch.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.internal.hppc.LongHashSet;
import org.narrativewatch.UserException;
import org.narrativewatch.article.Article;
import org.narrativewatch.index.CorpusFacts;
import org.narrativewatch.index.DayCounts;
import org.narrativewatch.index.EmbeddedSemantics;
import org.narrativewatch.index.IndexFormat;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Hashes;
import org.narrativewatch.index.Hits;
import org.narrativewatch.index.IndexedTerms;
import org.narrativewatch.index.OutletInfo;
import org.narrativewatch.index.QueryCost;
import org.narrativewatch.index.QueryGuard;
import org.narrativewatch.index.ReferenceHighlighter;
import org.narrativewatch.index.Schema;
import org.narrativewatch.index.Selection;
import org.narrativewatch.index.Snapshot;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.DayRange;

/**
 * The corpus on an OpenSearch cluster. Three indices: {@code NAME} holds the articles, {@code NAME-vocab}
 * the distinct exact-form terms per field (so prefixes expand to exactly the embedded engine's terms,
 * under the same cap) and {@code NAME-meta} the import checkpoint. Articles are analysed here with the
 * project's analysers and sent as term layers (see {@link TermLayers}); counts come from aggregations
 * on the {@code day} integer; the layer above ({@link org.narrativewatch.index.Corpus}) folds them
 * into buckets as it does for every engine.
 *
 * <p>Document ids are the article's identity key, so a re-import cannot add a copy: documents are
 * sent with the bulk {@code create} action and a conflict means "already there". To report added and
 * already-present counts at once (the importer asks per article), the engine loads the key and story
 * hashes of the stored articles on its first write, as the embedded engine does from its index.
 */
public final class OpenSearchEngine implements Engine {

    // the field names are the embedded engine's (Schema); these short names are kept for the compiler and layout
    static final String OUTLET = Schema.OUTLET;
    static final String GROUP = Schema.GROUP;
    static final String LANG = Schema.LANG;
    static final String DAY = Schema.DAY;
    static final String TS = Schema.TS;
    static final String STORY = Schema.STORY;
    static final String COPY = Schema.COPY;
    static final String BODY = Schema.BODY;
    static final String TITLE = Schema.TITLE;
    /** the identity key's hash, read back to tell added from present without fetching keys */
    static final String KEY_HASH = "keyhash";

    private static final int BULK_DOCS = 500;
    private static final int BULK_BYTES = 8 << 20;
    private static final int PAGE = 10_000;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final OpenSearchClient client;
    private final String index;
    private final String vocabIndex;
    private final String metaIndex;
    private final int shards;
    private final int replicas;

    private boolean indicesReady;
    private LongHashSet keys;
    private LongHashSet stories;
    private LongHashSet vocabSent;
    private final ByteArrayOutputStream bulk = new ByteArrayOutputStream(BULK_BYTES + (1 << 20));
    private int bulkDocs;
    private final java.util.concurrent.atomic.AtomicLong conflicts = new java.util.concurrent.atomic.AtomicLong();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "opensearch-bulk");
        t.setDaemon(true);
        return t;
    });
    private Future<Void> inFlight;
    /** field → {layer count, when it was read} */
    private final Map<String, long[]> layerCache = new ConcurrentHashMap<>();
    private static final long LAYER_RECHECK_NANOS = 30_000_000_000L;

    private OpenSearchEngine(String url, String index, int shards, int replicas) {
        if (index == null || !index.matches("[a-z0-9][a-z0-9_.\\-]*")) {
            throw new org.narrativewatch.InvalidOptionException("os-index", "must be a lower-case OpenSearch index name, not '" + index + "'");
        }
        this.client = new OpenSearchClient(url);
        this.index = index;
        this.vocabIndex = index + "-vocab";
        this.metaIndex = index + "-meta";
        this.shards = shards;
        this.replicas = replicas;
    }

    /** An engine on the cluster at {@code url}, keeping the corpus in index {@code index} (created on first write). */
    public static OpenSearchEngine open(String url, String index) {
        return new OpenSearchEngine(url, index, intEnv("NWATCH_OS_SHARDS", 1), intEnv("NWATCH_OS_REPLICAS", 0));
    }

    private static int intEnv(String name, int dflt) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UserException("environment variable " + name + " must be a whole number, not '" + v + "'");
        }
    }

    @Override
    public String name() {
        return "opensearch";
    }

    // ---- index layout --------------------------------------------------------------------------

    private void ensureIndices() throws IOException {
        if (indicesReady) {
            return;
        }
        create(index, IndexLayout.articles(shards, replicas));
        create(vocabIndex, IndexLayout.vocabulary(replicas));
        create(metaIndex, IndexLayout.meta(replicas));
        client.call("GET", "/_cluster/health/" + index + "," + vocabIndex + "," + metaIndex
                + "?wait_for_status=yellow&timeout=60s", null);
        checkFormat();
        indicesReady = true;
    }

    private void create(String name, ObjectNode body) throws IOException {
        if (client.send("HEAD", "/" + name, null).ok()) {
            return;
        }
        OpenSearchClient.Response r = client.send("PUT", "/" + name, body);
        if (!r.ok() && !OpenSearchClient.reason(r.body()).contains("resource_already_exists")) {
            throw new IOException("cannot create OpenSearch index " + name + ": " + OpenSearchClient.reason(r.body()));
        }
    }

    private boolean indexExists() throws IOException {
        return client.send("HEAD", "/" + index, null).ok();
    }

    private void requireIndex() throws IOException {
        if (!indicesReady && !indexExists()) {
            throw new UserException("no OpenSearch index '" + index + "' at " + client.baseUrl()
                    + " yet: import something first (nwatch import --engine opensearch FILE)");
        }
    }

    // ---- writing -------------------------------------------------------------------------------

    static String documentId(String key) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        if (b.length <= 500) {
            return key;
        }
        try {
            // ids are capped at 512 bytes; very long URLs get a digest (still one id per identity)
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized AddOutcome add(Article a) throws IOException {
        ensureIndices();
        if (keys == null) {
            loadHashes();
        }
        String key = a.key();
        long keyHash = Hashes.hash64(key);
        if (!keys.add(keyHash)) {
            return AddOutcome.ALREADY_PRESENT;
        }
        long story = Hashes.storyHash(a);
        boolean copy = !stories.add(story) && story != 0;

        ObjectNode doc = F.objectNode();
        Schema.stored(a).forEach(doc::put);
        doc.put(DAY, Schema.day(a));
        doc.put(TS, a.published().toEpochSecond());
        doc.put(STORY, story);
        doc.put(COPY, copy ? 1 : 0);
        doc.put(KEY_HASH, keyHash);
        for (String field : List.of(BODY, TITLE)) {
            List<List<String>> byPos = IndexedTerms.byPosition(a, field);
            List<String> layers = TermLayers.layers(byPos);
            for (int l = 0; l < layers.size(); l++) {
                doc.put(TermLayers.layerField(field, l), layers.get(l));
            }
            addVocabulary(field, byPos);
        }
        action(index, documentId(key));
        bulk.write(OpenSearchClient.JSON.writeValueAsBytes(doc));
        bulk.write('\n');
        bulkDocs++;
        if (bulkDocs >= BULK_DOCS || bulk.size() >= BULK_BYTES) {
            flush();
        }
        return AddOutcome.ADDED;
    }

    /** Sends the exact-form terms not sent yet by this process; the node ignores ones it already has. */
    private void addVocabulary(String field, List<List<String>> byPos) throws IOException {
        String marker = EmbeddedSemantics.prefixTerm("");
        for (List<String> terms : byPos) {
            for (String t : terms) {
                if (t.startsWith(marker) && vocabSent.add(Hashes.hash64(field + "\u0000" + t))) {
                    action(vocabIndex, documentId(field + "|" + t));
                    ObjectNode v = F.objectNode();
                    v.put("f", field);
                    v.put("t", t);
                    bulk.write(OpenSearchClient.JSON.writeValueAsBytes(v));
                    bulk.write('\n');
                }
            }
        }
    }

    private void action(String targetIndex, String id) throws IOException {
        ObjectNode meta = F.objectNode();
        meta.putObject("create").put("_index", targetIndex).put("_id", id);
        bulk.write(OpenSearchClient.JSON.writeValueAsBytes(meta));
        bulk.write('\n');
    }

    /**
     * Sends the pending batch. One batch is in flight while the next is analysed (the node indexes
     * while the client analyses); a batch's errors surface at the next flush or commit.
     */
    private void flush() throws IOException {
        awaitInFlight();
        if (bulk.size() == 0) {
            return;
        }
        byte[] body = bulk.toByteArray();
        bulk.reset();
        bulkDocs = 0;
        inFlight = sender.submit(() -> {
            checkBulkResponse(client.call("POST", "/_bulk", body));
            return null;
        });
    }

    private void awaitInFlight() throws IOException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending to OpenSearch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        } finally {
            inFlight = null;
        }
    }

    private void checkBulkResponse(JsonNode r) throws IOException {
        if (!r.path("errors").asBoolean(false)) {
            return;
        }
        for (JsonNode item : r.path("items")) {
            JsonNode c = item.path("create");
            int status = c.path("status").asInt();
            if (status == 409) {
                if (index.equals(c.path("_index").asText())) {
                    conflicts.incrementAndGet();
                }
            } else if (status >= 300) {
                throw new IOException("OpenSearch refused document " + c.path("_id").asText() + " in "
                        + c.path("_index").asText() + ": " + c.path("error").path("type").asText() + ": "
                        + c.path("error").path("reason").asText());
            }
        }
    }

    /** Articles this process reported as added that the node already had (another writer got there first). */
    public long lateConflicts() {
        return conflicts.get();
    }

    /** Key and story hashes of every stored article, read once from doc values with a scroll. */
    private void loadHashes() throws IOException {
        keys = new LongHashSet();
        stories = new LongHashSet();
        vocabSent = new LongHashSet();
        client.call("POST", "/" + index + "/_refresh", null);
        ObjectNode q = F.objectNode();
        q.put("size", PAGE);
        q.put("_source", false);
        q.putArray("docvalue_fields").add(KEY_HASH).add(STORY);
        q.putArray("sort").add("_doc");
        JsonNode r = client.call("POST", "/" + index + "/_search?scroll=2m", q);
        String scrollId = r.path("_scroll_id").asText(null);
        try {
            while (r.path("hits").path("hits").size() > 0) {
                for (JsonNode h : r.path("hits").path("hits")) {
                    JsonNode f = h.path("fields");
                    keys.add(f.path(KEY_HASH).path(0).asLong());
                    stories.add(f.path(STORY).path(0).asLong());
                }
                ObjectNode next = F.objectNode();
                next.put("scroll", "2m");
                next.put("scroll_id", scrollId);
                r = client.call("POST", "/_search/scroll", next);
                scrollId = r.path("_scroll_id").asText(scrollId);
            }
        } finally {
            if (scrollId != null) {
                ObjectNode clear = F.objectNode();
                clear.putArray("scroll_id").add(scrollId);
                client.send("DELETE", "/_search/scroll", clear);
            }
        }
    }

    @Override
    public synchronized void commit(Map<String, String> checkpoint) throws IOException {
        ensureIndices();
        flush();
        awaitInFlight();
        client.call("POST", "/" + index + "," + vocabIndex + "/_refresh", null);
        ObjectNode doc = F.objectNode();
        ArrayNode entries = doc.putObject("checkpoint").putArray("entries");
        new TreeMap<>(IndexFormat.stamp(checkpoint)).forEach((k, v) -> entries.addObject().put("k", k).put("v", v));
        client.call("PUT", "/" + metaIndex + "/_doc/state?refresh=true", doc);
        layerCache.clear();
    }

    @Override
    public synchronized Map<String, String> checkpoint() throws IOException {
        return IndexFormat.strip(storedCheckpoint());
    }

    /** The checkpoint as stored, with the analysis version it was written with. */
    private Map<String, String> storedCheckpoint() throws IOException {
        OpenSearchClient.Response r = client.send("GET", "/" + metaIndex + "/_doc/state", null);
        if (r.status() == 404) {
            return Map.of();
        }
        if (!r.ok()) {
            throw new IOException("cannot read the checkpoint from " + metaIndex + ": " + OpenSearchClient.reason(r.body()));
        }
        Map<String, String> out = new HashMap<>();
        for (JsonNode e : r.body().path("_source").path("checkpoint").path("entries")) {
            out.put(e.path("k").asText(), e.path("v").asText());
        }
        return out;
    }

    // ---- reading -------------------------------------------------------------------------------

    private volatile boolean formatChecked;

    /** Refuses (once checked, for good) an index written with another analysis: its counts would be wrong. */
    private void checkFormat() throws IOException {
        if (!formatChecked) {
            IndexFormat.check(storedCheckpoint(), index);
            formatChecked = true;
        }
    }

    private final OpenSearchQueryCompiler.IndexView view = new OpenSearchQueryCompiler.IndexView() {
        @Override
        public int layers(String field) throws IOException {
            // another process may be importing deeper stacks: a reader looks at the mapping again after a while
            long now = System.nanoTime();
            long[] c = layerCache.get(field);
            if (c == null || now - c[1] > LAYER_RECHECK_NANOS) {
                c = new long[] {countLayers(field), now};
                layerCache.put(field, c);
            }
            return (int) c[0];
        }

        @Override
        public List<String> termsStartingWith(String field, String prefixTerm, int limit) throws IOException {
            ObjectNode q = F.objectNode();
            q.put("size", limit);
            q.putArray("_source").add("t");
            ArrayNode filter = q.putObject("query").putObject("bool").putArray("filter");
            filter.addObject().putObject("term").put("f", field);
            filter.addObject().putObject("prefix").put("t", prefixTerm);
            OpenSearchClient.Response r = client.send("POST", "/" + vocabIndex + "/_search", q);
            if (r.status() == 404) {
                return List.of();
            }
            if (!r.ok()) {
                throw new IOException("prefix expansion failed: " + OpenSearchClient.reason(r.body()));
            }
            List<String> out = new ArrayList<>();
            for (JsonNode h : r.body().path("hits").path("hits")) {
                out.add(h.path("_source").path("t").asText());
            }
            return out;
        }
    };

    /** How many layer fields the mapping has for {@code field} (they appear as deeper stacks are indexed). */
    private int countLayers(String field) throws IOException {
        // an alias (time-based indices) answers with one mapping per index behind it: the deepest counts
        int max = 0;
        for (JsonNode m : client.call("GET", "/" + index + "/_mapping", null)) {
            JsonNode props = m.path("mappings").path("properties");
            int n = 0;
            while (props.has(TermLayers.layerField(field, n))) {
                n++;
            }
            max = Math.max(max, n);
        }
        return max;
    }

    private ObjectNode selectionFilter(Selection sel, LocalDate from, LocalDate to) {
        ArrayNode filter = F.arrayNode();
        if (from != null || to != null) {
            ObjectNode range = F.objectNode();
            if (from != null) {
                range.put("gte", from.toEpochDay());
            }
            if (to != null) {
                range.put("lte", to.toEpochDay());
            }
            filter.addObject().putObject("range").set(DAY, range);
        }
        Schema.keywordFilters(sel).forEach((field, values) -> {
            ArrayNode v = F.arrayNode();
            values.forEach(v::add);
            filter.addObject().putObject("terms").set(field, v);
        });
        ObjectNode bool = F.objectNode();
        bool.set("filter", filter);
        return OpenSearchQueryCompiler.obj("bool", bool);
    }

    private static ObjectNode and(ObjectNode query, ObjectNode filter) {
        ObjectNode bool = F.objectNode();
        bool.set("must", query);
        bool.set("filter", filter);
        return OpenSearchQueryCompiler.obj("bool", bool);
    }

    /** First and last day of the whole corpus, or empty when it has no articles. */
    private Optional<DayRange> dayRange() throws IOException {
        ObjectNode q = F.objectNode();
        q.put("size", 0);
        dayRangeAggs(q.putObject("aggs"));
        return dayRange(search(q).path("aggregations"));
    }

    private static void dayRangeAggs(ObjectNode aggs) {
        aggs.putObject("min").putObject("min").put("field", DAY);
        aggs.putObject("max").putObject("max").put("field", DAY);
    }

    private static Optional<DayRange> dayRange(JsonNode aggs) {
        JsonNode min = aggs.path("min").path("value");
        if (min.isNull() || min.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new DayRange(LocalDate.ofEpochDay(min.asLong()),
                LocalDate.ofEpochDay(aggs.path("max").path("value").asLong())));
    }

    private JsonNode search(ObjectNode body) throws IOException {
        QueryGuard guard = QueryGuard.current();
        if (guard == null) {
            return client.call("POST", "/" + index + "/_search", body);
        }
        // a bounded call: the node stops at the same deadline (shard timeout, and the coordinating node
        // cancels the search's tasks), partial results are refused, and the client drops the request
        // when the guard is stopped (OpenSearchClient)
        long ms = Math.max(1, guard.remaining().toMillis());
        body.put("timeout", ms + "ms");
        JsonNode r;
        try {
            r = client.call("POST", "/" + index + "/_search?allow_partial_search_results=false&cancel_after_time_interval="
                    + ms + "ms", body);
        } catch (IOException e) {
            guard.check(); // a search the node cancelled at the deadline is a stopped call, not a failure
            throw e;
        }
        if (r.path("timed_out").asBoolean(false)) {
            guard.stop();
            guard.check();
        }
        return r;
    }

    /** The query for the node, after its cost is estimated and held to the budget (and the lane's limit). */
    private ObjectNode compile(Query query) throws IOException {
        QueryCost cost = QueryCost.estimate(query.root(), vocabulary);
        cost.requireWithinBudget();
        QueryGuard guard = QueryGuard.current();
        if (guard != null) {
            guard.admit(cost);
        }
        return new OpenSearchQueryCompiler(view).compile(query.root());
    }

    /**
     * The term dictionary as the cost estimate reads it: prefixes expand through the vocabulary index
     * exactly as the compiler expands them; the node is not asked for frequencies, so only the term
     * reads are held to the budget here.
     */
    private final QueryCost.TermDictionary vocabulary = new QueryCost.TermDictionary() {
        @Override
        public List<QueryCost.TermFreq> frequencies(String field, List<String> terms) {
            return terms.stream().map(t -> new QueryCost.TermFreq(t, -1, -1)).toList();
        }

        @Override
        public List<QueryCost.TermFreq> startingWith(String field, String prefixTerm, int limit) throws IOException {
            return view.termsStartingWith(field, prefixTerm, limit).stream().map(t -> new QueryCost.TermFreq(t, -1, -1)).toList();
        }
    };

    /**
     * Per-day counts of the query and of the whole selection, per facet value (or one entry without
     * a facet). Composite aggregations page through every (facet, day[, story]) key, so counts are
     * exact at any size; stories are counted as distinct keys.
     */
    @Override
    public DayCounts dayCounts(Query query, Selection sel, CountUnit unit, Facet facet) throws IOException {
        requireIndex();
        DayRange covered = dayRange().orElse(null);
        DayRange days = sel.days(covered).orElse(null);
        if (days == null) {
            return DayCounts.none(covered);
        }
        String facetField = facet == null ? null : facet == Facet.OUTLET ? OUTLET : GROUP;
        ObjectNode filter = selectionFilter(sel, days.first(), days.last());
        checkFormat();
        ObjectNode compiled = compile(query);
        int first = days.firstEpochDay();
        int length = days.length();
        return new DayCounts(covered, days, perDay(and(compiled, filter), facetField, unit, first, length),
                perDay(filter, facetField, unit, first, length));
    }

    private Map<String, long[]> perDay(ObjectNode query, String facetField, CountUnit unit, int first, int days)
            throws IOException {
        ArrayNode sources = F.arrayNode();
        if (facetField != null) {
            sources.addObject().putObject("f").putObject("terms").put("field", facetField);
        }
        sources.addObject().putObject("d").putObject("terms").put("field", DAY);
        if (unit == CountUnit.STORIES) {
            sources.addObject().putObject("s").putObject("terms").put("field", STORY);
        }
        Map<String, long[]> out = new HashMap<>();
        JsonNode after = null;
        while (true) {
            ObjectNode q = F.objectNode();
            q.put("size", 0);
            q.set("query", query);
            ObjectNode comp = q.putObject("aggs").putObject("k").putObject("composite");
            comp.put("size", PAGE);
            comp.set("sources", sources);
            if (after != null) {
                comp.set("after", after);
            }
            JsonNode agg = search(q).path("aggregations").path("k");
            JsonNode buckets = agg.path("buckets");
            for (JsonNode b : buckets) {
                String key = facetField == null ? DayCounts.WHOLE : b.path("key").path("f").asText();
                int i = b.path("key").path("d").asInt() - first;
                if (i < 0 || i >= days) {
                    continue;
                }
                long[] c = out.computeIfAbsent(key, k -> new long[days]);
                c[i] += unit == CountUnit.STORIES ? 1 : b.path("doc_count").asLong();
            }
            after = agg.get("after_key");
            if (buckets.size() < PAGE || after == null) {
                return out;
            }
        }
    }

    @Override
    public Hits search(Query query, Selection sel, int limit, HitOrder order) throws IOException {
        return search(query, sel, 0, limit, order);
    }

    @Override
    public Hits search(Query query, Selection sel, int offset, int limit, HitOrder order) throws IOException {
        requireIndex();
        if (limit > PAGE) {
            throw new org.narrativewatch.InvalidOptionException("limit", limit + " is more than OpenSearch returns in one page (" + PAGE + ")");
        }
        if (offset + limit > PAGE) {
            throw new UserException("offset " + offset + " + limit " + limit + " is past the " + PAGE
                    + " matches OpenSearch pages through (its max_result_window)");
        }
        checkFormat();
        ObjectNode compiled = compile(query);
        ObjectNode q = F.objectNode();
        q.set("query", and(compiled, selectionFilter(sel, sel.from(), sel.to())));
        q.put("from", Math.max(offset, 0));
        q.put("size", Math.max(limit, 0));
        q.put("track_total_hits", true);
        ArrayNode source = q.putArray("_source");
        Schema.STORED.forEach(source::add);
        if (order == HitOrder.NEWEST) {
            q.putArray("sort").addObject().put(TS, "desc");
        }
        JsonNode r = search(q).path("hits");
        long total = r.path("total").path("value").asLong();
        List<Article> articles = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        for (JsonNode h : r.path("hits")) {
            JsonNode s = h.path("_source");
            articles.add(Schema.article(field -> text(s, field)));
            scores.add(h.path("_score").isNumber() ? (float) h.path("_score").asDouble() : 0f);
        }
        List<ReferenceHighlighter.Highlight> hl = ReferenceHighlighter.highlight(query, articles);
        List<Hits.Hit> hits = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            hits.add(new Hits.Hit(a.url(), a.outlet(), a.group(), a.published(), a.dateQuality(), a.lang(),
                    hl.get(i).title(), hl.get(i).snippet(), a.syndicatedFrom(), scores.get(i)));
        }
        return new Hits(total, hits);
    }

    private static String text(JsonNode s, String field) {
        JsonNode v = s.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Override
    public CorpusFacts facts() throws IOException {
        requireIndex();
        ObjectNode q = F.objectNode();
        q.put("size", 0);
        q.put("track_total_hits", true);
        ObjectNode aggs = q.putObject("aggs");
        dayRangeAggs(aggs);
        aggs.putObject("langs").putObject("terms").put("field", LANG).put("size", 10_000);
        aggs.putObject("copies").putObject("filter").putObject("term").put(COPY, 1);
        JsonNode r = search(q);
        Map<String, Long> langs = new TreeMap<>();
        for (JsonNode b : r.path("aggregations").path("langs").path("buckets")) {
            langs.put(b.path("key").asText(), b.path("doc_count").asLong());
        }
        long copies = r.path("aggregations").path("copies").path("doc_count").asLong();
        return new CorpusFacts(snapshot(r), outlets(), langs, copies);
    }

    @Override
    public Snapshot snapshot() throws IOException {
        requireIndex();
        ObjectNode q = F.objectNode();
        q.put("size", 0);
        q.put("track_total_hits", true);
        dayRangeAggs(q.putObject("aggs"));
        return snapshot(search(q));
    }

    /** The snapshot from a search answer with the total and the day range aggregations. */
    private Snapshot snapshot(JsonNode r) throws IOException {
        Optional<DayRange> range = dayRange(r.path("aggregations"));
        return new Snapshot(name(), client.baseUrl() + "/" + index, r.path("hits").path("total").path("value").asLong(),
                range.map(DayRange::first).orElse(null), range.map(DayRange::last).orElse(null), commits());
    }

    /** How many commits the corpus has seen: the version of the checkpoint document, rewritten by each. */
    private long commits() throws IOException {
        OpenSearchClient.Response r = client.send("GET", "/" + metaIndex + "/_doc/state?_source=false", null);
        if (r.status() == 404) {
            return 0;
        }
        if (!r.ok()) {
            throw new IOException("cannot read the checkpoint from " + metaIndex + ": " + OpenSearchClient.reason(r.body()));
        }
        return r.body().path("_version").asLong();
    }

    /** Outlets with group, count and first and last day, by name (a composite aggregation, paged). */
    private List<OutletInfo> outlets() throws IOException {
        List<OutletInfo> out = new ArrayList<>();
        JsonNode after = null;
        while (true) {
            ObjectNode q = F.objectNode();
            q.put("size", 0);
            ObjectNode comp = q.putObject("aggs").putObject("o");
            ObjectNode c = comp.putObject("composite");
            c.put("size", 1000);
            c.putArray("sources").addObject().putObject("outlet").putObject("terms").put("field", OUTLET);
            if (after != null) {
                c.set("after", after);
            }
            ObjectNode sub = comp.putObject("aggs");
            sub.putObject("min").putObject("min").put("field", DAY);
            sub.putObject("max").putObject("max").put("field", DAY);
            // an outlet normally has one group; where it has several, the first by name is shown
            sub.putObject("group").putObject("terms").put("field", GROUP).put("size", 1)
                    .putObject("order").put("_key", "asc");
            JsonNode agg = search(q).path("aggregations").path("o");
            for (JsonNode b : agg.path("buckets")) {
                JsonNode g = b.path("group").path("buckets").path(0).path("key");
                out.add(new OutletInfo(b.path("key").path("outlet").asText(), g.isMissingNode() ? null : g.asText(),
                        b.path("doc_count").asLong(), LocalDate.ofEpochDay(b.path("min").path("value").asLong()),
                        LocalDate.ofEpochDay(b.path("max").path("value").asLong())));
            }
            after = agg.get("after_key");
            if (agg.path("buckets").size() < 1000 || after == null) {
                return out;
            }
        }
    }

    /** Deletes the three indices (tests and benchmarks start from a clean slate with it). */
    public void deleteAll() throws IOException {
        for (String name : List.of(index, vocabIndex, metaIndex)) {
            OpenSearchClient.Response r = client.send("DELETE", "/" + name, null);
            if (!r.ok() && r.status() != 404) {
                throw new IOException("cannot delete " + name + ": " + OpenSearchClient.reason(r.body()));
            }
        }
        indicesReady = false;
        keys = null;
        layerCache.clear();
    }

    /** Whether a node answers at {@code url} (tests use it to decide whether to run). */
    public static boolean reachable(String url) {
        try {
            return new OpenSearchClient(url).send("GET", "/_cluster/health", null).ok();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        // like the embedded engine, articles added since the last commit are not made durable here; a batch
        // already sent stays on the node, which is harmless because re-importing it adds nothing
        bulk.reset();
        bulkDocs = 0;
        try {
            awaitInFlight();
        } finally {
            sender.shutdownNow();
        }
    }
}
