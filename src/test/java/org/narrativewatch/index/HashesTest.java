package org.narrativewatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.narrativewatch.SharedData;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;

/**
 * Story hashes are stored in every index and compared with those of later imports, so a faster way of
 * computing them must give the very same values: checked against the definition, written out plainly.
 */
class HashesTest {

    /** The definition: the letters and digits of title + " " + text, lower-cased, ё as е, as UTF-8, hashed. */
    static long reference(Article a) {
        StringBuilder sb = new StringBuilder();
        String s = a.title() + " " + a.text();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c == 'ё' || c == 'Ё' ? 'е' : c));
            }
        }
        return sb.length() == 0 ? 0 : Hashes.hash64(sb.toString());
    }

    static Article article(String title, String text) {
        return new Article("https://a.example/1", "A", null, OffsetDateTime.parse("2022-02-24T05:00:00+03:00"),
                DateQuality.EXACT, "ru", title, text, null);
    }

    @Test
    void storyHashIsTheDefinitionsValue() {
        List<String[]> cases = List.of(
                new String[] {"Путин и Зеленский: переговоры", "Специальная военная операция. Переговоры в Стамбуле."},
                new String[] {"", "Ёлка, ЁЖ и ёж; Zürich, İstanbul, ΑΘΗΝΑ, 東京 2022, ١٢٣"},
                new String[] {"Emoji 😀 and 𝐛𝐨𝐥𝐝 letters (outside the BMP are dropped)", "x\uD800y\uDC00z"},
                new String[] {"!!!", "... --- ..."},
                new String[] {"", ""},
                new String[] {"A".repeat(5_000), "б".repeat(400_000)});
        for (String[] c : cases) {
            Article a = article(c[0], c[1]);
            assertEquals(reference(a), Hashes.storyHash(a), c[0] + " / " + c[1].substring(0, Math.min(40, c[1].length())));
        }
        assertEquals(0, Hashes.storyHash(article("!!!", "...")));
        assertEquals(Hashes.storyHash(article("Путин, ЕЛКА", "")), Hashes.storyHash(article("путин ёлка", "")));
        assertNotEquals(Hashes.storyHash(article("путин", "")), Hashes.storyHash(article("путина", "")));
    }

    /** Real articles of every shared corpus (skipped when ../shared is absent). */
    @Test
    void storyHashOfSharedArticlesIsTheDefinitionsValue() throws IOException {
        Path news = SharedData.require("data/news");
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (var s = Files.list(news)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList();
        }
        int n = 0;
        for (Path f : files) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
                    StandardCharsets.UTF_8))) {
                String line;
                for (int i = 0; i < 3_000 && (line = r.readLine()) != null; i++) {
                    JsonNode o = json.readTree(line);
                    Article a = article(o.path("title").asText(""), o.path("text").asText(""));
                    assertEquals(reference(a), Hashes.storyHash(a), f.getFileName() + ":" + (i + 1));
                    n++;
                }
            }
        }
        assertTrue(n > 10_000, "articles " + n);
    }
}
