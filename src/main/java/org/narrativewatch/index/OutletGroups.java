package org.narrativewatch.index;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.narrativewatch.UserException;

/**
 * Which group each outlet belongs to, decided when a figure is computed rather than when articles were stored,
 * so that outlets already imported can be given a group (or another one) without re-importing anything.
 *
 * <p>An outlet's group is, in this order: the one a groups table gives it (CSV {@code outlet,group}, by default
 * {@code data/groups.csv} when present); else the group its articles were stored with (import's {@code --group},
 * a record's own group field); else the one the outlet directory gives it (the bundled outlets.yaml or the user's
 * data/outlets.yaml, matched by name, or by host for a stored name that is a host). Groups are per outlet.
 * {@link #apply} puts an engine behind this assignment: selections, {@code group:} in queries, breakdowns by
 * group, hits and corpus facts all see the same groups, for every engine and in the CLI and the API alike.
 */
public final class OutletGroups {

    /** The groups table looked for when none is named: beside the default index. */
    public static final Path USER_FILE = Path.of("data", "groups.csv");

    private static final OutletGroups NONE = new OutletGroups(Map.of(), name -> null, "none");

    private final Map<String, String> table;
    private final Function<String, String> directory;
    private final String origin;

    /**
     * @param table     outlet → group, winning over stored groups
     * @param directory outlet → group for outlets stored without one (null: none known)
     * @param origin    where these came from, for messages ("data/groups.csv, bundled outlets.yaml")
     */
    public OutletGroups(Map<String, String> table, Function<String, String> directory, String origin) {
        this.table = Map.copyOf(table);
        this.directory = directory;
        this.origin = origin;
    }

    public static OutletGroups none() {
        return NONE;
    }

    public String origin() {
        return origin;
    }

    /** The group of an outlet whose articles were stored with {@code stored} (null: none); null when it has none. */
    public String groupOf(String outlet, String stored) {
        String g = table.get(outlet);
        if (g != null) {
            return g;
        }
        if (stored != null && !stored.isBlank()) {
            return stored;
        }
        String d = directory.apply(outlet);
        return d == null || d.isBlank() ? null : d;
    }

    /** The engine seen through these groups (itself when there is nothing to assign). */
    public Engine apply(Engine engine) {
        return this == NONE ? engine : new RegroupedEngine(engine, this);
    }

    /**
     * Reads a groups table: CSV with a header {@code outlet,group}, one outlet a line; blank lines and lines
     * starting with # are skipped. A bad line is an error naming the file and line.
     */
    public static Map<String, String> readTable(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        csv.enable(CsvParser.Feature.ALLOW_COMMENTS);
        csv.enable(CsvParser.Feature.TRIM_SPACES);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<List<String>> it = csv.readerForListOf(String.class).readValues(r)) {
            boolean header = true;
            while (it.hasNextValue()) {
                List<String> row = it.nextValue();
                int line = it.getCurrentLocation().getLineNr() - 1;
                if (header) {
                    header = false;
                    if (row.size() < 2 || !row.get(0).equalsIgnoreCase("outlet") || !row.get(1).equalsIgnoreCase("group")) {
                        throw new UserException(file + ":" + Math.max(1, line) + ": the first line must be the header outlet,group");
                    }
                    continue;
                }
                if (row.size() != 2 || row.get(0).isBlank() || row.get(1).isBlank()) {
                    throw new UserException(file + ":" + line + ": expected outlet,group (two non-empty fields), got " + row);
                }
                String before = out.put(row.get(0), row.get(1));
                if (before != null && !before.equals(row.get(1))) {
                    throw new UserException(file + ":" + line + ": outlet " + row.get(0) + " is given two groups ("
                            + before + ", " + row.get(1) + ")");
                }
            }
        } catch (IOException e) {
            throw new UserException(file + ": cannot read the groups table: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof UserException) {
                throw e;
            }
            throw new UserException(file + ": not CSV (outlet,group): " + e.getMessage());
        }
        return out;
    }
}
