package org.narrativewatch.analysis;

/** PROVISIONAL: replaced by the analysis package's guesser. */
public final class LanguageGuesser {
    private LanguageGuesser() {}

    public static String guess(String text) {
        int cyr = 0, lat = 0, uk = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c == 'і' || c == 'ї' || c == 'є' || c == 'ґ') uk++;
            if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) cyr++;
            else if (c >= 'a' && c <= 'z') lat++;
        }
        if (cyr == 0 && lat == 0) return "und";
        if (cyr >= lat) return uk > 0 ? "uk" : "ru";
        return "en";
    }
}
