package org.narrativewatch.shift;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.random.RandomDataGenerator;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/** Seeded synthetic series with known change points. */
final class Synthetic {
    private Synthetic() {}

    static Series series(LocalDate from, long[] counts, long[] totals) {
        List<Bucket> b = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            b.add(Bucket.whole(Bucketing.DAY, from.plusDays(i), counts[i], totals[i]));
        }
        return new Series("test", Bucketing.DAY, from, from.plusDays(counts.length - 1), "articles", b);
    }

    static long poisson(double rate, RandomDataGenerator rng) {
        return rate <= 0 ? 0 : rng.nextPoisson(rate);
    }

    static long binomial(int n, double p, RandomDataGenerator rng) {
        return n == 0 ? 0 : rng.nextDeviate(new BinomialDistribution(n, p));
    }

    static double[] gaussian(RandomDataGenerator rng, double[] means, int[] lengths, double sd) {
        int n = 0;
        for (int l : lengths) {
            n += l;
        }
        double[] x = new double[n];
        int k = 0;
        for (int s = 0; s < lengths.length; s++) {
            for (int i = 0; i < lengths[s]; i++) {
                x[k++] = means[s] + sd * rng.nextGaussian();
            }
        }
        return x;
    }
}
