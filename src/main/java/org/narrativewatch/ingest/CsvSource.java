package org.narrativewatch.ingest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CSV with a header row naming the fields (the same names JSONL takes: url, date, source, title,
 * text, lang, group). Quoted fields may span lines; positions are record numbers, messages give the
 * line the record starts on.
 */
public final class CsvSource implements Source {

    private final String name;
    private final InputStream in;
    private final MappingIterator<Map<String, String>> rows;
    private final RecordMapper mapper;
    private long record;
    private boolean broken;

    public CsvSource(String name, InputStream in, ImportDefaults defaults) throws IOException {
        this.name = name;
        this.in = in;
        this.mapper = new RecordMapper(defaults);
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .enable(CsvParser.Feature.WRAP_AS_ARRAY);
        // Bad bytes become U+FFFF (a noncharacter, never in real text), and the record holding them
        // is rejected alone: a decoder that throws would end the file at its first bad byte.
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(BAD);
        try {
            this.rows = csv.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                    .readValues(new InputStreamReader(in, decoder));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw new org.narrativewatch.UserException(name + ": unreadable CSV header row (" + firstLine(e) + ")");
        }
    }

    private static final String BAD = "\uFFFF";

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse("").trim();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SourceRecord next() {
        if (broken) {
            return null;
        }
        long line = rows.getCurrentLocation() == null ? 0 : rows.getCurrentLocation().getLineNr();
        try {
            boolean more = rows.hasNextValue();
            if (record == 0 && rows.getParser() instanceof CsvParser p) {
                for (CsvSchema.Column c : p.getSchema()) {
                    if (c.getName().contains(BAD)) {
                        broken = true;
                        return new SourceRecord.Rejected(name + ":1", "not valid UTF-8 in the header row; nothing of"
                                + " the file can be read (convert it to UTF-8)", 1, true);
                    }
                }
            }
            if (!more) {
                return null;
            }
            line = rows.getCurrentLocation().getLineNr();
            Map<String, String> raw = rows.nextValue();
            record++;
            Map<String, String> fields = new HashMap<>();
            boolean badBytes = false;
            boolean badHeader = false;
            for (Map.Entry<String, String> e : raw.entrySet()) {
                badHeader |= e.getKey().contains(BAD);
                badBytes |= e.getValue() != null && e.getValue().contains(BAD);
                fields.put(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue());
            }
            String where = name + ":" + line;
            if (badHeader) {
                broken = true;
                return new SourceRecord.Rejected(name + ":1", "not valid UTF-8 in the header row; nothing of the file"
                        + " can be read (convert it to UTF-8)", record, true);
            }
            if (badBytes) {
                return new SourceRecord.Rejected(where, "not valid UTF-8", record);
            }
            try {
                return new SourceRecord.Parsed(mapper.map(fields), record, where);
            } catch (RecordMapper.BadRecord e) {
                return new SourceRecord.Rejected(where, e.getMessage(), record);
            }
        } catch (IOException | RuntimeJsonMappingException e) {
            // A CSV parser cannot find the next record reliably after a quoting or encoding error:
            // report where it happened and stop this file; what was read before is kept.
            broken = true;
            record++;
            return new SourceRecord.Rejected(name + ":" + Math.max(line, 1),
                    "unreadable CSV from here on (" + firstLine(e) + ")", record, true);
        }
    }

    @Override
    public void close() throws IOException {
        rows.close();
        in.close();
    }
}
