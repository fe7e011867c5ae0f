package org.narrativewatch.brief;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One fenced {@code figure} block as written: its id, its kind (the one kind key it holds), the kind's body, the
 * optional {@code expect} clause and where it sits. {@code problem} is non-null when the block could not be read
 * (bad YAML, no id, two kinds, ...); the figure is then {@code unknown} with that message.
 *
 * @param line      1-based line of the opening fence
 * @param bodyLine  1-based line of the block's first YAML line
 * @param yaml      the block's text
 */
public record FigureSpec(String id, String kind, JsonNode body, JsonNode expect, JsonNode root, int line, int bodyLine,
                         String yaml, String problem) {

    /** The 1-based file line of {@code key}'s first occurrence in the block, else the fence's line. */
    public int lineOf(String key) {
        Pattern p = Pattern.compile("(^|[\\s{,\\-])" + Pattern.quote(key) + "\\s*:");
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).find()) {
                return bodyLine + i;
            }
        }
        return line;
    }

    public boolean malformed() {
        return problem != null;
    }
}
