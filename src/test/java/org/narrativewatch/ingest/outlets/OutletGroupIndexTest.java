package org.narrativewatch.ingest.outlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group index answers as the directory it was made from, and the one in the jar is the bundled YAML's. */
class OutletGroupIndexTest {

    /** The group the full directory gives a stored outlet name: by name, else for a host-like name by host. */
    private static String directoryGroup(OutletDirectory d, String name) {
        Optional<Outlet> o = d.byName(name);
        if (o.isEmpty() && name.matches("[a-z0-9.-]+\\.[a-z]{2,}")) {
            o = d.byHost(name);
        }
        return o.map(Outlet::group).orElse(null);
    }

    private static List<String> probes(OutletDirectory d) {
        List<String> names = new ArrayList<>(List.of("unknown.example", "Not A Host", "", "www.tass.ru", "rssexport.rbc.ru",
                "www.rbc.ua", "news.bbc.co.uk", "1tv.ru", "www.1tv.ru", "ru", "co.uk"));
        for (Outlet o : d.outlets()) {
            names.add(o.name());
            names.add(o.name().toUpperCase(java.util.Locale.ROOT));
            for (String h : o.hosts()) {
                names.add(h);
                names.add("www." + h);
                names.add("sub." + h);
                names.add("x" + h);
            }
        }
        return names;
    }

    @Test
    void theBundledIndexAnswersAsTheBundledDirectory() {
        OutletDirectory d = OutletDirectory.bundled();
        OutletGroupIndex fromYaml = OutletGroupIndex.of(d);
        OutletGroupIndex inJar = OutletGroupIndex.bundled().orElseThrow(
                () -> new AssertionError(OutletGroupIndex.RESOURCE + " missing: the build's outlet-group-index step did not run"));
        assertEquals(fromYaml, inJar, "the index in the jar is stale: rebuild (mvn process-classes)");
        assertEquals(fromYaml.toText(), inJar.toText());
        int known = 0;
        for (String name : probes(d)) {
            String expected = directoryGroup(d, name);
            assertEquals(expected, inJar.groupOf(name), name);
            known += expected == null ? 0 : 1;
        }
        assertTrue(known > 50, "the probes reach many outlets: " + known);
        assertEquals("state", inJar.groupOf("www.tass.ru"));
        assertNull(inJar.groupOf("unknown.example"));
    }

    @Test
    void aUserDirectoryIndexAnswersAsTheDirectory(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("outlets.yaml");
        // overlapping hosts: the more specific one wins, an equally specific tie goes to the first outlet
        Files.writeString(f, "include_default: true\noutlets:\n  - name: tass.ru\n    group: mine\n"
                + "    feeds: [https://tass.ru/rss/v2.xml]\n  - name: example.org\n    group: independent\n"
                + "    feeds: [https://news.example.org/rss]\n  - name: other\n    group: official\n"
                + "    hosts: [example.org, news.example.org]\n");
        OutletDirectory d = OutletDirectory.fromFile(f);
        OutletGroupIndex index = OutletGroupIndex.of(d);
        for (String name : probes(d)) {
            assertEquals(directoryGroup(d, name), index.groupOf(name), name);
        }
        assertEquals("mine", index.groupOf("tass.ru"));
        assertEquals(index, OutletGroupIndex.parse(index.toText()));
    }
}
