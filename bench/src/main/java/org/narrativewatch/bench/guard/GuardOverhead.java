package org.narrativewatch.bench.guard;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.QueryCost;
import org.narrativewatch.index.QueryGuard;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The price of issue 19.1's protections on an imported index: for each query its estimated cost
 * (term reads, postings, heavy or not) and the time of a timeline and a 20-hit search; then the CPU
 * time of all of them run plainly and under a {@link QueryGuard} (as the server runs them), rounds
 * alternated so that the machine's load falls on both alike:
 * <pre>
 * bench/run guard /tmp/idx                      # the dashboard load test's 20 queries
 * bench/run guard /tmp/idx 'пере* NEAR/1000 пере*' --rounds 0
 * </pre>
 */
@Command(name = "guard", mixinStandardHelpOptions = true,
        description = "Cost estimates of queries, and the CPU time the search guard adds (docs/reliability.md).")
public final class GuardOverhead implements Callable<Integer> {

    /** The dashboard load test's queries: every kind of the query language. */
    static final List<String> DASHBOARD = List.of("путин", "переговоры", "санкции", "мобилизация", "украина AND переговоры",
            "нато OR пентагон", "\"специальная военная операция\"", "путин AND (денацификация OR демилитаризация)",
            "переговоры NEAR/5 стамбул", "зеленский NOT путин", "перегов*", "=Путина", "курск*", "байден OR трамп",
            "донбасс AND обстрел*", "title:крым", "газ AND европа", "референдум", "минск*", "сво");

    @Parameters(index = "0", paramLabel = "INDEX", description = "An imported embedded index.")
    Path index;

    @Parameters(index = "1..*", paramLabel = "QUERY", description = "Queries (default: the dashboard load test's 20).")
    List<String> queries = new ArrayList<>();

    @Option(names = "--rounds", defaultValue = "12", description = "Alternated plain/guarded rounds (default: ${DEFAULT-VALUE}; 0: estimates only).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        List<String> qs = queries.isEmpty() ? DASHBOARD : queries;
        try (LuceneEngine engine = LuceneEngine.open(index)) {
            Corpus corpus = Corpus.of(engine);
            System.out.printf(Locale.ROOT, "%-50s %12s %14s %6s %10s%n", "query", "term reads", "postings", "heavy", "time");
            for (String q : qs) {
                Query query = Query.parse(q);
                String outcome;
                QueryCost cost = engine.cost(query);
                long t0 = System.nanoTime();
                try {
                    cost.requireWithinBudget();
                    corpus.timeline(query, Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES);
                    engine.search(query, Selection.ALL, 20, Engine.HitOrder.NEWEST);
                    outcome = String.format(Locale.ROOT, "%,.0f ms", (System.nanoTime() - t0) / 1e6);
                } catch (RuntimeException e) {
                    outcome = "refused";
                }
                System.out.printf(Locale.ROOT, "%-50s %,12d %,14d %6s %10s%n", q.length() > 50 ? q.substring(0, 49) + "…" : q,
                        cost.termReads(), cost.postings(), cost.heavy() ? "yes" : "no", outcome);
            }
            if (rounds > 0) {
                overhead(engine, corpus, qs);
            }
        }
        return 0;
    }

    private void overhead(LuceneEngine engine, Corpus corpus, List<String> qs) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] total = new long[2];
        for (int round = 0; round < rounds + 2; round++) {
            for (int guarded : new int[] {round % 2, 1 - round % 2}) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (String q : qs) {
                    Query query = Query.parse(q);
                    Callable<Object> work = () -> {
                        corpus.timeline(query, Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES);
                        return engine.search(query, Selection.ALL, 20, Engine.HitOrder.NEWEST);
                    };
                    try {
                        if (guarded == 1) {
                            QueryGuard.after(Duration.ofMinutes(5), false).call(work);
                        } else {
                            work.call();
                        }
                    } catch (RuntimeException e) {
                        // refused by the budget: the same for both
                    }
                }
                if (round >= 2) { // two warm-up rounds
                    total[guarded] += mx.getCurrentThreadCpuTime() - t0;
                }
            }
        }
        System.out.printf(Locale.ROOT, "CPU over %d rounds of %d queries (timeline + search): plain %,.0f ms, guarded %,.0f ms: ×%.3f%n",
                rounds, qs.size(), total[0] / 1e6, total[1] / 1e6, (double) total[1] / total[0]);
    }
}
