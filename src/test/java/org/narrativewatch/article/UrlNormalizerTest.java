package org.narrativewatch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UrlNormalizerTest {

    @Test
    void schemeHostPortFragmentAndTracking() {
        assertEquals("https://www.1tv.ru/news/2022-02-24/1-X?id=5",
                UrlNormalizer.normalize("HTTPS://WWW.1TV.RU:443/news/2022-02-24/1-X?utm_source=tg&id=5&utm_medium=x#comments"));
        assertEquals("http://kremlin.ru/events/1", UrlNormalizer.normalize("http://Kremlin.ru:80/events/1?fbclid=abc"));
        assertEquals("http://example.org:8080/", UrlNormalizer.normalize("http://example.org:8080"));
    }

    @Test
    void pathCaseIsKept() {
        assertEquals("https://t.me/Channel/12", UrlNormalizer.normalize("https://T.me/Channel/12"));
    }

    @Test
    void rejectsNonUrls() {
        assertThrows(IllegalArgumentException.class, () -> UrlNormalizer.normalize(""));
        assertThrows(IllegalArgumentException.class, () -> UrlNormalizer.normalize("just words"));
        assertThrows(IllegalArgumentException.class, () -> UrlNormalizer.normalize("/relative/path"));
    }
}
