package org.narrativewatch.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.ingest.SourceRecord;
import org.narrativewatch.ingest.http.LocalHttpServer;

class FeedParserTest {

    static final FeedContext MOSCOW = new FeedContext("example-state.ru", "state", "ru", ZoneId.of("Europe/Moscow"));
    static final Instant FETCHED = Instant.parse("2022-03-01T12:00:00Z");

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel>
                <title>Пример: новости</title>
                <link>https://example-state.ru/</link>
                <language>ru</language>
                <item>
                  <title>Переговоры в Стамбуле завершились</title>
                  <link>https://Example-State.ru/news/1?utm_source=rss#top</link>
                  <description><![CDATA[<p>Делегации <b>обсудили</b> гарантии.</p><p>Второй абзац.</p>]]></description>
                  <pubDate>Tue, 29 Mar 2022 17:45:00 +0300</pubDate>
                </item>
                <item>
                  <title>Новость без даты</title>
                  <link>https://example-state.ru/news/2</link>
                  <description>Короткий анонс.</description>
                </item>
                <item>
                  <title>Без ссылки</title>
                  <description>Ссылки нет.</description>
                </item>
              </channel>
            </rss>
            """;

    static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="uk">
              <title>Приклад</title>
              <id>urn:example:feed</id>
              <updated>2022-02-24T06:00:00+02:00</updated>
              <entry>
                <title>Заява президента</title>
                <link href="https://example-official.ua/news/77"/>
                <id>urn:example:77</id>
                <published>2022-02-24T05:30:00+02:00</published>
                <updated>2022-02-24T07:00:00+02:00</updated>
                <content type="html">&lt;p&gt;Сьогодні вранці почалася повномасштабна війна.&lt;/p&gt;</content>
              </entry>
            </feed>
            """;

    static FeedParser.ParsedFeed parse(String xml, String headerCharset, FeedContext ctx) throws Exception {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), headerCharset, "test-feed", ctx, FETCHED);
    }

    static List<Article> articles(FeedParser.ParsedFeed f) {
        return f.records().stream().filter(r -> r instanceof SourceRecord.Parsed)
                .map(r -> ((SourceRecord.Parsed) r).article()).toList();
    }

    @Test
    void rss2ItemsBecomeArticles() throws Exception {
        FeedParser.ParsedFeed feed = parse(RSS, null, MOSCOW);
        assertEquals(3, feed.records().size());
        Article a = articles(feed).get(0);
        assertEquals("https://example-state.ru/news/1", a.url(), "normalised: host case, utm_*, fragment");
        assertEquals("example-state.ru", a.outlet());
        assertEquals("state", a.group());
        assertEquals("ru", a.lang());
        assertEquals("Переговоры в Стамбуле завершились", a.title());
        assertEquals("Делегации обсудили гарантии.\n\nВторой абзац.", a.text());
        assertEquals(DateQuality.EXACT, a.dateQuality());
        assertEquals(OffsetDateTime.parse("2022-03-29T17:45:00+03:00"), a.published());
    }

    @Test
    void undatedItemGetsFetchTimeFlaggedGuessed() throws Exception {
        Article b = articles(parse(RSS, null, MOSCOW)).get(1);
        assertEquals(DateQuality.GUESSED, b.dateQuality());
        assertEquals(FETCHED, b.published().toInstant());
    }

    @Test
    void itemWithoutLinkIsRejectedWithItsPosition() throws Exception {
        SourceRecord r = parse(RSS, null, MOSCOW).records().get(2);
        SourceRecord.Rejected rej = assertInstanceOf(SourceRecord.Rejected.class, r);
        assertEquals(3, rej.position());
        assertTrue(rej.toString().contains("test-feed: item 3"), rej.toString());
        assertTrue(rej.reason().contains("no link"));
    }

    @Test
    void atomEntriesUsePublishedDateAndFeedLanguage() throws Exception {
        FeedContext kyiv = new FeedContext(null, null, null, ZoneId.of("Europe/Kyiv"));
        Article a = articles(parse(ATOM, null, kyiv)).get(0);
        assertEquals("https://example-official.ua/news/77", a.url());
        assertEquals("example-official.ua", a.outlet(), "no outlet known: the link's host");
        assertEquals(OffsetDateTime.parse("2022-02-24T05:30:00+02:00"), a.published());
        assertEquals(DateQuality.EXACT, a.dateQuality());
        assertEquals("uk", a.lang());
        assertEquals("Сьогодні вранці почалася повномасштабна війна.", a.text());
    }

    @Test
    void malformedXmlIsRefusedWithALine() {
        String broken = RSS.replace("</item>\n    <item>", "</itm>\n    <item>");
        FeedParser.BadFeed e = assertThrows(FeedParser.BadFeed.class, () -> parse(broken, null, MOSCOW));
        assertTrue(e.getMessage().startsWith("test-feed: malformed feed at line"), e.getMessage());
    }

    @Test
    void notAFeedIsRefused() {
        FeedParser.BadFeed e = assertThrows(FeedParser.BadFeed.class,
                () -> parse("<html><body>hello</body></html>", null, MOSCOW));
        assertTrue(e.getMessage().contains("test-feed"), e.getMessage());
    }

    @Test
    void externalEntityIsRefusedAndNeverFetched() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.text("/secret", 200, "text/plain", "SECRET");
            String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + server.uri("/secret")
                    + "\"><!ENTITY local SYSTEM \"file:///etc/hostname\">]>\n"
                    + "<rss version=\"2.0\"><channel><title>t</title><item><title>&xxe;&local;</title>"
                    + "<link>https://example.org/a</link></item></channel></rss>";
            FeedParser.BadFeed e = assertThrows(FeedParser.BadFeed.class, () -> parse(xxe, null, MOSCOW));
            assertTrue(e.getMessage().toLowerCase().contains("doctype"), e.getMessage());
            assertTrue(server.requests().isEmpty(), "the external entity was never fetched");
        }
    }

    @Test
    void entityExpansionBombIsRefusedQuickly() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lollollollollollollollollollol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bomb = "<?xml version=\"1.0\"?>\n" + dtd + "<rss version=\"2.0\"><channel><title>&lol9;</title>"
                + "</channel></rss>";
        long t0 = System.nanoTime();
        assertThrows(FeedParser.BadFeed.class, () -> parse(bomb, null, MOSCOW));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000, "refused before expanding");
    }

    @Test
    void utf8BodyUnderAWrongCharsetHeaderIsReadAsUtf8() throws Exception {
        // the server claims windows-1251 (and the prolog says nothing) but the bytes are UTF-8
        String xml = RSS.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\"?>");
        Article a = articles(FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), "windows-1251", "t", MOSCOW,
                FETCHED)).get(0);
        assertEquals("Переговоры в Стамбуле завершились", a.title());
    }

    @Test
    void windows1251BodyUnderAUtf8HeaderIsReadFromItsProlog() throws Exception {
        Charset cp1251 = Charset.forName("windows-1251");
        String xml = RSS.replace("encoding=\"UTF-8\"", "encoding=\"windows-1251\"");
        Article a = articles(FeedParser.parse(xml.getBytes(cp1251), "utf-8", "t", MOSCOW, FETCHED)).get(0);
        assertEquals("Переговоры в Стамбуле завершились", a.title());
    }

    @Test
    void undeclaredLegacyCyrillicFallsBackToWindows1251() throws Exception {
        String xml = RSS.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
        Article a = articles(FeedParser.parse(xml.getBytes(Charset.forName("windows-1251")), null, "t", MOSCOW,
                FETCHED)).get(0);
        assertEquals("Переговоры в Стамбуле завершились", a.title());
    }

    @Test
    void utf8ByteOrderMarkIsHonoured() throws Exception {
        byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Article a = articles(FeedParser.parse(withBom, "iso-8859-1", "t", MOSCOW, FETCHED)).get(0);
        assertEquals("Переговоры в Стамбуле завершились", a.title());
    }

    @Test
    void feedFileSourceReadsOnceAndNamesOutletFromTheDirectory() throws IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("nw-feed");
        java.nio.file.Path file = dir.resolve("kremlin.xml");
        java.nio.file.Files.writeString(file, RSS.replace("example-state.ru", "kremlin.ru")
                .replace("Example-State.ru", "kremlin.ru"));
        try (FeedSource src = FeedSource.file(file,
                org.narrativewatch.ingest.outlets.OutletDirectory.bundled())) {
            SourceRecord first = src.next();
            // a file has no feed address: each item's outlet is found by its link's host
            Article a = assertInstanceOf(SourceRecord.Parsed.class, first).article();
            assertEquals("kremlin.ru", a.outlet());
            assertEquals("official", a.group());
            assertEquals(OffsetDateTime.parse("2022-03-29T17:45:00+03:00"), a.published());
            assertEquals(1, first.position());
            assertInstanceOf(SourceRecord.Parsed.class, src.next());
            assertInstanceOf(SourceRecord.Rejected.class, src.next());
            assertNull(src.next());
        }
        assertTrue(FeedSource.handles("x/feed.rss"));
        assertTrue(FeedSource.handles("https://tass.ru/rss/v2.xml"));
        assertFalse(FeedSource.handles("dump.jsonl.gz"));
    }
}
