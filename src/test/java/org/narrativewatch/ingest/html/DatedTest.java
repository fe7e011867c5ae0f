package org.narrativewatch.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.narrativewatch.article.DateQuality;

class DatedTest {

    static final ZoneId MSK = ZoneId.of("Europe/Moscow");

    @Test
    void readsTheFormatsPagesUse() {
        assertEquals(new Dated(OffsetDateTime.parse("2022-02-24T05:30+03:00"), DateQuality.EXACT),
                Dated.parse("2022-02-24T05:30:00+03:00", MSK));
        assertEquals(OffsetDateTime.parse("2022-02-24T05:30+03:00"), Dated.parse("2022-02-24 05:30:00+0300", MSK).published());
        assertEquals(OffsetDateTime.parse("2022-02-24T02:30Z"), Dated.parse("2022-02-24T02:30:00Z", MSK).published());
        assertEquals(OffsetDateTime.parse("2022-02-24T05:30+03:00"), Dated.parse("2022-02-24T05:30:00", MSK).published(),
                "no offset: read in the outlet's zone");
        Dated day = Dated.parse("2022-02-24", MSK);
        assertEquals(DateQuality.DATE_ONLY, day.quality());
        assertEquals(OffsetDateTime.parse("2022-02-24T00:00+03:00"), day.published());
        assertEquals(OffsetDateTime.parse("2022-02-24T02:30Z"), Dated.parse("Thu, 24 Feb 2022 02:30:00 GMT", MSK).published());
        assertNull(Dated.parse("вчера", MSK));
        assertNull(Dated.parse("  ", MSK));
    }
}
