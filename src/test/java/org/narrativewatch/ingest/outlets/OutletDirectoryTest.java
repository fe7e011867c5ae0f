package org.narrativewatch.ingest.outlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.UserException;

class OutletDirectoryTest {

    @Test
    void bundledListCoversTheFiveGroupsWithFeeds() {
        OutletDirectory d = OutletDirectory.bundled();
        Set<String> groups = d.outlets().stream().filter(o -> !o.feeds().isEmpty()).map(Outlet::group)
                .collect(Collectors.toSet());
        assertEquals(Set.of("state", "independent", "ukrainian", "international", "official"), groups);
        assertEquals("tass.ru", d.byHost("www.tass.ru").orElseThrow().name());
        assertEquals("rbc.ru", d.byHost("rssexport.rbc.ru").orElseThrow().name());
        assertEquals("rbc.ua", d.byHost("www.rbc.ua").orElseThrow().name(), "rbc.ua is not rbc.ru");
        assertEquals("bbc.com/ukrainian",
                d.byFeed(URI.create("https://feeds.bbci.co.uk/ukrainian/rss.xml")).orElseThrow().name());
        assertEquals("Europe/Kyiv", d.byName("ukrinform.ua").orElseThrow().zone().getId());
        assertEquals("Europe/Moscow", d.byName("kremlin.ru").orElseThrow().zone().getId());
    }

    @Test
    void userFileExtendsOrReplacesTheBundledList(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("outlets.yaml");
        Files.writeString(f, "include_default: true\noutlets:\n  - name: tass.ru\n    group: mine\n"
                + "    feeds: [https://tass.ru/rss/v2.xml]\n  - name: example.org\n    group: independent\n"
                + "    feeds: [https://example.org/rss]\n");
        OutletDirectory d = OutletDirectory.fromFile(f);
        assertEquals("mine", d.byName("tass.ru").orElseThrow().group());
        assertTrue(d.byName("meduza.io").isPresent());
        assertEquals(OutletDirectory.bundled().outlets().size() + 1, d.outlets().size());
        Files.writeString(f, "outlets:\n  - name: example.org\n    group: independent\n    feeds: []\n");
        assertEquals(1, OutletDirectory.fromFile(f).outlets().size());
    }

    @Test
    void mistakesNameTheFileAndTheEntry(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("outlets.yaml");
        Files.writeString(f, "outlets:\n  - name: a.org\n    group: State Media\n    feeds: []\n");
        UserException e = assertThrows(UserException.class, () -> OutletDirectory.fromFile(f));
        assertTrue(e.getMessage().contains("outlets[0] (a.org)") && e.getMessage().contains("'group'"), e.getMessage());
        Files.writeString(f, "outlets:\n  - name: a.org\n    group: state\n    feeds: [ftp://a.org/rss]\n");
        e = assertThrows(UserException.class, () -> OutletDirectory.fromFile(f));
        assertTrue(e.getMessage().contains("not an http(s) address"), e.getMessage());
        Files.writeString(f, "outlets:\n  - name: a.org\n    group: state\n    feeds: []\n    colour: red\n");
        e = assertThrows(UserException.class, () -> OutletDirectory.fromFile(f));
        assertTrue(e.getMessage().startsWith(f + " (line"), e.getMessage());
        assertThrows(UserException.class, () -> OutletDirectory.fromFile(dir.resolve("missing.yaml")));
    }
}
