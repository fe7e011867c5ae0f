package org.narrativewatch.regression;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.SharedData;
import org.narrativewatch.cli.Main;

/**
 * Pinned regressions (docs/regressions.md): the figures this build computes from ../shared — per news corpus its
 * article count and the monthly counts of a fixed list of queries, the territory figures for a few dates, the
 * change dates of the Levada poll series, the TCPD change-point scores and the UD lemma-query scores — checked
 * against regressions/*.yaml, one dynamic test per file, each failing with a readable diff of what moved. Every
 * figure is computed through the CLI in a child JVM, as a user gets it. Skipped when ../shared is absent.
 *
 * <p>A change that is meant to move numbers regenerates the files in one command, and the reviewed diff of
 * regressions/ shows what moved:
 * <pre>mvn -o -q test -Dtest=PinnedRegressionsTest -Dregressions.update=true</pre>
 */
class PinnedRegressionsTest {

    static final Path DIR = Path.of("regressions");
    static final boolean UPDATE = Boolean.getBoolean("regressions.update");
    /** Only the files whose name contains this (e.g. -Dregressions.only=polls), to regenerate or check one kind. */
    static final String ONLY = System.getProperty("regressions.only", "");
    static final String HOW = "pinned figures, checked by PinnedRegressionsTest against ../shared (docs/regressions.md);\n"
            + "regenerate after a change that is meant to move them:\n"
            + "  mvn -o -q test -Dtest=PinnedRegressionsTest -Dregressions.update=true";

    /** Queries asked of every news corpus: every operator, the shared data's traps (СВО, демилитаризация), three languages. */
    static final List<String> QUERIES = List.of("путин", "\"специальной военной операции\"",
            "путин AND (переговоры OR встреча)", "путин NEAR/5 зеленский", "СВО", "демилитаризация", "санкц*",
            "title:крым", "=Путина", "зеленський", "переговори", "putin", "\"special military operation\"",
            "sanctions AND russia");

    static final List<String> TERRITORY_DATES = List.of("2024-07-08", "2025-08-15", "2026-08-22");

    @TempDir
    static Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> pinnedFigures() throws IOException {
        Path news = SharedData.require("data/news");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(news)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList()) {
                String name = f.getFileName().toString().replace(".jsonl.gz", "");
                tests.add(check("news-" + name, () -> newsFigures(f)));
            }
        }
        tests.add(check("territory", this::territoryFigures));
        tests.add(check("polls", this::pollFigures));
        tests.add(check("evaluations", this::evaluationFigures));
        return tests.stream().filter(t -> t.getDisplayName().contains(ONLY));
    }

    interface Figures {
        Map<String, Object> compute() throws Exception;
    }

    private DynamicTest check(String name, Figures figures) {
        return DynamicTest.dynamicTest(name, () -> {
            Path file = DIR.resolve(name + ".yaml");
            Map<String, Object> now = figures.compute();
            JsonNode pinned = Pinned.read(file);
            if (UPDATE) {
                Pinned.write(file, HOW, now);
                System.out.println("regressions: wrote " + file);
                return;
            }
            assertTrue(pinned != null, file + " is missing: generate it with -Dregressions.update=true");
            List<String> diff = Pinned.diff(pinned, now);
            if (!diff.isEmpty()) {
                String shown = String.join("\n  ", diff.subList(0, Math.min(diff.size(), 60)))
                        + (diff.size() > 60 ? "\n  … and " + (diff.size() - 60) + " more" : "");
                System.out.println("regressions: " + file + " differs in " + diff.size() + " figures:\n  " + shown);
                fail(file + ": " + diff.size() + " pinned figures moved (pinned → now):\n  " + shown
                        + "\nIf the change is meant, regenerate: mvn -o -q test -Dtest=PinnedRegressionsTest -Dregressions.update=true");
            }
        });
    }

    // ---- news ------------------------------------------------------------------------------------------------

    private Map<String, Object> newsFigures(Path file) throws Exception {
        Path index = tmp.resolve("index-" + file.getFileName());
        cli("import", file.toString(), "--index", index.toString(), "--format", "json");
        JsonNode stats = json.readTree(cli("stats", "--index", index.toString(), "--format", "json"));
        Path queries = tmp.resolve("queries.txt");
        Files.write(queries, QUERIES, StandardCharsets.UTF_8);
        String lines = cli("timeline", "--queries", queries.toString(), "--index", index.toString(), "--by", "month",
                "--format", "json");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("corpus", file.getFileName().toString());
        out.put("articles", stats.path("articles").asLong());
        Map<String, Object> byQuery = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(lines))) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode s = json.readTree(line);
                Map<String, Long> monthly = new TreeMap<>();
                long total = 0;
                for (JsonNode b : s.path("buckets")) {
                    long c = b.path("count").asLong();
                    if (c > 0) {
                        monthly.put(b.path("start").asText().substring(0, 7), c);
                        total += c;
                    }
                }
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("total", total);
                q.put("monthly", monthly);
                byQuery.put(s.path("query").asText(), q);
            }
        }
        out.put("queries", byQuery);
        return out;
    }

    // ---- territory -------------------------------------------------------------------------------------------

    private Map<String, Object> territoryFigures() throws Exception {
        Path geo = SharedData.require("data/geo/occupied").getParent();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String date : TERRITORY_DATES) {
            JsonNode d = json.readTree(cli("territory", "stats", "--data", geo.toString(), "--date", date, "--near", "10",
                    "--format", "json"));
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("snapshot", d.path("snapshot_date").asText());
            f.put("occupied_km2", Pinned.round(d.path("occupied_km2").asDouble(), 0));
            f.put("contact_line_km", Pinned.round(d.path("contact_line_km").asDouble(), 1));
            f.put("population_occupied", d.path("population_occupied").asLong());
            JsonNode near = d.path("near_line").path(0);
            f.put("people_within_10_km_occupied_side", near.path("occupied_side").asLong());
            f.put("people_within_10_km_controlled_side", near.path("controlled_side").asLong());
            Map<String, Object> regions = new TreeMap<>();
            for (JsonNode r : d.path("regions")) {
                double km2 = r.path("occupied_km2").asDouble();
                if (km2 > 0) {
                    regions.put(r.path("name").asText(), Pinned.round(km2, 0));
                }
            }
            f.put("occupied_km2_by_region", regions);
            out.put(date, f);
        }
        return out;
    }

    // ---- polls -----------------------------------------------------------------------------------------------

    private Map<String, Object> pollFigures() throws Exception {
        Path polls = SharedData.require("data/polls");
        Path index = tmp.resolve("polls").resolve("index");
        List<String> files = List.of("levada_putin_approval_monthly.csv", "levada_country_direction_monthly.csv");
        List<String> args = new ArrayList<>(List.of("opinion", "import", "--index", index.toString()));
        files.forEach(f -> args.add(polls.resolve(f).toString()));
        cli(args.toArray(String[]::new));
        Map<String, Object> out = new LinkedHashMap<>();
        for (JsonNode s : json.readTree(cli("opinion", "list", "--index", index.toString(), "--format", "json"))) {
            String id = s.path("id").asText();
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("points", s.path("points").asInt());
            Run r = run("opinion", "shifts", id, "--index", index.toString(), "--format", "json");
            if (r.code() == 0) {
                List<String> dates = new ArrayList<>();
                json.readTree(r.out()).path("changes").forEach(c -> dates.add(c.path("date").asText()));
                f.put("changes", dates);
            } else if (r.code() == 1 && r.err().contains("difference of shares")) {
                // index-like series (approve minus disapprove) have no binomial model: pinned as refused
                f.put("changes", "refused: a difference of shares");
            } else {
                fail("nwatch opinion shifts " + id + " exited " + r.code() + ":\n" + r.err());
            }
            out.put(id, f);
        }
        return out;
    }

    // ---- evaluations -----------------------------------------------------------------------------------------

    private Map<String, Object> evaluationFigures() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        Path tcpdDir = SharedData.require("data/changepoints/tcpd-dev");
        JsonNode tcpd = json.readTree(cli("eval-changepoints", tcpdDir.toString(), "--format", "json"));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("mean_f1", Pinned.round(tcpd.path("mean_f1").asDouble(), 4));
        t.put("mean_cover", Pinned.round(tcpd.path("mean_cover").asDouble(), 4));
        Map<String, Object> series = new LinkedHashMap<>();
        for (JsonNode s : tcpd.path("series")) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("f1", Pinned.round(s.path("f1").asDouble(), 4));
            one.put("cover", Pinned.round(s.path("cover").asDouble(), 4));
            List<Integer> predicted = new ArrayList<>();
            s.path("predicted").forEach(x -> predicted.add(x.asInt()));
            one.put("predicted", predicted);
            series.put(s.path("name").asText(), one);
        }
        t.put("series", series);
        out.put("tcpd-dev", t);
        Map<String, Object> ud = new LinkedHashMap<>();
        for (String f : List.of("data/ud/UD_Russian-GSD/ru_gsd-ud-dev.conllu", "data/ud/UD_Russian-Taiga/ru_taiga-ud-dev.conllu",
                "data/ud/UD_Ukrainian-IU/uk_iu-ud-dev.conllu")) {
            Path p = SharedData.require(f);
            JsonNode e = json.readTree(cli("eval-morphology", p.toString(), "--format", "json"));
            Map<String, Object> one = new LinkedHashMap<>();
            for (String system : List.of("ours", "baseline")) {
                Map<String, Object> s = new LinkedHashMap<>();
                for (String k : List.of("macro_f1", "micro_f1", "propn_macro_f1", "propn_micro_f1")) {
                    s.put(k, Pinned.round(e.path(system).path(k).asDouble(), 4));
                }
                one.put(system, s);
            }
            ud.put(p.getFileName().toString(), one);
        }
        out.put("ud", ud);
        return out;
    }

    // ---- the CLI in a child JVM ------------------------------------------------------------------------------

    record Run(int code, String out, String err) {}

    /** Runs nwatch with the test class path and returns its standard output; fails with its stderr on a non-zero exit. */
    private static String cli(String... args) throws IOException, InterruptedException {
        Run r = run(args);
        if (r.code() != 0) {
            fail("nwatch " + String.join(" ", args) + " exited " + r.code() + ":\n" + r.err());
        }
        return r.out();
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        int code = pb.start().waitFor();
        Run r = new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
