package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalMorphologyCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static Path fixture(Path dir) throws Exception {
        Path f = dir.resolve("ru_fixture.conllu");
        Files.writeString(f, String.join("\n",
                "# sent_id = 1",
                "1\tПутин\tПутин\tPROPN\t_\t_\t_\t_\t_\t_",
                "2\tвстретился\tвстретиться\tVERB\t_\t_\t_\t_\t_\t_",
                "3\tс\tс\tADP\t_\t_\t_\t_\t_\t_",
                "4\tПутиным\tПутин\tPROPN\t_\t_\t_\t_\t_\t_",
                "5\tв\tв\tADP\t_\t_\t_\t_\t_\t_",
                "6\tГазе\tГаза\tPROPN\t_\t_\t_\t_\t_\t_",
                "7\tи\tи\tCCONJ\t_\t_\t_\t_\t_\t_",
                "8\tгазом\tгаз\tNOUN\t_\t_\t_\t_\t_\t_",
                ""));
        return f;
    }

    @Test
    void printsOursAndBaselineAsJson(@TempDir Path dir) throws Exception {
        assertEquals(0, run("eval-morphology", fixture(dir).toString(), "--format", "json"), err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("ru", json.get("lang").asText(), "language taken from the file name");
        for (String system : new String[] {"ours", "baseline"}) {
            for (String field : new String[] {"macro_f1", "micro_f1", "propn_macro_f1"}) {
                assertTrue(json.get(system).get(field).isNumber(), system + "." + field);
            }
        }
        // Путин, встретиться, Газа: F1 1. газ also retrieves Газе (a form of both газ and Газа):
        // P 1/2, R 1, F1 2/3. Macro (1 + 1 + 1 + 2/3) / 4 = 11/12, rounded to 4 places.
        assertEquals(0.9167, json.get("ours").get("macro_f1").asDouble(), 1e-9);
        assertTrue(json.get("baseline").get("macro_f1").asDouble() < 0.9167, "Snowball also merges Газа into газ");
    }

    @Test
    void tableFormat(@TempDir Path dir) throws Exception {
        assertEquals(0, run("eval-morphology", fixture(dir).toString(), "--format", "table"));
        assertTrue(out.toString().contains("macro F1"), out.toString());
        assertTrue(out.toString().contains("RussianAnalyzer"), out.toString());
    }

    @Test
    void userAndUsageErrors(@TempDir Path dir) throws Exception {
        assertEquals(1, run("eval-morphology", dir.resolve("missing.conllu").toString()));
        assertTrue(err.toString().contains("missing.conllu"), err.toString());
        Path unnamed = Files.copy(fixture(dir), dir.resolve("dev.conllu"));
        assertEquals(1, run("eval-morphology", unnamed.toString()), "no language in the name and no --lang");
        assertEquals(0, run("eval-morphology", unnamed.toString(), "--lang", "ru"));
        assertEquals(2, run("eval-morphology", unnamed.toString(), "--lang", "de"));
        assertEquals(2, run("eval-morphology", unnamed.toString(), "--format", "xml"));
    }
}
