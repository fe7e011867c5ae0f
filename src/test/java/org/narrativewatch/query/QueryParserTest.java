package org.narrativewatch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.narrativewatch.UserException;
import org.narrativewatch.query.QueryNode.All;
import org.narrativewatch.query.QueryNode.And;
import org.narrativewatch.query.QueryNode.DateRange;
import org.narrativewatch.query.QueryNode.Exact;
import org.narrativewatch.query.QueryNode.Filter;
import org.narrativewatch.query.QueryNode.Near;
import org.narrativewatch.query.QueryNode.Not;
import org.narrativewatch.query.QueryNode.Or;
import org.narrativewatch.query.QueryNode.Phrase;
import org.narrativewatch.query.QueryNode.Prefix;
import org.narrativewatch.query.QueryNode.Word;

class QueryParserTest {

    private static Word w(String s) {
        return new Word(s, QueryNode.BODY);
    }

    @Test
    void andBindsTighterThanOr() {
        assertEquals(new Or(List.of(new And(List.of(w("a"), w("b"))), w("c"))), QueryParser.parse("a AND b OR c"));
        assertEquals(new And(List.of(w("путин"), new Or(List.of(w("денацификация"), w("демилитаризация"))))),
                QueryParser.parse("путин AND (денацификация OR демилитаризация)"));
    }

    @Test
    void adjacentClausesAreAnded() {
        assertEquals(new And(List.of(w("a"), w("b"), new Not(w("c")))), QueryParser.parse("a b -c"));
        assertEquals(new And(List.of(w("a"), new Not(w("c")))), QueryParser.parse("a NOT c"));
    }

    @Test
    void notAloneMeansEverythingBut() {
        assertEquals(new And(List.of(new All(), new Not(w("a")))), QueryParser.parse("NOT a"));
    }

    @Test
    void hyphenInsideAWordIsNotNegation() {
        assertEquals(w("Нью-Йорк"), QueryParser.parse("Нью-Йорк"));
    }

    @Test
    void phrasesExactFormsAndPrefixes() {
        assertEquals(new Phrase(List.of(w("мирные"), new Exact("переговоры", QueryNode.BODY)), QueryNode.BODY),
                QueryParser.parse("\"мирные =переговоры\""));
        assertEquals(new Exact("Путина", QueryNode.BODY), QueryParser.parse("=Путина"));
        assertEquals(new Prefix("перегов", QueryNode.BODY), QueryParser.parse("перегов*"));
        assertEquals(new Phrase(List.of(w("мирный"), w("план")), QueryNode.BODY), QueryParser.parse("«мирный план»"));
    }

    @Test
    void nearAndOrderedNear() {
        assertEquals(new Near(List.of(w("переговоры"), w("Стамбул")), 5, false),
                QueryParser.parse("переговоры NEAR/5 Стамбул"));
        assertEquals(new Near(List.of(new Near(List.of(w("a"), w("b")), 2, true), w("c")), 3, false),
                QueryParser.parse("a ONEAR/2 b NEAR/3 c"));
        assertEquals(new Near(List.of(new Or(List.of(w("a"), w("b"))), w("c")), 1, false),
                QueryParser.parse("(a OR b) NEAR/1 c"));
    }

    @Test
    void fields() {
        assertEquals(new And(List.of(new Word("путин", QueryNode.TITLE), new Filter("outlet", "1tv.ru"),
                new Filter("lang", "ru"))), QueryParser.parse("title:путин outlet:1tv.ru lang:ru"));
        assertEquals(new Or(List.of(new Word("a", QueryNode.TITLE), new Phrase(List.of(new Word("b", QueryNode.TITLE),
                new Word("c", QueryNode.TITLE)), QueryNode.TITLE))), QueryParser.parse("title:(a OR \"b c\")"));
        assertEquals(new Filter("outlet", "telegram:Naked Science"), QueryParser.parse("outlet:\"telegram:Naked Science\""));
        assertEquals(new DateRange(LocalDate.of(2022, 2, 24), null), QueryParser.parse("date:2022-02-24.."));
        assertEquals(new DateRange(LocalDate.of(2022, 2, 24), LocalDate.of(2022, 2, 24)), QueryParser.parse("date:2022-02-24"));
    }

    @Test
    void lowerCaseOperatorsAreWords() {
        assertEquals(new And(List.of(w("war"), w("and"), w("peace"))), QueryParser.parse("war and peace"));
    }

    @Test
    void errorsSayWhere() {
        assertError("путин AND (", 12, "ends too early");
        assertError("a OR", 3, "OR needs a clause");
        assertError("(a b", 5, "expected ')'");
        assertError("a b)", 4, "unmatched ')'");
        assertError("\"open phrase", 1, "unclosed quote");
        assertError("a NEAR/x b", 3, "NEAR/ needs a number");
        assertError("a NEAR/3 outlet:x", 10, "not a outlet: filter");
        assertError("п*", 1, "at least 2 letters");
        assertError("date:2022-13-01", 6, "YYYY-MM-DD");
        assertError("  ", 1, "empty");
    }

    private static void assertError(String q, int column, String fragment) {
        UserException e = assertThrows(UserException.class, () -> QueryParser.parse(q), q);
        if (fragment != null) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
        if (!q.isBlank()) {
            assertTrue(e.getMessage().startsWith("query error at column " + column + ":"), e.getMessage());
        }
    }

    @Test
    void unknownFieldIsAnErrorNotAWord() {
        // "foo:bar" used to become the words foo OR bar: now the column of the field is named
        assertError("foo:bar", 1, "unknown field 'foo:'");
        assertError("путин text:трамп", 7, "unknown field 'text:'");
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> QueryParser.parse("путин text:трамп"));
        assertEquals(7, e.column());
        assertEquals(6, e.offset());
        assertEquals("text", e.token());
    }

    @Test
    void nothingIsSilentlyReinterpreted() {
        assertError("путин,трамп", 6, "would split it in two");
        assertError("путин^2", 6, "boosts");
        assertError("путин/2", 6, "'/'");
        assertError("?утин", 1, "wildcards");
        assertError("пу*тин", 3, "only at the end");
        assertError("путин~", 6, "NEAR/n");
        assertError("[a TO b]", 1, "ranges");
        assertError("+путин", 1, "every word is required");
        assertError("#СВО", 1, "search the word itself");
        assertError("near/5", 5, "capitals: NEAR/5");
        assertError("путин-", 6, "must join two parts");
        assertError("10:30", 3, "':' inside a word");
        assertError("путин - трамп", 7, "must join two parts");
        // what Lucene users would expect instead of an error
        assertEquals(new Prefix("Путин", QueryNode.BODY), QueryParser.parse("=Путин*"));
        assertEquals(w("путин"), QueryParser.parse("NOT NOT путин"));
        assertEquals(new And(List.of(new All(), new Not(w("путин")))), QueryParser.parse("!путин"));
        assertEquals(new Phrase(List.of(w("Путин"), w("Трамп")), QueryNode.BODY), QueryParser.parse("\"Путин, Трамп\""));
        assertEquals(new Phrase(List.of(new Prefix("перегов", QueryNode.BODY), w("в"), w("стамбуле")), QueryNode.BODY),
                QueryParser.parse("\"перегов* в стамбуле\""));
        assertEquals(new Filter("outlet", "telegram:rian_ru"), QueryParser.parse("outlet:telegram:rian_ru"));
        assertEquals(w("северо-западный"), QueryParser.parse("северо-западный"));
        assertEquals(w("В."), QueryParser.parse("В."));
        // an invisible character inside a word is no error: the analysis drops it
        assertEquals(w("пу\u200Bтин"), QueryParser.parse("пу\u200Bтин"));
    }

    @Test
    void limitsAreParseErrorsWithTheColumn() {
        QuerySyntaxException deep = assertThrows(QuerySyntaxException.class,
                () -> QueryParser.parse("(".repeat(10_000) + "a" + ")".repeat(10_000)));
        assertEquals(QueryParser.MAX_DEPTH + 1, deep.column());
        assertThrows(QuerySyntaxException.class, () -> QueryParser.parse("NOT ".repeat(10_000) + "a"));
        String many = String.join(" OR ", java.util.Collections.nCopies(5_000, "путин"));
        QuerySyntaxException wide = assertThrows(QuerySyntaxException.class, () -> QueryParser.parse(many));
        assertEquals(QueryParser.MAX_TERMS * "путин OR ".length() + 1, wide.column(), wide.getMessage());
        assertTrue(wide.getMessage().contains("more than " + QueryParser.MAX_TERMS + " words"));
        QueryParser.parse(String.join(" ", java.util.Collections.nCopies(QueryParser.MAX_TERMS, "a")));
    }

    @Test
    void columnsCountCharactersNotUtf16Units() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> QueryParser.parse("outlet:\uD83D\uDD25 путин,трамп"));
        assertEquals(15, e.column(), "the emoji is one character");
        assertEquals(15, e.offset(), "and two UTF-16 units");
        assertEquals(",", e.token());
    }
}
