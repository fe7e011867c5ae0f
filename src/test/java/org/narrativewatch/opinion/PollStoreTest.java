package org.narrativewatch.opinion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.UserException;

class PollStoreTest {

    @TempDir
    Path dir;

    @Test
    void theStoreSitsBesideTheIndexFolder() {
        assertEquals(dir.resolve("data/polls.json"), PollStore.besideIndex(dir.resolve("data/index")));
    }

    @Test
    void reimportAddsNothingAndChangedFiguresReplace() throws IOException {
        Path file = dir.resolve("polls.json");
        PollStore s = PollStore.open(file);
        List<PollPoint> pts = List.of(PollTestData.point("yes", "2024-01-10", "2024-01-20", 40),
                PollTestData.point("yes", "2024-02-10", "2024-02-20", 42),
                PollTestData.point("no", "2024-01-10", "2024-01-20", 55));
        assertEquals(new PollStore.Merge(3, 0, 0), s.merge(pts));
        s.save();

        PollStore again = PollStore.open(file);
        assertEquals(3, again.size());
        assertEquals(new PollStore.Merge(0, 0, 3), again.merge(pts));
        assertEquals(new PollStore.Merge(0, 1, 0), again.merge(List.of(PollTestData.point("yes", "2024-02-10", "2024-02-20", 43))));
        again.save();

        PollStore reread = PollStore.open(file);
        PollSeries yes = reread.find("test/q/yes");
        assertEquals(List.of(40.0, 43.0), yes.points().stream().map(PollPoint::percent).toList());
        assertEquals(pts.get(0), yes.points().get(0), "a point survives the round trip unchanged");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary files left behind");
        }
    }

    @Test
    void seriesAreFoundByIdOrAUniquePart() {
        PollStore s = PollStore.open(dir.resolve("p.json"));
        s.merge(List.of(PollTestData.point("yes", "2024-01-10", "2024-01-20", 40),
                PollTestData.point("no", "2024-01-10", "2024-01-20", 55)));
        assertEquals("test/q/no", s.find("q/no").id());
        UserException ambiguous = assertThrows(UserException.class, () -> s.find("test/q"));
        assertTrue(ambiguous.getMessage().contains("ambiguous"), ambiguous.getMessage());
        UserException absent = assertThrows(UserException.class, () -> s.find("levada"));
        assertTrue(absent.getMessage().contains("no poll series 'levada'"), absent.getMessage());
    }

    @Test
    void aDamagedStoreIsAUserErrorNotASilentReset() throws IOException {
        Path file = dir.resolve("polls.json");
        Files.writeString(file, "{\"format\": 1, \"points\": [");
        UserException e = assertThrows(UserException.class, () -> PollStore.open(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        Files.writeString(file, "{\"format\": 99, \"points\": []}");
        assertThrows(UserException.class, () -> PollStore.open(file));
    }

    @Test
    void aPollSeriesBecomesARespondentTimelineForTheShiftDetector() {
        PollSeries s = new PollSeries(new SeriesKey("Test", "q", "yes"), List.of(
                PollTestData.point("yes", "2024-01-10", "2024-01-20", 40),
                PollTestData.point("yes", "2024-03-01", "2024-03-31", 45.5)));
        var t = s.toTimeline(org.narrativewatch.timeline.Bucketing.MONTH);
        assertEquals(3, t.buckets().size());
        assertEquals(400, t.buckets().get(0).count());
        assertEquals(1000, t.buckets().get(0).total());
        assertTrue(t.buckets().get(1).gap(), "February had no poll: a gap, not a zero");
        assertEquals(0.455, t.buckets().get(2).share(), 1e-9);
    }
}
