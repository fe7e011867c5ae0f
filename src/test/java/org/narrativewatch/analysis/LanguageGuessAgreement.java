package org.narrativewatch.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Harness (not a test): how often {@link LanguageGuesser} agrees with the {@code lang} field of news
 * records, on the title (or the first 200 characters of the text when there is no title), first
 * 20,000 records of each file. Disagreements include records whose field is wrong (Russian titles
 * marked en). Run after {@code mvn -o -q -B test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.narrativewatch.analysis.LanguageGuessAgreement ../shared/data/news/*.jsonl.gz
 * </pre>
 */
public final class LanguageGuessAgreement {
    public static void main(String[] files) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String f : files) {
            Map<String, Integer> confusions = new TreeMap<>();
            int n = 0;
            int agree = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(Path.of(f))), StandardCharsets.UTF_8))) {
                for (String line; n < 20_000 && (line = r.readLine()) != null; ) {
                    JsonNode record = json.readTree(line);
                    String lang = record.path("lang").asText("");
                    if (lang.isEmpty()) {
                        continue;
                    }
                    String sample = record.path("title").asText("");
                    if (sample.isBlank()) {
                        String text = record.path("text").asText("");
                        sample = text.substring(0, Math.min(200, text.length()));
                    }
                    String guess = LanguageGuesser.guess(sample);
                    n++;
                    if (guess.equals(lang)) {
                        agree++;
                    } else {
                        confusions.merge(lang + "→" + guess, 1, Integer::sum);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s: %d records, %d agree (%.2f%%), disagreements %s%n",
                    Path.of(f).getFileName(), n, agree, 100.0 * agree / Math.max(1, n), confusions);
        }
    }
}
