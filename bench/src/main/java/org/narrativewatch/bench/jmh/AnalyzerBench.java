package org.narrativewatch.bench.jmh;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.narrativewatch.analysis.Analyzers;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Index-time analysis speed through {@link Analyzers#index}, the chain the importer uses: JMH's
 * {@code :tokens} line is tokens emitted per second (every term the chain stacks at a position —
 * exact form, lemmas — counts), the plain line is passes over the 2,000-text sample per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalyzerBench {

    @Param({"ru", "en"})
    public String lang;

    private List<String> texts;
    private Analyzer reused;

    /** Tokens produced, reported by JMH as a rate beside the invocation rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Tokens {
        public long tokens;

        @Setup(Level.Iteration)
        public void clear() {
            tokens = 0;
        }
    }

    @Setup(Level.Trial)
    public void load() {
        texts = Samples.texts(lang, 2000);
        reused = Analyzers.index(lang);
    }

    @Benchmark
    public long analyse(Tokens t) throws IOException {
        long n = 0;
        for (String s : texts) {
            n += count(reused, s);
        }
        t.tokens += n;
        return n;
    }

    private static long count(Analyzer a, String text) throws IOException {
        long n = 0;
        try (TokenStream ts = a.tokenStream("body", text)) {
            ts.reset();
            while (ts.incrementToken()) {
                n++;
            }
            ts.end();
        }
        return n;
    }
}
