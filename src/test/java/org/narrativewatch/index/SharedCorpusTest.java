package org.narrativewatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.SharedData;
import org.narrativewatch.article.Article;
import org.narrativewatch.ingest.ImportDefaults;
import org.narrativewatch.ingest.ImportReport;
import org.narrativewatch.ingest.Importer;
import org.narrativewatch.ingest.Source;
import org.narrativewatch.ingest.Sources;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/** The seven shared news files import, and on real text the index counts what a brute-force pass counts. */
class SharedCorpusTest {

    @TempDir
    static Path tmp;
    static LuceneEngine engine;
    static final Map<String, ImportReport> reports = new LinkedHashMap<>();

    @BeforeAll
    static void importAll() throws IOException {
        Path news = SharedData.require("data/news");
        engine = LuceneEngine.open(tmp.resolve("idx"));
        try (var files = Files.list(news)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList()) {
                try (Source s = Sources.open(f.toString(), ImportDefaults.none())) {
                    ImportReport r = new Importer(engine, 50_000, 120, null).run(s);
                    reports.put(f.getFileName().toString(), r);
                    System.out.printf("%s: read %d added %d present %d rejected %d in %.1f s%n", f.getFileName(), r.read(),
                            r.added(), r.alreadyPresent(), r.rejected(), r.seconds());
                }
            }
        }
    }

    @AfterAll
    static void close() throws IOException {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void allSevenFilesImport() throws IOException {
        assertEquals(7, reports.size());
        reports.forEach((name, r) -> {
            assertEquals(0, r.rejected(), name + " " + r.examples());
            assertTrue(r.added() > 0, name);
        });
        long oneTv = Corpus.of(engine).outlets().stream().filter(o -> o.outlet().equals("1tv.ru")).mapToLong(OutletInfo::articles).sum();
        assertEquals(144_944, oneTv, "1tv_ru.jsonl.gz holds 144,944 unique URLs");
        // the Ukrainian presidential addresses: Ukrainian and English versions share their URL but are two
        // articles; six records repeat an earlier (URL, language) and are stored once
        assertEquals(697, reports.get("zelensky_addresses_2022.jsonl.gz").added());
        assertEquals(6, reports.get("zelensky_addresses_2022.jsonl.gz").alreadyPresent());
    }

    @Test
    void realTextCountsEqualBruteForce() throws IOException {
        LocalDate from = LocalDate.of(2022, 1, 1);
        LocalDate to = LocalDate.of(2022, 6, 30);
        Selection sel = new Selection(from, to, Set.of("1tv.ru"), null, null);
        List<Article> slice = engine.storedArticles().stream()
                .filter(a -> a.outlet().equals("1tv.ru") && !a.day().isBefore(from) && !a.day().isAfter(to)).toList();
        assertTrue(slice.size() > 1000, "slice " + slice.size());
        List<ReferenceMatcher> matchers = slice.stream().map(ReferenceMatcher::new).toList();
        for (String q : List.of("путин", "путин AND (денацификация OR демилитаризация)", "переговоры NEAR/5 Стамбул",
                "\"мирные переговоры\"", "СВО", "=путина", "санкц*", "title:зеленский -путин", "Украина ONEAR/2 Россия")) {
            Query query = Query.parse(q);
            Series got = Corpus.of(engine).timeline(query, sel, Bucketing.MONTH, Engine.CountUnit.ARTICLES);
            long[] want = new long[got.buckets().size()];
            for (int i = 0; i < slice.size(); i++) {
                if (matchers.get(i).matches(query.root())) {
                    LocalDate d = slice.get(i).day();
                    want[(d.getYear() - 2022) * 12 + d.getMonthValue() - 1]++;
                }
            }
            assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(got.counts()), q);
        }
    }
}
