package org.narrativewatch.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.narrativewatch.UserException;
import org.narrativewatch.index.QueryGuard;

/**
 * Runs engine calls on two small pools so that no query can hold up the others:
 * <ul>
 *   <li>every call starts on the light lane ({@code threads} workers, a queue of {@code queue});
 *   <li>a call whose estimated cost is heavy ({@link org.narrativewatch.index.QueryCost#heavy()}) is
 *       refused there before it searches and starts again on the heavy lane, which has fewer workers
 *       ({@code threads / 2}, at least one) and a shorter queue: expensive queries share what is left,
 *       cheap ones always find a light worker;
 *   <li>each call has {@code timeout} in all, queueing included. At the deadline its
 *       {@link QueryGuard} stops the engine's search (Lucene stops within milliseconds: the guard is
 *       checked in postings and interval iterators), the runner waits until the worker has really
 *       let go (at most {@link #STOP_GRACE}), and only then answers 503: the worker is free when the
 *       client hears "stopped".
 * </ul>
 * Over-budget queries never reach a pool's queue for long: the engine refuses them with a
 * {@link UserException} (400) after reading the term dictionary.
 */
final class QueryRunner implements AutoCloseable {

    /** How long a stopped call may take to let go of its worker before the 503 goes out anyway. */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final ThreadPoolExecutor light;
    private final ThreadPoolExecutor heavy;
    private final Duration timeout;
    private final AtomicInteger running = new AtomicInteger();

    QueryRunner(int threads, int queue, Duration timeout) {
        this.light = pool("nwatch-query-", threads, queue);
        int heavyThreads = Math.max(1, threads / 2);
        // heavy calls wait rather than fail while the lane is busy; a flood beyond the queue is refused at once
        this.heavy = pool("nwatch-heavy-query-", heavyThreads, Math.max(8, queue / 4));
        this.timeout = timeout;
    }

    private static ThreadPoolExecutor pool(String name, int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, name + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    interface EngineCall<T> {
        T call() throws IOException;
    }

    <T> T run(EngineCall<T> call) {
        QueryGuard guard = QueryGuard.after(timeout, true);
        try {
            return new Attempt<>(light, call, guard, "other queries").await();
        } catch (QueryGuard.MoveToHeavyLane e) {
            return new Attempt<>(heavy, call, guard.onHeavyLane(), "other expensive queries").await();
        }
    }

    /** Engine calls running right now, on both lanes (tests: the worker is free when the 503 is sent). */
    int busyWorkers() {
        return running.get();
    }

    /** One start of a call on one lane. */
    private final class Attempt<T> {
        private final QueryGuard guard;
        private final Future<T> future;
        private final AtomicBoolean started = new AtomicBoolean();
        private final CountDownLatch finished = new CountDownLatch(1);

        Attempt(ThreadPoolExecutor lane, EngineCall<T> call, QueryGuard guard, String others) {
            this.guard = guard;
            try {
                this.future = lane.submit(() -> {
                    started.set(true);
                    running.incrementAndGet();
                    try {
                        return guard.call(call::call);
                    } finally {
                        running.decrementAndGet();
                        finished.countDown();
                    }
                });
            } catch (RejectedExecutionException e) {
                throw new ApiException(503, "the server is busy with " + others + "; try again in a moment");
            }
        }

        T await() {
            try {
                return future.get(Math.max(0, guard.remaining().toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw stopped();
            } catch (CancellationException e) {
                throw stopped();
            } catch (InterruptedException e) {
                guard.stop();
                Thread.currentThread().interrupt();
                throw new ApiException(503, "interrupted");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof QueryGuard.Stopped) {
                    throw stopped();
                }
                if (c instanceof QueryGuard.MoveToHeavyLane m) {
                    throw m;
                }
                if (c instanceof UserException u) {
                    throw u;
                }
                if (c instanceof ApiException a) {
                    throw a;
                }
                if (c instanceof IOException io) {
                    throw new UncheckedIOException(io);
                }
                if (c instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(c);
            }
        }

        /** Stops the call, waits until its worker has let go, and says so. */
        private ApiException stopped() {
            guard.stop();
            future.cancel(false); // still queued: it never starts
            boolean free = true;
            if (started.get()) {
                try {
                    free = finished.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    free = false;
                }
            }
            return new ApiException(503, "the query took longer than " + seconds(guard.limit()) + " s and was "
                    + (free ? "stopped" : "told to stop") + "; narrow it (longer prefixes, fewer NEARs, a shorter date range)");
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        light.shutdownNow();
        heavy.shutdownNow();
    }
}
