package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.UserException;

class EventStoreTest {

    @TempDir
    Path dir;

    @Test
    void newStoreStartsWithTheKeyDatesAndWritesThem() throws Exception {
        Path f = dir.resolve("events.csv");
        EventStore s = EventStore.open(f);
        assertTrue(Files.exists(f));
        List<Event> list = s.list();
        assertTrue(list.stream().anyMatch(e -> e.date().equals(LocalDate.of(2022, 2, 24))), "full-scale invasion");
        assertTrue(list.stream().anyMatch(e -> e.date().equals(LocalDate.of(2025, 8, 15))), "Alaska summit");
        assertEquals(list, EventStore.open(f).list(), "reopened store has the same events and ids");
    }

    @Test
    void addAndDeleteSurviveAReopenAndLeaveNoTemporaryFiles() throws Exception {
        Path f = dir.resolve("sub/events.csv");
        EventStore s = EventStore.open(f);
        int before = s.list().size();
        Event e = s.add(LocalDate.of(2023, 5, 20), "Bakhmut, \"captured\", claimed", "war");
        assertEquals(before + 1, EventStore.open(f).list().size());
        assertTrue(EventStore.open(f).get(e.id()).isPresent());
        assertEquals("Bakhmut, \"captured\", claimed", EventStore.open(f).get(e.id()).get().label(), "CSV quoting round-trips");
        assertTrue(s.delete(e.id()));
        assertFalse(s.delete(e.id()));
        assertEquals(before, EventStore.open(f).list().size());
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertEquals(List.of(f), files.toList(), "only the events file, no leftovers");
        }
    }

    @Test
    void importChecksEveryRowBeforeStoringAny() throws Exception {
        Path f = dir.resolve("events.csv");
        EventStore s = EventStore.open(f);
        int before = s.list().size();
        String bad = "date,label,kind\n2023-01-01,ok row,war\n2023-13-40,bad date,war\n";
        UserException ex = assertThrows(UserException.class, () -> s.importCsv(bad));
        assertTrue(ex.getMessage().contains("line 3") && ex.getMessage().contains("date"), ex.getMessage());
        assertEquals(before, EventStore.open(f).list().size(), "nothing stored");

        EventStore.ImportResult r = s.importCsv("label,date\nfirst,2023-01-01\nsecond,2023-01-02\n");
        assertEquals(new EventStore.ImportResult(2, 0), r);
        assertEquals(new EventStore.ImportResult(0, 2), s.importCsv("date,label\n2023-01-01,first\n2023-01-02,second\n"));
        assertEquals(before + 2, EventStore.open(f).list().size());
        assertEquals("other", s.list().stream().filter(e -> e.label().equals("first")).findFirst().orElseThrow().kind());
    }

    @Test
    void rejectsMissingColumnsEmptyLabelsAndOddKinds() throws Exception {
        EventStore s = EventStore.open(dir.resolve("events.csv"));
        assertThrows(UserException.class, () -> s.importCsv("when,what\n2023-01-01,x\n"));
        assertThrows(UserException.class, () -> s.add(LocalDate.of(2023, 1, 1), "  ", "war"));
        assertThrows(UserException.class, () -> s.add(LocalDate.of(2023, 1, 1), "x", "<script>"));
        assertThrows(UserException.class, () -> s.add(LocalDate.of(2023, 1, 1), "x".repeat(201), "war"));
    }

    @Test
    void exportReadsBackAsAnImport() throws Exception {
        EventStore a = EventStore.open(dir.resolve("a.csv"));
        Path other = dir.resolve("b.csv");
        Files.writeString(other, "id,date,label,kind\n");
        EventStore b = EventStore.open(other);
        EventStore.ImportResult r = b.importCsv(a.exportCsv());
        assertEquals(a.list().size(), r.added());
        assertEquals(a.list().stream().map(e -> e.date() + e.label() + e.kind()).toList(),
                b.list().stream().map(e -> e.date() + e.label() + e.kind()).toList());
    }
}
