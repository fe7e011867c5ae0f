package org.narrativewatch.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.ingest.http.LocalHttpServer;

/**
 * SIGKILLs child nwatch processes at random moments of an import and of collection cycles,
 * restarts them, and checks that the index ends with every article exactly once and passes
 * Lucene's CheckIndex.
 */
class KillDurabilityTest {

    static final String[] WORDS = {"переговоры", "обстрел", "энергосистема", "санкции", "мобилизация", "наступление",
        "гуманитарный", "коридор", "заявление", "министерство", "беспилотник", "граница", "урожай", "экспорт"};

    /** A Telegram channel export with {@code n} text messages (every fifth a forward). */
    static void writeExport(Path file, long channelId, int n, long seed) throws IOException {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder("{\n \"name\": \"Канал " + channelId + "\",\n \"type\": \"public_channel\",\n"
                + " \"id\": " + channelId + ",\n \"messages\": [\n");
        long t = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
        for (int i = 1; i <= n; i++) {
            t += 600 + rnd.nextInt(3000);
            StringBuilder text = new StringBuilder("Сообщение ").append(i).append(':');
            for (int w = 0; w < 40; w++) {
                text.append(' ').append(WORDS[rnd.nextInt(WORDS.length)]);
            }
            sb.append("  {\"id\": ").append(i).append(", \"type\": \"message\", \"date_unixtime\": \"").append(t)
                    .append("\", ");
            if (i % 5 == 0) {
                sb.append("\"forwarded_from\": \"Источник\", ");
            }
            sb.append("\"text\": [\"").append(text).append("\", {\"type\": \"bold\", \"text\": \" конец\"}]}");
            sb.append(i < n ? ",\n" : "\n");
        }
        sb.append(" ]\n}\n");
        Files.writeString(file, sb.toString());
    }

    static Process start(Path workDir, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.narrativewatch.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Runs the command {@code kills} times, SIGKILLing each run after a random delay, then once to the end. */
    /**
     * Starts the command and SIGKILLs it after a random delay until {@code kills} runs have been
     * killed while still working (at most 4 × kills attempts). A run that finished before its delay
     * makes the delays shorter, so the kills land mid-run on a fast machine as on a slow one.
     */
    static int killAndRestart(Path workDir, int kills, long maxDelayMs, Random rnd, String... args) throws Exception {
        Path log = workDir.resolve("child.log");
        int killedAlive = 0;
        long window = maxDelayMs;
        for (int attempt = 0; attempt < 4 * kills && killedAlive < kills; attempt++) {
            Process p = start(workDir, log, args);
            long delay = 150 + (long) rnd.nextInt((int) Math.max(1, window));
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no close
                killedAlive++;
            } else {
                window = Math.max(100, (long) (window * 0.6));
            }
            p.waitFor();
        }
        Process last = start(workDir, log, args);
        assertTrue(last.waitFor(120, TimeUnit.SECONDS), "final run finished");
        assertEquals(0, last.exitValue(), () -> "final run failed: " + readQuietly(log));
        return killedAlive;
    }

    static String readQuietly(Path p) {
        try {
            String s = Files.readString(p);
            return s.substring(Math.max(0, s.length() - 3000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    static void assertIndexSound(Path index) throws IOException {
        try (Directory d = FSDirectory.open(index); CheckIndex check = new CheckIndex(d)) {
            CheckIndex.Status status = check.checkIndex();
            assertTrue(status.clean, "CheckIndex found problems in " + index);
        }
    }

    @Test
    void importKilledRepeatedlyStoresEveryMessageOnce(@TempDir Path dir) throws Exception {
        // Exports are imported one after the other; each is killed at random moments until a run
        // gets through it, then the next one starts, until 20 runs have been killed mid-way.
        int perExport = 400;
        List<Path> exports = new ArrayList<>();
        Path index = dir.resolve("index");
        Path log = dir.resolve("child.log");
        Random rnd = new Random(7);
        int kills = 0;
        int runs = 0;
        while (kills < 20) {
            if (exports.isEmpty() || runs > 0 && lastRunFinished) {
                Path export = dir.resolve("export" + exports.size() + "/result.json");
                Files.createDirectories(export.getParent());
                writeExport(export, 1700000000L + exports.size(), perExport, exports.size());
                exports.add(export);
            }
            Process p = start(dir, log, "import", exports.get(exports.size() - 1).toString(), "--index",
                    index.toString(), "--commit-every", "50");
            runs++;
            lastRunFinished = p.waitFor(100 + rnd.nextInt(2200), TimeUnit.MILLISECONDS);
            if (!lastRunFinished) {
                p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, nothing closed
                p.waitFor();
                kills++;
            } else {
                assertEquals(0, p.exitValue(), () -> readQuietly(log));
            }
        }
        List<String> finish = new ArrayList<>(List.of("import"));
        exports.forEach(e -> finish.add(e.toString()));
        finish.addAll(List.of("--index", index.toString()));
        Process last = start(dir, log, finish.toArray(String[]::new));
        assertTrue(last.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, last.exitValue(), () -> readQuietly(log));

        assertIndexSound(index);
        int expected = exports.size() * perExport;
        try (LuceneEngine engine = LuceneEngine.open(index)) {
            List<Article> stored = engine.storedArticles();
            Map<String, Integer> perUrl = new HashMap<>();
            stored.forEach(a -> perUrl.merge(a.url(), 1, Integer::sum));
            assertEquals(expected, perUrl.size(), "every message stored (" + runs + " runs, " + kills + " killed)");
            assertEquals(expected, stored.size(), "none twice");
            assertEquals(expected / 5, stored.stream().filter(a -> "telegram:Источник".equals(a.syndicatedFrom())).count());
        }
    }

    private boolean lastRunFinished;

    @Test
    void collectionKilledRepeatedlyStoresEveryItemOnce(@TempDir Path dir) throws Exception {
        int outlets = 6;
        int items = 80;
        StringBuilder yaml = new StringBuilder("timezone: Europe/Moscow\noutlets:\n");
        try (LocalHttpServer server = new LocalHttpServer()) {
            for (int o = 0; o < outlets; o++) {
                StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">"
                        + "<channel><title>o" + o + "</title>");
                for (int i = 0; i < items; i++) {
                    rss.append("<item><title>Новость ").append(o).append('-').append(i).append("</title><link>https://o")
                            .append(o).append(".test/n/").append(i).append("</link><description>Переговоры и обстрел ")
                            .append(i).append(" санкции экспорт урожай граница.</description><pubDate>Tue, 1")
                            .append(i % 10).append(" Jan 2023 10:00:00 +0300</pubDate></item>");
                }
                rss.append("</channel></rss>");
                server.text("/o" + o + "/rss", 200, "application/rss+xml; charset=utf-8", rss.toString());
                yaml.append("  - name: o").append(o).append(".test\n    group: state\n    lang: ru\n    feeds: [\"")
                        .append(server.uri("/o" + o + "/rss")).append("\"]\n");
            }
            Path outletsFile = dir.resolve("outlets.yaml");
            Files.writeString(outletsFile, yaml.toString());
            Path index = dir.resolve("index");
            int killed = killAndRestart(dir, 6, 2200, new Random(11), "collect", "--once", "--outlets", outletsFile.toString(),
                    "--index", index.toString(), "--threads", "2", "--host-interval", "0");
            assertTrue(killed >= 3, "collection cycles killed mid-way: " + killed);
            assertIndexSound(index);
            try (LuceneEngine engine = LuceneEngine.open(index)) {
                List<Article> stored = engine.storedArticles();
                assertEquals(outlets * items, stored.stream().map(Article::url).distinct().count());
                assertEquals(outlets * items, stored.size());
            }
            StateStore.Snapshot state = StateStore.read(StateStore.fileFor(index));
            assertEquals(outlets, state.outlets().size(), "every outlet's state was saved");
            state.outlets().values().forEach(s -> assertTrue(s.result().equals("ok") || s.result().equals("not_modified"),
                    s.outlet() + ": " + s.result()));
        }
    }
}
