package org.narrativewatch.ingest.html;

import java.util.Locale;

/**
 * The language of an article from what its source declared, or from its alphabet when it declared
 * none. The alphabet cues separate the languages this project reads: letters only Ukrainian has
 * (і ї є ґ), only Belarusian has (ў, with і), only Russian has (ы э ъ ё), else Cyrillic is Russian
 * and Latin is English.
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
        int cyr = 0;
        int latin = 0;
        int ukrOnly = 0;   // ї є ґ
        int iDot = 0;      // і: Ukrainian and Belarusian
        int shortU = 0;    // ў: Belarusian only
        int rusLike = 0;   // ы э ъ ё: Russian (ы э ё also Belarusian)
        int n = text == null ? 0 : Math.min(text.length(), 20_000);
        for (int i = 0; i < n; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c >= 'а' && c <= 'я' || c == 'ё' || c == 'і' || c == 'ї' || c == 'є' || c == 'ґ' || c == 'ў') {
                cyr++;
            } else if (c >= 'a' && c <= 'z') {
                latin++;
            }
            switch (c) {
                case 'ї', 'є', 'ґ' -> ukrOnly++;
                case 'і' -> iDot++;
                case 'ў' -> shortU++;
                case 'ы', 'э', 'ъ', 'ё' -> rusLike++;
                default -> { }
            }
        }
        if (latin > cyr) {
            return "en";
        }
        if (shortU > 0 && ukrOnly == 0) {
            return "be";
        }
        return ukrOnly + iDot > rusLike ? "uk" : "ru";
    }
}
