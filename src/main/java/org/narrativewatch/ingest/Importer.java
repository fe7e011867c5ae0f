package org.narrativewatch.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.narrativewatch.article.Article;
import org.narrativewatch.index.Engine;

/**
 * Drives a {@link Source} into an {@link Engine}: counts, commits every {@code commitEvery} records
 * or {@code commitSeconds}, and records in each commit how far the source was consumed, so that a
 * run killed at any moment loses only uncommitted work and a re-run resumes after the checkpoint.
 * Re-running over committed records is harmless either way: the engine keys articles by identity.
 */
public final class Importer {

    private static final int MAX_EXAMPLES = 20;

    private final Engine engine;
    private final int commitEvery;
    private final long commitNanos;
    private final PrintStream progress;
    private DateWindow dates = DateWindow.defaults();

    /** @param progress where to draw a progress line (a terminal), or null for none */
    public Importer(Engine engine, int commitEvery, double commitSeconds, PrintStream progress) {
        this.engine = engine;
        this.commitEvery = commitEvery;
        this.commitNanos = (long) (commitSeconds * 1e9);
        this.progress = progress;
    }

    /** Accept only publication dates inside this window (default: 1900-01-01 to 36 h from now). */
    public Importer dates(DateWindow window) {
        this.dates = window;
        return this;
    }

    /** The checkpoint key of a source: its name plus, for files, size and modification time. */
    static String checkpointKey(String sourceName) {
        Path p = Path.of(sourceName);
        try {
            if (Files.isRegularFile(p)) {
                return "source:" + p.toAbsolutePath().normalize() + "|" + Files.size(p) + "|"
                        + Files.getLastModifiedTime(p).toMillis();
            }
        } catch (IOException | RuntimeException e) {
            // fall through: not a file we can fingerprint
        }
        return "source:" + sourceName;
    }

    /** Records analysed in parallel at a time; a commit only ever falls between batches. */
    static final int BATCH = 512;

    public ImportReport run(Source source) throws IOException {
        int threads = engine.concurrentAdds() ? Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())) : 1;
        java.util.concurrent.ExecutorService pool = threads > 1 ? java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nwatch-import");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            return run(source, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private ImportReport run(Source source, java.util.concurrent.ExecutorService pool) throws IOException {
        long t0 = System.nanoTime();
        String key = checkpointKey(source.name());
        Map<String, String> checkpoint = new HashMap<>(engine.checkpoint());
        long resumeAfter = parsePosition(checkpoint.get(key));
        engine.beginImport();
        Tally t = new Tally();
        Map<String, Long> reasons = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        String failure = null;
        long sinceCommit = 0;
        long lastCommit = System.nanoTime();
        long lastDraw = 0;
        long position = resumeAfter;
        SourceRecord r;
        List<SourceRecord.Parsed> batch = new ArrayList<>(BATCH);
        java.util.Set<String> batchKeys = new java.util.HashSet<>();
        // The batch being added while the next one is read: reading and parsing (this thread) overlap the
        // analysis (the pool). A key of the batch in flight counts present in the next one, as it would
        // if the batches ran one after the other: the first in file order is the one added.
        InFlight inFlight = null;
        boolean more = true;
        while (more) {
            try {
                r = source.next();
            } catch (IOException | RuntimeException | StackOverflowError e) {
                // the source as a whole became unreadable: what was read before is kept and committed
                r = null;
                failure = failureMessage(source.name(), e);
            }
            more = r != null;
            if (r != null) {
                t.read++;
                if (r.position() <= resumeAfter) {
                    t.skipped++;
                    continue;
                }
                position = r.position();
                if (r instanceof SourceRecord.Parsed p) {
                    String refusal = ArticleCheck.refusal(p.article(), dates);
                    String k = p.article().key();
                    if (refusal != null) {
                        r = new SourceRecord.Rejected(where(source, p), refusal, p.position());
                    } else if ((inFlight == null || !inFlight.keys.contains(k)) && batchKeys.add(k)) {
                        // a key twice in one batch: the first is added, in file order, the second counted present
                        batch.add(p);
                    } else {
                        t.present++;
                    }
                }
                if (r instanceof SourceRecord.Rejected j) {
                    t.rejected++;
                    reasons.merge(reasonClass(j.reason()), 1L, Long::sum);
                    if (examples.size() < MAX_EXAMPLES) {
                        examples.add(j.toString());
                    }
                    if (j.endsSource() && failure == null) {
                        failure = j.toString();
                    }
                }
                sinceCommit++;
            }
            if (batch.size() >= BATCH || (!more && !batch.isEmpty())) {
                if (inFlight != null) {
                    finish(inFlight, source, t, reasons, examples);
                }
                inFlight = new InFlight(batch, batchKeys, submit(batch, pool));
                batch = new ArrayList<>(BATCH);
                batchKeys = new java.util.HashSet<>();
            }
            long now = System.nanoTime();
            if (batch.isEmpty() && sinceCommit > 0 && more && (sinceCommit >= commitEvery || now - lastCommit >= commitNanos)) {
                // everything read so far is added before the commit records how far the source was read
                if (inFlight != null) {
                    finish(inFlight, source, t, reasons, examples);
                    inFlight = null;
                }
                checkpoint.put(key, Long.toString(position));
                engine.commit(checkpoint);
                sinceCommit = 0;
                lastCommit = now;
            }
            if (progress != null && now - lastDraw > 250_000_000L) {
                lastDraw = now;
                double s = (now - t0) / 1e9;
                progress.printf(java.util.Locale.ROOT, "\r%,d read  %,d added  %,d present  %,d rejected  %,.0f/s ", t.read, t.added, t.present,
                        t.rejected, t.read / Math.max(s, 1e-9));
                progress.flush();
            }
        }
        if (inFlight != null) {
            finish(inFlight, source, t, reasons, examples);
        }
        long considered = t.read - t.skipped;
        if (failure == null && considered > 0 && t.rejected == considered) {
            // every record refused: most likely the wrong file or the wrong format, which a user must hear
            failure = source.name() + ": none of its " + considered + " records could be imported (first: "
                    + (examples.isEmpty() ? "?" : examples.get(0)) + ")";
        }
        // An incomplete file is not checkpointed at its end: a re-run after the file is repaired or
        // completed reads it again (what is stored already is counted present, not added twice).
        if (failure == null) {
            checkpoint.put(key, Long.toString(position));
        }
        engine.finishImport(checkpoint);
        if (progress != null) {
            progress.print("\r" + " ".repeat(79) + "\r");
            progress.flush();
        }
        return new ImportReport(source.name(), t.read, t.added, t.present, t.rejected, t.skipped, new LinkedHashMap<>(reasons),
                examples, (System.nanoTime() - t0) / 1e9, failure);
    }

    private static String where(Source source, SourceRecord.Parsed p) {
        return p.where() != null ? p.where() : source.name() + ":" + p.position();
    }

    /** One line for a source that failed as a whole: its name once, then what went wrong. */
    public static String failureMessage(String sourceName, Throwable e) {
        String m;
        if (e instanceof StackOverflowError) {
            m = "structure nested too deeply to read";
        } else if (e instanceof org.narrativewatch.UserException) {
            m = e.getMessage();
        } else {
            m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        m = m.replaceAll("\\s+", " ").trim();
        return m.startsWith(sourceName) ? m : sourceName + ": " + m;
    }

    /** A batch handed to the pool: its records, their keys, and one future per record. */
    private record InFlight(List<SourceRecord.Parsed> batch, java.util.Set<String> keys,
                            List<java.util.concurrent.Future<Object>> outcomes) {}

    /** The counters of one run. */
    private static final class Tally {
        long read, added, present, rejected, skipped;
    }

    /**
     * Starts adding a batch; each record's outcome is the engine's {@link Engine.AddOutcome} or, for an
     * article the engine refused (an argument it cannot index), the refusal's message. Refusals are
     * per record: the pre-checks of {@link ArticleCheck} make them rare, this keeps them local. Without
     * a pool the batch is added here and now.
     */
    private List<java.util.concurrent.Future<Object>> submit(List<SourceRecord.Parsed> batch,
                                                             java.util.concurrent.ExecutorService pool) throws IOException {
        List<java.util.concurrent.Future<Object>> futures = new ArrayList<>(batch.size());
        for (SourceRecord.Parsed p : batch) {
            if (pool == null) {
                futures.add(java.util.concurrent.CompletableFuture.completedFuture(addOne(p.article())));
            } else {
                futures.add(pool.submit(() -> addOne(p.article())));
            }
        }
        return futures;
    }

    /** Waits for a batch's outcomes and counts them; refusals are reported like rejected records. */
    private void finish(InFlight f, Source source, Tally t, Map<String, Long> reasons, List<String> examples) throws IOException {
        for (int i = 0; i < f.outcomes.size(); i++) {
            Object o;
            try {
                o = f.outcomes.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("import interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IOException(e.getCause());
            }
            if (o == Engine.AddOutcome.ALREADY_PRESENT) {
                t.present++;
            } else if (o instanceof Engine.AddOutcome) {
                t.added++;
            } else {
                SourceRecord.Rejected j = new SourceRecord.Rejected(where(source, f.batch.get(i)),
                        "refused by the index: " + o, f.batch.get(i).position());
                t.rejected++;
                reasons.merge(reasonClass(j.reason()), 1L, Long::sum);
                if (examples.size() < MAX_EXAMPLES) {
                    examples.add(j.toString());
                }
            }
        }
    }

    private Object addOne(Article a) throws IOException {
        try {
            return engine.add(a);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            return m.length() > 200 ? m.substring(0, 197) + "..." : m;
        }
    }

    private static long parsePosition(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Groups rejection messages into classes for the counters ("field date: ... is in the future" →
     * "date in the future"); the collector counts its refusals in the same classes.
     */
    public static String reasonClass(String reason) {
        if (reason.contains("in the future")) {
            return "date in the future";
        }
        if (reason.startsWith("date before") || (reason.startsWith("field date") && reason.contains(" is before "))) {
            return "date before the accepted window";
        }
        if (reason.startsWith("date after") || (reason.startsWith("field date") && reason.contains(" is after "))) {
            return "date after the accepted window";
        }
        if (reason.startsWith("field too long: ")) {
            int is = reason.indexOf(" is ");
            return is > 0 ? reason.substring(0, is) : "field too long";
        }
        if (reason.startsWith("refused by the index")) {
            return "refused by the index";
        }
        if (reason.startsWith("field date") || reason.startsWith("no date")) {
            return reason.startsWith("no date") ? "no date" : "unreadable date";
        }
        if (reason.startsWith("not JSON") || reason.startsWith("not a JSON")) {
            return "not JSON";
        }
        if (reason.startsWith("not valid UTF-8")) {
            return "bad UTF-8";
        }
        if (reason.startsWith("the file ends") || reason.startsWith("unreadable ") && reason.contains(" from here on")) {
            return "truncated or corrupt file";
        }
        int colon = reason.indexOf(" (");
        String c = colon > 0 ? reason.substring(0, colon) : reason;
        return c.length() > 80 ? c.substring(0, 77) + "..." : c;
    }
}
