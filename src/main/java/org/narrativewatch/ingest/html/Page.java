package org.narrativewatch.ingest.html;

/**
 * What an article page says about itself.
 *
 * @param title     og:title, the article's h1 or the document title
 * @param text      the article body as paragraphs separated by blank lines, boilerplate removed
 * @param published the page's own publication date, or null when its metadata states none
 * @param lang      primary language subtag of the page (html lang, Content-Language), or null
 * @param canonical the page's canonical URL (link rel=canonical, og:url), or null
 */
public record Page(String title, String text, Dated published, String lang, String canonical) {}
