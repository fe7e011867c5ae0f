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

    Timing count(Workload w, Path plain, int warm) throws IOException {
        if (w.rg() == null) {
            return Timing.NONE;
        }
        List<String> cmd = List.of("rg", "-c", "-i", w.rg(), plain.toString());
        caches.drop();
        Exec.Result first = Exec.run(cmd);
        Long count = parse(first, cmd);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < warm; i++) {
            Exec.Result r = Exec.run(cmd);
            parse(r, cmd);
            times.add(r.millis());
        }
        return Timing.of(first.millis(), times, count);
    }

    private static Long parse(Exec.Result r, List<String> cmd) {
        if (r.exit() == 1) {
            return 0L; // no line matched
        }
        r.check(cmd);
        return Long.parseLong(r.out().trim());
    }
}
