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
            // the calling thread's CPU time too: on a loaded machine the wall time of a phase says little
            double cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6;
            synchronized (LOG) {
                LOG.append(String.format(java.util.Locale.ROOT, "%8.1f ms  (thread CPU %6.1f ms, %6d page faults)  %-28s %s%n",
                        ms, cpu, minorFaults(), point,
                        Thread.currentThread().getName()));
            }
        }
    }

    /** The calling thread's minor page faults so far (Linux), or -1. */
    private static long minorFaults() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/thread-self/stat"));
            // fields after the command name (which may hold spaces): state ppid pgrp session tty tpgid flags minflt
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[7]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
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
