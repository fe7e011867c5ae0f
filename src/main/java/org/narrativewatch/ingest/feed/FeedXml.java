package org.narrativewatch.ingest.feed;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Text;
import org.jdom2.filter.Filters;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;

/**
 * Parses a feed's XML into the tree ROME reads, refusing what a feed never needs and bounding
 * its depth.
 *
 * <p>No DOCTYPE: external entities (XXE) and entity-expansion bombs both need one. Depth: ROME
 * turns an item's XML content back into text with recursive code, so 3,000 nested elements in one
 * description (21 kB) overflowed the stack and took the whole feed, and in {@code collect} the whole
 * outlet, down with it. Elements deeper than {@link #MAX_DEPTH} are replaced by their text (walked
 * with an explicit stack, never recursively): the item keeps its words and loses only markup no
 * real feed has.
 */
final class FeedXml {
    private FeedXml() {}

    /** Deepest element kept as markup; rss/channel/item/description is 4, real XHTML content ~30. */
    static final int MAX_DEPTH = 100;

    static Document parse(String xml) throws JDOMException, IOException {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        Document doc = builder.build(new StringReader(xml));
        flattenDeep(doc.getRootElement(), MAX_DEPTH);
        return doc;
    }

    /** Replaces every element at depth {@code max} that has child elements by its text. Returns how many. */
    static int flattenDeep(Element root, int max) {
        record At(Element e, int depth) {}
        Deque<At> todo = new ArrayDeque<>();
        todo.push(new At(root, 1));
        int flattened = 0;
        while (!todo.isEmpty()) {
            At at = todo.pop();
            List<Element> children = at.e().getChildren();
            if (children.isEmpty()) {
                continue;
            }
            if (at.depth() >= max) {
                StringBuilder text = new StringBuilder();
                for (Text t : at.e().getDescendants(Filters.text())) {
                    text.append(t.getText());
                }
                at.e().removeContent();
                at.e().addContent(new Text(text.toString()));
                flattened++;
                continue;
            }
            for (Element c : new ArrayList<>(children)) {
                todo.push(new At(c, at.depth() + 1));
            }
        }
        return flattened;
    }

    /** For tests: the deepest element nesting under {@code root}, counted without recursion. */
    static int depth(Element root) {
        int deepest = 0;
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {root, 1});
        while (!todo.isEmpty()) {
            Object[] at = todo.pop();
            int d = (int) at[1];
            deepest = Math.max(deepest, d);
            for (Content c : ((Element) at[0]).getContent()) {
                if (c instanceof Element e) {
                    todo.push(new Object[] {e, d + 1});
                }
            }
        }
        return deepest;
    }
}
