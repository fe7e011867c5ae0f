package org.narrativewatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.UserException;
import org.narrativewatch.analysis.LemmaQueryEvaluation.Scores;
import org.narrativewatch.analysis.LemmaQueryEvaluation.SystemScores;
import org.narrativewatch.analysis.LemmaQueryEvaluation.TermModel;

class LemmaQueryEvaluationTest {

    /** A toy system: a word's only term is its first three letters (lower case). */
    private static final TermModel PREFIX3 = TermModel.of(
            form -> Set.of(prefix3(form.toLowerCase(Locale.ROOT))), lemma -> Set.of(prefix3(lemma)));

    private static String prefix3(String s) {
        return s.substring(0, Math.min(3, s.length()));
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(LemmaQueryEvaluationTest.class.getResource("tiny.conllu").toURI());
    }

    @Test
    void readsWordLinesOnly() throws Exception {
        List<LemmaQueryEvaluation.Token> tokens = LemmaQueryEvaluation.read(fixture());
        assertEquals(12, tokens.size(), "the range 4-5 and the empty node 5.1 are skipped");
        assertEquals("вика", tokens.get(5).lemma(), "lemmas are lower-cased");
    }

    @Test
    void queryLemmasFollowTheDefinition() throws Exception {
        Map<String, Boolean> q = LemmaQueryEvaluation.queryLemmas(LemmaQueryEvaluation.read(fixture()));
        // я: one character; т.: ends with '.'; а+б: contains '+'; и: CCONJ.
        // видеть: VERB twice, ADV once -> VERB.
        assertEquals(Map.of("кот", false, "котлета", false, "видеть", false, "вика", true, "собака", false), q);
    }

    @Test
    void metricArithmeticComputedByHand() throws Exception {
        SystemScores s = LemmaQueryEvaluation.score("prefix3", LemmaQueryEvaluation.read(fixture()), PREFIX3);
        // Terms: Кот, кота, котлета → кот; видит ×3 → вид; Вика → вик; псом → псо.
        // кот:     retrieved 3 (Кот, кота, котлета), correct 2, gold 2 → P 2/3, R 1, F1 0.8
        // котлета: retrieved 3, correct 1, gold 1 → P 1/3, R 1, F1 0.5
        // видеть:  retrieved 3 (видит ×3, the empty node 5.1 is not a token), correct 3, gold 3 → F1 1
        // вика:    retrieved 1, correct 1, gold 1 → F1 1 (PROPN)
        // собака:  query соб retrieves nothing → P 0, R 0, F1 0
        Scores all = s.all();
        assertEquals(5, all.lemmas());
        assertEquals((0.8 + 0.5 + 1 + 1 + 0) / 5, all.macroF1(), 1e-12);
        assertEquals((2.0 / 3 + 1.0 / 3 + 1 + 1 + 0) / 5, all.macroPrecision(), 1e-12);
        assertEquals((1 + 1 + 1 + 1 + 0) / 5.0, all.macroRecall(), 1e-12);
        // micro: correct 2+1+3+1+0 = 7, retrieved 3+3+3+1+0 = 10, gold 2+1+3+1+1 = 8
        assertEquals(7, all.truePositives());
        assertEquals(10, all.retrieved());
        assertEquals(8, all.gold());
        double p = 7.0 / 10;
        double r = 7.0 / 8;
        assertEquals(2 * p * r / (p + r), all.microF1(), 1e-12);
        Scores propn = s.propn();
        assertEquals(1, propn.lemmas());
        assertEquals(1.0, propn.macroF1(), 1e-12);
        assertEquals(1.0, propn.microF1(), 1e-12);
    }

    @Test
    void runsOursAndBaselineOnTheSameTokens() throws Exception {
        LemmaQueryEvaluation.Result r = LemmaQueryEvaluation.run(fixture(), "ru");
        assertEquals(12, r.tokens());
        assertEquals(5, r.ours().all().lemmas());
        assertEquals(5, r.baseline().all().lemmas());
        // our dictionary knows that псом is a form of пёс, not собака, so that lemma scores 0 for both
        assertTrue(r.ours().all().macroF1() > r.baseline().all().macroF1());
    }

    @Test
    void languageFromFileName() {
        assertEquals("uk", LemmaQueryEvaluation.languageFromFileName(Path.of("x/uk_iu-ud-dev.conllu")));
        assertEquals("ru", LemmaQueryEvaluation.languageFromFileName(Path.of("ru_gsd-ud-dev.conllu")));
        assertEquals(null, LemmaQueryEvaluation.languageFromFileName(Path.of("dev.conllu")));
    }

    @Test
    void badInputNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.conllu");
        Files.writeString(bad, "# comment\n1\tКот\tкот\tNOUN\t_\t_\t_\t_\t_\t_\nоops no tabs here\n");
        UserException e = assertThrows(UserException.class, () -> LemmaQueryEvaluation.read(bad));
        assertTrue(e.getMessage().contains("bad.conllu:3"), e.getMessage());
        UserException missing = assertThrows(UserException.class, () -> LemmaQueryEvaluation.read(dir.resolve("none.conllu")));
        assertTrue(missing.getMessage().contains("none.conllu"), missing.getMessage());
    }
}
