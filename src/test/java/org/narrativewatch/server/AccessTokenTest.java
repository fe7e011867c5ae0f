package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.UserException;

class AccessTokenTest {

    @TempDir
    Path dir;

    @Test
    void generatedOnceKeptOwnerOnlyAndReadBack() throws Exception {
        Path cfg = dir.resolve("data/server.yaml");
        AccessToken first = AccessToken.load(cfg, null);
        assertTrue(first.generated());
        assertTrue(first.value().length() >= 32);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cfg)));
        AccessToken again = AccessToken.load(cfg, "");
        assertFalse(again.generated());
        assertEquals(first.value(), again.value());
        assertTrue(again.matches(first.value()));
        assertFalse(again.matches(first.value() + "x"));
        assertFalse(again.matches(null));
        assertFalse(again.toString().contains(first.value()), "toString must not leak the secret");
    }

    @Test
    void environmentWinsAndShortTokensAreRefused() throws Exception {
        Path cfg = dir.resolve("server.yaml");
        AccessToken env = AccessToken.load(cfg, "from-the-environment-123");
        assertEquals("from-the-environment-123", env.value());
        assertFalse(Files.exists(cfg), "nothing generated when the environment gives one");
        assertThrows(UserException.class, () -> AccessToken.load(cfg, "short"));
        Files.writeString(cfg, "port: 1\n");
        UserException e = assertThrows(UserException.class, () -> AccessToken.load(cfg, null));
        assertTrue(e.getMessage().contains("token"), e.getMessage());
    }
}
