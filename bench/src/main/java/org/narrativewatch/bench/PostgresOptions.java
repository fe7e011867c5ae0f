package org.narrativewatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The PostgreSQL cluster a side-by-side command measures against, as bench/run sets it up: one option set,
 * mixed into every command that loads or queries PostgreSQL, so that their flags and checks cannot drift apart.
 */
final class PostgresOptions {
    @Option(names = "--no-pg", description = "Skip PostgreSQL (no ratios).")
    boolean noPg;

    @Option(names = "--pg-port", defaultValue = "${env:BENCH_PGPORT:-55432}")
    int pgPort;

    @Option(names = "--pg-data", defaultValue = "${env:BENCH_PGDATA}", description = "The cluster's folder (bench/run sets BENCH_PGDATA).")
    Path pgData;

    @Option(names = "--pg-script", defaultValue = "bench/pg.sh")
    Path pgScript;

    /** The running cluster on 127.0.0.1, or null with --no-pg; {@code starter} names what starts one, for the message. */
    PostgresSide cluster(Caches caches, String starter) {
        if (noPg) {
            return null;
        }
        if (pgData == null || !Files.exists(pgData.resolve("postmaster.pid"))) {
            throw new BenchException("no running PostgreSQL cluster at --pg-data " + pgData
                    + " (" + starter + " starts one; or pass --no-pg)");
        }
        return new PostgresSide("127.0.0.1", pgPort, pgScript, pgData, caches);
    }
}
