package org.narrativewatch.opinion;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What makes a poll series: the same pollster asking the same question, one answer's share.
 * Different wordings or answers are different series on purpose: a "definitely support" share is
 * not comparable with a "support (total)" share.
 */
public record SeriesKey(String pollster, String question, String answer) {

    public SeriesKey {
        pollster = clean(pollster, "pollster");
        question = clean(question, "question");
        answer = clean(answer, "answer");
    }

    /** A stable, typeable identifier: {@code pollster/question/answer} as lower-case slugs. */
    public String id() {
        return slug(pollster) + "/" + slug(question) + "/" + slug(answer);
    }

    private static String clean(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return s.strip().replaceAll("\\s+", " ");
    }

    static String slug(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String out = n.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        return out.isEmpty() ? "x" : out;
    }
}
