package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApiMessagesTest {

    @Test
    void flagsBecomeParametersAndPathsFileNames() {
        assertEquals("to=2022-01-01 is before from=2022-03-01",
                ApiMessages.forClient("--to 2022-01-01 is before --from 2022-03-01"));
        assertEquals("parameter model must be auto, poisson or binomial, not 'x'",
                ApiMessages.forClient("--model must be auto, poisson or binomial, not 'x'"));
        assertEquals("limit=500 is more than OpenSearch returns in one page (100)",
                ApiMessages.forClient("--limit 500 is more than OpenSearch returns in one page (100)"));
        assertEquals("snapshots: no snapshot on or before 2024-06-01 in occupied (the first is 2025-01-01)",
                ApiMessages.forClient("snapshots: no snapshot on or before 2024-06-01 in /tmp/x-1/geo/occupied (the first is 2025-01-01)"));
        assertEquals("cannot read polls.json: denied", ApiMessages.forClient("cannot read /home/u/data/polls.json: denied"));
    }

    @Test
    void queryTextIsLeftAlone() {
        for (String m : new String[] {"query error at column 12: NEAR/5 needs two parts", "https://example.org/a/b is not a feed",
            "date:2022-02-24..2022-03-31 is fine", "a/b/c without a leading slash"}) {
            assertEquals(m, ApiMessages.forClient(m));
        }
    }
}
