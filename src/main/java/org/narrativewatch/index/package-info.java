/**
 * The corpus behind every figure: {@link org.narrativewatch.index.Corpus} is what the CLI, the server and
 * the analysis code read through; {@link org.narrativewatch.index.Engine} is the seam below it, holding only
 * what differs between engines.
 *
 * <pre>
 *   cli, server, shift, opinion, brief, explain ...
 *        │  timeline · breakdown · search · stats · outlets · snapshot
 *        ▼
 *   Corpus ── folds per-day counts into buckets (Series.fold: days, partial), one counting pass
 *        │    per breakdown, stats from facts — once, for every engine
 *        │  dayCounts · search · facts · snapshot · add · commit · checkpoint
 *        ▼
 *   Engine ── LuceneEngine (a folder) · opensearch.OpenSearchEngine (a cluster) · test doubles
 * </pre>
 *
 * <p>An engine implements: {@code name()}; {@code add(Article)} (ADDED or ALREADY_PRESENT by
 * {@link org.narrativewatch.article.Article#key()}), {@code commit(checkpoint)}, {@code checkpoint()};
 * {@code dayCounts(query, selection, unit, facet)} ({@link org.narrativewatch.index.DayCounts}: per-day counts
 * of the query's matches and of all selected articles, whole or per outlet/group value, articles or stories,
 * over the days {@link org.narrativewatch.index.Selection#days} gives, with the corpus' first and last day,
 * all from one state of the corpus); {@code search(...)}; {@code facts()} ({@link org.narrativewatch.index.CorpusFacts});
 * {@code snapshot()} ({@link org.narrativewatch.index.Snapshot}: engine, location, articles, from, to,
 * version — cheap, for every export). Nothing above the seam asks which engine it has.
 *
 * <p>What every engine stores the same way: field names and the Article ↔ stored-fields mapping in
 * {@link org.narrativewatch.index.Schema}, the key and story hashes in {@link org.narrativewatch.index.Hashes},
 * the terms at each position in {@link org.narrativewatch.index.IndexedTerms}, match spans in
 * {@link org.narrativewatch.index.ReferenceHighlighter}, the query compiler's rules in
 * {@link org.narrativewatch.index.EmbeddedSemantics}. The embedded engine is the reference: the brute-force
 * and equality tests hold the others to its numbers.
 */
package org.narrativewatch.index;
