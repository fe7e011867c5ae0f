package org.narrativewatch.bench;

import org.narrativewatch.bench.analysis.AnalysisThroughput;
import org.narrativewatch.bench.engines.EngineBench;
import org.narrativewatch.bench.guard.GuardOverhead;
import org.narrativewatch.bench.jmh.JmhCommand;
import org.narrativewatch.bench.load.DashboardLoad;
import org.narrativewatch.bench.terms.IndexTermsDiff;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point of every timing harness ({@code bench/run} calls it): the side-by-side comparison with
 * PostgreSQL and ripgrep, and the harnesses that look at one part closely. Run with the bench jar and the
 * product jar on the class path, so the code timed is the code users run.
 */
@Command(name = "bench/run", mixinStandardHelpOptions = true,
        description = {"Benchmarks of nwatch (docs/benchmarks.md). Without a command, bench/run runs 'compare'."},
        subcommands = {CompareCommand.class, JmhCommand.class, EngineBench.class, DashboardLoad.class,
                AnalysisThroughput.class, GuardOverhead.class, IndexTermsDiff.class, ProbeCommand.class, CommandLine.HelpCommand.class})
public final class Bench implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Bench()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BenchException) {
                cmd.getErr().println("bench: " + e.getMessage());
                return 1;
            }
            throw e;
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
