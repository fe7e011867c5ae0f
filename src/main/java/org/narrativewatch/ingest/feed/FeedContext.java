package org.narrativewatch.ingest.feed;

import java.time.ZoneId;
import org.narrativewatch.ingest.outlets.Outlet;

/**
 * What a feed's items inherit: the outlet they are stored under (null: the host of each item's
 * link), its group and language (null: the feed's own language, else detected) and the zone whose
 * offset their dates are kept in.
 */
public record FeedContext(String outlet, String group, String lang, ZoneId zone) {

    public static FeedContext of(Outlet o) {
        return new FeedContext(o.name(), o.group(), o.lang(), o.zone());
    }

    public static FeedContext unknown() {
        return new FeedContext(null, null, null, ZoneId.of("UTC"));
    }
}
