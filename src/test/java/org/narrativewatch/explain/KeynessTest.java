package org.narrativewatch.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hipparchus.stat.inference.GTest;
import org.junit.jupiter.api.Test;

/**
 * G², p and log-ratio on tables of known counts. Expected values were computed independently with
 * SciPy ({@code chi2_contingency(t, correction=False, lambda_="log-likelihood")}) and by hand for
 * the log-ratio interval; Hipparchus' GTest is a second oracle on random tables.
 */
class KeynessTest {

    private static final double EPS = 1e-9;

    @Test
    void overRepresentedTerm() {
        // 30 of 100 target articles, 10 of 200 baseline articles
        Keyness.Score s = Keyness.score(30, 100, 10, 200);
        assertEquals(34.025722587203546, s.g2(), EPS);
        assertEquals(5.4388291283191446e-09, s.p(), 1e-18);
        // rates 0.3 vs 0.05: ratio 6, log2 6
        assertEquals(Math.log(6) / Math.log(2), s.logRatio(), EPS);
        assertEquals(1.612268630229329, s.ciLow(), EPS);
        assertEquals(3.5576563712129836, s.ciHigh(), EPS);
        assertEquals(1, s.direction());
        assertEquals(0.3, s.share(), EPS);
        assertEquals(0.05, s.baselineShare(), EPS);
    }

    @Test
    void absentFromTargetGetsTheHalfCountCorrection() {
        Keyness.Score s = Keyness.score(0, 50, 20, 1000);
        assertEquals(1.9709057958875327, s.g2(), EPS);
        assertEquals(0.16035174966231985, s.p(), 1e-12);
        // (0.5/51) / (20.5/1001)
        assertEquals(Math.log((0.5 / 51) / (20.5 / 1001)) / Math.log(2), s.logRatio(), EPS);
        assertEquals(-5.089691444855621, s.ciLow(), EPS);
        assertEquals(2.96418926934845, s.ciHigh(), EPS);
        assertEquals(-1, s.direction());
    }

    @Test
    void termInEveryTargetArticle() {
        Keyness.Score s = Keyness.score(7, 7, 3, 9);
        assertEquals(9.712768591748794, s.g2(), EPS);
        assertEquals(0.001829921292849954, s.p(), 1e-15);
        assertEquals(Math.log(3) / Math.log(2), s.logRatio(), EPS);
        assertEquals(0.25200478436227014, s.ciLow(), EPS);
        assertEquals(2.9179202170800425, s.ciHigh(), EPS);
    }

    @Test
    void equalRatesScoreZero() {
        Keyness.Score s = Keyness.score(5, 10, 10, 20);
        assertEquals(0, s.g2(), EPS);
        assertEquals(1.0, s.p(), EPS);
        assertEquals(0, s.logRatio(), EPS);
        assertEquals(-1.0951365141755023, s.ciLow(), EPS);
        assertEquals(1.0951365141755023, s.ciHigh(), EPS);
        assertEquals(0, s.direction());
    }

    @Test
    void emptyMarginsAreNotAnError() {
        // in every article of both sets: no evidence either way
        assertEquals(0, Keyness.score(10, 10, 20, 20).g2(), EPS);
        assertEquals(1.0, Keyness.score(0, 0, 3, 20).p(), EPS);
        assertTrue(Double.isNaN(Keyness.score(0, 0, 3, 20).logRatio()));
        assertThrows(IllegalArgumentException.class, () -> Keyness.score(11, 10, 0, 5));
    }

    @Test
    void agreesWithHipparchusGTestOnRandomTables() {
        Random r = new Random(17);
        GTest gtest = new GTest();
        for (int i = 0; i < 2000; i++) {
            long n1 = 1 + r.nextInt(5000);
            long n2 = 1 + r.nextInt(50000);
            long a = r.nextInt((int) n1 + 1);
            long b = r.nextInt((int) n2 + 1);
            if (a + b == 0 || a + b == n1 + n2) {
                continue; // GTest refuses an empty column
            }
            double expected = gtest.gDataSetsComparison(new long[] {a, n1 - a}, new long[] {b, n2 - b});
            Keyness.Score s = Keyness.score(a, n1, b, n2);
            assertEquals(expected, s.g2(), 1e-7 * Math.max(1, expected), a + "/" + n1 + " vs " + b + "/" + n2);
            if (expected > 0.01 && expected < 30) { // where 1 − cdf still has digits to compare (p is steep near G² = 0)
                double p = gtest.gTestDataSetsComparison(new long[] {a, n1 - a}, new long[] {b, n2 - b});
                assertEquals(p, s.p(), 1e-9);
            }
        }
    }
}
