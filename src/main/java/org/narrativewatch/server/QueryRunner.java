package org.narrativewatch.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.narrativewatch.UserException;

/**
 * Runs engine calls on a small pool so that query cost is bounded: at most {@code threads} run at
 * once, at most {@code queue} wait, and a caller gets a 503 after {@code timeout} instead of
 * holding a web thread on a runaway query. The engine caps prefix expansion itself.
 */
final class QueryRunner implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final Duration timeout;

    QueryRunner(int threads, int queue, Duration timeout) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "nwatch-query-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.timeout = timeout;
    }

    interface EngineCall<T> {
        T call() throws IOException;
    }

    <T> T run(EngineCall<T> call) {
        Future<T> f;
        try {
            f = pool.submit((Callable<T>) call::call);
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "the server is busy with other queries; try again in a moment");
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ApiException(503, "the query took longer than " + timeout.toSeconds()
                    + " s and was stopped; narrow it (fewer prefixes, a shorter date range)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
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

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
