package org.narrativewatch.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.CharArraySet;
import org.narrativewatch.UserException;

/**
 * Words kept exactly as written (lower-cased), never lemmatised or stemmed, whatever their case:
 * the built-in list {@code protected-words.txt} (acronyms that also appear in lower case, сво, всу)
 * plus, when set, the file named by the system property {@code nwatch.protectedWords} or the
 * environment variable {@code NWATCH_PROTECTED_WORDS} (UTF-8, one word a line, {@code #} comments).
 * Index and queries must use the same list: changing it means re-indexing.
 */
public final class ProtectedWords {
    private ProtectedWords() {}

    public static final String PROPERTY = "nwatch.protectedWords";
    public static final String ENV = "NWATCH_PROTECTED_WORDS";

    /** The built-in list plus the user's file, if configured. */
    public static CharArraySet load() {
        CharArraySet set = new CharArraySet(64, true);
        try (InputStream in = ProtectedWords.class.getResourceAsStream("protected-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("protected-words.txt missing from the class path");
            }
            read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), set);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in protected-words.txt", e);
        }
        String user = System.getProperty(PROPERTY, System.getenv(ENV));
        if (user != null && !user.isBlank()) {
            Path p = Path.of(user);
            try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                read(r, set);
            } catch (IOException e) {
                throw new UserException("cannot read protected words file " + p + ": " + e.getMessage(), e);
            }
        }
        return CharArraySet.unmodifiableSet(set);
    }

    static void read(BufferedReader r, CharArraySet into) throws IOException {
        for (String line; (line = r.readLine()) != null; ) {
            int hash = line.indexOf('#');
            String w = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!w.isEmpty()) {
                into.add(w);
            }
        }
    }

}
