package org.narrativewatch.ingest.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.UserException;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.ingest.SourceRecord;

class TelegramExportSourceTest {

    /** A channel export as Telegram Desktop writes it (fields, entity shapes), with text of our own. */
    static final String EXPORT = """
            {
             "name": "Тестовый канал",
             "type": "public_channel",
             "id": 1500123456,
             "messages": [
              {
               "id": 1,
               "type": "service",
               "date": "2022-02-20T10:00:00",
               "date_unixtime": "1645340400",
               "actor": "Тестовый канал",
               "action": "create_channel",
               "title": "Тестовый канал",
               "text": "",
               "text_entities": []
              },
              {
               "id": 2,
               "type": "message",
               "date": "2022-02-24T06:10:00",
               "date_unixtime": "1645672200",
               "from": "Тестовый канал",
               "from_id": "channel1500123456",
               "text": "Срочно: объявлено начало операции.\\nПодробности позже.",
               "text_entities": [{"type": "plain", "text": "Срочно: объявлено начало операции.\\nПодробности позже."}]
              },
              {
               "id": 3,
               "type": "message",
               "date": "2022-02-24T07:00:00",
               "date_unixtime": "1645675200",
               "edited": "2022-02-24T07:05:00",
               "from": "Тестовый канал",
               "text": [
                "Заявление ",
                {"type": "bold", "text": "министерства"},
                " опубликовано ",
                {"type": "text_link", "text": "на сайте", "href": "https://example.org/statement"},
                ". ",
                {"type": "hashtag", "text": "#новости"}
               ]
              },
              {
               "id": 4,
               "type": "message",
               "date": "2022-02-24T08:00:00",
               "date_unixtime": "1645678800",
               "from": "Тестовый канал",
               "forwarded_from": "Другой канал",
               "text": ["Переслано: ", {"type": "italic", "text": "мнение эксперта"}]
              },
              {
               "id": 5,
               "type": "message",
               "date": "2022-02-24T09:00:00",
               "date_unixtime": "1645682400",
               "photo": "photos/photo_5.jpg",
               "width": 800,
               "height": 600,
               "text": ""
              },
              {
               "id": 6,
               "type": "message",
               "date": "2022-02-25T10:00:00",
               "text": "Старый экспорт без date_unixtime."
              }
             ]
            }
            """;

    static List<SourceRecord> readAll(Path file) throws IOException {
        List<SourceRecord> out = new ArrayList<>();
        try (TelegramExportSource src = new TelegramExportSource(file)) {
            SourceRecord r;
            while ((r = src.next()) != null) {
                out.add(r);
            }
            assertNull(src.next(), "stays at the end");
        }
        return out;
    }

    @Test
    void messagesBecomeArticles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("result.json");
        Files.writeString(file, EXPORT);
        List<SourceRecord> records = readAll(file);
        assertEquals(5, records.size(), "service message passed over: " + records);

        Article first = assertInstanceOf(SourceRecord.Parsed.class, records.get(0)).article();
        assertEquals("telegram:Тестовый канал", first.outlet());
        assertEquals("https://t.me/c/1500123456/2", first.url());
        // the export's local time is 06:10 for 03:10 UTC: the exporter's offset was +03:00
        assertEquals(OffsetDateTime.parse("2022-02-24T06:10:00+03:00"), first.published());
        assertEquals(DateQuality.EXACT, first.dateQuality());
        assertEquals("Срочно: объявлено начало операции.", first.title());
        assertEquals("Срочно: объявлено начало операции.\nПодробности позже.", first.text());
        assertEquals("ru", first.lang());
        assertNull(first.syndicatedFrom());
        assertEquals(2, records.get(0).position(), "position is the index in the messages list");

        Article formatted = ((SourceRecord.Parsed) records.get(1)).article();
        assertEquals("Заявление министерства опубликовано на сайте. #новости", formatted.text());

        Article forward = ((SourceRecord.Parsed) records.get(2)).article();
        assertEquals("telegram:Другой канал", forward.syndicatedFrom());
        assertEquals("Переслано: мнение эксперта", forward.text());

        SourceRecord.Rejected media = assertInstanceOf(SourceRecord.Rejected.class, records.get(3));
        assertTrue(media.where().endsWith("result.json: message 5"), media.where());
        assertTrue(media.reason().contains("no text"));

        Article old = ((SourceRecord.Parsed) records.get(4)).article();
        assertEquals(OffsetDateTime.parse("2022-02-25T10:00:00Z"), old.published());
    }

    @Test
    void usernameGivesPublicMessageAddresses(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("result.json");
        Files.writeString(file, EXPORT.replace("\"type\": \"public_channel\",",
                "\"type\": \"public_channel\",\n \"username\": \"test_channel\","));
        Article a = ((SourceRecord.Parsed) readAll(file).get(0)).article();
        assertEquals("https://t.me/test_channel/2", a.url());
    }

    @Test
    void brokenJsonEndsWithARejectionNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("result.json");
        int cut = EXPORT.indexOf("\"id\": 4");
        Files.writeString(file, EXPORT.substring(0, cut) + "\"id\": 4, \"type\": \"message\", \"text\": \"оборвано");
        List<SourceRecord> records = readAll(file);
        assertEquals(3, records.size());
        SourceRecord.Rejected r = assertInstanceOf(SourceRecord.Rejected.class, records.get(2));
        assertTrue(r.where().matches(".*result\\.json:\\d+"), r.where());
        assertTrue(r.endsSource(), "the rest of the file cannot be read: the import says it is incomplete");
    }

    @Test
    void notAnExportIsAClearError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"hello\": [1, 2, 3]}");
        UserException e = assertThrows(UserException.class, () -> readAll(file));
        assertTrue(e.getMessage().contains("other.json") && e.getMessage().contains("messages"), e.getMessage());
        Files.writeString(file, "[1, 2]");
        assertThrows(UserException.class, () -> readAll(file));
    }

    @Test
    void emptyChannelHasNoRecords(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("result.json");
        Files.writeString(file, "{\"name\": \"Пусто\", \"type\": \"public_channel\", \"id\": 1, \"messages\": []}");
        assertTrue(readAll(file).isEmpty());
    }
}
