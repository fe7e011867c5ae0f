package org.narrativewatch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code nwatch opinion …}: poll series beside media series. */
@Command(name = "opinion", mixinStandardHelpOptions = true,
        description = "Poll series beside media series: import polls, list them, compare them with a query's timeline, "
                + "test which of two dated series leads the other, and find change points in a poll series.",
        subcommands = {
                OpinionImportCommand.class,
                OpinionListCommand.class,
                OpinionCompareCommand.class,
                OpinionLeadLagCommand.class,
                OpinionShiftsCommand.class,
        })
public final class OpinionCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: import, list, compare, leadlag or shifts");
    }
}
