package org.narrativewatch.brief;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One checked figure: its status with the reason, the value it computed (null when none), what was expected, and
 * everything the views need (fields for references, change points, chart, provenance) and the partial buckets of its
 * series (flagged in every view).
 */
public record Claim(String id, String kind, int line, String title, Status status, Double value, String unit, Double lo,
                    Double hi, JsonNode expected, String expectedText, String reason, Map<String, Object> fields,
                    List<Change> changes, Relative compare, LeadLagOutcome leadLag, Chart chart, List<String> commands,
                    List<DataFile> files, List<String> notes, List<PartialBucket> partials, long millis) {

    /** A figure that could not be computed: unknown, with the message as the reason. */
    static Claim unknown(FigureSpec f, String reason, long millis) {
        return new Claim(f.id(), f.kind() == null ? "figure" : f.kind(), f.line(), title(f), Status.UNKNOWN, null, null, null,
                null, f.expect(), null, reason, Map.of(), List.of(), null, null, null, List.of(), List.of(), List.of(), List.of(), millis);
    }

    static String title(FigureSpec f) {
        JsonNode t = f.root() == null ? null : f.root().get("title");
        return t == null || t.isNull() ? null : t.asText();
    }
}
