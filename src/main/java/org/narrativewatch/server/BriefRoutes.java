package org.narrativewatch.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.narrativewatch.UserException;
import org.narrativewatch.brief.Brief;
import org.narrativewatch.brief.BriefChecker;
import org.narrativewatch.brief.BriefContext;
import org.narrativewatch.brief.BriefException;
import org.narrativewatch.brief.BriefParser;
import org.narrativewatch.brief.BriefReport;
import org.narrativewatch.brief.FigureSpec;
import org.narrativewatch.brief.HtmlBrief;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;

/**
 * The briefs of a folder ({@code nwatch serve --briefs DIR}): a list, each rendered live (checked on request, kept
 * until the file or the index changes), its check as JSON, a figure block made from a dashboard view, and appending
 * such a block to a brief (a write: needs the token). Checks run one at a time on their own pool: a brief with
 * territory figures takes seconds to minutes, and must not hold the query pool.
 */
final class BriefRoutes {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.md");
    static final int MAX_FIGURE_BYTES = 64 * 1024;
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(10);
    private static final com.fasterxml.jackson.databind.ObjectMapper YAML = new com.fasterxml.jackson.databind.ObjectMapper(
            YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build());

    /** How the server's engine and data are handed to a check. */
    record Setup(Path dir, Function<Brief, BriefContext.Sources> sources) {}

    private final Engine engine;
    private Setup setup;
    private final QueryRunner runner = new QueryRunner(1, 4, CHECK_TIMEOUT);
    private final Map<String, Rendered> cache = new LinkedHashMap<>();

    /** A rendering and what it was made from. */
    private record Rendered(long modified, long size, String snapshot, String html, ObjectNode json) {}

    BriefRoutes(Engine engine) {
        this.engine = engine;
    }

    void configure(Setup s) {
        this.setup = s;
    }

    List<DashboardServer.Route> routes() {
        return List.of(
                new DashboardServer.Route(HandlerType.GET, "/api/briefs", false, this::list),
                new DashboardServer.Route(HandlerType.GET, "/api/briefs/figure", false, this::figure),
                new DashboardServer.Route(HandlerType.GET, "/api/briefs/{name}/check", false, this::check),
                new DashboardServer.Route(HandlerType.POST, "/api/briefs/{name}/figures", true, this::append),
                new DashboardServer.Route(HandlerType.GET, "/briefs/{name}", false, this::page));
    }

    void close() {
        runner.close();
    }

    private Path dir() {
        if (setup == null) {
            throw new ApiException(501, "no briefs folder: start the server with --briefs DIR");
        }
        return setup.dir();
    }

    private Path file(Context ctx) {
        String name = ctx.pathParam("name");
        if (!NAME.matcher(name).matches()) {
            throw new ApiException(400, "brief name '" + name + "': letters, digits, '.', '_' or '-', ending in .md");
        }
        return dir().resolve(name);
    }

    private Path existing(Context ctx) {
        Path f = file(ctx);
        if (!Files.isRegularFile(f)) {
            throw new ApiException(404, "no brief " + f.getFileName() + " in the briefs folder (see /api/briefs)");
        }
        return f;
    }

    private void list(Context ctx) throws IOException {
        ObjectNode o = Views.MAPPER.createObjectNode();
        ArrayNode a = o.putArray("briefs");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir())) {
            files = s.filter(p -> NAME.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path f : files) {
            ObjectNode b = a.addObject();
            b.put("name", f.getFileName().toString());
            b.put("url", "/briefs/" + f.getFileName());
            b.put("modified", Files.getLastModifiedTime(f).toInstant().toString());
            try {
                Brief brief = BriefParser.read(f);
                b.put("title", brief.title());
                b.put("figures", brief.figures().size());
            } catch (BriefException e) {
                b.put("title", f.getFileName().toString());
                b.put("figures", 0);
                b.put("error", e.getMessage());
            }
        }
        ctx.json(o);
    }

    private Rendered rendered(Path f) throws IOException {
        long modified = Files.getLastModifiedTime(f).toMillis();
        long size = Files.size(f);
        String snapshot = runner.run(() -> engine.snapshot().label());
        synchronized (cache) {
            Rendered r = cache.get(f.toString());
            if (r != null && r.modified() == modified && r.size() == size && r.snapshot().equals(snapshot)) {
                return r;
            }
        }
        Brief brief;
        try {
            brief = BriefParser.read(f);
        } catch (BriefException e) {
            throw new UserException(e.getMessage());
        }
        Rendered r = runner.run(() -> {
            try (BriefContext c = new BriefContext(brief, setup.sources().apply(brief))) {
                BriefChecker.Result result = BriefChecker.check(c, null);
                return new Rendered(modified, size, snapshot, HtmlBrief.render(result), BriefReport.json(result));
            }
        });
        synchronized (cache) {
            cache.put(f.toString(), r);
        }
        return r;
    }

    private void page(Context ctx) throws IOException {
        Path f = existing(ctx);
        Rendered r = rendered(f);
        // the page is self-contained: inline styles, no script, nothing fetched
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(r.html());
    }

    private void check(Context ctx) throws IOException {
        ctx.json(rendered(existing(ctx)).json());
    }

    /** A figure block for the dashboard's view: one media figure per query, as YAML the brief format reads. */
    private void figure(Context ctx) {
        List<Query> qs = Params.queries(ctx, Params.MAX_QUERIES);
        Selection sel = Params.selection(ctx);
        Bucketing by = Params.by(ctx);
        String mode = ctx.queryParam("mode");
        StringBuilder blocks = new StringBuilder();
        ArrayNode ids = Views.MAPPER.createArrayNode();
        for (Query q : qs) {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Object> media = new LinkedHashMap<>();
            media.put("query", q.text());
            media.put("by", by.wire());
            if (sel.from() != null) {
                media.put("from", sel.from().toString());
            }
            if (sel.to() != null) {
                media.put("to", sel.to().toString());
            }
            media.put("measure", "share".equals(mode) ? "share" : "count");
            if (!sel.outlets().isEmpty()) {
                media.put("outlets", new ArrayList<>(sel.outlets()));
            }
            if (!sel.groups().isEmpty()) {
                media.put("groups", new ArrayList<>(sel.groups()));
            }
            if ("stories".equals(ctx.queryParam("unit"))) {
                media.put("count", "stories");
            }
            String id = slug(q.text());
            m.put("id", id);
            m.put("media", media);
            ids.add(id);
            try {
                blocks.append("```figure\n").append(YAML.writeValueAsString(m)).append("```\n\n");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        ObjectNode o = Views.MAPPER.createObjectNode();
        o.put("block", blocks.toString());
        o.set("ids", ids);
        ctx.json(o);
    }

    /** An id from a query: its letters and digits, lower case, joined by '-' (a figure id needs no more). */
    static String slug(String text) {
        String s = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        s = s.replaceAll("[^A-Za-z0-9_-]", "");
        if (s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0))) {
            s = "figure-" + Integer.toHexString(text.hashCode() & 0xfffff);
        }
        return s.length() > 60 ? s.substring(0, 60) : s;
    }

    /** Appends figure blocks to a brief (created with a heading when absent); each block is checked to be one first. */
    private void append(Context ctx) throws IOException {
        Path f = file(ctx);
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_FIGURE_BYTES) {
            throw new ApiException(413, "figure body: " + body.length + " bytes, at most " + MAX_FIGURE_BYTES);
        }
        String text = new String(body, StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
        if (!text.startsWith("```figure")) {
            text = "```figure\n" + text + "\n```";
        }
        Brief incoming;
        try {
            incoming = BriefParser.parse(Path.of("request body"), text + "\n");
        } catch (BriefException e) {
            throw new UserException(e.getMessage());
        }
        for (FigureSpec s : incoming.figures()) {
            if (s.malformed()) {
                throw new UserException(s.problem());
            }
        }
        synchronized (this) {
            String old = Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8)
                    : "# " + f.getFileName().toString().replaceAll("\\.md$", "") + "\n";
            java.util.Set<String> existing = new java.util.HashSet<>();
            if (Files.isRegularFile(f)) {
                try {
                    BriefParser.read(f).figures().forEach(x -> existing.add(x.id()));
                } catch (BriefException ignored) {
                    // a brief without figures yet: nothing to clash with
                }
            }
            for (FigureSpec s : incoming.figures()) {
                if (existing.contains(s.id())) {
                    throw new ApiException(409, "brief " + f.getFileName() + " already has a figure '" + s.id() + "'");
                }
            }
            String joined = old.endsWith("\n") ? old : old + "\n";
            String updated = joined + "\n" + text + "\n";
            Path tmp = f.resolveSibling("." + f.getFileName() + ".tmp");
            Files.writeString(tmp, updated, StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        ObjectNode o = Views.MAPPER.createObjectNode();
        o.put("brief", f.getFileName().toString());
        ArrayNode ids = o.putArray("appended");
        incoming.figures().forEach(s -> ids.add(s.id()));
        ctx.status(201).json(o);
    }
}
