package org.narrativewatch.brief;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.narrativewatch.UserException;
import org.narrativewatch.territory.RegionNames;
import org.narrativewatch.territory.Scenario;
import org.narrativewatch.territory.ScenarioResult;
import org.narrativewatch.territory.Territory;

/**
 * {@code scenario: {file, date, figure, region}}: what a scenario file ({@code nwatch territory scenario}) moves
 * against the control map of a date: {@code population_to_russia} (default), {@code population_to_ukraine},
 * {@code to_russia_km2}, {@code to_ukraine_km2}, {@code occupied_after_km2}; the total, or one region's row.
 */
final class ScenarioFigure implements FigureKind {
    static final Set<String> KEYS = Set.of("file", "date", "figure", "region");
    static final List<String> FIGURES = List.of("population_to_russia", "population_to_ukraine", "to_russia_km2",
            "to_ukraine_km2", "occupied_now_km2", "occupied_after_km2");

    @Override
    public String name() {
        return "scenario";
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    @Override
    public Computed compute(Keys k, BriefContext ctx) {
        String figure = k.text("figure") == null ? "population_to_russia" : k.text("figure");
        if (!FIGURES.contains(figure)) {
            throw k.error("figure", "unknown figure '" + figure + "' (one of " + FIGURES + ")");
        }
        LocalDate date = k.date("date");
        if (date == null) {
            throw new UserException(k.at() + "scenario needs date: D (the control map the scenario changes)");
        }
        Path file = ctx.file(k.required("file", "a scenario YAML or JSON, e.g. examples/scenarios/dnieper-line.yaml"), k.at("file"));
        Scenario scenario;
        try {
            scenario = Scenario.read(file);
        } catch (UserException e) {
            throw new UserException(k.at("file") + e.getMessage());
        }
        Territory t = ctx.territory();
        String stale = TerritoryFigure.stale(t, date);
        if (stale != null) {
            Computed none = new Computed();
            none.noData = stale;
            return none;
        }
        ScenarioResult r;
        try {
            LocalDate used = t.snapshots().resolve(date);
            r = ctx.cached("scenario|" + file + "|" + date, () -> t.scenario(scenario, date, used, TerritoryFigure.occupied(ctx, t, used)));
        } catch (UserException e) {
            throw new UserException(k.at("file") + e.getMessage());
        }
        ScenarioResult.Row row = r.total();
        if (k.has("region")) {
            String name = RegionNames.find(t.regions(), k.text("region"), k.at("region").replaceFirst(": $", "")).name();
            row = r.rows().stream().filter(x -> x.region().equals(name)).findFirst()
                    .orElse(new ScenarioResult.Row(name, 0, 0, 0, 0, 0, 0));
        }
        Computed c = new Computed();
        double v = switch (figure) {
            case "population_to_russia" -> row.populationToRussia();
            case "population_to_ukraine" -> row.populationToUkraine();
            case "to_russia_km2" -> row.toRussiaKm2();
            case "to_ukraine_km2" -> row.toUkraineKm2();
            case "occupied_now_km2" -> row.occupiedNowKm2();
            default -> row.occupiedAfterKm2();
        };
        c.value(v, figure.startsWith("population") ? Computed.COUNT : "km2");
        c.field("scenario", r.name()).field("region", row.region()).field("date", date.toString())
                .field("snapshot_date", r.snapshotDate().toString())
                .field("population_to_russia", row.populationToRussia()).field("population_to_ukraine", row.populationToUkraine())
                .field("to_russia_km2", row.toRussiaKm2()).field("to_ukraine_km2", row.toUkraineKm2());
        if (r.note() != null) {
            c.notes.add(r.note());
        }
        if (figure.startsWith("population")) {
            c.notes.add("People: " + Territory.POPULATION_NOTE);
        }
        c.files.add(ctx.hash(file));
        c.files.addAll(ctx.hashAll(ctx.geo()));
        c.commands.add("nwatch territory scenario " + BriefContext.sh(file.toString()) + " --data "
                + BriefContext.sh(ctx.geo().toString()) + " --date " + date + " --format json");
        List<Chart.Shape> shapes = new ArrayList<>(TerritoryFigure.mapShapes(ctx, t, r.snapshotDate(), List.of()));
        shapes.add(new Chart.Shape("to_russia", "to Russia", TerritoryFigure.lonLat(t, r.toRussia(), 1000)));
        shapes.add(new Chart.Shape("to_ukraine", "to Ukraine", TerritoryFigure.lonLat(t, r.toUkraine(), 1000)));
        if (!r.drawnLines().isEmpty()) {
            shapes.add(new Chart.Shape("line", "drawn line", t.projection().toLonLat(r.drawnLines())));
        }
        c.chart = Chart.map(shapes);
        return c;
    }
}
