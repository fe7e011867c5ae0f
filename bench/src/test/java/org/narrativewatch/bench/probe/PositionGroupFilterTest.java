package org.narrativewatch.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.narrativewatch.analysis.Analyzers;

/** What the probe's filter keeps of our Russian chain's output, word by word, at the chain's own positions. */
class PositionGroupFilterTest {

    private static final String TEXT = "Путина НАТО дрон-камикадзе переговорах";

    @Test
    void theWholeChainForReference() throws IOException {
        assertEquals(List.of("1:=путина", "1:ru:путин", "1:ru:путина", "2:=нато", "3:=дрон", "3:=дрон-камикадзе",
                "3:=камикадзе", "3:ru:дрон", "3:ru:дрон-камикадзе", "3:ru:камикадзе", "4:=переговорах", "4:ru:переговоры"),
                terms(null));
    }

    @Test
    void lemmasOnlyKeepAnExactFormOnlyForAWordWithoutLemma() throws IOException {
        assertEquals(List.of("1:ru:путин", "1:ru:путина", "2:=нато", "3:ru:дрон", "3:ru:дрон-камикадзе", "3:ru:камикадзе",
                "4:ru:переговоры"), terms(PositionGroupFilter.Keep.LEMMAS));
    }

    @Test
    void distinctFormsKeepAFormThatIsNoneOfItsWordsLemmas() throws IOException {
        // путина is also a lemma (a fishing season), дрон-камикадзе its own lemma; переговорах is no lemma
        assertEquals(List.of("1:ru:путин", "1:ru:путина", "2:=нато", "3:ru:дрон", "3:ru:дрон-камикадзе", "3:ru:камикадзе",
                "4:=переговорах", "4:ru:переговоры"), terms(PositionGroupFilter.Keep.DISTINCT_FORMS));
    }

    /** "position:term", sorted (the order within a position is not the index's concern). */
    private static List<String> terms(PositionGroupFilter.Keep keep) throws IOException {
        List<String> out = new ArrayList<>();
        TokenStream chain = Analyzers.index("ru").tokenStream("body", TEXT);
        try (TokenStream ts = keep == null ? chain : new PositionGroupFilter(chain, keep)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = 0;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(pos + ":" + t);
            }
            ts.end();
        }
        out.sort(null);
        return out;
    }
}
