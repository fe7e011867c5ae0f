package org.narrativewatch.explain.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.narrativewatch.SharedData;
import org.narrativewatch.UserException;

/** eval-names: exact counts on a file written here; above the baseline on the real UD dev sets (skipped without ../shared). */
class NameEvaluationTest {

    @TempDir
    Path tmp;

    static final String CONLLU = """
# text = Путин прилетел в Москву.
1	Путин	Путин	PROPN	_	_	0	dep	_	_
2	прилетел	прилететь	VERB	_	_	0	dep	_	_
3	в	в	ADP	_	_	0	dep	_	_
4	Москву	Москва	PROPN	_	_	0	dep	_	SpaceAfter=No
5	.	.	PUNCT	_	_	0	dep	_	_

# text = Вчера Песков сказал, что Кремль ответит.
1	Вчера	вчера	ADV	_	_	0	dep	_	_
2	Песков	Песков	PROPN	_	_	0	dep	_	SpaceAfter=No
3	,	,	PUNCT	_	_	0	dep	_	_
4	сказал	сказать	VERB	_	_	0	dep	_	_
5	что	что	SCONJ	_	_	0	dep	_	_
6	Кремль	Кремль	PROPN	_	_	0	dep	_	_
7	ответит	ответить	VERB	_	_	0	dep	_	SpaceAfter=No
8	.	.	PUNCT	_	_	0	dep	_	_

# text = Вы знаете, что Он вернётся?
1	Вы	вы	PRON	_	_	0	dep	_	_
2	знаете	знать	VERB	_	_	0	dep	_	SpaceAfter=No
3	,	,	PUNCT	_	_	0	dep	_	_
4	что	что	SCONJ	_	_	0	dep	_	_
5	Он	он	PRON	_	_	0	dep	_	_
6	вернётся	вернуться	VERB	_	_	0	dep	_	SpaceAfter=No
7	?	?	PUNCT	_	_	0	dep	_	_

""";

    @Test
    void countsOnAKnownFile() throws Exception {
        Path f = tmp.resolve("ru_test.conllu");
        Files.writeString(f, CONLLU);
        assertEquals("ru", NameEvaluation.languageFromFileName(f));
        NameEvaluation.Result r = NameEvaluation.run(f, "ru", NameTagger.create());
        assertEquals(3, r.sentences());
        assertEquals(15, r.words());
        assertEquals(4, r.propn());
        // the tagger: Путин (a surname reading, first in its sentence), Москву, Песков, Кремль; not the pronoun Он
        assertEquals(new NameEvaluation.Scores(4, 4, 4), r.tagger().tokens());
        assertEquals(new NameEvaluation.Scores(4, 4, 4), r.tagger().lemmas());
        // the baseline: misses Путин (sentence-initial), takes Он
        assertEquals(new NameEvaluation.Scores(3, 4, 4), r.baseline().tokens());
        assertEquals(new NameEvaluation.Scores(3, 4, 4), r.baseline().lemmas());
        assertEquals(0.75, r.baseline().tokens().precision(), 1e-12);
        assertEquals(0.75, r.baseline().tokens().f1(), 1e-12);
    }

    @Test
    void badFilesSayWhere() throws Exception {
        Path f = tmp.resolve("bad.conllu");
        Files.writeString(f, "1\tПутин\tПутин\n");
        UserException e = assertThrows(UserException.class, () -> NameEvaluation.run(f, "ru", NameTagger.create()));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertThrows(UserException.class, () -> NameEvaluation.run(tmp.resolve("none.conllu"), "ru", NameTagger.create()));
    }

    @ParameterizedTest
    @CsvSource({"data/ud/UD_Russian-GSD/ru_gsd-ud-dev.conllu,ru", "data/ud/UD_Russian-Taiga/ru_taiga-ud-dev.conllu,ru",
            "data/ud/UD_Ukrainian-IU/uk_iu-ud-dev.conllu,uk"})
    void aboveTheCapitalisationBaselineOnUdDevSets(String file, String lang) {
        Path p = SharedData.require(file);
        NameEvaluation.Result r = NameEvaluation.run(p, lang, NameTagger.create());
        String summary = file + ": tagger " + r.tagger() + " baseline " + r.baseline();
        assertTrue(r.tagger().tokens().f1() > r.baseline().tokens().f1(), summary);
        assertTrue(r.tagger().lemmas().f1() > r.baseline().lemmas().f1(), summary);
        assertTrue(r.tagger().tokens().precision() > r.baseline().tokens().precision(), summary);
    }
}
