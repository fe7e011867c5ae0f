package org.narrativewatch.explain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.narrativewatch.analysis.Analyzers;
import org.narrativewatch.analysis.LemmaTagFilter;
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

    /**
     * The lemmas the query's words stand for, plain (as {@link TextTokens} and the term counts have
     * them): for each word, every lemma the index reads it as in each language's chain, its parts'
     * lemmas included, and the query terms the engines search for it ({@link Analyzers#queryTerms},
     * which add a guessed stem for a word that is not its own lemma). Exact forms are no lemmas and
     * are left out; {@code =Путина} stands for the lemmas of Путина. Every matched article has these
     * lemmas (or most of them) by construction, so they are reported apart, not as findings.
     */
    static Set<String> queryTerms(Query q) {
        Set<String> out = new LinkedHashSet<>();
        collect(q.root(), out);
        return out;
    }

    private static void collect(QueryNode n, Set<String> out) {
        if (n instanceof QueryNode.Word w) {
            for (String lang : Analyzers.QUERY_CHAINS) {
                for (String t : Analyzers.queryTerms(lang, w.text())) {
                    String lemma = LemmaTagFilter.untag(t);
                    if (lemma != null) {
                        out.add(lemma);
                    }
                }
                out.addAll(TextTokens.allLemmas(lang, w.text()));
            }
        } else if (n instanceof QueryNode.Exact e) {
            for (String lang : Analyzers.QUERY_CHAINS) {
                out.addAll(TextTokens.allLemmas(lang, e.text()));
            }
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
