package org.narrativewatch.ingest.outlets;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One outlet to follow.
 *
 * @param name     the outlet name stored with its articles: its main domain (tass.ru), stable and unique
 * @param title    the name people know it by (TASS)
 * @param group    state, independent, ukrainian, international, official, or a user's own label
 * @param lang     language of its articles when every article is in one language, else null (detected)
 * @param zone     where its day starts: feed dates are stored in this zone's offset
 * @param feeds    RSS or Atom addresses
 * @param hosts    host names whose pages belong to it (the feeds' hosts, its name and its subdomains)
 * @param fullText fetch each new article's page for its full text (feeds that carry only a lead)
 */
public record Outlet(String name, String title, String group, String lang, ZoneId zone, List<URI> feeds,
                     Set<String> hosts, boolean fullText) {

    public Outlet {
        feeds = List.copyOf(feeds);
        hosts = Set.copyOf(hosts);
    }

    /** True if a page on {@code host} (or a subdomain of one of our hosts) belongs to this outlet. */
    public boolean owns(String host) {
        String h = bare(host);
        for (String mine : hosts) {
            if (h.equals(mine) || h.endsWith("." + mine)) {
                return true;
            }
        }
        return false;
    }

    static Set<String> hostsOf(String name, List<URI> feeds, List<String> extra) {
        Set<String> out = new TreeSet<>();
        if (name.matches("[a-z0-9.-]+\\.[a-z]{2,}")) {
            out.add(bare(name));
        }
        for (URI f : feeds) {
            if (f.getHost() != null) {
                out.add(bare(f.getHost()));
            }
        }
        for (String e : extra) {
            out.add(bare(e));
        }
        return out;
    }

    /** Host in lower case without a leading "www.". */
    public static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }
}
