/** The engine seam and its embedded implementation: {@link org.narrativewatch.index.Engine} is all the CLI, server and analysis code see; {@link org.narrativewatch.index.LuceneEngine} keeps the corpus in a Lucene folder. */
package org.narrativewatch.index;
