package org.narrativewatch.opinion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Small fixtures for the opinion tests. */
final class PollTestData {
    private PollTestData() {}

    static PollPoint point(String answer, String start, String end, double percent) {
        return new PollPoint(new SeriesKey("Test", "q", answer), LocalDate.parse(start), LocalDate.parse(end), percent,
                1000, 1000, 1.0, PollPoint.Kind.SHARE, "", "", "test");
    }

    static Path write(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
