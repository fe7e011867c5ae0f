package org.narrativewatch.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON Lines, one article object a line (plain or gzip, see {@link Sources}).
 *
 * <p>A line that holds more than one value (two objects run together, or objects separated by
 * U+2028, U+2029 or NEL, which some exporters write as line breaks) yields every value; text after
 * a value that is not JSON is rejected with its column, never dropped in silence. Positions are
 * {@code line × 256 + value index}, so a checkpoint taken between two values of one line resumes
 * at the right one; messages name the line.
 */
public final class JsonlSource implements Source {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** values read from one line; more is refused with that reason */
    static final int MAX_VALUES_PER_LINE = 255;
    private static final int PER_LINE = 256;

    private final String name;
    private final LineReader lines;
    private final RecordMapper mapper;
    private final Deque<SourceRecord> pending = new ArrayDeque<>();

    public JsonlSource(String name, InputStream in, ImportDefaults defaults) {
        this.name = name;
        this.lines = new LineReader(in, Sources.MAX_RECORD_BYTES);
        this.mapper = new RecordMapper(defaults);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SourceRecord next() {
        while (pending.isEmpty()) {
            LineReader.Line line = lines.next();
            if (line == null) {
                return null;
            }
            String where = name + ":" + line.number();
            long base = line.number() * PER_LINE;
            if (line.error() != null) {
                return line.unterminated() ? cut(where, line.error(), base)
                        : new SourceRecord.Rejected(where, line.error(), base, line.fatal());
            }
            if (!line.text().isBlank()) {
                readValues(line.text(), where, base);
                if (line.unterminated() && pending.peekLast() instanceof SourceRecord.Rejected j
                        && (j.reason().startsWith("not JSON (") || j.reason().startsWith("not valid UTF-8"))) {
                    pending.pollLast();
                    pending.add(cut(where, j.reason(), j.position()));
                }
            }
        }
        return pending.poll();
    }

    /**
     * The last line, with no line end after it, that cannot be read (JSON that stops short, a
     * character cut in two): the file was cut inside it, which makes the file's import incomplete
     * rather than a rejected line of a file reported as read to its end.
     */
    private static SourceRecord.Rejected cut(String where, String why, long position) {
        return new SourceRecord.Rejected(where, "the file ends inside this line, which has no line end and cannot be"
                + " read (" + why + "); everything before it was read", position, true);
    }

    /** Every JSON value on the line, in order, into {@link #pending}. */
    private void readValues(String text, String where, long base) {
        int at = 0;
        for (int k = 0; ; k++) {
            at = skipSeparators(text, at);
            if (at >= text.length()) {
                return;
            }
            if (k == MAX_VALUES_PER_LINE) {
                pending.add(new SourceRecord.Rejected(where, "not JSON (more than " + MAX_VALUES_PER_LINE
                        + " values on one line; the rest of the line is skipped)", base + k));
                return;
            }
            JsonNode node;
            String rest = at == 0 ? text : text.substring(at);
            try (JsonParser p = JSON.createParser(rest)) {
                node = JSON.readTree(p);
                at += (int) p.currentLocation().getCharOffset();
            } catch (JsonProcessingException e) {
                String column = k == 0 ? "" : ", column " + (at + 1);
                pending.add(new SourceRecord.Rejected(where, "not JSON (" + e.getOriginalMessage() + column + ")", base + k));
                return;
            } catch (IOException e) {
                pending.add(new SourceRecord.Rejected(where, "not JSON (" + e.getMessage() + ")", base + k));
                return;
            }
            pending.add(toRecord(node, where, base + k));
        }
    }

    /** JSON whitespace plus the line and paragraph separators that exporters put between records. */
    private static int skipSeparators(String s, int at) {
        while (at < s.length()) {
            char c = s.charAt(at);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085'
                    || c == '\uFEFF') {
                at++;
            } else {
                break;
            }
        }
        return at;
    }

    private SourceRecord toRecord(JsonNode node, String where, long position) {
        if (node == null || !node.isObject()) {
            return new SourceRecord.Rejected(where, "not a JSON object", position);
        }
        Map<String, String> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isValueNode() && !v.isNull()) {
                fields.put(e.getKey().toLowerCase(java.util.Locale.ROOT), v.asText());
            }
        }
        try {
            return new SourceRecord.Parsed(mapper.map(fields), position, where);
        } catch (RecordMapper.BadRecord e) {
            return new SourceRecord.Rejected(where, e.getMessage(), position);
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
