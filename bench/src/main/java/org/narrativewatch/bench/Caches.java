package org.narrativewatch.bench;

import java.io.IOException;

/**
 * "Cold" means: nothing of the index in the operating system's page cache. Dropping that cache needs
 * root; where we are not root, or inside a container that forbids it, cold runs are only first runs
 * after opening, and the report says so.
 */
final class Caches {
    private final boolean enabled;
    private Boolean works;

    Caches(boolean enabled) {
        this.enabled = enabled;
    }

    /** Drops the page cache; false when that was not possible (or not wanted). */
    boolean drop() throws IOException {
        if (!enabled || Boolean.FALSE.equals(works)) {
            return false;
        }
        Exec.Result r = Exec.bash("sync && echo 3 > /proc/sys/vm/drop_caches");
        works = r.exit() == 0;
        return works;
    }

    String describe() {
        if (!enabled) {
            return "cold = first query after opening (page cache not dropped: --keep-caches)";
        }
        return Boolean.FALSE.equals(works)
                ? "cold = first query after opening (page cache could not be dropped here)"
                : "cold = first query after opening, with the OS page cache dropped just before";
    }
}
