package org.narrativewatch.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Schema;
import org.narrativewatch.ingest.ImportDefaults;
import org.narrativewatch.ingest.ImportReport;
import org.narrativewatch.ingest.Importer;
import org.narrativewatch.ingest.Source;
import org.narrativewatch.ingest.Sources;

/**
 * Every rung of the import probe on a generated corpus of 300 articles (Russian, Ukrainian, English; numbers,
 * acronyms, hyphenated words), against our real import of the same file: document counts, which terms each rung
 * indexes at which positions, and that P3's documents are ours field for field.
 */
class ProbeIndexerTest {

    static final int ARTICLES = 300;

    @TempDir
    static Path tmp;

    static Path corpus;
    static final Map<ProbeVariant, Path> INDEXES = new EnumMap<>(ProbeVariant.class);
    static final Map<ProbeVariant, ProbeIndexer.IndexFacts> FACTS = new EnumMap<>(ProbeVariant.class);
    static final Map<ProbeVariant, Long> TOKENS = new EnumMap<>(ProbeVariant.class);

    private static final String[] RU = {"Путин", "Путина", "Путину", "провёл", "переговоры", "переговорах", "с", "Зеленским",
        "в", "Стамбуле", "войска", "войскам", "отступили", "дрон-камикадзе", "НАТО", "2024", "года", "заявил", "министр",
        "обороны", "России", "Украины", "специальная", "военная", "операция", "по", "данным", "источников", "США", "мира"};
    private static final String[] UK = {"Зеленський", "провів", "переговори", "з", "партнерами", "у", "Києві", "війська", "2024"};
    private static final String[] EN = {"Putin", "talks", "in", "Istanbul", "troops", "withdrew", "NATO's", "said", "2024"};

    @BeforeAll
    static void importEveryRung() throws Exception {
        corpus = tmp.resolve("corpus.jsonl");
        Random rnd = new Random(14);
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String lang = i % 10 == 7 ? "uk" : i % 10 == 8 ? "en" : "ru";
            String[] words = lang.equals("uk") ? UK : lang.equals("en") ? EN : RU;
            ObjectNode o = json.createObjectNode();
            o.put("date", String.format("2024-%02d-%02dT10:00:00+03:00", 1 + i % 12, 1 + i % 28));
            o.put("source", "outlet" + (i % 7));
            o.put("url", "https://example.org/a/" + i);
            o.put("lang", lang);
            o.put("title", sentence(rnd, words, 3 + rnd.nextInt(6)));
            o.put("text", sentence(rnd, words, 20 + rnd.nextInt(80)) + ". " + sentence(rnd, words, 10 + rnd.nextInt(30)));
            lines.add(json.writeValueAsString(o));
        }
        Files.write(corpus, lines, StandardCharsets.UTF_8);
        for (ProbeVariant v : ProbeVariant.values()) {
            Path index = tmp.resolve("index-" + v.id());
            if (v.isOurImport()) {
                try (LuceneEngine e = LuceneEngine.open(index);
                     Source s = Sources.open(corpus.toString(), ImportDefaults.none())) {
                    ImportReport r = new Importer(e, 200_000, 30, null).run(s);
                    assertEquals(ARTICLES, r.added());
                }
            } else {
                Path scratch = Files.createTempDirectory(tmp, "engine");
                ProbeIndexer probe = new ProbeIndexer(v, v == ProbeVariant.P0_1T ? 1 : 2, scratch);
                long n = probe.run(corpus, index);
                assertEquals(ARTICLES, n, v.id());
                if (v.writesNoIndex()) {
                    assertFalse(Files.exists(index), v.id() + " writes no index");
                    TOKENS.put(v, probe.tokens.sum());
                    continue;
                }
            }
            INDEXES.put(v, index);
            FACTS.put(v, ProbeIndexer.IndexFacts.of(index));
        }
    }

    private static String sentence(Random rnd, String[] words, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(words[rnd.nextInt(words.length)]);
        }
        return sb.toString();
    }

    @Test
    void everyRungIndexesEveryArticle() {
        for (ProbeVariant v : ProbeVariant.values()) {
            if (!v.writesNoIndex()) {
                assertEquals(ARTICLES, FACTS.get(v).docs(), v.id());
            }
        }
        assertEquals(0L, TOKENS.get(ProbeVariant.READ));
        assertEquals(FACTS.get(ProbeVariant.P1).bodyOccurrences(), TOKENS.get(ProbeVariant.ANALYSE),
                "the analysis-only rung consumes exactly the tokens P1 indexes");
        assertEquals(1, FACTS.get(ProbeVariant.P3_MERGE).segments());
    }

    @Test
    void eachRungAddsTermsAndTheRealChainsAreShared() {
        long p0 = FACTS.get(ProbeVariant.P0).occurrences();
        long distinct = FACTS.get(ProbeVariant.P1_DISTINCT).occurrences();
        long p1 = FACTS.get(ProbeVariant.P1).occurrences();
        assertTrue(p0 < distinct && distinct < p1, p0 + " < " + distinct + " < " + p1);
        assertEquals(p0, FACTS.get(ProbeVariant.P0_1T).occurrences(), "one thread or two: the same terms");
        assertEquals(0, FACTS.get(ProbeVariant.P1).titleOccurrences());
        ProbeIndexer.IndexFacts p2 = FACTS.get(ProbeVariant.P2);
        assertEquals(FACTS.get(ProbeVariant.P1).bodyOccurrences(), p2.bodyOccurrences(), "title replayed into body");
        assertTrue(p2.titleOccurrences() > 0);
        // from P2 on the terms are ours: the same occurrences as the real import, field by field
        for (ProbeVariant v : List.of(ProbeVariant.P2, ProbeVariant.P3_NO_TEXT, ProbeVariant.P3, ProbeVariant.P3_MERGE)) {
            assertEquals(FACTS.get(ProbeVariant.P4).bodyOccurrences(), FACTS.get(v).bodyOccurrences(), v.id());
            assertEquals(FACTS.get(ProbeVariant.P4).titleOccurrences(), FACTS.get(v).titleOccurrences(), v.id());
        }
    }

    @Test
    void lemmaOnlyAndDistinctFormRungsKeepTheRightTermsAtTheSamePositions() throws IOException {
        Path p0 = INDEXES.get(ProbeVariant.P0);
        Path p1 = INDEXES.get(ProbeVariant.P1);
        Path distinct = INDEXES.get(ProbeVariant.P1_DISTINCT);
        // a form that is none of its lemmas (переговорах: переговоры): only where exact forms are kept
        assertEquals(0, docs(p0, "=переговорах"));
        assertTrue(docs(p1, "=переговорах") > 0);
        assertEquals(docs(p1, "=переговорах"), docs(distinct, "=переговорах"));
        // путина is a form of путин and itself a lemma (путина, a fishing season): dropped by the distinct rung
        assertTrue(docs(p1, "=путина") > 0);
        assertEquals(0, docs(distinct, "=путина"));
        // a form equal to its lemma: dropped by the distinct-form rung, lemma kept everywhere
        assertTrue(docs(p1, "=путин") > 0);
        assertEquals(0, docs(distinct, "=путин"));
        assertEquals(0, docs(p0, "=путин"));
        assertEquals(docs(p1, "ru:путин"), docs(p0, "ru:путин"));
        // a word without a lemma-stage term (an acronym) keeps its form in P0, so it stays findable
        assertEquals(docs(p1, "=нато"), docs(p0, "=нато"));
        assertTrue(docs(p0, "=нато") > 0);
        // a number has a guessed stem (ru~2024): its form is dropped where forms equal to a lemma are
        assertTrue(docs(p1, "=2024") > 0);
        assertEquals(0, docs(p0, "=2024"));
        assertEquals(0, docs(distinct, "=2024"));
        // positions untouched by dropping terms: phrases and NEAR mean the same
        for (String t : List.of("ru:путин", "ru:переговоры", "=нато", "ru~2024", "uk:переговори", "en:talk")) {
            List<String> all = positions(p1, t);
            assertTrue(all.equals(positions(p0, t)), t + ": positions in P0 differ from P1's");
            assertTrue(all.equals(positions(distinct, t)), t + ": positions in P1-distinct differ from P1's");
        }
        assertFalse(positions(p1, "ru:путин").isEmpty());
    }

    @Test
    void ourDocumentRungCarriesOurFields() throws IOException {
        Map<String, String> ours = fields(INDEXES.get(ProbeVariant.P4));
        assertEquals(ours, fields(INDEXES.get(ProbeVariant.P3)));
        Map<String, String> noText = new TreeMap<>(ours);
        noText.remove(Schema.TITLE_STORED);
        noText.remove(Schema.TEXT_STORED);
        assertEquals(noText, fields(INDEXES.get(ProbeVariant.P3_NO_TEXT)));
        assertTrue(ours.keySet().containsAll(List.of(Schema.ID, Schema.STORY, Schema.COPY, Schema.DAY, Schema.TEXT_STORED)));
        assertEquals(Map.of(Schema.BODY, ours.get(Schema.BODY)), fields(INDEXES.get(ProbeVariant.P1)),
                "body is indexed as ours is");
        assertEquals(Map.of(Schema.BODY, ours.get(Schema.BODY), Schema.TITLE, ours.get(Schema.TITLE)),
                fields(INDEXES.get(ProbeVariant.P2)));
    }

    /** Field name → how it is indexed (postings, norms, doc values, points), over every segment. */
    private static Map<String, String> fields(Path index) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index))) {
            for (FieldInfo f : FieldInfos.getMergedFieldInfos(r)) {
                m.put(f.name, f.getIndexOptions() + " norms=" + !f.omitsNorms() + " dv=" + f.getDocValuesType()
                        + " points=" + f.getPointDimensionCount());
            }
        }
        return m;
    }

    private static int docs(Path index, String term) throws IOException {
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index))) {
            return r.docFreq(new Term(Schema.BODY, term));
        }
    }

    /**
     * The positions of {@code term} in body, one string per document that has it ("3,17,40"), sorted: the documents'
     * order differs between indexes written on several threads, the multiset of their position lists does not.
     */
    private static List<String> positions(Path index, String term) throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index))) {
            for (LeafReaderContext c : r.leaves()) {
                PostingsEnum p = c.reader().postings(new Term(Schema.BODY, new BytesRef(term)), PostingsEnum.POSITIONS);
                if (p == null) {
                    continue;
                }
                for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < p.freq(); i++) {
                        sb.append(i == 0 ? "" : ",").append(p.nextPosition());
                    }
                    out.add(sb.toString());
                }
            }
        }
        out.sort(null);
        return out;
    }
}
