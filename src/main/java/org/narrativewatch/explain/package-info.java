/**
 * What changed, and what a term travels with: keyness of lemmas, two-word phrases and names between
 * a window and a baseline (G², p, log-ratio with its 95% interval; {@link org.narrativewatch.explain.Keyness}),
 * collocates per bucket ({@link org.narrativewatch.explain.Collocates}) and "what changed" at change
 * points ({@link org.narrativewatch.explain.ChangeExplainer}). Counts come from the engine
 * ({@code Engine.contrast}, {@code Engine.texts}); names from {@link org.narrativewatch.explain.names}.
 * Entry type: {@link org.narrativewatch.explain.Explainer}. docs/explain.md.
 */
package org.narrativewatch.explain;
