package org.narrativewatch.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.narrativewatch.explain.names.NameTagger;
import org.narrativewatch.index.ArticleText;

/**
 * Stored articles read again: their words as the index sees them ({@link TextTokens}), the names the
 * {@link NameTagger} finds in them (one batch per language, so a name's capitals elsewhere in the
 * batch count as evidence) and, per article, the distinct items explain and cooccur count.
 */
final class ReadArticles {

    /** One article, read: title and text words, and the names found in each. */
    static final class Article {
        final ArticleText source;
        final List<TextTokens.Token> title;
        final List<TextTokens.Token> text;
        List<NameTagger.Span> titleNames = List.of();
        List<NameTagger.Span> textNames = List.of();

        Article(ArticleText source) {
            this.source = source;
            String lang = source.lang() == null ? "ru" : source.lang();
            this.title = TextTokens.of(lang, source.title());
            this.text = TextTokens.of(lang, source.text());
        }

        /** Title then text, each with its names. */
        List<Part> parts() {
            return List.of(new Part(title, titleNames, 0), new Part(text, textNames, source.title().length() + 1));
        }
    }

    /** A run of words (title or text), its names, and where it starts in title + "\n" + text. */
    record Part(List<TextTokens.Token> tokens, List<NameTagger.Span> names, int offset) {}

    /** Name evidence per lemma over the batch. */
    static final class NameVotes {
        /** lemma → occurrences as a one-word name or a merged person's name */
        final Map<String, Integer> name = new HashMap<>();
        /** lemma → occurrences inside a merged person name, not as its surname (Владимир in Владимир Путин) */
        final Map<String, Integer> absorbed = new HashMap<>();
        /** lemma → occurrences outside any name */
        final Map<String, Integer> plain = new HashMap<>();
        /** canonical → type and the ways it was written, most frequent first */
        final Map<String, NameTagger.Type> type = new HashMap<>();
        final Map<String, Map<String, Integer>> written = new HashMap<>();
        /** canonical of a one-word (or merged person's) name → how its last word was written (Байдена, Байденом) */
        final Map<String, Map<String, Integer>> heads = new HashMap<>();

        boolean isName(String lemma) {
            return name.getOrDefault(lemma, 0) > plain.getOrDefault(lemma, 0);
        }

        boolean isAbsorbed(String lemma) {
            int a = absorbed.getOrDefault(lemma, 0);
            return a > 0 && a >= plain.getOrDefault(lemma, 0) + name.getOrDefault(lemma, 0);
        }

        /** Written forms to choose a label from: the name's own word (a person's surname), or the whole name. */
        List<String> labelForms(String canonical, int max) {
            Map<String, Integer> w = canonical.indexOf(' ') < 0 ? heads.getOrDefault(canonical, Map.of())
                    : written.getOrDefault(canonical, Map.of());
            return w.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(max).map(Map.Entry::getKey).toList();
        }

        List<String> variants(String canonical, int max) {
            Map<String, Integer> w = written.getOrDefault(canonical, Map.of());
            return w.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(max).map(Map.Entry::getKey).toList();
        }
    }

    /** lemma → {occurrences as any reading of a word, occurrences as the reading the word most likely has} */
    final Map<String, int[]> readings = new HashMap<>();

    final List<Article> articles = new ArrayList<>();
    final NameVotes votes = new NameVotes();
    /** lemma → how the words with that lemma were written (lower case), for lemmas that are stems of unknown words */
    final Map<String, Map<String, Integer>> stemForms = new HashMap<>();
    /** lemma → articles containing it, over everything read */
    final Map<String, Integer> lemmaArticles = new HashMap<>();
    /** the written forms of words read that have no lemma (acronyms: сша, нато), counted as forms */
    final Set<String> forms = new java.util.TreeSet<>();

    ReadArticles(List<ArticleText> texts, NameTagger tagger) {
        Map<String, List<Article>> byLang = new LinkedHashMap<>();
        for (ArticleText t : texts) {
            Article a = new Article(t);
            articles.add(a);
            byLang.computeIfAbsent(t.lang() == null ? "ru" : t.lang().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(a);
        }
        for (Map.Entry<String, List<Article>> e : byLang.entrySet()) {
            List<List<NameTagger.Word>> segments = new ArrayList<>();
            for (Article a : e.getValue()) {
                segments.add(TextTokens.words(a.title));
                segments.add(TextTokens.words(a.text));
            }
            List<NameTagger.Tagged> tagged = tagger.tag(e.getKey(), segments);
            for (int i = 0; i < e.getValue().size(); i++) {
                Article a = e.getValue().get(i);
                a.titleNames = tagged.get(2 * i).spans();
                a.textNames = tagged.get(2 * i + 1).spans();
            }
        }
        for (Article a : articles) {
            Set<String> seen = new LinkedHashSet<>();
            for (Part p : a.parts()) {
                countVotes(p);
                for (TextTokens.Token t : p.tokens()) {
                    seen.addAll(t.allLemmas());
                    if (t.keyword()) {
                        forms.add(t.lemmas().get(0));
                    }
                    if (t.lemmas().size() == 1) {
                        String lower = t.surface().toLowerCase(Locale.ROOT);
                        String l = t.lemmas().get(0);
                        if (!lower.equals(l) && lower.startsWith(l)) {
                            stemForms.computeIfAbsent(l, k -> new HashMap<>()).merge(lower, 1, Integer::sum);
                        }
                    }
                }
            }
            for (String l : seen) {
                lemmaArticles.merge(l, 1, Integer::sum);
            }
        }
        for (Article a : articles) {
            for (Part p : a.parts()) {
                String[] byName = new String[p.tokens().size()];
                for (NameTagger.Span s : p.names()) {
                    if (!s.multiWord()) {
                        byName[s.end() - 1] = s.canonical();
                    }
                }
                for (int i = 0; i < byName.length; i++) {
                    TextTokens.Token t = p.tokens().get(i);
                    String main = byName[i] != null && t.lemmas().contains(byName[i]) ? byName[i] : mainLemma(t);
                    for (String l : t.lemmas()) {
                        int[] r = readings.computeIfAbsent(l, k -> new int[2]);
                        r[0]++;
                        r[1] += l.equals(main) ? 1 : 0;
                    }
                }
            }
        }
    }

    /**
     * A lemma the words read almost never mean: in at least nine of ten of its occurrences it is the
     * second reading of a word that means something else (путина, the fishing season, of Путина). Its
     * counts duplicate the other reading's, so it is not listed.
     */
    boolean isShadow(String lemma) {
        int[] r = readings.get(lemma);
        return r != null && r[0] >= 3 && r[1] * 10 <= r[0];
    }

    private void countVotes(Part p) {
        boolean[] inName = new boolean[p.tokens().size()];
        for (NameTagger.Span s : p.names()) {
            votes.type.putIfAbsent(s.canonical(), s.type());
            votes.written.computeIfAbsent(s.canonical(), k -> new HashMap<>()).merge(s.text(), 1, Integer::sum);
            for (int i = s.start(); i < s.end(); i++) {
                inName[i] = true;
            }
            if (!s.multiWord()) {
                votes.heads.computeIfAbsent(s.canonical(), k -> new HashMap<>())
                        .merge(p.tokens().get(s.end() - 1).surface(), 1, Integer::sum);
                votes.name.merge(s.canonical(), 1, Integer::sum);
                for (int i = s.start(); i < s.end() - 1; i++) {
                    for (String l : p.tokens().get(i).lemmas()) {
                        if (!l.equals(s.canonical())) {
                            votes.absorbed.merge(l, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        for (int i = 0; i < inName.length; i++) {
            if (!inName[i]) {
                for (String l : p.tokens().get(i).lemmas()) {
                    votes.plain.merge(l, 1, Integer::sum);
                }
            }
        }
    }

    /** How to show a lemma that is a stem of words the dictionaries do not know (видеосвяз → видеосвязь); else the lemma. */
    String lemmaLabel(String lemma) {
        Map<String, Integer> forms = stemForms.get(lemma);
        if (forms == null) {
            return lemma;
        }
        String f = Vocabulary.stemForm(lemma, new ArrayList<>(forms.keySet()));
        return f == null ? lemma : f;
    }

    /**
     * The lemma a word stands for in a phrase: of its readings, the one most articles read here
     * contain (стали → стать, not сталь, in news).
     */
    String mainLemma(TextTokens.Token t) {
        String best = null;
        int bestCount = -1;
        for (String l : t.lemmas()) {
            int c = lemmaArticles.getOrDefault(l, 0);
            if (c > bestCount) {
                best = l;
                bestCount = c;
            }
        }
        return best;
    }

    /** Whether nothing but spaces lies between a word and the one before it (no punctuation, no line break). */
    static boolean adjacent(TextTokens.Token t) {
        return t.before().isBlank() && t.before().indexOf('\n') < 0;
    }
}
