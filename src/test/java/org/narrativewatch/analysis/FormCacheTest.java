package org.narrativewatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PayloadAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;
import org.narrativewatch.SharedData;
import org.narrativewatch.article.Article;
import org.narrativewatch.ingest.ImportDefaults;
import org.narrativewatch.ingest.Source;
import org.narrativewatch.ingest.SourceRecord;
import org.narrativewatch.ingest.Sources;

/**
 * The form cache changes nothing: every chain, cached and uncached, gives the same tokens with the same
 * attributes (term, position increment and length, offsets, flags, keyword mark, type, frequency) and the
 * same end state, on tricky words and on thousands of real articles in four languages, each analyzer
 * reused across texts so that later words come from the cache.
 */
class FormCacheTest {

    private static final List<String> CHAINS = List.of("ru", "uk", "en", "plain");

    @Test
    void trickyWordsGiveTheSameTokens() throws IOException {
        List<String> texts = List.of(
                "Путин, путин, ПУТИН и В. Путин; СВО, ХАМАС, ВОЙНЫ, ОДКБ, США. Путина-то не было.",
                "генерал-лейтенанта, дронами-камикадзе, Москва-Сити, по-прежнему, из-за, кто-то, научно-технический, чёрно-белый",
                "1-го, 90-х, 10-летний, Ростов-на-Дону, м'ясо, м’ясо, ❗️Путин, Зеленський, перемовини, talks, peace's, Russia's",
                "сол\u00ADдат и солдат, zero\u200Bwidth и zerowidth, ге\u00AD-нерал и ге-нерал, е\u0301сли и если, ёлка и елка",
                "a".repeat(300) + " " + "б".repeat(600) + " д" + "\u0301".repeat(20) + " x-y-z-a-b-c-d-e-f-g-h",
                "", "   ", "—", "генерал-лейтенанта генерал-лейтенанта ге\u00ADнерал-лейтенанта генерал-лейтенанта");
        for (String chain : CHAINS) {
            Analyzer cached = Analyzers.create(chain, true);
            Analyzer plain = Analyzers.create(chain, false);
            for (int round = 0; round < 2; round++) {
                for (String t : texts) {
                    assertEquals(tokens(plain, t, false), tokens(cached, t, false), chain + ": " + t);
                }
            }
        }
    }

    @Test
    void aConsumerWithAPayloadGetsTheChainUncached() throws IOException {
        Analyzer cached = Analyzers.create("ru", true);
        Analyzer plain = Analyzers.create("ru", false);
        String t = "Путин и Зеленский, генерал-лейтенанта, Путин и Зеленский";
        assertEquals(tokens(plain, t, true), tokens(cached, t, true));
        assertEquals(tokens(plain, t, false), tokens(cached, t, false));
    }

    @Test
    void realArticlesGiveTheSameTokens() throws IOException {
        Path news = SharedData.require("data/news");
        int compared = 0;
        List<Analyzer> cached = new ArrayList<>();
        List<Analyzer> plain = new ArrayList<>();
        for (String chain : CHAINS) {
            cached.add(Analyzers.create(chain, true));
            plain.add(Analyzers.create(chain, false));
        }
        for (String f : List.of("1tv_ru.jsonl.gz", "tg_news_ru_2024.jsonl.gz", "zelensky_addresses_2022.jsonl.gz",
                "kremlin_media_tracker_en.jsonl.gz", "eastbound_rss_2025.jsonl.gz", "ukraina_ru_titles.jsonl.gz")) {
            Path p = news.resolve(f);
            if (!Files.exists(p)) {
                continue;
            }
            try (Source s = Sources.open(p.toString(), ImportDefaults.none())) {
                int n = 0;
                for (SourceRecord r = s.next(); r != null && n < 3000; r = s.next()) {
                    if (!(r instanceof SourceRecord.Parsed parsed)) {
                        continue;
                    }
                    Article a = parsed.article();
                    // the article's own chain, and the Russian one over every text (the most filters)
                    for (String chain : List.of(Analyzers.chain(a.lang()), "ru")) {
                        int i = CHAINS.indexOf(chain);
                        for (String text : List.of(a.title(), a.text())) {
                            assertEquals(tokens(plain.get(i), text, false), tokens(cached.get(i), text, false),
                                    f + " " + a.url() + " (" + chain + ")");
                        }
                    }
                    n++;
                    compared++;
                }
            }
        }
        assertTrue(compared > 3000, "compared " + compared + " articles");
    }

    /** Every token with every attribute the chain sets, then the end state, one string per token. */
    private static List<String> tokens(Analyzer an, String text, boolean payload) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = an.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            FlagsAttribute flags = ts.addAttribute(FlagsAttribute.class);
            KeywordAttribute kw = ts.addAttribute(KeywordAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            TermFrequencyAttribute freq = ts.addAttribute(TermFrequencyAttribute.class);
            if (payload) {
                ts.addAttribute(PayloadAttribute.class);
            }
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + " +" + inc.getPositionIncrement() + " len" + len.getPositionLength() + " [" + off.startOffset()
                        + "," + off.endOffset() + ") f" + flags.getFlags() + (kw.isKeyword() ? " kw" : "") + " " + type.type()
                        + " tf" + freq.getTermFrequency());
            }
            ts.end();
            out.add("end +" + inc.getPositionIncrement() + " [" + off.startOffset() + "," + off.endOffset() + ")");
        }
        return out;
    }
}
