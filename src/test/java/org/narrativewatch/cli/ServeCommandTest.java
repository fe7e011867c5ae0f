package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void helpNamesTheDefaults() {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "serve", "--help"));
        assertTrue(out.toString().contains("127.0.0.1"), out.toString());
        assertTrue(out.toString().contains("7070"), out.toString());
    }

    @Test
    void badSettingsAreUserErrors() {
        StringWriter err = new StringWriter();
        assertEquals(1, run(new StringWriter(), err, "serve", "--port", "70000", "--index", dir.resolve("i").toString()));
        assertTrue(err.toString().contains("--port"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(1, run(new StringWriter(), err2, "serve", "--timeout", "0", "--index", dir.resolve("i").toString()));
        assertTrue(err2.toString().contains("--timeout"), err2.toString());
        assertEquals(2, run(new StringWriter(), new StringWriter(), "serve", "--port", "seventy"));
    }
}
