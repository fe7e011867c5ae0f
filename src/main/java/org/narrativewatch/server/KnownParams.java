package org.narrativewatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.narrativewatch.UserException;

/**
 * The query parameters each endpoint takes, read from the API's own description (openapi.json): a parameter it
 * does not list is refused, naming the ones it does. Taken from the document, not a second list, so an endpoint
 * that gains a parameter is described and accepted in one edit.
 */
final class KnownParams {

    private final Map<String, Set<String>> byRoute = new LinkedHashMap<>();

    private KnownParams(JsonNode openapi) {
        openapi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            Set<String> names = new TreeSet<>();
            for (JsonNode p : op.getValue().path("parameters")) {
                if ("query".equals(p.path("in").asText())) {
                    names.add(p.path("name").asText());
                }
            }
            byRoute.put(key(op.getKey(), path.getKey()), names);
        }));
    }

    static KnownParams fromOpenapi(String document) {
        try {
            return new KnownParams(Views.MAPPER.readTree(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Route paths as Javalin writes them ({@code /api/polls/<id>}) and as OpenAPI does ({@code /api/polls/{id}}). */
    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path.replace('<', '{').replace('>', '}');
    }

    /** The names this route takes (empty for one that takes none). */
    Set<String> of(HandlerType method, String path) {
        return byRoute.getOrDefault(key(method.name(), path), Set.of());
    }

    /** Refuses a request that carries a parameter its route does not take. */
    void check(Context ctx, HandlerType method, String path) {
        Set<String> known = of(method, path);
        for (String name : ctx.queryParamMap().keySet()) {
            if (!known.contains(name)) {
                throw new UnknownParam(name, known);
            }
        }
    }

    /** A parameter the endpoint does not take: answered as 400 naming it and the ones it takes. */
    static final class UnknownParam extends UserException {
        final String param;
        final List<String> known;

        UnknownParam(String param, Set<String> known) {
            super("unknown parameter '" + param + "'" + (known.isEmpty() ? ": this endpoint takes none"
                    : " (this endpoint takes: " + String.join(", ", known) + ")"));
            this.param = param;
            this.known = List.copyOf(known);
        }
    }
}
