package org.narrativewatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** JSON Lines, one article object a line (plain or gzip, see {@link Sources}). */
public final class JsonlSource implements Source {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final LineReader lines;
    private final RecordMapper mapper;

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
        while (true) {
            LineReader.Line line = lines.next();
            if (line == null) {
                return null;
            }
            String where = name + ":" + line.number();
            if (line.error() != null) {
                return new SourceRecord.Rejected(where, line.error(), line.number());
            }
            if (line.text().isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line.text());
            } catch (JsonProcessingException e) {
                return new SourceRecord.Rejected(where, "not JSON (" + e.getOriginalMessage() + ")", line.number());
            }
            if (node == null || !node.isObject()) {
                return new SourceRecord.Rejected(where, "not a JSON object", line.number());
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
                return new SourceRecord.Parsed(mapper.map(fields), line.number());
            } catch (RecordMapper.BadRecord e) {
                return new SourceRecord.Rejected(where, e.getMessage(), line.number());
            }
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
