package org.narrativewatch.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nwatch} command. Exit codes: 0 success, 1 a user error (one line on stderr), 2 a usage
 * error (picocli's message and the command's usage).
 */
@Command(name = "nwatch", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Track narratives in news: import, search, timelines, shifts.")
public final class Main implements Runnable {

    static final String VERSION = "nwatch 0.1.0";

    /**
     * The commands by name, in the order {@code nwatch --help} lists them; null for {@code timeline}, whose model is
     * built in code ({@link TimelineCommand#commandLine}). Named here so that a call finds its command without reading
     * any annotation (MainTest checks each name against its class's {@code @Command}).
     */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("help", CommandLine.HelpCommand.class);
        m.put("import", ImportCommand.class);
        m.put("timeline", TimelineCommand.class);
        m.put("search", SearchCommand.class);
        m.put("stats", StatsCommand.class);
        m.put("eval-morphology", EvalMorphologyCommand.class);
        m.put("eval-words", EvalWordsCommand.class);
        m.put("eval-names", EvalNamesCommand.class);
        m.put("explain", ExplainCommand.class);
        m.put("cooccur", CooccurCommand.class);
        m.put("opinion", OpinionCommand.class);
        m.put("collect", CollectCommand.class);
        m.put("status", StatusCommand.class);
        m.put("eval-changepoints", EvalChangepointsCommand.class);
        m.put("eval-events", EvalEventsCommand.class);
        m.put("shifts", ShiftsCommand.class);
        m.put("territory", TerritoryCommand.class);
        m.put("brief", BriefCommand.class);
        m.put("serve", ServeCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Every command. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        COMMANDS.forEach((name, c) -> cl.addSubcommand(subcommand(c)));
        return withErrorHandling(cl);
    }

    /** A command's own command line: picocli reads the annotations of all but {@code timeline}. */
    private static CommandLine subcommand(Class<?> c) {
        return c == TimelineCommand.class ? TimelineCommand.commandLine() : new CommandLine(c);
    }

    /**
     * The command line for one call: when {@code args} name a command, only that command is built. Picocli
     * instantiates and introspects every subcommand it is given, which took a third of a short call's start;
     * the full tree is still built for help, versions and unknown commands.
     */
    static CommandLine commandLine(String[] args) {
        Class<?> chosen = chosenCommand(args);
        if (chosen == null) {
            return commandLine();
        }
        CommandLine cl = OneCommand.commandLine();
        cl.addSubcommand(subcommand(chosen));
        return withErrorHandling(cl);
    }

    /** The subcommand class that {@code args} name, or null (help, an option, an unknown name). */
    static Class<?> chosenCommand(String[] args) {
        if (args.length == 0 || args[0].equals("help")) {
            return null;
        }
        return COMMANDS.get(args[0]);
    }

    /**
     * Main's own options and name, without its subcommands (see {@link #commandLine(String[])}), as
     * {@code @Command(name = "nwatch", mixinStandardHelpOptions = true, version = VERSION)} would describe it, built in
     * code (see {@link OptionModel}).
     */
    static final class OneCommand implements Runnable {
        CommandLine.Model.CommandSpec spec;

        static CommandLine commandLine() {
            OneCommand c = new OneCommand();
            c.spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(c).name("nwatch").version(VERSION);
            OptionModel.standardHelpOptions(c.spec);
            return new CommandLine(c.spec);
        }

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
        }
    }

    private static CommandLine withErrorHandling(CommandLine cl) {
        // a query such as -путин (NOT путин) is not an option: nwatch timeline -путин needs no "--"
        cl.setUnmatchedOptionsArePositionalParams(true);
        // every command writes through these (Output): UTF-8 whatever the platform's default
        cl.setOut(Output.utf8(java.io.FileDescriptor.out));
        cl.setErr(Output.utf8(java.io.FileDescriptor.err));
        // enum options (--by, --sort, --count, --method …) take their values in any case: "day", "DAY"
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new OneLineErrors());
        return cl;
    }

    /**
     * A command's exception as one line on stderr and exit code 1. A class, not a lambda: picocli's handler interface
     * is compiled for Java 5, and a lambda implementing it made the class-data sharing dump skip that interface (an
     * old class linked while dumping), so every call loaded and verified it from the jar.
     */
    private static final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) throws Exception {
            Throwable t = ex;
            while (!(t instanceof UserException) && t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            PrintWriter err = cmd.getErr();
            if (t instanceof UserException u) {
                err.println("nwatch: " + message(u));
                err.flush();
                return 1;
            }
            // Not the user's fault, but still one line: the trace is for a bug report, on request.
            if (System.getenv("NWATCH_DEBUG") != null) {
                throw ex;
            }
            String m = ex.getMessage() == null ? "" : ": " + ex.getMessage().lines().findFirst().orElse("");
            err.println("nwatch: internal error: " + ex.getClass().getSimpleName() + m
                    + " (run with NWATCH_DEBUG=1 for the stack trace, and report it)");
            err.flush();
            return 1;
        }
    }

    /** A user error as the command line says it: a setting named by its flag. */
    static String message(UserException e) {
        return e instanceof InvalidOptionException o ? o.message(InvalidOptionException.FLAG) : e.getMessage();
    }

    public static void main(String[] args) {
        StartTrace.mark("main");
        prepareInBackground(chosenCommand(args));
        CommandLine cl = commandLine(args);
        StartTrace.mark("command line built");
        int code = execute(cl, args);
        StartTrace.mark("done");
        StartTrace.print();
        System.exit(code);
    }

    /**
     * For the commands that analyse a query (timeline, search), reads the morphology dictionaries and builds the
     * query analyzers on another thread while this one builds the command line, opens the index and counts the
     * corpus' days: ~60 ms of a one-shot call's CPU that no longer adds to its wall time on a second core
     * (docs/benchmarks.md, "The CLI"). The same shared, immutable dictionaries the query then uses; a failure here
     * is left for the query to meet and report itself.
     */
    static void prepareInBackground(Class<?> command) {
        if (command != TimelineCommand.class && command != SearchCommand.class) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                org.narrativewatch.analysis.Analyzers.wordTerms("путин");
                StartTrace.mark("analyzers prepared");
            } catch (Throwable ignored) {
                // the query's own analysis meets the same problem and reports it
            }
        }, "nwatch-prepare");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Runs a command line; an Error picocli lets through (a stack overflow in a parser) is one line
     * and exit code 1 too, never a trace on the user's terminal. What the command wrote is flushed.
     */
    public static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (StackOverflowError e) {
            if (System.getenv("NWATCH_DEBUG") != null) {
                throw e;
            }
            cl.getErr().println("nwatch: internal error: input nested too deeply (StackOverflowError); "
                    + "run with NWATCH_DEBUG=1 for the stack trace, and report it");
            return 1;
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
        }
    }
}
