package org.narrativewatch.explain.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.narrativewatch.explain.TextTokens;

/** The tagger on sentences written for these tests: what it must find, merge and leave alone. */
class NameTaggerTest {

    private static List<List<NameTagger.Span>> tag(NameTagger tagger, String lang, String... texts) {
        List<List<NameTagger.Word>> segs = new ArrayList<>();
        for (String t : texts) {
            segs.add(TextTokens.words(TextTokens.of(lang, t)));
        }
        return tagger.tag(lang, segs).stream().map(NameTagger.Tagged::spans).toList();
    }

    private static List<String> canonicals(List<NameTagger.Span> spans) {
        return spans.stream().map(NameTagger.Span::canonical).toList();
    }

    @Test
    void personsAreMergedToTheSurname() {
        List<List<NameTagger.Span>> r = tag(NameTagger.create(), "ru",
                "Владимир Путин и Дональд Трамп провели встречу.",
                "Президент России Владимир Владимирович Путин выступил.",
                "В.В. Путин встретился с главой МИД С. Лавровым.");
        assertEquals(List.of("путин", "трамп"), canonicals(r.get(0)));
        assertEquals(NameTagger.Type.PERSON, r.get(0).get(0).type());
        assertEquals("Владимир Путин", r.get(0).get(0).text());
        // a place in the genitive before a person's name is another name, not part of it
        assertEquals(List.of("россия", "путин"), canonicals(r.get(1)));
        assertEquals(List.of("путин", "мид", "лавров"), canonicals(r.get(2)));
        assertEquals("В. В. Путин", r.get(2).get(0).text());
    }

    @Test
    void multiWordNamesStayWhole() {
        List<List<NameTagger.Span>> r = tag(NameTagger.create(), "ru",
                "Об этом сообщил Белый дом.",
                "Газопровод «Северный поток» остановлен.",
                "Взрывы на «Северных потоках» расследуют.",
                "Он сказал: «Мы будем бороться до конца».");
        assertEquals(List.of("белый дом"), canonicals(r.get(0)));
        assertEquals(List.of("северный поток"), canonicals(r.get(1)));
        assertEquals(List.of("северный поток"), canonicals(r.get(2)), "inflected forms meet under the lemmas");
        assertEquals(List.of(), canonicals(r.get(3)), "direct speech in quotes is not a name");
    }

    @Test
    void capitalsAtTheStartOfASentenceNeedEvidence() {
        List<List<NameTagger.Span>> alone = tag(NameTagger.create(), "ru",
                "Роман вышел в прошлом году.", "Путин заявил о переговорах.", "Уиткофф прилетел в Москву.");
        assertEquals(List.of(), canonicals(alone.get(0)), "роман is a common word first");
        assertEquals(List.of("путин"), canonicals(alone.get(1)), "a surname reading that is not a common word's dictionary form");
        assertEquals(List.of("уиткофф", "москва"), canonicals(alone.get(2)), "a word no dictionary knows");
        // the same sentence start, with the batch showing Роман as a name inside sentences
        List<List<NameTagger.Span>> withEvidence = tag(NameTagger.create(), "ru",
                "Роман вышел в прошлом году.", "Об этом рассказал Роман, а затем Роман ушёл.");
        assertEquals(List.of("роман"), canonicals(withEvidence.get(0)));
    }

    @Test
    void functionWordsAcronymsAndHandles() {
        List<List<NameTagger.Span>> r = tag(NameTagger.create(), "ru",
                "Представители НАТО и ООН прибыли в США.", "Прошу Вас ответить, сообщил канал @rian_ru.",
                "Глава XIX века.");
        assertEquals(List.of("нато", "оон", "сша"), canonicals(r.get(0)));
        assertFalse(canonicals(r.get(1)).contains("вы"), "the polite Вы is a pronoun");
        // the tokenizer splits rian_ru at the underscore; the part after @ is the name
        assertTrue(canonicals(r.get(1)).contains("rian"), canonicals(r.get(1)).toString());
        assertEquals(List.of(), canonicals(r.get(2)), "a Roman numeral is not a name");
    }

    @Test
    void englishUsesCapitalsAndTheBatch() {
        List<List<NameTagger.Span>> r = tag(NameTagger.create(), "en",
                "Donald Trump met Vladimir Putin in Alaska.", "Trump said the talks went well.",
                "Putin Says Talks With The West Will Continue");
        assertEquals(List.of("trump", "putin", "alaska"), canonicals(r.get(0)));
        assertEquals(List.of("trump"), canonicals(r.get(1)));
        // a headline in title case: capitals say nothing, only words seen capitalised inside sentences count
        assertEquals(List.of("putin"), canonicals(r.get(2)));
    }

    @Test
    void ukrainianProperLemmas() {
        List<List<NameTagger.Span>> r = tag(NameTagger.create(), "uk",
                "Київ відповів Москві.", "Учора Зеленський зустрівся з Трампом у Вашингтоні.");
        assertEquals(List.of("київ", "москва"), canonicals(r.get(0)));
        assertEquals(List.of("зеленський", "трамп", "вашингтон"), canonicals(r.get(1)));
    }

    @Test
    void gazetteerIsOptionalAndMatchesAcrossSpellings() {
        Gazetteer g = Gazetteer.of(List.of("Kharkiv", "Avdiivka", "Lebedyn"));
        assertTrue(g.contains("Харків"));
        assertTrue(g.contains("Харьков"));
        assertTrue(g.contains("авдеевка"));
        assertTrue(g.contains("Lebedyn"));
        assertFalse(g.contains("Москва"));
        assertFalse(g.contains("ок"), "keys shorter than three letters are not compared");
        // a sentence-initial place the dictionary also knows as a common word is a name only with the gazetteer
        List<List<NameTagger.Span>> without = tag(NameTagger.create(), "ru", "Лебедин обстреляли ночью.");
        List<List<NameTagger.Span>> with = tag(NameTagger.create(Gazetteer.of(List.of("Lebedyn"))), "ru", "Лебедин обстреляли ночью.");
        assertEquals(List.of("лебедин"), canonicals(with.get(0)));
        assertEquals(NameTagger.Type.PLACE, with.get(0).get(0).type());
        assertTrue(without.get(0).isEmpty() || without.get(0).get(0).type() != NameTagger.Type.PLACE);
    }
}
