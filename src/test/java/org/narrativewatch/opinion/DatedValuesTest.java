package org.narrativewatch.opinion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.UserException;

class DatedValuesTest {

    @TempDir
    Path dir;

    @Test
    void readsDatesAndTheValueColumn() {
        Path f = PollTestData.write(dir, "t.csv", "bucket,count,total,share\n2024-01-01,1,10,0.1\n2024-02,2,10,\n2024-03-01,3,10,NaN\n");
        NavigableMap<LocalDate, Double> m = DatedValues.read(f, null);
        assertEquals(3, m.size());
        assertEquals(0.1, m.get(LocalDate.parse("2024-01-01")));
        assertTrue(m.get(LocalDate.parse("2024-02-01")).isNaN());
        assertEquals(2.0, DatedValues.read(f, "count").get(LocalDate.parse("2024-02-01")));
        assertEquals(10.0, DatedValues.read(PollTestData.write(dir, "u.csv", "d,x,y\n2024-01-01,10,20\n"), null)
                .get(LocalDate.parse("2024-01-01")), "no value/share column: the second column");
        Path export = PollTestData.write(dir, "timeline.csv", "# query: title:путин\n# by: month\nstart,count,total,share,gap\n"
                + "2024-01-01,5,50,0.100000,false\n2024-02-01,0,0,,true\n");
        NavigableMap<LocalDate, Double> t = DatedValues.read(export, null);
        assertEquals(0.1, t.get(LocalDate.parse("2024-01-01")));
        assertTrue(t.get(LocalDate.parse("2024-02-01")).isNaN(), "a gap bucket is missing, not zero");
    }

    @Test
    void errorsNameFileAndLine() {
        Path f = PollTestData.write(dir, "bad.csv", "date,value\n2024-01-01,1\n\n2024-13-01,2\n");
        UserException e = assertThrows(UserException.class, () -> DatedValues.read(f, null));
        assertEquals(f + ":4: date '2024-13-01' is not yyyy-mm-dd or yyyy-mm", e.getMessage());
        Path g = PollTestData.write(dir, "bad2.csv", "date,value\n2024-01-01,1\n2024-02-01,lots\n");
        assertEquals(g + ":3: value 'lots' is not a number", assertThrows(UserException.class, () -> DatedValues.read(g, null)).getMessage());
        Path h = PollTestData.write(dir, "dup.csv", "date,value\n2024-01-01,1\n2024-01-01,2\n");
        assertTrue(assertThrows(UserException.class, () -> DatedValues.read(h, null)).getMessage().contains(":3: date 2024-01-01 appears twice"));
        assertTrue(assertThrows(UserException.class, () -> DatedValues.read(h, "nope")).getMessage().contains("no column 'nope'"));
        assertTrue(assertThrows(UserException.class, () -> DatedValues.read(dir.resolve("none.csv"), null)).getMessage().contains("no such file"));
    }

    @Test
    void joinKeepsTheLongestEquallySpacedRunOfCommonDates() {
        NavigableMap<LocalDate, Double> a = new java.util.TreeMap<>();
        NavigableMap<LocalDate, Double> b = new java.util.TreeMap<>();
        for (int m = 0; m < 12; m++) {
            a.put(LocalDate.parse("2020-01-01").plusMonths(m), (double) m);
            if (m != 3) {
                b.put(LocalDate.parse("2020-01-01").plusMonths(m), m * 2.0);
            }
        }
        b.put(LocalDate.parse("2020-09-01"), Double.NaN);
        DatedValues.Joined j = DatedValues.join(a, b);
        // common finite months: 0,1,2, 4..7, 9..11 → the longest monthly run is 4..7
        assertEquals(List.of(4.0, 5.0, 6.0, 7.0), java.util.Arrays.stream(j.a()).boxed().toList());
        assertEquals(List.of(8.0, 10.0, 12.0, 14.0), java.util.Arrays.stream(j.b()).boxed().toList());
        assertEquals("month", j.step());
        assertEquals(6, j.dropped());

        List<LocalDate> weekly = List.of(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-08"), LocalDate.parse("2024-01-15"),
                LocalDate.parse("2024-01-16"), LocalDate.parse("2024-01-17"));
        assertEquals(weekly.subList(0, 3), DatedValues.longestRegularRun(weekly));
    }
}
