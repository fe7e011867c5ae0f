package org.narrativewatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.narrativewatch.UserException;
import org.narrativewatch.explain.ChangeExplainer;
import org.narrativewatch.explain.Collocates;
import org.narrativewatch.explain.CollocatesFormat;
import org.narrativewatch.explain.ExplainRequest;
import org.narrativewatch.explain.Explainer;
import org.narrativewatch.explain.Explanation;
import org.narrativewatch.explain.ExplanationFormat;
import org.narrativewatch.explain.Period;
import org.narrativewatch.explain.names.NameTagger;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Series;

/**
 * {@code /api/explain} and {@code /api/cooccur}: the same classes and JSON as {@code nwatch explain}
 * and {@code nwatch cooccur}; and the "what changed" blocks the shifts endpoint adds with
 * {@code explain=true}. Calls run on the server's query pool, under its time limit.
 */
final class ExplainRoutes {

    private final Engine engine;
    private final QueryRunner runner;
    private final NameTagger tagger = NameTagger.create();

    ExplainRoutes(Engine engine, QueryRunner runner) {
        this.engine = engine;
        this.runner = runner;
    }

    List<DashboardServer.Route> routes() {
        return List.of(
                new DashboardServer.Route(HandlerType.GET, "/api/explain", false, this::explain),
                new DashboardServer.Route(HandlerType.GET, "/api/cooccur", false, this::cooccur));
    }

    private void explain(Context ctx) {
        Query q = Params.query(ctx);
        Selection sel = Params.selection(ctx);
        LocalDate[] base = ExplainRequest.parseBaseline(ctx.queryParam("vs"));
        String scope = ctx.queryParam("baseline");
        boolean all = scope != null && !scope.isBlank() && !scope.equalsIgnoreCase("query");
        if (all && !scope.equalsIgnoreCase("all")) {
            throw new UserException("parameter baseline: query or all, not '" + scope + "'");
        }
        ExplainRequest req = new ExplainRequest(q, sel, base == null ? null : base[0], base == null ? null : base[1],
                Params.intParam(ctx, "top", ExplainRequest.DEFAULT_TOP, 1, 100),
                Params.intParam(ctx, "min_count", ExplainRequest.DEFAULT_MIN_COUNT, 1, 1_000_000),
                ExplainRequest.DEFAULT_MAX_P, Params.intParam(ctx, "sample", ExplainRequest.DEFAULT_SAMPLE, 10, 5000),
                ctx.queryParam("sort"), all);
        Explanation e = runner.run(() -> new Explainer(engine, tagger).explain(req));
        ctx.json(ExplanationFormat.toJson(e));
    }

    private void cooccur(Context ctx) {
        Query q = Params.query(ctx);
        Selection sel = Params.selection(ctx);
        String by = ctx.queryParam("by");
        Collocates.Request req = new Collocates.Request(q, sel, Params.intParam(ctx, "within", 10, 0, 50),
                Period.parse(by == null || by.isBlank() ? "month" : by), Params.intParam(ctx, "top", 10, 1, 100),
                Params.intParam(ctx, "min_count", 3, 1, 1_000_000), Params.intParam(ctx, "max_read", 20_000, 10, 50_000));
        Collocates.Result r = runner.run(() -> new Collocates(engine, tagger).compute(req));
        ctx.json(CollocatesFormat.toJson(r));
    }

    /** Adds {@code explain} to every change of a shifts answer (the series it was found on gives the range). */
    void explainChanges(JsonNode found, Query q, Selection sel, Series series, int days) {
        ArrayNode changes = (ArrayNode) found.path("changes");
        List<LocalDate> dates = new ArrayList<>();
        for (JsonNode c : changes) {
            if (c.path("date").isNull() || c.path("date").isMissingNode()) {
                return;
            }
            dates.add(LocalDate.parse(c.path("date").asText()));
        }
        if (dates.isEmpty() || series.from() == null) {
            return;
        }
        List<Explanation> ex = runner.run(() -> ChangeExplainer.explain(engine, tagger, q, sel,
                ChangeExplainer.windows(dates, series.from(), series.to(), days), ChangeExplainer.DEFAULT_TOP));
        for (int i = 0; i < ex.size(); i++) {
            ((ObjectNode) changes.get(i)).set("explain", Views.MAPPER.valueToTree(ExplanationFormat.toJson(ex.get(i))));
        }
    }
}
