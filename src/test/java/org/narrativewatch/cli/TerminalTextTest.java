package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.index.Hits;

/** Issue 19.8: escape sequences in titles are shown, never obeyed. */
class TerminalTextTest {

    @TempDir
    Path tmp;

    static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || (c >= 0x80 && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
    }

    @Test
    void controlsBecomeVisibleEscapes() {
        assertEquals("a\\x1b[2Jb", TerminalText.escape("a\u001b[2Jb"));
        assertEquals("\\x1b]0;pwned\\x07title", TerminalText.escape("\u001b]0;pwned\u0007title"));
        assertEquals("\\x9b31m", TerminalText.escape("\u009b31m"), "C1 CSI");
        assertEquals("x\\u202ey", TerminalText.escape("x\u202ey"), "right-to-left override");
        assertEquals("one two", TerminalText.escape("one\ntwo"));
        assertEquals("Путин\tвыступил", TerminalText.escape("Путин\tвыступил"));
        String plain = "Обычный заголовок";
        assertEquals(plain, TerminalText.escape(plain));
    }

    @Test
    void searchMarksMatchesAndEscapesAroundThem() {
        String title = "\u001b[2JПутин \u001b]0;x\u0007заявил";
        String marked = SearchCommand.mark(new Hits.Highlighted(title, List.of(new int[] {4, 9})));
        assertEquals("\\x1b[2J[[Путин]] \\x1b]0;x\\x07заявил", marked);
        assertFalse(hasControl(marked));
    }

    @Test
    void searchOutputOfAnImportedHostileTitleHasNoControlCharacters() throws Exception {
        Path f = tmp.resolve("evil.jsonl");
        Files.writeString(f, "{\"date\":\"2022-02-24\",\"source\":\"X\\u001b[31m\",\"url\":\"https://x.example/1\","
                + "\"title\":\"Путин \\u001b[2J\\u001b]0;owned\\u0007 \\u009b1m выступил\",\"text\":\"текст \\u001b[5m мигает\",\"lang\":\"ru\"}\n");
        assertEquals(0, ImportFilesTest.nwatch(tmp, "import", "--index", "idx", f.toString()).code());
        ImportFilesTest.Result r = ImportFilesTest.nwatch(tmp, "search", "--index", "idx", "путин");
        assertEquals(0, r.code(), r.err());
        assertFalse(hasControl(r.out()), r.out());
        assertFalse(r.out().indexOf("[[Путин]]") < 0, r.out());
    }
}
