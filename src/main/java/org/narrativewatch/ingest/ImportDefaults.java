package org.narrativewatch.ingest;

import java.time.Clock;
import java.util.Map;

/**
 * What an import fills in when a record leaves it out, and what it overrides.
 *
 * @param outlet       outlet for records with no source field (null: such records are rejected)
 * @param group        group for every record (null: from {@code groups} by outlet, else none)
 * @param lang         language for records with none (null: guessed from the text)
 * @param groups       outlet → group labels (from the outlets config)
 * @param clock        "now", for refusing dates in the future
 * @param dates        the publication dates accepted (null: the default window on {@code clock})
 */
public record ImportDefaults(String outlet, String group, String lang, Map<String, String> groups, Clock clock,
                             DateWindow dates) {

    public static ImportDefaults none() {
        return new ImportDefaults(null, null, null, Map.of(), Clock.systemUTC());
    }

    public ImportDefaults(String outlet, String group, String lang, Map<String, String> groups, Clock clock) {
        this(outlet, group, lang, groups, clock, null);
    }

    public ImportDefaults {
        groups = groups == null ? Map.of() : Map.copyOf(groups);
        clock = clock == null ? Clock.systemUTC() : clock;
        dates = dates == null ? DateWindow.defaults(clock) : dates;
    }

    public String groupFor(String outletName, String recordGroup) {
        if (group != null) {
            return group;
        }
        if (recordGroup != null && !recordGroup.isBlank()) {
            return recordGroup;
        }
        return groups.get(outletName);
    }
}
