package org.narrativewatch.index.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.narrativewatch.index.Schema;

/** Settings and mappings of the three indices the OpenSearch engine creates (see docs/scale-out.md). */
final class IndexLayout {
    private IndexLayout() {}

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    static ObjectNode articles(int shards, int replicas) {
        ObjectNode settings = F.objectNode();
        settings.put("number_of_shards", shards);
        settings.put("number_of_replicas", replicas);
        // searches see what the last commit refreshed, like readers of the embedded index
        settings.put("refresh_interval", "-1");
        ObjectNode analysis = settings.putObject("analysis");
        analysis.putObject("tokenizer").putObject("nw_tok").put("type", "standard").put("max_token_length", 65536);
        analysis.putObject("filter").putObject("nw_holes").put("type", "stop").put("ignore_case", false)
                .putArray("stopwords").add(TermLayers.HOLE);
        ObjectNode an = analysis.putObject("analyzer").putObject(OpenSearchQueryCompiler.TERM_ANALYZER);
        an.put("type", "custom").put("tokenizer", "nw_tok").putArray("filter").add("nw_holes");

        ObjectNode mappings = F.objectNode();
        mappings.put("dynamic", "true");
        mappings.putObject("_source").putArray("excludes").add(OpenSearchEngine.BODY + "_l*").add(OpenSearchEngine.TITLE + "_l*");
        ArrayNode templates = mappings.putArray("dynamic_templates");
        for (String f : List.of(OpenSearchEngine.BODY, OpenSearchEngine.TITLE)) {
            ObjectNode t = templates.addObject().putObject(f + "_layers");
            t.put("match", f + "_l*");
            t.put("match_mapping_type", "string");
            t.putObject("mapping").put("type", "text").put("analyzer", OpenSearchQueryCompiler.TERM_ANALYZER)
                    .put("index_options", "positions");
        }
        ObjectNode p = mappings.putObject("properties");
        for (String k : List.of(OpenSearchEngine.OUTLET, OpenSearchEngine.GROUP, OpenSearchEngine.LANG)) {
            p.putObject(k).put("type", "keyword");
        }
        p.putObject(OpenSearchEngine.DAY).put("type", "integer");
        p.putObject(OpenSearchEngine.TS).put("type", "long");
        p.putObject(OpenSearchEngine.KEY_HASH).put("type", "long").put("index", false);
        p.putObject(OpenSearchEngine.STORY).put("type", "long");
        p.putObject(OpenSearchEngine.COPY).put("type", "byte");
        for (String k : List.of(Schema.URL, Schema.PUBLISHED, Schema.DATE_QUALITY, Schema.SYNDICATED_FROM)) {
            p.putObject(k).put("type", "keyword").put("index", false).put("doc_values", false);
        }
        for (String k : List.of(Schema.TITLE_STORED, Schema.TEXT_STORED)) {
            p.putObject(k).put("type", "text").put("index", false);
        }
        // every layer field the first article needs exists anyway; declaring layer 0 lets an empty index be queried
        for (String f : List.of(OpenSearchEngine.BODY, OpenSearchEngine.TITLE)) {
            p.putObject(TermLayers.layerField(f, 0)).put("type", "text")
                    .put("analyzer", OpenSearchQueryCompiler.TERM_ANALYZER).put("index_options", "positions");
        }
        ObjectNode body = F.objectNode();
        body.set("settings", settings);
        body.set("mappings", mappings);
        return body;
    }

    static ObjectNode vocabulary(int replicas) {
        ObjectNode body = F.objectNode();
        ObjectNode properties = oneShardStrict(body, replicas);
        properties.putObject("f").put("type", "keyword");
        properties.putObject("t").put("type", "keyword");
        return body;
    }

    static ObjectNode meta(int replicas) {
        ObjectNode body = F.objectNode();
        oneShardStrict(body, replicas).putObject("checkpoint").put("type", "object").put("enabled", false);
        return body;
    }

    /** The settings and strict mappings of a small side index (one shard); returns the mappings' properties to fill. */
    private static ObjectNode oneShardStrict(ObjectNode body, int replicas) {
        body.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", replicas);
        ObjectNode m = body.putObject("mappings");
        m.put("dynamic", "strict");
        return m.putObject("properties");
    }
}
