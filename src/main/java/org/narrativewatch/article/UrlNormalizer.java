package org.narrativewatch.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normalises article URLs so that one article has one identity: lower-case scheme and host,
 * no default port, no fragment, no tracking parameters, no empty query. The path is kept as the
 * outlet wrote it (paths are case-sensitive on most servers). Written here because the JDK's
 * {@link URI#normalize()} only resolves dot segments.
 */
public final class UrlNormalizer {
    private UrlNormalizer() {}

    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "yclid", "ysclid", "mc_cid", "mc_eid", "igshid", "_openstat",
            "from", "ref", "ref_src", "rss", "spm", "cmpid", "ocid", "smid", "wt.mc_id");

    private static boolean tracking(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("utm_") || TRACKING.contains(n);
    }

    /** The normalised form, or throws IllegalArgumentException naming what is wrong. */
    public static String normalize(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("empty url");
        }
        URI u;
        try {
            u = new URI(url.trim().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage());
        }
        String scheme = u.getScheme();
        if (scheme == null || u.getRawAuthority() == null) {
            // synthetic identities (e.g. "telegram:channel/123") are kept, trimmed
            if (scheme != null && u.isOpaque()) {
                return scheme.toLowerCase(Locale.ROOT) + ":" + u.getRawSchemeSpecificPart();
            }
            throw new IllegalArgumentException("not an absolute URL: " + url);
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        String host = u.getHost() == null ? u.getRawAuthority() : u.getHost();
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = u.getPort();
        if ((port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"))) {
            port = -1;
        }
        String path = u.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        String query = u.getRawQuery();
        StringBuilder q = new StringBuilder();
        if (query != null) {
            List<String> kept = new ArrayList<>();
            for (String p : query.split("&")) {
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                String name = eq < 0 ? p : p.substring(0, eq);
                if (!tracking(name)) {
                    kept.add(p);
                }
            }
            q.append(String.join("&", kept));
        }
        StringBuilder out = new StringBuilder(scheme).append("://");
        if (u.getRawUserInfo() != null) {
            out.append(u.getRawUserInfo()).append('@');
        }
        out.append(host);
        if (port != -1) {
            out.append(':').append(port);
        }
        out.append(path);
        if (q.length() > 0) {
            out.append('?').append(q);
        }
        return out.toString();
    }
}
