package org.narrativewatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class AnalyzersTest {

    @Test
    void inflectedFormsOfASurnameShareTheLemma() {
        for (String form : List.of("Путин", "Путина", "Путину", "Путиным", "Путине")) {
            assertTrue(TokenDump.terms("ru", form).contains("ru:путин"), form + " → " + TokenDump.terms("ru", form));
            assertTrue(TokenDump.matches("ru", "Путин", form), "query Путин should find " + form);
        }
        assertEquals(List.of("=путин", "ru:путин"), Analyzers.queryTerms("ru", "путин"));
    }

    @Test
    void emojiGluedToAWordDoesNotHideIt() {
        // Telegram posts: "❗️Путин" is U+2757 U+FE0F then the word; "Путин️" has a selector after it
        assertTrue(TokenDump.terms("ru", "\u2757\uFE0FПутин заявил").contains("ru:путин"), TokenDump.terms("ru", "\u2757\uFE0FПутин заявил").toString());
        assertTrue(TokenDump.terms("ru", "Путина\uFE0F \uD83D\uDD25").contains("=путина"));
        assertTrue(TokenDump.terms("ru", "\uD83C\uDDF7\uD83C\uDDFAРоссия").contains("ru:россия"));
    }

    @Test
    void acronymSvoDoesNotMatchPossessivePronoun() {
        for (String pronoun : List.of("свой", "своя", "свои", "своих", "своим", "Свои")) {
            assertFalse(TokenDump.matches("ru", "СВО", pronoun), "СВО must not find " + pronoun);
            assertFalse(TokenDump.matches("ru", "сво", pronoun), "сво must not find " + pronoun);
            assertFalse(TokenDump.matches("ru", "свой", "СВО"), "свой must not find СВО");
        }
        assertTrue(TokenDump.matches("ru", "СВО", "СВО"));
        assertTrue(TokenDump.matches("ru", "сво", "СВО"), "a lower-case query still finds the acronym");
        assertEquals(Set.of("=сво"), TokenDump.terms("ru", "СВО"), "an acronym is its exact form only");
    }

    @Test
    void gazaIsNotGas() {
        for (String gas : List.of("газ", "газом", "газов", "газами")) {
            assertFalse(TokenDump.matches("ru", "Газа", gas), "Газа must not find " + gas);
        }
        assertTrue(TokenDump.matches("ru", "Газа", "Газе"), "Газа finds its own forms");
    }

    @Test
    void initialsDoNotCollideWithPrepositions() {
        List<TokenDump> tokens = TokenDump.of(Analyzers.index("ru"), "В. Путин в Москве");
        assertEquals("=в.", tokens.get(0).term());
        assertEquals("=путин", tokens.get(1).term(), "an initial is its exact form only");
        assertEquals(0, tokens.get(0).start());
        assertEquals(2, tokens.get(0).end(), "the initial's dot is part of the token");
        assertFalse(TokenDump.matches("ru", "в", "В."));
        assertFalse(TokenDump.matches("ru", "В.", "в"));
        assertTrue(TokenDump.matches("ru", "В.", "В."));
    }

    @Test
    void yoAndStressMarksAreFolded() {
        assertEquals(TokenDump.terms("ru", "ёлка"), TokenDump.terms("ru", "елка"));
        assertEquals(TokenDump.terms("ru", "Алекса\u0301ндр"), TokenDump.terms("ru", "Александр"));
        assertEquals(TokenDump.terms("ru", "зелёного"), TokenDump.terms("ru", "зеленого"));
        assertTrue(TokenDump.terms("ru", "зелёного").contains("ru:зеленый"));
        assertEquals("=елка", Analyzers.exactTerm("Ёлка"));
        assertEquals("=александр", Analyzers.exactTerm("Алекса\u0301ндр"));
        // й and ї survive decomposed input: only the two stress accents are removed
        assertEquals("=мой", Analyzers.exactTerm("мои\u0306"));
        assertEquals("=її", Analyzers.exactTerm("і\u0308ї"));
        assertEquals("=привет", Analyzers.exactTerm("при\u00ADвет"), "soft hyphen dropped");
        assertEquals(TokenDump.terms("ru", "привет"), TokenDump.terms("ru", "при\u00ADвет"));
    }

    @Test
    void exactFormIsStackedAndDistinctFromLemma() {
        List<TokenDump> tokens = TokenDump.of(Analyzers.index("ru"), "Путина");
        assertEquals("=путина", tokens.get(0).term());
        assertEquals(1, tokens.get(0).posInc());
        for (TokenDump t : tokens.subList(1, tokens.size())) {
            assertEquals(0, t.posInc(), "lemmas sit at the exact form's position");
            assertFalse(t.term().startsWith("="));
        }
        assertEquals(Analyzers.exactTerm("ПУТИНА"), tokens.get(0).term());
        assertTrue(TokenDump.terms("ru", "Путиным").contains("ru:путин"));
        assertFalse(TokenDump.terms("ru", "Путиным").contains(Analyzers.exactTerm("Путина")));
        assertEquals(Analyzers.exactTerm("Путина"), Analyzers.queryTerms("ru", "Путина").get(0), "a query word's exact form comes first");
        assertTrue(Analyzers.queryTerms("ru", "Путина").stream().skip(1).noneMatch(t -> t.startsWith("=")));
    }

    @Test
    void offsetsPointAtTheOriginalText() {
        String text = "  Путин, СВО и м’ясо — северо-западного 2022 Алекса\u0301ндр!";
        List<TokenDump> tokens = TokenDump.of(Analyzers.index("ru"), text);
        List<String> surfaces = new ArrayList<>();
        int position = 0;
        for (TokenDump t : tokens) {
            position += t.posInc();
            if (t.term().startsWith("=")) {
                surfaces.add(text.substring(t.start(), t.end()));
            }
        }
        assertEquals(List.of("Путин", "СВО", "и", "м’ясо", "северо-западного", "северо", "западного", "2022", "Алекса\u0301ндр"),
                surfaces, "a hyphenated word, then its parts with their own offsets");
        assertEquals(7, position, "one position per word, extras stacked");
        for (TokenDump t : tokens) {
            assertTrue(t.start() < t.end() && t.end() <= text.length(), t.toString());
        }
    }

    @Test
    void emojiSurrogatesAndFinalOffset() throws Exception {
        String text = "мир\uD83D\uDE00война 𝐀 конец";
        List<TokenDump> tokens = TokenDump.of(Analyzers.index("ru"), text);
        List<String> exact = tokens.stream().filter(t -> t.term().startsWith("=")).map(TokenDump::term).toList();
        assertEquals(List.of("=мир", "=война", "=𝐀", "=конец"), exact, "the emoji separates words; a supplementary letter is a word");
        try (org.apache.lucene.analysis.TokenStream ts = Analyzers.index("ru").tokenStream("body", text)) {
            org.apache.lucene.analysis.tokenattributes.OffsetAttribute off =
                    ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                // consume
            }
            ts.end();
            assertEquals(text.length(), off.endOffset(), "final offset is the input length");
        }
    }

    @Test
    void longInputCrossesTheTokenizerBuffer() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append("войны ");
        }
        String text = sb.toString();
        List<TokenDump> tokens = TokenDump.of(Analyzers.index("ru"), text);
        long words = tokens.stream().filter(t -> t.term().equals("=войны")).count();
        assertEquals(2000, words);
        for (TokenDump t : tokens) {
            assertEquals("войны", text.substring(t.start(), t.end()));
        }
    }

    @Test
    void hyphenatedWordsNumbersAndOrdinals() {
        assertTrue(TokenDump.terms("ru", "северо-западного").contains("ru:северо-западный"));
        assertTrue(TokenDump.terms("ru", "кого-нибудь").contains("ru:кто-нибудь"));
        assertTrue(TokenDump.matches("ru", "1-й", "1-го"));
        assertTrue(TokenDump.terms("ru", "2022").contains("=2022"));
        assertFalse(TokenDump.matches("ru", "1-й", "1"));
    }

    @Test
    void dictionaryLemmaIsPreferredForQueries() {
        // стали is a form of both сталь and стать; a query for the lemma стать keeps only that reading
        assertEquals(List.of("=стать", "ru:стать"), Analyzers.queryTerms("ru", "стать"));
        assertTrue(Analyzers.queryTerms("ru", "стали").containsAll(List.of("ru:сталь", "ru:стать")));
        assertTrue(TokenDump.matches("ru", "стать", "стали"));
    }

    @Test
    void unknownWordsFallBackToSnowball() {
        // not in the dictionary: the Snowball stem joins the forms
        assertTrue(TokenDump.matches("ru", "зеленского", "Зеленскому"));
        assertTrue(TokenDump.matches("ru", "Зеленский", "Зеленского"));
    }

    @Test
    void shortUnknownWordsAreNotStemmed() {
        // Тао is not in the dictionaries; stemmed it would become та (and, that)
        assertFalse(TokenDump.matches("uk", "Тао", "та"));
        assertFalse(TokenDump.matches("ru", "Тао", "та"));
        assertTrue(TokenDump.terms("ru", "Тао").contains("ru~тао"), "kept whole, as a word no dictionary knows");
    }

    @Test
    void ukrainianUnknownWordsFallBackToSnowball() {
        // a surname the Ukrainian dictionary lacks: its case forms still meet
        assertTrue(TokenDump.matches("uk", "Абдулазиз", "Абдулазиза"));
        assertTrue(TokenDump.matches("uk", "Абдулазиз", "Абдулазизом"));
    }

    @Test
    void ukrainianFormsAndApostrophes() {
        assertTrue(TokenDump.matches("uk", "Київ", "Києва"));
        assertTrue(TokenDump.matches("uk", "Київ", "Києві"));
        assertEquals(TokenDump.terms("uk", "м'ясо"), TokenDump.terms("uk", "м’ясо"));
        assertEquals(TokenDump.terms("uk", "м'ясо"), TokenDump.terms("uk", "мʼясо"));
        assertTrue(TokenDump.terms("uk", "м’яса").contains("uk:м'ясо"));
        assertTrue(TokenDump.matches("uk", "війна", "війни"));
        assertTrue(TokenDump.matches("uk", "Зеленський", "Зеленського"));
    }

    @Test
    void englishStems() {
        assertTrue(TokenDump.matches("en", "negotiation", "negotiations"));
        assertTrue(TokenDump.matches("en", "attack", "attacked"));
        assertTrue(TokenDump.matches("en", "Putin", "Putin’s"));
        assertFalse(TokenDump.matches("en", "US", "used"), "the acronym US is not the stem of used");
        assertTrue(TokenDump.matches("en", "US", "US"));
    }

    @Test
    void otherLanguagesGetTheFoldedForm() {
        assertEquals(Set.of("=беларусь"), TokenDump.terms("be", "Беларусь"));
        assertEquals(TokenDump.terms("xx", "Беларусь"), TokenDump.terms(null, "Беларусь"));
    }

    @Test
    void everyLemmaTermCarriesItsLanguage() {
        for (String lang : List.of("ru", "uk", "en")) {
            for (String t : TokenDump.terms(lang, "Путин Київ talks")) {
                assertTrue(t.startsWith("=") || t.startsWith(lang + ":") || t.startsWith(lang + "~"), lang + " " + t);
            }
        }
        // a query word is read by every language; an article matches through its own language's reading
        List<String> all = Analyzers.wordTerms("судья");
        assertTrue(all.contains("ru:судья"));
        assertFalse(all.contains("ru:суд"), "the Ukrainian chain's guess must not reach Russian articles");
    }

    @Test
    void analyzerIsReusableAcrossThreads() throws Exception {
        Analyzer ru = Analyzers.index("ru");
        List<TokenDump> expected = TokenDump.of(ru, "Путин заявил о демилитаризации");
        assertEquals(expected, TokenDump.of(ru, "Путин заявил о демилитаризации"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<TokenDump>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> TokenDump.of(ru, "Путин заявил о демилитаризации")));
            }
            Set<List<TokenDump>> distinct = new HashSet<>();
            for (Future<List<TokenDump>> f : results) {
                distinct.add(f.get());
            }
            assertEquals(Set.of(expected), distinct);
        } finally {
            pool.shutdown();
        }
        assertNotEquals(Analyzers.index("ru"), Analyzers.index("uk"));
    }
}
