package org.narrativewatch.ingest.outlets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An outlet directory reduced to what a figure needs of it: the group of a stored outlet name, by name, else (for a
 * name that is a host) by the most specific host. The bundled directory's index is written at build time
 * ({@link #main}, {@value #RESOURCE} in the jar), because parsing the bundled YAML (and setting up Jackson for it)
 * took ~130 ms of CPU in a fresh JVM, a fifth of a one-shot {@code nwatch timeline}, for one lookup per outlet.
 */
public final class OutletGroupIndex {

    /** The bundled directory's index, generated from {@link OutletDirectory#RESOURCE} by the build. */
    public static final String RESOURCE = "/outlet-groups.tsv";

    private record Entry(String name, String group, List<String> hosts) {}

    private final List<Entry> entries;

    private OutletGroupIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The index of {@code directory}, in its order (which decides ties between equally specific hosts). */
    public static OutletGroupIndex of(OutletDirectory directory) {
        List<Entry> out = new ArrayList<>();
        for (Outlet o : directory.outlets()) {
            out.add(new Entry(o.name(), o.group(), o.hosts().stream().sorted().toList()));
        }
        return new OutletGroupIndex(out);
    }

    /** The bundled directory's index from the jar; empty when the build did not write it (then read the YAML). */
    public static Optional<OutletGroupIndex> bundled() {
        try (InputStream in = OutletGroupIndex.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The group the directory gives a stored outlet name: the outlet of that name, else, for a name that is a host,
     * the outlet owning it (the longest of its hosts that the name equals or is a subdomain of; the first outlet on
     * a tie, as {@link OutletDirectory#byHost}); null when none.
     */
    public String groupOf(String name) {
        for (Entry e : entries) {
            if (e.name().equals(name)) {
                return e.group();
            }
        }
        if (!name.matches("[a-z0-9.-]+\\.[a-z]{2,}")) {
            return null;
        }
        String h = Outlet.bare(name);
        Entry best = null;
        int bestLen = -1;
        for (Entry e : entries) {
            for (String mine : e.hosts()) {
                if ((h.equals(mine) || h.endsWith("." + mine)) && mine.length() > bestLen) {
                    best = e;
                    bestLen = mine.length();
                }
            }
        }
        return best == null ? null : best.group();
    }

    /** One outlet a line: name, group and its hosts separated by spaces, tab-separated. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            for (String field : e.hosts()) {
                if (field.isEmpty() || field.indexOf(' ') >= 0) {
                    throw new IllegalArgumentException("outlet host empty or with a space: '" + field + "'");
                }
            }
            for (String field : List.of(e.name(), e.group(), String.join(" ", e.hosts()))) {
                if (field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("outlet field with a tab or line break: '" + field + "'");
                }
            }
            sb.append(e.name()).append('\t').append(e.group()).append('\t').append(String.join(" ", e.hosts())).append('\n');
        }
        return sb.toString();
    }

    static OutletGroupIndex parse(String text) {
        List<Entry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                throw new IllegalStateException(RESOURCE + ": bad line '" + line + "'");
            }
            out.add(new Entry(f[0], f[1], f[2].isEmpty() ? List.of() : List.of(f[2].split(" "))));
        }
        return new OutletGroupIndex(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutletGroupIndex other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** Build step: writes the bundled directory's index to the file named by {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, of(OutletDirectory.bundled()).toText(), StandardCharsets.UTF_8);
    }
}
