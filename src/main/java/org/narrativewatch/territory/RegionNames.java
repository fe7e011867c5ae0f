package org.narrativewatch.territory;

import java.util.List;

/** Region lookup by name, ISO code or forgiving spelling ("Donetsk", "Zaporizhzhia", "Crimea"), as scenarios use. */
public final class RegionNames {
    private RegionNames() {}

    /** The region {@code wanted} names; a user error prefixed with {@code where} lists the known ones. */
    public static Region find(List<Region> regions, String wanted, String where) {
        return ScenarioEngine.find(regions, wanted, where);
    }
}
