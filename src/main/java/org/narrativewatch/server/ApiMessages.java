package org.narrativewatch.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Error messages as an HTTP client should read them. Domain code still words some errors for the command line
 * ("--to 2022-01-01 is before --from 2022-03-01", "--model must be …") and some name files on the server; until
 * those errors carry their fields (issue 18, part 3), the server rewrites them here, at its boundary, in one place:
 * a flag with its value becomes {@code name=value}, a bare flag "parameter name", and a server path its file name.
 */
final class ApiMessages {
    private ApiMessages() {}

    private static final Pattern FLAG_WITH_VALUE = Pattern.compile("--([a-z][a-z-]*) ([0-9][^\\s,;)]*)");
    private static final Pattern FLAG = Pattern.compile("--([a-z][a-z-]*)");
    /** An absolute path: a slash-led run of path characters, at a word start, with at least two parts. */
    private static final Pattern PATH = Pattern.compile("(?<![\\w/.:])(/[\\w.@+-]+){2,}/?");

    static String forClient(String message) {
        if (message == null) {
            return null;
        }
        String m = FLAG_WITH_VALUE.matcher(message).replaceAll("$1=$2");
        m = FLAG.matcher(m).replaceAll("parameter $1");
        Matcher p = PATH.matcher(m);
        StringBuilder out = new StringBuilder();
        while (p.find()) {
            String path = p.group();
            String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            p.appendReplacement(out, Matcher.quoteReplacement(trimmed.substring(trimmed.lastIndexOf('/') + 1)));
        }
        p.appendTail(out);
        return out.toString();
    }
}
