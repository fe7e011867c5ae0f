package org.narrativewatch.server;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every response carries, refusals included (a 403 for a wrong Host, a 413 for a body
 * over the cap): no sniffing, no framing, no referrer, and a policy that runs only the dashboard's
 * own scripts.
 */
final class SecurityHeaders {
    private SecurityHeaders() {}

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    static void apply(HttpServletResponse res) {
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("X-Frame-Options", "DENY");
        res.setHeader("Content-Security-Policy", CSP);
    }
}
