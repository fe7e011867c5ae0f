package org.narrativewatch.territory;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.narrativewatch.UserException;

/**
 * Reads a data folder laid out as ../shared/data/geo: {@code regions/} (an ADM1 GeoJSON with {@code shapeName},
 * {@code shapeISO}, and a land GeoJSON whose name contains "land"), {@code settlements/} (a CSV with
 * {@code name, lat, lon, population} and optionally the region in {@code oblast_geoboundaries}) and
 * {@code occupied/} (dated snapshots). The ADM1 polygons include sea, so each is clipped to land first.
 */
final class TerritoryLoader {
    private TerritoryLoader() {}

    static Territory load(Path dataDir, double borderToleranceM, double minControlledKm2) {
        if (!Files.isDirectory(dataDir)) {
            throw new org.narrativewatch.InvalidOptionException("data", ": " + dataDir + " is not a folder (expected occupied/, regions/, settlements/)");
        }
        Projection projection = new Projection();
        Path regionsDir = sub(dataDir, "regions");
        Path regionFile = pick(regionsDir, f -> f.contains("adm1") && !f.contains("simplified") && isGeoJson(f),
                f -> f.contains("adm1") && isGeoJson(f), "an ADM1 regions GeoJSON (name containing ADM1)");
        Path landFile = pick(regionsDir, f -> f.contains("land") && isGeoJson(f), null, "a land GeoJSON (name containing 'land')");
        TerritoryCache cache = TerritoryCache.standard();
        String key = cache == null ? null : cache.key(List.of(regionFile, landFile), borderToleranceM);
        TerritoryCache.Entry cached = key == null ? null : cache.read(key);
        List<Region> regions = cached != null ? cached.regions() : regions(regionFile, landFile, projection);
        Path settlementsDir = sub(dataDir, "settlements");
        Path csv = pick(settlementsDir, f -> f.endsWith(".csv"), null, "a settlements CSV");
        List<Settlement> settlements = settlements(csv, regions, projection);
        Snapshots snapshots = Snapshots.open(sub(dataDir, "occupied"));
        Territory t = new Territory(regions, settlements, snapshots, borderToleranceM, minControlledKm2,
                cached == null ? null : new org.locationtech.jts.geom.Geometry[] {cached.land(), cached.core()});
        if (key != null && cached == null) {
            cache.write(key, new TerritoryCache.Entry(regions, t.land(), t.core()));
        }
        return t;
    }

    private static boolean isGeoJson(String lowerName) {
        return lowerName.endsWith(".geojson") || lowerName.endsWith(".json");
    }

    private static Path sub(Path dir, String name) {
        Path p = dir.resolve(name);
        if (!Files.isDirectory(p)) {
            throw new org.narrativewatch.InvalidOptionException("data", ": " + dir + " has no " + name + "/ folder (expected occupied/, regions/, settlements/)");
        }
        return p;
    }

    private static Path pick(Path dir, java.util.function.Predicate<String> first,
                             java.util.function.Predicate<String> fallback, String what) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        } catch (IOException e) {
            throw new UserException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (var test : fallback == null ? List.of(first) : List.of(first, fallback)) {
            for (Path f : files) {
                if (test.test(f.getFileName().toString().toLowerCase(java.util.Locale.ROOT))) {
                    return f;
                }
            }
        }
        throw new UserException(dir + ": no " + what + " found");
    }

    static List<Region> regions(Path regionFile, Path landFile, Projection projection) {
        Geometry land = projection.toPlane(GeometryFixer.fix(union(read(landFile))));
        PreparedGeometry preparedLand = PreparedGeometryFactory.prepare(land);
        List<Region> out = new ArrayList<>();
        List<GeoJson.Feature> features = read(regionFile);
        for (int i = 0; i < features.size(); i++) {
            GeoJson.Feature f = features.get(i);
            String name = f.properties().path("shapeName").asText(null);
            if (name == null || name.isBlank()) {
                throw new UserException(regionFile + ": features[" + i + "] has no properties.shapeName");
            }
            Geometry g = GeometryFixer.fix(projection.toPlane(f.geometry()));
            Geometry onLand = preparedLand.covers(g) ? g : OverlayNGRobust.overlay(g, land, OverlayNG.INTERSECTION);
            out.add(Region.of(name, f.properties().path("shapeISO").asText(""), onLand));
        }
        return out;
    }

    private static Geometry union(List<GeoJson.Feature> fs) {
        return org.locationtech.jts.operation.union.UnaryUnionOp.union(fs.stream().map(GeoJson.Feature::geometry).toList());
    }

    private static List<GeoJson.Feature> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return GeoJson.readFeatures(in, file.toString());
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Places with a population. The region is the CSV's {@code oblast_geoboundaries} when it names a region,
     * else the region whose land contains the place (else the nearest within 10 km: coastal places can sit
     * just off a coarse coastline).
     */
    static List<Settlement> settlements(Path csv, List<Region> regions, Projection projection) {
        Map<String, Region> byName = new HashMap<>();
        for (Region r : regions) {
            byName.put(r.name(), r);
        }
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Settlement> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(r)) {
            int line = 1;
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                line++;
                for (String col : List.of("name", "lat", "lon", "population")) {
                    if (row.get(col) == null) {
                        throw new UserException(csv + ":" + line + ": missing column '" + col + "'");
                    }
                }
                double lat = number(row.get("lat"), csv, line, "lat");
                double lon = number(row.get("lon"), csv, line, "lon");
                long population = (long) number(row.get("population"), csv, line, "population");
                Point at = (Point) projection.toPlane(GeoJson.factory().createPoint(new Coordinate(lon, lat)));
                String region = row.getOrDefault("oblast_geoboundaries", "");
                if (!byName.containsKey(region)) {
                    region = regionOf(at, regions);
                }
                out.add(new Settlement(row.get("name"), region, population, at));
            }
        } catch (IOException e) {
            throw new UserException("cannot read " + csv + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof UserException) {
                throw e;
            }
            throw new UserException(csv + ": malformed CSV: " + e.getMessage(), e);
        }
        return out;
    }

    private static String regionOf(Point at, List<Region> regions) {
        Region best = null;
        double bestDistance = 10_000;
        for (Region r : regions) {
            double d = r.area().distance(at);
            if (d <= bestDistance) {
                best = r;
                bestDistance = d;
                if (d == 0) {
                    break;
                }
            }
        }
        return best == null ? "(outside Ukraine)" : best.name();
    }

    private static double number(String s, Path csv, int line, String field) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new UserException(csv + ":" + line + ": field '" + field + "' is not a number: '" + s + "'");
        }
    }
}
