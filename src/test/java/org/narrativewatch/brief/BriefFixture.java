package org.narrativewatch.brief;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.territory.TestGeoFolder;

/**
 * Data written for the brief tests, with answers known by construction.
 * <ul>
 * <li>An index: one outlet, {@link #PER_DAY} articles a day from {@link #FIRST} to {@link #LAST}; "саммит" in
 *     {@link #SUMMIT_BEFORE} of them a day before {@link #STEP} and {@link #SUMMIT_AFTER} from it on; "переговоры"
 *     in 2 a day throughout.</li>
 * <li>A data folder: {@code geo/} with two regions West [30,32]×[47,49] and East [32,34]×[47,49] (lon × lat), places
 *     Westtown (31, 48), Midtown (32.8, 48), Easttown (33.5, 48), and daily control snapshots from {@link #GEO_FIRST}
 *     for 20 days: everything east of lon 33 until {@link #GEO_STEP}, then the line moves west 0.02° a day;
 *     {@code polls/talks.csv} (one long-format series); {@code series/prices.csv} (monthly, 10 in 2023, 15 in 2024).</li>
 * </ul>
 */
public final class BriefFixture {
    static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    static final LocalDate LAST = LocalDate.of(2024, 6, 30);
    static final LocalDate STEP = LocalDate.of(2024, 4, 1);
    static final int PER_DAY = 10;
    static final int SUMMIT_BEFORE = 1;
    static final int SUMMIT_AFTER = 4;
    static final LocalDate GEO_FIRST = LocalDate.of(2025, 1, 1);
    static final LocalDate GEO_STEP = LocalDate.of(2025, 1, 11);
    static final int GEO_DAYS = 20;

    private BriefFixture() {}

    public static Engine index(Path dir) throws IOException {
        Engine e = LuceneEngine.open(dir);
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            int summit = d.isBefore(STEP) ? SUMMIT_BEFORE : SUMMIT_AFTER;
            for (int i = 0; i < PER_DAY; i++) {
                String title;
                if (i < summit) {
                    title = "Подготовка к саммиту лидеров, сообщение " + i;
                } else if (i < summit + 2) {
                    title = "Переговоры делегаций продолжаются, раунд " + i;
                } else {
                    title = "Погода и урожай: сводка " + i;
                }
                e.add(new Article("https://tv.example/" + d + "/" + i, "tv.example", "state",
                        d.atTime(8 + i, 0).atOffset(ZoneOffset.ofHours(3)), DateQuality.EXACT, "ru", title, "", null));
            }
        }
        e.commit(Map.of("fixture", "brief-tests"));
        return e;
    }

    public static Path data(Path dir) throws IOException {
        Path geo = TestGeoFolder.layOut(dir.resolve("geo"));
        for (int i = 0; i < GEO_DAYS; i++) {
            LocalDate d = GEO_FIRST.plusDays(i);
            TestGeoFolder.occupied(geo, "ctl_" + d.toString().replace("-", "") + ".geojson", lineOn(d));
        }
        Files.createDirectories(dir.resolve("polls"));
        Files.writeString(dir.resolve("polls/talks.csv"), String.join("\n",
                "date,fieldwork,source,question,answer,percent,n,mode",
                "2024-01,10-20 Jan 2024,TestPoll,support talks,yes,40,1600,telephone",
                "2024-03,10-20 Mar 2024,TestPoll,support talks,yes,45,1600,telephone",
                "2024-06,10-20 Jun 2024,TestPoll,support talks,yes,55,1600,telephone", ""));
        Files.createDirectories(dir.resolve("series"));
        StringBuilder csv = new StringBuilder("date,value,other\n");
        for (int m = 0; m < 24; m++) {
            LocalDate d = LocalDate.of(2023, 1, 1).plusMonths(m);
            double v = (m < 12 ? 10 : 15) + 0.3 * Math.sin(m * 1.7) + 0.2 * Math.cos(m * 0.9);
            csv.append(d).append(',').append(v).append(',').append(m == 23 ? "78" : String.valueOf(100 - m + 3 * Math.sin(m * 2.3))).append('\n');
        }
        Files.writeString(dir.resolve("series/prices.csv"), csv);
        Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(dir.resolve("scenarios/east-to-ukraine.yaml"), "name: East back to Ukraine\nsteps:\n"
                + "  - to: ukraine\n    regions: [East Oblast]\n");
        return dir;
    }

    /** The longitude of the line of contact on {@code d}: 33 until GEO_STEP, then 0.02° further west each day. */
    static double lineOn(LocalDate d) {
        long after = java.time.temporal.ChronoUnit.DAYS.between(GEO_STEP, d);
        return after < 0 ? 33.0 : 33.0 - 0.02 * (after + 1);
    }
}
