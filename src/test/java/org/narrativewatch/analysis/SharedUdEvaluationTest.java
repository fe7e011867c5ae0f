package org.narrativewatch.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.narrativewatch.SharedData;
import org.narrativewatch.analysis.LemmaQueryEvaluation.Result;

/** The target of issue 2 on the real UD dev sets (skipped when ../shared is absent). */
class SharedUdEvaluationTest {

    @ParameterizedTest
    @ValueSource(strings = {"data/ud/UD_Russian-GSD/ru_gsd-ud-dev.conllu", "data/ud/UD_Russian-Taiga/ru_taiga-ud-dev.conllu"})
    void russianDevSetsMeetTheTarget(String file) {
        Path p = SharedData.require(file);
        Result r = LemmaQueryEvaluation.run(p, "ru");
        String summary = file + ": ours " + r.ours() + " baseline " + r.baseline();
        assertTrue(r.ours().all().macroF1() >= 0.95, summary);
        assertTrue(r.ours().all().macroF1() > r.baseline().all().macroF1(), summary);
        assertTrue(r.ours().all().microF1() > r.baseline().all().microF1(), summary);
        assertTrue(r.ours().propn().macroF1() > r.baseline().propn().macroF1(), summary);
        assertTrue(r.ours().propn().microF1() > r.baseline().propn().microF1(), summary);
    }

    @ParameterizedTest
    @ValueSource(strings = {"data/ud/UD_Ukrainian-IU/uk_iu-ud-dev.conllu"})
    void ukrainianBeatsTheExactFormBaseline(String file) {
        Path p = SharedData.require(file);
        Result r = LemmaQueryEvaluation.run(p, "uk");
        String summary = file + ": ours " + r.ours() + " baseline " + r.baseline();
        assertTrue(r.ours().all().macroF1() >= 0.9, summary);
        assertTrue(r.ours().propn().macroF1() > r.baseline().propn().macroF1(), summary);
    }
}
