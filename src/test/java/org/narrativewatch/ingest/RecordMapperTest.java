package org.narrativewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;

class RecordMapperTest {

    private final RecordMapper mapper = new RecordMapper(ImportDefaults.none());

    @Test
    void datesKeepTheirOffsetAndQuality() throws Exception {
        Article a = mapper.map(Map.of("url", "https://x.example/1", "source", "X", "title", "t", "date", "2022-02-24T05:30:00+03:00"));
        assertEquals(OffsetDateTime.parse("2022-02-24T05:30:00+03:00"), a.published());
        assertEquals(DateQuality.EXACT, a.dateQuality());
        Article b = mapper.map(Map.of("url", "https://x.example/2", "source", "X", "title", "t", "date", "2022-02-24"));
        assertEquals(DateQuality.DATE_ONLY, b.dateQuality());
        assertEquals("2022-02-24", b.day().toString());
    }

    @Test
    void hour24IsMidnightOfTheNextDay() throws Exception {
        Article a = mapper.map(Map.of("url", "https://x.example/1", "source", "X", "title", "t", "date", "2022-03-11T24:04:30"));
        assertEquals("2022-03-12T00:04:30Z", a.published().toString());
    }

    @Test
    void recordsWithoutAddressGetAStableContentIdentity() throws Exception {
        Map<String, String> rec = Map.of("source", "MFA", "title", "Заявление", "text", "Текст", "date", "2016-12-29", "lang", "ru");
        Article a = mapper.map(rec);
        assertTrue(a.url().startsWith("urn:nwatch:content:"), a.url());
        assertEquals(a.url(), mapper.map(rec).url());
        Map<String, String> other = new java.util.HashMap<>(rec);
        other.put("text", "Другой текст");
        assertTrue(!a.url().equals(mapper.map(other).url()));
    }

    @Test
    void languageIsGuessedWhenAbsent() throws Exception {
        assertEquals("uk", mapper.map(Map.of("url", "https://x.example/1", "source", "X", "date", "2022-01-01",
                "title", "Зустріч у Стамбулі: що відомо і які її наслідки")).lang());
        assertEquals("en", mapper.map(Map.of("url", "https://x.example/2", "source", "X", "date", "2022-01-01",
                "title", "Talks in Istanbul resume")).lang());
    }

    @Test
    void badFieldsAreNamed() {
        var e = assertThrows(RecordMapper.BadRecord.class, () -> mapper.map(Map.of("url", "https://x.example/1",
                "source", "X", "title", "t", "date", "yesterday")));
        assertTrue(e.getMessage().startsWith("field date: cannot read 'yesterday'"), e.getMessage());
        e = assertThrows(RecordMapper.BadRecord.class, () -> mapper.map(Map.of("url", "not a url", "source", "X",
                "title", "t", "date", "2022-01-01")));
        assertTrue(e.getMessage().startsWith("field url:"), e.getMessage());
        e = assertThrows(RecordMapper.BadRecord.class, () -> mapper.map(Map.of("url", "https://x.example/1",
                "title", "t", "date", "2022-01-01")));
        assertTrue(e.getMessage().contains("no source field"), e.getMessage());
    }
}
