package org.narrativewatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows of one run as CSV (every figure, full precision) and as a Markdown table (rounded, for docs). */
final class ResultTable {

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(Row r) {
        rows.add(r);
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    static final List<String> HEADER = List.of("corpus", "figure", "unit", "ours_in_process", "ours_cli", "postgres",
            "ripgrep", "x_vs_pg", "x_vs_pg_cli", "count_ours", "count_pg", "count_rg", "note",
            // how the figures moved within the run (appended: the columns above keep their places)
            "spread_of", "n", "ours_in_process_min", "ours_in_process_max", "ours_cli_min", "ours_cli_max",
            "postgres_min", "postgres_max", "ripgrep_min", "ripgrep_max", "x_vs_pg_min", "x_vs_pg_max", "x_vs_pg_pairs_median");

    String csv() {
        StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (Row r : rows()) {
            List<String> f = List.of(r.corpus(), r.figure(), r.unit(), num(r.oursInProcess(), 3), num(r.oursCli(), 3),
                    num(r.postgres(), 3), num(r.ripgrep(), 3), num(r.ratio(), 2), num(r.ratioCli(), 2),
                    str(r.countOurs()), str(r.countPostgres()), str(r.countRipgrep()), r.note() == null ? "" : r.note());
            Row.Spreads sp = r.spreads();
            f = new ArrayList<>(f);
            f.addAll(List.of(sp.of(), sp.n() == 0 ? "" : Integer.toString(sp.n()),
                    num(sp.ours().min(), 3), num(sp.ours().max(), 3), num(sp.cli().min(), 3), num(sp.cli().max(), 3),
                    num(sp.pg().min(), 3), num(sp.pg().max(), 3), num(sp.rg().min(), 3), num(sp.rg().max(), 3),
                    num(sp.ratio().min(), 2), num(sp.ratio().max(), 2), num(sp.ratio().median(), 2)));
            sb.append(String.join(",", f.stream().map(ResultTable::csvField).toList())).append('\n');
        }
        return sb.toString();
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| corpus | figure | unit | ours in-process | ours CLI | PostgreSQL | ripgrep | × vs PG | × vs PG (CLI) "
                + "| count ours | count PG | count rg | n | min–max: ours / CLI / PG / rg | × vs PG per pair: median (min–max) |\n");
        sb.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows()) {
            sb.append("| ").append(r.corpus()).append(" | ").append(r.figure()).append(" | ").append(r.unit())
                    .append(" | ").append(pretty(r.oursInProcess())).append(" | ").append(pretty(r.oursCli()))
                    .append(" | ").append(pretty(r.postgres())).append(" | ").append(pretty(r.ripgrep()))
                    .append(" | ").append(ratio(r.ratio())).append(" | ").append(ratio(r.ratioCli()))
                    .append(" | ").append(count(r.countOurs())).append(" | ").append(count(r.countPostgres()))
                    .append(" | ").append(count(r.countRipgrep()))
                    .append(" | ").append(r.spreads().n() == 0 ? "–" : Integer.toString(r.spreads().n()))
                    .append(" | ").append(r.spreads().ranges()).append(" | ").append(r.spreads().ratio().ratioSummary())
                    .append(" |\n");
        }
        List<Row> noted = rows().stream().filter(r -> r.note() != null && !r.note().isBlank()).toList();
        if (!noted.isEmpty()) {
            sb.append('\n');
            for (Row r : noted) {
                sb.append("- ").append(r.corpus()).append(", ").append(r.figure()).append(": ").append(r.note())
                        .append('\n');
            }
        }
        return sb.toString();
    }

    void write(Path dir, String stem) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(stem + ".csv"), csv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(stem + ".md"), markdown(), StandardCharsets.UTF_8);
    }

    private static String num(double x, int digits) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%." + digits + "f", x);
    }

    private static String str(Long x) {
        return x == null ? "" : x.toString();
    }

    /** Three significant figures at most, thousands separated: the table is read, not parsed. */
    static String pretty(double x) {
        if (Double.isNaN(x)) {
            return "–";
        }
        double a = Math.abs(x);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", x);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        return String.format(Locale.ROOT, "%.2f", x);
    }

    static String ratio(double x) {
        return Double.isNaN(x) ? "–" : (x >= 10 ? String.format(Locale.ROOT, "%.0f×", x)
                : String.format(Locale.ROOT, "%.2f×", x));
    }

    private static String count(Long x) {
        return x == null ? "–" : String.format(Locale.ROOT, "%,d", x);
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
