package org.narrativewatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.bench.probe.ProbeVariant;

/** The probe's harness: the launcher's JVM options read through the java shim, and one rung in a JVM of its own. */
class ProbeCommandTest {

    @TempDir
    Path tmp;

    @Test
    void readsTheJvmOptionsTheLauncherStartsTheCliWith() throws Exception {
        Path launcher = tmp.resolve("fake-nwatch");
        Files.writeString(launcher, "#!/usr/bin/env bash\n"
                + "opts=(-Xms64m -Xmx1g -XX:+UseSerialGC)\n"
                + "[ \"$1\" = import ] && opts+=(-XX:TieredStopAtLevel=1)\n"
                + "exec java \"${opts[@]}\" -cp /some/where/nwatch.jar org.narrativewatch.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = tmp.resolve("c.jsonl");
        Files.writeString(file, "{}\n");
        ProbeCommand.LauncherJvm jvm = ProbeCommand.LauncherJvm.of(launcher, file);
        assertEquals(List.of("-Xms64m", "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), jvm.options());
        assertEquals("/some/where/nwatch.jar", jvm.jar());
        assertEquals(List.of("java", "-Xms64m", "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                        "/some/where/nwatch.jar:/b/bench.jar", "M"),
                jvm.command("/b/bench.jar:/some/where/nwatch.jar", "M"), "the launcher's jar first, once");
        assertThrows(BenchException.class, () -> ProbeCommand.LauncherJvm.parse(List.of("-Xmx1g", "-jar", "x.jar")));
    }

    @Test
    void runsOneRungInItsOwnJvmAndReadsItsFigures() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/time")), "GNU time is not installed");
        Path jar = Path.of("..", "target", "nwatch.jar").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(jar), "the product jar is not built");
        Path file = tmp.resolve("c.jsonl");
        Files.write(file, List.of(
                "{\"date\":\"2024-02-24\",\"source\":\"A\",\"url\":\"https://a.example/1\",\"title\":\"Путин и Зеленский\",\"text\":\"Переговоры в Стамбуле.\",\"lang\":\"ru\"}",
                "{\"date\":\"2024-03-01\",\"source\":\"B\",\"url\":\"https://b.example/2\",\"title\":\"Talks\",\"text\":\"Peace talks resumed.\",\"lang\":\"en\"}"),
                StandardCharsets.UTF_8);
        ProbeCommand probe = new ProbeCommand();
        probe.classPath = System.getProperty("java.class.path");
        Corpus c = new Corpus("tiny", file, file, 2);
        ProbeCommand.LauncherJvm jvm = new ProbeCommand.LauncherJvm(List.of("-Xmx256m", "-XX:+UseSerialGC"), jar.toString());
        ProbeCommand.Run r = probe.runRung(ProbeVariant.P1, c, tmp.resolve("idx"), jvm);
        assertEquals(2, r.articles());
        assertEquals(2, r.facts().docs());
        assertTrue(r.facts().bodyOccurrences() >= 2 * 10, "exact form and lemma at each of the 10+ words");
        assertTrue(r.wallSeconds() > 0 && r.cpuSeconds() > 0 && r.peakMiB() > 10, r.toString());
        String table = ProbeCommand.table(c, Map.of("pg", List.of(), "p1", List.of(r)), List.of(ProbeVariant.P1), jvm, "0 → 0");
        assertTrue(table.contains("| p1 | 2 |"), table);
    }
}
