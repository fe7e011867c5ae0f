package org.narrativewatch.brief;

import java.util.Locale;

/**
 * What a check says of a claim. {@code COMPUTED}: a figure with no expectation; {@code UNKNOWN}: the figure could
 * not be computed or the data cannot decide (never {@code HOLDS} for want of data).
 */
public enum Status {
    HOLDS, FAILS, UNKNOWN, COMPUTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
