package org.narrativewatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Memory and CPU of a process and its children, read from /proc (Linux). A server's processes share
 * their buffer cache, so summing RSS would count it once per process; the proportional set size
 * (PSS, /proc/PID/smaps_rollup) splits each shared page between its users and so adds up correctly.
 */
final class ProcessTree {
    private final long root;

    ProcessTree(long root) {
        this.root = root;
    }

    /** The tree whose root's pid is the first line of {@code pidFile} (e.g. postmaster.pid). */
    static ProcessTree fromPidFile(Path pidFile) throws IOException {
        return new ProcessTree(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    }

    List<Long> pids() {
        List<Long> out = new ArrayList<>();
        out.add(root);
        try (var dirs = Files.list(Path.of("/proc"))) {
            dirs.forEach(d -> {
                String n = d.getFileName().toString();
                if (!n.chars().allMatch(Character::isDigit)) {
                    return;
                }
                long[] st = stat(Long.parseLong(n));
                if (st != null && st[0] == root) {
                    out.add(Long.parseLong(n));
                }
            });
        } catch (IOException e) {
            // a process list we cannot read gives just the root
        }
        return out;
    }

    /** Sum of PSS over the tree, MiB. */
    double pssMiB() {
        long kb = 0;
        for (long pid : pids()) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                    if (line.startsWith("Pss:")) {
                        kb += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended between listing and reading
            }
        }
        return kb / 1024.0;
    }

    /**
     * CPU seconds of the root including its reaped children (utime + stime + cutime + cstime) plus
     * the live children's own: the difference between two readings is what the tree spent between them,
     * whether its workers ended in between or not.
     */
    double cpuSeconds() {
        double ticks = 0;
        for (long pid : pids()) {
            long[] st = stat(pid);
            if (st != null) {
                ticks += st[1] + st[2] + (pid == root ? st[3] + st[4] : 0);
            }
        }
        return ticks / 100.0; // USER_HZ is 100 on Linux (sysconf(_SC_CLK_TCK))
    }

    /** ppid, utime, stime, cutime, cstime of a process, or null when it is gone. */
    private static long[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                    Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Samples the tree's PSS every {@code periodMs} on a daemon thread until closed; {@link #peakMiB()} is the largest. */
    static final class PeakSampler implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private volatile double peak;

        PeakSampler(ProcessTree tree, long periodMs) {
            thread = new Thread(() -> {
                while (running.get()) {
                    peak = Math.max(peak, tree.pssMiB());
                    try {
                        Thread.sleep(periodMs);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "pss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        double peakMiB() {
            return peak;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.interrupt();
            thread.join();
        }
    }
}
