package org.narrativewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.cli.Main;
import org.narrativewatch.index.LuceneEngine;

/** Import streams: a file larger than the importing JVM's whole heap goes in completely. */
class ConstantMemoryImportTest {

    static final int HEAP_MB = 48;

    @TempDir
    Path tmp;

    @Test
    void importsAFileLargerThanTheHeap() throws Exception {
        Path f = tmp.resolve("big.jsonl");
        String[] words = {"переговоры", "Путин", "заявил", "сегодня", "министр", "обороны", "ракета", "удар", "мирный",
            "план", "новости", "области", "война", "Украина", "Россия", "саммит", "встреча"};
        Random r = new Random(7);
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            while (Files.size(f) < (HEAP_MB + 16L) << 20 || n % 1000 != 0) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < 900; i++) {
                    text.append(words[r.nextInt(words.length)]).append(i % 12 == 11 ? ". " : " ");
                }
                w.write("{\"date\":\"2023-0" + (1 + n % 9) + "-1" + (n % 10) + "\",\"source\":\"Big\",\"url\":\"https://big.example/"
                        + n + "\",\"title\":\"Статья " + n + "\",\"text\":\"" + text + "\",\"lang\":\"ru\"}\n");
                n++;
                if (n % 1000 == 0) {
                    w.flush();
                }
            }
        }
        assertTrue(Files.size(f) > (long) HEAP_MB << 20);
        Path idx = tmp.resolve("idx");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "import", "--index", idx.toString(), f.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "import finished");
        String log = Files.readString(tmp.resolve("log.txt"));
        assertEquals(0, p.exitValue(), log);
        try (LuceneEngine e = LuceneEngine.open(idx)) {
            assertEquals(n, e.snapshot().articles(), log);
        }
    }
}
