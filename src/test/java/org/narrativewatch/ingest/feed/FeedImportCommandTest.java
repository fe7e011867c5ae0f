package org.narrativewatch.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.cli.Main;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.ingest.http.LocalHttpServer;

/** {@code nwatch import https://…/rss} and {@code nwatch import feed.xml}: a feed read once. */
class FeedImportCommandTest {

    @Test
    void feedAddressImportsAndRefetchAddsNothing(@TempDir Path dir) throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            // the second fetch has a new item first: "item 1" is another article than in the first fetch
            String later = FeedParserTest.RSS.replaceFirst("<item>", "<item><title>Свежая новость</title>"
                    + "<link>https://example-state.ru/news/3</link><description>Новое.</description></item><item>");
            server.route("/rss", ex -> LocalHttpServer.send(ex, 200, "application/rss+xml; charset=utf-8",
                    (calls.getAndIncrement() == 0 ? FeedParserTest.RSS : later)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Path index = dir.resolve("index");
            String url = server.uri("/rss").toString();
            assertEquals(0, Main.commandLine().execute("import", url, "--index", index.toString()));
            // the importer's checkpoint from the first fetch must not skip the second fetch's items
            assertEquals(0, Main.commandLine().execute("import", url, "--index", index.toString()));
            try (LuceneEngine engine = LuceneEngine.open(index)) {
                List<Article> stored = engine.storedArticles();
                assertEquals(3, stored.size(), "two from the first fetch, one new from the second, none twice");
                assertEquals(2, server.requests("/rss").size());
            }
        }
    }

    @Test
    void feedFileImports(@TempDir Path dir) throws Exception {
        Path feed = dir.resolve("atom.xml");
        Files.writeString(feed, FeedParserTest.ATOM);
        Path index = dir.resolve("index");
        assertEquals(0, Main.commandLine().execute("import", feed.toString(), "--index", index.toString()));
        try (LuceneEngine engine = LuceneEngine.open(index)) {
            Article a = engine.storedArticles().get(0);
            assertEquals("example-official.ua", a.outlet());
            assertEquals(null, a.group(), "a host the outlets list does not know has no group");
            assertEquals("uk", a.lang());
        }
    }
}
