package org.narrativewatch.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.narrativewatch.UserException;
import org.narrativewatch.index.QueryGuard;

/**
 * JSON over HTTP to one OpenSearch endpoint. The JDK's HttpClient and Jackson (already a dependency)
 * are all the engine needs: it sends a handful of request kinds (bulk, search, index admin), so the
 * official client and its transitive dependencies (Apache HttpClient 5, its own JSON layer) would
 * add weight and a second JSON mapper without saving code.
 */
final class OpenSearchClient {

    /** A response with its HTTP status; {@code body} is null when the server sent none. */
    record Response(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String authorization;
    private final HttpClient http;

    OpenSearchClient(String baseUrl) {
        String u = baseUrl == null ? "" : baseUrl.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        if (!u.startsWith("http://") && !u.startsWith("https://")) {
            throw new org.narrativewatch.InvalidOptionException("url", "must be an http(s) address such as http://127.0.0.1:9200, not '" + baseUrl + "'");
        }
        // user:password@ in the address becomes HTTP basic authentication and is kept out of messages
        URI uri = URI.create(u);
        if (uri.getRawUserInfo() != null) {
            this.authorization = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    java.net.URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
            u = u.replace(uri.getRawUserInfo() + "@", "");
        } else {
            this.authorization = null;
        }
        this.baseUrl = u;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    String baseUrl() {
        return baseUrl;
    }

    Response send(String method, String path, Object body) throws IOException {
        byte[] bytes = body == null ? null
                : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                : body instanceof byte[] b ? b : JSON.writeValueAsBytes(body);
        return sendBytes(method, path, bytes, body instanceof String || body instanceof byte[]
                ? "application/x-ndjson" : "application/json");
    }

    Response sendBytes(String method, String path, byte[] body, String contentType) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(10));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> r;
        try {
            QueryGuard guard = QueryGuard.current();
            r = guard == null ? http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()) : sendGuarded(b.build(), guard);
        } catch (ConnectException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to " + baseUrl, e);
        }
        byte[] bytes = r.body();
        JsonNode json = bytes == null || bytes.length == 0 || "HEAD".equals(method) ? null : JSON.readTree(bytes);
        return new Response(r.statusCode(), json);
    }

    private UserException unreachable(ConnectException e) {
        return new UserException("cannot reach OpenSearch at " + baseUrl + " (" + e.getClass().getSimpleName()
                + "): start a node or pass --url", e);
    }

    /**
     * Sends for a bounded call: waits in short steps and, once the guard is stopped or past its
     * deadline, cancels the exchange (the JDK client closes the connection, and the node cancels a
     * search whose connection closed) and throws {@link QueryGuard.Stopped}.
     */
    private HttpResponse<byte[]> sendGuarded(HttpRequest request, QueryGuard guard) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        while (true) {
            try {
                return f.get(GUARD_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (guard.shouldExit()) {
                    f.cancel(true);
                    guard.check();
                }
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof ConnectException ce) {
                    throw unreachable(ce);
                }
                if (c instanceof IOException io) {
                    throw io;
                }
                throw new IOException("OpenSearch request failed: " + c, c);
            }
        }
    }

    private static final long GUARD_POLL_MILLIS = 50;

    /** Sends and requires a 2xx answer. */
    JsonNode call(String method, String path, Object body) throws IOException {
        Response r = send(method, path, body);
        if (!r.ok()) {
            String reason = reason(r.body());
            if (reason.startsWith("too_many_nested_clauses") || reason.startsWith("too_many_clauses")) {
                // the node's own clause limit: the query is the user's to shorten (a 400, not a server failure),
                // should the compiler's count ever fall short of the node's
                throw new org.narrativewatch.UserException("query error: the OpenSearch node refused the query as too big ("
                        + reason + "); shorten the NEAR chain, use a longer prefix, or split the query");
            }
            throw new IOException("OpenSearch " + method + " " + path + " answered " + r.status() + ": " + reason);
        }
        return r.body();
    }

    static String reason(JsonNode body) {
        if (body == null) {
            return "(no body)";
        }
        JsonNode err = body.path("error");
        JsonNode root = err.path("root_cause").path(0);
        if (!root.isMissingNode()) {
            return root.path("type").asText() + ": " + root.path("reason").asText();
        }
        if (err.isObject()) {
            return err.path("type").asText() + ": " + err.path("reason").asText();
        }
        String s = body.toString();
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
