package org.narrativewatch.ingest.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Extracts an article from an HTML page.
 *
 * <p>The boilerplate removal is written here because the Java libraries for it (boilerpipe and its
 * forks) are unmaintained; this is the small, well-known heuristic on top of jsoup: drop
 * navigation, scripts and elements whose class or id says they are chrome (menus, share bars,
 * comments, related links), then take the {@code <article>} / {@code articleBody} element if the
 * page marks one, else the element whose direct paragraphs hold the most text.
 */
public final class PageExtractor {
    private PageExtractor() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CHROME_TAGS =
            "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, canvas, button, "
                    + "select, input, figure figcaption, [hidden], [aria-hidden=true]";
    private static final Pattern CHROME_NAMES = Pattern.compile(
            "(^|[\\s_-])(nav|navbar|menu|breadcrumbs?|share|sharing|social|comments?|related|recommend\\w*|promo|"
                    + "advert\\w*|ads?|banner|cookie\\w*|subscribe|subscription|newsletter|sidebar|footer|header|"
                    + "tags|popular|read-more|readmore|teaser)([\\s_-]|$)",
            Pattern.CASE_INSENSITIVE);

    private static final String[] DATE_META = {
        "meta[property=article:published_time]", "meta[itemprop=datePublished]", "meta[name=pubdate]",
        "meta[name=publishdate]", "meta[name=publish-date]", "meta[name=parsely-pub-date]",
        "meta[name=sailthru.date]", "meta[name=dc.date.issued]", "meta[name=DC.date.issued]", "meta[name=date]",
        "meta[property=og:published_time]", "meta[name=mediator_published_time]",
    };

    /** Parses and extracts; {@code baseUri} resolves relative links, {@code zone} reads dates without offset. */
    public static Page extract(String html, String baseUri, ZoneId zone) {
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        flattenDeep(doc, Limits.MAX_HTML_DEPTH);
        Dated published = publishedDate(doc, zone);
        String title = firstNonBlank(
                attr(doc, "meta[property=og:title]", "content"),
                text(doc.selectFirst("article h1, h1")),
                doc.title());
        String lang = primaryTag(firstNonBlank(doc.select("html").attr("lang"),
                attr(doc, "meta[http-equiv=content-language]", "content"),
                attr(doc, "meta[property=og:locale]", "content")));
        String canonical = firstNonBlank(absAttr(doc, "link[rel=canonical]", "href"),
                attr(doc, "meta[property=og:url]", "content"));
        return new Page(title, bodyText(doc), published, lang, canonical);
    }

    /** Plain text of an HTML fragment (feed summaries): tags dropped, paragraphs kept apart. */
    public static String fragmentText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(html);
        flattenDeep(doc, Limits.MAX_HTML_DEPTH);
        doc.select("script, style").remove();
        return paragraphs(doc.body());
    }

    /**
     * Replaces every element nested {@code max} deep that still has child elements by its text,
     * walking with an explicit stack. Real pages nest a few dozen levels; thousands of nested tags
     * (a hostile page or feed item) made the per-block walks below quadratic and recursive code
     * elsewhere overflow its stack. The words are kept, only the markup below the limit goes.
     *
     * @return how many elements were flattened
     */
    public static int flattenDeep(Element root, int max) {
        java.util.ArrayDeque<Element> todo = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
        todo.push(root);
        depths.push(1);
        int flattened = 0;
        while (!todo.isEmpty()) {
            Element e = todo.pop();
            int depth = depths.pop();
            if (e.childrenSize() == 0) {
                continue;
            }
            if (depth >= max) {
                String text = e.text();
                e.empty();
                e.appendText(text);
                flattened++;
                continue;
            }
            for (Element c : e.children()) {
                todo.push(c);
                depths.push(depth + 1);
            }
        }
        return flattened;
    }

    static Dated publishedDate(Document doc, ZoneId zone) {
        for (String selector : DATE_META) {
            Dated d = Dated.parse(attr(doc, selector, "content"), zone);
            if (d != null) {
                return d;
            }
        }
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                String found = findDatePublished(JSON.readTree(script.data()), 0);
                Dated d = Dated.parse(found, zone);
                if (d != null) {
                    return d;
                }
            } catch (JsonProcessingException e) {
                // broken JSON-LD is common; the other sources may still date the page
            }
        }
        for (Element time : doc.select("time[itemprop=datePublished], time[pubdate], article time[datetime], "
                + "time[datetime]")) {
            Dated d = Dated.parse(time.attr("datetime"), zone);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static String findDatePublished(JsonNode node, int depth) {
        if (node == null || depth > 8) {
            return null;
        }
        if (node.isObject()) {
            JsonNode v = node.get("datePublished");
            if (v != null && v.isTextual()) {
                return v.asText();
            }
            for (JsonNode child : node) {
                String s = findDatePublished(child, depth + 1);
                if (s != null) {
                    return s;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                String s = findDatePublished(child, depth + 1);
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }

    static String bodyText(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return "";
        }
        Element work = body.clone();
        work.select(CHROME_TAGS).remove();
        List<Element> chrome = new ArrayList<>();
        for (Element e : work.getAllElements()) {
            String names = e.className() + " " + e.id();
            if (e != work && !names.isBlank() && CHROME_NAMES.matcher(names).find()
                    && !e.is("article, [itemprop=articleBody]")) {
                chrome.add(e);
            }
        }
        chrome.forEach(Element::remove);
        Element main = work.selectFirst("[itemprop=articleBody]");
        if (main == null) {
            main = largest(work.select("article"));
        }
        if (main == null) {
            main = densest(work);
        }
        return main == null ? "" : paragraphs(main);
    }

    private static Element largest(Elements candidates) {
        Element best = null;
        int bestLen = 0;
        for (Element e : candidates) {
            int len = e.text().length();
            if (len > bestLen) {
                best = e;
                bestLen = len;
            }
        }
        return best;
    }

    /** The element whose direct {@code <p>} children hold the most text. */
    private static Element densest(Element root) {
        Element best = null;
        int bestLen = 0;
        for (Element e : root.getAllElements()) {
            int len = 0;
            for (Element child : e.children()) {
                if (child.is("p")) {
                    len += child.text().length();
                }
            }
            if (len > bestLen) {
                best = e;
                bestLen = len;
            }
        }
        return best != null ? best : root;
    }

    /** Block elements become paragraphs separated by a blank line; inline text is joined. */
    private static String paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        Elements blocks = root.select("p, h2, h3, h4, li, blockquote, pre");
        if (blocks.isEmpty()) {
            return root.text().trim();
        }
        for (Element b : blocks) {
            if (hasBlockInside(b)) {
                continue; // a container of other blocks: its children are taken one by one
            }
            String t = b.text().trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return String.join("\n\n", out);
    }

    private static boolean hasBlockInside(Element b) {
        for (Element e : b.getAllElements()) {
            if (e != b && e.is("p, li, blockquote, pre, h2, h3, h4")) {
                return true;
            }
        }
        return false;
    }

    private static String attr(Document doc, String selector, String attr) {
        Element e = doc.selectFirst(selector);
        return e == null ? null : e.attr(attr);
    }

    private static String absAttr(Document doc, String selector, String attr) {
        Element e = doc.selectFirst(selector);
        return e == null ? null : e.absUrl(attr);
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static String primaryTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String p = tag.trim().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return p.matches("[a-z]{2,3}") ? p : null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
