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
    private final EndWatch watch;
    private final MappingIterator<Map<String, String>> rows;
    private final RecordMapper mapper;
    private long record;
    private boolean broken;
    /** a failure met while looking past a record for the next one, reported on the next call */
    private Exception pending;
    private long pendingLine;

    /**
     * The bytes on their way to the CSV parser: the last one, and a read failure (a gzip file cut
     * short) held back as an end of input until the rows before it are out. Without this, the
     * decoder's read-ahead throws the failure before the parser hands out the complete rows it has
     * already read, and whether the last row was cut cannot be told.
     */
    static final class EndWatch extends java.io.FilterInputStream {
        int last = -1;
        IOException failure;

        EndWatch(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failure != null) {
                return -1;
            }
            try {
                int n = super.read(b, off, len);
                if (n > 0) {
                    last = b[off + n - 1];
                }
                return n;
            } catch (IOException e) {
                failure = e;
                return -1;
            }
        }

        boolean endsWithLineEnd() {
            return last == '\n' || last == '\r';
        }
    }

    public CsvSource(String name, InputStream in, ImportDefaults defaults) throws IOException {
        this.name = name;
        this.in = in;
        this.watch = new EndWatch(in);
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
                    .readValues(new InputStreamReader(watch, decoder));
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
        if (pending != null) {
            broken = true;
            record++;
            return unreadable(pendingLine, pending);
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
                if (watch.failure != null) {
                    // every row before the break was read; the break itself ends the file
                    broken = true;
                    record++;
                    return new SourceRecord.Rejected(name + ":" + Math.max(line, 1), "the file ends early or is corrupt ("
                            + firstLine(watch.failure) + "); everything before this line was read", record, true);
                }
                return null;
            }
            line = rows.getCurrentLocation().getLineNr();
            Map<String, String> raw = rows.nextValue();
            record++;
            if (isLast() && cut(raw)) {
                broken = true;
                return new SourceRecord.Rejected(name + ":" + line, "the file ends inside this record ("
                        + (watch.failure != null ? firstLine(watch.failure) : "it has " + raw.size() + " of the header's "
                        + columns() + " fields and no line end") + "); everything before it was read", record, true);
            }
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
            broken = true;
            record++;
            return unreadable(line, e);
        }
    }

    /**
     * Whether the row just read is the file's last, looking ahead; a failure while looking ahead
     * belongs to the next row and is reported on the next call.
     */
    private boolean isLast() {
        long next = rows.getCurrentLocation() == null ? 0 : rows.getCurrentLocation().getLineNr();
        try {
            return !rows.hasNextValue();
        } catch (IOException | RuntimeJsonMappingException e) {
            pending = e;
            pendingLine = next;
            return false;
        }
    }

    /**
     * The last row was cut: the input broke before its line end, or (a file that simply stops) it
     * has no line end and fewer fields than the header. A last row with every field and no line end
     * is taken as complete: many tools write no final line end, and nothing tells the two apart.
     */
    private boolean cut(Map<String, String> raw) {
        if (watch.endsWithLineEnd()) {
            return false;
        }
        return watch.failure != null || raw.size() < columns();
    }

    private int columns() {
        return rows.getParser() instanceof CsvParser p ? p.getSchema().size() : 0;
    }

    /** A CSV parser cannot find the next record reliably after a quoting or encoding error: the file stops here. */
    private SourceRecord.Rejected unreadable(long line, Exception e) {
        return new SourceRecord.Rejected(name + ":" + Math.max(line, 1),
                "unreadable CSV from here on (" + firstLine(e) + ")", record, true);
    }

    @Override
    public void close() throws IOException {
        rows.close();
        in.close();
    }
}
