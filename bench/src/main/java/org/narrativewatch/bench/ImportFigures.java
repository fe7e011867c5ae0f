package org.narrativewatch.bench;

/**
 * What loading one corpus cost a system.
 *
 * @param articles       articles searchable at the end
 * @param wallSeconds    end to end, from the JSONL file to searchable
 * @param innerSeconds   the part measured inside the process (ours: the importer's own clock, without JVM start)
 * @param cpuSeconds     user + system CPU over the whole load
 * @param peakMemoryMiB  see {@code memoryHow}
 * @param sizeMiB        on disk when done
 */
record ImportFigures(long articles, double wallSeconds, double innerSeconds, double cpuSeconds, double peakMemoryMiB,
                     double sizeMiB, String memoryHow, String detail) {

    double rate() {
        return articles / wallSeconds;
    }

    double innerRate() {
        return Double.isNaN(innerSeconds) ? Double.NaN : articles / innerSeconds;
    }

    double cpuRate() {
        return articles / cpuSeconds;
    }
}
