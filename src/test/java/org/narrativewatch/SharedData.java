package org.narrativewatch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates ../shared (the real data beside the project). Tests that need it call {@link #require}
 * and are skipped with a message saying so when it is absent, as it is on a user's fresh machine.
 * Override the location with -Dnwatch.shared=DIR or NWATCH_SHARED.
 */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String p = System.getProperty("nwatch.shared", System.getenv("NWATCH_SHARED"));
        return p != null ? Path.of(p) : Path.of("..", "shared").toAbsolutePath().normalize();
    }

    /** The path under shared/, or skips the calling test when it is not there. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), "skipped: shared data " + p + " is absent (tests on real data need ../shared)");
        return p;
    }
}
