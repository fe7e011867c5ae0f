package org.narrativewatch.explain;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.narrativewatch.UserException;
import org.narrativewatch.explain.names.NameTagger;
import org.narrativewatch.index.ArticleSet;
import org.narrativewatch.index.ArticleText;
import org.narrativewatch.index.Contrast;
import org.narrativewatch.index.ContrastRequest;
import org.narrativewatch.index.Snapshot;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;

/**
 * What a query travels with, bucket by bucket ({@code nwatch cooccur}): the lemmas and names found
 * within N words of its matches (the positions NEAR/N uses: at most N words between), counted in
 * articles, and how strongly each is tied to the query in that bucket.
 *
 * <p>Per bucket the measure is G² (log-likelihood) on articles: of the {@code n} articles the query
 * matches (those read), {@code count} have the term within N words of a match; of the bucket's
 * articles the query does not match, {@code elsewhere} contain the term anywhere. The score is G²
 * when the term is more frequent near the query than elsewhere (only those are listed), with a
 * frequency floor of {@code minCount} articles. Matches and their neighbours come from the
 * articles' stored text read again with the index's analysis and the query's own match positions;
 * {@code elsewhere} comes from the index. When a bucket has more matching articles than
 * {@code maxRead} spread over the range, an even sample is read and the bucket says so.
 */
public final class Collocates {

    public static final String MEASURE = "log-likelihood G2 on articles: articles with the term within N words of a "
            + "match (of the articles the query matches) against articles containing it among the bucket's articles "
            + "the query does not match; only terms more frequent near the query are listed";

    /** A cooccur question. */
    public record Request(Query query, Selection selection, int within, Period by, int top, int minCount, int maxRead) {
        public Request {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(selection, "selection");
            if (within < 0 || within > 50) {
                throw new UserException("--within must be 0..50 words, not " + within);
            }
            if (top < 1 || top > 500) {
                throw new UserException("--top must be 1..500, not " + top);
            }
            if (minCount < 1) {
                throw new UserException("--min-count must be at least 1, not " + minCount);
            }
            if (maxRead < 10) {
                throw new UserException("--max-read must be at least 10, not " + maxRead);
            }
        }
    }

    /** One collocate in one bucket. */
    public record Collocate(String term, String kind, String label, Keyness.Score score) {}

    /**
     * One bucket: its first and last day, the articles the query matches in it ({@code count}), all
     * its articles ({@code total}), the matching articles read, and the collocates.
     */
    public record Bucket(LocalDate start, LocalDate end, long count, long total, int read, List<Collocate> terms) {}

    public record Result(String query, int within, String measure, Period by, LocalDate from, LocalDate to,
                         List<Bucket> buckets, int minCount, String snapshot, long millis) {}

    private final Engine engine;
    private final NameTagger tagger;

    public Collocates(Engine engine, NameTagger tagger) {
        this.engine = Objects.requireNonNull(engine);
        this.tagger = tagger == null ? NameTagger.create() : tagger;
    }

    public Result compute(Request req) throws IOException {
        long started = System.nanoTime();
        Selection sel = req.selection();
        LocalDate from = sel.from();
        LocalDate to = sel.to();
        if (from == null || to == null) {
            Snapshot st = engine.snapshot();
            if (st.from() == null) {
                throw new UserException("the index is empty: import something first");
            }
            from = from == null ? st.from() : from;
            to = to == null ? st.to() : to;
        }
        Selection range = sel.withDates(from, to);
        List<ArticleText> texts = engine.texts(ArticleSet.matching(req.query(), range), req.maxRead(), true);
        ReadArticles read = new ReadArticles(texts, tagger);
        Set<String> queryTerms = Vocabulary.queryTerms(req.query());

        // bucket start → item → articles with the item near a match
        TreeMap<LocalDate, Map<String, Item>> near = new TreeMap<>();
        Map<LocalDate, Integer> readPerBucket = new HashMap<>();
        for (ReadArticles.Article a : read.articles) {
            if (a.source.day() == null) {
                continue;
            }
            LocalDate b = req.by().start(a.source.day());
            readPerBucket.merge(b, 1, Integer::sum);
            Map<String, Item> items = near.computeIfAbsent(b, k -> new HashMap<>());
            for (Item it : nearItems(a, req.within(), queryTerms, read)) {
                items.computeIfAbsent(it.key(), k -> it).articles++;
            }
        }

        List<Bucket> buckets = new ArrayList<>();
        String snapshot = null;
        for (LocalDate start = req.by().start(from); !start.isAfter(to); start = req.by().next(start)) {
            LocalDate end = req.by().next(start).minusDays(1);
            Selection bucketSel = sel.withDates(start.isBefore(from) ? from : start, end.isAfter(to) ? to : end);
            Map<String, Item> items = near.getOrDefault(start, Map.of());
            List<Item> candidates = items.values().stream().filter(i -> i.articles >= req.minCount()).toList();
            List<String> terms = candidates.stream().filter(i -> i.lemmas.size() == 1).map(i -> i.lemmas.get(0)).toList();
            List<Item> phrases = candidates.stream().filter(i -> i.lemmas.size() > 1).toList();
            ContrastRequest cr = ContrastRequest.sizes(ArticleSet.matching(req.query(), bucketSel),
                    ArticleSet.notMatching(req.query(), bucketSel)).withTerms(terms)
                    .withForms(terms.stream().filter(read.forms::contains).toList())
                    .withQueries(phrases.stream().map(i -> Vocabulary.phraseQuery(i.lemmas)).toList());
            Contrast c = engine.contrast(cr);
            snapshot = c.snapshot();
            int n1 = readPerBucket.getOrDefault(start, 0);
            long rest = c.baselineArticles();
            List<Collocate> out = new ArrayList<>();
            Map<String, Long> elsewhere = new HashMap<>();
            terms.forEach(t -> elsewhere.put(t, c.terms().getOrDefault(t, new long[2])[1]));
            for (int i = 0; i < phrases.size(); i++) {
                elsewhere.put(phrases.get(i).key(), c.queries().get(i)[1]);
            }
            for (Item it : candidates) {
                long e = elsewhere.getOrDefault(it.key(), 0L);
                if (it.lemmas.size() == 1 && read.isShadow(it.lemmas.get(0))) {
                    continue;
                }
                Keyness.Score s = Keyness.score(Math.min(it.articles, n1), n1, Math.min(e, rest), rest);
                if (s.direction() <= 0) {
                    continue;
                }
                String term = String.join(" ", it.lemmas);
                boolean name = it.name || (it.lemmas.size() == 1 && read.votes.isName(term));
                String label = name ? Vocabulary.nameLabel(term, read.votes.labelForms(term, 20)) : read.lemmaLabel(term);
                out.add(new Collocate(term, name ? "name" : "lemma", label, s));
            }
            out.sort(Comparator.comparingDouble((Collocate x) -> -x.score().g2()).thenComparing(Collocate::term));
            buckets.add(new Bucket(start, end, c.targetArticles(), c.targetArticles() + c.baselineArticles(), n1,
                    out.size() > req.top() ? List.copyOf(out.subList(0, req.top())) : out));
        }
        return new Result(req.query().text(), req.within(), MEASURE, req.by(), from, to, buckets, req.minCount(),
                snapshot, (System.nanoTime() - started) / 1_000_000);
    }

    /** A lemma or name found near a match; counted once per article. */
    private static final class Item {
        final List<String> lemmas;
        final boolean name;
        int articles;

        Item(List<String> lemmas, boolean name) {
            this.lemmas = lemmas;
            this.name = name;
        }

        String key() {
            return (name && lemmas.size() > 1 ? "n:" : "") + String.join(" ", lemmas);
        }
    }

    /**
     * The distinct items within {@code within} words (at most that many words between) of any
     * matched word of the article: each nearby word's lemmas, or the name it is part of (a person's
     * name counts under the surname). Matched words, the query's terms and function words are left out.
     */
    static List<Item> nearItems(ReadArticles.Article a, int within, Set<String> queryTerms, ReadArticles read) {
        Map<String, Item> out = new LinkedHashMap<>();
        Set<String> stop = Vocabulary.stopWords();
        for (ReadArticles.Part p : a.parts()) {
            List<TextTokens.Token> toks = p.tokens();
            Set<Integer> matched = new HashSet<>();
            for (int start : a.source.matchStarts()) {
                int local = start - p.offset();
                for (int i = 0; i < toks.size(); i++) {
                    // a match on a hyphenated word's later part (лейтенант in генерал-лейтенанта) starts inside the word
                    if (toks.get(i).start() <= local && local < toks.get(i).end()) {
                        matched.add(i);
                    }
                }
            }
            if (matched.isEmpty()) {
                continue;
            }
            NameTagger.Span[] spanAt = new NameTagger.Span[toks.size()];
            for (NameTagger.Span s : p.names()) {
                for (int i = s.start(); i < s.end(); i++) {
                    spanAt[i] = s;
                }
            }
            for (int m : matched) {
                for (int k = Math.max(0, m - within - 1); k <= Math.min(toks.size() - 1, m + within + 1); k++) {
                    if (matched.contains(k)) {
                        continue;
                    }
                    NameTagger.Span s = spanAt[k];
                    if (s != null && s.multiWord()) {
                        List<String> ls = List.of(s.canonical().split(" "));
                        if (ls.stream().noneMatch(queryTerms::contains)) {
                            Item it = new Item(ls, true);
                            out.putIfAbsent(it.key(), it);
                        }
                        continue;
                    }
                    if (s != null) {
                        if (k != s.end() - 1) {
                            continue; // a first name or initial of a person counted under the surname
                        }
                        addLemma(out, s.canonical(), queryTerms, stop);
                        continue;
                    }
                    // the parts' lemmas too: NEAR finds генерал in генерал-лейтенанта, so its counts include it
                    for (String l : toks.get(k).allLemmas()) {
                        addLemma(out, l, queryTerms, stop);
                    }
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private static void addLemma(Map<String, Item> out, String lemma, Set<String> queryTerms, Set<String> stop) {
        if (!Vocabulary.listable(lemma) || queryTerms.contains(lemma) || stop.contains(lemma) || Vocabulary.number(lemma)) {
            return;
        }
        out.putIfAbsent(lemma, new Item(List.of(lemma), false));
    }
}
