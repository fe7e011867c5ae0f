package org.narrativewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.narrativewatch.UserException;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;
import org.narrativewatch.territory.FocusArea;
import org.narrativewatch.territory.FocusSeries;
import org.narrativewatch.territory.Territory;
import org.narrativewatch.territory.TerritoryFormat;
import org.narrativewatch.territory.TerritorySeries;
import org.narrativewatch.territory.TerritoryShifts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nwatch territory focus}: a focus area (a circle around a listed place, or a polygon) per snapshot date:
 * occupied km² and share of its land, listed people under occupation, optionally the line of contact inside it, and
 * the change points of a column. What brief territory figures with {@code area:} compute.
 */
@Command(name = "focus", mixinStandardHelpOptions = true,
        description = {"A focus area (--around PLACE --radius-km R, --polygon '[[lon,lat],...]' or --geojson FILE) for one date or "
                + "every snapshot in a range: occupied_km2, occupied_share, population_occupied (census-era) and with --line "
                + "contact_line_km; --shifts COLUMN adds its change points (as 'territory series --shifts')."})
public final class TerritoryFocusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder with occupied/, regions/, settlements/.")
    Path data;
    @Option(names = "--around", paramLabel = "PLACE", description = "A listed place (settlements CSV) at the centre.")
    String around;
    @Option(names = "--radius-km", paramLabel = "KM", description = "Radius around the place, km.")
    Double radiusKm;
    @Option(names = "--region", paramLabel = "REGION", description = "The place's region, when its name is not unique.")
    String region;
    @Option(names = "--polygon", paramLabel = "JSON", description = "A ring [[lon, lat], ...] as JSON.")
    String polygon;
    @Option(names = "--geojson", paramLabel = "FILE", description = "A GeoJSON file whose polygons make the area.")
    Path geojson;
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "One date (the latest snapshot on or before it).")
    String date;
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First date of a series.")
    String from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last date of a series.")
    String to;
    @Option(names = "--every", defaultValue = "1", paramLabel = "N", description = "Every N-th snapshot (default: ${DEFAULT-VALUE}).")
    int every;
    @Option(names = "--line", description = "Also measure the line of contact inside the area (slower).")
    boolean line;
    @Option(names = "--shifts", arity = "0..1", fallbackValue = "occupied_km2", paramLabel = "COLUMN",
            description = "Change points of this column (default: occupied_km2) with the shift detector's defaults.")
    String shifts;
    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT", converter = Formats.CsvJsonConverter.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Formats.CsvJson format;

    @Override
    public Integer call() throws Exception {
        int given = (around != null ? 1 : 0) + (polygon != null ? 1 : 0) + (geojson != null ? 1 : 0);
        if (given != 1) {
            throw new UserException("give one of --around PLACE (with --radius-km), --polygon JSON or --geojson FILE");
        }
        if ((date == null) == (from == null && to == null)) {
            throw new UserException("give --date D, or --from and --to");
        }
        if (shifts != null && (line ? !FocusSeries.COLUMNS.contains(shifts) : !FocusSeries.COLUMNS.subList(0, 3).contains(shifts))) {
            throw new UserException("--shifts: no column '" + shifts + "' (columns: " + (line ? FocusSeries.COLUMNS : FocusSeries.COLUMNS.subList(0, 3)) + ")");
        }
        Territory t = Territory.load(data);
        FocusArea area;
        if (around != null) {
            if (radiusKm == null) {
                throw new UserException("--around needs --radius-km");
            }
            area = FocusArea.around(t, around, region, radiusKm);
        } else if (polygon != null) {
            JsonNode ring;
            try {
                ring = TerritoryCommand.JSON.readTree(polygon);
            } catch (Exception e) {
                throw new UserException("--polygon: not JSON [[lon, lat], ...]: " + e.getMessage().lines().findFirst().orElse(""));
            }
            area = FocusArea.polygon(t, "polygon", FocusArea.ring(ring, "--polygon"));
        } else {
            area = FocusArea.geojson(t, geojson);
        }
        TerritorySeries s = date != null ? FocusSeries.at(t, area, SelectionOptions.date("date", date), line)
                : FocusSeries.series(t, area, from == null ? null : SelectionOptions.date("from", from),
                        to == null ? null : SelectionOptions.date("to", to), every, line);
        Map<String, ShiftResult> found = shifts == null ? null : TerritoryShifts.detect(s, List.of(shifts), ShiftOptions.DEFAULT);
        if (format == Formats.CsvJson.CSV) {
            TerritoryCommand.print(spec, "# area: " + area.name() + ", " + String.format(java.util.Locale.ROOT, "%.1f", area.areaKm2())
                    + " km² of land\n" + TerritoryFormat.seriesCsv(s) + (found == null ? "" : TerritoryCommand.shiftsCsv(found)));
        } else {
            ObjectNode o = TerritoryFormat.series(s);
            o.put("area", area.name());
            o.put("area_km2", Math.round(area.areaKm2() * 10) / 10.0);
            if (date != null) {
                LocalDate used = s.dates().get(0);
                String note = Territory.substitutionNote(SelectionOptions.date("date", date), used);
                if (note != null) {
                    o.put("note", note);
                }
            }
            if (found != null) {
                o.set("shifts", TerritoryCommand.shiftsJson(found));
            }
            TerritoryCommand.print(spec, TerritoryCommand.json(o));
        }
        return 0;
    }
}
