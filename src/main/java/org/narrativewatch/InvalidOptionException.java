package org.narrativewatch;

/**
 * A value given for a named setting that cannot be used, naming the setting neutrally ("model", "from",
 * "min-segment") so that each caller says it as its users write it: the CLI as a flag ("--model"), the API as a
 * query parameter ("parameter model"). {@link #message(Naming)} renders it; {@link #getMessage()} is the CLI's
 * rendering, for callers that print it as it is (logs, brief checks).
 *
 * <p>The problem reads after the setting's name: "must be day, week or month, not 'x'" gives "--by must be day,
 * week or month, not 'x'"; a problem starting with a colon follows the name directly ("--data: /x is not a
 * folder").
 */
public class InvalidOptionException extends UserException {

    /** How a caller writes a setting's neutral name. */
    @FunctionalInterface
    public interface Naming {
        String name(String option);
    }

    /** The command line's spelling: {@code --name}. */
    public static final Naming FLAG = option -> "--" + option;

    /** The HTTP API's spelling: {@code parameter name}. */
    public static final Naming PARAMETER = option -> "parameter " + option;

    private final String option;
    private final String problem;

    /**
     * @param option  the setting's neutral name, as the CLI flag without its dashes ("min-segment")
     * @param problem what is wrong, reading after the name ("must be at least 1, not 0")
     */
    public InvalidOptionException(String option, String problem) {
        this(option, problem, null);
    }

    public InvalidOptionException(String option, String problem, Throwable cause) {
        super(join(FLAG.name(option), problem), cause);
        this.option = option;
        this.problem = problem;
    }

    /** The setting's neutral name ("model"). */
    public String option() {
        return option;
    }

    /** What is wrong, without the setting's name. */
    public String problem() {
        return problem;
    }

    /**
     * The same problem with the setting named {@code other}: for a command that takes this setting under another
     * flag ({@code serve --geo} is what the territory commands call {@code --data}).
     */
    public InvalidOptionException as(String other) {
        return new InvalidOptionException(other, problem, this);
    }

    /** The message with settings named as {@code naming} writes them. */
    public String message(Naming naming) {
        return join(naming.name(option), problem);
    }

    protected static String join(String name, String problem) {
        return problem.startsWith(":") ? name + problem : name + " " + problem;
    }
}
