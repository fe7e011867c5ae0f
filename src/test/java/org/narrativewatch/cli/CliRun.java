package org.narrativewatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of {@code nwatch} in-process, as the command tests make it: the exit code and what went to stdout and stderr. */
public record CliRun(int code, String out, String err) {

    /** Runs the CLI with {@code args} through the same command line {@code nwatch} builds. */
    public static CliRun run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
