package org.narrativewatch.ingest.warc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.ingest.SourceRecord;
import org.narrativewatch.ingest.outlets.OutletDirectory;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class WarcSourceTest {

    static final Instant CAPTURED = Instant.parse("2023-05-10T08:00:00Z");

    static final String DATED_BY_META = """
            <html lang="ru"><head><title>Заголовок документа | Сайт</title>
            <meta property="og:title" content="Удары по энергосистеме">
            <meta property="article:published_time" content="2022-10-10T09:15:00+03:00">
            </head><body>
            <nav class="menu"><a href="/">Главная</a> <a href="/news">Новости</a></nav>
            <div class="share-buttons">Поделиться</div>
            <article><h1>Удары по энергосистеме</h1>
            <p>Утром были нанесены удары по объектам энергетики.</p>
            <p>Во многих городах отключено электричество.</p>
            <div class="related">Читайте также: другое</div>
            </article>
            <footer>© Сайт</footer>
            </body></html>""";

    static final String DATED_BY_JSON_LD = """
            <html><head><title>Статья</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},
              {"@type":"NewsArticle","headline":"Статья","datePublished":"2022-02-24T05:00:00+02:00"}]}</script>
            </head><body><div id="content"><p>Текст статьи про начало войны.</p><p>Ещё абзац.</p></div>
            <aside>Реклама</aside></body></html>""";

    static final String DATED_BY_TIME = """
            <html><head><title>Сообщение</title></head><body>
            <div class="post"><time datetime="2022-04-01">1 апреля</time>
            <p>Текст без метаданных в заголовке.</p></div></body></html>""";

    static final String UNDATED = """
            <html><head><title>Без даты</title></head><body>
            <div class="text"><p>Эта страница нигде не говорит, когда она опубликована.</p></div></body></html>""";

    static final String NO_TEXT = "<html><head><title>Раздел</title></head><body><nav>Меню</nav></body></html>";

    static void writeWarc(Path file, boolean gzip) throws IOException {
        try (WarcWriter w = new WarcWriter(Files.newByteChannel(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
                gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
            w.write(html("https://TASS.ru/politika/1?utm_medium=x", DATED_BY_META, "utf-8"));
            w.write(response("https://tass.ru/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
            w.write(html("https://www.meduza.io/feature/2", DATED_BY_JSON_LD, "utf-8"));
            w.write(response("https://tass.ru/moved", 301, "text/html", "<html>moved</html>".getBytes(StandardCharsets.UTF_8)));
            w.write(response("https://example-blog.net/p/3", 200, "text/html; charset=windows-1251",
                    DATED_BY_TIME.getBytes(Charset.forName("windows-1251"))));
            w.write(html("https://example-blog.net/p/4", UNDATED, "utf-8"));
            w.write(html("https://example-blog.net/section", NO_TEXT, "utf-8"));
        }
    }

    static WarcResponse html(String url, String body, String charset) throws IOException {
        return response(url, 200, "text/html; charset=" + charset, body.getBytes(Charset.forName(charset)));
    }

    static WarcResponse response(String url, int status, String type, byte[] body) throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Other")
                .body(MediaType.parse(type), body).build();
        return new WarcResponse.Builder(url).date(CAPTURED).body(http).build();
    }

    static List<SourceRecord> readAll(Path file) throws IOException {
        List<SourceRecord> out = new ArrayList<>();
        try (WarcSource src = new WarcSource(file, OutletDirectory.bundled())) {
            SourceRecord r;
            while ((r = src.next()) != null) {
                out.add(r);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"crawl.warc", "crawl.warc.gz"})
    void htmlResponsesBecomeDatedArticles(String name, @TempDir Path dir) throws IOException {
        Path file = dir.resolve(name);
        writeWarc(file, name.endsWith(".gz"));
        List<SourceRecord> records = readAll(file);
        // image and redirect are passed over; five HTML pages remain, one without article text
        assertEquals(5, records.size(), records.toString());

        Article tass = assertInstanceOf(SourceRecord.Parsed.class, records.get(0)).article();
        assertEquals("https://tass.ru/politika/1", tass.url());
        assertEquals("tass.ru", tass.outlet(), "outlet from the bundled outlets list");
        assertEquals("state", tass.group());
        assertEquals(OffsetDateTime.parse("2022-10-10T09:15:00+03:00"), tass.published());
        assertEquals(DateQuality.EXACT, tass.dateQuality());
        assertEquals("Удары по энергосистеме", tass.title());
        assertEquals("Утром были нанесены удары по объектам энергетики.\n\nВо многих городах отключено электричество.",
                tass.text(), "menu, share bar, related links and footer removed");
        assertEquals("ru", tass.lang());
        assertEquals(1, records.get(0).position());

        Article meduza = ((SourceRecord.Parsed) records.get(1)).article();
        assertEquals("meduza.io", meduza.outlet());
        assertEquals("independent", meduza.group());
        assertEquals(OffsetDateTime.parse("2022-02-24T05:00:00+02:00"), meduza.published(), "JSON-LD datePublished");
        assertEquals(DateQuality.EXACT, meduza.dateQuality());
        assertFalse(meduza.text().contains("Реклама"));
        assertEquals(3, records.get(1).position(), "positions are WARC record numbers");

        Article blog = ((SourceRecord.Parsed) records.get(2)).article();
        assertEquals("example-blog.net", blog.outlet(), "unknown host: the host is the outlet");
        assertNull(blog.group());
        assertEquals("Текст без метаданных в заголовке.", blog.text(), "windows-1251 page decoded");
        assertEquals(DateQuality.DATE_ONLY, blog.dateQuality(), "<time datetime> with a date only");
        assertEquals("2022-04-01", blog.day().toString());

        Article undated = ((SourceRecord.Parsed) records.get(3)).article();
        assertEquals(DateQuality.GUESSED, undated.dateQuality());
        assertEquals(CAPTURED, undated.published().toInstant(), "capture date");

        SourceRecord.Rejected empty = assertInstanceOf(SourceRecord.Rejected.class, records.get(4));
        assertTrue(empty.where().contains("record 7") && empty.where().contains("/section"), empty.where());
        assertTrue(empty.reason().contains("no article text"));
    }

    @Test
    void truncatedArchiveEndsWithARejectionNotAnException(@TempDir Path dir) throws IOException {
        Path full = dir.resolve("full.warc.gz");
        writeWarc(full, true);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.warc.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 200));
        List<SourceRecord> records = readAll(cut);
        assertTrue(records.get(0) instanceof SourceRecord.Parsed);
        SourceRecord last = records.get(records.size() - 1);
        assertInstanceOf(SourceRecord.Rejected.class, last, records.toString());
    }

    @Test
    void gzipBombInARecordIsRejectedAndTheNextRecordStillReads(@TempDir Path dir) throws IOException {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                gz.write(spaces); // 64 MB of HTML whitespace from ~64 KB
            }
        }
        Path file = dir.resolve("bomb.warc.gz");
        try (WarcWriter w = new WarcWriter(Files.newByteChannel(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            HttpResponse bomb = new HttpResponse.Builder(200, "OK").addHeader("Content-Encoding", "gzip")
                    .body(MediaType.parse("text/html"), zipped.toByteArray()).build();
            w.write(new WarcResponse.Builder("https://example.net/bomb").date(CAPTURED).body(bomb).build());
            w.write(html("https://example-blog.net/p/4", UNDATED, "utf-8"));
        }
        List<SourceRecord> records = readAll(file);
        assertEquals(2, records.size());
        SourceRecord.Rejected r = assertInstanceOf(SourceRecord.Rejected.class, records.get(0));
        assertTrue(r.reason().startsWith("page too large"), r.reason());
        assertInstanceOf(SourceRecord.Parsed.class, records.get(1));
    }

    @Test
    void handlesWarcNamesOnly() {
        assertTrue(WarcSource.handles("a/crawl.warc.gz"));
        assertTrue(WarcSource.handles("CRAWL.WARC"));
        assertFalse(WarcSource.handles("crawl.jsonl.gz"));
    }
}
