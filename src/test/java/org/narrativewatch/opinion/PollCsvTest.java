package org.narrativewatch.opinion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.SharedData;
import org.narrativewatch.UserException;

class PollCsvTest {

    @TempDir
    Path dir;

    static final String LONG = """
            date,fieldwork,source,question,answer,percent,n,mode,note
            2022-03,18-20 Mar 2022,FOM,support the operation,support,65,1500,face-to-face,"a note, with a comma"
            2022-05,,VTsIOM,support the operation,support,72,,telephone,
            2022-06,June 2022,FOM,support the operation,support,sixty,1500,face-to-face,
            2022-07,Q3 2022,FOM,support the operation,support,61,1500,face-to-face,"a note
            over two lines"
            2022-08,Aug 2022,FOM,support the operation,support,140,1500,face-to-face,
            2022-09,sometime,FOM,support the operation,,50,1500,face-to-face,
            2022-10,Oct 2022,FOM,support the operation,support,58,1500,face-to-face,
            2022-10,Oct 2022,FOM,support the operation,support,59,1500,face-to-face,
            2025-12,reported 2025-12-24,Levada,support the operation,support,73,,face-to-face,
            """;

    @Test
    void longFileGoodRowsAreReadAndBadRowsNamedByFileAndLine() {
        PollCsv.Result r = PollCsv.read(PollTestData.write(dir, "long.csv", LONG), PollCsv.Options.DEFAULTS);
        assertEquals(5, r.points().size(), r.errors().toString());
        List<String> e = r.errors();
        assertEquals(4, e.size(), e.toString());
        assertTrue(e.get(0).endsWith("long.csv:4: percent 'sixty' is not a number"), e.get(0));
        assertTrue(e.get(1).endsWith("long.csv:7: value 140.0 is outside 0..100"), e.get(1));
        assertTrue(e.get(2).endsWith("long.csv:8: answer is empty"), e.get(2));
        assertTrue(e.get(3).endsWith("long.csv:10: repeats line 9 (same series and fieldwork period)"), e.get(3));

        PollPoint fom = r.points().get(0);
        assertEquals(new SeriesKey("FOM", "support the operation", "support"), fom.key());
        assertEquals(LocalDate.parse("2022-03-19"), fom.midpoint());
        assertEquals(1500, fom.n());
        assertFalse(fom.nAssumed());
        // 95% interval of 65% from n = 1500: ±1.96·√(0.65·0.35/1500) = ±2.41 points
        assertEquals(65 - 2.4138, fom.lo(), 1e-3);
        assertEquals(65 + 2.4138, fom.hi(), 1e-3);

        PollPoint vtsiom = r.points().get(1);
        assertNull(vtsiom.n());
        assertEquals(1600, vtsiom.nUsed());
        assertEquals(LocalDate.parse("2022-05-01"), vtsiom.start());
        assertEquals(LocalDate.parse("2022-05-31"), vtsiom.end());
        assertTrue(vtsiom.dating().contains("no fieldwork given"), vtsiom.dating());

        PollPoint q3 = r.points().get(2);  // fieldwork text unreadable: dated by the date column, and said so
        assertEquals(LocalDate.parse("2022-07-01"), q3.start());
        assertTrue(q3.dating().contains("'Q3 2022' not understood"), q3.dating());
        assertTrue(q3.origin().endsWith("long.csv:5"), q3.origin());

        PollPoint reported = r.points().get(4);
        assertEquals(LocalDate.parse("2025-12-24"), reported.end());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("assume n = 1600")), r.notes().toString());
    }

    @Test
    void wideFileBecomesOneSeriesPerColumn() {
        String wide = """
                Date,Approve,Disapprove,Net
                2020-01-01,68,30,38
                2020-02-01,69,,40
                2020-03-01,x,29,-3
                2020-04-01,59,39,20
                """;
        PollCsv.Result r = PollCsv.read(PollTestData.write(dir, "acme_president_approval_monthly.csv", wide),
                new PollCsv.Options(1600, 1.5, null, null));
        assertTrue(r.errors().get(0).endsWith("acme_president_approval_monthly.csv:4: column Approve: value 'x' is not a number"),
                r.errors().toString());
        assertEquals(1, r.errors().size());
        // 4 months × 3 columns, minus the empty cell and the bad one
        assertEquals(10, r.points().size());
        PollPoint first = r.points().get(0);
        assertEquals(new SeriesKey("Acme", "president approval", "Approve"), first.key());
        assertEquals(LocalDate.parse("2020-01-01"), first.start());
        assertEquals(LocalDate.parse("2020-01-31"), first.end());
        assertEquals(1.5, first.designEffect());
        assertEquals(1600 / 1.5, first.effectiveN(), 1e-9);
        PollPoint net = r.points().stream().filter(p -> p.key().answer().equals("Net") && p.percent() < 0).findFirst().orElseThrow();
        assertEquals(PollPoint.Kind.DIFFERENCE, net.kind());
        // conservative SE of a difference d: √((1 - d²)/n_eff)
        assertEquals(100 * Math.sqrt((1 - 0.03 * 0.03) / (1600 / 1.5)), net.standardError(), 1e-9);

        PollCsv.Result bom = PollCsv.read(PollTestData.write(dir, "bom_x.csv", "\uFEFFDate,Yes\n2020-01-01,40\n"), PollCsv.Options.DEFAULTS);
        assertEquals(List.of(), bom.errors());
        assertEquals(1, bom.points().size());

        PollCsv.Result named = PollCsv.read(dir.resolve("acme_president_approval_monthly.csv"),
                new PollCsv.Options(1600, 1, "Acme Polling", "approve of the president"));
        assertEquals(new SeriesKey("Acme Polling", "approve of the president", "Approve"), named.points().get(0).key());
    }

    @Test
    void unusableFilesAreUserErrors() {
        assertThrows(UserException.class, () -> PollCsv.read(dir.resolve("absent.csv"), PollCsv.Options.DEFAULTS));
        assertThrows(UserException.class, () -> PollCsv.read(PollTestData.write(dir, "e.csv", ""), PollCsv.Options.DEFAULTS));
        UserException e = assertThrows(UserException.class, () ->
                PollCsv.read(PollTestData.write(dir, "t.csv", "a,b\n1,2\n"), PollCsv.Options.DEFAULTS));
        assertTrue(e.getMessage().startsWith(dir.resolve("t.csv") + ":1:"), e.getMessage());
        UserException missing = assertThrows(UserException.class, () ->
                PollCsv.read(PollTestData.write(dir, "m.csv", "date,percent,answer\n2022-01,5,x\n"), PollCsv.Options.DEFAULTS));
        assertTrue(missing.getMessage().contains("needs columns"), missing.getMessage());
        assertThrows(UserException.class, () -> new PollCsv.Options(1, 1, null, null));
        assertThrows(UserException.class, () -> new PollCsv.Options(1600, 0.5, null, null));
    }

    @Test
    void theSharedPollFilesReadWithoutErrors() {
        Path dataPoints = SharedData.require("data/polls/russia_war_opinion_datapoints.csv");
        PollCsv.Result r = PollCsv.read(dataPoints, PollCsv.Options.DEFAULTS);
        assertEquals(List.of(), r.errors());
        assertEquals(92, r.points().size());
        PollCsv.Result levada = PollCsv.read(SharedData.require("data/polls/levada_putin_approval_monthly.csv"), PollCsv.Options.DEFAULTS);
        assertEquals(List.of(), levada.errors());
        assertEquals(301 * 4, levada.points().size());
    }
}
