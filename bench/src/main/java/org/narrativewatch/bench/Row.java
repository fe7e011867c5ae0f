package org.narrativewatch.bench;

/**
 * One line of the results table. Times are milliseconds, throughputs articles per second, sizes
 * MiB; NaN and null mean "not measured for this system". {@code better} says which way is good.
 * {@code spreads} says how the figures moved within the run (cold calls, warm blocks, repeated imports).
 */
record Row(String corpus, String figure, String unit, Better better, double oursInProcess, double oursCli,
           double postgres, double ripgrep, Long countOurs, Long countPostgres, Long countRipgrep, String note,
           Spreads spreads) {

    enum Better { LOWER, HIGHER }

    /** A row measured once (or whose spread is not reported). */
    Row(String corpus, String figure, String unit, Better better, double oursInProcess, double oursCli,
        double postgres, double ripgrep, Long countOurs, Long countPostgres, Long countRipgrep, String note) {
        this(corpus, figure, unit, better, oursInProcess, oursCli, postgres, ripgrep, countOurs, countPostgres,
                countRipgrep, note, Spreads.NONE);
    }

    /**
     * Each system's figure as measured several times, and PostgreSQL's over ours for each pair measured side by side
     * (in process where measured, else the CLI). {@code of} says what the n measurements are.
     */
    record Spreads(String of, Spread ours, Spread cli, Spread pg, Spread rg, Spread ratio) {
        static final Spreads NONE = new Spreads("", Spread.NONE, Spread.NONE, Spread.NONE, Spread.NONE, Spread.NONE);

        int n() {
            return Math.max(Math.max(ours.n(), cli.n()), Math.max(pg.n(), rg.n()));
        }

        /** "120–190 / 500–650 / 70–110 / –": ours in process / CLI / PostgreSQL / ripgrep. */
        String ranges() {
            return n() == 0 ? "–" : ours.range() + " / " + cli.range() + " / " + pg.range() + " / " + rg.range();
        }
    }

    /** How many times better we are than PostgreSQL (in-process figure where there is one, else CLI). */
    double ratio() {
        return ratio(Double.isNaN(oursInProcess) ? oursCli : oursInProcess);
    }

    double ratioCli() {
        return ratio(oursCli);
    }

    private double ratio(double ours) {
        if (Double.isNaN(ours) || Double.isNaN(postgres) || ours <= 0 || postgres <= 0) {
            return Double.NaN;
        }
        return better == Better.LOWER ? postgres / ours : ours / postgres;
    }
}
