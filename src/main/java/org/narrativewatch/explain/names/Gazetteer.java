package org.narrativewatch.explain.names;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.narrativewatch.UserException;
import org.narrativewatch.analysis.Folding;

/**
 * Place names from GeoNames, optional: the tagger works without it and uses it only when given a
 * file ({@code --gazetteer FILE}). Two layouts are read: a CSV with a header naming {@code name}
 * and optionally {@code asciiname} and {@code alternatenames} columns (as in
 * ../shared/data/geo/settlements), and GeoNames' own tab-separated dumps (cities500.txt, UA.txt:
 * name, asciiname and alternatenames in columns 2–4, no header).
 *
 * <p>GeoNames spells most places in Latin letters only (Kharkiv, Lebedyn), while news calls them
 * Харьков, Лебедин, Харків. A Cyrillic word is therefore also compared by a loose key: romanised,
 * then reduced to its consonant skeleton (first letter kept, g/h and kh merged, vowels dropped), so
 * Russian and Ukrainian spellings and the romanisations of both meet (харьков, харків, Kharkiv →
 * hrkv). Keys shorter than three letters are not used: they would match too many words.
 */
public final class Gazetteer {

    private static final int MIN_KEY = 3;

    private final Set<String> exact;
    private final Set<String> loose;
    private final String source;

    private Gazetteer(Set<String> exact, Set<String> loose, String source) {
        this.exact = exact;
        this.loose = loose;
        this.source = source;
    }

    /** A gazetteer of the given names (tests, small lists). */
    public static Gazetteer of(Iterable<String> names) {
        Set<String> exact = new HashSet<>();
        Set<String> loose = new HashSet<>();
        for (String n : names) {
            add(n, exact, loose);
        }
        return new Gazetteer(exact, loose, "list");
    }

    /** Reads a GeoNames CSV (with header) or tab-separated dump; plain or gzip. */
    public static Gazetteer load(Path file) {
        Set<String> exact = new HashSet<>();
        Set<String> loose = new HashSet<>();
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
                readCsv(file, in, exact, loose);
            } else {
                readDump(file, in, exact, loose);
            }
        } catch (NoSuchFileException e) {
            throw new UserException("--gazetteer: no such file " + file);
        } catch (IOException e) {
            throw new UserException("--gazetteer " + file + ": " + e.getMessage(), e);
        }
        if (exact.isEmpty()) {
            throw new UserException("--gazetteer " + file + ": no place names found (expected a GeoNames CSV with a "
                    + "'name' column or a GeoNames tab-separated dump)");
        }
        return new Gazetteer(exact, loose, file.toString());
    }

    private static void readCsv(Path file, InputStream in, Set<String> exact, Set<String> loose) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            long line = 1;
            while (it.hasNextValue()) {
                line++;
                Map<String, String> row = it.nextValue();
                if (!row.containsKey("name")) {
                    throw new UserException("--gazetteer " + file + " line 1: no 'name' column in the header");
                }
                add(row.get("name"), exact, loose);
                add(row.get("asciiname"), exact, loose);
                String alt = row.get("alternatenames");
                if (alt != null) {
                    for (String a : alt.split(",")) {
                        add(a, exact, loose);
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            if (e instanceof UserException u) {
                throw u;
            }
            throw new UserException("--gazetteer " + file + ": not a readable CSV (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    private static void readDump(Path file, InputStream in, Set<String> exact, Set<String> loose) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long line = 0;
        for (String s; (s = r.readLine()) != null; ) {
            line++;
            if (s.isBlank() || s.startsWith("#")) {
                continue;
            }
            String[] cols = s.split("\t", -1);
            if (cols.length < 4) {
                throw new UserException("--gazetteer " + file + " line " + line
                        + ": expected GeoNames' tab-separated columns (geonameid, name, asciiname, alternatenames, …)");
            }
            add(cols[1], exact, loose);
            add(cols[2], exact, loose);
            for (String a : cols[3].split(",")) {
                add(a, exact, loose);
            }
        }
    }

    private static void add(String name, Set<String> exact, Set<String> loose) {
        if (name == null || name.isBlank()) {
            return;
        }
        exact.add(normal(name));
        String k = looseKey(name);
        if (k.length() >= MIN_KEY) {
            loose.add(k);
        }
    }

    /** Whether a word or lemma names a place here: exactly (case and ё folded) or by the loose key. */
    public boolean contains(String word) {
        if (word == null || word.isBlank()) {
            return false;
        }
        if (exact.contains(normal(word))) {
            return true;
        }
        String k = looseKey(word);
        return k.length() >= MIN_KEY && loose.contains(k);
    }

    public int size() {
        return exact.size();
    }

    public String source() {
        return source;
    }

    private static String normal(String s) {
        return Folding.fold(s.strip().toLowerCase(Locale.ROOT));
    }

    private static final String[] CYRILLIC = {
        "а", "a", "б", "b", "в", "v", "г", "g", "ґ", "g", "д", "d", "е", "e", "є", "ye", "ё", "yo", "ж", "zh",
        "з", "z", "и", "i", "і", "i", "ї", "yi", "й", "y", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o",
        "п", "p", "р", "r", "с", "s", "т", "t", "у", "u", "ф", "f", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh",
        "щ", "shch", "ъ", "", "ы", "y", "ь", "", "э", "e", "ю", "yu", "я", "ya", "'", "", "’", "",
    };
    private static final Map<Character, String> ROMAN = new java.util.HashMap<>();

    static {
        for (int i = 0; i < CYRILLIC.length; i += 2) {
            ROMAN.put(CYRILLIC[i].charAt(0), CYRILLIC[i + 1]);
        }
    }

    /** Romanised, accent-free, lower case; then the consonant skeleton described in the class comment. */
    static String looseKey(String word) {
        String lower = word.strip().toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(lower.length() + 4);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String r = ROMAN.get(c);
            latin.append(r != null ? r : String.valueOf(c));
        }
        String s = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.replaceAll("[^a-z]", "");
        if (s.isEmpty()) {
            return s;
        }
        s = s.replace("shch", "s").replace("sch", "s").replace("kh", "h").replace("zh", "z").replace("ts", "c")
                .replace("tz", "c").replace("ch", "c").replace("sh", "s").replace('g', 'h').replace('w', 'v')
                .replace('q', 'k').replace("x", "ks");
        StringBuilder out = new StringBuilder(s.length());
        out.append(s.charAt(0));
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("aeiouyj".indexOf(c) >= 0) {
                continue;
            }
            if (out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
