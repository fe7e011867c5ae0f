package org.narrativewatch.index;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.lucene.index.QueryTimeout;

/**
 * The time limit and the stop switch of one engine call, and the cost above which it must give up
 * its worker for the heavy lane. A caller that bounds its calls (the server's query pool) binds a
 * guard to the thread that runs the call ({@link #call}); the engines read it with
 * {@link #current()} and check it while they work: the embedded engine in Lucene's postings,
 * term, doc-value and point readers ({@link GuardedReader}), so a runaway interval query stops
 * within milliseconds of {@link #stop()} or its deadline; OpenSearch through the search body's
 * {@code timeout} and by dropping the request. A thread without a guard (the CLI) runs unbounded.
 *
 * <p>A thread-local rather than a parameter: the limit belongs to whoever schedules the call, not to
 * the engine seam, and the calls in between (Corpus, analyses) need not carry it.
 */
public final class QueryGuard implements QueryTimeout {

    private static final ThreadLocal<QueryGuard> CURRENT = new ThreadLocal<>();
    /** Checks are sampled: reading the clock on every posting would cost more than the search. */
    private static final int CHECK_EVERY = 256;

    private final long deadlineNanos;
    private final Duration limit;
    private final boolean lightLane;
    private volatile boolean stopped;
    private int calls;

    private QueryGuard(Duration limit, long deadlineNanos, boolean lightLane) {
        this.limit = limit;
        this.deadlineNanos = deadlineNanos;
        this.lightLane = lightLane;
    }

    /**
     * A guard that stops the call after {@code limit}. On the light lane a call whose estimated cost
     * is {@link QueryCost#heavy() heavy} is refused with {@link MoveToHeavyLane} before it searches.
     */
    public static QueryGuard after(Duration limit, boolean lightLane) {
        return new QueryGuard(limit, System.nanoTime() + limit.toNanos(), lightLane);
    }

    /** The same deadline on the heavy lane: for the call's second start there. */
    public QueryGuard onHeavyLane() {
        return new QueryGuard(limit, deadlineNanos, false);
    }

    /** The guard bound to this thread, or null when the call runs unbounded. */
    public static QueryGuard current() {
        return CURRENT.get();
    }

    /** Runs {@code work} on this thread with this guard bound. */
    public <T> T call(Callable<T> work) throws Exception {
        QueryGuard outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.call();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Stops the call at its next check (from any thread). */
    public void stop() {
        stopped = true;
    }

    /** Time left before the deadline (zero or negative when it has passed). */
    public Duration remaining() {
        return Duration.ofNanos(deadlineNanos - System.nanoTime());
    }

    /** The limit the caller set, for messages. */
    public Duration limit() {
        return limit;
    }

    @Override
    public boolean shouldExit() {
        return stopped || System.nanoTime() - deadlineNanos > 0;
    }

    /** Throws {@link Stopped} when the call is stopped or past its deadline. */
    public void check() {
        if (shouldExit()) {
            throw new Stopped(this);
        }
    }

    /**
     * A sampled {@link #check()} for the innermost loops (every posting, every position). The counter
     * is a plain field: a search runs on one thread, and a lost increment only delays one check.
     */
    void tick() {
        if (++calls >= CHECK_EVERY) {
            calls = 0;
            check();
        }
    }

    /** Refuses a call whose estimated work belongs on the heavy lane, before it starts searching. */
    public void admit(QueryCost cost) {
        if (lightLane && cost.heavy()) {
            throw new MoveToHeavyLane(cost);
        }
    }

    /** Checks {@code current()} if there is one: for engines, at points where a call can stop cleanly. */
    public static void checkCurrent() {
        QueryGuard g = CURRENT.get();
        if (g != null) {
            g.check();
        }
    }

    /** The call was stopped (deadline or {@link #stop()}); whatever it computed is discarded. */
    public static final class Stopped extends RuntimeException {
        Stopped(QueryGuard g) {
            super("the query was stopped after " + g.limit.toMillis() + " ms", null, false, false);
        }
    }

    /** The call's estimated work is over its lane's limit: start it again on the heavy lane. */
    public static final class MoveToHeavyLane extends RuntimeException {
        private final transient QueryCost cost;

        MoveToHeavyLane(QueryCost cost) {
            super("a heavy query (" + cost + ")", null, false, false);
            this.cost = cost;
        }

        public QueryCost cost() {
            return cost;
        }
    }
}
