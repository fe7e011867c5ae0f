package org.narrativewatch.query;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.narrativewatch.analysis.WordTokenizer;
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

/**
 * Recursive-descent parser for the query language (docs/query-language.md). Written by hand: the
 * language is small, and Lucene's classic parser has neither NEAR/ONEAR nor our exact-form and
 * filter syntax, and it would tie the AST to one engine.
 *
 * <pre>
 * or      := and ( OR and )*
 * and     := unary ( [AND] unary )*          adjacent clauses are AND-ed
 * unary   := (NOT | - | !) unary | near
 * near    := primary ( (NEAR/n | ONEAR/n) primary )*
 * primary := ( or ) | "phrase" | title:(...) | title:word | outlet:v | group:v | lang:v | date:A..B | term
 * term    := =form | prefix* | =prefix* | word | *
 * </pre>
 *
 * <p>The language is strict: nothing is silently reinterpreted. A word is one word as the index
 * reads it (letters, digits, and a hyphen or apostrophe between them); any other character in it
 * (punctuation, Lucene's {@code ^ ~ ? [ ] \ /}, an unknown {@code field:}) is an error naming its
 * column, with what to write instead. Quoted phrases are read like text: their punctuation separates
 * words. Errors are {@link QuerySyntaxException}s.
 *
 * <p>Limits, so that no query can exhaust the stack or the engine's clause count: at most
 * {@value #MAX_DEPTH} nested groups (parentheses, NOT, title:(…)) and {@value #MAX_TERMS} words
 * (prefixes and the words of phrases included) per query.
 */
public final class QueryParser {

    static final int MAX_NEAR = 1000;
    /** Nested parentheses, NOT and title:( … ) groups allowed in one query. */
    public static final int MAX_DEPTH = 32;
    /** Words, exact forms, prefixes and words of phrases allowed in one query. */
    public static final int MAX_TERMS = 1000;
    private static final Set<String> FILTERS = Set.of("outlet", "group", "lang");
    private static final String FIELD_LIST = "title, outlet, group, lang, date";

    private final String text;
    private final List<Token> tokens;
    private int pos;
    private int depth;
    private int terms;

    private QueryParser(String text) {
        this.text = text;
        this.tokens = lex(text);
    }

    public static QueryNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new QuerySyntaxException(text == null ? "" : text, 0, "", "the query is empty");
        }
        QueryParser p = new QueryParser(text);
        QueryNode n = p.parseOr();
        if (p.peek().kind != Kind.END) {
            Token t = p.peek();
            throw p.error(t, t.kind == Kind.RPAREN ? "unmatched ')'" : "unexpected '" + t.text + "'");
        }
        return n;
    }

    // ---- grammar -------------------------------------------------------------------------------

    private QueryNode parseOr() {
        List<QueryNode> parts = new ArrayList<>();
        parts.add(parseAnd());
        while (peek().kind == Kind.OR) {
            Token op = next();
            if (startsClause(peek())) {
                parts.add(parseAnd());
            } else {
                throw error(op, "OR needs a clause after it");
            }
        }
        return parts.size() == 1 ? parts.get(0) : new Or(parts);
    }

    private QueryNode parseAnd() {
        List<QueryNode> parts = new ArrayList<>();
        parts.add(parseUnary());
        while (true) {
            Token t = peek();
            if (t.kind == Kind.AND) {
                next();
                if (!startsClause(peek())) {
                    throw error(t, "AND needs a clause after it");
                }
                parts.add(parseUnary());
            } else if (startsClause(t)) {
                parts.add(parseUnary());
            } else {
                break;
            }
        }
        if (parts.stream().allMatch(p -> p instanceof Not)) {
            // "NOT x" alone means everything but x
            parts.add(0, new All());
        }
        return parts.size() == 1 ? parts.get(0) : new And(parts);
    }

    private QueryNode parseUnary() {
        Token t = peek();
        if (t.kind == Kind.NOT) {
            next();
            if (!startsClause(peek())) {
                throw error(t, t.text + " needs a clause after it");
            }
            enter(t);
            QueryNode inner = parseUnary();
            depth--;
            // NOT NOT x is x
            return inner instanceof Not n ? n.part() : new Not(inner);
        }
        return parseNear();
    }

    private QueryNode parseNear() {
        QueryNode left = parsePrimary();
        while (peek().kind == Kind.NEAR) {
            Token op = next();
            if (!startsClause(peek())) {
                throw error(op, op.text + " needs a word after it");
            }
            Token at = peek();
            QueryNode right = parsePrimary();
            checkProximityPart(left, op);
            checkProximityPart(right, at);
            left = new Near(List.of(left, right), op.distance, op.ordered);
        }
        return left;
    }

    private void checkProximityPart(QueryNode n, Token at) {
        if (!isPositional(n)) {
            throw error(at, "NEAR joins words, phrases, prefixes or OR-groups of them, not " + describe(n));
        }
    }

    /** Nodes that have positions in the text, so NEAR can measure the distance between them. */
    static boolean isPositional(QueryNode n) {
        if (n instanceof Or or) {
            return or.parts().stream().allMatch(QueryParser::isPositional);
        }
        return n instanceof Word || n instanceof Exact || n instanceof Prefix || n instanceof Phrase
                || n instanceof Near;
    }

    private static String describe(QueryNode n) {
        if (n instanceof And) {
            return "an AND-group";
        } else if (n instanceof Not) {
            return "a NOT clause";
        } else if (n instanceof Filter f) {
            return "a " + f.field() + ": filter";
        } else if (n instanceof DateRange) {
            return "a date: range";
        }
        return "'*'";
    }

    private QueryNode parsePrimary() {
        Token t = next();
        switch (t.kind) {
            case LPAREN -> {
                return group(t);
            }
            case PHRASE -> {
                return phrase(t, QueryNode.BODY);
            }
            case FIELD -> {
                return fieldClause(t);
            }
            case WORD -> {
                return term(t, QueryNode.BODY);
            }
            case END -> throw error(t, "the query ends too early");
            default -> throw error(t, "unexpected '" + t.text + "'");
        }
    }

    /** After '(': the group and its ')'. */
    private QueryNode group(Token open) {
        if (peek().kind == Kind.RPAREN) {
            throw error(peek(), "empty parentheses");
        }
        enter(open);
        QueryNode inner = parseOr();
        if (peek().kind != Kind.RPAREN) {
            throw error(peek(), "expected ')' to close the '(' at column " + column(open));
        }
        next();
        depth--;
        return inner;
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw error(t, "groups are nested more than " + MAX_DEPTH + " deep (parentheses, NOT and title:( ) count)");
        }
    }

    private QueryNode fieldClause(Token f) {
        String field = f.text.toLowerCase(Locale.ROOT);
        Token v = peek();
        if (!field.equals("title") && !field.equals("date") && !FILTERS.contains(field)) {
            String hint = field.equals("text") || field.equals("body")
                    ? "; a word without a field already searches the title and the text"
                    : "; to search for words with a colon, put them in quotes";
            throw error(f, "unknown field '" + f.text + ":' (fields: " + FIELD_LIST + ")" + hint);
        }
        if (field.equals("title")) {
            if (v.kind == Kind.PHRASE) {
                next();
                return phrase(v, QueryNode.TITLE);
            }
            if (v.kind == Kind.WORD) {
                next();
                return term(v, QueryNode.TITLE);
            }
            if (v.kind == Kind.LPAREN) {
                next();
                return onTitle(group(v));
            }
            throw error(v, "title: needs a word, a \"phrase\" or a (group) right after the colon");
        }
        if (v.kind != Kind.WORD && v.kind != Kind.PHRASE) {
            throw error(v, field + ": needs a value right after the colon");
        }
        next();
        if (field.equals("date")) {
            return dateRange(v);
        }
        return new Filter(field, v.text);
    }

    /** Moves every text node of a parenthesised group onto the title field. */
    private static QueryNode onTitle(QueryNode n) {
        if (n instanceof Word w) {
            return new Word(w.text(), QueryNode.TITLE);
        } else if (n instanceof Exact e) {
            return new Exact(e.text(), QueryNode.TITLE);
        } else if (n instanceof Prefix p) {
            return new Prefix(p.prefix(), QueryNode.TITLE);
        } else if (n instanceof Phrase p) {
            return new Phrase(p.parts().stream().map(QueryParser::onTitle).toList(), QueryNode.TITLE);
        } else if (n instanceof Near nn) {
            return new Near(nn.parts().stream().map(QueryParser::onTitle).toList(), nn.distance(), nn.ordered());
        } else if (n instanceof And a) {
            return new And(a.parts().stream().map(QueryParser::onTitle).toList());
        } else if (n instanceof Or o) {
            return new Or(o.parts().stream().map(QueryParser::onTitle).toList());
        } else if (n instanceof Not x) {
            return new Not(onTitle(x.part()));
        }
        return n;
    }

    private QueryNode dateRange(Token v) {
        String s = v.text;
        int dots = s.indexOf("..");
        try {
            if (dots < 0) {
                LocalDate d = LocalDate.parse(s);
                return new DateRange(d, d);
            }
            String a = s.substring(0, dots);
            String b = s.substring(dots + 2);
            LocalDate from = a.isEmpty() ? null : LocalDate.parse(a);
            LocalDate to = b.isEmpty() ? null : LocalDate.parse(b);
            if (from != null && to != null && to.isBefore(from)) {
                throw error(v, "date range ends before it starts");
            }
            return new DateRange(from, to);
        } catch (DateTimeParseException e) {
            throw error(v, "date: takes YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD (either end may be left open), not '" + s + "'");
        }
    }

    /**
     * A quoted phrase: its words as the index tokenizer reads them (punctuation between them is
     * skipped, as in the text); a word written {@code =form} is that exact form, {@code перегов*} a
     * prefix.
     */
    private QueryNode phrase(Token t, String field) {
        List<QueryNode> parts = new ArrayList<>();
        int base = t.start + 1;
        String body = t.text;
        int i = 0;
        while (i < body.length()) {
            if (Character.isWhitespace(body.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < body.length() && !Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            String chunk = body.substring(start, i);
            boolean exact = chunk.startsWith("=");
            boolean prefix = chunk.endsWith("*");
            String core = chunk.substring(exact ? 1 : 0, Math.max(exact ? 1 : 0, chunk.length() - (prefix ? 1 : 0)));
            int coreStart = base + start + (exact ? 1 : 0);
            int wild = firstOf(core, "*?");
            if (wild >= 0) {
                throw error(coreStart + wild, String.valueOf(core.charAt(wild)), core.charAt(wild) == '?'
                        ? "wildcards ('?') are not supported, only '*' at the end of a word"
                        : "'*' is allowed only at the end of a word");
            }
            List<String> words = words(core);
            if (prefix) {
                if (words.size() != 1 || !words.get(0).equals(core)) {
                    throw error(base + start, chunk, "a prefix in a phrase is one word followed by '*'");
                }
                parts.add(prefixNode(core, field, base + start, chunk));
                continue;
            }
            for (String w : words) {
                count(base + start, chunk);
                parts.add(exact ? new Exact(w, field) : new Word(w, field));
            }
        }
        if (parts.isEmpty()) {
            throw error(t, "the phrase has no words");
        }
        return parts.size() == 1 ? parts.get(0) : new Phrase(parts, field);
    }

    private QueryNode term(Token t, String field) {
        String w = t.text;
        if (w.equals("*")) {
            return new All();
        }
        boolean exact = w.startsWith("=");
        boolean prefix = w.endsWith("*");
        String core = w.substring(exact ? 1 : 0, Math.max(exact ? 1 : 0, w.length() - (prefix ? 1 : 0)));
        int coreStart = t.start + (exact ? 1 : 0);
        if (core.isEmpty()) {
            throw error(t, exact ? "'=' needs a word form after it" : "'*' needs letters before it");
        }
        checkWord(core, coreStart);
        if (prefix) {
            // =перегов* is the same as перегов*: a prefix always matches exact word forms
            return prefixNode(core, field, t.start, w);
        }
        count(t.start, w);
        return exact ? new Exact(core, field) : new Word(core, field);
    }

    private QueryNode prefixNode(String core, String field, int at, String token) {
        if (core.codePointCount(0, core.length()) < 2) {
            throw error(at, token, "a prefix needs at least 2 letters before '*'");
        }
        count(at, token);
        return new Prefix(core, field);
    }

    private void count(int at, String token) {
        if (++terms > MAX_TERMS) {
            throw error(at, token, "the query has more than " + MAX_TERMS + " words; split it into several queries");
        }
    }

    /**
     * Checks that {@code w} (at {@code start} in the query) is one word as the index reads it, and
     * says what to write instead when it is not.
     */
    private void checkWord(String w, int start) {
        int i = 0;
        int n = w.length();
        while (i < n) {
            int cp = w.codePointAt(i);
            int len = Character.charCount(cp);
            if (WordTokenizer.isWordChar(cp) || Character.getType(cp) == Character.FORMAT) {
                i += len;
                continue;
            }
            if (isJoiner(cp) && i > 0 && i + len < n && WordTokenizer.isWordChar(w.codePointBefore(i))
                    && WordTokenizer.isWordChar(w.codePointAt(i + len))) {
                i += len;
                continue;
            }
            if (cp == '.' && i == n - 1 && w.codePointCount(0, i) == 1 && Character.isUpperCase(w.codePointAt(0))) {
                return; // an initial: В.
            }
            throw error(start + i, new String(Character.toChars(cp)), badCharacter(cp, w, i));
        }
    }

    private static String badCharacter(int cp, String w, int i) {
        String c = "'" + new String(Character.toChars(cp)) + "'";
        switch (cp) {
            case '*':
                return "'*' is allowed only at the end of a word";
            case '?':
                return "wildcards ('?') are not supported, only '*' at the end of a word (путин*)";
            case '^':
                return "boosts ('^') are not supported: results are counted, not ranked";
            case '~':
                return "fuzzy and sloppy matches ('~') are not supported; for words near each other use NEAR/n";
            case '[': case ']': case '{': case '}':
                return "ranges are not supported; for dates use date:YYYY-MM-DD..YYYY-MM-DD";
            case '\\':
                return "escapes ('\\') are not supported; put words with punctuation in quotes";
            case ':':
                return "':' inside a word; fields are " + FIELD_LIST + "; put words with a colon in quotes";
            case '+':
                return "'+' is not needed: every word is required (AND) unless joined by OR";
            case '/':
                if (w.substring(0, i).equalsIgnoreCase("near") || w.substring(0, i).equalsIgnoreCase("onear")) {
                    return "operators are written in capitals: " + w.substring(0, i).toUpperCase(Locale.ROOT) + w.substring(i);
                }
                return "'/' inside a word would split it in two; use a space (AND), OR, or quotes for a phrase";
            case '#': case '@':
                return c + " is not part of a word in the index; search the word itself (СВО also finds #СВО)";
            case '-': case '\u2010': case '\u2011': case '\'': case '\u2019': case '\u2018': case '`':
                return c + " must join two parts of a word (северо-западный, м'ясо); a '-' before a word with a space in front means NOT";
            default:
                return c + " inside a word would split it in two; use a space (AND), OR, or quotes for a phrase";
        }
    }

    private static boolean isJoiner(int cp) {
        return cp == '-' || cp == '\u2010' || cp == '\u2011' || cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '`';
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The words of a piece of text as the index tokenizer reads them, as written. */
    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        try (WordTokenizer tok = new WordTokenizer()) {
            CharTermAttribute term = tok.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = tok.addAttribute(OffsetAttribute.class);
            tok.setReader(new StringReader(s));
            tok.reset();
            while (tok.incrementToken()) {
                out.add(s.substring(off.startOffset(), off.endOffset()));
            }
            tok.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean startsClause(Token t) {
        return switch (t.kind) {
            case WORD, PHRASE, LPAREN, FIELD, NOT -> true;
            default -> false;
        };
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind != Kind.END) {
            pos++;
        }
        return t;
    }

    private int column(Token t) {
        return text.codePointCount(0, t.start) + 1;
    }

    private QuerySyntaxException error(Token t, String message) {
        return new QuerySyntaxException(text, t.start, t.text, message);
    }

    private QuerySyntaxException error(int at, String token, String message) {
        return new QuerySyntaxException(text, at, token, message);
    }

    // ---- lexer ---------------------------------------------------------------------------------

    private enum Kind { WORD, PHRASE, FIELD, LPAREN, RPAREN, AND, OR, NOT, NEAR, END }

    private record Token(Kind kind, String text, int start, int distance, boolean ordered) {
        Token(Kind kind, String text, int start) {
            this(kind, text, start, 0, false);
        }
    }

    private static final String QUOTES = "\"«“„";
    private static final String CLOSING = "\"»”“";

    private List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", i++));
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", i++));
            } else if (QUOTES.indexOf(c) >= 0) {
                char close = CLOSING.charAt(QUOTES.indexOf(c));
                int end = s.indexOf(close, i + 1);
                if (end < 0) {
                    throw new QuerySyntaxException(s, i, String.valueOf(c), "unclosed quote");
                }
                out.add(new Token(Kind.PHRASE, s.substring(i + 1, end), i));
                i = end + 1;
            } else if ((c == '-' || c == '!') && i + 1 < n && !Character.isWhitespace(s.charAt(i + 1))
                    && (i == 0 || Character.isWhitespace(s.charAt(i - 1)) || s.charAt(i - 1) == '(')) {
                out.add(new Token(Kind.NOT, String.valueOf(c), i++));
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(s.charAt(i)) && "()".indexOf(s.charAt(i)) < 0
                        && QUOTES.indexOf(s.charAt(i)) < 0) {
                    if (s.charAt(i) == ':' && isFieldName(s.substring(start, i))) {
                        break;
                    }
                    i++;
                }
                if (i < n && s.charAt(i) == ':' && isFieldName(s.substring(start, i))) {
                    String name = s.substring(start, i);
                    out.add(new Token(Kind.FIELD, name, start));
                    i++;
                    if (!name.equalsIgnoreCase("title") && i < n && QUOTES.indexOf(s.charAt(i)) < 0) {
                        // a filter's value is taken as written (outlet:telegram:rian_ru, date:2022-02-24..)
                        int v = i;
                        while (i < n && !Character.isWhitespace(s.charAt(i)) && "()".indexOf(s.charAt(i)) < 0) {
                            i++;
                        }
                        if (i > v) {
                            out.add(new Token(Kind.WORD, s.substring(v, i), v));
                        }
                    }
                    continue;
                }
                out.add(word(s, s.substring(start, i), start));
            }
        }
        out.add(new Token(Kind.END, "", n));
        return out;
    }

    /** {@code name:} starts a field clause when the name is letters only (known or not: unknown ones are errors). */
    private static boolean isFieldName(String w) {
        if (w.isEmpty()) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static Token word(String query, String w, int start) {
        switch (w) {
            case "AND", "&&" -> {
                return new Token(Kind.AND, w, start);
            }
            case "OR", "||" -> {
                return new Token(Kind.OR, w, start);
            }
            case "NOT" -> {
                return new Token(Kind.NOT, w, start);
            }
            default -> { }
        }
        if (w.startsWith("NEAR/") || w.startsWith("ONEAR/")) {
            boolean ordered = w.startsWith("O");
            String num = w.substring(w.indexOf('/') + 1);
            int d;
            try {
                d = Integer.parseInt(num);
            } catch (NumberFormatException e) {
                throw new QuerySyntaxException(query, start, w,
                        w.substring(0, w.indexOf('/')) + "/ needs a number of words, e.g. NEAR/5");
            }
            if (d < 0 || d > MAX_NEAR) {
                throw new QuerySyntaxException(query, start, w, "NEAR distance must be between 0 and " + MAX_NEAR);
            }
            return new Token(Kind.NEAR, w, start, d, ordered);
        }
        if (w.equals("NEAR") || w.equals("ONEAR")) {
            return new Token(Kind.NEAR, w, start, 5, w.equals("ONEAR"));
        }
        return new Token(Kind.WORD, w, start);
    }
}
