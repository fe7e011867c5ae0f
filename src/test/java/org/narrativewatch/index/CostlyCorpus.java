package org.narrativewatch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;

/**
 * A generated corpus on which a NEAR chain is really expensive: long articles written from a few
 * words, each word hundreds of times per article, so every interval iterator of a chain walks
 * hundreds of positions in every article. The queries below are what the cancellation tests run.
 */
public final class CostlyCorpus {
    private CostlyCorpus() {}

    /** The words of every article; {@link #HOSTILE} chains them. */
    public static final String[] WORDS = {"переговоры", "удар", "ракета", "мир", "война", "армия", "фронт", "город"};

    /** Under the budget (few index terms) but many seconds of work: a chain of NEAR/0 in either order over frequent words. */
    public static final String HOSTILE = "переговоры NEAR/0 удар NEAR/0 ракета NEAR/0 мир NEAR/0 война NEAR/0 армия NEAR/0 фронт";

    /**
     * {@link #HOSTILE}'s first five words: within an OpenSearch node's clause limit of 1,024 (each NEAR in either
     * order sends both orders, so the seven-word chain needs 2,484 clauses there and is refused before it runs).
     */
    public static final String HOSTILE_FOR_NODE = "переговоры NEAR/0 удар NEAR/0 ракета NEAR/0 мир NEAR/0 война";

    /** A query a reader runs every day: one rare word. */
    public static final String NORMAL = "редкость";

    /** {@value #FORMS} distinct words starting with "код", one in every article: a prefix with many expansions. */
    public static final int FORMS = 1000;

    /** The f-th word starting with "код": "кодаа", "кодаб", … */
    static String form(int f) {
        String letters = "абвгдежзиклмнопрстуфхцчшщэюя";
        return "код" + letters.charAt(f / letters.length() % letters.length()) + letters.charAt(f % letters.length())
                + (f >= letters.length() * letters.length() ? "ы" : "");
    }

    private static Path shared;

    /** Articles in {@link #shared()}. */
    public static final int SHARED_ARTICLES = 1000;

    /**
     * One index of {@value #SHARED_ARTICLES} articles × 2,500 words for every test in this JVM (it takes seconds to
     * build); read-only, removed when the JVM exits. On it {@link #HOSTILE} runs for several seconds even on a quiet
     * machine (about 1 s on 250 articles was too close to the tests' 1.5–2 s deadlines).
     */
    public static synchronized Path shared() throws IOException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("nwatch-costly");
            long t0 = System.nanoTime();
            build(dir.resolve("idx"), SHARED_ARTICLES, 2500);
            System.out.printf("costly corpus: %d articles of 2,500 words indexed in %.1f s%n", SHARED_ARTICLES,
                    (System.nanoTime() - t0) / 1e9);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            shared = dir.resolve("idx");
        }
        return shared;
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code articles} articles of {@code words} words each into a new index at {@code dir}. */
    public static Path build(Path dir, int articles, int words) throws IOException {
        try (LuceneEngine e = LuceneEngine.open(dir)) {
            for (Article a : articles(articles, words)) {
                e.add(a);
            }
            e.commit(Map.of());
        }
        return dir;
    }

    /** The articles: {@code words} words from {@link #WORDS} each, one in ten with the rare word, the "код" forms spread over all. */
    public static List<Article> articles(int articles, int words) {
        Random r = new Random(19);
        List<Article> out = new ArrayList<>(articles);
        for (int i = 0; i < articles; i++) {
            StringBuilder text = new StringBuilder(words * 8);
            for (int w = 0; w < words; w++) {
                text.append(WORDS[r.nextInt(WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
            }
            if (i % 10 == 0) {
                text.append(" редкость");
            }
            for (int f = i; f < FORMS; f += articles) {
                text.append(' ').append(form(f));
            }
            OffsetDateTime t = OffsetDateTime.of(2022, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC).plusHours(i);
            out.add(new Article("https://costly.example/" + i, "Costly", "state", t, DateQuality.EXACT, "ru",
                    "Сводка " + i, text.toString(), null));
        }
        return out;
    }
}
