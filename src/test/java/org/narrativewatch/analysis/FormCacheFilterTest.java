package org.narrativewatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;
import org.narrativewatch.SharedData;

/** The form cache changes nothing the chain emits: every token with every attribute, cached or not. */
class FormCacheFilterTest {

    /** Mixed Russian, Ukrainian and English, with the cases the chain treats apart. */
    static final List<String> FIXTURE = List.of(
            "Путин и Зеленский: переговоры в Стамбуле. Путина спросили о переговорах, ПУТИН ответил.",
            "В. В. Путин, СВО, США, МИД, ХАМАС, ВОЙНЫ, КИЕВА, ТАСС, ОДКБ, ГИБДД — и снова СВО и США.",
            "ракеты-носителя, дронами-камикадзе, Москва-Сити, Москвы-Сити, по-прежнему, из-за, кто-то, научно-технический, чёрно-белый",
            "1-го, 90-х, 10-летний, 1-м, 2022-02-24, 3-й, ёлка и елка, Ёлки, зелёный, Зелёный",
            "Зеленський про переговори: перемовини тривають, м'ясо, м’ясо, Київ, Києва, у Києві",
            "Peace talks resumed in Istanbul; the President's talks, U.S. officials, NATO's summit, used US",
            "невидимые сим\u00advолы: пере\u200bговоры, при\u2060вет, Ива\u0301нов, ударось, борисфенитами, Тао",
            "ракеты-носителя ракеты-носителя по-прежнему по-прежнему кто-то научно-технический чёрно-белый",
            "a".repeat(300) + " " + "б".repeat(260) + " Путин",
            "Ивановича Ивановичу Иван Ивану раза разу Аничкином етери Шольцом лейблом",
            "");

    @Test
    void cachedChainsEmitTheSameTokensAsUncached() throws IOException {
        for (String chain : List.of("ru", "uk", "en", "plain")) {
            // a tiny cache rolls its generations many times over the fixture
            for (int capacity : new int[] {4, 64, FormCacheFilter.DEFAULT_CAPACITY}) {
                Analyzer cached = Analyzers.create(chain, capacity);
                Analyzer plain = Analyzers.create(chain, 0);
                for (int round = 0; round < 3; round++) {
                    for (String text : FIXTURE) {
                        assertEquals(tokens(plain, text), tokens(cached, text), chain + " cap " + capacity + ": " + text);
                    }
                }
            }
        }
    }

    @Test
    void theCacheHoldsAtMostTwiceItsCapacity() throws IOException {
        Analyzer cached = Analyzers.create("ru", 50);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            sb.append("слово").append(i).append(' ');
        }
        try (TokenStream ts = cached.tokenStream("body", sb.toString())) {
            FormCacheFilter f = (FormCacheFilter) ts;
            ts.reset();
            int n = 0;
            while (ts.incrementToken()) {
                assertTrue(f.size() <= 100, "held " + f.size());
                n++;
            }
            ts.end();
            assertTrue(n >= 4_000, "tokens " + n);
            assertTrue(f.size() > 50, "both generations in use: " + f.size());
        }
    }

    /** Real articles of every shared corpus (skipped when ../shared is absent). */
    @Test
    void sharedCorporaAnalyseTheSameCachedAndUncached() throws IOException {
        Path news = SharedData.require("data/news");
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (var s = Files.list(news)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList();
        }
        int articles = 0;
        for (Path f : files) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
                    StandardCharsets.UTF_8))) {
                String line;
                for (int i = 0; i < 1_500 && (line = r.readLine()) != null; i++) {
                    JsonNode o = json.readTree(line);
                    String lang = o.path("lang").asText("ru");
                    Analyzer cached = Analyzers.index(lang);
                    Analyzer plain = Analyzers.create(Analyzers.chain(lang), 0);
                    for (String field : new String[] {"title", "text"}) {
                        String text = o.path(field).asText("");
                        assertEquals(tokens(plain, text), tokens(cached, text), f.getFileName() + ":" + (i + 1) + " " + field);
                    }
                    articles++;
                }
            }
        }
        assertTrue(articles > 5_000, "articles compared: " + articles);
    }

    /** Every token as term|posInc|posLen|start-end|flags|keyword|type. */
    static List<String> tokens(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            FlagsAttribute flags = ts.addAttribute(FlagsAttribute.class);
            KeywordAttribute kw = ts.addAttribute(KeywordAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "|" + inc.getPositionIncrement() + "|" + len.getPositionLength() + "|" + off.startOffset() + "-"
                        + off.endOffset() + "|" + flags.getFlags() + "|" + kw.isKeyword() + "|" + type.type());
            }
            ts.end();
            out.add("end " + off.startOffset() + "-" + off.endOffset() + " " + inc.getPositionIncrement());
        }
        return out;
    }
}
