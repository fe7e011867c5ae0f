package org.narrativewatch.opinion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FieldworkTest {

    private static void reads(String text, String start, String end) {
        Fieldwork f = Fieldwork.parse(text).orElseThrow(() -> new AssertionError("not read: " + text));
        assertEquals(LocalDate.parse(start), f.start(), text);
        assertEquals(LocalDate.parse(end), f.end(), text);
    }

    @Test
    void thePhrasingsPollReportsUse() {
        reads("13-21 Mar 2024", "2024-03-13", "2024-03-21");
        reads("28 Jun-25 Jul 2024", "2024-06-28", "2024-07-25");
        reads("28 Jan & 2 Feb 2025", "2025-01-28", "2025-02-02");
        reads("28 Dec-5 Jan 2025", "2024-12-28", "2025-01-05");
        reads("Nov-Dec 2024", "2024-11-01", "2024-12-31");
        reads("Mar 2022", "2022-03-01", "2022-03-31");
        reads("February 2024", "2024-02-01", "2024-02-29");
        reads("early Mar 2022", "2022-03-01", "2022-03-10");
        reads("mid Jun 2023", "2023-06-11", "2023-06-20");
        reads("late May 2022", "2022-05-21", "2022-05-31");
        reads("end Feb 2023", "2023-02-21", "2023-02-28");
        reads("autumn 2022 (inferred)", "2022-09-01", "2022-11-30");
        reads("winter 2024", "2023-12-01", "2024-02-29");
        reads("7 Nov 2024", "2024-11-07", "2024-11-07");
        reads("2024-03-13..2024-03-21", "2024-03-13", "2024-03-21");
        reads("2024-03-13/2024-03-21", "2024-03-13", "2024-03-21");
        reads("2024-03", "2024-03-01", "2024-03-31");
        reads("2024-03-13", "2024-03-13", "2024-03-13");
    }

    @Test
    void unknownOrImpossibleTextIsNotGuessed() {
        for (String bad : new String[] {"reported 2025-12-24", "", "  ", "Q3 2024", "31 Feb 2024", "21-13 Mar 2024", "Smarch 2024"}) {
            assertTrue(Fieldwork.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void theMidpointIsTheMiddleDay() {
        PollPoint p = PollTestData.point("x", "2024-03-13", "2024-03-21", 50);
        assertEquals(LocalDate.parse("2024-03-17"), p.midpoint());
    }
}
