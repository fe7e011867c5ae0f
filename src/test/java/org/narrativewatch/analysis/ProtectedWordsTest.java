package org.narrativewatch.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.CharArraySet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.UserException;

class ProtectedWordsTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(ProtectedWords.PROPERTY);
    }

    @Test
    void builtInListIgnoresCase() {
        CharArraySet words = ProtectedWords.load();
        assertTrue(words.contains("сво"));
        assertTrue(words.contains("СВО"));
        assertFalse(words.contains("свой"));
    }

    @Test
    void userFileExtendsTheList(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.txt");
        Files.writeString(file, "# my words\nГаза   # the strip, not gas\n\nмид\n");
        System.setProperty(ProtectedWords.PROPERTY, file.toString());
        CharArraySet words = ProtectedWords.load();
        assertTrue(words.contains("газа"));
        assertTrue(words.contains("МИД"));
        assertTrue(words.contains("сво"), "built-in words stay");
    }

    @Test
    void missingUserFileIsAUserError(@TempDir Path dir) {
        System.setProperty(ProtectedWords.PROPERTY, dir.resolve("absent.txt").toString());
        UserException e = assertThrows(UserException.class, ProtectedWords::load);
        assertTrue(e.getMessage().contains("absent.txt"), e.getMessage());
    }
}
