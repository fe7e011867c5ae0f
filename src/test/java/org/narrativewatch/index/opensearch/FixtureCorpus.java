package org.narrativewatch.index.opensearch;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;

/**
 * A small trilingual corpus written for these tests: sentences with inflected names and words,
 * phrases split across title and text, syndicated copies, gap days, and late-evening times whose
 * day depends on the offset. Deterministic (fixed seed), so both engines see the same articles.
 */
final class FixtureCorpus {
    private FixtureCorpus() {}

    static final List<String> RU = List.of(
            "Путин заявил о готовности к переговорам в Стамбуле.",
            "Переговоры в Стамбуле продолжатся на следующей неделе, сообщил Песков.",
            "Мирные переговоры зашли в тупик после новых санкций.",
            "Кремль требует денацификации и демилитаризации Украины.",
            "Путина спросили о санкциях против российских банков.",
            "Делегации обсудили мирные переговоры и обмен пленными.",
            "Встреча Зеленского и Путина пока не состоялась.",
            "Демилитаризация остаётся целью, сказал Путин журналистам.",
            "Новые санкции ударили по экспорту нефти и газа.",
            "В Стамбуле прошёл второй раунд переговоров между делегациями.",
            "Переговорщики из Москвы прибыли в Стамбул утром.",
            "СВО продолжается, заявили в министерстве обороны.",
            "Путину доложили о ходе мирных переговоров.",
            "О денацификации говорили и в Стамбуле.");
    static final List<String> UK = List.of(
            "Зеленський закликав до нових санкцій проти Росії.",
            "Переговори у Стамбулі завершилися без результату.",
            "Мирні переговори можливі лише після виведення військ, заявив Зеленський.",
            "Зеленського підтримали партнери на саміті в Брюсселі.",
            "Санкції проти російських банків посилено.",
            "Путін знову погрожує, кажуть у Києві.");
    static final List<String> EN = List.of(
            "Putin said peace talks in Istanbul could resume next week.",
            "Western sanctions hit Russian banks and oil exports.",
            "Zelensky urged partners to impose new sanctions on Moscow.",
            "The peace talks stalled after a new round of sanctions.",
            "Delegations discussed a prisoner exchange in Istanbul.",
            "Sanctioned banks lost access to international payments.",
            "Talks about peace went on in Istanbul.");

    record Outlet(String name, String group, String lang, List<String> sentences) {}

    static final List<Outlet> OUTLETS = List.of(
            new Outlet("tass.ru", "state", "ru", RU),
            new Outlet("meduza.io", "independent", "ru", RU),
            new Outlet("pravda.com.ua", "ukrainian", "uk", UK),
            new Outlet("reuters.com", "wire", "en", EN),
            new Outlet("blog.example", null, "en", EN));

    static List<Article> articles() {
        Random rnd = new Random(20220224L);
        LocalDate start = LocalDate.of(2022, 2, 20);
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            Outlet o = OUTLETS.get(i % OUTLETS.size());
            int day = rnd.nextInt(70);
            if (day >= 30 && day < 38) {
                day += 10; // a stretch with no articles at all: gap buckets
            }
            int hour = rnd.nextInt(5) == 0 ? 23 : 8 + rnd.nextInt(12);
            ZoneOffset off = o.lang().equals("en") ? ZoneOffset.UTC : ZoneOffset.ofHours(3);
            OffsetDateTime published = start.plusDays(day).atTime(hour, rnd.nextInt(60)).atOffset(off);
            List<String> s = o.sentences();
            String title = s.get(rnd.nextInt(s.size()));
            StringBuilder text = new StringBuilder();
            int n = 1 + rnd.nextInt(5);
            for (int k = 0; k < n; k++) {
                text.append(k == 0 ? "" : " ").append(s.get(rnd.nextInt(s.size())));
            }
            out.add(new Article("https://" + o.name() + "/news/" + i, o.name(), o.group(), published,
                    DateQuality.EXACT, o.lang(), title, text.toString(), null));
        }
        // syndicated copies: the same text under other outlets and URLs, some on the same day
        for (int i = 0; i < 12; i++) {
            Article a = out.get(i * 7);
            String outlet = a.outlet().equals("tass.ru") ? "meduza.io" : "tass.ru";
            out.add(new Article("https://copies.example/" + i, outlet, outlet.equals("tass.ru") ? "state" : "independent",
                    a.published().plusHours(i % 3 == 0 ? 0 : 30), DateQuality.DATE_ONLY, a.lang(), a.title(), a.text(),
                    a.outlet()));
        }
        // issue 13: hyphenated words, words in capitals, look-alike and invisible characters, the
        // same letters in two languages (судья / суд), a typo whose stem is a dictionary word
        String[][] issue13 = {
            {"meduza.io", "ru", "ВОЙНЫ НЕ БУДЕТ, ЗАЯВИЛ ХАМАС", "Генерал-лейтенанта и дронов-камикадзе обсуждали в Москва-Сити. Представитель Хамаса ответил."},
            {"tass.ru", "ru", "CША и СBО: ракеты-носителя не будет", "Судья огласил решение, суд удалился. Пу\u200Bтин заявил о переговорах. Нанесён ударось."},
            {"tass.ru", "ru", "Посол приехал после встречи", "Другой вариант обсуждал мой друг, сам Путин — самый осторожный. Каждый выбрал свой путь."},
            {"pravda.com.ua", "uk", "Суд ухвалив рішення", "Дрони-камікадзе атакували Київ. Судді оголосили вирок."},
            {"reuters.com", "en", "Bidеn met Trump's team", "Kamikaze-drones were discussed by the US delegation."},
        };
        for (int i = 0; i < issue13.length; i++) {
            String[] a = issue13[i];
            String group = OUTLETS.stream().filter(o -> o.name().equals(a[0])).findFirst().orElseThrow().group();
            out.add(new Article("https://" + a[0] + "/issue13/" + i, a[0], group,
                    OffsetDateTime.of(2022, 3, 12 + i, 10, 0, 0, 0, ZoneOffset.ofHours(3)), DateQuality.EXACT, a[1], a[2], a[3], null));
        }
        // an article with many word forms sharing a prefix: exercises the prefix cap
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 5200; i++) {
            many.append("qq").append(i).append(' ');
        }
        out.add(new Article("https://blog.example/many-forms", "blog.example", null,
                OffsetDateTime.of(2022, 3, 10, 12, 0, 0, 0, ZoneOffset.UTC), DateQuality.GUESSED, "en",
                "Word list", many.toString().trim(), null));
        return out;
    }
}
