package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.UserException;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/** eval-events' rule on constructed timelines: a change in the event's direction in the date's bucket or up to date + tolerance. */
class EventEvaluationTest {

    @TempDir
    Path dir;

    private Path tsv(String... rows) throws IOException {
        Path f = dir.resolve("events.tsv");
        List<String> lines = new ArrayList<>();
        lines.add("name\tcorpus\tquery\tevent_date\ttolerance_days\tdirection\treal-world event");
        lines.addAll(List.of(rows));
        Files.write(f, lines);
        return f;
    }

    /** A weekly share timeline whose share jumps from 1% to 8% in the week starting {@code jump} (none if null). */
    static Series timeline(LocalDate from, LocalDate to, LocalDate jump, long seed) {
        RandomDataGenerator r = new RandomDataGenerator(seed);
        List<Bucket> b = new ArrayList<>();
        for (LocalDate d = Bucketing.WEEK.start(from); !d.isAfter(to); d = d.plusWeeks(1)) {
            long total = 100 + r.nextInt(10);
            double p = jump != null && !d.isBefore(jump) && d.isBefore(jump.plusWeeks(5)) ? 0.08 : 0.01;
            b.add(Bucket.whole(Bucketing.WEEK, d, Synthetic.binomial((int) total, p, r), total));
        }
        return new Series("q", Bucketing.WEEK, from, to, "articles", b);
    }

    @Test
    void aRiseInTheWeekOrTheNextIsFoundEarlierOrLaterIsNot() throws IOException {
        // 2022-01-05 is a Wednesday: its week starts on 2022-01-03; 7 days of tolerance reach the week of 01-10
        Path f = tsv("on_time\t1tv_ru\tA\t2022-01-05\t7\tup\tx", "next_week\t1tv_ru\tB\t2022-01-05\t7\tup\tx",
                "too_late\t1tv_ru\tC\t2022-01-05\t7\tup\tx", "too_early\t1tv_ru\tD\t2022-01-05\t7\tup\tx",
                "wrong_way\t1tv_ru\tE\t2022-01-05\t7\tdown\tx", "long_tolerance\t1tv_ru\tF\t2022-01-05\t14\tup\tx");
        LocalDate monday = LocalDate.of(2022, 1, 3);
        EventEvaluation.Report r = EventEvaluation.evaluate(EventEvaluation.read(f), (q, from, to, by) -> timeline(from, to, switch (q) {
            case "A" -> monday;
            case "B" -> monday.plusWeeks(1);
            case "C", "F" -> monday.plusWeeks(2);
            case "D" -> monday.minusWeeks(1);
            default -> monday;
        }, q.hashCode()), Bucketing.WEEK, ShiftOptions.DEFAULT);
        List<Boolean> found = r.outcomes().stream().map(EventEvaluation.Outcome::found).toList();
        assertEquals(List.of(true, true, false, false, false, true), found);
        assertEquals(3, r.found());
        EventEvaluation.Outcome first = r.outcomes().get(0);
        assertEquals(monday, first.windowFrom());
        assertEquals(monday.plusWeeks(1), first.windowTo());
        assertEquals(monday, first.match().date());
        assertTrue(first.match().after().level() > first.match().before().level());
        assertTrue(first.result().n() >= 104, "±365 days of weeks: " + first.result().n());
        // a miss still names the nearest change in the event's direction
        assertNotNull(r.outcomes().get(2).nearest());
        assertFalse(r.outcomes().get(2).found());
        // the rise and the fall five weeks later are a pulse
        assertEquals(1, first.pulses().size(), first.pulses().toString());
        assertEquals(monday, first.pulses().get(0).from());
    }

    @Test
    void badFilesAreOneLineErrorsNamingTheLineAndField() throws IOException {
        assertTrue(assertThrows(UserException.class, () -> EventEvaluation.read(tsv("a\t1tv\tq\t2022-13-01\t7\tup\tx")))
                .getMessage().matches(".*events.tsv:2: field 'event_date' .*"));
        assertTrue(assertThrows(UserException.class, () -> EventEvaluation.read(tsv("a\t1tv\tq\t2022-01-01\tseven\tup\tx")))
                .getMessage().contains("events.tsv:2: field 'tolerance_days'"));
        assertTrue(assertThrows(UserException.class, () -> EventEvaluation.read(tsv("a\t1tv\tq\t2022-01-01\t7\tsideways\tx")))
                .getMessage().contains("field 'direction' must be up or down"));
        assertTrue(assertThrows(UserException.class, () -> EventEvaluation.read(tsv("a\t1tv\tq\t2022-01-01\t7\tup")))
                .getMessage().contains("events.tsv:2: expected 7 tab-separated fields, found 6"));
        assertTrue(assertThrows(UserException.class, () -> EventEvaluation.read(tsv()))
                .getMessage().endsWith(": no events"));
        assertTrue(assertThrows(UserException.class, () -> EventEvaluation.read(dir.resolve("missing.tsv")))
                .getMessage().endsWith("missing.tsv: no such file"));
    }
}
