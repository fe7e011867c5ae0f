/** Text analysis: per-language Lucene analyzers that turn text into lemma and exact-form terms (Russian dictionary lemmas with a Snowball fallback, Ukrainian morfologik, English), the alphabet-cue language guesser, and the lemma-query evaluation on UD files. Entry type: {@link org.narrativewatch.analysis.Analyzers}. */
package org.narrativewatch.analysis;
