/**
 * Briefs: a Markdown file whose fenced {@code figure} blocks (YAML) are computed over the same engine, territory,
 * opinion and shift code the commands use, checked against their expectations (holds, fails, unknown, computed),
 * and rendered as one self-contained page with charts and a provenance appendix. Entry type:
 * {@link org.narrativewatch.brief.BriefChecker}; {@link org.narrativewatch.brief.BriefParser} reads the file,
 * {@link org.narrativewatch.brief.HtmlBrief} and {@link org.narrativewatch.brief.MarkdownBrief} render it.
 */
package org.narrativewatch.brief;
