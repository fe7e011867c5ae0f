package org.narrativewatch.analysis;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    // Frequent function words of each language; words on two lists (і, як, але in uk and be) are
    // dropped from both, so a hit always points one way.
    private static final List<String> RU_LIST = List.of("и", "что", "это", "как", "он", "она", "они", "его", "её",
            "из", "от", "но", "бы", "или", "когда", "уже", "только", "их", "был", "быть", "будет", "также", "чтобы",
            "если", "ещё", "еще", "который", "которые", "этого", "этом");
    private static final List<String> UK_LIST = List.of("і", "що", "це", "як", "та", "від", "із", "але",
            "він", "вона", "вони", "його", "її", "або", "коли", "вже", "тільки", "їх", "був", "бути", "буде", "також",
            "щоб", "якщо", "усі", "ще", "який", "які", "цього", "цьому", "є");
    private static final List<String> BE_LIST = List.of("і", "ў", "што", "гэта", "як", "ад", "пра", "але", "ён",
            "яна", "яны", "яго", "або", "калі", "ужо", "толькі", "іх", "быў", "будзе", "таксама", "каб", "усе", "яшчэ",
            "які", "якія", "гэтага");
    private static final Set<String> RU_WORDS = onlyIn(RU_LIST, UK_LIST, BE_LIST);
    private static final Set<String> UK_WORDS = onlyIn(UK_LIST, RU_LIST, BE_LIST);
    private static final Set<String> BE_WORDS = onlyIn(BE_LIST, RU_LIST, UK_LIST);

    private static Set<String> onlyIn(List<String> words, List<String> other1, List<String> other2) {
        Set<String> out = new HashSet<>(words);
        out.removeAll(other1);
        out.removeAll(other2);
        return Set.copyOf(out);
    }

    private static final int MAX_CHARS = 4000;

    /** Links and e-mail addresses: Latin letters that say nothing about the text's language. */
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+|\\S+@\\S+\\.\\w+");

    /** ru, uk, be, en, or "und" when it cannot tell. */
    public static String guess(String text) {
        if (text == null) {
            return "und";
        }
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS); // the cues are dense: a long article says no more
        }
        text = URL.matcher(text).replaceAll(" ");
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
        // Russian and Ukrainian news quote Latin names (NASA, Curiosity); English rarely quotes Cyrillic.
        if (latin > 2 * cyrillic) {
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
        String lower = text.toLowerCase(Locale.ROOT);
        for (String w : lower.split("[^\\p{L}ʼ'’]+")) {
            if (w.isEmpty()) {
                continue;
            }
            // A word ending in -ння (звернення, not обращение) is Ukrainian spelling; Russian has -нняя
            // (весенняя), not a final -ння. (-ськ-, as in Зеленського, was tried and dropped: Russian
            // news writes Ukrainian surnames such as Пасько.)
            if (w.endsWith("ння")) {
                uk += 2;
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
