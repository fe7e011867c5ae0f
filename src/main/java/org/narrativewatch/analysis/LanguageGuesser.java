package org.narrativewatch.analysis;

import java.util.Locale;
import java.util.Set;

/**
 * Guesses the language of a text among ru, uk, be and en from its alphabet and, when the letters
 * do not settle it, from frequent function words; "und" when there are no letters to go on.
 *
 * <p>Why no library: Lingua (restricted to these four languages) was right on 18 of 18 short texts
 * but its jar is about 80 MB; Optimaize (1.8 MB) missed short English and Ukrainian texts. For
 * these four languages the alphabets nearly decide it: і ї є ґ are Ukrainian (і is also
 * Belarusian), ў is only Belarusian, ы э ъ ё are Russian (ы э ё also Belarusian), Latin letters
 * here mean English. What remains (a short Cyrillic headline with none of those letters) is split
 * by function words; with no cue at all Cyrillic counts as Russian, the corpus's majority language.
 */
public final class LanguageGuesser {
    private LanguageGuesser() {}

    private static final Set<String> RU_WORDS = Set.of("и", "не", "что", "это", "как", "он", "она", "они", "его", "для",
            "от", "так", "из", "по", "но", "же", "бы", "или", "когда", "уже", "только", "их", "был", "была", "было", "при");
    private static final Set<String> UK_WORDS = Set.of("і", "й", "що", "це", "як", "та", "від", "для", "з", "із", "до", "про",
            "але", "він", "вона", "вони", "його", "або", "коли", "вже", "тільки", "їх", "був", "була", "було", "при", "у");
    private static final Set<String> BE_WORDS = Set.of("і", "ў", "што", "гэта", "як", "ад", "для", "з", "да", "пра", "але",
            "ён", "яна", "яны", "яго", "або", "калі", "ужо", "толькі", "іх", "быў", "была", "было", "пры", "у");

    /** ru, uk, be, en, or "und" when it cannot tell. */
    public static String guess(String text) {
        if (text == null) {
            return "und";
        }
        int latin = 0;
        int cyrillic = 0;
        int ukLetters = 0;
        int beLetters = 0;
        int ruLetters = 0;
        int iLetters = 0;
        int iUkRu = 0;
        int shcha = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c >= 'a' && c <= 'z') {
                latin++;
            } else if (c >= 'а' && c <= 'я' || c >= 'ѐ' && c <= 'џ' || c == 'ґ') {
                cyrillic++;
                switch (c) {
                    case 'ї': case 'є': case 'ґ':
                        ukLetters++;
                        break;
                    case 'ў':
                        beLetters++;
                        break;
                    case 'ъ':
                        ruLetters += 2;
                        break;
                    case 'ы': case 'э': case 'ё':
                        ruLetters++;
                        break;
                    case 'і':
                        iLetters++;
                        break;
                    case 'и':
                        iUkRu++;
                        break;
                    case 'щ':
                        shcha++;
                        break;
                    default:
                        break;
                }
            }
        }
        if (latin == 0 && cyrillic == 0) {
            return "und";
        }
        if (latin > cyrillic) {
            return "en";
        }
        // Letter cues, each a strong vote: ї є ґ → uk; ў → be; ъ (and ы э ё without і) → ru;
        // і with ы/э/ё → be (Belarusian has both, Ukrainian has no ы э ё, Russian no і);
        // и and щ exist in Russian and Ukrainian but not in Belarusian.
        double uk = 3 * ukLetters;
        double be = 3 * beLetters;
        double ru = 0;
        if (iLetters > 0) {
            if (ruLetters > 0 && iUkRu == 0) {
                be += 2 * iLetters + ruLetters;
            } else {
                uk += 2 * iLetters;
            }
        } else {
            ru += 2 * ruLetters;
        }
        if (iUkRu + shcha > 0) {
            be -= 3;
        }
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}ʼ'’]+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (RU_WORDS.contains(w)) {
                ru += 1;
            }
            if (UK_WORDS.contains(w)) {
                uk += 1;
            }
            if (BE_WORDS.contains(w)) {
                be += 1;
            }
        }
        if (uk > ru && uk > be) {
            return "uk";
        }
        if (be > ru && be > uk) {
            return "be";
        }
        return "ru";
    }
}
