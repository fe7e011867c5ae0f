package org.narrativewatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.narrativewatch.DateRangeException;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.UserException;
import org.narrativewatch.Version;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Hits;
import org.narrativewatch.index.HitsFormat;
import org.narrativewatch.index.OutletInfo;
import org.narrativewatch.index.Selection;
import org.narrativewatch.opinion.PollFormat;
import org.narrativewatch.opinion.PollSeries;
import org.narrativewatch.opinion.PollStore;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;
import org.narrativewatch.timeline.SeriesFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code nwatch serve}: the HTTP API over an {@link Engine} and the dashboard page. Every number
 * comes from the same engine calls the CLI makes. Bounded on every side: loopback by default, a
 * token for writes, capped request bodies, queries and results, engine calls on a pool with a timeout.
 */
public final class DashboardServer implements AutoCloseable {

    private static final Pattern COLUMN = Pattern.compile("at column (\\d+)");
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    /** A first look at a date scans its snapshot archive; scenarios overlay whole regions. */
    private static final Duration MAP_TIMEOUT = Duration.ofSeconds(120);
    /** A scenario is a few steps and polylines: far below the general body cap. */
    static final int MAX_SCENARIO_BYTES = 256 * 1024;

    /** An endpoint: listed here once, registered from here, and checked against openapi.json by a test. */
    record Route(HandlerType method, String path, boolean writes, Handler handler) {}

    private final Engine engine;
    private final Corpus corpus;
    private final ServerOptions options;
    private final AccessToken token;
    private final EventStore events;
    private final ShiftFinder shifts;
    private final QueryRunner runner;
    private final List<Route> routes;
    /** Territory calls are serialised and can take seconds (a snapshot is read from its archive): own pool. */
    private final QueryRunner mapRunner;
    private final BriefRoutes briefs;
    private final ExplainRoutes explain;
    private TerritoryLayers territory;
    private Path pollsFile;
    private Javalin app;

    /**
     * @param shifts change-point detection for the shifts endpoint, or null (it then answers 501)
     */
    public DashboardServer(Engine engine, ServerOptions options, AccessToken token, EventStore events,
                           ShiftFinder shifts) {
        this.engine = Objects.requireNonNull(engine);
        this.corpus = Corpus.of(engine);
        this.options = options;
        this.token = Objects.requireNonNull(token);
        this.events = Objects.requireNonNull(events);
        this.shifts = shifts;
        this.runner = new QueryRunner(options.queryThreads(), 256, options.queryTimeout());
        this.mapRunner = new QueryRunner(1, 8, MAP_TIMEOUT);
        this.briefs = new BriefRoutes(engine);
        this.explain = new ExplainRoutes(engine, runner);
        this.routes = concat(java.util.stream.Stream.concat(briefs.routes().stream(), explain.routes().stream()).toList(),
                new Route(HandlerType.GET, "/api/stats", false, this::stats),
                new Route(HandlerType.GET, "/api/outlets", false, this::outlets),
                new Route(HandlerType.GET, "/api/groups", false, this::groups),
                new Route(HandlerType.GET, "/api/timeline", false, this::timeline),
                new Route(HandlerType.GET, "/api/timelines", false, this::timelines),
                new Route(HandlerType.GET, "/api/breakdown", false, this::breakdown),
                new Route(HandlerType.GET, "/api/shifts", false, this::shifts),
                new Route(HandlerType.GET, "/api/search", false, this::search),
                new Route(HandlerType.GET, "/api/events", false, this::listEvents),
                new Route(HandlerType.POST, "/api/events", true, this::addEvent),
                new Route(HandlerType.DELETE, "/api/events/{id}", true, this::deleteEvent),
                new Route(HandlerType.GET, "/api/events.csv", false, this::exportEvents),
                new Route(HandlerType.POST, "/api/events.csv", true, this::importEvents),
                new Route(HandlerType.GET, "/api/territory/dates", false, this::territoryDates),
                new Route(HandlerType.GET, "/api/territory/regions", false, this::territoryRegions),
                new Route(HandlerType.GET, "/api/territory/control", false, this::territoryControl),
                new Route(HandlerType.POST, "/api/territory/scenario", false, this::territoryScenario),
                new Route(HandlerType.GET, "/api/polls", false, this::listPolls),
                // <id>, not {id}: a series id is pollster/question/answer and holds slashes
                new Route(HandlerType.GET, "/api/polls/<id>", false, this::pollSeries),
                new Route(HandlerType.GET, "/openapi.json", false, this::openapi));
    }

    List<Route> routes() {
        return routes;
    }

    private static List<Route> concat(List<Route> more, Route... routes) {
        List<Route> all = new ArrayList<>(List.of(routes));
        all.addAll(more);
        return List.copyOf(all);
    }

    /**
     * Lists and renders the briefs of {@code dir} live ({@code nwatch serve --briefs DIR}); {@code sources} says where a
     * check finds the index (this server's engine), the data folder and the poll store.
     */
    public DashboardServer withBriefs(Path dir, java.util.function.Function<org.narrativewatch.brief.Brief,
            org.narrativewatch.brief.BriefContext.Sources> sources) {
        briefs.configure(new BriefRoutes.Setup(dir, sources));
        return this;
    }

    /** Serves the map endpoints from these layers (without them they answer 501 saying how to enable them). */
    public DashboardServer withTerritory(Path geoDir) {
        this.territory = TerritoryLayers.load(geoDir);
        return this;
    }

    /** Serves poll series from this store file (read on each request, so imports show without a restart). */
    public DashboardServer withPolls(Path pollsFile) {
        this.pollsFile = pollsFile;
        return this;
    }

    /** Starts listening; returns this for chaining. */
    public DashboardServer start() {
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Views.MAPPER, false));
            cfg.http.maxRequestSize = options.maxRequestBytes();
            cfg.jetty.modifyServletContextHandler(h -> RequestBodyCap.install(h, options.maxRequestBytes()));
            cfg.http.gzipOnlyCompression();
            // Jetty's static handler resolves paths inside this classpath folder and refuses aliases
            // and "..": files outside it cannot be reached (tested with raw ../ and %2e%2e requests).
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/web";
                sf.location = Location.CLASSPATH;
                sf.headers = Map.of("Cache-Control", "no-cache");
            });
        });
        app.before(this::guard);
        KnownParams known = KnownParams.fromOpenapi(openapiDocument());
        for (Route r : routes) {
            Handler checked = ctx -> {
                known.check(ctx, r.method(), r.path());
                r.handler().handle(ctx);
            };
            Handler h = r.writes() ? ctx -> {
                requireToken(ctx);
                checked.handle(ctx);
            } : checked;
            app.addHttpHandler(r.method(), r.path(), h);
        }
        app.exception(Params.QueryError.class, (e, ctx) -> {
            ObjectNode o = error(400, e.getMessage());
            o.put("param", e.param);
            o.put("query", e.query);
            Matcher m = COLUMN.matcher(e.getMessage());
            if (m.find()) {
                o.put("column", Integer.parseInt(m.group(1)));
            }
            ctx.status(400).json(o);
        });
        app.exception(InvalidOptionException.class, (e, ctx) -> ctx.status(400).json(optionError(e)));
        app.exception(KnownParams.UnknownParam.class, (e, ctx) -> {
            ObjectNode o = error(400, e.getMessage());
            o.put("param", e.param);
            e.known.forEach(o.putArray("known")::add);
            ctx.status(400).json(o);
        });
        app.exception(UserException.class, (e, ctx) -> ctx.status(400).json(error(400, ApiMessages.forClient(e.getMessage()))));
        app.exception(ApiException.class, (e, ctx) -> ctx.status(e.status).json(error(e.status, e.getMessage())));
        app.exception(HttpResponseException.class, (e, ctx) ->
                ctx.status(e.getStatus()).json(error(e.getStatus(), e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(error(500, "internal error: " + e.getClass().getSimpleName()));
        });
        app.error(404, ctx -> {
            if (ctx.path().startsWith("/api/")) {
                ctx.json(error(404, "no such endpoint: " + ctx.path() + " (see /openapi.json)"));
            }
        });
        app.start(options.host(), options.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        runner.close();
        mapRunner.close();
        briefs.close();
    }

    // ---- security ----------------------------------------------------------------------------

    private void guard(Context ctx) {
        // A page on another site could point a DNS name at 127.0.0.1 and read the API through it
        // (DNS rebinding): on loopback, only loopback names are accepted in the Host header.
        // headers first: a refusal carries them too
        SecurityHeaders.apply(ctx.res());
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
        if (options.loopback() && !loopbackHost(ctx.host())) {
            throw new ApiException(403, "Host header '" + ctx.host() + "' is not allowed on a loopback server");
        }
    }

    static boolean loopbackHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String h = hostHeader.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end < 0 ? h : h.substring(1, end);
        } else if (h.indexOf(':') == h.lastIndexOf(':') && h.contains(":")) {
            h = h.substring(0, h.indexOf(':'));
        }
        return h.equals("localhost") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }

    private void requireToken(Context ctx) {
        String given = ctx.header("X-NWatch-Token");
        String auth = ctx.header("Authorization");
        if (given == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = auth.substring(7).strip();
        }
        if (given == null || given.isEmpty()) {
            throw new ApiException(401, "this endpoint changes data: send the server token in the X-NWatch-Token header "
                    + "(printed by nwatch serve, kept in the server config)");
        }
        if (!token.matches(given)) {
            throw new ApiException(403, "wrong token");
        }
    }

    private static ObjectNode error(int status, String message) {
        ObjectNode o = Views.MAPPER.createObjectNode();
        o.put("error", message);
        o.put("status", status);
        return o;
    }

    /**
     * A setting that cannot be used, said with the API's names ("parameter to 2022-01-01 is before parameter from
     * 2022-03-01"), with the parameter to correct under "param" (and a range's two dates under "from" and "to").
     */
    static ObjectNode optionError(InvalidOptionException e) {
        ObjectNode o = error(400, e.message(InvalidOptionException.PARAMETER));
        o.put("param", e.option());
        if (e instanceof DateRangeException r) {
            o.put("from", r.from().toString());
            o.put("to", r.to().toString());
        }
        return o;
    }

    // ---- corpus ------------------------------------------------------------------------------

    private void stats(Context ctx) {
        ctx.json(Views.stats(runner.run(corpus::stats)));
    }

    private void outlets(Context ctx) {
        List<OutletInfo> list = runner.run(corpus::outlets);
        ObjectNode o = Views.MAPPER.createObjectNode();
        ArrayNode a = o.putArray("outlets");
        list.stream().sorted(Comparator.comparing(OutletInfo::outlet)).forEach(i -> {
            ObjectNode x = a.addObject();
            x.put("outlet", i.outlet());
            x.put("group", i.group());
            x.put("articles", i.articles());
            x.put("from", Views.str(i.from()));
            x.put("to", Views.str(i.to()));
        });
        ctx.json(o);
    }

    private void groups(Context ctx) {
        List<OutletInfo> list = runner.run(corpus::outlets);
        Map<String, List<OutletInfo>> by = new TreeMap<>();
        long ungrouped = 0;
        for (OutletInfo i : list) {
            if (i.group() == null || i.group().isBlank()) {
                ungrouped++;
            } else {
                by.computeIfAbsent(i.group(), k -> new ArrayList<>()).add(i);
            }
        }
        ObjectNode o = Views.MAPPER.createObjectNode();
        ArrayNode a = o.putArray("groups");
        by.forEach((g, members) -> {
            ObjectNode x = a.addObject();
            x.put("group", g);
            ArrayNode names = x.putArray("outlets");
            members.stream().map(OutletInfo::outlet).sorted().forEach(names::add);
            x.put("articles", members.stream().mapToLong(OutletInfo::articles).sum());
            x.put("from", Views.str(members.stream().map(OutletInfo::from).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null)));
            x.put("to", Views.str(members.stream().map(OutletInfo::to).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null)));
        });
        o.put("ungrouped_outlets", ungrouped);
        ctx.json(o);
    }

    // ---- timelines ---------------------------------------------------------------------------

    private void timeline(Context ctx) {
        Query q = Params.query(ctx);
        Selection sel = selection(ctx);
        Bucketing by = Params.by(ctx);
        Engine.CountUnit unit = Params.unit(ctx);
        boolean csv = Params.csv(ctx);
        Series s = runner.run(() -> corpus.timeline(q, sel, by, unit));
        if (csv) {
            Map<String, Object> prov = new java.util.LinkedHashMap<>();
            prov.put("selection", Views.selectionText(sel));
            prov.put("engine", engine.name());
            prov.put("snapshot", runner.run(corpus::snapshot).label());
            prov.put("version", "nwatch " + Version.current());
            attachment(ctx, "nwatch-timeline.csv");
            ctx.result(SeriesFormat.toCsv(s, prov));
        } else {
            ctx.json(withMeta(Views.series(s, sel, engine.name())));
        }
    }

    /** The request's selection, its outlets and groups checked against the corpus (an unknown one is a 400). */
    private Selection selection(Context ctx) {
        Selection sel = Params.selection(ctx);
        if (!sel.outlets().isEmpty() || !sel.groups().isEmpty()) {
            KnownOutlets.check(sel, runner.run(corpus::outlets));
        }
        return sel;
    }

    /** What an exported JSON says made it: the corpus snapshot and the tool's version. */
    private ObjectNode withMeta(ObjectNode o) {
        o.put("snapshot", runner.run(corpus::snapshot).label());
        o.put("version", "nwatch " + Version.current());
        return o;
    }

    private void timelines(Context ctx) {
        List<Query> qs = Params.queries(ctx, Params.MAX_QUERIES);
        Selection sel = selection(ctx);
        Bucketing by = Params.by(ctx);
        Engine.CountUnit unit = Params.unit(ctx);
        boolean csv = Params.csv(ctx);
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            Query q = qs.get(i);
            try {
                series.add(runner.run(() -> corpus.timeline(q, sel, by, unit)));
            } catch (Params.QueryError e) {
                throw e;
            } catch (UserException e) {
                // a query that parses but cannot run (a prefix expanding too far): say which one, so the others draw
                throw new Params.QueryError(qs.size() == 1 ? "q" : "q[" + (i + 1) + "]", q.text(), e.getMessage());
            }
        }
        if (csv) {
            csv(ctx, "timelines", series, sel);
            return;
        }
        ObjectNode o = Views.MAPPER.createObjectNode();
        o.put("by", by.wire());
        o.put("unit", unit.wire());
        o.set("selection", Views.selection(sel));
        ArrayNode a = o.putArray("series");
        for (int i = 0; i < qs.size(); i++) {
            a.add(Views.series(series.get(i), sel, engine.name()));
        }
        ctx.json(withMeta(o));
    }

    /** Long-format CSV whose header comments carry the queries, selection and corpus snapshot that made it. */
    private void csv(Context ctx, String what, List<Series> series, Selection sel) {
        Map<String, Object> prov = new java.util.LinkedHashMap<>();
        prov.put("selection", Views.selectionText(sel));
        prov.put("corpus", runner.run(corpus::snapshot).label());
        prov.put("version", "nwatch " + Version.current());
        attachment(ctx, "nwatch-" + what + ".csv");
        ctx.result(SeriesFormat.toLongCsv("nwatch " + what + " (" + engine.name() + ")", series, prov));
    }

    private static void attachment(Context ctx, String filename) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    private void breakdown(Context ctx) {
        Query q = Params.query(ctx);
        Selection sel = selection(ctx);
        Bucketing by = Params.by(ctx);
        Engine.CountUnit unit = Params.unit(ctx);
        Engine.Facet facet = Params.oneOf(ctx, "facet", Engine.Facet.class, Engine.Facet.OUTLET);
        int top = Params.intParam(ctx, "top", 8, 1, 30);
        Map<String, Series> all = runner.run(() -> corpus.breakdown(q, sel, by, unit, facet));
        List<Map.Entry<String, Series>> ranked = all.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Series>>comparingLong(e -> -sum(e.getValue().counts()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        ObjectNode o = Views.MAPPER.createObjectNode();
        o.put("query", q.text());
        o.put("facet", facet.name().toLowerCase(Locale.ROOT));
        o.put("by", by.wire());
        o.set("selection", Views.selection(sel));
        ArrayNode a = o.putArray("series");
        for (var e : ranked.subList(0, Math.min(top, ranked.size()))) {
            ObjectNode s = Views.series(e.getValue(), sel, engine.name());
            s.put("value", e.getKey());
            s.put("matches", sum(e.getValue().counts()));
            a.add(s);
        }
        o.put("omitted", Math.max(0, ranked.size() - top));
        ctx.json(o);
    }

    private static long sum(long[] xs) {
        long s = 0;
        for (long x : xs) {
            s += x;
        }
        return s;
    }

    private void shifts(Context ctx) {
        Query q = Params.query(ctx);
        Selection sel = selection(ctx);
        Bucketing by = Params.by(ctx);
        Engine.CountUnit unit = Params.unit(ctx);
        String model = ctx.queryParam("model");
        if (shifts == null) {
            throw new ApiException(501, "shift detection is not available in this build");
        }
        Series s = runner.run(() -> corpus.timeline(q, sel, by, unit));
        JsonNode found = runner.run(() -> shifts.find(q.text(), s, model == null || model.isBlank() ? null : model.strip()));
        if ("true".equalsIgnoreCase(ctx.queryParam("explain"))) {
            explain.explainChanges(found, q, sel, s, Params.intParam(ctx, "explain_days", 90, 1, 3660));
        }
        ctx.json(found);
    }

    // ---- search ------------------------------------------------------------------------------

    private void search(Context ctx) {
        Selection sel = selection(ctx);
        Query q = Params.query(ctx);
        Engine.HitOrder order = Params.oneOf(ctx, "order", Engine.HitOrder.class, Engine.HitOrder.NEWEST);
        if (Params.csv(ctx)) {
            Map<String, String> header = new java.util.LinkedHashMap<>();
            header.put("nwatch articles", engine.name());
            header.put("query", q.text());
            header.put("selection", Views.selectionText(sel));
            header.put("order", order.name().toLowerCase(Locale.ROOT));
            header.put("corpus", runner.run(corpus::snapshot).label());
            header.put("version", "nwatch " + Version.current());
            attachment(ctx, "nwatch-articles.csv");
            ctx.result(ArticleListCsv.write(header, (off, lim) -> runner.run(() -> corpus.search(q, sel, off, lim, order))));
            return;
        }
        int limit = Params.limit(ctx, 20, options.maxHits());
        int offset = Params.intParam(ctx, "offset", 0, 0, ArticleListCsv.MAX_ROWS);
        Hits h = runner.run(() -> corpus.search(q, sel, offset, limit, order));
        ctx.json(HitsFormat.toJson(q.text(), h, offset, limit));
    }

    // ---- events ------------------------------------------------------------------------------

    private void listEvents(Context ctx) {
        ObjectNode o = Views.MAPPER.createObjectNode();
        o.set("events", Views.MAPPER.valueToTree(events.list()));
        ctx.json(o);
    }

    private void addEvent(Context ctx) throws IOException {
        JsonNode body;
        try {
            body = Views.MAPPER.readTree(ctx.body());
        } catch (IOException e) {
            throw new UserException("request body: not JSON (expected {\"date\": \"YYYY-MM-DD\", \"label\": …, \"kind\": …})");
        }
        if (body == null || !body.isObject()) {
            throw new UserException("request body: expected a JSON object {\"date\", \"label\", \"kind\"}");
        }
        String d = body.path("date").asText("");
        LocalDate date;
        try {
            date = LocalDate.parse(d);
        } catch (RuntimeException e) {
            throw new UserException("field date: '" + d + "' is not YYYY-MM-DD");
        }
        Event e = events.add(date, body.path("label").asText(null), body.path("kind").asText(null));
        ctx.status(201).json(e);
    }

    private void deleteEvent(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        if (!events.delete(id)) {
            throw new ApiException(404, "no event with id " + id);
        }
        ctx.status(204);
    }

    private void exportEvents(Context ctx) {
        attachment(ctx, "nwatch-events.csv");
        ctx.result(events.exportCsv());
    }

    private void importEvents(Context ctx) throws IOException {
        EventStore.ImportResult r = events.importCsv(ctx.body());
        ctx.json(Map.of("added", r.added(), "skipped", r.skipped()));
    }

    // ---- territory map -------------------------------------------------------------------------

    private TerritoryLayers territoryLayers() {
        if (territory == null) {
            throw new ApiException(501, "no territory data: start the server with --geo DIR "
                    + "(a folder laid out like ../shared/data/geo: occupied/, regions/, settlements/)");
        }
        return territory;
    }

    private void territoryDates(Context ctx) {
        TerritoryLayers t = territoryLayers();
        ObjectNode o = Views.MAPPER.createObjectNode();
        ArrayNode a = o.putArray("dates");
        t.dates().forEach(d -> a.add(d.toString()));
        ctx.json(o);
    }

    private void territoryRegions(Context ctx) {
        ctx.json(territoryLayers().regions());
    }

    private LocalDate mapDate(Context ctx, List<LocalDate> dates) {
        String d = ctx.queryParam("date");
        if (d == null || d.isBlank()) {
            if (dates.isEmpty()) {
                throw new UserException("the territory data has no snapshots");
            }
            return dates.get(dates.size() - 1);
        }
        try {
            return LocalDate.parse(d.strip());
        } catch (RuntimeException e) {
            throw new UserException("parameter date: '" + d + "' is not YYYY-MM-DD");
        }
    }

    private void territoryControl(Context ctx) {
        TerritoryLayers t = territoryLayers();
        LocalDate date = mapDate(ctx, t.dates());
        boolean stats = !"false".equalsIgnoreCase(ctx.queryParam("stats"));
        ctx.json(mapRunner.run(() -> t.control(date, stats)));
    }

    private void territoryScenario(Context ctx) {
        TerritoryLayers t = territoryLayers();
        LocalDate date = mapDate(ctx, t.dates());
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_SCENARIO_BYTES) {
            throw new ApiException(413, "scenario body: " + body.length + " bytes, at most " + MAX_SCENARIO_BYTES);
        }
        if (body.length == 0) {
            throw new UserException("scenario body: empty (send the scenario's YAML or JSON)");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        ctx.json(mapRunner.run(() -> t.scenario(text, date)));
    }

    // ---- polls -------------------------------------------------------------------------------

    private PollStore polls() {
        if (pollsFile == null) {
            throw new ApiException(501, "no poll store configured");
        }
        return PollStore.open(pollsFile);
    }

    private void listPolls(Context ctx) {
        PollStore store = polls();
        ObjectNode o = Views.MAPPER.createObjectNode();
        o.put("store", store.file().toString());
        o.set("series", PollFormat.list(store.series().values()));
        ctx.json(o);
    }

    private void pollSeries(Context ctx) {
        String id = ctx.pathParam("id");
        PollSeries s = polls().series().get(id);
        if (s == null) {
            throw new ApiException(404, "no poll series with id '" + id + "' (see /api/polls)");
        }
        ctx.json(PollFormat.series(s));
    }

    // ---- description -------------------------------------------------------------------------

    static String openapiDocument() {
        try (InputStream in = DashboardServer.class.getResourceAsStream("openapi.json")) {
            return new String(Objects.requireNonNull(in, "openapi.json missing from the jar").readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void openapi(Context ctx) {
        ctx.contentType("application/json");
        ctx.result(openapiDocument());
    }
}
