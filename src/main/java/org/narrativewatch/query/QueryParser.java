package org.narrativewatch.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

/**
 * Recursive-descent parser for the query language (docs/query-language.md). Written by hand: the
 * language is small, and Lucene's classic parser has neither NEAR/ONEAR nor our exact-form and
 * filter syntax, and it would tie the AST to one engine.
 *
 * <pre>
 * or      := and ( OR and )*
 * and     := unary ( [AND] unary )*          adjacent clauses are AND-ed
 * unary   := (NOT | -) unary | near
 * near    := primary ( (NEAR/n | ONEAR/n) primary )*
 * primary := ( or ) | "phrase" | title:(...) | title:word | outlet:v | group:v | lang:v | date:A..B | term
 * term    := =form | prefix* | word | *
 * </pre>
 * Errors are {@link UserException}s naming the column (1-based) where the problem is.
 */
public final class QueryParser {

    static final int MAX_NEAR = 1000;
    private static final Set<String> FILTERS = Set.of("outlet", "group", "lang");

    private final String text;
    private final List<Token> tokens;
    private int pos;

    private QueryParser(String text) {
        this.text = text;
        this.tokens = lex(text);
    }

    public static QueryNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UserException("query error: the query is empty");
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
            if (!startsClause(peek()) || peek().kind == Kind.NOT) {
                throw error(t, "NOT needs a clause after it");
            }
            return new Not(parseUnary());
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
            QueryNode right = parsePrimary();
            checkProximityPart(left, op);
            checkProximityPart(right, op);
            left = new Near(List.of(left, right), op.distance, op.ordered);
        }
        return left;
    }

    private void checkProximityPart(QueryNode n, Token op) {
        if (!isPositional(n)) {
            throw error(op, op.text + " joins words, phrases, prefixes or OR-groups of them, not " + describe(n));
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
                if (peek().kind == Kind.RPAREN) {
                    throw error(peek(), "empty parentheses");
                }
                QueryNode inner = parseOr();
                if (peek().kind != Kind.RPAREN) {
                    throw error(peek(), "expected ')' to close the '(' at column " + (t.start + 1));
                }
                next();
                return inner;
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

    private QueryNode fieldClause(Token f) {
        String field = f.text.toLowerCase(Locale.ROOT);
        Token v = peek();
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
                QueryNode inner = parseOr();
                if (peek().kind != Kind.RPAREN) {
                    throw error(peek(), "expected ')' to close the '(' at column " + (v.start + 1));
                }
                next();
                return onTitle(inner);
            }
            throw error(v, "title: needs a word, a \"phrase\" or a (group)");
        }
        if (v.kind != Kind.WORD && v.kind != Kind.PHRASE) {
            throw error(v, field + ": needs a value");
        }
        next();
        if (field.equals("date")) {
            return dateRange(v);
        }
        if (FILTERS.contains(field)) {
            return new Filter(field, v.text);
        }
        throw error(f, "unknown field '" + f.text + ":' (fields: title, outlet, group, lang, date)");
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

    private QueryNode phrase(Token t, String field) {
        List<QueryNode> parts = new ArrayList<>();
        for (String w : t.text.trim().split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (w.startsWith("=") && w.length() > 1) {
                parts.add(new Exact(w.substring(1), field));
            } else {
                parts.add(new Word(w, field));
            }
        }
        if (parts.isEmpty()) {
            throw error(t, "empty phrase");
        }
        return parts.size() == 1 ? parts.get(0) : new Phrase(parts, field);
    }

    private QueryNode term(Token t, String field) {
        String w = t.text;
        if (w.equals("*")) {
            return new All();
        }
        if (w.startsWith("=")) {
            if (w.length() == 1) {
                throw error(t, "'=' needs a word form after it");
            }
            return new Exact(w.substring(1), field);
        }
        if (w.endsWith("*")) {
            String p = w.substring(0, w.length() - 1);
            if (p.contains("*")) {
                throw error(t, "'*' is allowed only at the end of a word");
            }
            if (p.codePointCount(0, p.length()) < 2) {
                throw error(t, "a prefix needs at least 2 letters before '*'");
            }
            return new Prefix(p, field);
        }
        if (w.contains("*")) {
            throw error(t, "'*' is allowed only at the end of a word");
        }
        return new Word(w, field);
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

    private UserException error(Token t, String message) {
        return new UserException("query error at column " + (t.start + 1) + ": " + message + "\n  " + text + "\n  "
                + " ".repeat(Math.max(0, t.start)) + "^");
    }

    // ---- lexer ---------------------------------------------------------------------------------

    private enum Kind { WORD, PHRASE, FIELD, LPAREN, RPAREN, AND, OR, NOT, NEAR, END }

    private record Token(Kind kind, String text, int start, int distance, boolean ordered) {
        Token(Kind kind, String text, int start) {
            this(kind, text, start, 0, false);
        }
    }

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
            } else if (c == '"' || c == '«' || c == '“') {
                char close = c == '"' ? '"' : c == '«' ? '»' : '”';
                int end = s.indexOf(close, i + 1);
                if (end < 0) {
                    throw lexError(i, "unclosed quote");
                }
                out.add(new Token(Kind.PHRASE, s.substring(i + 1, end), i));
                i = end + 1;
            } else if (c == '-' && i + 1 < n && !Character.isWhitespace(s.charAt(i + 1))
                    && (out.isEmpty() || i == 0 || Character.isWhitespace(s.charAt(i - 1)) || s.charAt(i - 1) == '(')) {
                out.add(new Token(Kind.NOT, "-", i++));
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(s.charAt(i)) && "()\"«“".indexOf(s.charAt(i)) < 0) {
                    if (s.charAt(i) == ':' && fieldName(s.substring(start, i))) {
                        break;
                    }
                    i++;
                }
                String w = s.substring(start, i);
                if (i < n && s.charAt(i) == ':' && fieldName(w)) {
                    out.add(new Token(Kind.FIELD, w, start));
                    i++;
                    continue;
                }
                out.add(word(w, start));
            }
        }
        out.add(new Token(Kind.END, "", n));
        return out;
    }

    private static boolean fieldName(String w) {
        String f = w.toLowerCase(Locale.ROOT);
        return f.equals("title") || f.equals("date") || FILTERS.contains(f);
    }

    private Token word(String w, int start) {
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
                throw lexError(start, w.substring(0, w.indexOf('/')) + "/ needs a number of words, e.g. NEAR/5");
            }
            if (d < 0 || d > MAX_NEAR) {
                throw lexError(start, "NEAR distance must be between 0 and " + MAX_NEAR);
            }
            return new Token(Kind.NEAR, w, start, d, ordered);
        }
        if (w.equals("NEAR") || w.equals("ONEAR")) {
            return new Token(Kind.NEAR, w, start, 5, w.equals("ONEAR"));
        }
        return new Token(Kind.WORD, w, start);
    }

    private UserException lexError(int at, String message) {
        return new UserException("query error at column " + (at + 1) + ": " + message + "\n  " + text + "\n  "
                + " ".repeat(at) + "^");
    }
}
