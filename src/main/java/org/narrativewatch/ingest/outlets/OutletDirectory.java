package org.narrativewatch.ingest.outlets;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.narrativewatch.UserException;

/**
 * The outlets to follow. The project ships {@code outlets.yaml} (a resource); a user's file
 * replaces it, or extends it with {@code include_default: true} (an outlet of the same name in the
 * user's file wins).
 */
public final class OutletDirectory {

    public static final String RESOURCE = "/outlets.yaml";
    /** Looked for when no file is named: a user's edited copy beside the index. */
    public static final Path USER_FILE = Path.of("data", "outlets.yaml");

    private final String origin;
    private final List<Outlet> outlets;

    private OutletDirectory(String origin, List<Outlet> outlets) {
        this.origin = origin;
        this.outlets = List.copyOf(outlets);
    }

    /** Where these outlets came from (a path, or "bundled outlets.yaml"). */
    public String origin() {
        return origin;
    }

    public List<Outlet> outlets() {
        return outlets;
    }

    public Optional<Outlet> byName(String name) {
        return outlets.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** Just the named outlets; an unknown name is an error naming it. */
    public OutletDirectory only(java.util.Collection<String> names) {
        for (String n : names) {
            if (byName(n).isEmpty()) {
                throw new UserException("no outlet named '" + n + "' in " + origin);
            }
        }
        return new OutletDirectory(origin, outlets.stream().filter(o -> names.contains(o.name())).toList());
    }

    /** The outlet that lists exactly this feed address, else the one owning its host. */
    public Optional<Outlet> byFeed(URI feed) {
        for (Outlet o : outlets) {
            if (o.feeds().contains(feed)) {
                return Optional.of(o);
            }
        }
        return byHost(feed.getHost());
    }

    /** The outlet a page on {@code host} belongs to (the most specific match), if any. */
    public Optional<Outlet> byHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        Outlet best = null;
        int bestLen = -1;
        String h = Outlet.bare(host);
        for (Outlet o : outlets) {
            for (String mine : o.hosts()) {
                if ((h.equals(mine) || h.endsWith("." + mine)) && mine.length() > bestLen) {
                    best = o;
                    bestLen = mine.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code file} if given, else {@code data/outlets.yaml} if present, else the bundled list. */
    public static OutletDirectory load(Path file) {
        if (file != null) {
            return fromFile(file);
        }
        if (Files.isRegularFile(USER_FILE)) {
            return fromFile(USER_FILE);
        }
        return bundled();
    }

    /** What {@link #origin()} says of the bundled list. */
    public static final String BUNDLED_ORIGIN = "bundled outlets.yaml";

    public static OutletDirectory bundled() {
        try (InputStream in = OutletDirectory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("outlets.yaml missing from the jar");
            }
            return build(BUNDLED_ORIGIN, read(in, BUNDLED_ORIGIN), null);
        } catch (IOException e) {
            throw new IllegalStateException("bundled outlets.yaml unreadable", e);
        }
    }

    public static OutletDirectory fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserException(file + ": outlets file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            FileModel model = read(in, file.toString());
            OutletDirectory base = Boolean.TRUE.equals(model.includeDefault) ? bundled() : null;
            return build(file.toString(), model, base);
        } catch (IOException e) {
            throw new UserException(file + ": " + e.getMessage(), e);
        }
    }

    /** The bundled file's text, for a user to copy and edit. */
    public static String bundledText() {
        try (InputStream in = OutletDirectory.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record FileModel(@JsonProperty("timezone") String timezone,
                     @JsonProperty("include_default") Boolean includeDefault,
                     @JsonProperty("outlets") List<OutletModel> outlets) {}

    record OutletModel(@JsonProperty("name") String name, @JsonProperty("title") String title,
                       @JsonProperty("group") String group, @JsonProperty("lang") String lang,
                       @JsonProperty("timezone") String timezone, @JsonProperty("feeds") List<String> feeds,
                       @JsonProperty("hosts") List<String> hosts, @JsonProperty("full_text") Boolean fullText) {}

    private static FileModel read(InputStream in, String where) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            FileModel m = yaml.readValue(in, FileModel.class);
            if (m == null || m.outlets == null) {
                throw new UserException(where + ": no 'outlets:' list");
            }
            return m;
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            String loc = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? " (line " + jpe.getLocation().getLineNr() + ")" : "";
            throw new UserException(where + loc + ": " + msg, e);
        }
    }

    private static OutletDirectory build(String where, FileModel model, OutletDirectory base) {
        ZoneId defaultZone = zone(model.timezone == null ? "UTC" : model.timezone, where + ": timezone");
        Map<String, Outlet> byName = new LinkedHashMap<>();
        if (base != null) {
            base.outlets.forEach(o -> byName.put(o.name(), o));
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < model.outlets.size(); i++) {
            OutletModel m = model.outlets.get(i);
            String at = where + ": outlets[" + i + "]";
            if (m == null || m.name == null || m.name.isBlank()) {
                throw new UserException(at + ": 'name' is required");
            }
            String name = m.name.trim();
            at += " (" + name + ")";
            if (seen.put(name, i) != null) {
                throw new UserException(at + ": the name is used twice");
            }
            if (m.group == null || !m.group.matches("[a-z][a-z0-9_-]*")) {
                throw new UserException(at + ": 'group' must be a lower-case label such as state, independent, "
                        + "ukrainian, international, official");
            }
            if (m.lang != null && !m.lang.matches("[a-z]{2}")) {
                throw new UserException(at + ": 'lang' must be a two-letter code such as ru, uk, en");
            }
            List<URI> feeds = new ArrayList<>();
            for (String f : m.feeds == null ? List.<String>of() : m.feeds) {
                feeds.add(feedUri(f, at));
            }
            ZoneId z = m.timezone == null ? defaultZone : zone(m.timezone, at + ": timezone");
            List<String> hosts = m.hosts == null ? List.of() : m.hosts;
            byName.put(name, new Outlet(name, m.title == null ? name : m.title, m.group, m.lang, z, feeds,
                    Outlet.hostsOf(name.toLowerCase(Locale.ROOT), feeds, hosts), Boolean.TRUE.equals(m.fullText)));
        }
        return new OutletDirectory(where, new ArrayList<>(byName.values()));
    }

    private static URI feedUri(String f, String at) {
        try {
            URI u = new URI(f == null ? "" : f.trim());
            if (!("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    || u.getHost() == null) {
                throw new UserException(at + ": feed '" + f + "' is not an http(s) address");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new UserException(at + ": feed '" + f + "' is not a URL: " + e.getReason());
        }
    }

    private static ZoneId zone(String z, String at) {
        try {
            return ZoneId.of(z.trim());
        } catch (DateTimeException e) {
            throw new UserException(at + ": unknown time zone '" + z + "'");
        }
    }
}
