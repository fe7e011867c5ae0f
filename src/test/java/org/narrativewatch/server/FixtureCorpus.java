package org.narrativewatch.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;

/**
 * A small corpus written for these tests, imported through the real engine's add/commit.
 * Two outlets in two groups over three weeks of February–March 2022. Known by construction:
 * <ul>
 *   <li>"переговоры" (talks) appears in {@link #TALKS_PER_WEEK} articles per ISO week, all of them on state.example;</li>
 *   <li>every week has {@link #ARTICLES_PER_WEEK} articles in all;</li>
 *   <li>one article's title carries a script tag and an image with an onerror handler.</li>
 * </ul>
 */
final class FixtureCorpus {
    private FixtureCorpus() {}

    static final LocalDate FIRST_MONDAY = LocalDate.of(2022, 2, 14);
    static final int[] TALKS_PER_WEEK = {1, 3, 0};
    static final int ARTICLES_PER_WEEK = 7;
    static final String EVIL_TITLE = "Переговоры <script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> сорваны";

    static Engine build(Path dir) throws IOException {
        Engine e = LuceneEngine.open(dir);
        for (Article a : articles()) {
            e.add(a);
        }
        e.commit(Map.of("fixture", "server-tests"));
        return e;
    }

    static List<Article> articles() {
        List<Article> out = new ArrayList<>();
        int n = 0;
        for (int w = 0; w < TALKS_PER_WEEK.length; w++) {
            for (int d = 0; d < ARTICLES_PER_WEEK; d++) {
                LocalDate day = FIRST_MONDAY.plusWeeks(w).plusDays(d);
                boolean talks = d < TALKS_PER_WEEK[w];
                boolean state = talks || d % 2 == 0;
                String outlet = state ? "state.example" : "indie.example";
                String group = state ? "state" : "independent";
                String title;
                String text;
                if (talks && w == 1 && d == 2) {
                    title = EVIL_TITLE;
                    text = "Делегации не договорились; переговоры отложены.";
                } else if (talks) {
                    title = "Переговоры делегаций продолжатся, день " + (d + 1);
                    text = "Стороны обсудили гуманитарные коридоры; переговоры назначены на следующую неделю.";
                } else {
                    title = "Погода и урожай: сводка номер " + (++n);
                    text = "Синоптики обещают снег, аграрии готовят технику к весеннему севу.";
                }
                OffsetDateTime published = day.atTime(9 + d, 30).atOffset(ZoneOffset.ofHours(3));
                out.add(new Article("https://" + outlet + "/news/" + day + "-" + d, outlet, group, published,
                        DateQuality.EXACT, "ru", title, text, null));
            }
        }
        return out;
    }
}
