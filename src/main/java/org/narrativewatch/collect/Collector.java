package org.narrativewatch.collect;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.narrativewatch.article.Article;
import org.narrativewatch.index.Engine;
import org.narrativewatch.ingest.ArticleCheck;
import org.narrativewatch.ingest.DateWindow;
import org.narrativewatch.ingest.Importer;
import org.narrativewatch.ingest.SourceRecord;
import org.narrativewatch.ingest.feed.FeedContext;
import org.narrativewatch.ingest.feed.FeedParser;
import org.narrativewatch.ingest.feed.FullText;
import org.narrativewatch.ingest.http.FetchException;
import org.narrativewatch.ingest.http.FetchPolicy;
import org.narrativewatch.ingest.http.HttpFetcher;
import org.narrativewatch.ingest.http.Response;
import org.narrativewatch.ingest.http.Validators;
import org.narrativewatch.ingest.outlets.Outlet;
import org.narrativewatch.ingest.outlets.OutletDirectory;

/**
 * Collects every outlet's feeds into an engine, once ({@link #runCycle()}) or on a schedule in the
 * background ({@link #start(Duration)} / {@link #stop()}), which is how the serving command runs it.
 *
 * <p>Crash safety: an outlet's new articles are committed to the engine before its state (feed
 * validators) is saved, so a kill between the two only makes the next cycle fetch that feed in
 * full again, and the engine keeps one article per URL. A failing outlet (down, hostile, rate
 * limited, malformed) is recorded in its state and never stops the others.
 */
public final class Collector implements AutoCloseable {

    /** Key under which the collector records its last commit in the engine's checkpoint. */
    public static final String CHECKPOINT_KEY = "collect.lastCommit";
    private static final int SEEN_KEPT = 1000;

    private final Engine engine;
    private final OutletDirectory outlets;
    private final StateStore store;
    private final HttpFetcher fetcher;
    private final Consumer<String> log;
    private final int threads;
    private final Object engineLock = new Object();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private Thread loop;
    private DateWindow dates = DateWindow.defaults();

    public Collector(Engine engine, OutletDirectory outlets, StateStore store, HttpFetcher fetcher, int threads,
                     Consumer<String> log) {
        this.engine = engine;
        this.outlets = outlets;
        this.store = store;
        this.fetcher = fetcher;
        this.threads = Math.max(1, threads);
        this.log = log;
    }

    /**
     * A collector with the default fetch policy, its state file beside {@code indexDir}, and the
     * outlets of {@code outletsFile} (null: data/outlets.yaml if present, else the bundled list).
     */
    public static Collector forIndex(Engine engine, Path indexDir, Path outletsFile, Consumer<String> log) {
        return new Collector(engine, OutletDirectory.load(outletsFile), StateStore.open(StateStore.fileFor(indexDir)),
                new HttpFetcher(FetchPolicy.defaults()), 4, log);
    }

    public OutletDirectory outlets() {
        return outlets;
    }

    /**
     * Store only items published inside this window (default: 1900-01-01 to 36 h from now); the
     * others are refused and counted by reason in each feed's state, which {@code nwatch status} shows.
     */
    public Collector dates(DateWindow window) {
        this.dates = window;
        return this;
    }

    public StateStore store() {
        return store;
    }

    /** Starts collecting in a background daemon thread: a cycle now, then one every {@code interval}. */
    public synchronized void start(Duration interval) {
        if (loop != null) {
            throw new IllegalStateException("collector already started");
        }
        stopping.set(false);
        loop = new Thread(() -> {
            while (!stopping.get()) {
                try {
                    CycleReport r = runCycle();
                    log.accept(r.offline()
                            ? offlineMessage(r, interval)
                            : "collect: " + r.summary() + "; next cycle in " + minutes(interval));
                } catch (RuntimeException e) {
                    log.accept("collect: cycle failed: " + e + "; next cycle in " + minutes(interval));
                }
                synchronized (stopping) {
                    if (!stopping.get()) {
                        try {
                            stopping.wait(interval.toMillis());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }
        }, "nwatch-collector");
        loop.setDaemon(true);
        loop.start();
    }

    /** Stops the background loop: the outlet being collected finishes (and is committed), the rest wait. */
    public synchronized void stop() {
        stopping.set(true);
        synchronized (stopping) {
            stopping.notifyAll();
        }
        if (loop != null) {
            try {
                loop.join(Duration.ofMinutes(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop = null;
        }
    }

    public static String offlineMessage(CycleReport r, Duration interval) {
        return "collect: no feed could be reached (" + r.unreachable() + " outlets unreachable): this machine "
                + "seems to be offline. Imported data stays available; trying again in " + minutes(interval) + ".";
    }

    private static String minutes(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    /** One pass over every outlet; returns when all are done. */
    public CycleReport runCycle() {
        Instant start = Instant.now();
        List<Outlet> due = outlets.outlets().stream().filter(o -> !o.feeds().isEmpty()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nwatch-collect-worker");
            t.setDaemon(true);
            return t;
        });
        List<Future<OutletOutcome>> futures = new ArrayList<>();
        for (Outlet o : due) {
            futures.add(pool.submit(() -> stopping.get() ? OutletOutcome.SKIPPED : collectOrRecord(o)));
        }
        int tried = 0;
        int answered = 0;
        int unreachable = 0;
        int failed = 0;
        long added = 0;
        long present = 0;
        long rejected = 0;
        TreeMap<String, Long> reasons = new TreeMap<>();
        for (int i = 0; i < futures.size(); i++) {
            OutletOutcome o;
            try {
                o = futures.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                o = OutletOutcome.SKIPPED;
            } catch (Exception e) {
                o = recordFailure(due.get(i), e.getCause() == null ? e : e.getCause());
            }
            if (o == OutletOutcome.SKIPPED || o.status == Status.WAITING) {
                continue;
            }
            tried++;
            switch (o.status) {
                case ANSWERED -> answered++;
                case UNREACHABLE -> unreachable++;
                default -> failed++;
            }
            added += o.added;
            present += o.present;
            rejected += o.rejected;
            o.reasons.forEach((k, v) -> reasons.merge(k, v, Long::sum));
        }
        pool.shutdown();
        return new CycleReport(tried, answered, unreachable, failed, added, present, rejected,
                Duration.between(start, Instant.now()), reasons);
    }

    private enum Status { ANSWERED, UNREACHABLE, FAILED, WAITING }

    /** @param reasons refusals of this cycle by reason class */
    private record OutletOutcome(Status status, long added, long present, long rejected, Map<String, Long> reasons) {
        static final OutletOutcome SKIPPED = new OutletOutcome(Status.WAITING, 0, 0, 0, Map.of());
    }

    /**
     * {@link #collect}, and should anything escape it (a bug, a stack overflow in a parser), the
     * failure is recorded in the outlet's state like any other: an outlet never drops out of a cycle
     * in silence, its status showing "never".
     */
    private OutletOutcome collectOrRecord(Outlet o) {
        try {
            return collect(o);
        } catch (RuntimeException | StackOverflowError e) {
            return recordFailure(o, e);
        }
    }

    private OutletOutcome recordFailure(Outlet outlet, Throwable e) {
        Instant now = Instant.now();
        String msg = describe(e);
        OutletState state = store.get(outlet.name(), outlet.group());
        List<OutletState.ErrorEntry> errors = new ArrayList<>(state.errors());
        List<FeedState> feeds = new ArrayList<>();
        for (URI feed : outlet.feeds()) {
            FeedState fs = state.feed(feed.toString());
            errors.add(new OutletState.ErrorEntry(now, fs.url(), "error", msg));
            feeds.add(new FeedState(fs.url(), fs.etag(), fs.lastModified(), now, "error", msg, fs.failures() + 1, null,
                    fs.seen(), fs.rejected()));
        }
        try {
            store.put(new OutletState(outlet.name(), outlet.group(), now, "error", state.added(),
                    state.articlesPerDay(), errors, feeds));
        } catch (IOException io) {
            log.accept("collect: cannot save state to " + store.file() + ": " + io.getMessage());
        }
        log.accept("collect: " + outlet.name() + ": " + msg);
        return new OutletOutcome(Status.FAILED, 0, 0, 0, Map.of());
    }

    /** One line for a failure, whatever its kind: its message, or its kind when it has none. */
    static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "structure nested too deeply to read";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ").trim();
    }

    /** Collects one outlet's feeds, commits its new articles, saves its state. Never throws. */
    OutletOutcome collect(Outlet outlet) {
        OutletState state = store.get(outlet.name(), outlet.group());
        List<FeedState> feeds = new ArrayList<>();
        List<OutletState.ErrorEntry> errors = new ArrayList<>(state.errors());
        TreeMap<String, Long> perDay = new TreeMap<>(state.articlesPerDay());
        long added = 0;
        long present = 0;
        long rejected = 0;
        TreeMap<String, Long> reasons = new TreeMap<>();
        int answered = 0;
        int unreachable = 0;
        int tried = 0;
        Instant now = Instant.now();
        for (URI feed : outlet.feeds()) {
            FeedState fs = state.feed(feed.toString());
            if (fs.retryAfter() != null && fs.retryAfter().isAfter(now) || backingOff(fs, now)) {
                feeds.add(fs);
                continue;
            }
            tried++;
            try {
                Response r = fetcher.get(feed, new Validators(fs.etag(), fs.lastModified()));
                if (r.notModified()) {
                    answered++;
                    feeds.add(new FeedState(fs.url(), fs.etag(), fs.lastModified(), now, "not_modified", null, 0, null,
                            fs.seen(), fs.rejected()));
                    continue;
                }
                FeedParser.ParsedFeed parsed = FeedParser.parse(r.body(), r.charset(), feed.toString(),
                        FeedContext.of(outlet), r.fetchedAt());
                Set<String> seen = new LinkedHashSet<>(fs.seen());
                List<Article> fresh = new ArrayList<>();
                TreeMap<String, Long> refused = new TreeMap<>();
                for (SourceRecord rec : parsed.records()) {
                    if (rec instanceof SourceRecord.Parsed p) {
                        Article a = p.article();
                        String refusal = ArticleCheck.refusal(a, dates);
                        if (refusal != null) {
                            refused.merge(Importer.reasonClass(refusal), 1L, Long::sum);
                            continue;
                        }
                        if (outlet.fullText()) {
                            if (seen.contains(a.url())) {
                                continue; // stored with its page's text already: the feed's lead must not replace it
                            }
                            a = fullText(a, errors, feed);
                        }
                        fresh.add(a);
                        seen.add(a.url());
                    } else if (rec instanceof SourceRecord.Rejected j) {
                        refused.merge(Importer.reasonClass(j.reason()), 1L, Long::sum);
                    }
                }
                long[] counts = store(fresh, perDay);
                answered++; // counted once its articles are stored: a failure after the fetch is a failure
                for (var e : refused.entrySet()) {
                    rejected += e.getValue();
                    reasons.merge(e.getKey(), e.getValue(), Long::sum);
                }
                added += counts[0];
                present += counts[1];
                // only full-text outlets need to remember items (to fetch each page once); the
                // state file is rewritten after every outlet, so others keep it small
                List<String> keep = outlet.fullText() ? new ArrayList<>(seen) : List.of();
                keep = keep.subList(Math.max(0, keep.size() - SEEN_KEPT), keep.size());
                feeds.add(new FeedState(fs.url(), r.validators().etag(), r.validators().lastModified(), now, "ok",
                        null, 0, null, keep, refused));
            } catch (FetchException e) {
                if (e.kind() == FetchException.Kind.UNREACHABLE || e.kind() == FetchException.Kind.TIMEOUT) {
                    unreachable++;
                }
                String kind = e.kind().name().toLowerCase(Locale.ROOT);
                errors.add(new OutletState.ErrorEntry(now, fs.url(), kind, e.getMessage()));
                feeds.add(new FeedState(fs.url(), fs.etag(), fs.lastModified(), now, kind, e.getMessage(),
                        fs.failures() + 1, e.retryAfter(), fs.seen(), fs.rejected()));
            } catch (FeedParser.BadFeed | IOException | RuntimeException | StackOverflowError e) {
                String kind = e instanceof FeedParser.BadFeed ? "bad_feed" : "error";
                String msg = describe(e);
                errors.add(new OutletState.ErrorEntry(now, fs.url(), kind, msg));
                feeds.add(new FeedState(fs.url(), fs.etag(), fs.lastModified(), now, kind, msg, fs.failures() + 1,
                        null, fs.seen(), fs.rejected()));
            }
        }
        Status status = tried == 0 ? Status.WAITING
                : answered > 0 ? Status.ANSWERED
                : unreachable == tried ? Status.UNREACHABLE : Status.FAILED;
        String result = tried == 0 ? "waiting" : summarize(feeds);
        OutletState next = new OutletState(outlet.name(), outlet.group(), tried == 0 ? state.lastFetch() : now, result,
                state.added() + added, perDay, errors, feeds);
        try {
            store.put(next);
        } catch (IOException e) {
            log.accept("collect: cannot save state to " + store.file() + ": " + e.getMessage());
        }
        return new OutletOutcome(status, added, present, rejected, reasons);
    }

    /** A feed that failed three times or more in a row is tried less often: 5 min, 10, 20… up to 6 h. */
    static boolean backingOff(FeedState fs, Instant now) {
        if (fs.failures() < 3 || fs.lastFetch() == null) {
            return false;
        }
        Duration wait = Duration.ofMinutes(5L << Math.min(fs.failures() - 3, 7));
        if (wait.compareTo(Duration.ofHours(6)) > 0) {
            wait = Duration.ofHours(6);
        }
        return fs.lastFetch().plus(wait).isAfter(now);
    }

    private Article fullText(Article a, List<OutletState.ErrorEntry> errors, URI feed) {
        try {
            return FullText.enrich(a, fetcher);
        } catch (FetchException e) {
            if (e.kind() != FetchException.Kind.DISALLOWED_BY_ROBOTS) {
                errors.add(new OutletState.ErrorEntry(Instant.now(), feed.toString(), "page_"
                        + e.kind().name().toLowerCase(Locale.ROOT), e.getMessage()));
            }
            return a;
        }
    }

    /** Adds and commits under the engine lock; returns {added, already present}. */
    private long[] store(List<Article> articles, Map<String, Long> perDay) throws IOException {
        long added = 0;
        long present = 0;
        synchronized (engineLock) {
            for (Article a : articles) {
                Engine.AddOutcome outcome = engine.add(a);
                if (outcome == Engine.AddOutcome.ADDED) {
                    added++;
                    perDay.merge(a.day().toString(), 1L, Long::sum);
                } else {
                    present++;
                }
            }
            if (!articles.isEmpty()) {
                Map<String, String> checkpoint = new HashMap<>(engine.checkpoint());
                checkpoint.put(CHECKPOINT_KEY, Instant.now().toString());
                engine.commit(checkpoint);
            }
        }
        return new long[] {added, present};
    }

    private static String summarize(List<FeedState> feeds) {
        Set<String> results = new LinkedHashSet<>();
        feeds.forEach(f -> results.add(f.result() == null ? "waiting" : f.result()));
        if (results.size() == 1) {
            return results.iterator().next();
        }
        if (results.stream().allMatch(r -> r.equals("ok") || r.equals("not_modified"))) {
            return "ok";
        }
        return "partial";
    }

    @Override
    public void close() {
        stop();
        fetcher.close();
    }
}
