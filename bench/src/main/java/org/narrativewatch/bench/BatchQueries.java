package org.narrativewatch.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The batch a script sends in one start ({@code nwatch timeline --queries FILE}): 200 distinct daily timelines of
 * every kind, written once per system like {@link Workload}. Distinct, so no system answers a repeat from a cache:
 * 50 news words, 50 AND pairs, 40 OR pairs, 20 two-word phrases, 40 NEAR/5 pairs.
 */
final class BatchQueries {
    private BatchQueries() {}

    static final List<String> WORDS = List.of("путин", "зеленский", "переговоры", "санкции", "украина", "россия", "сша",
            "нато", "армия", "война", "мир", "газ", "нефть", "выборы", "президент", "правительство", "экономика", "рубль",
            "доллар", "китай", "европа", "германия", "франция", "москва", "киев", "донбасс", "крым", "харьков", "херсон",
            "мобилизация", "наступление", "обстрел", "беспилотник", "ракета", "удар", "атака", "граница", "беженцы",
            "помощь", "байден", "трамп", "лавров", "шойгу", "медведев", "оппозиция", "протест", "суд", "закон", "налог",
            "пенсия");

    static final List<String> PHRASES = List.of("специальная операция", "белый дом", "государственная дума",
            "военная операция", "мирные переговоры", "совет безопасности", "министерство обороны", "европейский союз",
            "прямая линия", "пресс-секретарь президента", "зерновая сделка", "частичная мобилизация", "ядерное оружие",
            "северный поток", "гуманитарный коридор", "линия соприкосновения", "курская область", "запорожская аэс",
            "крымский мост", "новые регионы");

    static List<Workload> all() {
        List<Workload> out = new ArrayList<>();
        int n = WORDS.size();
        for (String w : WORDS) {
            out.add(timeline(w, w, false));
        }
        for (int i = 0; i < n; i++) {
            String a = WORDS.get(i), b = WORDS.get((i + 1) % n);
            out.add(timeline(a + " AND " + b, a + " & " + b, false));
        }
        for (int i = 0; i < 40; i++) {
            String a = WORDS.get(i), b = WORDS.get((i + 7) % n);
            out.add(timeline(a + " OR " + b, a + " | " + b, false));
        }
        for (String p : PHRASES) {
            out.add(timeline("\"" + p + "\"", p, true));
        }
        for (int i = 0; i < 40; i++) {
            String a = WORDS.get(i), b = WORDS.get((i + 3) % n);
            out.add(timeline(a + " NEAR/5 " + b, Workload.nearTsquery(a, b, 5), false));
        }
        return out;
    }

    private static Workload timeline(String ours, String tsquery, boolean phrase) {
        return new Workload("batch", Workload.Kind.TIMELINE, ours, tsquery, phrase, null);
    }
}
