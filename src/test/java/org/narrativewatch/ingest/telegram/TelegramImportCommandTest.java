package org.narrativewatch.ingest.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.cli.Main;
import org.narrativewatch.index.LuceneEngine;

/** {@code nwatch import result.json} end to end: a Telegram export is told apart from JSON lines. */
class TelegramImportCommandTest {

    @Test
    void exportImportsWithForwardsAndGroupOverride(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("result.json");
        Files.writeString(file, TelegramExportSourceTest.EXPORT);
        assertTrue(TelegramExportSource.looksLikeExport(file));
        Path index = dir.resolve("index");
        assertEquals(0, Main.commandLine().execute("import", file.toString(), "--index", index.toString(),
                "--group", "independent"));
        assertEquals(0, Main.commandLine().execute("import", file.toString(), "--index", index.toString()));
        try (LuceneEngine engine = LuceneEngine.open(index)) {
            List<Article> stored = engine.storedArticles();
            assertEquals(4, stored.size());
            assertTrue(stored.stream().allMatch(a -> a.outlet().equals("telegram:Тестовый канал")));
            assertTrue(stored.stream().allMatch(a -> "independent".equals(a.group())));
            assertEquals(1, stored.stream().filter(a -> "telegram:Другой канал".equals(a.syndicatedFrom())).count());
        }
    }

    @Test
    void jsonLinesNamedJsonAreNotAnExport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lines.json");
        Files.writeString(file, "{\"url\": \"https://a.test/1\", \"messages\": 1}\n{\"url\": \"https://a.test/2\"}\n");
        assertFalse(TelegramExportSource.looksLikeExport(file));
    }
}
