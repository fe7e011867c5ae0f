package org.narrativewatch.ingest.html;

import java.util.Locale;
import org.narrativewatch.analysis.LanguageGuesser;

/**
 * The language of an article from what its source declared (an html lang, a feed's language, an
 * outlet's configured one), or the project's guesser when it declared none.
 */
public final class Languages {
    private Languages() {}

    /** {@code declared} when it is a two-letter code, else a guess from {@code text} (title and body). */
    public static String resolve(String declared, String text) {
        if (declared != null) {
            String d = declared.trim().toLowerCase(Locale.ROOT);
            int cut = d.indexOf('-') >= 0 ? d.indexOf('-') : d.indexOf('_');
            if (cut > 0) {
                d = d.substring(0, cut);
            }
            if (d.matches("[a-z]{2}")) {
                return d;
            }
        }
        return guess(text);
    }

    static String guess(String text) {
        return LanguageGuesser.guess(text == null ? "" : text);
    }
}
