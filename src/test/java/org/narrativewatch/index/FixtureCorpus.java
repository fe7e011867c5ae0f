package org.narrativewatch.index;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;

/**
 * A small synthetic corpus written for these tests: sentences built from inflected Russian,
 * Ukrainian and English word forms, spread over three outlets, two groups and 70 days, with a few
 * days left empty (gaps) and some syndicated copies.
 */
public final class FixtureCorpus {
    private FixtureCorpus() {}

    private static final String[][] RU = {
        {"Путин", "Путина", "Путину", "Путиным", "Путине"},
        {"переговоры", "переговоров", "переговорах", "переговорам"},
        {"Стамбул", "Стамбуле", "Стамбула"},
        {"денацификация", "денацификации", "денацификацию"},
        {"демилитаризация", "демилитаризации", "демилитаризацию"},
        {"демилитаризованная зона", "демилитаризованной зоны"},
        {"мирные", "мирных", "мирным"},
        {"СВО", "своя", "свои", "своих"},
        {"Газа", "газ", "газа", "газом"},
        {"встреча", "встречи", "встрече"},
        {"Зеленский", "Зеленского", "Зеленским"},
        {"саммит", "саммита", "саммите"},
    };
    private static final String[] RU_FILLER = {"сегодня", "заявил", "в", "о", "на", "новости", "президент",
        "министр", "обсуждение", "после", "снова", "и", "не", "для", "ещё", "ёлка", "ракета", "удар"};
    private static final String[] UK = {"переговори", "переговорів", "Путін", "Путіна", "Стамбулі", "зустріч",
        "зустрічі", "мирні", "війна", "війни", "сьогодні", "заявив", "і", "в"};
    private static final String[] EN = {"talks", "talk", "negotiations", "negotiation", "Putin", "Putin's",
        "Istanbul", "summit", "summits", "peace", "meeting", "met", "the", "in", "on", "today", "war"};

    public static List<Article> articles(long seed) {
        Random r = new Random(seed);
        List<Article> out = new ArrayList<>();
        String[][] outlets = {{"Вести", "state"}, {"Медиазона", "independent"}, {"Суспільне", "ukrainian"}};
        int n = 0;
        for (int day = 0; day < 70; day++) {
            if (day % 17 == 5) {
                continue; // a gap: no article at all that day
            }
            int perDay = 1 + r.nextInt(6);
            for (int k = 0; k < perDay; k++) {
                String[] o = outlets[r.nextInt(outlets.length)];
                String lang = o[1].equals("ukrainian") ? (r.nextBoolean() ? "uk" : "ru") : (r.nextInt(8) == 0 ? "en" : "ru");
                String title = sentence(r, lang, 3 + r.nextInt(5));
                String text = r.nextInt(4) == 0 ? "" : sentence(r, lang, 5 + r.nextInt(30));
                OffsetDateTime t = OffsetDateTime.of(2022, 2, 1, 0, 0, 0, 0, ZoneOffset.ofHours(3))
                        .plusDays(day).plusMinutes(r.nextInt(24 * 60));
                DateQuality q = r.nextInt(5) == 0 ? DateQuality.DATE_ONLY : DateQuality.EXACT;
                out.add(new Article("https://fixture.example/" + o[0].hashCode() + "/" + (n++), o[0], o[1], t, q, lang,
                        title, text, null));
                if (r.nextInt(12) == 0) {
                    // a syndicated copy in another outlet: same text, other URL
                    String[] o2 = outlets[(java.util.Arrays.asList(outlets).indexOf(o) + 1) % outlets.length];
                    out.add(new Article("https://fixture.example/copy/" + (n++), o2[0], o2[1], t.plusHours(1), q, lang,
                            title, text, null));
                }
            }
        }
        return out;
    }

    private static String sentence(Random r, String lang, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(r.nextInt(9) == 0 ? ", " : " ");
            }
            String w;
            if (lang.equals("uk")) {
                w = UK[r.nextInt(UK.length)];
            } else if (lang.equals("en")) {
                w = EN[r.nextInt(EN.length)];
            } else if (r.nextInt(3) == 0) {
                String[] forms = RU[r.nextInt(RU.length)];
                w = forms[r.nextInt(forms.length)];
            } else {
                w = RU_FILLER[r.nextInt(RU_FILLER.length)];
            }
            sb.append(w);
        }
        return sb.append('.').toString();
    }
}
