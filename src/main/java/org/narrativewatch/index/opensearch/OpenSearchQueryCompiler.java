package org.narrativewatch.index.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.narrativewatch.UserException;
import org.narrativewatch.index.EmbeddedSemantics;
import org.narrativewatch.query.QueryNode;
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
 * Compiles the query AST to OpenSearch's query DSL, node for node as the embedded compiler builds
 * Lucene queries. The embedded engine answers phrases and NEAR with Lucene interval queries, and the
 * node runs the same Lucene version, so the DSL's {@code intervals} query is used rather than span
 * queries: it builds the same Lucene interval sources, so the matches are the same by construction.
 * <ul>
 *   <li>word, =exact, prefix*: the same terms (prefixes expanded with the same cap) in any layer;
 *   <li>"phrase": {@code all_of} ordered with {@code max_gaps: 0} (Lucene's {@code Intervals.phrase});
 *   <li>a ONEAR/n b: {@code all_of} ordered with {@code max_gaps: n}
 *       ({@code Intervals.maxgaps(n, Intervals.ordered(a, b))});
 *   <li>a NEAR/n b: Lucene's {@code unorderedNoOverlaps(a, b)} is {@code or(ordered(a, b), ordered(b, a))},
 *       and the DSL has no {@code max_gaps} around {@code any_of}, so the filter moves inside:
 *       {@code any_of[all_of(a, b), all_of(b, a)]}, both ordered with {@code max_gaps: n}. A document
 *       matches one form exactly when it matches the other (an interval of the union with at most n
 *       gaps is an interval of one side with at most n gaps);
 *   <li>AND/OR/NOT and field filters: {@code bool}; date ranges: a range on the {@code day} integer.
 * </ul>
 */
final class OpenSearchQueryCompiler {

    /** Where the compiler learns the index: how many layers a field has, and prefix expansions. */
    interface IndexView {
        int layers(String field) throws IOException;

        /** Every indexed term of {@code field} starting with {@code prefixTerm}, at most {@code limit}. */
        List<String> termsStartingWith(String field, String prefixTerm, int limit) throws IOException;
    }

    /** The analyzer (defined in the index settings) that keeps one encoded term as one token. */
    static final String TERM_ANALYZER = "nw_terms";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final IndexView index;

    OpenSearchQueryCompiler(IndexView index) {
        this.index = index;
    }

    /**
     * The node's clause limit ({@code indices.query.bool.max_clause_count}, 1024 unless the cluster
     * raised it). Every term of a word counts once per layer of its field, so a query that fits the
     * embedded engine can still be too big for the node; it is then refused here with a message
     * rather than by the node with an error.
     */
    static final int NODE_MAX_CLAUSES = 1024;

    private long clauses;

    /** The query for the node, or a {@link UserException} when it is over the limits. */
    ObjectNode compile(QueryNode n) throws IOException {
        EmbeddedSemantics.checkLimits(n);
        clauses = 0;
        ObjectNode out = build(n);
        if (clauses > NODE_MAX_CLAUSES) {
            throw new UserException("query error: on OpenSearch this query needs " + clauses + " clauses (each term counts once per "
                    + "term layer of the index), more than the cluster's indices.query.bool.max_clause_count of "
                    + NODE_MAX_CLAUSES + "; shorten the NEAR chain, use a longer prefix, or split the query");
        }
        return out;
    }

    private ObjectNode build(QueryNode n) throws IOException {
        if (n instanceof Word || n instanceof Exact || n instanceof Prefix) {
            String field = EmbeddedSemantics.field(n);
            List<String> terms = terms(n, field, false);
            if (terms.isEmpty()) {
                return obj("match_none", F.objectNode());
            }
            int layers = index.layers(field);
            clauses += Math.max(layers, 1);
            if (layers <= 1) {
                return termsQuery(TermLayers.layerField(field, 0), terms);
            }
            ArrayNode should = F.arrayNode();
            for (int l = 0; l < layers; l++) {
                should.add(termsQuery(TermLayers.layerField(field, l), terms));
            }
            ObjectNode bool = F.objectNode();
            bool.set("should", should);
            bool.put("minimum_should_match", 1);
            return obj("bool", bool);
        }
        if (n instanceof Phrase || n instanceof Near) {
            String field = EmbeddedSemantics.field(n);
            return obj("intervals", obj(TermLayers.layerField(field, 0), intervals(n, field)));
        }
        if (n instanceof And a) {
            ArrayNode must = F.arrayNode(), filter = F.arrayNode(), mustNot = F.arrayNode();
            for (QueryNode p : a.parts()) {
                if (p instanceof Not x) {
                    mustNot.add(build(x.part()));
                } else if (p instanceof Filter || p instanceof DateRange) {
                    filter.add(build(p));
                } else {
                    must.add(build(p));
                }
            }
            if (must.isEmpty() && filter.isEmpty()) {
                filter.add(obj("match_all", F.objectNode()));
            }
            ObjectNode bool = F.objectNode();
            setIfAny(bool, "must", must);
            setIfAny(bool, "filter", filter);
            setIfAny(bool, "must_not", mustNot);
            return obj("bool", bool);
        }
        if (n instanceof Or o) {
            ArrayNode should = F.arrayNode();
            for (QueryNode p : o.parts()) {
                should.add(build(p));
            }
            ObjectNode bool = F.objectNode();
            bool.set("should", should);
            bool.put("minimum_should_match", 1);
            return obj("bool", bool);
        }
        if (n instanceof Not x) {
            ObjectNode bool = F.objectNode();
            bool.set("filter", F.arrayNode().add(obj("match_all", F.objectNode())));
            bool.set("must_not", F.arrayNode().add(build(x.part())));
            return obj("bool", bool);
        }
        if (n instanceof Filter f) {
            String field = switch (f.field()) {
                case "outlet" -> OpenSearchEngine.OUTLET;
                case "group" -> OpenSearchEngine.GROUP;
                default -> OpenSearchEngine.LANG;
            };
            String value = f.field().equals("lang") ? f.value().toLowerCase(Locale.ROOT) : f.value();
            return obj("term", obj(field, F.textNode(value)));
        }
        if (n instanceof DateRange d) {
            ObjectNode range = F.objectNode();
            if (d.from() != null) {
                range.put("gte", d.from().toEpochDay());
            }
            if (d.to() != null) {
                range.put("lte", d.to().toEpochDay());
            }
            return obj("range", obj(OpenSearchEngine.DAY, range));
        }
        if (n instanceof All) {
            return obj("match_all", F.objectNode());
        }
        throw new IllegalStateException("unknown node " + n);
    }

    /** An intervals rule for a positional node within {@code field}. */
    private ObjectNode intervals(QueryNode n, String field) throws IOException {
        if (n instanceof Word || n instanceof Exact || n instanceof Prefix) {
            List<String> terms = terms(n, field, true);
            int layers = index.layers(field);
            List<ObjectNode> alts = new ArrayList<>();
            for (String t : terms) {
                for (int l = 0; l < Math.max(layers, 1); l++) {
                    alts.add(termRule(TermLayers.encode(t), field, l));
                }
            }
            if (alts.isEmpty()) {
                clauses++;
                return termRule(TermLayers.NO_TERM, field, 0);
            }
            clauses += alts.size();
            return anyOf(alts);
        }
        if (n instanceof Phrase p) {
            List<ObjectNode> parts = new ArrayList<>();
            for (QueryNode x : p.parts()) {
                parts.add(intervals(x, field));
            }
            return parts.size() == 1 ? parts.get(0) : allOf(parts, 0);
        }
        if (n instanceof Near nn) {
            long before = clauses;
            ObjectNode a = intervals(nn.parts().get(0), field);
            ObjectNode b = intervals(nn.parts().get(1), field);
            if (nn.ordered()) {
                return allOf(List.of(a, b), nn.distance());
            }
            // both orders go to the node, each with its own copy of a and b: the node counts every copy's terms
            clauses += clauses - before;
            return anyOf(List.of(allOf(List.of(a, b), nn.distance()), allOf(List.of(b, a), nn.distance())));
        }
        if (n instanceof Or o) {
            List<ObjectNode> parts = new ArrayList<>();
            for (QueryNode x : o.parts()) {
                parts.add(intervals(x, field));
            }
            return anyOf(parts);
        }
        throw new UserException("query error: NEAR and phrases join words, not " + n);
    }

    private List<String> terms(QueryNode n, String field, boolean positional) throws IOException {
        if (n instanceof Prefix p) {
            int cap = positional ? EmbeddedSemantics.MAX_PREFIX_EXPANSIONS_IN_NEAR : EmbeddedSemantics.MAX_PREFIX_EXPANSIONS;
            List<String> out = index.termsStartingWith(field, EmbeddedSemantics.prefixTerm(p.prefix()), cap + 1);
            if (out.size() > cap) {
                throw new UserException(EmbeddedSemantics.prefixTooBroad(p.prefix(), positional));
            }
            return out;
        }
        return EmbeddedSemantics.wordTerms(n);
    }

    private static ObjectNode termsQuery(String layerField, List<String> terms) {
        ArrayNode values = F.arrayNode();
        terms.forEach(t -> values.add(TermLayers.encode(t)));
        return obj("terms", obj(layerField, values));
    }

    private static ObjectNode termRule(String encoded, String field, int layer) {
        ObjectNode m = F.objectNode();
        m.put("query", encoded);
        m.put("analyzer", TERM_ANALYZER);
        if (layer > 0) {
            m.put("use_field", TermLayers.layerField(field, layer));
        }
        return obj("match", m);
    }

    private static ObjectNode anyOf(List<ObjectNode> rules) {
        if (rules.size() == 1) {
            return rules.get(0);
        }
        ArrayNode a = F.arrayNode();
        rules.forEach(a::add);
        return obj("any_of", obj("intervals", a));
    }

    private static ObjectNode allOf(List<ObjectNode> rules, int maxGaps) {
        ObjectNode all = F.objectNode();
        ArrayNode a = F.arrayNode();
        rules.forEach(a::add);
        all.set("intervals", a);
        all.put("ordered", true);
        all.put("max_gaps", maxGaps);
        return obj("all_of", all);
    }

    private static void setIfAny(ObjectNode o, String key, ArrayNode a) {
        if (!a.isEmpty()) {
            o.set(key, a);
        }
    }

    static ObjectNode obj(String key, com.fasterxml.jackson.databind.JsonNode value) {
        ObjectNode o = F.objectNode();
        o.set(key, value);
        return o;
    }
}
