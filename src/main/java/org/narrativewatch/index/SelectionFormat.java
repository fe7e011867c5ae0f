package org.narrativewatch.index;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/**
 * A {@link Selection} as written beside every figure, so that an export says what made it: in JSON
 * {@code {"from", "to", "outlets", "groups", "langs"}} (null dates: the corpus' ends; empty lists: all), in a CSV
 * header comment one line {@code from=… to=… outlets=… groups=… langs=…}. The CLI and the API write both.
 */
public final class SelectionFormat {
    private SelectionFormat() {}

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    public static ObjectNode toJson(Selection sel) {
        ObjectNode o = F.objectNode();
        o.put("from", sel.from() == null ? null : sel.from().toString());
        o.put("to", sel.to() == null ? null : sel.to().toString());
        o.set("outlets", sorted(sel.outlets()));
        o.set("groups", sorted(sel.groups()));
        o.set("langs", sorted(sel.langs()));
        return o;
    }

    /** One line for a CSV header comment. */
    public static String toText(Selection sel) {
        return "from=" + (sel.from() == null ? "start" : sel.from())
                + " to=" + (sel.to() == null ? "end" : sel.to())
                + " outlets=" + (sel.outlets().isEmpty() ? "all" : String.join("|", sel.outlets().stream().sorted().toList()))
                + " groups=" + (sel.groups().isEmpty() ? "all" : String.join("|", sel.groups().stream().sorted().toList()))
                + " langs=" + (sel.langs().isEmpty() ? "all" : String.join("|", sel.langs().stream().sorted().toList()));
    }

    private static ArrayNode sorted(Collection<String> c) {
        ArrayNode a = F.arrayNode();
        c.stream().sorted().forEach(a::add);
        return a;
    }
}
