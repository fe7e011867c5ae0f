package org.narrativewatch.brief;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.narrativewatch.SharedData;

/**
 * The example briefs: every block well formed, and their poll and series figures on the shared data (skipped
 * without ../shared). Media and territory figures need an imported index and minutes of map reading: their
 * figures are checked by {@code nwatch brief check} (docs/briefs.md gives the run).
 */
class ExampleBriefsTest {
    static final Path EXAMPLES = Path.of("examples/briefs");

    @Test
    void everyFigureOfTheExamplesIsWellFormed() {
        for (String name : new String[] {"alaska-2025.md", "negotiations-state-tv.md", "bench/fifty-figures.md"}) {
            Brief b = BriefParser.read(EXAMPLES.resolve(name));
            for (FigureSpec f : b.figures()) {
                assertNull(f.problem(), name + ": " + f.problem());
                Expectation.validate(f, name);
            }
        }
        assertEquals(50, BriefParser.read(EXAMPLES.resolve("bench/fifty-figures.md")).figures().size());
    }

    @Test
    void pollAndSeriesFiguresOnTheSharedData() throws IOException {
        Path data = SharedData.require("data");
        Map<String, Status> expected = Map.of(
                "continue-mar-2025", Status.HOLDS, "negotiations-mar-2025", Status.HOLDS, "negotiations-dec-2025", Status.HOLDS,
                "levada-talks-2022", Status.COMPUTED, "levada-talks-latest", Status.HOLDS, "approval-2022", Status.HOLDS);
        for (String name : new String[] {"alaska-2025.md", "negotiations-state-tv.md"}) {
            Brief b = BriefParser.read(EXAMPLES.resolve(name));
            try (BriefContext ctx = new BriefContext(b, new BriefContext.Sources(null, null, "no index in this test", data, null,
                    null, "nwatch test", true))) {
                var r = BriefChecker.check(ctx, id -> expected.containsKey(id));
                assertFalse(r.claims().isEmpty());
                for (Claim c : r.claims()) {
                    assertEquals(expected.get(c.id()), c.status(), c.id() + ": " + c.reason());
                }
                var all = BriefChecker.check(ctx, id -> Set.of("alaska-spike", "talks-2025-vs-2024").contains(id));
                for (Claim c : all.claims()) {
                    assertEquals(Status.UNKNOWN, c.status());
                    assertTrue(c.reason().endsWith("no index in this test"), c.reason());
                }
            }
        }
        Brief neg = BriefParser.read(EXAMPLES.resolve("negotiations-state-tv.md"));
        try (BriefContext ctx = new BriefContext(neg, new BriefContext.Sources(null, null, "no index", data, null, null, "t", true))) {
            Claim approval = BriefChecker.check(ctx, "approval-2022"::equals).claims().get(0);
            assertEquals(0.26, approval.value(), 0.01, "Levada approval, Mar–Dec 2022 mean against 2021");
            assertTrue(approval.lo() > 0.15, "and its interval clears the claim's 15%");
        }
    }
}
