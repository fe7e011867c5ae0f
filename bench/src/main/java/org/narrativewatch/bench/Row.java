package org.narrativewatch.bench;

/**
 * One line of the results table. Times are milliseconds, throughputs articles per second, sizes
 * MiB; NaN and null mean "not measured for this system". {@code better} says which way is good.
 */
record Row(String corpus, String figure, String unit, Better better, double oursInProcess, double oursCli,
           double postgres, double ripgrep, Long countOurs, Long countPostgres, Long countRipgrep, String note) {

    enum Better { LOWER, HIGHER }

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
