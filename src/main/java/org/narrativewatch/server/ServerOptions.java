package org.narrativewatch.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the dashboard server runs and what it bounds.
 *
 * @param host            address to listen on; loopback unless the user says otherwise
 * @param port            0 picks a free port (tests)
 * @param eventsFile      the events layer's CSV file
 * @param queryTimeout    an engine call running longer is stopped and answered 503
 * @param queryThreads    engine calls running at once; more wait in a bounded queue
 * @param maxHits         cap on {@code limit} for search
 * @param maxRequestBytes cap on a request body (event CSV uploads)
 */
public record ServerOptions(String host, int port, Path eventsFile, Duration queryTimeout, int queryThreads,
                            int maxHits, long maxRequestBytes) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;

    public static ServerOptions defaults(Path eventsFile) {
        return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, eventsFile, Duration.ofSeconds(15),
                Math.max(2, Runtime.getRuntime().availableProcessors()), 200, 1 << 20);
    }

    public ServerOptions withPort(int p) {
        return new ServerOptions(host, p, eventsFile, queryTimeout, queryThreads, maxHits, maxRequestBytes);
    }

    public ServerOptions withHost(String h) {
        return new ServerOptions(h, port, eventsFile, queryTimeout, queryThreads, maxHits, maxRequestBytes);
    }

    public ServerOptions withQueryTimeout(Duration t) {
        return new ServerOptions(host, port, eventsFile, t, queryThreads, maxHits, maxRequestBytes);
    }

    /** True when only this machine can connect. */
    public boolean loopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
