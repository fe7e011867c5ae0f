package org.narrativewatch.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * How every command writes: to its command line's writers ({@code spec.commandLine().getOut()} and
 * {@code getErr()}), which {@link Main} sets to UTF-8 on stdout and stderr whatever the platform default (titles,
 * queries and poll questions are Cyrillic) and which tests replace with buffers; JSON in one style.
 */
final class Output {
    private Output() {}

    /**
     * The mapper every command's JSON goes through, made on first use: setting up databind (and the time module) was
     * a tenth of a one-shot call, and a timeline streams its JSON without it ({@link #generator}).
     */
    static ObjectMapper json() {
        return Mapper.JSON;
    }

    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** jackson-core alone: a generator with the settings of {@link #json()}'s, which the mapper does not change. */
    private static final JsonFactory STREAMS = new JsonFactory();
    /** The same for bytes: a character beyond the BMP stays one UTF-8 character, as a Writer gets it, not \\u escapes. */
    private static final JsonFactory BYTES = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    /**
     * A streaming JSON writer on {@code out} that leaves it open, without any mapper: the same bytes as
     * {@code json().createGenerator(out)} for everything written token by token (tested). On the process' own
     * standard output it writes UTF-8 bytes straight to the stream (after flushing {@code out}): encoding the
     * characters of a ~1 MB series a second time was a sixth of the batch's time. Flush it before writing to
     * {@code out} again.
     */
    static JsonGenerator generator(PrintWriter out) throws IOException {
        if (out instanceof Utf8Writer w) {
            w.flush();
            return BYTES.createGenerator(w.stream, JsonEncoding.UTF8).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        }
        return STREAMS.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** A UTF-8 writer on stdout or stderr, flushed at each line. */
    static PrintWriter utf8(FileDescriptor fd) {
        return new Utf8Writer(new FileOutputStream(fd));
    }

    /** The UTF-8 writer on one of the process' streams, which {@link #generator} may write to as bytes. */
    private static final class Utf8Writer extends PrintWriter {
        final OutputStream stream;

        Utf8Writer(OutputStream stream) {
            super(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
            this.stream = stream;
        }
    }

    /** {@code value} as indented JSON and a newline. */
    static void json(PrintWriter out, Object value) {
        out.println(jsonText(value));
        out.flush();
    }

    /** {@code value} as indented JSON, the one style every command prints. */
    static String jsonText(Object value) {
        try {
            return json().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text}, ending with one newline, flushed. */
    static void text(PrintWriter out, String text) {
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
    }
}
