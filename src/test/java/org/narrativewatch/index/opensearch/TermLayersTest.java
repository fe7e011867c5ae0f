package org.narrativewatch.index.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.index.IndexedTerms;
import org.narrativewatch.index.Schema;

class TermLayersTest {

    @Test
    void encodingKeepsLettersAndEscapesTheRest() {
        assertEquals("_003dпутина", TermLayers.encode("=путина"));
        assertEquals("м_0027ясо", TermLayers.encode("м'ясо"));
        assertEquals("a_005fb", TermLayers.encode("a_b"));
        assertEquals("covid19", TermLayers.encode("covid19"));
        // injective on look-alikes: a literal escape sequence is itself escaped
        assertNotEquals(TermLayers.encode("_003d"), TermLayers.encode("="));
        assertTrue(TermLayers.encode("x").matches("[\\p{L}\\p{N}_]+"));
    }

    @Test
    void layersKeepPositionsWithHoles() {
        List<String> layers = TermLayers.layers(List.of(List.of("=a", "a"), List.of(), List.of("=c", "c", "cc"), List.of("=d")));
        assertEquals(List.of("_003da _x _003dc _003dd", "a _x c", "_x _x cc"), layers);
    }

    @Test
    void bodyPositionsPutTheTextAGapAfterTheTitle() {
        Article a = new Article("https://x.example/1", "x", null, OffsetDateTime.of(2022, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC),
                DateQuality.EXACT, "en", "Peace talks", "Talks resumed", null);
        List<List<String>> body = IndexedTerms.byPosition(a, "body");
        assertEquals(2 + Schema.TITLE_TEXT_GAP + 2, body.size());
        for (int p = 0; p < body.size(); p++) {
            boolean word = p < 2 || p > 1 + Schema.TITLE_TEXT_GAP;
            assertEquals(word, !body.get(p).isEmpty(), "position " + p + ": " + body.get(p));
        }
        assertEquals(body.get(1), body.get(2 + Schema.TITLE_TEXT_GAP), "'talks' and 'Talks' have the same terms");
        assertEquals(2, IndexedTerms.byPosition(a, "title").size());
    }
}
