package org.narrativewatch.cli;

/**
 * Where a one-shot call's time goes: with {@code NWATCH_TRACE=1} in the environment, the milliseconds since the
 * JVM started at each named point of the call, on stderr when it ends (docs/benchmarks.md, "The CLI, second
 * round"). Off, a call costs one environment lookup.
 */
public final class StartTrace {
    private StartTrace() {}

    private static final boolean ON = System.getenv("NWATCH_TRACE") != null;
    private static final StringBuilder LOG = ON ? new StringBuilder() : null;
    private static final long START_MS = ON ? ProcessHandle.current().info().startInstant()
            .map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis()) : 0;
    private static final long BASE_NS = System.nanoTime();
    private static final long BASE_MS = ON ? System.currentTimeMillis() - START_MS : 0;

    /** Records that the call reached {@code point} (on the calling thread). */
    public static void mark(String point) {
        if (ON) {
            double ms = BASE_MS + (System.nanoTime() - BASE_NS) / 1e6;
            synchronized (LOG) {
                LOG.append(String.format(java.util.Locale.ROOT, "%8.1f ms  %-28s %s%n", ms, point,
                        Thread.currentThread().getName()));
            }
        }
    }

    /** Prints what was recorded, if anything. */
    public static void print() {
        if (ON) {
            synchronized (LOG) {
                System.err.print("nwatch trace (ms since the process started):\n" + LOG);
            }
        }
    }
}
