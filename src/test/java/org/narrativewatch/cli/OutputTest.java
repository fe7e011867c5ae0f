package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;
import org.narrativewatch.timeline.SeriesFormat;

/** JSON streamed as bytes on the process' own stream is the text the same generator writes to any other writer. */
class OutputTest {

    @TempDir
    Path tmp;

    private static void write(PrintWriter out, Series s, Map<String, Object> prov, boolean pretty) throws Exception {
        out.print("before\n");
        JsonGenerator g = Output.generator(out);
        if (pretty) {
            g.useDefaultPrettyPrinter();
        }
        SeriesFormat.writeJson(s, prov, g);
        g.flush();
        out.println();
        out.print("after «ё» \uD83D\uDE00\n");
        out.flush();
    }

    @Test
    void bytesOnTheProcessStreamEqualTheWriterText() throws Exception {
        Series s = new Series("путин AND \"a \\\" b\" \u0001 \uD83D\uDE00", Bucketing.DAY, LocalDate.of(999, 12, 31),
                LocalDate.of(2022, 3, 1), "articles", List.of(new Bucket(LocalDate.of(999, 12, 31), 1, 3, 1, false),
                new Bucket(LocalDate.of(2022, 2, 28), 0, 0, 1, false), new Bucket(LocalDate.of(2022, 3, 1), 2, 7, 1, true)));
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("selection", Map.of("outlets", List.of("ё"), "langs", List.of()));
        prov.put("snapshot", "lucene:/x@v3/10 docs");
        for (boolean pretty : new boolean[] {false, true}) {
            StringWriter text = new StringWriter();
            write(new PrintWriter(text), s, prov, pretty);
            Path f = tmp.resolve("out" + pretty);
            try (FileOutputStream fo = new FileOutputStream(f.toFile())) {
                write(Output.utf8(fo.getFD()), s, prov, pretty);
            }
            assertEquals(text.toString(), Files.readString(f));
            assertArrayEquals(text.toString().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(f));
        }
    }
}
