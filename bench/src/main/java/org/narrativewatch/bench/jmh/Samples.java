package org.narrativewatch.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * Texts for the microbenchmarks: real posts from ../shared when it is there (set NWATCH_SHARED to move
 * it), otherwise reproducible pseudo-sentences from a small word list, so the benchmarks run anywhere
 * (figures from the two are not comparable; the run prints which it used).
 */
final class Samples {
    private Samples() {}

    private static final String[] RU = ("президент заявил что переговоры о мире с украиной продолжатся на следующей неделе "
            + "в москве министр обороны сообщил об ударе по объектам инфраструктуры военные учения прошли в регионе "
            + "правительство выделило средства на восстановление жилья пострадавших от обстрелов").split(" ");
    private static final String[] EN = ("the president said that peace talks with ukraine would continue next week in moscow "
            + "the defence minister reported strikes on infrastructure military exercises took place in the region "
            + "the government allocated funds to rebuild homes damaged by shelling").split(" ");

    static List<String> texts(String lang, int n) {
        Path shared = Path.of(System.getenv().getOrDefault("NWATCH_SHARED", "../shared"), "data", "news");
        Path file = shared.resolve(lang.equals("en") ? "kremlin_media_tracker_en.jsonl.gz" : "tg_news_ru_2024.jsonl.gz");
        if (Files.isRegularFile(file)) {
            try {
                List<String> out = read(file, n);
                System.err.println("samples: " + out.size() + " texts from " + file);
                return out;
            } catch (IOException e) {
                System.err.println("samples: cannot read " + file + " (" + e.getMessage() + "), using synthetic text");
            }
        } else {
            System.err.println("samples: " + file + " absent, using synthetic text");
        }
        return synthetic(lang.equals("en") ? EN : RU, n, 40);
    }

    private static List<String> read(Path file, int n) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line; out.size() < n && (line = r.readLine()) != null; ) {
                JsonNode o = json.readTree(line);
                String t = (o.path("title").asText("") + " " + o.path("text").asText("")).trim();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    static List<String> synthetic(String[] words, int n, int length) {
        Random rnd = new Random(42);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < length; w++) {
                sb.append(w == 0 ? "" : " ").append(words[rnd.nextInt(words.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }
}
