package org.narrativewatch.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** JMH's own command line over the microbenchmarks of this package (every argument goes to JMH unchanged). */
@Command(name = "jmh", description = {"JMH microbenchmarks (AnalyzerBench, TimelineBench).", "Arguments go to JMH as they are, e.g.",
        "  bench/run jmh 'AnalyzerBench|TimelineBench' -p docs=50000 -wi 2 -w 2 -i 3 -r 2 -f 1", "(bench/run jmh -h: JMH's help)"})
public final class JmhCommand implements Callable<Integer> {

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(args.toArray(String[]::new));
        return 0;
    }
}
