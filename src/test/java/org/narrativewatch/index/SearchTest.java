package org.narrativewatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.UserException;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.query.Query;

class SearchTest {

    @TempDir
    static Path tmp;
    static LuceneEngine engine;

    static Article a(String url, String date, String title, String text) {
        return new Article(url, "Тест", null, OffsetDateTime.parse(date), DateQuality.EXACT, "ru", title, text, null);
    }

    @BeforeAll
    static void build() throws IOException {
        engine = LuceneEngine.open(tmp.resolve("idx"));
        engine.add(a("https://s.example/1", "2022-03-01T10:00:00+03:00", "Переговоры в Стамбуле продолжаются",
                "Делегации встретились утром. Переговоры шли весь день."));
        engine.add(a("https://s.example/2", "2022-03-02T10:00:00+03:00", "Путин и Стамбул",
                "Речь шла о переговорах, которые начнутся не скоро, и о многом другом; Стамбул упомянут в самом конце."));
        engine.add(a("https://s.example/3", "2022-03-03T10:00:00+03:00", "<script>alert(1)</script> Стамбул",
                "Текст " + "длинный ".repeat(80) + "и наконец переговоры в Стамбуле здесь."));
        engine.commit(Map.of());
    }

    @AfterAll
    static void close() throws IOException {
        engine.close();
    }

    private static List<String> marked(Hits.Highlighted h) {
        return h.matches().stream().map(s -> h.text().substring(s[0], s[1])).toList();
    }

    @Test
    void newestFirstWithExactTotal() throws IOException {
        Hits h = engine.search(Query.parse("стамбул"), Selection.ALL, 2, Engine.HitOrder.NEWEST);
        assertEquals(3, h.total());
        assertEquals(2, h.hits().size());
        assertEquals("https://s.example/3", h.hits().get(0).url());
        assertEquals("https://s.example/2", h.hits().get(1).url());
    }

    @Test
    void nearMarksTheWordsThatMatched() throws IOException {
        Hits h = engine.search(Query.parse("переговоры NEAR/3 Стамбул"), Selection.ALL, 10, Engine.HitOrder.NEWEST);
        assertEquals(List.of("https://s.example/3", "https://s.example/1"), h.hits().stream().map(Hits.Hit::url).toList());
        Hits.Hit first = h.hits().get(1);
        assertEquals(List.of("Переговоры", "Стамбуле"), marked(first.title()));
        // the long text is cut to a window around the match, and the spans follow the window
        Hits.Hit third = h.hits().get(0);
        assertTrue(third.snippet().text().startsWith("…"), third.snippet().text());
        assertEquals(List.of("переговоры", "Стамбуле"), marked(third.snippet()));
        assertEquals(List.of(), marked(third.title()), "the title's Стамбул is not within 3 words of переговоры");
    }

    @Test
    void exactFormMatchesOnlyThatForm() throws IOException {
        Hits h = engine.search(Query.parse("=переговорах"), Selection.ALL, 10, Engine.HitOrder.NEWEST);
        assertEquals(1, h.total());
        assertEquals(List.of("переговорах"), marked(h.hits().get(0).snippet()));
    }

    @Test
    void articleMarkupIsReturnedAsText() throws IOException {
        Hits h = engine.search(Query.parse("title:стамбул"), Selection.ALL, 10, Engine.HitOrder.NEWEST);
        Hits.Hit s = h.hits().get(0);
        assertTrue(s.title().text().startsWith("<script>"), "stored as text; views escape it");
        assertEquals(List.of("Стамбул"), marked(s.title()));
    }

    @Test
    void prefixWithTooManyExpansionsIsAnError() throws IOException {
        try (LuceneEngine e = LuceneEngine.open(tmp.resolve("big"))) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < LuceneQueryCompiler.MAX_PREFIX_EXPANSIONS + 10; i++) {
                sb.append("слово").append(i).append(' ');
            }
            e.add(a("https://s.example/big", "2022-01-01T00:00:00Z", "Много слов", sb.toString()));
            e.commit(Map.of());
            UserException x = assertThrows(UserException.class,
                    () -> Corpus.of(e).timeline(Query.parse("слово*"), Selection.ALL, org.narrativewatch.timeline.Bucketing.DAY,
                            Engine.CountUnit.ARTICLES));
            assertTrue(x.getMessage().contains("use a longer prefix"), x.getMessage());
            assertEquals(1, e.search(Query.parse("слово12*"), Selection.ALL, 1, Engine.HitOrder.NEWEST).total());
        }
    }
}
