package org.narrativewatch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ripgrep over the gunzipped JSONL, the way a shell user counts mentions: {@code rg -c -i REGEX}. It
 * counts matching lines (articles) in the whole file, with no per-day split, so it is the floor of
 * what any timeline must cost; the regexes are written to catch the same inflected forms the queries do.
 */
final class RipgrepSide {
    private final Caches caches;

    RipgrepSide(Caches caches) {
        this.caches = caches;
    }

    static boolean available() {
        try {
            return Exec.run(List.of("rg", "--version")).exit() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** One cold run: the page cache dropped, then {@code rg} over the whole file; null when the workload has no regex. */
    Call cold(Workload w, Path plain) throws IOException {
        if (w.rg() == null) {
            return null;
        }
        caches.drop();
        return call(w, plain);
    }

    /** {@code runs} warm runs (the file in the page cache). */
    List<Double> warmBlock(Workload w, Path plain, int runs) throws IOException {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(call(w, plain).ms());
        }
        return times;
    }

    private static Call call(Workload w, Path plain) throws IOException {
        List<String> cmd = List.of("rg", "-c", "-i", w.rg(), plain.toString());
        Exec.Result r = Exec.run(cmd);
        return new Call(r.millis(), parse(r, cmd));
    }

    private static Long parse(Exec.Result r, List<String> cmd) {
        if (r.exit() == 1) {
            return 0L; // no line matched
        }
        r.check(cmd);
        return Long.parseLong(r.out().trim());
    }
}
