package org.narrativewatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
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

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A UTF-8 writer on stdout or stderr, flushed at each line. */
    static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }

    /** {@code value} as indented JSON and a newline. */
    static void json(PrintWriter out, Object value) {
        out.println(jsonText(value));
        out.flush();
    }

    /** {@code value} as indented JSON, the one style every command prints. */
    static String jsonText(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
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
