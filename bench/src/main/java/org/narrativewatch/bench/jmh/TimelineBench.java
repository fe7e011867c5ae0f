package org.narrativewatch.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Daily-timeline latency on an index built in setup from {@code docs} texts spread over {@code days}
 * days: the query, the per-day collector over doc values, the per-day totals and the folding into
 * buckets, through the public {@link Corpus#timeline} call a server makes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TimelineBench {

    @Param({"100000"})
    public int docs;

    @Param({"3650"})
    public int days;

    private Path dir;
    private LuceneEngine engine;
    private Query word;
    private Query andOr;
    private Query phrase;

    @Setup(Level.Trial)
    public void build() throws IOException {
        dir = Files.createTempDirectory("nwatch-jmh-timeline");
        List<String> texts = Samples.texts("ru", 5000);
        Random rnd = new Random(7);
        OffsetDateTime start = OffsetDateTime.of(2015, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        try (LuceneEngine w = LuceneEngine.open(dir)) {
            for (int i = 0; i < docs; i++) {
                String text = texts.get(i % texts.size());
                w.add(new Article("https://example.org/a/" + i, "outlet" + (i % 7), null,
                        start.plusDays(rnd.nextInt(days)), DateQuality.EXACT, "ru", "", text, null));
            }
            w.commit(Map.of());
        }
        engine = LuceneEngine.open(dir);
        word = Query.parse("президент");
        andOr = Query.parse("президент AND (переговоры OR встреча)");
        phrase = Query.parse("\"министр обороны\"");
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        engine.close();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Series timeline(Query q) throws IOException {
        return Corpus.of(engine).timeline(q, Selection.ALL, Bucketing.DAY, Engine.CountUnit.ARTICLES);
    }

    @Benchmark
    public Series word() throws IOException {
        return timeline(word);
    }

    @Benchmark
    public Series andOr() throws IOException {
        return timeline(andOr);
    }

    @Benchmark
    public Series phrase() throws IOException {
        return timeline(phrase);
    }

    @Benchmark
    public Series stories() throws IOException {
        return Corpus.of(engine).timeline(word, Selection.ALL, Bucketing.DAY, Engine.CountUnit.STORIES);
    }
}
