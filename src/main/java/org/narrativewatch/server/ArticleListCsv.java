package org.narrativewatch.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.index.Hits;

/**
 * The articles a search matches, as CSV: the whole list (up to {@link #MAX_ROWS}), one row per article, with
 * header comments saying what made it. Text from articles is quoted by the CSV writer; a text cell that a
 * spreadsheet would run as a formula (starting with = + - @) gets a leading apostrophe.
 */
final class ArticleListCsv {
    private ArticleListCsv() {}

    /** The most rows one export holds; the header says when there were more. */
    static final int MAX_ROWS = 10_000;
    /** Rows fetched from the engine at a time. */
    static final int PAGE = 500;

    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addColumn("published").addColumn("date_quality").addColumn("outlet").addColumn("group").addColumn("lang")
            .addColumn("title").addColumn("url").addColumn("syndicated_from").addColumn("score").addColumn("snippet")
            .build().withHeader();

    /** A page of hits, at offset. */
    interface Pages {
        Hits page(int offset, int limit);
    }

    static String write(Map<String, String> header, Pages pages) {
        Hits first = pages.page(0, PAGE);
        long total = first.total();
        List<List<String>> rows = new ArrayList<>();
        Hits page = first;
        int offset = 0;
        while (true) {
            for (Hits.Hit h : page.hits()) {
                if (rows.size() < MAX_ROWS) {
                    rows.add(row(h));
                }
            }
            offset += page.hits().size();
            if (page.hits().isEmpty() || offset >= total || rows.size() >= MAX_ROWS) {
                break;
            }
            page = pages.page(offset, Math.min(PAGE, MAX_ROWS - rows.size()));
        }
        StringBuilder b = new StringBuilder();
        header.forEach((k, v) -> b.append("# ").append(k).append(": ").append(v.replaceAll("[\\r\\n]+", " ")).append('\n'));
        b.append("# rows: ").append(rows.size() < total ? "the first " + rows.size() + " of " + total + " (narrow the range for the rest)"
                : String.valueOf(total)).append('\n');
        b.append("# text cells a spreadsheet would run as a formula (starting with = + - @) begin with an apostrophe\n");
        try {
            b.append(new CsvMapper().writer(SCHEMA).writeValueAsString(rows));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    private static List<String> row(Hits.Hit h) {
        String published = h.published() == null ? "" : h.dateQuality() == DateQuality.DATE_ONLY
                ? h.published().toLocalDate().toString() : h.published().toString();
        return List.of(published, h.dateQuality() == null ? "" : h.dateQuality().wire(), text(h.outlet()), text(h.group()),
                text(h.lang()), text(h.title() == null ? "" : h.title().text()), text(h.url()), text(h.syndicatedFrom()),
                String.valueOf(h.score()), text(h.snippet() == null ? "" : h.snippet().text()));
    }

    /** Article text for a spreadsheet: never a formula. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
