package org.narrativewatch.ingest.warc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.cli.Main;
import org.narrativewatch.index.LuceneEngine;

/** {@code nwatch import crawl.warc.gz} end to end, into the Lucene engine, twice. */
class WarcImportCommandTest {

    @Test
    void importsOnceAndReimportAddsNothing(@TempDir Path dir) throws Exception {
        Path warc = dir.resolve("crawl.warc.gz");
        WarcSourceTest.writeWarc(warc, true);
        Path index = dir.resolve("index");
        assertEquals(0, Main.commandLine().execute("import", warc.toString(), "--index", index.toString()));
        assertEquals(0, Main.commandLine().execute("import", warc.toString(), "--index", index.toString()));
        try (LuceneEngine engine = LuceneEngine.open(index)) {
            List<Article> stored = engine.storedArticles();
            assertEquals(4, stored.size(), "four pages with text, stored once");
            Article tass = stored.stream().filter(a -> a.outlet().equals("tass.ru")).findFirst().orElseThrow();
            assertEquals("state", tass.group());
            assertEquals("2022-10-10T09:15+03:00", tass.published().toString());
        }
    }
}
