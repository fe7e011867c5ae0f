package org.narrativewatch.explain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.narrativewatch.analysis.Analyzers;
import org.narrativewatch.explain.names.NameLexicon;
import org.narrativewatch.query.Query;
import org.narrativewatch.query.QueryNode;

/** Which lemmas explain and cooccur set apart: the query's own terms and function words. */
final class Vocabulary {
    private Vocabulary() {}

    private static volatile Set<String> stopWords;

    /** Function words of ru, uk and en as index lemmas (a news corpus mixes them, and the lists barely overlap). */
    static Set<String> stopWords() {
        Set<String> s = stopWords;
        if (s == null) {
            Set<String> all = new LinkedHashSet<>();
            for (String lang : List.of("ru", "uk", "en")) {
                all.addAll(NameLexicon.functionWordLemmas(lang));
            }
            stopWords = s = Set.copyOf(all);
        }
        return s;
    }

    /** The lemma terms of the query's words (what the query itself asks for), under every language its letters allow. */
    static Set<String> queryTerms(Query q) {
        Set<String> out = new LinkedHashSet<>();
        collect(q.root(), out);
        return out;
    }

    private static void collect(QueryNode n, Set<String> out) {
        if (n instanceof QueryNode.Word w) {
            out.addAll(Analyzers.wordTerms(w.text()));
        } else if (n instanceof QueryNode.Exact e) {
            out.addAll(TextTokens.lemmas("ru", e.text()));
        } else if (n instanceof QueryNode.Phrase p) {
            p.parts().forEach(x -> collect(x, out));
        } else if (n instanceof QueryNode.Near nn) {
            nn.parts().forEach(x -> collect(x, out));
        } else if (n instanceof QueryNode.And a) {
            a.parts().forEach(x -> collect(x, out));
        } else if (n instanceof QueryNode.Or o) {
            o.parts().forEach(x -> collect(x, out));
        }
    }

    /** Lemmas not worth listing: one character, or no letter at all but digits with punctuation. */
    static boolean listable(String lemma) {
        if (lemma.length() < 2) {
            return false;
        }
        for (int i = 0; i < lemma.length(); i++) {
            if (Character.isLetterOrDigit(lemma.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Digits only: in news mostly dates and times (05.04.2022, 21:00), which differ between any two
     * windows; listed with the stop words rather than among the terms.
     */
    static boolean number(String lemma) {
        for (int i = 0; i < lemma.length(); i++) {
            if (!Character.isDigit(lemma.charAt(i))) {
                return false;
            }
        }
        return !lemma.isEmpty();
    }

    /** A query that finds the articles containing these lemmas next to each other (or the one lemma). */
    static Query phraseQuery(List<String> lemmas) {
        List<QueryNode> words = lemmas.stream().map(l -> (QueryNode) new QueryNode.Word(l, QueryNode.BODY)).toList();
        String text = lemmas.size() == 1 ? lemmas.get(0) : "\"" + String.join(" ", lemmas) + "\"";
        QueryNode root = words.size() == 1 ? words.get(0) : new QueryNode.Phrase(words, QueryNode.BODY);
        return new Query(text, root);
    }

    /**
     * A name as it is usually written: for one word, the most frequent written form equal to it in
     * lower case (США), else the lemma capitalised (Путин for Путина); for several words, the most
     * frequent way they were written (Единая Россия).
     */
    static String nameLabel(String canonical, List<String> written) {
        if (canonical.indexOf(' ') >= 0 && !written.isEmpty()) {
            return written.get(0);
        }
        for (String w : written) {
            if (w.toLowerCase(Locale.ROOT).equals(canonical)) {
                return w;
            }
        }
        String stemForm = stemForm(canonical, written);
        if (stemForm != null) {
            return stemForm;
        }
        return canonical.isEmpty() ? canonical
                : canonical.substring(0, 1).toUpperCase(Locale.ROOT) + canonical.substring(1);
    }

    /**
     * When {@code term} is a stem of words no dictionary knows (байд of Байдена, видеосвяз of
     * видеосвязи), the shortest of those words as written, to show instead of the stem; else null.
     */
    static String stemForm(String term, List<String> written) {
        if (NameLexicon.isLemmaOf(term, term)) {
            return null; // a dictionary word, not a stem
        }
        String shortest = null;
        for (String w : written) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.startsWith(term) && !lower.equals(term) && w.indexOf(' ') < 0 && !NameLexicon.isLemmaOf(term, lower)
                    && (shortest == null || w.length() < shortest.length())) {
                shortest = w;
            }
        }
        return shortest;
    }
}
