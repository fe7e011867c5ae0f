package org.narrativewatch.index.opensearch;

import java.util.ArrayList;
import java.util.List;

/**
 * How client-side analysis reaches a stock OpenSearch node. The embedded index holds several terms at
 * one position (the exact form "=путина" and its lemmas). A stock node's analysis has no way to stack
 * tokens from text it is sent (the filters that could, pattern_capture or synonyms, live in the
 * analysis-common module, which minimal distributions such as integ-test-zip leave out). So the terms
 * of a field are spread over <em>layers</em>: field {@code body_l0} holds the first term of every
 * position, {@code body_l1} the second, and so on, each at the same position as in the embedded index.
 * A placeholder that the node's {@code stop} filter removes keeps the holes, so positions line up
 * across layers; queries read all layers of a field and the intervals query's {@code use_field} puts
 * them back on one position axis.
 *
 * <p>Terms travel encoded so that the node's {@code standard} tokenizer (the only tokenizer every
 * distribution has) keeps each one whole and unchanged: ASCII letters and digits and Cyrillic letters
 * pass through, every other character becomes {@code _} plus four hex digits. The encoding is
 * injective and never yields the placeholder {@link #HOLE} or {@link #NO_TERM}.
 */
final class TermLayers {
    private TermLayers() {}

    /** Stands for "no term of this layer here"; removed at the node, leaving a position hole. */
    static final String HOLE = "_x";

    /** A term no document holds (the encoding never produces it): matches nothing. */
    static final String NO_TERM = "_none";

    static String layerField(String field, int layer) {
        return field + "_l" + layer;
    }

    static String encode(String term) {
        StringBuilder sb = new StringBuilder(term.length() + 8);
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (c >= 0x0400 && c <= 0x04FF && Character.isLetter(c));
            if (plain) {
                sb.append(c);
            } else {
                sb.append('_');
                String hex = Integer.toHexString(c);
                sb.append("0".repeat(4 - hex.length())).append(hex);
            }
        }
        return sb.toString();
    }

    /**
     * One space-separated string per layer for the terms of one field by position (see
     * {@code IndexedTerms.byPosition}); the first string is layer 0.
     */
    static List<String> layers(List<List<String>> byPosition) {
        int depth = 0;
        for (List<String> s : byPosition) {
            depth = Math.max(depth, s.size());
        }
        List<String> out = new ArrayList<>(depth);
        for (int layer = 0; layer < depth; layer++) {
            int last = -1;
            for (int p = 0; p < byPosition.size(); p++) {
                if (byPosition.get(p).size() > layer) {
                    last = p;
                }
            }
            StringBuilder sb = new StringBuilder();
            for (int p = 0; p <= last; p++) {
                if (p > 0) {
                    sb.append(' ');
                }
                List<String> terms = byPosition.get(p);
                sb.append(terms.size() > layer ? encode(terms.get(layer)) : HOLE);
            }
            out.add(sb.toString());
        }
        return out;
    }
}
